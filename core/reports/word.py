"""Word documents that look like Serre's PDFs: A4, one sans-serif font, tables that stay whole.

python-docx's default template is US Letter with a serif body, a blue
title with a rule and grid tables whose narrow first column wraps every
label. A board note or policy text opened in Word or LibreOffice should
read like the PDF instead, so every document starts here: A4 with the
PDF's margins, explicit sizes and spacing on every paragraph (so a page
count can be estimated without an office suite), headings kept with the
text below them, and tables with a tinted header row that repeats on a new
page, rows that never split, and numbers right-aligned.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from core.text import office_text

FONT = "Calibri"  # a client's house font goes here; LibreOffice substitutes a metric twin
INK = "222222"
MUTED = "606060"
ACCENT = "0072B2"  # as the PDF and the deck
HEADER_FILL = "EEF2F6"
RULE = "D2D2D2"
PAGE_MM = (210.0, 297.0)  # A4
MARGINS_MM = (18.0, 13.0, 18.0, 12.0)  # left, top, right, bottom: the PDF's
LINE_SPACING = 1.1  # Word's line spacing multiple for every paragraph
LINE = 1.2 * LINE_SPACING  # a line's height as a multiple of the font size (estimates)


def _rgb(hex_colour: str) -> Any:
    from docx.shared import RGBColor

    return RGBColor.from_string(hex_colour)


def _font(run_or_style: Any, size: float, bold: bool = False, colour: str = INK) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font = run_or_style.font
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = _rgb(colour)
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)  # every script, so no theme font (Cambria) creeps in


def new_document(title: str, lang: str, body: float = 10.0) -> Any:
    """An empty A4 document with the house styles; ``title`` and ``lang`` go in its properties."""
    from docx import Document
    from docx.shared import Mm, Pt

    word = Document()
    word.core_properties.title = office_text(title)
    word.core_properties.language = lang
    word.core_properties.author = "Serre"
    section = word.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    left, top, right, bottom = MARGINS_MM
    section.left_margin, section.top_margin = Mm(left), Mm(top)
    section.right_margin, section.bottom_margin = Mm(right), Mm(bottom)
    normal = word.styles["Normal"]
    _font(normal, body)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.line_spacing = LINE_SPACING
    for name in ("Title", "Heading 1", "List Bullet"):
        style = word.styles[name]
        _font(style, body, bold=name != "List Bullet")
        borders = style.element.pPr.find(_qn("w:pBdr")) if style.element.pPr is not None else None
        if borders is not None:  # the default title's blue rule
            style.element.pPr.remove(borders)
    return word


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return str(qn(tag))


def _spacing(paragraph: Any, before: float, after: float, keep: bool = False) -> None:
    from docx.shared import Pt

    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing = LINE_SPACING
    fmt.keep_with_next = keep


def paragraph(
    word: Any,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    colour: str = INK,
    style: str | None = None,
    before: float = 0.0,
    after: float = 3.0,
) -> Any:
    """One paragraph in one run, with its size and spacing set on it (not inherited)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = word.add_paragraph(style=style)
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT  # ragged right: no stretched gaps as in justified text
    run = p.add_run(office_text(text))
    _font(run, size, bold, colour)
    run.italic = italic
    _spacing(p, before, after, keep=style in ("Title", "Heading 1"))
    return p


def title(word: Any, text: str, subtitle: str = "") -> None:
    """The document's title (a real Title paragraph) and a muted line under it."""
    paragraph(word, text, 19, bold=True, style="Title", after=2)
    if subtitle:
        paragraph(word, subtitle, 9.5, colour=MUTED, after=6)


def heading(word: Any, text: str, size: float = 12.0) -> Any:
    """A section heading with a thin rule under it, kept on the page of the text that follows."""
    p = paragraph(word, text, size, bold=True, style="Heading 1", before=8, after=4)
    ppr = p._p.get_or_add_pPr()
    borders = ppr.makeelement(_qn("w:pBdr"), {})
    rule = {_qn("w:val"): "single", _qn("w:sz"): "4", _qn("w:space"): "1", _qn("w:color"): RULE}
    borders.append(borders.makeelement(_qn("w:bottom"), rule))
    ppr.insert_element_before(borders, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr")
    return p


def bullets(word: Any, items: Sequence[str], size: float) -> None:
    for item in items:
        paragraph(word, item, size, style="List Bullet", after=2)


def _cell_look(cell: Any, header: bool) -> None:
    """A tinted header, a thin grey rule under every row, no vertical lines."""
    tcpr = cell._tc.get_or_add_tcPr()
    if header:
        shade = tcpr.makeelement(_qn("w:shd"), {_qn("w:val"): "clear", _qn("w:fill"): HEADER_FILL})
        tcpr.append(shade)
    borders = tcpr.makeelement(_qn("w:tcBorders"), {})
    bottom = borders.makeelement(
        _qn("w:bottom"), {_qn("w:val"): "single", _qn("w:sz"): "4", _qn("w:color"): RULE}
    )
    borders.append(bottom)
    tcpr.append(borders)


def _row_rules(row: Any, header: bool) -> None:
    """Rows never break across pages; the header row repeats on each page."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(trpr.makeelement(_qn("w:cantSplit"), {}))
    if header:
        trpr.append(trpr.makeelement(_qn("w:tblHeader"), {}))


def table(
    word: Any,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_mm: Sequence[float],
    size: float,
    numeric: Sequence[bool] | None = None,
) -> Any:
    """A table in fixed column widths (mm): header bold and tinted, numbers right-aligned."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    numeric = numeric or [False, *[True] * (len(header) - 1)]
    grid = word.add_table(rows=0, cols=len(header))
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    grid.autofit = False
    layout = grid._tbl.tblPr.makeelement(_qn("w:tblLayout"), {_qn("w:type"): "fixed"})
    grid._tbl.tblPr.append(layout)
    for j, width in enumerate(widths_mm):
        grid.columns[j].width = Mm(width)
    for i, values in enumerate((header, *rows)):
        row = grid.add_row()
        _row_rules(row, header=i == 0)
        for j, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = Mm(widths_mm[j])
            _cell_look(cell, header=i == 0)
            p = cell.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if numeric[j] else WD_ALIGN_PARAGRAPH.LEFT
            _spacing(p, 2.5, 2.5)
            run = p.add_run(office_text(value))
            _font(run, size, bold=i == 0)
    return grid


def to_bytes(word: Any) -> bytes:
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
