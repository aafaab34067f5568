"""Valuation, sensitivity, share links, sector presets and safe exports."""

from __future__ import annotations

import io
import itertools

import numpy as np
import pandas as pd
import pytest

from core.context import RunContext
from core.errors import ScenarioError
from core.exports import safe_csv
from core.presets import apply_preset
from core.scenario import SECTORS, Scenario, with_overrides
from core.sensitivity import tornado
from core.share import pack, unpack
from core.simulate import simulate
from core.valuation import (
    Valuation,
    earned_media_value,
    incident_cost,
    value_change,
    value_summary,
)


@pytest.fixture(scope="module")
def result(neutral):
    return simulate(neutral, RunContext(runs=100, seed=4))


def test_earned_media_value_methods(result):
    cpm = earned_media_value(result, Valuation(method="cpm"))
    doubled = earned_media_value(
        result,
        Valuation(method="cpm", cpm={p: 2 * v for p, v in Valuation().cpm.model_dump().items()}),
    )
    assert np.allclose(doubled, 2 * cpm) and np.all(cpm > 0)
    cpc = earned_media_value(result, Valuation(method="cpc", cpc=2.0))
    advantage = result.params["employee_click_multiplier_small"].value  # under 10,000 staff
    expected = result.metrics["monthly_impressions"] * 12 * 0.005 * advantage * 2.0
    assert np.allclose(cpc, expected)
    hybrid = earned_media_value(result, Valuation(method="hybrid"))
    assert np.all(hybrid >= cpm)


def test_incident_cost_and_net(result):
    v = Valuation(cost_negative_post=10, cost_sensitive_leak=0, cost_chat_incident=0)
    assert np.allclose(incident_cost(result, v), result.metrics["negative_posts_per_year"] * 10)
    s = value_summary(result, Valuation())
    assert s["net_value"]["mean"] == pytest.approx(
        s["earned_media_value"]["mean"] - s["incident_cost"]["mean"]
    )


def test_value_change_against_today_is_paired_run_by_run(neutral, result):
    """Invariant: the change is the mean of per-run differences; a mix equal to today is 0."""
    shared = with_overrides(neutral, {"policy.share_permission": True})
    other = simulate(shared, RunContext(runs=100, seed=4))
    change = value_change(other, result, Valuation())
    a, b = value_summary(result, Valuation()), value_summary(other, Valuation())
    for name in ("earned_media_value", "incident_cost", "net_value"):
        assert change[name]["mean"] == pytest.approx(b[name]["mean"] - a[name]["mean"])
    assert change["earned_media_value"]["mean"] > 0  # sharing permission adds reach
    same = value_change(result, result, Valuation())
    assert same["net_value"]["p10"] == same["net_value"]["p90"] == 0
    with pytest.raises(ValueError):
        value_change(simulate(shared, RunContext(runs=50, seed=4)), result, Valuation())


def test_tornado_ranks_the_levers_that_matter(neutral):
    gagged = with_overrides(neutral, {"policy.no_work_posts": True})
    bars = tornado(gagged, "ambassadors_creators", top=30)
    names = [b.name for b in bars]
    assert "no_work_posts" in names[:5]
    assert "visual_guidelines" not in names  # photo rules do not move creators at all
    assert all(a.swing >= b.swing for a, b in itertools.pairwise(bars))


def test_share_links_round_trip_and_reject_garbage():
    scenario = with_overrides(
        Scenario(name="Bank, tomorrow"), {"seed": 99, "policy.share_permission": True}
    )
    assert unpack(pack(scenario)) == scenario
    for bad in ("", "%%%", "eJzLSM3JyQcABiwCFQ", "A" * 30_000):
        with pytest.raises(ScenarioError):
            unpack(bad)
    with pytest.raises(ScenarioError) as info:
        unpack(pack(Scenario()).replace("A", "B", 3))
    assert info.value.message("nl")


def test_every_sector_has_a_preset():
    for sector in SECTORS:
        scenario = apply_preset(Scenario(), sector)
        assert scenario.organisation.sector == sector
    hospital = apply_preset(Scenario(), "healthcare").organisation
    shop = apply_preset(Scenario(), "retail").organisation
    assert hospital.sensitive_access_share > shop.sensitive_access_share


def test_csv_cells_that_look_like_formulas_are_neutralised():
    frame = pd.DataFrame(
        {"name": ['=HYPERLINK("x")', "+1", "-cmd", "@sum", "ok"], "value": [-1.5, 2, 3, 4, 5]}
    )
    back = pd.read_csv(io.BytesIO(safe_csv(frame)), encoding="utf-8-sig")
    assert list(back["name"]) == ['\'=HYPERLINK("x")', "'+1", "'-cmd", "'@sum", "ok"]
    assert list(back["value"]) == [-1.5, 2, 3, 4, 5]
