"""Recommendation: better than today, within the seed's advice, with reasons."""

from __future__ import annotations

import pytest

from core.context import RunContext
from core.recommend import Objective, recommend, score
from core.scenario import LEVER_VALUES, load_scenario, with_overrides
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def hospital():
    return load_scenario(SAMPLES / "university_hospital.json")


@pytest.fixture(scope="module")
def hospital_rec(hospital):
    return recommend(hospital, context=RunContext(runs=200), search_runs=48)


def test_never_mandatory_and_sensitive_rules_kept_and_explained(hospital_rec):
    p = hospital_rec.policy
    assert p.ambassador_programme != "mandatory" and p.training != "mandatory"
    assert p.confidentiality_rules and p.explain_rules


def test_better_than_today_on_the_objective(hospital, hospital_rec):
    before = {k: v["mean"] for k, v in hospital_rec.before.summary().items()}
    after = {k: v["mean"] for k, v in hospital_rec.after.summary().items()}
    pressure = hospital.organisation.recruitment_pressure
    assert score(after, before, Objective(), pressure) > score(
        before, before, Objective(), pressure
    )
    assert after["monthly_unique_reach"] > before["monthly_unique_reach"]
    assert hospital_rec.cap_met
    assert after["p_sensitive_leak_year"] <= before["p_sensitive_leak_year"] * 1.05


def test_a_reason_for_every_lever_in_both_languages(hospital_rec):
    data_en, data_nl = hospital_rec.to_dict("en"), hospital_rec.to_dict("nl")
    assert [r["lever"] for r in data_en["reasons"]] == list(LEVER_VALUES)
    for en, nl in zip(data_en["reasons"], data_nl["reasons"], strict=True):
        assert en["text"] and nl["text"] and en["text"] != nl["text"]
        assert en["sources"] and all("title" in s for s in en["sources"])
    assert set(data_en["before"]) == set(data_en["after"])


def test_gag_order_is_dropped_for_the_broadcaster():
    broadcaster = load_scenario(SAMPLES / "public_broadcaster.json")
    rec = recommend(broadcaster, context=RunContext(runs=100), search_runs=48)
    assert broadcaster.policy.no_work_posts and not rec.policy.no_work_posts
    codes = {c.code for c in rec.conflicts_before}
    assert "unexplained_restrictions" in codes or "gag_vs_stimulation" in codes
    assert not any(c.severity == "conflict" for c in rec.conflicts_after)


def test_weak_voice_puts_voice_first(hospital):
    weak = with_overrides(hospital, {"climate.voice.mean": 2.2})
    rec = recommend(weak, context=RunContext(runs=50), search_runs=32)
    assert rec.policy.voice_channels
    reason = next(r for r in rec.reasons if r.lever == "voice_channels")
    assert reason.constraint == "weak_voice"
    assert "2.2" in reason.text("en")


def test_leak_cap_is_respected(hospital, hospital_rec):
    cap = 0.2
    rec = recommend(hospital, Objective(leak_cap=cap), RunContext(runs=200), search_runs=48)
    assert rec.cap_met
    assert rec.after.summary()["p_sensitive_leak_year"]["mean"] <= cap + 0.02
    assert not any(c.severity == "conflict" for c in rec.conflicts_after)


def test_an_unreachable_cap_is_reported_and_risk_minimised(hospital, hospital_rec):
    rec = recommend(hospital, Objective(leak_cap=0.01), RunContext(runs=200), search_runs=48)
    assert not rec.cap_met and rec.to_dict()["leak_cap_met"] is False
    lowest = rec.after.summary()["p_sensitive_leak_year"]["mean"]
    assert lowest < hospital_rec.after.summary()["p_sensitive_leak_year"]["mean"]


def test_weights_change_the_answer(hospital):
    reach_only = Objective(negative_posts=0, leaks=0, chat_incidents=0, always_on=0, reactance=0)
    risk_only = Objective(reach=0, recruitment=0, leaks=5, negative_posts=5)
    a = recommend(hospital, reach_only, RunContext(runs=50), search_runs=32)
    b = recommend(hospital, risk_only, RunContext(runs=50), search_runs=32)
    assert a.policy != b.policy
    assert (
        a.after.summary()["monthly_unique_reach"]["mean"]
        > b.after.summary()["monthly_unique_reach"]["mean"]
    )


def test_invalid_objective():
    with pytest.raises(ValueError):
        Objective(reach=-1)
    with pytest.raises(ValueError):
        Objective(leak_cap=0)
