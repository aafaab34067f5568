"""Both catalogues have every key, with the same placeholders."""

from __future__ import annotations

import re

from core.i18n import LANGUAGES, catalogue, normalise_language, translate

PLACEHOLDER = re.compile(r"{(\w+)}")


def test_every_key_exists_in_both_languages():
    keys = {lang: set(catalogue(lang)) for lang in LANGUAGES}
    assert keys["en"] == keys["nl"], keys["en"] ^ keys["nl"]


def test_placeholders_match_between_languages():
    for key, text in catalogue("en").items():
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(catalogue("nl")[key])), key


def test_no_empty_or_untranslated_text():
    en, nl = catalogue("en"), catalogue("nl")
    for key, text in en.items():
        assert text.strip() and nl[key].strip(), key


def test_language_normalisation_and_fallback():
    assert normalise_language("nl-BE") == "nl"
    assert normalise_language("fr") == "en"
    assert normalise_language(None) == "en"
    assert translate("no.such.key", "nl") == "no.such.key"
    assert translate("error.file_missing", "nl", path="x") == "Bestand niet gevonden: x"
