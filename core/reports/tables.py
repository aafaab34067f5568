"""Tables both reports print (HTML and PDF): the same header and cells, in any format."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core import formatting as fmt
from core.i18n import translate
from core.parameters import Parameter

HEADER_KEYS = (
    "report.persona",
    "level.creator",
    "metric.critics_share.title",
    "metric.reactance_share.title",
    "metric.always_on_share.title",
)
SHARES = ("creators", "critics", "reactant", "always_on")


def persona_table(
    groups: Mapping[str, Mapping[str, Any]], names: Mapping[str, str], lang: str
) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """(header, rows): each persona's name and its shares of creators, critics, reactant
    and always-on staff (means, one decimal), for the HTML and the PDF report alike."""
    header = tuple(translate(k, lang) for k in HEADER_KEYS)
    rows = [
        (names.get(g, g), *[fmt.percent(v[k]["mean"], lang, 1) for k in SHARES])
        for g, v in groups.items()
    ]
    return header, rows


PARAMETER_HEADER_KEYS = (
    "method.col.parameter",
    "method.col.value",
    "report.range",
    "method.col.unit",
    "method.col.grade",
)


def parameter_row(p: Parameter, lang: str) -> tuple[str, ...]:
    """A parameter as the assumptions table shows it: label, value, range, unit, grade."""
    return (
        p.label[lang],
        fmt.decimal(p.value, lang),
        fmt.span(fmt.decimal(p.low, lang), fmt.decimal(p.high, lang)),
        translate(f"param_unit.{p.unit}", lang),
        p.grade,
    )
