"""A small PDF writer for Serre's documents (fpdf2, no browser needed).

Documents are built from a few blocks (title, heading, paragraph, bullets,
table, figure, footnote) so the board note and the report look alike. Text
is set in DejaVu Sans, shipped with matplotlib, which holds every character
Dutch and English need (é, ë, €, en dashes); characters outside it are
replaced rather than breaking the file.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from core.text import one_line

if TYPE_CHECKING:
    from fpdf.fonts import FontFace

INK = (34, 34, 34)
MUTED = (96, 96, 96)
ACCENT = (0, 114, 178)  # Okabe-Ito blue, as in the charts
RULE = (210, 210, 210)
FONT = "DejaVu"
# Not "printable" to Python, yet part of the text: Dutch money is "€ 1.234" with a no-break space.
KEEP = {"\n", "\u00a0", "\u202f"}


def _font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _printable(text: object) -> str:
    """Text the font can set: control characters dropped, tabs as spaces, no-break spaces kept."""
    value = str(text).replace("\t", " ")
    return "".join(ch for ch in value if ch in KEEP or ch.isprintable())


class PdfDocument:
    """An A4 document written top to bottom; ``bytes()`` gives the finished file."""

    def __init__(self, title: str, lang: str, author: str = "Serre") -> None:
        from fpdf import FPDF

        self._pdf = FPDF(orientation="portrait", unit="mm", format="A4")
        pdf = self._pdf
        fonts = _font_dir()
        pdf.add_font(FONT, "", str(fonts / "DejaVuSans.ttf"))
        pdf.add_font(FONT, "B", str(fonts / "DejaVuSans-Bold.ttf"))
        pdf.add_font(FONT, "I", str(fonts / "DejaVuSans-Oblique.ttf"))
        pdf.set_title(one_line(_printable(title)))
        pdf.set_author(author)
        pdf.set_creator("Serre")
        pdf.set_lang(lang)
        pdf.set_margins(18, 13, 18)
        pdf.set_auto_page_break(True, margin=12)
        pdf.add_page()
        self.lang = lang

    @property
    def pages(self) -> int:
        return self._pdf.page_no()

    @property
    def width(self) -> float:
        return self._pdf.epw

    def _text(self, size: float, style: str = "", colour: tuple[int, int, int] = INK) -> None:
        self._pdf.set_font(FONT, style, size)
        self._pdf.set_text_color(*colour)

    def title(self, text: str, subtitle: str = "") -> None:
        self._text(19, "B")
        self._pdf.multi_cell(0, 8.5, _printable(text), align="L", new_x="LMARGIN", new_y="NEXT")
        if subtitle:
            self._text(9.5, "", MUTED)
            self._pdf.multi_cell(0, 5, _printable(subtitle), new_x="LMARGIN", new_y="NEXT")
        self._pdf.ln(2)

    def lead(self, text: str) -> None:
        """The one sentence a reader must not miss."""
        self._text(12.5, "B", ACCENT)
        self._pdf.multi_cell(0, 6.5, _printable(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self._pdf.ln(2)

    def heading(self, text: str, keep_with: float = 25) -> None:
        """A section heading; it moves to the next page rather than end one alone."""
        if self._pdf.get_y() + keep_with > self._pdf.page_break_trigger:
            self._pdf.add_page()
        self._pdf.ln(1)
        self._text(12, "B")
        self._pdf.multi_cell(0, 6.5, _printable(text), new_x="LMARGIN", new_y="NEXT")
        y = self._pdf.get_y()
        self._pdf.set_draw_color(*RULE)
        self._pdf.line(self._pdf.l_margin, y, self._pdf.l_margin + self.width, y)
        self._pdf.ln(1.5)

    def paragraph(self, text: str, size: float = 10, colour: tuple[int, int, int] = INK) -> None:
        self._text(size, "", colour)
        self._pdf.multi_cell(
            0, size * 0.5, _printable(text), align="L", new_x="LMARGIN", new_y="NEXT"
        )
        self._pdf.ln(1)

    def bullets(
        self, items: Sequence[str], numbered: bool = False, size: float = 10, mark: bool = True
    ) -> None:
        """A list; ``mark=False`` for items that carry their own number."""
        self._text(size)
        indent = 6.0 if mark else 0.0
        for number, item in enumerate(items, start=1):
            sign = (f"{number}." if numbered else "•") if mark else ""
            x = self._pdf.l_margin
            self._pdf.set_x(x)
            if indent:
                self._pdf.cell(indent, size * 0.5, sign)
            self._pdf.multi_cell(
                self.width - indent, size * 0.5, _printable(item), align="L",
                new_x="LMARGIN", new_y="NEXT",
            )  # fmt: skip
            self._pdf.ln(0.8)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float] | None = None,
        size: float = 9.5,
        align_numbers: bool = True,
    ) -> None:
        """A table with a bold header row; numbers right-aligned from the second column.

        ``align_numbers=False`` for tables of words, left-aligned throughout.
        """
        self._text(size)
        self._pdf.set_draw_color(*RULE)
        align = ("LEFT", *("RIGHT" if align_numbers else "LEFT",) * (len(header) - 1))
        with self._pdf.table(
            col_widths=tuple(widths) if widths else None,
            text_align=align,
            line_height=size * 0.55,
            borders_layout="HORIZONTAL_LINES",
            headings_style=_heading_style(),
            padding=1.2,
        ) as table:
            for values in (header, *rows):
                row = table.row()
                for value in values:
                    row.cell(_printable(value))
        self._pdf.ln(2)

    def figure(self, png: bytes, width_share: float = 1.0, keep: float = 0.0) -> None:
        """A chart drawn elsewhere (matplotlib PNG), as wide as asked, centred.

        ``keep``: millimetres it needs; a chart that would not fit starts a new page.
        """
        if keep and self._pdf.get_y() + keep > self._pdf.page_break_trigger:
            self._pdf.add_page()
        width = self.width * width_share
        x = self._pdf.l_margin + (self.width - width) / 2
        self._pdf.image(io.BytesIO(png), x=x, w=width)
        self._pdf.ln(2)

    def footnote(self, text: str) -> None:
        self._pdf.ln(2)
        self.paragraph(text, size=8, colour=MUTED)

    def page_break(self) -> None:
        self._pdf.add_page()

    def bytes(self) -> bytes:
        return bytes(self._pdf.output())


def _heading_style() -> FontFace:
    from fpdf.fonts import FontFace

    return FontFace(family=FONT, emphasis="BOLD", fill_color=(238, 242, 246))
