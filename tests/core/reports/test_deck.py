"""The board deck opens in python-pptx and holds what a board needs, in its language."""

from __future__ import annotations

import io
import re
import time
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu

from core.context import RunContext
from core.i18n import translate
from core.recommend import recommend
from core.reports import deck_theme as th
from core.reports.choice import export_set
from core.reports.deck import deck
from core.scenario import Policy, load_scenario, with_policy
from core.simulate import simulate
from tests.conftest import ROOT, SAMPLES
from tests.core.reports.deck_preview import render
from tests.ui.visible_text import deck_texts as texts
from tests.ui.visible_text import problems

DAY = date(2026, 11, 28)
ARTIFACTS = ROOT / "test-artifacts" / "exports"
GAG = Policy(no_work_posts=True, share_permission=True, ambassador_programme="voluntary")


@pytest.fixture(scope="module")
def hospital():
    return load_scenario(SAMPLES / "university_hospital.json")


@pytest.fixture(scope="module")
def rec(hospital):
    return recommend(hospital, context=RunContext(runs=100), search_runs=32)


def _names(lang: str) -> tuple[str, str]:
    return translate("scen.today", lang), translate("scen.export_recommended", lang)


@pytest.fixture(scope="module")
def decks(rec):
    out = {}
    for lang in ("en", "nl"):
        today, proposal = _names(lang)
        chosen = export_set([(today, rec.before), (proposal, rec.after)], 0, 1, rec)
        start = time.perf_counter()
        data = deck(chosen, lang, DAY)
        out[lang] = (Presentation(io.BytesIO(data)), time.perf_counter() - start, len(data))
    return out


def title(slide) -> str:
    """The first text box: the slide's title (on the title slide, the whole block)."""
    return next(s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.TEXT_BOX).text_frame.text


TITLES = [
    None, "report.summary", "deck.recommendation", "deck.roadmap", "deck.risk", "deck.reach",
    "deck.method", "note.open_points",
]  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_slides_and_titles_in_each_language(decks, rec, lang):
    prs, seconds, size = decks[lang]
    assert (Emu(prs.slide_width).inches, Emu(prs.slide_height).inches) == pytest.approx(
        (13.333, 7.5), abs=0.01
    )
    titles = [title(s) for s in prs.slides]
    assert titles[1:] == [translate(k, lang) for k in TITLES[1:]]
    first = titles[0]
    assert rec.scenario.organisation_name(lang) in first
    assert translate("deck.title", lang) in first and "Serre" in first
    assert "28 " in first  # the date, in words
    assert seconds < 20 and size < 2_000_000


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_shape_fits_the_slide_and_no_text_boxes_overlap(decks, lang):
    prs = decks[lang][0]
    width, height = prs.slide_width, prs.slide_height
    for number, slide in enumerate(prs.slides, start=1):
        boxes = []
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, (number, shape.name)
            assert shape.left + shape.width <= width, (number, shape.name)
            assert shape.top + shape.height <= height, (number, shape.name)
            if shape.shape_type in (MSO_SHAPE_TYPE.TEXT_BOX, MSO_SHAPE_TYPE.TABLE,
                                    MSO_SHAPE_TYPE.PICTURE):  # fmt: skip
                boxes.append(shape)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                apart = (
                    a.left + a.width <= b.left or b.left + b.width <= a.left
                    or a.top + a.height <= b.top or b.top + b.height <= a.top
                )  # fmt: skip
                assert apart, (number, a.name, b.name)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_text_fits_its_box_as_measured(decks, lang):
    """No text box needs more height than it has (measured the way the deck measures)."""
    for number, slide in enumerate(decks[lang][0].slides, start=1):
        for shape in slide.shapes:
            if shape.shape_type != MSO_SHAPE_TYPE.TEXT_BOX:
                continue
            width = Emu(shape.width).inches
            used = 2 * th.PAD
            for p in shape.text_frame.paragraphs:
                run = p.runs[0]
                after = p.space_after.pt if p.space_after is not None else 0
                para = th.Para(
                    p.text, run.font.size.pt, bool(run.font.bold), space_after=after,
                    bullet=th.is_bullet(p),
                )  # fmt: skip
                used += th.para_height(para, width)
            assert used <= Emu(shape.height).inches + 0.05, (number, shape.text_frame.text[:60])


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_table_rows_hold_their_text_and_tables_end_above_the_footer(decks, lang):
    """Each row is as tall as its wrapped cells need, no word is wider than its column."""
    for number, slide in enumerate(decks[lang][0].slides, start=1):
        for shape in slide.shapes:
            if not shape.has_table:
                continue
            grid = shape.table
            cols = [Emu(c.width).inches for c in grid.columns]
            for i, row in enumerate(grid.rows):
                values = [c.text for c in row.cells]
                size = row.cells[0].text_frame.paragraphs[0].runs[0].font.size.pt
                need = th.row_height(values, cols, size, bold=i == 0)
                assert Emu(row.height).inches >= need - 1e-3, (number, values[0])
                for value, width in zip(values, cols, strict=True):
                    for word in value.split():
                        assert th.text_width(word, size, i == 0) <= width - 2 * th.CELL_PAD_X
            bottom = Emu(shape.top).inches + sum(Emu(r.height).inches for r in grid.rows)
            assert bottom <= th.BODY_BOTTOM + 1e-6, number


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_bullets_hang_and_money_signs_stay_with_their_amounts(decks, lang):
    """Wrapped bullet lines start under the text; "+€" never ends a line on its own."""
    bullets = 0
    for slide in decks[lang][0].slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for p in shape.text_frame.paragraphs:
                if th.is_bullet(p):
                    bullets += 1
                    ppr = p._p.pPr
                    assert int(ppr.get("marL")) == -int(ppr.get("indent")) > 0
                    assert not p.text.startswith("•")
    assert bullets >= 3
    words = " ".join(texts(decks[lang][0]))
    assert "€" in words and not re.search("[+-]€", words)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_speaker_notes_on_every_slide_and_a_footer(decks, rec, lang):
    prs = decks[lang][0]
    org = rec.scenario.organisation_name(lang)
    for number, slide in enumerate(prs.slides, start=1):
        assert len(slide.notes_slide.notes_text_frame.text) > 40, number
        if number > 1:
            words = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
            assert str(number) in words  # the page number
            assert any(w.startswith(f"{org} · ") for w in words)  # the organisation


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_foreign_text_or_foreign_number_formats(decks, lang):
    assert problems(texts(decks[lang][0]), lang) == []


