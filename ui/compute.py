"""Engine calls for the pages: one run context, one cache wrapper keyed by it.

Every call builds the user's :class:`RunContext` (parameters in use, the
population source, seed, sample, runs) and looks its result up by
(kind, scenario JSON, context key). Synthetic scenarios are pure functions
of that key, so their results go in one bounded ``st.cache_data`` shared by
sessions. Results that depend on an uploaded survey are memoised in the
user's own session instead: uploaded data never enters a shared cache.
Switching calibration on or off changes the parameters and so the key,
which keeps the tornado and every other result in step.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import streamlit as st

from core.conflicts import Thresholds
from core.context import RunContext, SyntheticSource
from core.costs import CostSettings
from core.parameters import ParameterSet, default_parameters
from core.recommend import Objective, Recommendation, recommend
from core.scenario import Scenario, dump_scenario, parse_scenario
from core.sensitivity import Bar, tornado
from core.simulate import SimulationResult, simulate
from core.valuation import Valuation
from ui import state

if TYPE_CHECKING:  # scikit-learn (1.5 s to import) only once a survey is in use
    from core.analytics.insight import Insight

INTERACTIVE_EMPLOYEES = 5000
MEMO_ENTRIES = 24
PREFETCH_QUEUE = 4  # pending searches at most; beyond that the page computes when asked


def objective_json(objective: Objective) -> str:
    data = {
        "valuation": objective.valuation.model_dump(),
        "costs": objective.costs.model_dump(),
        "leak_cap": objective.leak_cap,
        "thresholds": dataclasses.asdict(objective.thresholds),
    }
    return json.dumps(data, sort_keys=True)


def objective_from_json(text: str) -> Objective:
    data = json.loads(text)
    return Objective(
        valuation=Valuation.model_validate(data["valuation"]),
        costs=CostSettings.model_validate(data["costs"]),
        leak_cap=data["leak_cap"],
        thresholds=Thresholds(**data["thresholds"]),
    )


def _survey():
    ss = st.session_state
    return ss.survey if ss.get("use_survey") and ss.get("survey") is not None else None


def insight() -> Insight | None:
    """Personas, drivers and calibration of the uploaded survey (today's policy)."""
    survey = _survey()
    if survey is None:
        return None
    from core.analytics.insight import analyse

    base = state.base()
    key = ("insight", dump_scenario(base), state.seed(), st.session_state.survey_id)
    return _memo(key, lambda: analyse(survey, base, default_parameters(), state.seed()))


def params_in_use() -> ParameterSet:
    """Calibrated parameters when the survey calibrates today's behaviour, else the priors."""
    found = insight()
    if found is None or not st.session_state.get("use_calibration", True):
        return default_parameters()
    return found.params(default_parameters())


def context(scenario: Scenario, runs: int | None = None) -> RunContext:
    """The user's run context for ``scenario``: survey respondents when in use."""
    survey = _survey()
    if survey is None:
        source: Any = SyntheticSource()
    else:
        from core.analytics.insight import persona_source

        source = persona_source(survey, insight())
    return RunContext(
        params=params_in_use(),
        source=source,
        seed=state.seed(),
        employees=min(scenario.organisation.employees, INTERACTIVE_EMPLOYEES),
        runs=runs or st.session_state.runs,
    )


def _memo(key: tuple, make: Callable[[], Any]) -> Any:
    """Per-session memo for survey-based results (bounded, oldest out first)."""
    memo: dict = st.session_state.memo
    if key not in memo:
        if len(memo) >= MEMO_ENTRIES:
            memo.pop(next(iter(memo)))
        memo[key] = make()
    return memo[key]


def _work(kind: str, scenario: Scenario, ctx: RunContext, extra: tuple) -> Any:
    """The engine call behind each kind of result (pure given its arguments)."""
    if kind == "simulate":
        return simulate(scenario, ctx)
    if kind == "recommend":
        return recommend(scenario, objective_from_json(extra[0]), ctx)
    if kind == "tornado":
        metric, with_parameters = extra
        return tornado(scenario, metric, ctx, include_parameters=with_parameters)
    if kind == "personas":
        from core.analytics.persona_effects import lever_persona_effects

        return lever_persona_effects(scenario, ctx)
    raise ValueError(kind)


@st.cache_data(max_entries=64, show_spinner=False)
def _shared(
    kind: str,
    scenario_json: str,
    key: tuple,  # noqa: ARG001 - only hashed: st.cache_data skips `_ctx`, `key` stands for it
    extra: tuple,
    _ctx: RunContext,
) -> Any:
    return _work(kind, parse_scenario(scenario_json), _ctx, extra)


def _cached(kind: str, scenario: Scenario, ctx: RunContext, *extra: Any) -> Any:
    """One cache for every result, keyed by (kind, scenario, context, extra)."""
    text = dump_scenario(scenario)
    if isinstance(ctx.source, SyntheticSource):
        return _shared(kind, text, ctx.cache_key(), extra, ctx)
    key = (kind, text, ctx.cache_key(), extra)
    return _memo(key, lambda: _work(kind, scenario, ctx, extra))


def run(scenario: Scenario, runs: int | None = None) -> SimulationResult:
    """Simulate a scenario for the page (from the survey's respondents when in use)."""
    return _cached("simulate", scenario, context(scenario, runs))


def recommendation(scenario: Scenario, objective: Objective) -> Recommendation:
    ctx = context(scenario, state.DEFAULT_RUNS)
    return _cached("recommend", scenario, ctx, objective_json(objective))


@st.cache_resource(show_spinner=False)
def _prefetcher() -> ThreadPoolExecutor:
    """One background worker per server for shared results a page will soon need.

    It holds no per-user data: each task is a pure function of a scenario and a
    run context, and its result lands in the shared cache like any other.
    """
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="serre-prefetch")


