"""Every page with Streamlit's AppTest: deep links, interactions, bad input, isolation."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from core.scenario import dump_scenario, load_scenario, with_overrides
from core.share import pack
from tests.conftest import ROOT, SAMPLES

PAGES = [
    "pages/1_Organisation.py",
    "pages/2_Climate_and_survey.py",
    "pages/3_Policy_mix.py",
    "pages/4_Simulation.py",
    "pages/5_Scenarios.py",
    "pages/6_Method_and_sources.py",
    "pages/7_Presenter.py",
]
SURVEY = ROOT / "sample_data" / "surveys" / "serre_example_google_forms_nl.csv"


def app(page: str | None = None, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.session_state["lang"] = lang
    if page:
        at.switch_page(page)
    return at.run()


def texts(at: AppTest) -> str:
    parts = (
        [m.value for m in at.markdown] + [m.label for m in at.metric] + [h.value for h in at.title]
    )
    return " ".join(str(p) for p in parts)


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("page", [None, *PAGES])
def test_every_page_runs_standalone(page, lang):
    at = app(page, lang)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.title, "every page has a title"
    assert "nav." not in texts(at) and "metric." not in texts(at)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_home_is_the_answer_today_and_recommended_side_by_side(lang):
    """One sentence, the same four figures for today and the recommended mix, the note."""
    at = app(lang=lang)
    assert not at.exception and not at.error
    rec = at.session_state["recommendation"]
    labels = [m.label for m in at.metric]
    assert len(labels) == 8 and labels[:4] == labels[4:]
    assert not any(m.delta for m in at.metric[:4])  # today's card has no change
    assert all(m.delta for m in at.metric[4:])
    staff = f"{rec.scenario.organisation.employees:,}".replace(",", "." if lang == "nl" else ",")
    assert sum(staff in label for label in labels[:4]) == 2  # posters and always-on: of all staff
    headline = next(m.value for m in at.markdown if m.value.startswith("### "))
    org = rec.scenario.organisation_name(lang)
    assert org in headline and {"en": "changes", "nl": "wijzigingen"}[lang] in headline
    assert len(at.get("download_button")) == 2


def test_home_applies_the_recommended_mix():
    at = app()
    rec = at.session_state["recommendation"]
    assert at.session_state["mix"] != rec.policy
    next(b for b in at.button if b.label == "Try the recommended mix").click().run()
    assert not at.exception
    assert at.session_state["mix"] == rec.policy


def test_changing_a_lever_changes_the_numbers():
    at = app("pages/3_Policy_mix.py")
    before = metric(at, "Monthly unique reach")
    at.toggle(key="mix.content_support").set_value(
        not at.toggle(key="mix.content_support").value
    ).run()
    assert not at.exception
    assert metric(at, "Monthly unique reach") != before
    assert at.session_state["mix"].content_support != at.session_state["today"].content_support


def test_apply_recommendation_and_reset():
    at = app("pages/3_Policy_mix.py")
    at.button[0].click().run()  # apply the recommendation
    assert at.session_state["mix"] == at.session_state["recommendation"].policy
    at.button[1].click().run()  # reset to today
    assert at.session_state["mix"] == at.session_state["today"]


def test_gag_order_plus_rewards_is_flagged():
    at = app("pages/3_Policy_mix.py")
    at.toggle(key="mix.no_work_posts").set_value(True).run()
    at.selectbox(key="mix.rewards@en").set_value("tiered").run()
    errors = " ".join(e.value for e in at.error)
    assert "gag order" in errors.lower()


def test_switching_language():
    at = app("pages/4_Simulation.py")
    assert at.title[0].value == "Simulation"
    at.button_group(key="language_choice").set_value("nl").run()
    assert at.title[0].value == "Simulatie"
    assert "Ambassadeur-makers" in [m.label for m in at.metric]


@pytest.mark.parametrize("page", [None, *PAGES])
def test_language_round_trip_keeps_every_page_and_its_state(page):
    """English -> Dutch -> English on every page: no traceback, sidebar and choices kept."""
    at = app(page)
    at.session_state["compare_pick"] = ["__today__", "__current__"]
    at.session_state["sensitivity_metric"] = "always_on_share"
    at.session_state["method_family"] = "reach"
    at.run()
    before = at.session_state["scenario"], at.session_state["mix"], at.title[0].value
    for language in ("nl", "en"):
        at.button_group(key="language_choice").set_value(language).run()
        assert not at.exception, [e.value for e in at.exception]
        assert not at.error, [e.value for e in at.error]
        assert at.session_state["lang"] == language
        assert at.button_group(key="language_choice").value == language  # sidebar drawn
    assert (at.session_state["scenario"], at.session_state["mix"], at.title[0].value) == before
    assert at.session_state["sensitivity_metric"] == "always_on_share"
    assert at.session_state["method_family"] == "reach"
    assert at.session_state["source"] == "university_hospital"


def test_language_round_trip_with_a_survey_and_edited_choices():
    at = app("pages/2_Climate_and_survey.py")
    at.file_uploader(key="survey_upload").upload(SURVEY.name, SURVEY.read_bytes(), "text/csv")
    at.run()
    at.selectbox(key="archetype_choice@en").set_value("retail_bank").run()
    at.switch_page("pages/3_Policy_mix.py").run()
    at.selectbox(key="mix.rewards@en").set_value("tiered").run()
    for language in ("nl", "en"):
        at.button_group(key="language_choice").set_value(language).run()
        assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["mix"].rewards == "tiered"
    assert at.session_state["scenario"].organisation.sector == "finance"
    assert at.session_state["survey"] is not None and at.session_state["use_survey"]
    at.switch_page("pages/2_Climate_and_survey.py").run()
    assert not at.exception


def test_loading_an_example_and_a_scenario_file():
    at = app()
    at.selectbox(key="archetype_choice@en").set_value("police_zone").run()
    assert at.session_state["scenario"].organisation.sector == "public_safety"
    at.switch_page("pages/5_Scenarios.py").run()
    bank = load_scenario(SAMPLES / "retail_bank.json")
    at.file_uploader(key="scenario_upload").upload(
        "bank.json", dump_scenario(bank).encode(), "application/json"
    )
    at.run()
    assert not at.exception
    assert at.session_state["scenario"].name == bank.name


def test_an_invalid_scenario_file_is_explained_and_nothing_is_lost():
    at = app("pages/5_Scenarios.py")
    before = at.session_state["scenario"]
    at.file_uploader(key="scenario_upload").upload(
        "bad.json", b'{"organisation": {"employees": 0}}', "application/json"
    )
    at.run()
    assert not at.exception
    assert any("employees must be at least 1" in e.value for e in at.error)
    assert at.session_state["scenario"] == before


def test_share_link_restores_the_scenario():
    school = with_overrides(load_scenario(SAMPLES / "secondary_school.json"), {"seed": 77})
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["s"] = pack(school)
    at.run()
    assert not at.exception
    assert at.session_state["scenario"] == school
    broken = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    broken.query_params["s"] = "garbage!"
    broken.run()
    assert not broken.exception and broken.error
    assert broken.metric  # the page keeps working


def test_uploading_a_survey():
    at = app("pages/2_Climate_and_survey.py")
    at.file_uploader(key="survey_upload").upload(SURVEY.name, SURVEY.read_bytes(), "text/csv")
    at.run()
    assert not at.exception
    survey = at.session_state["survey"]
    assert survey.format == "google_forms" and survey.respondents == 180
    assert at.session_state["use_survey"]
    successes = " ".join(s.value for s in at.success)
    assert "Google Forms" in successes
    at.switch_page("pages/4_Simulation.py").run()
    assert not at.exception


def _insight(at: AppTest):
    from core.analytics.insight import Insight

    return next(v for v in at.session_state["memo"].values() if isinstance(v, Insight))


def test_threshold_is_kept_for_the_session_and_applies_to_personas():
    at = app("pages/2_Climate_and_survey.py")
    at.number_input(key="threshold_input").set_value(10).run()
    at.file_uploader(key="survey_upload").upload(SURVEY.name, SURVEY.read_bytes(), "text/csv")
    at.run()
    assert not at.exception
    assert at.session_state["survey"].threshold == 10
    for page in ("pages/4_Simulation.py", "dashboard.py", "pages/2_Climate_and_survey.py"):
        at.switch_page(page).run()
        assert not at.exception and at.session_state["threshold"] == 10
    assert at.number_input(key="threshold_input").value == 10
    found = _insight(at)
    assert found.personas is not None and min(found.personas.sizes_) >= 10
    at.number_input(key="threshold_input").set_value(40).run()
    assert at.session_state["survey"].threshold == 40  # read again under the new threshold
    found = _insight(at)
    assert found.personas is None or min(found.personas.sizes_) >= 40
    captions = " ".join(c.value for c in at.caption)
    assert "at least 40 answers" in captions


def test_bad_survey_upload_is_explained():
    at = app("pages/2_Climate_and_survey.py")
    at.file_uploader(key="survey_upload").upload(
        "photo.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10, "text/csv"
    )
    at.run()
    assert not at.exception
    assert any("does not look like a survey" in e.value for e in at.error)
    assert at.session_state["survey"] is None


def test_sessions_are_isolated():
    """One user's upload, edits and saved scenarios never reach another session."""
    alice = app("pages/2_Climate_and_survey.py")
    alice.file_uploader(key="survey_upload").upload(SURVEY.name, SURVEY.read_bytes(), "text/csv")
    alice.run()
    alice.switch_page("pages/5_Scenarios.py").run()
    alice.text_input(key="save_name").set_value("Alice's secret plan").run()
    alice.button[0].click().run()
    assert "Alice's secret plan" in alice.session_state["saved"]

    bob = app("pages/5_Scenarios.py")
    assert bob.session_state["survey"] is None
    assert "Alice's secret plan" not in bob.session_state["saved"]
    assert "Alice" not in " ".join(str(m.value) for m in bob.markdown)
    bob.switch_page("pages/2_Climate_and_survey.py").run()
    assert "Detected" not in " ".join(s.value for s in bob.success)


