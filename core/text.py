"""User text (scenario names, labels from files) made safe for each place it is shown.

User text is data, never markup: every renderer that would interpret it
(Streamlit markdown, Plotly's pseudo-HTML, matplotlib mathtext, XML in DOCX
and PPTX) gets it through one of these functions, so it reads back exactly
as typed and never fetches, links, formats or crashes.
"""

from __future__ import annotations

import html
import re

# Characters XML 1.0 forbids (DOCX/PPTX would refuse to save them).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CONTROL = re.compile("[\x00-\x1f\x7f]")
# A sign before a currency symbol ("+€ 1.234"): office suites may break the line between them.
_SIGNED_MONEY = re.compile("([+\\-\u2212])(?=[€$£])")
WORD_JOINER = "\u2060"
# Every ASCII punctuation character may be backslash-escaped in CommonMark;
# Streamlit also reads $ (maths), : (icons and colours) and ~ specially.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$:~&\"'=^%@/?;,])")


def one_line(text: object) -> str:
    """The text on one line, control characters replaced by spaces."""
    return _CONTROL.sub(" ", str(text))


def xml_safe(text: object) -> str:
    """The text without characters XML cannot hold (DOCX and PPTX are XML)."""
    return _XML_INVALID.sub("", str(text))


def office_text(text: object) -> str:
    """Text for a DOCX or PPTX: XML-safe, and a money sign kept on the line of its amount.

    A word joiner (U+2060, zero width) between "+" and
    "€" stops Word, PowerPoint and LibreOffice from ending a line with a bare sign.
    """
    return _SIGNED_MONEY.sub(r"\1" + WORD_JOINER, xml_safe(text))


def markdown_literal(text: object) -> str:
    """Text that Streamlit's markdown shows verbatim: no image, link, maths or icon."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))


def plotly_literal(text: object) -> str:
    """Text Plotly shows verbatim (its labels understand a subset of HTML)."""
    return html.escape(one_line(text), quote=False)


def mathtext_literal(text: object) -> str:
    """Text matplotlib draws verbatim (``$...$`` would be parsed as maths)."""
    return one_line(text).replace("$", r"\$")