def prefetch_recommendation() -> Future | None:
    """Start the search for the session's organisation in the background, once.

    The recommendation takes seconds; started after a page is drawn, it is
    usually ready before the user opens the Policy page. The shared cache's
    per-key lock means the page then waits for this search rather than
    repeating it, and ten sessions on one organisation share one search.
    Survey-based contexts are not prefetched: their results stay in the session.
    """
    ss = st.session_state
    scenario = state.base()
    ctx = context(scenario, state.DEFAULT_RUNS)
    if not isinstance(ctx.source, SyntheticSource):
        return None
    text, extra = dump_scenario(scenario), (objective_json(ss.objective),)
    key = (text, ctx.cache_key(), extra)
    if ss.get("prefetched") == key:
        return None
    earlier: Future | None = ss.get("prefetch_future")
    if earlier is not None:
        earlier.cancel()  # still queued: this session has moved on (a running search finishes)
    pool = _prefetcher()
    if pool._work_queue.qsize() >= PREFETCH_QUEUE:
        return None
    ss.prefetched = key
    ss.prefetch_future = pool.submit(_shared, "recommend", text, ctx.cache_key(), extra, ctx)
    return ss.prefetch_future


def persona_effects(scenario: Scenario) -> dict:
    """Per lever, which personas it helps or harms most (survey with personas only)."""
    found = insight()
    if found is None or found.personas is None:
        return {}
    return _cached("personas", scenario, context(scenario))


def sensitivity(scenario: Scenario, metric: str, progress: Callable[[float], None]) -> list[Bar]:
    """Tornado bars (seconds of work), levers and assumptions."""
    progress(0.05)
    ctx = context(scenario)
    bars = _cached("tornado", scenario, ctx, metric, True)
    st.session_state.setdefault("tornado_seen", set()).add(_tornado_key(scenario, ctx, metric))
    progress(1.0)
    return bars


def _tornado_key(scenario: Scenario, ctx: RunContext, metric: str) -> tuple:
    return (dump_scenario(scenario), ctx.cache_key(), metric)


def has_sensitivity(scenario: Scenario, metric: str) -> bool:
    """Whether this session already computed the tornado for ``metric`` in this context."""
    key = _tornado_key(scenario, context(scenario), metric)
    return key in st.session_state.get("tornado_seen", set())
