"""Plotly figure builders shared by the dashboard and the reports: data in, figure out.

Pure functions (no Streamlit): readable in a projector-lit room (large type,
clear titles with units) with the colour-blind-safe Okabe-Ito palette.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from core import chart_data
from core import formatting as fmt
from core.i18n import translate
from core.metrics import Metric, metric
from core.text import plotly_literal

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
FONT = {"family": "Inter, Segoe UI, Arial, sans-serif", "size": 16, "color": "#222"}
# Numbers on axes and in hovers in full with the language's grouping (d3 ","): 100.000, never
# Plotly's default SI abbreviation "100k" / "1.2M", which reads as English and hides digits.
NUMBERS = ","


def _full_numbers(axis: Any) -> None:
    axis.update(
        tickformat=axis.tickformat or NUMBERS,
        hoverformat=axis.hoverformat or NUMBERS,
        exponentformat="none",
        separatethousands=True,
    )


def layout(fig: go.Figure, title: str, height: int = 380, lang: str = "en") -> go.Figure:
    """The house style: large type, white background, Okabe-Ito colours, the language's digits.

    Call it once the traces and axes are there: every axis then prints full grouped
    numbers (no "100k") with the language's separators, on ticks and in hovers.
    """
    fig.update_layout(
        separators=fmt.plotly_separators(lang),
        title={"text": title, "font": {"size": 18}},
        font=FONT,
        height=height,
        margin={"l": 10, "r": 20, "t": 70, "b": 10},
        plot_bgcolor="white",
        paper_bgcolor="white",
        colorway=list(OKABE_ITO),
        legend={"orientation": "h", "y": -0.15},
    )
    fig.update_xaxes(gridcolor="#e5e5e5", zerolinecolor="#bbb")
    fig.update_yaxes(gridcolor="#e5e5e5", zerolinecolor="#bbb")
    fig.for_each_xaxis(_full_numbers)
    fig.for_each_yaxis(_full_numbers)
    fig.update_traces(
        colorbar={"tickformat": NUMBERS, "exponentformat": "none"}, selector={"type": "heatmap"}
    )
    return fig


def _banded_bars(x: pd.Series, df: pd.DataFrame, text: list[str] | None = None) -> go.Figure:
    """Vertical bars at the mean (the number tables and cards print) with P10-P90 whiskers."""
    return go.Figure(
        go.Bar(
            x=x,
            y=df["mean"],
            text=text,
            textposition="inside" if text else None,
            marker_color=[OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(df))],
            error_y={
                "type": "data",
                "symmetric": False,
                "array": (df["p90"] - df["mean"]).clip(lower=0),
                "arrayminus": (df["mean"] - df["p10"]).clip(lower=0),
            },
            hovertemplate="%{x}: %{y:,.1f}<extra></extra>",
        )
    )


def funnel(
    levels: Mapping[str, Mapping[str, Any]],
    labels: Mapping[str, str],
    title: str,
    lang: str = "en",
) -> tuple[go.Figure, pd.DataFrame]:
    """Employees reaching at least each ambassador level (passive, engaged, creator).

    Every stage says its share of all staff, the denominator the cards use,
    so "48% of all staff" on a card and on the funnel are one number.
    """
    order = ["passive", "engaged", "creator"]
    rows = []
    for i, level in enumerate(order):
        at_least = order[i:]
        mean = sum(levels[k]["employees"]["mean"] for k in at_least)
        share = sum(levels[k]["share"]["mean"] for k in at_least)
        rows.append(
            {"level": labels[level], "employees_at_least": round(mean), "share_of_staff": share}
        )
    df = pd.DataFrame(rows)
    text = [
        f"{fmt.number(float(r['employees_at_least']), lang)} · "
        f"{fmt.percent(float(r['share_of_staff']), lang)}"
        for r in rows
    ]
    title = f"{title}<br><sup>% {translate('denominator.staff', lang)}</sup>"
    fig = go.Figure(
        go.Funnel(
            y=df["level"],
            x=df["employees_at_least"],
            text=text,
            textinfo="text",
            textposition="inside",
            insidetextfont={"color": "white", "size": 17},
            hoverinfo="y+text",
            marker={"color": [OKABE_ITO[5], OKABE_ITO[0], OKABE_ITO[2]]},
        )
    )
    table = chart_data.funnel(
        [r["level"] for r in rows],
        [r["employees_at_least"] for r in rows],
        [r["share_of_staff"] for r in rows],
        lang,
    )
    return layout(fig, title, 340, lang), table


def bands(
    summary: Mapping[str, Mapping[str, float]],
    metrics: Sequence[str],
    title: str,
    lang: str = "en",
) -> tuple[go.Figure, pd.DataFrame]:
    """The mean with the P10-P90 band per metric, each on its own axis (scales differ).

    The mean is the number the cards, the answer and the reports print, so a
    metric reads the same everywhere. Each panel's heading carries the numbers
    in the metric's own unit (from core.metrics) on two lines, the band under
    the value, so a half-width chart never cuts it off. Shares and
    probabilities are drawn in percent; an axis spans at least 1 (one percent
    for shares), so a metric that is nearly zero looks nearly zero.
    """
    rows: list[dict[str, Any]] = []
    headings = []
    for m in metrics:
        spec, s = metric(m), summary[m]
        scale = 100 if spec.is_share else 1
        rows.append(
            {"metric": spec.title(lang), **{k: s[k] * scale for k in ("p10", "p50", "p90", "mean")}}
        )
        headings.append(
            f"<b>{spec.title(lang)}</b>: {spec.show(s['mean'], lang)}<br>"
            f"<span style='color:#555;font-size:13px'>{spec.band(s['p10'], s['p90'], lang)}</span>"
        )
    fig = make_subplots(
        rows=len(rows), cols=1, subplot_titles=headings, vertical_spacing=0.7 / len(rows)
    )
    for i, (m, row) in enumerate(zip(metrics, rows, strict=True), start=1):
        spec = metric(m)
        fig.add_bar(
            row=i,
            col=1,
            y=[""],
            x=[row["mean"]],
            orientation="h",
            width=0.6,
            marker_color=OKABE_ITO[(i - 1) % len(OKABE_ITO)],
            error_x={
                "type": "data",
                "symmetric": False,
                "array": [max(0.0, row["p90"] - row["mean"])],
                "arrayminus": [max(0.0, row["mean"] - row["p10"])],
                "color": "#333",
                "thickness": 2,
                "width": 12,
            },
            hovertext=[headings[i - 1]],
            hoverinfo="text",
            showlegend=False,
        )
        fig.update_xaxes(
            range=[0, max(row["p90"] * 1.1, row["mean"] * 1.1, 1.0)],
            ticksuffix="%" if spec.is_share else "",
            row=i,
            col=1,
        )
    fig.update_annotations(font_size=15, xanchor="left", x=0, align="left")
    specs = [metric(m) for m in metrics]
    table = chart_data.bands(
        [spec.title(lang) for spec in specs], [summary[m] for m in metrics], specs, "metric", lang
    )
    fig = layout(fig, title, 100 + 150 * len(rows), lang)
    fig.update_layout(margin_t=110)  # the first heading's two lines stay clear of the title
    return fig, table


def platforms(
    summary: Mapping[str, Mapping[str, float]],
    names: Mapping[str, str],
    title: str,
    lang: str = "en",
) -> tuple[go.Figure, pd.DataFrame]:
    rows = [
        {"platform": names[p], **{k: s[k] for k in ("p10", "p50", "p90", "mean")}}
        for p, s in summary.items()
    ]
    df = pd.DataFrame(rows)
    fig = _banded_bars(df["platform"], df)
    fig.update_yaxes(title_text=translate("denominator.impressions_month", lang))
    impressions = metric("monthly_impressions")
    table = chart_data.bands(
        list(df["platform"]), list(summary.values()), [impressions] * len(df), "platform", lang
    )
    return layout(fig, title, lang=lang), table


def tornado(
    rows: Sequence[Mapping[str, Any]],
    base: float,
    title: str,
    measure: Metric,
    names: tuple[str, str],
    lang: str = "en",
) -> tuple[go.Figure, pd.DataFrame]:
    """Bars from the base value to each factor's two settings (``names`` label them).

    Values are in ``measure``'s unit as drawn (shares already in percent).
    """
    df = pd.DataFrame(rows)
    unit = measure.unit(lang)
    fig = go.Figure()
    for side, name, colour in (("low", names[0], OKABE_ITO[3]), ("high", names[1], OKABE_ITO[0])):
        fig.add_bar(
            y=df["factor"],
            x=df[side] - base,
            base=base,
            orientation="h",
            name=name,
            marker_color=colour,
            customdata=df[f"{side}_label"],
            hovertemplate="%{y}: %{customdata} → %{x:,.1f}<extra></extra>",
        )
    fig.add_vline(x=base, line_color="#333", line_width=2)
    fig.update_layout(barmode="overlay")
    fig.update_xaxes(title_text=unit)
    fig.update_yaxes(autorange="reversed")
    table = chart_data.tornado(rows, base, measure.title(lang), unit, names, lang)
    return layout(fig, title, 140 + 34 * len(df), lang), table


def frontier_points(
    summaries: Mapping[str, Mapping[str, Mapping[str, float]]], risk_key: str
) -> pd.DataFrame:
    """Each scenario's mean reach and risk with P10/P90: the frame :func:`frontier` draws.

    The mean is the number the cards and tables print for a scenario.
    """
    rows = []
    for name, s in summaries.items():
        row: dict[str, Any] = {"scenario": name}
        for prefix, key in (("reach", "monthly_unique_reach"), ("risk", risk_key)):
            row[prefix] = s[key]["mean"]
            row[f"{prefix}_p10"], row[f"{prefix}_p90"] = s[key]["p10"], s[key]["p90"]
        rows.append(row)
    return pd.DataFrame(rows)


def frontier(
    points: pd.DataFrame, risk_key: str, title: str, lang: str = "en"
) -> tuple[go.Figure, pd.DataFrame]:
    """Reach against risk, one marker per scenario (up and to the left is better).

    ``points`` (:func:`frontier_points`) holds each scenario's mean and P10/P90 of monthly unique reach
    (``reach*``) and of the metric ``risk_key`` (``risk*``; a share is drawn in percent).
    """
    reach, risk = metric("monthly_unique_reach"), metric(risk_key)
    fig = go.Figure()
    for i, (_, row) in enumerate(points.iterrows()):
        fig.add_scatter(
            x=[row["risk"]],
            y=[row["reach"]],
            mode="markers+text",
            text=[plotly_literal(row["scenario"])],
            textposition="top center",
            marker={
                "size": 18,
                "color": OKABE_ITO[i % len(OKABE_ITO)],
                "line": {"width": 1, "color": "#222"},
            },
            error_x={
                "type": "data",
                "symmetric": False,
                "array": [max(0.0, row["risk_p90"] - row["risk"])],
                "arrayminus": [max(0.0, row["risk"] - row["risk_p10"])],
            },
            error_y={
                "type": "data",
                "symmetric": False,
                "array": [max(0.0, row["reach_p90"] - row["reach"])],
                "arrayminus": [max(0.0, row["reach"] - row["reach_p10"])],
            },
            name=plotly_literal(row["scenario"]),
        )
    fig.update_xaxes(title_text=risk.title(lang), tickformat=".0%" if risk.is_share else NUMBERS)
    fig.update_yaxes(title_text=reach.title(lang))
    table = chart_data.frontier(points, reach, risk, lang)
    return layout(fig, title, 460, lang), table


def across_scenarios(
    summaries: Mapping[str, Mapping[str, Mapping[str, float]]],
    key: str,
    lang: str = "en",
) -> tuple[go.Figure, pd.DataFrame]:
    """One metric across scenarios: bars at the mean with P10-P90 whiskers, as the deck draws it.

    The mean is the number the report's tables and cards print, so the chart
    agrees with them. Each bar's value is written under its name, where a
    whisker can never cross it, and large counts get full digits ("250.000"),
    not "250k".
    """
    spec = metric(key)
    scale = 100 if spec.is_share else 1
    df = pd.DataFrame(
        [
            {"scenario": name, **{k: s[key][k] * scale for k in ("p10", "p50", "p90", "mean")}}
            for name, s in summaries.items()
        ]
    )
    labels = [
        f"{plotly_literal(name)}<br><b>{plotly_literal(spec.show(s[key]['mean'], lang))}</b>"
        for name, s in summaries.items()
    ]
    fig = _banded_bars(pd.Series(labels), df)
    fig.update_traces(hovertemplate="%{y:,.1f}<extra></extra>")  # the name holds markup
    large = not spec.is_share and float(df["p90"].max()) >= 1000
    fig.update_yaxes(
        title_text=spec.unit(lang),
        ticksuffix="%" if spec.is_share else "",
        tickformat=",.0f" if large else None,
        rangemode="tozero",
    )
    table = chart_data.bands(
        list(summaries), [s[key] for s in summaries.values()], [spec] * len(df), "scenario", lang
    )
    return layout(fig, spec.title(lang), lang=lang), table
