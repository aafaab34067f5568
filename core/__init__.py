"""Serre's engine: a pure library (no Streamlit) behind the dashboard and the CLI.

from core import RunContext, load_scenario, simulate, recommend, with_policy
scenario = load_scenario("sample_data/scenarios/retail_bank.json")
today = simulate(scenario, RunContext(runs=1000, seed=1))

Other names load lazily (PEP 562), so a command that needs only the
simulator does not pay for the survey readers or the reports.
"""

from __future__ import annotations

import importlib
from typing import Any

# ``simulate`` and ``recommend`` share their names with their modules: bound eagerly,
# or a submodule imported first would shadow the function.
from core.recommend import recommend
from core.simulate import simulate

_WHERE: dict[str, str] = {
    "CONSTRUCTS": "core.scenario",
    "Climate": "core.scenario",
    "Conflict": "core.conflicts",
    "LANGUAGES": "core.i18n",
    "LEVERS": "core.levers",
    "LEVER_VALUES": "core.scenario",
    "Lever": "core.levers",
    "METRICS": "core.simulate",
    "Objective": "core.recommend",
    "Organisation": "core.scenario",
    "PLATFORMS": "core.scenario",
    "Parameter": "core.parameters",
    "ParameterError": "core.errors",
    "ParameterSet": "core.parameters",
    "Policy": "core.scenario",
    "Population": "core.population",
    "Recommendation": "core.recommend",
    "RunContext": "core.context",
    "SECTORS": "core.scenario",
    "Scenario": "core.scenario",
    "ScenarioError": "core.errors",
    "SerreError": "core.errors",
    "SimulationResult": "core.simulate",
    "SurveySource": "core.context",
    "SyntheticSource": "core.context",
    "Thresholds": "core.conflicts",
    "default_parameters": "core.parameters",
    "difference": "core.simulate",
    "dump_scenario": "core.scenario",
    "find_conflicts": "core.conflicts",
    "json_schema": "core.scenario",
    "load_parameters": "core.parameters",
    "load_scenario": "core.scenario",
    "parse_scenario": "core.scenario",
    "population_from_scores": "core.population",
    "synthetic_population": "core.population",
    "translate": "core.i18n",
    "validate_scenario": "core.scenario",
    "with_overrides": "core.scenario",
    "with_policy": "core.scenario",
}

__all__ = [
    "CONSTRUCTS",
    "LANGUAGES",
    "LEVERS",
    "LEVER_VALUES",
    "METRICS",
    "PLATFORMS",
    "SECTORS",
    "Climate",
    "Conflict",
    "Lever",
    "Objective",
    "Organisation",
    "Parameter",
    "ParameterError",
    "ParameterSet",
    "Policy",
    "Population",
    "Recommendation",
    "RunContext",
    "Scenario",
    "ScenarioError",
    "SerreError",
    "SimulationResult",
    "SurveySource",
    "SyntheticSource",
    "Thresholds",
    "default_parameters",
    "difference",
    "dump_scenario",
    "find_conflicts",
    "json_schema",
    "load_parameters",
    "load_scenario",
    "parse_scenario",
    "population_from_scores",
    "recommend",
    "simulate",
    "synthetic_population",
    "translate",
    "validate_scenario",
    "with_overrides",
    "with_policy",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'core' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
