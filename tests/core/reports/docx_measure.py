"""How tall a generated Word document runs, estimated without an office suite.

Every paragraph the report writers make carries its own size and spacing
(core.reports.word), so a page count can be estimated: lines wrapped in
DejaVu Sans (wider than Calibri, and what LibreOffice falls back to without
it), each ``word.LINE`` times the type size, plus the spacing before and after.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table
from docx.text.paragraph import Paragraph

from core.reports import word as w
from core.reports.deck_theme import wrap

CELL_MARGINS_PT = 2 * 5.4  # Word's default left and right cell margins (0.08 in each)
RULE_PT = 2.0  # a heading's bottom rule and its gap


def _indent_pt(p: Paragraph) -> float:
    own = p.paragraph_format.left_indent
    style = p.style.paragraph_format.left_indent if p.style is not None else None
    value = own if own is not None else style
    return value.pt if value is not None else 0.0


def paragraph_height(p: Paragraph, width_pt: float) -> float:
    """Points the paragraph takes in a column ``width_pt`` wide, spacing included."""
    fmt = p.paragraph_format
    spacing = sum(x.pt for x in (fmt.space_before, fmt.space_after) if x is not None)
    run = p.runs[0] if p.runs else None
    size = run.font.size.pt if run is not None and run.font.size is not None else 10.0
    bold = bool(run is not None and run.font.bold)
    inner = (width_pt - _indent_pt(p)) / 72
    lines = len(wrap(p.text, size, inner, bold)) if p.text else 1
    rule = RULE_PT if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None else 0.0
    return lines * size * w.LINE + spacing + rule


def estimated_height(document) -> tuple[float, float]:
    """(points the body needs, points one page holds) for a single-section document."""
    section = document.sections[0]
    width = Length(section.page_width - section.left_margin - section.right_margin).pt
    page = Length(section.page_height - section.top_margin - section.bottom_margin).pt
    used = 0.0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            used += paragraph_height(Paragraph(child, document), width)
        elif child.tag == qn("w:tbl"):
            for row in Table(child, document).rows:
                used += max(
                    paragraph_height(cell.paragraphs[0], cell.width.pt - CELL_MARGINS_PT)
                    for cell in row.cells
                )
    return used, page
