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

from core.i18n import dutch_digits
from core.text import plotly_literal

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
FONT = {"family": "Inter, Segoe UI, Arial, sans-serif", "size": 16, "color": "#222"}


def layout(fig: go.Figure, title: str, height: int = 380) -> go.Figure:
    """The house style: large type, white background, Okabe-Ito colours."""
    fig.update_layout(
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
    return fig


def _banded_bars(x: pd.Series, df: pd.DataFrame) -> go.Figure:
    """Vertical bars at the median with P10-P90 whiskers, one colour per bar."""
    return go.Figure(
        go.Bar(
            x=x,
            y=df["p50"],
            marker_color=list(OKABE_ITO[: len(df)]),
            error_y={
                "type": "data",
                "symmetric": False,
                "array": df["p90"] - df["p50"],
                "arrayminus": df["p50"] - df["p10"],
            },
            hovertemplate="%{x}: %{y:,.1f}<extra></extra>",
        )
    )


def funnel(
    levels: Mapping[str, Mapping[str, Any]], labels: Mapping[str, str], title: str
) -> tuple[go.Figure, pd.DataFrame]:
    """Employees reaching at least each ambassador level (passive, engaged, creator)."""
    order = ["passive", "engaged", "creator"]
    rows = []
    for i, level in enumerate(order):
        at_least = order[i:]
        mean = sum(levels[k]["employees"]["mean"] for k in at_least)
        rows.append({"level": labels[level], "employees_at_least": round(mean)})
    df = pd.DataFrame(rows)
    fig = go.Figure(
        go.Funnel(
            y=df["level"],
            x=df["employees_at_least"],
            textinfo="value+percent initial",
            marker={"color": [OKABE_ITO[5], OKABE_ITO[0], OKABE_ITO[2]]},
        )
    )
    return layout(fig, title, 340), df


def _short(value: float, percent: bool, comma: bool = False) -> str:
    """A compact number; ``comma`` writes it the Dutch way (1.234,5)."""
    if percent:
        text = f"{value:.1f}%"
    elif abs(value) >= 10:
        text = f"{value:,.0f}"
    else:
        text = f"{value:.2f}"
    return dutch_digits(text) if comma else text


def bands(
    summary: Mapping[str, Mapping[str, float]],
    metrics: Sequence[str],
    labels: Mapping[str, str],
    title: str,
    scale: float = 1.0,
    percent: bool = False,
    comma: bool = False,
) -> tuple[go.Figure, pd.DataFrame]:
    """Median with the P10-P90 band per metric, each on its own axis (scales differ).

    Each panel's heading carries the numbers, so the chart reads without hovering.
    """
    rows: list[dict[str, Any]] = [
        {
            "metric": labels[m],
            "p10": summary[m]["p10"] * scale,
            "p50": summary[m]["p50"] * scale,
            "p90": summary[m]["p90"] * scale,
            "mean": summary[m]["mean"] * scale,
        }
        for m in metrics
    ]
    df = pd.DataFrame(rows)
    headings = [
        f"<b>{r['metric']}</b>: {_short(r['p50'], percent, comma)}  "
        f"<span style='color:#555'>(P10–P90 {_short(r['p10'], percent, comma)} – {_short(r['p90'], percent, comma)})</span>"
        for r in rows
    ]
    fig = make_subplots(
        rows=len(rows), cols=1, subplot_titles=headings, vertical_spacing=0.5 / len(rows)
    )
    for i, row in enumerate(rows, start=1):
        fig.add_bar(
            row=i,
            col=1,
            y=[""],
            x=[row["p50"]],
            orientation="h",
            width=0.6,
            marker_color=OKABE_ITO[(i - 1) % len(OKABE_ITO)],
            error_x={
                "type": "data",
                "symmetric": False,
                "array": [row["p90"] - row["p50"]],
                "arrayminus": [row["p50"] - row["p10"]],
                "color": "#333",
                "thickness": 2,
                "width": 12,
            },
            hovertemplate=f"{row['metric']}: P10 {row['p10']:,.2f} · P50 {row['p50']:,.2f} · P90 {row['p90']:,.2f}<extra></extra>",
            showlegend=False,
        )
        fig.update_xaxes(range=[0, max(row["p90"], row["p50"]) * 1.1 or 1], row=i, col=1)
    fig.update_annotations(font_size=15, xanchor="left", x=0)
    return layout(fig, title, 80 + 120 * len(rows)), df


def platforms(
    summary: Mapping[str, Mapping[str, float]], names: Mapping[str, str], title: str
) -> tuple[go.Figure, pd.DataFrame]:
    rows = [
        {"platform": names[p], **{k: s[k] for k in ("p10", "p50", "p90", "mean")}}
        for p, s in summary.items()
    ]
    df = pd.DataFrame(rows)
    return layout(_banded_bars(df["platform"], df), title), df


def tornado(
    rows: Sequence[Mapping[str, Any]], base: float, title: str, unit: str, names: tuple[str, str]
) -> tuple[go.Figure, pd.DataFrame]:
    """Bars from the base value to each factor's two settings (``names`` label them)."""
    df = pd.DataFrame(rows)
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
    return layout(fig, title, 140 + 34 * len(df)), df


def frontier(points: pd.DataFrame, x_label: str, y_label: str, title: str) -> go.Figure:
    """Reach against risk, one marker per scenario (up and to the left is better)."""
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
                "array": [row["risk_p90"] - row["risk"]],
                "arrayminus": [row["risk"] - row["risk_p10"]],
            },
            error_y={
                "type": "data",
                "symmetric": False,
                "array": [row["reach_p90"] - row["reach"]],
                "arrayminus": [row["reach"] - row["reach_p10"]],
            },
            name=plotly_literal(row["scenario"]),
        )
    fig.update_xaxes(title_text=x_label)
    fig.update_yaxes(title_text=y_label)
    return layout(fig, title, 460)


def across_scenarios(
    summaries: Mapping[str, Mapping[str, Mapping[str, float]]],
    metric: str,
    label: str,
    scale: float = 1.0,
) -> tuple[go.Figure, pd.DataFrame]:
    """One metric across scenarios: the median with the P10-P90 band."""
    df = pd.DataFrame(
        [
            {"scenario": name, **{k: s[metric][k] * scale for k in ("p10", "p50", "p90", "mean")}}
            for name, s in summaries.items()
        ]
    )
    fig = _banded_bars(df["scenario"].map(plotly_literal), df)
    fig.update_yaxes(title_text=label)
    return layout(fig, label), df
