"""Engine calls for the pages, cached where the result is pure.

Synthetic scenarios are pure functions of their JSON, so their results go in
``st.cache_data`` (bounded). Results that depend on an uploaded survey are
memoised in the user's own session instead: uploaded data never enters a
cache other sessions share.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import Any

import streamlit as st

from core.analytics.insight import Insight, analyse, persona_population
from core.analytics.persona_effects import lever_persona_effects
from core.conflicts import Thresholds
from core.parameters import ParameterSet, default_parameters
from core.recommend import Objective, Recommendation, recommend
from core.scenario import Scenario, dump_scenario, parse_scenario
from core.sensitivity import Bar, tornado
from core.simulate import SimulationResult, simulate
from ui import state

INTERACTIVE_EMPLOYEES = 5000
MEMO_ENTRIES = 24


def _employees(scenario: Scenario) -> int:
    return min(scenario.organisation.employees, INTERACTIVE_EMPLOYEES)


@st.cache_data(max_entries=48, show_spinner=False)
def _simulate_cached(scenario_json: str, runs: int, seed: int, employees: int) -> SimulationResult:
    return simulate(parse_scenario(scenario_json), runs=runs, seed=seed, employees=employees)


@st.cache_data(max_entries=16, show_spinner=False)
def _recommend_cached(scenario_json: str, objective_json: str, seed: int) -> Recommendation:
    return recommend(
        parse_scenario(scenario_json),
        objective_from_json(objective_json),
        seed=seed,
        final_runs=state.DEFAULT_RUNS,
    )


def objective_json(objective: Objective) -> str:
    return json.dumps(dataclasses.asdict(objective), sort_keys=True)


def objective_from_json(text: str) -> Objective:
    data = json.loads(text)
    return Objective(**{**data, "thresholds": Thresholds(**data["thresholds"])})


def _memo(key: tuple, make: Callable[[], Any]) -> Any:
    """Per-session memo for survey-based results (bounded, oldest out first)."""
    memo: dict = st.session_state.memo
    if key not in memo:
        if len(memo) >= MEMO_ENTRIES:
            memo.pop(next(iter(memo)))
        memo[key] = make()
    return memo[key]


def _survey():
    ss = st.session_state
    return ss.survey if ss.get("use_survey") and ss.get("survey") is not None else None


def insight() -> Insight | None:
    """Personas, drivers and calibration of the uploaded survey (today's policy)."""
    survey = _survey()
    if survey is None:
        return None
    base = state.base()
    key = ("insight", dump_scenario(base), state.seed(), st.session_state.survey_id)
    return _memo(key, lambda: analyse(survey, base, default_parameters(), state.seed()))


def params_in_use() -> ParameterSet:
    """Calibrated parameters when the survey calibrates today's behaviour, else the priors."""
    found = insight()
    if found is None or not st.session_state.get("use_calibration", True):
        return default_parameters()
    return found.params(default_parameters())


def survey_population(scenario: Scenario, employees: int | None):
    found = insight()
    return persona_population(
        _survey(), scenario, default_parameters(), state.seed(), found, employees
    )


def run(scenario: Scenario, runs: int | None = None) -> SimulationResult:
    """Simulate a scenario for the page (from the survey's respondents when in use)."""
    runs = runs or st.session_state.runs
    seed = state.seed()
    survey = _survey()
    if survey is None:
        return _simulate_cached(dump_scenario(scenario), runs, seed, _employees(scenario))
    calibrated = st.session_state.get("use_calibration", True)
    key = ("sim", dump_scenario(scenario), runs, seed, st.session_state.survey_id, calibrated)

    def make() -> SimulationResult:
        pop = survey_population(scenario, _employees(scenario))
        return simulate(scenario, runs=runs, seed=seed, population=pop, params=params_in_use())

    return _memo(key, make)


def persona_effects(scenario: Scenario) -> dict:
    """Per lever, which personas it helps or harms most (survey with personas only)."""
    found = insight()
    if found is None or found.personas is None:
        return {}
    calibrated = st.session_state.get("use_calibration", True)
    key = (
        "personas",
        dump_scenario(scenario),
        state.seed(),
        st.session_state.survey_id,
        calibrated,
    )

    def make() -> dict:
        pop = survey_population(scenario, 2000)
        return lever_persona_effects(scenario, pop, params_in_use(), state.seed())

    return _memo(key, make)


def recommendation(scenario: Scenario, objective: Objective) -> Recommendation:
    seed = state.seed()
    survey = _survey()
    if survey is None:
        return _recommend_cached(dump_scenario(scenario), objective_json(objective), seed)
    calibrated = st.session_state.get("use_calibration", True)
    key = (
        "rec",
        dump_scenario(scenario),
        repr(objective),
        seed,
        st.session_state.survey_id,
        calibrated,
    )

    def make() -> Recommendation:
        return recommend(
            scenario,
            objective,
            seed=seed,
            params=params_in_use(),
            final_runs=state.DEFAULT_RUNS,
            population_for=lambda n: survey_population(scenario, n),
        )

    return _memo(key, make)


def sensitivity(scenario: Scenario, metric: str, progress: Callable[[float], None]) -> list[Bar]:
    """Tornado bars (seconds of work: memoised per session, with progress shown)."""
    seed = state.seed()
    survey = _survey()
    key = ("tornado", dump_scenario(scenario), metric, seed, st.session_state.survey_id)

    def make() -> list[Bar]:
        pop = survey_population(scenario, 2000) if survey is not None else None
        params = params_in_use() if survey is not None else None
        return tornado(
            scenario, metric, seed=seed, params=params, population=pop, progress=progress
        )

    return _memo(key, make)


def top_levers(scenario: Scenario, metric: str = "monthly_unique_reach", n: int = 5) -> list[str]:
    """The ``n`` levers that move ``metric`` most for this scenario (for quick what-ifs)."""
    key = ("levers", dump_scenario(scenario), metric, state.seed(), st.session_state.survey_id)

    def make() -> list[str]:
        pop = survey_population(scenario, 2000) if _survey() is not None else None
        bars = tornado(
            scenario, metric, seed=state.seed(), population=pop, include_parameters=False
        )
        return [b.name for b in bars[:n]]

    return _memo(key, make)


def has_sensitivity(scenario: Scenario, metric: str) -> bool:
    key = ("tornado", dump_scenario(scenario), metric, state.seed(), st.session_state.survey_id)
    return key in st.session_state.memo
