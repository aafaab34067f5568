"""The PDF writer: files any reader opens, with every character Dutch and English need."""

from __future__ import annotations

import io

from pypdf import PdfReader

from core.reports.pdf import PdfDocument


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_blocks_come_out_as_text_in_reading_order():
    doc = PdfDocument("Bestuursnota", "nl")
    doc.title("Ziekenhuis Sint-Élisabeth", "28 november 2026")
    doc.lead("Kans op een lek: 34 % → 30 %")
    doc.heading("Eerste stappen")
    doc.bullets(["Inspraak eerst", "Deelrecht"], numbered=True)
    doc.table(["Cijfer", "Vandaag"], [["Bereik", "55.144"], ["Kosten", "€ 1.234"]])
    doc.footnote("P10–P90: 8 op 10 gesimuleerde jaren")
    data = doc.bytes()
    assert data.startswith(b"%PDF")
    text = _text(data)
    order = ["Sint-Élisabeth", "34 % → 30 %", "Eerste stappen", "1. Inspraak eerst", "55.144"]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "€ 1.234" in text and "P10–P90" in text
    assert PdfReader(io.BytesIO(data)).metadata.title == "Bestuursnota"


def test_control_characters_and_long_text_do_not_break_the_file():
    doc = PdfDocument("x\x00\x07", "en")
    doc.paragraph("bell\x07 and null\x00 removed")
    for _ in range(80):
        doc.paragraph("A long paragraph that fills the page. " * 6)
    data = doc.bytes()
    assert doc.pages > 1
    text = _text(data)
    assert "bell and null removed" in text and "\x07" not in text
