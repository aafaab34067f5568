"""Serre's engine: a pure library (no Streamlit) behind the dashboard and the CLI.

from core import RunContext, load_scenario, simulate, recommend, with_policy
scenario = load_scenario("sample_data/scenarios/retail_bank.json")
today = simulate(scenario, RunContext(runs=1000, seed=1))
"""

from core.conflicts import Conflict, Thresholds, find_conflicts
from core.context import RunContext, SurveySource, SyntheticSource
from core.errors import ParameterError, ScenarioError, SerreError
from core.i18n import LANGUAGES, translate
from core.levers import LEVERS, Lever
from core.parameters import Parameter, ParameterSet, default_parameters, load_parameters
from core.population import Population, population_from_scores, synthetic_population
from core.recommend import Objective, Recommendation, recommend
from core.scenario import (
    CONSTRUCTS,
    LEVER_VALUES,
    PLATFORMS,
    SECTORS,
    Climate,
    Organisation,
    Policy,
    Scenario,
    dump_scenario,
    json_schema,
    load_scenario,
    parse_scenario,
    validate_scenario,
    with_overrides,
    with_policy,
)
from core.simulate import METRICS, SimulationResult, difference, simulate

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
