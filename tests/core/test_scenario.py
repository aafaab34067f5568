"""The scenario contract: validation, messages, round trip, overrides."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import ScenarioError
from core.scenario import (
    LEVER_VALUES,
    SECTORS,
    Scenario,
    dump_scenario,
    json_schema,
    load_scenario,
    parse_scenario,
    with_overrides,
    with_policy,
)


def _error(text: str) -> ScenarioError:
    with pytest.raises(ScenarioError) as info:
        parse_scenario(text)
    return info.value


def test_samples_are_valid_and_round_trip(sample_paths):
    names = {p.stem for p in sample_paths}
    for archetype in (
        "university_hospital",
        "retail_bank",
        "police_zone",
        "secondary_school",
        "public_broadcaster",
        "supermarket_chain",
        "software_company",
    ):
        assert archetype in names
    for path in sample_paths:
        scenario = load_scenario(path)
        assert scenario.description, path.name
        assert parse_scenario(dump_scenario(scenario)) == scenario


def test_archetypes_carry_realistic_policies(sample_paths):
    by_name = {p.stem: load_scenario(p) for p in sample_paths}
    assert by_name["public_broadcaster"].policy.no_work_posts
    assert by_name["retail_bank"].policy.work_time_ban
    assert by_name["university_hospital"].policy.confidentiality_rules


def test_bare_number_means_the_mean_with_default_sd():
    scenario = parse_scenario('{"climate": {"voice": 2.5}}')
    assert scenario.climate.voice.mean == 2.5
    assert scenario.climate.voice.sd == pytest.approx(0.9)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('{"organisation": {"employees": 0}}', "organisation.employees must be at least 1"),
        ('{"organisation": {"sector": "bank"}}', "organisation.sector must be one of"),
        ('{"organisation": {"heavy_user_share": 1.5}}', "heavy_user_share must be at most 1"),
        ('{"climate": {"trust": {"mean": 6}}}', "climate.trust.mean must be at most 5"),
        ('{"policy": {"rewards": "gold"}}', "'equal_with_alternatives'"),
        ('{"policy": {"mute_norms": "yes"}}', "policy.mute_norms must be true or false"),
        ('{"organisation": {"employees": "many"}}', "must be a whole number"),
        ('{"colour": "green"}', "colour is not a known field"),
        ('{"schema_version": 2}', "Serre reads version 1"),
        ('{"organisation": []}', "organisation must be an object"),
    ],
)
def test_bad_fields_are_named_with_what_is_allowed(text, fragment):
    assert fragment in _error(text).message("en")


def test_every_problem_is_reported_at_once_and_in_dutch():
    err = _error('{"organisation": {"employees": 0, "sector": "bank"}}')
    assert len(err.problems) == 2
    assert "moet minstens 1 zijn" in err.message("nl")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "error.scenario_empty"),
        ("{not json", "error.scenario_json"),
        ("[1, 2]", "error.scenario_not_object"),
        (b"\xff\xfe\x00garbage", "error.scenario_not_text"),
        (b"{" + b" " * 1_000_001 + b"}", "error.scenario_too_large"),
    ],
)
def test_unreadable_documents(text, key):
    assert _error(text).key == key


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ScenarioError) as info:
        load_scenario(tmp_path / "nope.json")
    assert info.value.key == "error.file_missing"
    with pytest.raises(ScenarioError) as info:
        load_scenario(tmp_path)
    assert info.value.key == "error.file_is_directory"


def test_overrides_are_validated():
    base = Scenario()
    changed = with_overrides(base, {"policy.share_permission": True, "climate.voice.mean": 3.5})
    assert changed.policy.share_permission and changed.climate.voice.mean == 3.5
    assert base.policy.share_permission is False
    with pytest.raises(ScenarioError):
        with_overrides(base, {"climate.voice.mean": 9})
    with pytest.raises(ScenarioError) as info:
        with_overrides(base, {"policy.nonsense": 1})
    assert info.value.key == "error.override_path"


def test_with_policy_keeps_organisation():
    base = Scenario(name="x")
    other = with_policy(base, {"ambassador_programme": "voluntary"})
    assert other.organisation == base.organisation
    assert other.policy.ambassador_programme == "voluntary"


def test_json_schema_describes_the_contract():
    schema = json_schema()
    assert schema["properties"]["schema_version"]["default"] == 1
    assert "Policy" in schema["$defs"]
    json.dumps(schema)


policies = st.fixed_dictionaries({k: st.sampled_from(v) for k, v in LEVER_VALUES.items()})
shares = st.floats(0, 1, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(
    policy=policies,
    sector=st.sampled_from(SECTORS),
    employees=st.integers(1, 1_000_000),
    share=shares,
    mean=st.floats(1, 5),
    sd=st.floats(0, 2),
    seed=st.none() | st.integers(0, 2**63 - 1),
)
def test_json_round_trip_is_lossless(policy, sector, employees, share, mean, sd, seed):
    """Invariant: any valid scenario survives dump and parse unchanged."""
    data = {
        "organisation": {"sector": sector, "employees": employees, "work_chat_groups": share},
        "climate": {"trust": {"mean": mean, "sd": sd}},
        "policy": policy,
        "seed": seed,
    }
    scenario = parse_scenario(json.dumps(data))
    assert parse_scenario(dump_scenario(scenario)) == scenario
