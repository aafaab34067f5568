"""The yardstick in EUR: components, paired comparisons, regret, lever costs."""

from __future__ import annotations

import numpy as np
import pytest

from core.context import RunContext
from core.costs import CostSettings, cost_book, lever_cost, policy_cost
from core.decision import compare, expected_regret, yearly_value
from core.levers import LEVER
from core.scenario import with_overrides
from core.simulate import simulate
from core.valuation import Valuation

CTX = RunContext(runs=40, seed=3, employees=1000)


def test_value_components_have_their_signs(neutral):
    value = yearly_value(simulate(neutral, CTX), Valuation())
    assert np.all(value.components["reach"] > 0)
    assert np.all(value.components["recruitment"] >= 0)
    for cost in ("leaks", "negative_posts", "chat_incidents", "always_on"):
        assert np.all(value.components[cost] <= 0)
    assert np.allclose(value.net, sum(value.components.values()) - value.lever_cost)


def test_prices_scale_their_component(neutral):
    result = simulate(neutral, CTX)
    base = yearly_value(result, Valuation())
    double = yearly_value(result, Valuation(cost_sensitive_leak=200_000.0))
    assert np.allclose(double.components["leaks"], 2 * base.components["leaks"])
    assert np.allclose(double.components["reach"], base.components["reach"])


def test_lever_costs_come_from_the_data_file(neutral):
    """Every lever is known to the registry; costs grow with headcount, hourly cost and scale."""
    book = cost_book()
    assert set(book.levers) <= set(LEVER)
    assert book.hourly("finance") > book.hourly("retail")
    shares = {"trained_share": 0.2, "sharers_share": 0.3, "vacancy_sharers_share": 0.1}
    small = lever_cost("voice_channels", True, 100, "other", shares)
    big = lever_cost("voice_channels", True, 10_000, "other", shares)
    assert big > small > 0
    assert lever_cost("voice_channels", False, 100, "other", shares) == 0.0
    dear = lever_cost("training", "voluntary", 500, "other", shares, CostSettings(hourly_cost=100))
    cheap = lever_cost("training", "voluntary", 500, "other", shares, CostSettings(hourly_cost=10))
    assert dear > cheap
    assert policy_cost(neutral.policy, 500, "other", shares, CostSettings(scale=0)) == 0.0
    first = lever_cost("confidentiality_rules", True, 500, "other", shares, first_year=True)
    assert first > lever_cost("confidentiality_rules", True, 500, "other", shares)


def test_a_lever_costs_what_the_value_subtracts(neutral):
    with_voice = with_overrides(neutral, {"policy.voice_channels": True})
    a = yearly_value(simulate(neutral, CTX), Valuation())
    b = yearly_value(simulate(with_voice, CTX), Valuation())
    assert np.all(b.lever_cost > a.lever_cost)


def test_paired_comparison_and_regret():
    rng = np.random.default_rng(0)
    a = rng.normal(100, 10, 400)
    b = a + 5 + rng.normal(0, 1, 400)
    c = compare(a, b)
    assert c.mean == pytest.approx(5, abs=0.3) and c.p_better > 0.99
    assert c.material(threshold=1.0) and not c.tie(threshold=1.0)
    assert compare(a, a + rng.normal(0, 1, 400)).tie(threshold=1.0)
    regret = expected_regret({"a": a, "b": b})
    assert regret["b"] < regret["a"]
    assert regret["a"] == pytest.approx(5, abs=0.3)
