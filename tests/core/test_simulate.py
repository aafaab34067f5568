"""Monte Carlo: calibration, determinism, common random numbers, bounds, breakdowns."""

from __future__ import annotations

import numpy as np
import pytest

from core.context import RunContext, SurveySource
from core.scenario import PLATFORMS, with_overrides
from core.simulate import METRICS, SHARE_METRICS, difference, simulate

# evidence.md calibration bands for the neutral organisation (mean over runs)
CALIBRATION = {
    "ambassadors_creators": (0.25, 0.50),
    "critics_share": (0.05, 0.16),
    "regretted_post_share": (0.09, 0.15),
    "proactivists_share": (0.15, 0.25),
    "very_active_share": (0.02, 0.15),
    "unprompted_creators_share": (0.50, 0.80),
    "p_sensitive_leak_year": (0.12, 0.20),
    "vacancy_sharers_share": (0.03, 0.08),
}


@pytest.fixture(scope="module")
def neutral_result(neutral):
    return simulate(neutral, RunContext(runs=600, seed=11))


@pytest.mark.parametrize("metric", sorted(CALIBRATION))
def test_neutral_organisation_lands_in_every_band(neutral_result, metric):
    low, high = CALIBRATION[metric]
    assert low <= neutral_result.summary()[metric]["mean"] <= high


def test_brief_metric_names_and_percentiles(neutral_result):
    data = neutral_result.to_dict()
    for name in (
        "ambassadors_passive",
        "ambassadors_engaged",
        "ambassadors_creators",
        "critics_share",
        "monthly_impressions",
        "monthly_unique_reach",
        "monthly_recruitment_reach",
        "negative_posts_per_year",
        "sensitive_leaks_per_year",
        "p_sensitive_leak_year",
        "chat_incidents_per_year",
        "reactance_share",
        "always_on_share",
    ):
        s = data["metrics"][name]
        assert set(s) == {"mean", "p10", "p50", "p90"}
        assert s["p10"] <= s["p50"] <= s["p90"]


def test_bounds(neutral_result):
    for name in METRICS:
        values = neutral_result.metrics[name]
        assert np.all(values >= 0), name
        if name in SHARE_METRICS:
            assert np.all(values <= 1), name
    levels = neutral_result.level_summary()
    assert sum(levels[k]["share"]["mean"] for k in levels) == pytest.approx(1.0)


def test_unique_reach_never_exceeds_impressions(neutral_result):
    m = neutral_result.metrics
    assert np.all(m["monthly_unique_reach"] <= m["monthly_impressions"] + 1e-9)
    assert np.all(m["monthly_recruitment_reach"] <= m["monthly_unique_reach"] * 10)


def test_breakdowns_add_up(neutral_result):
    platform = neutral_result.platform_impressions.sum(axis=1)
    assert np.allclose(platform, neutral_result.metrics["monthly_impressions"])
    levels = neutral_result.level_impressions
    assert np.allclose(levels["engaged"] + levels["creator"], platform)
    assert set(neutral_result.to_dict()["platforms"]["monthly_impressions"]) == set(PLATFORMS)


def test_same_seed_identical_numbers(neutral):
    a = simulate(neutral, RunContext(runs=50, seed=5))
    b = simulate(neutral, RunContext(runs=50, seed=5))
    c = simulate(neutral, RunContext(runs=50, seed=6))
    assert all(np.array_equal(a.metrics[k], b.metrics[k]) for k in METRICS)
    assert not np.array_equal(a.metrics["ambassadors_creators"], c.metrics["ambassadors_creators"])


def test_scenario_seed_is_used_by_default(neutral):
    a = simulate(neutral, RunContext.for_scenario(neutral, runs=20))
    b = simulate(neutral, RunContext(runs=20, seed=neutral.seed))
    assert np.array_equal(a.metrics["critics_share"], b.metrics["critics_share"])


def test_common_random_numbers_isolate_the_policy(neutral):
    """Photo rules touch leaks only: with one seed, nothing else may move at all."""
    ctx = RunContext(runs=40, seed=3)
    base = simulate(neutral, ctx)
    photo = simulate(with_overrides(neutral, {"policy.visual_guidelines": True}), ctx)
    for name in (
        "ambassadors_creators",
        "critics_share",
        "monthly_unique_reach",
        "always_on_share",
    ):
        assert np.array_equal(base.metrics[name], photo.metrics[name]), name
    assert np.all(photo.metrics["p_sensitive_leak_year"] < base.metrics["p_sensitive_leak_year"])
    delta = difference(base, photo)
    assert delta["p_sensitive_leak_year"]["p90"] < 0
    with pytest.raises(ValueError):
        difference(base, simulate(neutral, ctx.with_(seed=4)))


def test_sampling_fewer_employees_scales_counts(neutral):
    big = with_overrides(neutral, {"organisation.employees": 20000})
    full = simulate(big, RunContext(runs=100, seed=2)).summary()
    sample = simulate(big, RunContext(runs=100, seed=2, employees=4000)).summary()
    for name in ("negative_posts_per_year", "monthly_impressions", "ambassadors_creators"):
        assert sample[name]["mean"] == pytest.approx(full[name]["mean"], rel=0.05), name


def test_parameter_uncertainty_widens_the_bands(neutral):
    wide = simulate(neutral, RunContext(runs=300, seed=1)).summary()["monthly_unique_reach"]
    narrow = simulate(neutral, RunContext(runs=300, seed=1, uncertainty=False)).summary()[
        "monthly_unique_reach"
    ]
    assert (wide["p90"] - wide["p10"]) > 2 * (narrow["p90"] - narrow["p10"])


def test_group_breakdown_from_a_survey_population(neutral):
    scores = np.full((200, 6), np.nan)
    scores[:100, 1] = 4.8  # proud promoters: high identification
    scores[100:, 1] = 1.5  # detached
    source = SurveySource(scores, group=np.repeat([0, 1], 100), group_names=("proud", "detached"))
    result = simulate(neutral, RunContext(source=source, runs=50, seed=1, employees=3000))
    groups = result.group_summary()
    assert groups["proud"]["creators"]["mean"] > groups["detached"]["creators"]["mean"] + 0.2
    assert "groups" in result.to_dict()


def test_runs_are_bounded():
    with pytest.raises(ValueError):
        RunContext(runs=0)
