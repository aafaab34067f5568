"""Per-user state: everything lives in ``st.session_state``, nothing in module globals.

The scenario holds the organisation and climate with *today's* policy; the
mix being edited on the Policy page is kept beside it, so 'reset to today'
always works and a saved scenario carries the mix.
"""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path
from typing import Any

import streamlit as st

from core.errors import ScenarioError
from core.recommend import Objective
from core.scenario import Policy, Scenario, load_scenario, with_overrides, with_policy
from core.survey.privacy import DEFAULT_THRESHOLD
from core.valuation import Valuation
from ui.boundary import guarded

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data" / "scenarios"
DEMO = "university_hospital"
WIDGET_PREFIXES = ("org.", "clim.", "mix.", "today.")
DEFAULT_RUNS = 500


def archetypes() -> list[str]:
    return sorted(p.stem for p in SAMPLES.glob("*.json"))


def demo_scenario() -> Scenario:
    """The built-in demo organisation (the Method page grades its numbers)."""
    return load_scenario(SAMPLES / f"{DEMO}.json")


def init() -> None:
    """Fill the session with the demo organisation on first load."""
    ss = st.session_state
    if "scenario" not in ss:
        set_scenario(demo_scenario(), source=DEMO)
    ss.setdefault("saved", {})
    ss.setdefault("survey", None)
    ss.setdefault("survey_id", None)
    ss.setdefault("use_survey", False)
    ss.setdefault("valuation", Valuation())
    ss.setdefault("objective", Objective())
    ss.setdefault("runs", DEFAULT_RUNS)
    ss.setdefault("errors", [])
    ss.setdefault("memo", {})
    ss.setdefault("threshold", DEFAULT_THRESHOLD)  # confidentiality, kept for the session


def reset_widgets() -> None:
    """Forget widget values so they show the new scenario."""
    for key in [k for k in st.session_state if str(k).startswith(WIDGET_PREFIXES)]:
        del st.session_state[key]


def set_scenario(scenario: Scenario, mix: Policy | None = None, source: str | None = None) -> None:
    """Make ``scenario`` current: its policy is today's, ``mix`` (if given) is being edited."""
    ss = st.session_state
    ss.scenario = scenario
    ss.today = scenario.policy
    ss.mix = mix or scenario.policy
    ss.source = source
    ss.recommendation = None
    reset_widgets()


def base() -> Scenario:
    """Organisation + climate + today's policy."""
    return st.session_state.scenario


def current() -> Scenario:
    """The scenario under the mix being edited (what the Simulation page shows)."""
    return with_policy(st.session_state.scenario, st.session_state.mix)


def today() -> Scenario:
    return with_policy(st.session_state.scenario, st.session_state.today)


def seed() -> int:
    from core.context import DEFAULT_SEED

    return (
        st.session_state.scenario.seed
        if st.session_state.scenario.seed is not None
        else DEFAULT_SEED
    )


def report(message: str) -> None:
    """Queue a message for the top of the page (input errors never lose work)."""
    st.session_state.errors.append(message)


@guarded
def update_scenario(path: str, key: str) -> None:
    """Callback: apply one widget's value to the scenario, or report why not."""
    from ui.i18n import lang

    ss = st.session_state
    try:
        ss.scenario = with_overrides(ss.scenario, {path: ss[key]})
        ss.recommendation = None
    except ScenarioError as exc:
        report(exc.message(lang()))


@guarded
def update_lever(lever: str, key: str, target: str = "mix") -> None:
    """Callback: change one lever of the mix (or of today's policy)."""
    ss = st.session_state
    policy: Policy = ss[target]
    ss[target] = Policy.model_validate({**policy.model_dump(), lever: ss[key]})
    if target == "today":
        ss.scenario = with_policy(ss.scenario, ss.today)
        ss.recommendation = None


@guarded
def update_valuation(path: str, value: float) -> None:
    """Callback: one unit cost or rate of the valuation (``cpc``, ``cpm.linkedin``), validated."""
    ss = st.session_state
    data = ss.valuation.model_dump()
    *parents, leaf = path.split(".")
    node = data
    for name in parents:
        node = node[name]
    node[leaf] = value
    ss.valuation = Valuation.model_validate(data)
    ss.objective = dataclasses.replace(ss.objective, valuation=ss.valuation)


def set_mix(policy: Policy) -> None:
    st.session_state.mix = policy
    for key in [k for k in st.session_state if str(k).startswith("mix.")]:
        del st.session_state[key]


def set_survey(result: Any | None) -> None:
    """Keep an uploaded survey for this session only (never on disk)."""
    ss = st.session_state
    ss.survey = result
    ss.survey_id = uuid.uuid4().hex if result is not None else None
    ss.use_survey = result is not None
    ss.memo = {}
