"""The PDF report: the HTML report's sections and words, readable as text, pictured per page."""

from __future__ import annotations

import io
import re
from datetime import date

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from core.answer import answer
from core.context import RunContext
from core.i18n import translate
from core.recommend import recommend
from core.reports.board_note import board_note, headline, to_pdf
from core.reports.choice import export_set
from core.reports.pdf_report import pdf_report
from core.scenario import load_scenario
from tests.conftest import ROOT, SAMPLES
from tests.ui.visible_text import problems

DAY = date(2026, 11, 28)
ARTIFACTS = ROOT / "test-artifacts" / "exports"
SECTIONS = (
    "report.summary", "report.decision", "report.first_moves", "report.guard_rails",
    "report.recommendation", "report.comparison", "report.charts", "report.assumptions",
    "report.confidentiality",
)  # fmt: skip
A4_HEIGHT_PT = 841.89
MONEY_GLUED = re.compile(r"€\d")


@pytest.fixture(scope="module")
def rec():
    hospital = load_scenario(SAMPLES / "university_hospital.json")
    return recommend(hospital, context=RunContext(runs=100), search_runs=32)


@pytest.fixture(scope="module")
def reports(rec):
    out = {}
    for lang in ("en", "nl"):
        names = (translate("scen.today", lang), translate("scen.export_recommended", lang))
        chosen = export_set([(names[0], rec.before), (names[1], rec.after)], 0, 1, rec)
        out[lang] = (chosen, pdf_report(chosen, lang, today=DAY))
    return out


def _text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_sections_answer_and_charts(reports, lang):
    chosen, data = reports[lang]
    pages = _text(data)
    flat = " ".join(" ".join(pages).split())
    for key in SECTIONS:
        assert translate(key, lang) in flat, key
    assert " ".join(headline(chosen.answer, lang).split()) in flat
    assert flat.startswith(translate("note.title", lang, org=chosen.organisation_name(lang)))
    assert {"en": "28 November 2026", "nl": "28 november 2026"}[lang] in flat
    reader = PdfReader(io.BytesIO(data))
    assert sum(len(page.images) for page in reader.pages) == 5  # one chart per metric


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_each_language_reads_in_its_own_words_and_digits(reports, lang):
    lines = [line for page in _text(reports[lang][1]) for line in page.splitlines()]
    assert problems(lines, lang) == []
    if lang == "nl":
        flat = " ".join(lines)
        assert "procentpunt" in flat and "points" not in flat


def _render(data: bytes, stem: str) -> list:
    """Every page at the height of a 1440x900 and a 1920x1080 screen (page fits the height)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    written = []
    pdf = pdfium.PdfDocument(data)
    for height, tag in ((900, "1440x900"), (1080, "1920x1080")):
        for i in range(len(pdf)):
            image = pdf[i].render(scale=height / A4_HEIGHT_PT).to_pil()
            path = ARTIFACTS / f"{stem}_{tag}_p{i + 1:02d}.png"
            image.save(path)
            written.append((path, image.size))
    return written


def test_pages_are_pictured_for_a_person_to_look_at(reports, rec):
    for lang in ("en", "nl"):
        written = _render(reports[lang][1], f"report_{lang}")
        assert written and all(abs(size[1] - h) <= 1 for (_, size), h in zip(
            written, [900] * (len(written) // 2) + [1080] * (len(written) // 2), strict=True
        ))  # fmt: skip
        note = to_pdf(board_note(rec, answer(rec), lang, DAY))
        assert len(_render(note, f"board_note_{lang}")) == 2  # one page, two sizes


def test_no_dutch_word_is_broken_across_lines_in_the_mix_table(reports):
    """The value columns were narrower than "vertrouwelijkheidsregels" and split it mid-word."""
    words = set(" ".join(_text(reports["nl"][1])).split())
    assert "vertrouwelijkheidsregels" in words
    assert not any(w.startswith("vertrouwelijkheidsr") and w != "vertrouwelijkheidsregels"
                   and not w.startswith("vertrouwelijkheidsregels") for w in words)  # fmt: skip


def test_dutch_money_keeps_its_space_after_the_euro_sign(reports):
    """The PDF dropped the no-break space: "€6.540" beside the deck's "€ 6.540"."""
    text = " ".join(_text(reports["nl"][1]))
    assert "€ " in text.replace("\u00a0", " ")
    assert not MONEY_GLUED.search(text)