def test_sensitivity_tornado_and_value_view():
    at = app("pages/4_Simulation.py")
    compute = next(b for b in at.button if b.label == "Compute the sensitivity")
    compute.click().run()
    assert not at.exception
    assert any(c.key == "csv.tornado" for c in at.get("download_button"))
    labels = [m.label for m in at.metric]
    assert {
        "Earned media value a year",
        "Expected incident cost a year",
        "Net value a year",
    } <= set(labels)


def test_survey_insight_sections_and_persona_results():
    at = app("pages/2_Climate_and_survey.py")
    at.file_uploader(key="survey_upload").upload(SURVEY.name, SURVEY.read_bytes(), "text/csv")
    at.run()
    headers = [h.value for h in at.subheader]
    assert {"Personas", "Key drivers", "Calibration to today's behaviour"} <= set(headers)
    assert not at.exception
    at.switch_page("pages/4_Simulation.py").run()
    assert "Per persona" in [h.value for h in at.subheader]
    at.switch_page("pages/3_Policy_mix.py").run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "Helps most" in captions


def test_exports_are_prepared_for_download():
    at = app("pages/5_Scenarios.py")
    next(b for b in at.button if b.label == "Prepare the documents").click().run()
    assert not at.exception
    exports = at.session_state["exports"]
    assert exports["html"].startswith("<!DOCTYPE html>")
    assert exports["pptx"][:2] == b"PK" and exports["docx"][:2] == b"PK"
    assert exports["md"].startswith("# Social media policy")


def test_renaming_and_reseeding_the_scenario():
    at = app("pages/1_Organisation.py")
    at.text_input(key="org.name").set_value("Hospital, 2027 plan").run()
    assert at.session_state["scenario"].name == "Hospital, 2027 plan"
    at.switch_page("pages/4_Simulation.py").run()
    before = [m.value for m in at.metric][:4]
    at.number_input(key="org.seed").set_value(12345).run()
    assert at.session_state["scenario"].seed == 12345
    assert not at.exception
    assert [m.value for m in at.metric][:4] != before
