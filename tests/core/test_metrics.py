"""One vocabulary: each metric defined once; rare events as a probability; points or %."""

from __future__ import annotations

import numpy as np
import pytest

from core.context import RunContext
from core.i18n import catalogue
from core.metrics import COMPARED, HEADLINE, METRICS, RISK_PROBABILITIES, headline_note, metric
from core.scenario import load_scenario
from core.simulate import METRICS as SIMULATED
from core.simulate import simulate
from tests.conftest import SAMPLES


def test_every_simulated_metric_is_defined_once_with_its_words():
    assert set(METRICS) == set(SIMULATED)
    for lang in ("en", "nl"):
        words = catalogue(lang)
        for m in METRICS.values():
            assert f"metric.{m.key}.title" in words and f"metric.{m.key}.help" in words, m.key
            assert f"denominator.{m.denominator}" in words, m.key
    for key in (*HEADLINE, *COMPARED, *RISK_PROBABILITIES):
        assert key in METRICS


def test_leak_risk_is_a_probability_first_and_an_expected_count_second():
    assert "p_sensitive_leak_year" in HEADLINE and "sensitive_leaks_per_year" not in HEADLINE
    leak = metric("p_sensitive_leak_year")
    assert leak.kind == "probability" and leak.expected == "expected_sensitive_leaks"
    assert metric("sensitive_leaks_per_year").probability == "p_sensitive_leak_year"
    assert metric("chat_incidents_per_year").probability == "p_chat_incident_year"


@pytest.fixture(scope="module")
def hospital():
    return simulate(
        load_scenario(SAMPLES / "university_hospital.json"), RunContext(runs=200, seed=5)
    )


def test_probabilities_follow_from_the_expected_counts(hospital):
    """P(at least one) = 1 - exp(-rate) per run: the honest probability of a rare event."""
    m = hospital.metrics
    for p, e in (
        ("p_sensitive_leak_year", "expected_sensitive_leaks"),
        ("p_chat_incident_year", "expected_chat_incidents"),
    ):
        assert np.allclose(m[p], -np.expm1(-m[e]))
        # the simulated counts agree with the probability (share of years with at least one)
    counts = m["sensitive_leaks_per_year"]
    assert abs((counts > 0).mean() - m["p_sensitive_leak_year"].mean()) < 0.1
    s = hospital.summary()
    assert s["sensitive_leaks_per_year"]["p50"] == 0  # why a median count is no way to show it
    assert s["p_sensitive_leak_year"]["p50"] > 0


def test_card_note_gives_the_denominator_or_the_expected_count(hospital):
    s = hospital.summary()
    assert headline_note("ambassadors_creators", s, "en") == "of all staff"
    assert headline_note("ambassadors_creators", s, "nl") == "van alle medewerkers"
    note = headline_note("p_sensitive_leak_year", s, "nl")
    assert note.startswith("verwacht: 0,") and note.endswith("lekken per jaar")


def test_changes_say_points_for_shares_and_percent_for_counts():
    share, count = metric("ambassadors_creators"), metric("monthly_unique_reach")
    assert share.change(0.032, "en") == "+3.2 points"
    assert share.change(-0.114, "nl") == "-11,4 procentpunt"
    assert count.change(350.0, "en", base=1000.0) == "+35%"
    assert count.change(5.0, "nl", base=0.0) == "+5"  # no base: an absolute change


def test_a_change_that_rounds_to_nothing_is_neutral():
    leak = metric("p_sensitive_leak_year")
    assert leak.colour(0.0004) == "off" and leak.is_unchanged(0.0004)
    assert leak.colour(0.02) == "inverse"  # more risk is worse
    assert metric("ambassadors_creators").colour(0.02) == "normal"
    assert metric("monthly_unique_reach").colour(3.0, base=100_000.0) == "off"
    assert metric("careless_leak_share").colour(0.3) == "off"  # neither better nor worse


def test_values_and_ranges_in_their_unit():
    assert metric("always_on_share").show(0.4833, "nl") == "48%"
    assert metric("always_on_share").show(0.4833, "nl", precise=True) == "48,3%"
    assert metric("monthly_unique_reach").show(59419.2, "nl") == "59.419"
    assert metric("p_sensitive_leak_year").band(0.16, 0.35, "en") == "P10–P90: 16% – 35%"
    assert metric("ambassadors_creators").unit("en") == "% of all staff"
