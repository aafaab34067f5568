"""Every mechanism of brief section 3, in its stated direction, as property tests.

Two scenarios simulated with one seed share every random draw, so each
direction holds run by run (not just on average) for any organisation
hypothesis can think of.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import behaviour as bh
from core.population import synthetic_population
from core.scenario import CONSTRUCTS, LEVER_VALUES, validate_scenario, with_overrides
from core.simulate import simulate

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
share = st.floats(0.0, 1.0)
mean = st.floats(1.5, 4.5)


@st.composite
def scenarios(draw, **fixed_policy):
    policy = {k: draw(st.sampled_from(v)) for k, v in LEVER_VALUES.items()}
    policy.update(fixed_policy)
    data = {
        "organisation": {
            "employees": draw(st.integers(20, 50_000)),
            "sensitive_access_share": draw(share),
            "public_scrutiny": draw(share),
            "heavy_user_share": draw(st.floats(0.0, 0.6)),
            "work_chat_groups": draw(share),
            "open_vacancies": draw(st.integers(0, 200)),
        },
        "climate": {c: {"mean": draw(mean), "sd": draw(st.floats(0.3, 1.2))} for c in CONSTRUCTS},
        "policy": policy,
    }
    return validate_scenario(data)


def run(scenario, params=None):
    return simulate(scenario, runs=12, seed=17, employees=600, params=params).metrics


def engaged_or_more(m):
    return m["ambassadors_engaged"] + m["ambassadors_creators"]


# 1. identification, satisfaction and trust raise ambassadorship
@SETTINGS
@given(scenarios(), st.sampled_from(["identification", "satisfaction", "trust"]))
def test_climate_raises_ambassadorship(scenario, construct):
    up = with_overrides(
        scenario, {f"climate.{construct}.mean": getattr(scenario.climate, construct).mean + 0.5}
    )
    assert np.all(engaged_or_more(run(up)) >= engaged_or_more(run(scenario)) - 1e-12)


def test_climate_effect_is_material(neutral):
    low = with_overrides(neutral, {"climate.identification.mean": 2.5})
    high = with_overrides(neutral, {"climate.identification.mean": 4.0})
    assert run(high)["ambassadors_creators"].mean() > run(low)["ambassadors_creators"].mean() + 0.1


# 2. restrictions raise reactance, concentrated in heavy users
@SETTINGS
@given(scenarios(work_time_ban=False), st.sampled_from(["work_time_ban", "no_work_posts"]))
def test_restrictions_raise_reactance(scenario, lever):
    if getattr(scenario.policy, lever):
        return
    restricted = with_overrides(scenario, {f"policy.{lever}": True})
    assert np.all(run(restricted)["reactance_share"] >= run(scenario)["reactance_share"])


def test_reactance_concentrates_in_heavy_users(neutral, params):
    pop = synthetic_population(
        neutral.organisation, neutral.climate, params, np.random.default_rng(0), 20000
    )
    policy = neutral.policy.model_copy(update={"work_time_ban": True})
    theta = params.draw(np.random.default_rng(1), 200)
    p = bh.reactance_probability(pop, bh.restriction_pressure(policy, theta), theta)
    heavy, light = p[:, pop.heavy].mean(), p[:, ~pop.heavy].mean()
    assert heavy > 2.0 * p.mean()  # several times the average
    assert light < 0.05  # near zero for the average employee


def test_reactance_lowers_ambassadorship_and_raises_forbidden_behaviour(neutral, params):
    gag = with_overrides(neutral, {"policy.work_time_ban": True, "policy.no_work_posts": True})
    more = params.with_values({"reactance_base": 0.04})
    base, reactive = run(gag), run(gag, more)
    assert np.all(reactive["reactance_share"] >= base["reactance_share"])
    assert np.all(engaged_or_more(reactive) <= engaged_or_more(base) + 1e-12)
    assert np.all(reactive["critics_share"] >= base["critics_share"])
    assert reactive["critics_share"].mean() > base["critics_share"].mean()


# 3. explaining lowers reactance and raises compliance with confidentiality
@SETTINGS
@given(scenarios(explain_rules=False, confidentiality_rules=True))
def test_explaining_lowers_reactance(scenario):
    explained = with_overrides(scenario, {"policy.explain_rules": True})
    a, b = run(scenario), run(explained)
    assert np.all(b["reactance_share"] <= a["reactance_share"])
    assert b["p_sensitive_leak_year"].mean() <= a["p_sensitive_leak_year"].mean() + 1e-12


# 4. stimulating elements raise engaged and creator levels
@SETTINGS
@given(
    scenarios(share_permission=False, content_support=False),
    st.sampled_from(
        [
            ("share_permission", True),
            ("content_support", True),
            ("training", "voluntary_certificate"),
        ]
    ),
)
def test_stimulation_raises_ambassadorship(scenario, change):
    lever, value = change
    if getattr(scenario.policy, lever) == value:
        return
    stimulated = with_overrides(scenario, {f"policy.{lever}": value})
    assert np.all(engaged_or_more(run(stimulated)) >= engaged_or_more(run(scenario)) - 1e-12)


def test_voluntary_programme_is_material(neutral):
    on = with_overrides(neutral, {"policy.ambassador_programme": "voluntary"})
    assert run(on)["ambassadors_creators"].mean() > run(neutral)["ambassadors_creators"].mean()
    assert (
        run(on)["monthly_recruitment_reach"].mean()
        > run(neutral)["monthly_recruitment_reach"].mean()
    )


# 5. tiered rewards crowd out; equal with alternatives does not
@SETTINGS
@given(scenarios())
def test_tiered_rewards_crowd_out(scenario):
    tiered = with_overrides(scenario, {"policy.rewards": "tiered"})
    equal = with_overrides(scenario, {"policy.rewards": "equal_with_alternatives"})
    none = with_overrides(scenario, {"policy.rewards": "none"})
    assert np.all(run(tiered)["ambassadors_creators"] <= run(equal)["ambassadors_creators"])
    assert np.all(engaged_or_more(run(equal)) >= engaged_or_more(run(none)) - 1e-12)


# 6. voice lowers negative posting; grievance raises it
@SETTINGS
@given(scenarios(voice_channels=False))
def test_voice_lowers_negative_posting(scenario):
    channels = with_overrides(scenario, {"policy.voice_channels": True})
    louder = with_overrides(scenario, {"climate.voice.mean": scenario.climate.voice.mean + 0.5})
    unhappy = with_overrides(
        scenario, {"climate.satisfaction.mean": scenario.climate.satisfaction.mean - 0.5}
    )
    base = run(scenario)
    assert np.all(run(channels)["critics_share"] <= base["critics_share"])
    assert np.all(run(louder)["negative_posts_per_year"] <= base["negative_posts_per_year"])
    assert np.all(run(unhappy)["critics_share"] >= base["critics_share"])


# 7. always-on pressure and chat groups raise exhaustion, mute norms lower it,
# and exhaustion raises negative posting
@SETTINGS
@given(scenarios(mute_norms=False))
def test_always_on(scenario):
    base = run(scenario)
    pressure = with_overrides(
        scenario, {"climate.always_on.mean": scenario.climate.always_on.mean + 0.5}
    )
    chats = with_overrides(
        scenario,
        {"organisation.work_chat_groups": min(1.0, scenario.organisation.work_chat_groups + 0.3)},
    )
    mute = with_overrides(scenario, {"policy.mute_norms": True})
    assert np.all(run(pressure)["always_on_share"] >= base["always_on_share"])
    assert np.all(run(pressure)["critics_share"] >= base["critics_share"])
    assert np.all(run(chats)["always_on_share"] >= base["always_on_share"])
    assert np.all(run(mute)["always_on_share"] <= base["always_on_share"])


def test_after_hours_expectation_effect_matches_evidence(neutral):
    """Low vs high always-on pressure: +10 to +30 points of exhaustion (UniSA 2020)."""
    low = run(with_overrides(neutral, {"climate.always_on.mean": 1.8}))["always_on_share"].mean()
    high = run(with_overrides(neutral, {"climate.always_on.mean": 4.2}))["always_on_share"].mean()
    assert 0.10 <= high - low <= 0.30


# 8. sensitive access raises leaks; rules lower them most when explained; photo rules lower them
@SETTINGS
@given(scenarios(visual_guidelines=False))
def test_leaks(scenario):
    base = run(scenario)
    access = with_overrides(
        scenario,
        {
            "organisation.sensitive_access_share": min(
                1.0, scenario.organisation.sensitive_access_share + 0.3
            )
        },
    )
    photo = with_overrides(scenario, {"policy.visual_guidelines": True})
    assert np.all(run(access)["p_sensitive_leak_year"] >= base["p_sensitive_leak_year"])
    assert np.all(run(photo)["p_sensitive_leak_year"] <= base["p_sensitive_leak_year"])


def test_confidentiality_rules_work_best_explained(neutral):
    sensitive = with_overrides(neutral, {"organisation.sensitive_access_share": 0.8})
    none = run(sensitive)["p_sensitive_leak_year"].mean()
    rules = run(with_overrides(sensitive, {"policy.confidentiality_rules": True}))
    explained = run(
        with_overrides(
            sensitive, {"policy.confidentiality_rules": True, "policy.explain_rules": True}
        )
    )
    assert explained["p_sensitive_leak_year"].mean() < rules["p_sensitive_leak_year"].mean() < none


# 9. chat groups outside the scope and without norms produce more public incidents
@SETTINGS
@given(scenarios(platform_scope="professional", chat_group_norms=False))
def test_chat_incidents(scenario):
    base = run(scenario)["chat_incidents_per_year"]
    covered = run(
        with_overrides(scenario, {"policy.platform_scope": "all", "policy.chat_group_norms": True})
    )
    assert np.all(covered["chat_incidents_per_year"] <= base)


def test_chat_incidents_material(neutral):
    big = with_overrides(
        neutral, {"organisation.work_chat_groups": 0.9, "organisation.employees": 20000}
    )
    covered = with_overrides(big, {"policy.platform_scope": "all", "policy.chat_group_norms": True})
    assert (
        run(covered)["chat_incidents_per_year"].mean()
        < 0.6 * run(big)["chat_incidents_per_year"].mean()
    )


# 10. reach: unique reach saturates
def test_unique_reach_saturates(neutral, params):
    busy = params.with_values(
        {"posts_per_creator_month": 1.2, "shares_per_engaged_month": 1.6}
    ).fixed()
    quiet = params.with_values(
        {"posts_per_creator_month": 0.3, "shares_per_engaged_month": 0.4}
    ).fixed()
    a, b = run(neutral, quiet), run(neutral, busy)
    ratio_impressions = b["monthly_impressions"].mean() / a["monthly_impressions"].mean()
    ratio_unique = b["monthly_unique_reach"].mean() / a["monthly_unique_reach"].mean()
    assert ratio_impressions == pytest.approx(4.0, rel=0.05)
    assert ratio_unique < ratio_impressions
    flood = params.with_values({"posts_per_creator_month": 20, "shares_per_engaged_month": 30})
    m = run(neutral, flood.fixed())
    assert m["monthly_unique_reach"].mean() < 0.7 * m["monthly_impressions"].mean()


@SETTINGS
@given(scenarios())
def test_bounds_hold_everywhere(scenario):
    m = run(scenario)
    for name, values in m.items():
        assert np.all(np.isfinite(values)) and np.all(values >= 0), name
        if name.endswith("_share") or name.startswith(("ambassadors_", "p_")):
            assert np.all(values <= 1), name
    assert np.all(m["monthly_unique_reach"] <= m["monthly_impressions"] + 1e-6)


def test_mandatory_programme_forces_sharing_but_costs_creators(neutral):
    forced = run(with_overrides(neutral, {"policy.ambassador_programme": "mandatory"}))
    voluntary = run(with_overrides(neutral, {"policy.ambassador_programme": "voluntary"}))
    assert forced["reactance_share"].mean() > voluntary["reactance_share"].mean()
    assert forced["ambassadors_creators"].mean() < voluntary["ambassadors_creators"].mean()
    assert engaged_or_more(forced).mean() > engaged_or_more(run(neutral)).mean()
