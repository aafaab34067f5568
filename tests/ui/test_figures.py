"""Figures are built once per input and language; every session gets its own copy."""

from __future__ import annotations

import plotly.graph_objects as go

from core import charts
from ui.figures import _build, figure

CALLS: list[tuple[str, str]] = []


def counting_builder(title: str, lang: str) -> go.Figure:
    CALLS.append((title, lang))
    return go.Figure(go.Bar(x=[1, 2], y=[3, 4]), layout={"title": {"text": title}})


def test_equal_inputs_build_once_and_each_caller_gets_its_own_copy():
    _build.clear()
    CALLS.clear()
    first = figure(counting_builder, "Bereik", "nl")
    first.update_layout(title_text="changed by one session")
    second = figure(counting_builder, "Bereik", "nl")
    assert CALLS == [("Bereik", "nl")]
    assert second.layout.title.text == "Bereik", "one session's restyle leaked into another"
    figure(counting_builder, "Reach", "en")
    assert CALLS == [("Bereik", "nl"), ("Reach", "en")]


def test_a_cached_chart_equals_the_one_built_directly():
    summary = {"monthly_unique_reach": {"p10": 1.0, "p50": 2.0, "p90": 4.0, "mean": 2.2}}
    direct, direct_data = charts.bands(summary, ["monthly_unique_reach"], "Bereik", "nl")
    cached, cached_data = figure(charts.bands, summary, ["monthly_unique_reach"], "Bereik", "nl")
    assert cached.to_dict() == direct.to_dict()
    assert cached_data.equals(direct_data)
