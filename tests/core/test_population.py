"""The synthetic population: the climate, heavy users, platforms, networks."""

from __future__ import annotations

import numpy as np
import pytest

from core.population import MAX_SIMULATED, population_from_scores, synthetic_population
from core.scenario import CONSTRUCTS, PLATFORMS, Scenario, validate_scenario


def _pop(scenario, params, n=20000, seed=3):
    return synthetic_population(
        scenario.organisation, scenario.climate, params, np.random.default_rng(seed), n
    )


def test_constructs_follow_the_climate(params):
    scenario = validate_scenario({"climate": {"voice": {"mean": 2.2, "sd": 0.6}}})
    pop = _pop(scenario, params)
    voice = pop.construct("voice")
    assert voice.min() >= 1 and voice.max() <= 5
    assert voice.mean() == pytest.approx(2.2, abs=0.05)
    assert pop.construct("trust").mean() == pytest.approx(3.0, abs=0.05)


def test_identification_satisfaction_and_trust_move_together(params):
    pop = _pop(Scenario(), params)
    c = np.corrcoef(pop.constructs.T)
    i, s, t = (CONSTRUCTS.index(x) for x in ("identification", "satisfaction", "trust"))
    assert c[i, s] > 0.4 and c[i, t] > 0.35 and c[s, t] > 0.4


def test_heavy_users_platforms_and_networks(params):
    scenario = validate_scenario(
        {"organisation": {"heavy_user_share": 0.3, "platforms": {"linkedin": 0.8, "x": 0.1}}}
    )
    pop = _pop(scenario, params)
    assert pop.heavy.mean() == pytest.approx(0.3, abs=0.02)
    on = pop.on_platform.mean(axis=0)
    assert on[PLATFORMS.index("linkedin")] == pytest.approx(0.8, abs=0.02)
    assert on[PLATFORMS.index("x")] == pytest.approx(0.1, abs=0.02)
    assert pop.on_platform[pop.heavy].mean() > pop.on_platform[~pop.heavy].mean()
    fb = pop.network[:, PLATFORMS.index("facebook")]
    fb_light = fb[(fb > 0) & ~pop.heavy]
    assert np.median(fb_light) == pytest.approx(200, rel=0.08)
    assert fb_light.mean() > 1.5 * np.median(fb_light)  # heavy right tail
    assert np.all(pop.network[~pop.on_platform] == 0)


def test_access_and_chat_groups(params):
    scenario = validate_scenario(
        {"organisation": {"sensitive_access_share": 0.8, "work_chat_groups": 0.25}}
    )
    pop = _pop(scenario, params)
    assert pop.sensitive_access.mean() == pytest.approx(0.8, abs=0.02)
    assert pop.chat_member.mean() == pytest.approx(0.25, abs=0.02)


def test_size_and_scale(params):
    scenario = validate_scenario({"organisation": {"employees": 250_000}})
    pop = synthetic_population(
        scenario.organisation, scenario.climate, params, np.random.default_rng(0)
    )
    assert pop.size == MAX_SIMULATED
    assert pop.scale == pytest.approx(2.5)


def test_same_seed_same_population(params):
    a, b = _pop(Scenario(), params, 500, 9), _pop(Scenario(), params, 500, 9)
    assert np.array_equal(a.constructs, b.constructs) and np.array_equal(a.network, b.network)


def test_population_from_scores_resamples_respondents(params):
    scores = np.full((40, 6), np.nan)
    scores[:, CONSTRUCTS.index("voice")] = np.linspace(1, 5, 40)
    groups = np.arange(40) % 2
    pop = population_from_scores(
        Scenario().organisation,
        Scenario().climate,
        scores,
        params,
        np.random.default_rng(0),
        n=5000,
        group=groups,
        group_names=("a", "b"),
    )
    voice = pop.construct("voice")
    assert set(np.round(voice, 4)) <= set(np.round(np.linspace(1, 5, 40).astype(np.float32), 4))
    assert pop.construct("trust").std() > 0.5  # filled from the climate
    assert pop.group is not None and set(pop.group) == {0, 1}
    with pytest.raises(ValueError):
        population_from_scores(
            Scenario().organisation,
            Scenario().climate,
            np.zeros((0, 6)),
            params,
            np.random.default_rng(0),
        )
