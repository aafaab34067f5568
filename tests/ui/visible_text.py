"""What a reader sees of a rendered page or an export, and the rules for each language.

Rules, applied to visible text only (not to scripts, styles, element ids or URLs):

- no English catalogue phrase in Dutch (and no Dutch one in English): a
  phrase is a run of at least four words between the placeholders of a
  catalogue text whose translation differs and does not contain it;
- Dutch numbers: no English grouping (``1,234``: a comma before three digits
  after a non-zero lead) and no English decimal point (``0.80``: a point
  before one or two digits);
- English numbers: no Dutch decimal comma (``0,80``);
- no English sample-scenario name in Dutch, no Dutch one in English;
- tables show no raw fractional floats (the grid would print ``0.8`` in Dutch);
- charts use the language's separators and print numbers in full on every axis,
  colour bar and hover (a grouped format, never Plotly's SI ``100k`` / ``1.2M``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import cache

import pandas as pd

from core.i18n import catalogue
from core.scenario import load_scenario
from tests.conftest import SAMPLES

MIN_WORDS = 4
CHART_PROBLEM = "chart problem: "
SI_FORMAT = re.compile(r"s$")  # d3 formats "s", "~s", ".2s": SI prefixes (k, M, G)
SI_TEMPLATE = re.compile(r"%{[^}]*:[^}]*s}")  # %{y:~s} in a hover or text template
PLACEHOLDER = re.compile(r"{\w+}")
URL = re.compile(r"https?://\S+|www\.\S+|doi\.org/\S+")
ENGLISH_GROUPING = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+(?![\d,])")
ENGLISH_DECIMAL = re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.])")
DUTCH_DECIMAL = re.compile(r"(?<![\d.,])\d+,\d{1,2}(?![\d,])")
# Proto fields that hold no reader-facing text.
SKIP_FIELDS = frozenset(
    {"id", "form_id", "key", "icon", "type", "spec", "url", "page_script_hash", "page",
     "format", "css", "theme", "data", "selection_mode", "width_config", "height_config",
     "column_order", "columns", "file_name", "mime", "deploy_params", "column_config"}
)  # fmt: skip
# Plotly keys that hold styling, not words.
PLOTLY_SKIP = frozenset(
    {"hovertemplate", "texttemplate", "type", "mode", "orientation", "xanchor", "yanchor",
     "color", "family", "xref", "yref", "anchor", "bgcolor", "gridcolor", "zerolinecolor",
     "plot_bgcolor", "paper_bgcolor", "colorscale", "colorway", "textposition", "hoverinfo",
     "textinfo", "separators", "tickformat", "ticksuffix", "barmode", "autorange", "xaxis",
     "yaxis", "template", "line", "marker", "fillcolor", "legendgroup", "matches"}
)  # fmt: skip


def _phrases(text: str) -> list[str]:
    out = []
    for part in PLACEHOLDER.split(text):
        for piece in re.split(r"[*_`#|\n]+|\s-\s", part):
            piece = piece.strip(" .,:;()'\"–-")
            if len(piece.split()) >= MIN_WORDS:
                out.append(piece)
    return out


@cache
def foreign_phrases(lang: str) -> tuple[str, ...]:
    """Catalogue phrases of the other language that must not appear in ``lang``."""
    other = "en" if lang == "nl" else "nl"
    own, theirs = catalogue(lang), catalogue(other)
    found = set()
    for key, text in theirs.items():
        if text == own.get(key):
            continue
        for phrase in _phrases(text):
            if phrase not in own.get(key, "") and not any(phrase in v for v in own.values()):
                found.add(phrase)
    return tuple(sorted(found))


@cache
def sample_names(lang: str) -> tuple[str, ...]:
    """The sample scenarios' names in ``lang``."""
    names = []
    for path in sorted(SAMPLES.glob("*.json")):
        scenario = load_scenario(path)
        if scenario.names is not None:
            names.append(getattr(scenario.names, lang))
    return tuple(names)


