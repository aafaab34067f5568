"""User text is data: share links within file limits, exports that never choke on a name."""

from __future__ import annotations

import base64
import io
import zlib

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from pptx import Presentation

from core.context import RunContext
from core.errors import ScenarioError
from core.reports import draft_policy, pptx_deck, to_docx, to_markdown
from core.scenario import load_scenario, parse_scenario, with_overrides
from core.share import pack, unpack
from core.simulate import simulate
from core.text import markdown_literal, mathtext_literal, one_line, plotly_literal, xml_safe
from tests.conftest import SAMPLES


def _token(text: str) -> str:
    return base64.urlsafe_b64encode(zlib.compress(text.encode(), 9)).decode().rstrip("=")


@pytest.mark.parametrize(
    "payload",
    [
        "[" * 100_000 + "]" * 100_000,  # deep nesting: json.loads would recurse
        '{"a": ' * 5000 + "1" + "}" * 5000,
        '{"seed": ' + "9" * 5000 + "}",  # 5,000 digits: int() would refuse with ValueError
        '{"seed": 1' + "0" * 400 + ".5}",
    ],
)
def test_share_links_and_files_refuse_deep_or_huge_json_with_a_clear_error(payload):
    token = _token(payload)
    assert len(token) < 2000  # short links, like the ones in the report
    with pytest.raises(ScenarioError) as caught:
        unpack(token)
    assert "not a Serre scenario" in caught.value.message("en")
    with pytest.raises(ScenarioError):
        parse_scenario(payload.encode())


def test_ordinary_scenarios_still_parse():
    bank = load_scenario(SAMPLES / "retail_bank.json")
    assert unpack(pack(bank)) == bank
    text = '{"note": "' + "[" * 40 + " " + "9" * 45 + '"}'
    with pytest.raises(ScenarioError) as caught:  # brackets and digits inside a string are text
        parse_scenario(text)
    assert "note" in caught.value.message("en")


NASTY = [
    "Bank \x00\x01\x0b\x1f plan",
    "$x^2$ and $\\frac{a}{b}$",
    "![](http://host/pixel)",
    "<img src=x onerror=alert(1)> & [link](javascript:alert(1))",
    '=HYPERLINK("http://x")',
    "$",
]


@pytest.fixture(scope="module")
def bank():
    return load_scenario(SAMPLES / "retail_bank.json")


@pytest.mark.parametrize("name", NASTY)
def test_docx_pptx_and_markdown_take_any_name(bank, name):
    scenario = with_overrides(bank, {"name": name})
    result = simulate(scenario, RunContext(runs=20, seed=1, employees=200))
    policy = draft_policy(scenario, "en")
    word = Document(io.BytesIO(to_docx(policy)))
    assert one_line(name).split(",")[0].strip() in word.core_properties.title
    deck = Presentation(io.BytesIO(pptx_deck([(name, result)], "en")))
    assert len(deck.slides) > 2
    markdown = to_markdown(policy)
    assert "![](" not in markdown and "](javascript" not in markdown


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_escapes_keep_the_text_and_remove_markup(text):
    """Invariant: escaping for Markdown loses no text (control characters become spaces)
    and the Plotly form carries no '<'.
    """
    escaped = markdown_literal(text)
    # removing the backslash escapes gives the text back (control characters become spaces)
    import re

    assert re.sub(r"\\(.)", r"\1", escaped) == "".join(
        " " if ord(c) < 32 or ord(c) == 127 else c for c in text
    )
    assert "<" not in plotly_literal(text)
    assert "$" not in mathtext_literal(text).replace(r"\$", "")
    assert all(ord(c) >= 32 or c in "\t\n\r" for c in xml_safe(text))
