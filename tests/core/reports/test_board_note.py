"""The board note: one page a board reads as it is, in Dutch and English, PDF and DOCX."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from pypdf import PdfReader

from core.answer import answer
from core.context import RunContext
from core.recommend import recommend
from core.reports import word
from core.reports.board_note import board_note, note_size, to_docx, to_pdf
from core.scenario import load_scenario
from core.text import WORD_JOINER
from tests.conftest import SAMPLES
from tests.core.reports.docx_measure import estimated_height

DAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def rec():
    return recommend(
        load_scenario(SAMPLES / "university_hospital.json"), context=RunContext(runs=200)
    )


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_pdf_is_one_page_with_the_answer_first(rec, lang):
    note = board_note(rec, answer(rec), lang, DAY)
    reader = PdfReader(io.BytesIO(to_pdf(note)))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    name = {"en": "University hospital", "nl": "Universitair ziekenhuis"}[lang]
    assert text.startswith(f"{name}: ")
    assert " ".join(note.headline.split()) in text
    for row in note.table:
        assert row[0] in text
    assert {"en": "28 November 2026", "nl": "28 november 2026"}[lang] in text
    if lang == "nl":
        assert not re.search(r"\b\d{1,3},\d{3}\b", text), "no English grouping in Dutch"
        assert "Universitair ziekenhuis" in text and "University hospital" not in text


def test_the_figures_are_the_answer_in_plain_units(rec):
    ans = answer(rec)
    note = board_note(rec, ans, "en", DAY)
    reach, posters, leak, _ = note.table
    assert reach[1] == f"{round(ans.pair('reach').today.mean):,}"
    assert posters[1].endswith(f"of {ans.employees:,}")
    assert leak[1] == f"{round(ans.pair('leak_chance').today.mean * 100)}%"
    assert "points" in leak[3] or leak[3] == "no change"
    assert len(note.changes) == len(ans.changes) and len(note.reasons) == len(ans.reasons)


def test_the_docx_holds_the_same_note(rec):
    note = board_note(rec, answer(rec), "nl", DAY)
    word = Document(io.BytesIO(to_docx(note)))
    texts = [p.text.replace(WORD_JOINER, "") for p in word.paragraphs]  # invisible to a reader
    assert texts[0] == note.title and note.headline in texts
    table = word.tables[0]
    assert [c.text for c in table.rows[0].cells] == list(note.table_header)
    assert len(table.rows) == 1 + len(note.table)
    assert note.moves_title in texts and all(m in texts for m in note.moves)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_sample_organisation_fits_one_page(lang):
    """Invariant: whatever the mix, the note stays one page (type shrinks a little if needed).

    The PDF is counted; the Word note (LibreOffice once ran it onto two pages) is
    measured line by line, as wide as DejaVu Sans sets it.
    """
    for path in sorted(SAMPLES.glob("*.json")):
        rec = recommend(load_scenario(path), context=RunContext(runs=60))
        note = board_note(rec, answer(rec), lang, DAY)
        pages = PdfReader(io.BytesIO(to_pdf(note))).pages
        assert len(pages) == 1, path.stem
        used, page = estimated_height(Document(io.BytesIO(to_docx(note))))
        assert used <= page, (path.stem, round(used), round(page))


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_word_note_is_a4_in_one_font_with_the_pdfs_margins_and_type(rec, lang):
    note = board_note(rec, answer(rec), lang, DAY)
    doc = Document(io.BytesIO(to_docx(note)))
    assert len(doc.sections) == 1
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.left_margin, section.top_margin, section.right_margin, section.bottom_margin)
    assert tuple(round(m.mm) for m in margins) == tuple(round(m) for m in word.MARGINS_MM)
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [
        r for t in doc.tables for row in t.rows for c in row.cells for r in c.paragraphs[0].runs
    ]
    assert {r.font.name for r in runs} == {word.FONT}  # no serif theme font sneaks in
    body = {r.font.size.pt for t in doc.tables for row in t.rows for c in row.cells
            for r in c.paragraphs[0].runs}  # fmt: skip
    assert body == {note_size(note)}
    header = doc.tables[0].rows[0]._tr.trPr
    assert header.find(qn("w:tblHeader")) is not None and header.find(qn("w:cantSplit")) is not None
    numbers = [c.paragraphs[0].alignment for c in doc.tables[0].rows[1].cells]
    assert numbers == [WD_ALIGN_PARAGRAPH.LEFT, *[WD_ALIGN_PARAGRAPH.RIGHT] * 3]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_reason_says_what_to_do_with_a_switch_not_its_name_twice(rec, lang):
    """'Voice channels: voice channels.' read as a stutter; a switch says 'introduce it'."""
    from core.i18n import translate
    from core.levers import LEVER_VALUES

    note = board_note(rec, answer(rec), lang, DAY)
    ans = answer(rec)
    assert note.reasons
    for reason, line in zip(ans.reasons, note.reasons, strict=True):
        lever = translate(f"lever.{reason.lever}", lang)
        if LEVER_VALUES[reason.lever] == (False, True):
            action = translate(f"report.switch_{'on' if reason.value else 'off'}", lang)
            assert line.startswith(f"{lever}: {action}."), line
        else:  # a graded lever says which level
            value = translate(f"value.{reason.lever}.{str(reason.value).lower()}", lang)
            assert line.startswith(f"{lever}: {value}."), line
    assert any(LEVER_VALUES[r.lever] == (False, True) for r in ans.reasons), "a switch is tested"
