"""The deck's look in one place, and the few shapes every slide is built from.

A client brands the deck by changing the constants at the top (one accent
colour, font names). Slides use the blank layout and our own text boxes, so
nothing inherits an off-centre placeholder from the default template. Text
is measured before it is placed (DejaVu Sans, wider than most office fonts,
so an estimate errs on the roomy side) and set smaller when it would not
fit its box: nothing runs off a slide or under the footer.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from core.text import office_text, one_line

# --- brand: change these to restyle every slide -------------------------------------------
ACCENT = "0072B2"  # titles' rule, table headers, figures
INK = "222222"
MUTED = "5F6368"
LIGHT = "EEF2F6"  # table header fill
HEADING_FONT = "Calibri"
BODY_FONT = "Calibri"
# --- geometry (inches, 16:9) --------------------------------------------------------------
SLIDE_W, SLIDE_H = 13.333, 7.5
MARGIN = 0.6
TITLE_TOP, TITLE_H = 0.4, 0.9
RULE_TOP = TITLE_TOP + TITLE_H + 0.05
BODY_TOP = RULE_TOP + 0.2
FOOTER_H = 0.35
FOOTER_TOP = SLIDE_H - 0.25 - FOOTER_H
BODY_BOTTOM = FOOTER_TOP - 0.15
BODY_W = SLIDE_W - 2 * MARGIN
PAD = 0.06  # a text box's inner margin
LINE = 1.2  # line height as a multiple of the font size


@dataclass(frozen=True)
class Para:
    """One paragraph of a text box."""

    text: str
    size: float = 18
    bold: bool = False
    colour: str = INK
    bullet: bool = False
    space_after: float = 6  # points


@cache
def _font(bold: bool) -> Any:
    from pathlib import Path

    import matplotlib
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name), 100)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in inches of ``text`` set at ``size`` points (measured in DejaVu Sans)."""
    return _font(bold).getlength(text) / 100 * size / 72


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Greedy word wrap to ``width`` inches; a word longer than the line gets its own line."""
    lines: list[str] = []
    for raw in str(text).split("\n"):
        line = ""
        for word in raw.split():
            trial = f"{line} {word}" if line else word
            if line and text_width(trial, size, bold) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


BULLET_INDENT = 0.3


def para_height(p: Para, width: float) -> float:
    """Inches the paragraph takes in a box ``width`` wide, space after included."""
    inner = width - 2 * PAD - (BULLET_INDENT if p.bullet else 0)
    lines = len(wrap(p.text, p.size, inner, p.bold))
    return (lines * p.size * LINE + p.space_after) / 72


def fitted(paras: Sequence[Para], width: float, height: float, floor: float = 0.55) -> list[Para]:
    """The paragraphs, scaled down in steps until they fit ``height`` (never below ``floor``)."""
    scale = 1.0
    while True:
        out = [
            Para(
                p.text, round(p.size * scale, 1), p.bold, p.colour, p.bullet, p.space_after * scale
            )
            for p in paras
        ]
        used = sum(para_height(p, width) for p in out) + 2 * PAD
        if used <= height or scale <= floor:
            return out
        scale -= 0.05


def _rgb(hex_colour: str) -> Any:
    from pptx.dml import color

    make: Any = color.RGBColor  # python-pptx is untyped
    return make(*(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4)))


def _style_run(run: Any, size: float, bold: bool, colour: str, font: str = BODY_FONT) -> None:
    from pptx.util import Pt

    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = font
    run.font.color.rgb = _rgb(colour)


def text_box(
    slide: Any,
    x: float,
    y: float,
    w: float,
    h: float,
    paras: Sequence[Para],
    align: str = "left",
    anchor: str = "top",
    font: str = BODY_FONT,
) -> Any:
    """A text box that holds ``paras`` (scaled to fit), aligned and anchored as asked."""
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Inches, Pt

    shape = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = None
    frame.margin_left = frame.margin_right = Inches(PAD)
    frame.margin_top = frame.margin_bottom = Inches(PAD)
    frame.vertical_anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE}[anchor]
    for i, p in enumerate(fitted(paras, w, h)):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER}[align]
        paragraph.space_after = Pt(p.space_after)
        if p.bullet:
            _hanging_bullet(paragraph)
        run = paragraph.add_run()
        run.text = office_text(one_line(p.text))
        _style_run(run, p.size, p.bold, p.colour, font)
    return shape


def _hanging_bullet(paragraph: Any) -> None:
    """A real bullet with a hanging indent: wrapped lines start under the text, not the dot."""
    from pptx.oxml.ns import qn
    from pptx.util import Inches

    ppr = paragraph._p.get_or_add_pPr()
    ppr.set("marL", str(Inches(BULLET_INDENT)))
    ppr.set("indent", str(-Inches(BULLET_INDENT)))
    # after spcAft, in the schema's order: size, font, character (full size, not the 45% default)
    ppr.append(ppr.makeelement(qn("a:buSzPct"), {"val": "100000"}))
    ppr.append(ppr.makeelement(qn("a:buFont"), {"typeface": "Arial"}))
    ppr.append(ppr.makeelement(qn("a:buChar"), {"char": "•"}))


def is_bullet(paragraph: Any) -> bool:
    """Whether a paragraph of a deck text box carries our bullet."""
    from pptx.oxml.ns import qn

    ppr = paragraph._p.pPr
    return ppr is not None and ppr.find(qn("a:buChar")) is not None


def rule(slide: Any, x: float, y: float, w: float, h: float = 0.04, colour: str = ACCENT) -> Any:
    """A thin filled bar (the accent under a title)."""
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches

    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(x), Inches(y), Inches(w), Inches(h))
    bar.fill.solid()
    bar.fill.fore_color.rgb = _rgb(colour)
    bar.line.fill.background()
    return bar


def new_slide(deck: Any, title: str, footer: str, number: int, notes: str) -> Any:
    """A blank slide with our title (left-aligned), accent rule, footer and speaker notes."""
    slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    text_box(
        slide, MARGIN, TITLE_TOP, BODY_W, TITLE_H,
        [Para(title, 30, True, INK, space_after=0)], anchor="middle", font=HEADING_FONT,
    )  # fmt: skip
    rule(slide, MARGIN, RULE_TOP, 1.6)
    footer_paras = [Para(footer, 11, False, MUTED, space_after=0)]
    text_box(slide, MARGIN, FOOTER_TOP, BODY_W - 1.2, FOOTER_H, footer_paras, anchor="middle")
    number_box = text_box(
        slide, SLIDE_W - MARGIN - 1.0, FOOTER_TOP, 1.0, FOOTER_H,
        [Para(str(number), 11, False, MUTED, space_after=0)], anchor="middle",
    )  # fmt: skip
    from pptx.enum.text import PP_ALIGN

    number_box.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
    slide.notes_slide.notes_text_frame.text = office_text(notes)
    return slide


CELL_PAD_X, CELL_PAD_Y = 0.1, 0.05  # a table cell's inner margins (inches)


def row_height(values: Sequence[str], cols: Sequence[float], pt: float, bold: bool) -> float:
    """Inches a table row needs: the most wrapped lines of its cells, plus the cell margins."""
    lines = max(
        len(wrap(v, pt, c - 2 * CELL_PAD_X, bold)) for v, c in zip(values, cols, strict=True)
    )
    return lines * pt * LINE / 72 + 2 * CELL_PAD_Y + 0.06


def table(
    slide: Any,
    x: float,
    y: float,
    w: float,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    size: float = 16,
    max_h: float | None = None,
    numeric: Sequence[bool] | None = None,
) -> Any:
    """A table with a tinted header row; numeric columns right-aligned, words left.

    Row heights are measured from the wrapped text, and the type is set
    smaller until the table fits ``max_h`` inches.
    """
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches, Pt

    limit = max_h or (BODY_BOTTOM - y)
    total = sum(widths)
    cols = [w * c / total for c in widths]

    def heights(pt: float) -> list[float]:
        """Each row's height: its tallest cell, the header set bold and the rest regular."""
        return [
            row_height(values, cols, pt, bold=i == 0) for i, values in enumerate((header, *rows))
        ]

    def longest_word_fits(pt: float) -> bool:
        """A word wider than its column would be broken mid-word (long Dutch compounds)."""
        return all(
            text_width(word, pt, True) <= c - 2 * CELL_PAD_X
            for values in (header, *rows)
            for v, c in zip(values, cols, strict=True)
            for word in v.split()
        )

    while (sum(heights(size)) > limit or not longest_word_fits(size)) and size > 10:
        size -= 1
    row_h = heights(size)
    shape = slide.shapes.add_table(
        len(rows) + 1, len(header), Inches(x), Inches(y), Inches(w), Inches(sum(row_h))
    )
    grid = shape.table
    for j, c in enumerate(cols):
        grid.columns[j].width = Inches(c)
    for i, values in enumerate((header, *rows)):
        grid.rows[i].height = Inches(row_h[i])
        for j, value in enumerate(values):
            cell = grid.cell(i, j)
            cell.margin_left = cell.margin_right = Inches(CELL_PAD_X)
            cell.margin_top = cell.margin_bottom = Inches(CELL_PAD_Y)
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(LIGHT if i == 0 else "FFFFFF")
            paragraph = cell.text_frame.paragraphs[0]
            right = numeric[j] if numeric is not None else j > 0
            paragraph.alignment = PP_ALIGN.RIGHT if right else PP_ALIGN.LEFT
            cell.text_frame.word_wrap = True
            run = paragraph.add_run()
            run.text = office_text(one_line(value))
            _style_run(run, size, i == 0, INK)
            run.font.size = Pt(size)
    return shape


def picture(slide: Any, png: bytes, x: float, y: float, w: float, h: float) -> Any:
    """A chart image scaled to fit the box, keeping its proportions, centred in it."""
    from PIL import Image
    from pptx.util import Inches

    with Image.open(io.BytesIO(png)) as image:
        ratio = image.height / image.width
    width = min(w, h / ratio)
    height = width * ratio
    left, top = x + (w - width) / 2, y + (h - height) / 2
    return slide.shapes.add_picture(
        io.BytesIO(png), Inches(left), Inches(top), Inches(width), Inches(height)
    )