def problems(texts: Iterable[str], lang: str) -> list[str]:
    """Every rule broken by ``texts`` read in ``lang``, each with the offending text."""
    found = []
    other = "en" if lang == "nl" else "nl"
    for raw in texts:
        if str(raw).startswith(CHART_PROBLEM):
            found.append(str(raw))
            continue
        text = URL.sub(" ", str(raw))
        if not text.strip():
            continue
        for phrase in foreign_phrases(lang):
            if phrase in text:
                found.append(f"{other} phrase {phrase!r} in {_around(text, text.index(phrase))!r}")
        for name in sample_names(other):
            if name in text and name not in sample_names(lang):
                found.append(f"{other} sample name {name!r} in {_around(text, text.index(name))!r}")
        rules = (
            [("English grouping", ENGLISH_GROUPING), ("English decimal", ENGLISH_DECIMAL)]
            if lang == "nl"
            else [("Dutch decimal", DUTCH_DECIMAL)]
        )
        for rule, pattern in rules:
            for match in pattern.finditer(text):
                found.append(f"{rule} {match.group()!r} in {_around(text, match.start())!r}")
    return found


def separators(lang: str) -> str:
    return ",." if lang == "nl" else ".,"


def chart_problems(figure: dict, lang: str) -> list[str]:
    """What breaks the chart rules in a Plotly figure (its JSON: ``data`` and ``layout``)."""
    found = []
    layout = figure.get("layout", {})
    if layout.get("separators") != separators(lang):
        found.append(f"separators {layout.get('separators')!r}, not {separators(lang)!r}")
    axes = {k: v for k, v in layout.items() if re.fullmatch(r"[xy]axis\d*", k)}
    if not axes:
        found.append("no axis carries a number format")
    for name, axis in axes.items():
        for key in ("tickformat", "hoverformat"):
            value = axis.get(key)
            if not value or SI_FORMAT.search(value):
                found.append(f"{name}.{key} = {value!r} (Plotly abbreviates: 100k, 1.2M)")
        if axis.get("exponentformat") != "none":
            found.append(f"{name}.exponentformat = {axis.get('exponentformat')!r}")
    for trace in figure.get("data", []):
        for key in ("hovertemplate", "texttemplate"):
            for template in _templates(trace.get(key)):
                if SI_TEMPLATE.search(template):
                    found.append(f"{trace.get('type')}.{key} = {template!r}")
        bar = trace.get("colorbar")
        if trace.get("type") == "heatmap" and (
            not bar or SI_FORMAT.search(bar.get("tickformat", "s"))
        ):
            found.append(f"heatmap colour bar format {bar!r}")
    return found


def _templates(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, str)]
    return []


def _around(text: str, at: int, width: int = 70) -> str:
    return text[max(0, at - width) : at + width]


def frame_texts(frame: pd.DataFrame) -> Iterator[str]:
    """A table's headers and cells as the grid shows them; raw fractional floats are flagged."""
    yield from (str(c) for c in frame.columns)
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_float_dtype(values) and not (values.dropna() % 1 == 0).all():
            yield f"raw float column {column!r}: {values.iloc[0]}"
        else:
            yield from (str(v) for v in values if isinstance(v, str))


def _proto_strings(message) -> Iterator[str]:
    for field, value in message.ListFields():
        if field.name in SKIP_FIELDS:
            continue
        repeated = field.is_repeated
        items = value if repeated else [value]
        if field.type == field.TYPE_MESSAGE:
            for item in items:
                yield from _proto_strings(item)
        elif field.type == field.TYPE_STRING:
            yield from items


def _plotly_strings(node: object, key: str = "") -> Iterator[str]:
    if key in PLOTLY_SKIP:
        return
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _plotly_strings(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _plotly_strings(v, key)
    elif isinstance(node, str):
        yield node


def page_texts(at, lang: str) -> Iterator[str]:
    """Everything a reader sees on a rendered AppTest page (main area and sidebar)."""
    for node in at._tree:
        kind = getattr(node, "type", "")
        proto = getattr(node, "proto", None)
        if kind in ("dataframe", "table", "arrow_data_frame"):
            yield from frame_texts(node.value)
        elif kind == "plotly_chart":
            figure = json.loads(proto.spec)
            title = figure.get("layout", {}).get("title", {})
            for problem in chart_problems(figure, lang):
                yield f"{CHART_PROBLEM}{title.get('text', '')!r}: {problem}"
            yield from _plotly_strings(figure)
        elif kind == "markdown" and str(getattr(node, "value", "")).lstrip().startswith("<style"):
            continue
        elif proto is not None and hasattr(proto, "ListFields"):
            yield from _proto_strings(proto)


def deck_texts(prs) -> list[str]:
    """Every text a reader meets in a deck: text boxes, table cells and speaker notes."""
    found = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                found.append(shape.text_frame.text)
            if shape.has_table:
                found += [c.text for row in shape.table.rows for c in row.cells]
        found.append(slide.notes_slide.notes_text_frame.text)
    return found
