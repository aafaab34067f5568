"""The answer: plain units that agree with the simulation they come from."""

from __future__ import annotations

import pytest

from core.answer import STRONGEST_REASONS, answer
from core.context import RunContext
from core.levers import LEVER_VALUES
from core.recommend import recommend
from core.scenario import load_scenario
from tests.conftest import SAMPLES

FAST = RunContext(runs=200)


@pytest.fixture(scope="module")
def rec():
    return recommend(load_scenario(SAMPLES / "university_hospital.json"), context=FAST)


def test_changes_are_exactly_the_levers_that_differ_from_today(rec):
    found = answer(rec)
    differ = [
        lv for lv in LEVER_VALUES if getattr(rec.policy, lv) != getattr(rec.scenario.policy, lv)
    ]
    assert [c.lever for c in found.changes] == differ
    assert all(c.today != c.recommended for c in found.changes)


def test_figures_are_people_of_this_organisation_and_agree_with_the_runs(rec):
    """Invariant: staff counts are shares times headcount; the change is paired run by run."""
    found = answer(rec)
    n = rec.scenario.organisation.employees
    posters = found.pair("posters")
    assert posters.today.mean == pytest.approx(
        rec.before.metrics["ambassadors_creators"].mean() * n
    )
    assert posters.recommended.mean == pytest.approx(
        rec.after.metrics["ambassadors_creators"].mean() * n
    )
    leak = found.pair("leak_chance")
    assert 0 <= leak.today.p10 <= leak.today.mean <= leak.today.p90 <= 1
    paired = (
        rec.after.metrics["p_sensitive_leak_year"] - rec.before.metrics["p_sensitive_leak_year"]
    )
    assert leak.change.mean == pytest.approx(paired.mean())
    assert leak.change.p10 <= leak.change.mean <= leak.change.p90
    reach = found.pair("reach")
    assert reach.relative == pytest.approx(reach.change.mean / reach.today.mean)


def test_the_recommended_mix_reaches_more_people_in_the_demo_hospital(rec):
    """The demo is a greenhouse case: the advice must show a gain in reach, surely."""
    reach = answer(rec).pair("reach")
    assert reach.change.mean > 0 and reach.change.p10 > 0


def test_three_strongest_reasons_material_and_for_changed_levers_first(rec):
    found = answer(rec)
    assert 0 < len(found.reasons) <= STRONGEST_REASONS
    assert all(r.material or r.cap_bound for r in found.reasons)
    changed = {c.lever for c in found.changes}
    flags = [r.lever in changed for r in found.reasons]
    assert flags == sorted(flags, reverse=True), "reasons for changed levers come first"
    values = [abs(r.value_change["mean"]) for r in found.reasons if r.lever in changed]
    assert values == sorted(values, reverse=True)


def test_results_of_the_pages_context_replace_the_search_sample(rec):
    """The page passes its own simulations so its figures match the pages beside it."""
    from core.scenario import with_policy
    from core.simulate import simulate

    ctx = RunContext(runs=120, seed=9, employees=1000)
    before = simulate(rec.scenario, ctx)
    after = simulate(with_policy(rec.scenario, rec.policy), ctx)
    found = answer(rec, before, after)
    leak = found.pair("leak_chance")
    assert leak.today.mean == pytest.approx(before.metrics["p_sensitive_leak_year"].mean())
    assert leak.recommended.mean == pytest.approx(after.metrics["p_sensitive_leak_year"].mean())
    assert found.runs == 120
    assert (
        found.name("nl") == "Universitair ziekenhuis" and found.name("en") == "University hospital"
    )
