"""The data under a chart as a reader downloads it: headers in the reader's words, with units.

A chart's CSV is opened in a spreadsheet by someone who never saw the code,
so no column is called ``p50`` or ``employees_at_least``: headers come from
the catalogues (``col.*``) and the metric vocabulary (``core.metrics``: a
metric's title and unit), shares are written in percent, and numbers are
rounded to what the chart shows. ``core.exports.safe_csv`` then writes the
language's separators (';' and a decimal comma in Dutch). Pure (no Streamlit).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from core import formatting as fmt
from core.i18n import translate
from core.metrics import Metric

STATS = ("p10", "p50", "p90", "mean")


def rounded(value: float, percent: bool = False) -> float:
    """A value rounded as a reader reads it: percentages to 0.1, counts by their size."""
    value = float(value)
    return round(value, 1 if percent else max(fmt.auto_decimals(value), 0))


def header(key: str, lang: str, **params: object) -> str:
    return translate(f"col.{key}", lang, **params)


def funnel(
    levels: Sequence[str], employees: Sequence[float], shares: Sequence[float], lang: str
) -> pd.DataFrame:
    """Employees at each ambassador level or higher, and their share of all staff in percent."""
    return pd.DataFrame(
        {
            header("level", lang): list(levels),
            header("at_least", lang): [round(float(e)) for e in employees],
            header("share_of_staff", lang): [rounded(s * 100, percent=True) for s in shares],
        }
    )


def bands(
    names: Sequence[str],
    summaries: Sequence[Mapping[str, float]],
    specs: Sequence[Metric],
    name_key: str,
    lang: str,
) -> pd.DataFrame:
    """One row per bar: its name, its unit and P10, median, P90 and mean in that unit."""
    rows: list[dict[str, Any]] = []
    for name, summary, spec in zip(names, summaries, specs, strict=True):
        scale = 100 if spec.is_share else 1
        row: dict[str, Any] = {header(name_key, lang): name, header("unit", lang): spec.unit(lang)}
        for stat in STATS:
            row[header(stat, lang)] = rounded(summary[stat] * scale, spec.is_share)
        rows.append(row)
    return pd.DataFrame(rows)


def tornado(
    rows: Sequence[Mapping[str, Any]],
    base: float,
    measure: str,
    unit: str,
    names: tuple[str, str],
    lang: str,
) -> pd.DataFrame:
    """Each factor's two settings and the measure at each, beside the base value."""
    percent = unit.startswith("%")
    value = f"{measure} ({unit})"
    out = []
    for row in rows:
        out.append(
            {
                header("factor", lang): row["factor"],
                header("kind", lang): row["kind"],
                header("setting", lang, end=names[0]): row["low_label"],
                header("result", lang, end=names[0], value=value): rounded(row["low"], percent),
                header("setting", lang, end=names[1]): row["high_label"],
                header("result", lang, end=names[1], value=value): rounded(row["high"], percent),
                header("base", lang, value=value): rounded(base, percent),
            }
        )
    return pd.DataFrame(out)


def frontier(points: pd.DataFrame, reach: Metric, risk: Metric, lang: str) -> pd.DataFrame:
    """Each scenario's reach and risk: mean, P10 and P90, each header with its unit."""
    rows = []
    for _, point in points.iterrows():
        row: dict[str, Any] = {header("scenario", lang): point["scenario"]}
        for prefix, spec in (("reach", reach), ("risk", risk)):
            scale = 100 if spec.is_share else 1
            for stat, suffix in (("mean", ""), ("p10", "_p10"), ("p90", "_p90")):
                title = header(
                    "stat",
                    lang,
                    metric=spec.title(lang),
                    stat=header(stat, lang),
                    unit=spec.unit(lang),
                )
                row[title] = rounded(point[prefix + suffix] * scale, spec.is_share)
        rows.append(row)
    return pd.DataFrame(rows)
