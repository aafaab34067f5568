"""Every page and every export in Dutch (and in English): no other-language text, the right digits.

The rules are in ``tests/ui/visible_text.py``. Pages are rendered with
AppTest with the edited mix set to the recommendation, so changes, the
decision and the comparison are on screen; exports are built from the same
scenarios as the Scenarios page builds them.
"""

from __future__ import annotations

import io
import re

import pytest
from docx import Document
from pptx import Presentation

from core import charts
from core.context import RunContext
from core.exports import safe_csv
from core.i18n import translate
from core.recommend import recommend
from core.reports import draft_policy, html_report, pptx_deck, to_docx, to_markdown
from core.scenario import load_scenario, with_policy
from core.simulate import simulate
from tests.conftest import SAMPLES
from tests.ui.test_pages import PAGES, app
from tests.ui.visible_text import deck_texts, foreign_phrases, page_texts, problems

LANGS = ["nl", "en"]


def test_the_rules_find_what_they_look_for():
    """The checker itself: each rule catches its case and passes the right form."""
    assert problems(["Bereik 1,234 mensen"], "nl") and problems(["Publieke aandacht 0.60"], "nl")
    assert not problems(["Bereik 1.234 mensen, 0,60 en 48,3%"], "nl")
    assert problems(["Reach 0,60"], "en") and not problems(["Reach 1,234 and 0.60"], "en")
    assert problems(["University hospital, today"], "nl")
    phrase = next(p for p in foreign_phrases("nl") if "random draw" in p)
    assert problems([f"Seed: {phrase}."], "nl")


@pytest.fixture(scope="module")
def apps():
    """Each page in each language, with the recommendation applied as the edited mix."""
    rendered = {}
    for lang in LANGS:
        at = app("pages/3_Policy_mix.py", lang)
        at.session_state["mix"] = at.session_state["recommendation"].policy
        for page in ["dashboard.py", *PAGES]:
            at.switch_page(page).run()
            assert not at.exception, (page, [e.value for e in at.exception])
            rendered[(lang, page)] = list(page_texts(at, lang))
    return rendered


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", ["dashboard.py", *PAGES])
def test_every_page_reads_in_one_language(apps, page, lang):
    texts = apps[(lang, page)]
    assert len(texts) > 20, "the page rendered"
    assert not problems(texts, lang)


@pytest.fixture(scope="module")
def documents():
    hospital = load_scenario(SAMPLES / "university_hospital.json")
    context = RunContext(runs=100, seed=3)
    rec = recommend(hospital, context=context, search_runs=32)
    out = {}
    for lang in LANGS:
        results = [
            (translate("scen.today", lang), simulate(hospital, context)),
            (translate("scen.current", lang), simulate(with_policy(hospital, rec.policy), context)),
        ]
        html = html_report(results, lang, rec)
        body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
        html_text = [re.sub(r"<[^>]+>", " ", body)]
        deck = Presentation(io.BytesIO(pptx_deck(results, lang, rec)))
        deck_text = deck_texts(deck)
        policy = draft_policy(with_policy(hospital, rec.policy), lang)
        word = Document(io.BytesIO(to_docx(policy)))
        docx_text = [p.text for p in word.paragraphs]
        docx_text += [c.text for t in word.tables for row in t.rows for c in row.cells]
        summary = results[0][1].summary()
        levels = {k: translate(f"level.{k}", lang) for k in ("passive", "engaged", "creator")}
        frames = [
            charts.funnel(results[0][1].level_summary(), levels, "", lang)[1],
            charts.bands(summary, ["p_sensitive_leak_year", "always_on_share"], "", lang)[1],
        ]
        csv_text = [safe_csv(f, lang).decode("utf-8-sig") for f in frames]
        out[lang] = {
            "html": html_text,
            "pptx": deck_text,
            "docx": docx_text,
            "md": [to_markdown(policy)],
            "csv": csv_text,
        }
    return out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", ["html", "pptx", "docx", "md", "csv"])
def test_every_export_reads_in_one_language(documents, kind, lang):
    texts = documents[lang][kind]
    assert sum(len(t) for t in texts) > 100
    assert not problems(texts, lang)


def test_dutch_exports_use_dutch_names_and_formats(documents):
    html, deck = " ".join(documents["nl"]["html"]), " ".join(documents["nl"]["pptx"])
    assert "Universitair ziekenhuis" in html and "Universitair ziekenhuis" in deck
    assert re.search(r"\d+,\d%", html) and re.search(r"€\u00a0[+-]?\d", deck + html)
    assert "procentpunt" not in " ".join(documents["en"]["html"])
    assert documents["nl"]["csv"][0].splitlines()[0].count(";") >= 1