def test_dutch_deck_says_procentpunt_and_dutch_digits(decks):
    words = " ".join(texts(decks["nl"][0]))
    assert "procentpunt" in words and " points" not in words
    assert "€" in words and "28 november 2026" in words


def _picture(slide) -> Image.Image:
    shape = next(s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
    return Image.open(io.BytesIO(shape.image.blob)).convert("RGB")


def test_the_leak_chart_is_drawn_and_not_empty(decks):
    risk = decks["en"][0].slides[TITLES.index("deck.risk")]
    pixels = np.asarray(_picture(risk))
    blue = (abs(pixels[..., 0].astype(int) - 0) < 30) & (abs(pixels[..., 2].astype(int) - 178) < 30)
    assert blue.mean() > 0.01  # the today bar is there, not just axes
    words = " ".join(s.text_frame.text for s in risk.shapes if s.has_text_frame)
    assert "Chance of a public chat incident this year" in words and "P10–P90" in words


def test_a_proposal_by_hand_and_a_plain_comparison(hospital):
    ctx = RunContext(runs=60, seed=3)
    today = simulate(hospital, ctx)
    gag = simulate(with_policy(hospital, GAG), ctx)
    other = simulate(with_policy(hospital, Policy(voice_channels=True)), ctx)
    scenarios = [("Vandaag", today), ("Spreekverbod", gag), ("Inspraak", other)]
    prs = Presentation(io.BytesIO(deck(export_set(scenarios, 0, 1), "nl", DAY)))
    titles = [title(s) for s in prs.slides]
    assert titles[1:] == [
        "Samenvatting", "Wat het voorstel verandert", "Risico als kans", "Bereik",
        "Scenario's vergeleken", "Aannames en methode", "Te beslissen",
    ]  # fmt: skip
    decide = " ".join(texts(prs)[-2:])
    assert translate("conflict.gag_vs_stimulation", "nl") in decide
    assert problems(texts(prs), "nl") == []
    plain = Presentation(io.BytesIO(deck(export_set(scenarios[:1], 0, None), "en", DAY)))
    assert [title(s) for s in plain.slides][1:] == [
        "Summary", "Risk as a probability", "Reach", "Assumptions and method", "Points to decide",
    ]  # fmt: skip
    assert "scenarios compared" in title(plain.slides[0])


def test_previews_of_every_slide(decks):
    """A picture of each slide for a person to look at (1280x720 and 1920x1080)."""
    for lang in ("en", "nl"):
        for dpi, tag in ((96, "1280x720"), (144, "1920x1080")):
            paths = render(decks[lang][0], ARTIFACTS, f"deck_{lang}_{tag}", dpi=dpi)
            assert len(paths) == len(decks[lang][0].slides)
            with Image.open(paths[0]) as image:
                assert image.size == (round(13.333 * dpi), round(7.5 * dpi))
    assert Path(ARTIFACTS).is_dir()
