"""The Climate page's survey tools without a browser: review, templates, keep, undo."""

from __future__ import annotations

import json

from tests.survey_wave import export
from tests.ui.test_pages import app


def _uploaded(fmt: str = "limesurvey", seed: int = 31):
    wave, data, name = export(fmt, 140, seed)
    at = app("pages/2_Climate_and_survey.py")
    at.file_uploader(key="survey_upload").upload(name, data, "text/csv")
    at.run()
    assert not at.exception
    return wave, at


def test_a_broken_template_gets_a_clear_message_and_nothing_is_lost():
    _, at = _uploaded()
    before = at.session_state["survey"]
    at.file_uploader(key="mapping_upload").upload(
        "mapping.json", b'{"items": {"Q1": {"target": "happiness"}}}', "application/json"
    )
    at.run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "mapping template could not be used" in errors and "allowed targets" in errors
    assert at.session_state["survey"] is before


def test_a_template_applies_and_undo_restores():
    wave, at = _uploaded()
    survey = at.session_state["survey"]
    question = next(q for q, c in wave.item_construct.items() if c == "trust")
    column = next(c for c, q in survey.questions.items() if q == question)
    template = survey.mapping_file()
    template.items[column] = template.items[column].model_copy(update={"target": "ignore"})
    at.file_uploader(key="mapping_upload").upload(
        "m.json", json.dumps(template.model_dump(by_alias=True)).encode(), "application/json"
    )
    at.run()
    assert not at.exception and not at.error
    assert at.session_state["survey"].constructs["trust"].n_items == 2
    undo = next(b for b in at.button if b.label == "Undo the last change")
    undo.click().run()
    assert not at.exception
    assert at.session_state["survey"].constructs["trust"].n_items == 3


def test_keeping_an_identifying_column_needs_the_confirmation():
    _, at = _uploaded()
    keep = next(b for b in at.button if b.label == "Keep this column")
    assert keep.disabled  # until the risk is confirmed
    at.checkbox(key="keep_confirm_box").check().run()
    keep = next(b for b in at.button if b.label == "Keep this column")
    keep.click().run()
    assert not at.exception
    kept = at.session_state["survey_keep"][0]
    assert kept not in at.session_state["survey"].dropped_columns


def test_the_review_names_every_column_and_dutch_works():
    wave, at = _uploaded("google_forms", 32)
    survey = at.session_state["survey"]
    assert len(survey.reviews) == len(wave.labels.columns) + len(wave.planted.columns) + 1
    assert wave.free_text not in [survey.questions.get(c, c) for c in survey.group_candidates]
    at.button_group(key="language_choice").set_value("nl").run()
    assert not at.exception
    headers = [h.value for h in at.subheader]
    assert "Privacycontrole van elke kolom" in headers
