"""Number boxes in the user's digits (ui.number_field), on the pages that have them (AppTest)."""

from __future__ import annotations

import pytest

from core.workspace import open_store
from tests.ui.test_workspace import app

SIMULATION = "pages/4_Simulation.py"
POLICY = "pages/3_Policy_mix.py"


def box(at, key: str, lang: str):
    return at.text_input(key=f"{key}@{lang}")


def errors(at) -> list[str]:
    """Error messages as read (user text in them is escaped for markdown)."""
    return [str(e.value).replace("\\", "") for e in at.error]


def in_lang(page: str, lang: str):
    at = app()
    at.session_state["lang"] = lang
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize(
    ("lang", "cpc", "ctr", "leak"),
    [("nl", "1,5", "0,5", "100.000"), ("en", "1.5", "0.5", "100,000")],
)
def test_values_are_shown_in_the_users_digits(lang, cpc, ctr, leak):
    at = in_lang(SIMULATION, lang)
    valuation = at.session_state["valuation"]
    assert valuation.cpc == 1.5 and valuation.company_click_rate == 0.005
    assert box(at, "valuation.cpc", lang).value == cpc
    assert box(at, "valuation.company_click_rate", lang).value == ctr
    assert box(at, "valuation.cost_sensitive_leak", lang).value == leak
    assert box(at, "valuation.cpm.linkedin", lang).value == "25"


@pytest.mark.parametrize(
    ("lang", "typed"),
    [("nl", "1.250,5"), ("nl", "1250,5"), ("nl", "€ 1.250,5"), ("en", "1,250.5"), ("en", "1250.5")],
)
def test_what_a_user_types_is_read_in_their_language(lang, typed):
    at = in_lang(POLICY, lang)
    box(at, "objective.value_recruitment_click", lang).input(typed).run()
    assert not at.exception and not errors(at)
    assert at.session_state["valuation"].value_recruitment_click == 1250.5
    assert at.session_state["objective"].valuation.value_recruitment_click == 1250.5
    expected = {"nl": "1.250,5", "en": "1,250.5"}[lang]
    assert box(at, "objective.value_recruitment_click", lang).value == expected


def test_a_percent_is_typed_in_percent_and_stored_as_a_share():
    at = in_lang(SIMULATION, "nl")
    box(at, "valuation.company_click_rate", "nl").input("1,25 %").run()
    assert not errors(at)
    assert at.session_state["valuation"].company_click_rate == pytest.approx(0.0125)


@pytest.mark.parametrize(
    ("lang", "typed", "says"),
    [
        ("nl", "abc", "is geen getal"),
        ("nl", "0.02", "is geen getal"),  # Dutch grouping in the wrong place: refused, not guessed
        ("en", "2,5", "is not a number"),
        ("nl", "5.000", "moet tussen 0 en 1.000 liggen"),
        ("en", "-1", "must be from 0 to 1,000"),
    ],
)
def test_bad_input_is_named_and_the_last_good_value_stays(lang, typed, says):
    at = in_lang(SIMULATION, lang)
    before = at.session_state["valuation"]
    box(at, "valuation.cpc", lang).input(typed).run()
    assert not at.exception
    shown = errors(at)
    label = {"nl": "Kost per klik (EUR)", "en": "Cost per click (EUR)"}[lang]
    assert len(shown) == 1 and says in shown[0] and label in shown[0], shown
    assert typed in shown[0]  # the message quotes what was typed
    assert at.session_state["valuation"] == before
    assert box(at, "valuation.cpc", lang).value == {"nl": "1,5", "en": "1.5"}[lang]
    at.run()  # the message is shown once; the work is still there
    assert not errors(at) and at.session_state["valuation"] == before


def test_switching_language_rewrites_the_digits_and_keeps_the_value():
    at = in_lang(SIMULATION, "nl")
    box(at, "valuation.cpm.linkedin", "nl").input("12,75").run()
    at.session_state["lang"] = "en"
    at.run()
    assert box(at, "valuation.cpm.linkedin", "en").value == "12.75"
    assert at.session_state["valuation"].cpm.linkedin == 12.75


def test_a_value_changed_on_one_page_shows_on_the_other():
    at = in_lang(POLICY, "nl")
    box(at, "objective.cost_sensitive_leak", "nl").input("250.000").run()
    at.switch_page(SIMULATION).run()
    assert box(at, "valuation.cost_sensitive_leak", "nl").value == "250.000"


def test_lever_cost_settings_reach_the_objective():
    at = in_lang(POLICY, "nl")
    box(at, "objective.cost_scale", "nl").input("0,75").run()
    box(at, "objective.hourly_cost", "nl").input("61").run()
    costs = at.session_state["objective"].costs
    assert costs.scale == 0.75 and costs.hourly_cost == 61
    assert box(at, "objective.cost_scale", "nl").value == "0,75"


def test_a_typed_price_is_kept_in_the_workspace():
    at = in_lang(SIMULATION, "nl")
    box(at, "valuation.cpc", "nl").input("2,25").run()
    token = at.session_state["workspace"].token
    stored = open_store().load(token)
    assert stored is not None and stored.settings.valuation.cpc == 2.25
    again = app(SIMULATION, ws=token)
    assert again.session_state["valuation"].cpc == 2.25
    assert again.session_state["lang"] == "nl"  # the language is kept with the prices
    assert box(again, "valuation.cpc", "nl").value == "2,25"
