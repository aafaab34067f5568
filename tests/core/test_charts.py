"""Every chart builder in both languages: full numbers in the language's digits, CSVs in words.

Each builder returns a figure and the table a reader downloads under it. The
figures must use the language's separators and print numbers in full (no
"100k"); the tables, written by ``core.exports.safe_csv`` and read back with
pandas, must have the reader's headers with units and the language's CSV
conventions (';' and a decimal comma in Dutch, ',' and a point in English).
"""

from __future__ import annotations

import io
import json
import re

import pandas as pd
import pytest

from core import charts
from core.context import RunContext
from core.exports import safe_csv
from core.i18n import catalogue, translate
from core.metrics import RISK_PROBABILITIES, metric
from core.reports import html_report
from core.scenario import PLATFORMS, load_scenario, with_policy
from core.simulate import simulate
from tests.conftest import SAMPLES
from tests.ui.visible_text import chart_problems

LANGS = ["nl", "en"]
CODE_NAME = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)+$|^(?:p\d0|mean|low|high|level|metric)$")


@pytest.fixture(scope="module")
def results():
    hospital = load_scenario(SAMPLES / "university_hospital.json")
    context = RunContext(runs=60, seed=5)
    today = simulate(hospital, context)
    policy = hospital.policy.model_copy(update={"share_permission": True, "training": "voluntary"})
    return today, simulate(with_policy(hospital, policy), context)


def tornado_rows(lang: str) -> list[dict]:
    """Rows as the Simulation page builds them (shares already in percent)."""
    return [
        {"factor": translate("lever.training", lang), "kind": translate("sim.kind.lever", lang),
         "low": 21.25, "high": 27.5, "low_label": translate("value.training.none", lang),
         "high_label": translate("value.training.mandatory", lang)},
        {"factor": "Reactance", "kind": translate("sim.kind.parameter", lang), "low": 22.0,
         "high": 24.125, "low_label": "0,2" if lang == "nl" else "0.2",
         "high_label": "0,6" if lang == "nl" else "0.6"},
    ]  # fmt: skip


def frontier_points(results) -> pd.DataFrame:
    return charts.frontier_points(
        {name: r.summary() for name, r in zip(("A", "B"), results, strict=True)}, "always_on_share"
    )


def built(results, lang: str) -> dict:
    """Every builder's (figure, table) as the pages and reports call them."""
    today, other = results
    summary = today.summary()
    levels = {k: translate(f"level.{k}", lang) for k in ("passive", "engaged", "creator")}
    names = {p: translate(f"platform.{p}", lang) for p in PLATFORMS}
    both = {"A": summary, "B": other.summary()}
    return {
        "funnel": charts.funnel(today.level_summary(), levels, "F", lang),
        "reach": charts.bands(summary, ["monthly_impressions", "monthly_unique_reach"], "R", lang),
        "risk": charts.bands(summary, list(RISK_PROBABILITIES), "K", lang),
        "platforms": charts.platforms(today.platform_summary(), names, "P", lang),
        "tornado": charts.tornado(
            tornado_rows(lang), 23.5, "T", metric("always_on_share"), ("a", "b"), lang
        ),
        "frontier": charts.frontier(frontier_points(results), "always_on_share", "Fr", lang),
        "across": charts.across_scenarios(both, "monthly_unique_reach", lang),
    }


def read_back(data: bytes, lang: str) -> pd.DataFrame:
    """The CSV as a spreadsheet in that language reads it."""
    if lang == "nl":
        return pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")


@pytest.mark.parametrize("lang", LANGS)
def test_every_chart_prints_full_numbers_in_the_languages_digits(results, lang):
    for name, (fig, _) in built(results, lang).items():
        figure = json.loads(fig.to_json())
        assert chart_problems(figure, lang) == [], name


def test_the_chart_rules_catch_si_formats_and_wrong_separators(results):
    fig, _ = charts.platforms(results[0].platform_summary(), dict.fromkeys(PLATFORMS, "x"), "")
    figure = json.loads(fig.to_json())
    assert chart_problems(figure, "en") == []
    assert chart_problems(figure, "nl")  # English separators in a Dutch chart
    figure["layout"]["yaxis"]["tickformat"] = "~s"
    assert any("tickformat" in p for p in chart_problems(figure, "en"))
    figure["layout"]["yaxis"]["tickformat"] = ","
    figure["data"][0]["hovertemplate"] = "%{y:.2s}"
    assert any("hovertemplate" in p for p in chart_problems(figure, "en"))


@pytest.mark.parametrize("lang", LANGS)
def test_the_html_reports_charts_follow_the_same_rules(results, lang):
    page = html_report([("A", results[0]), ("B", results[1])], lang)
    figures = []
    decoder = json.JSONDecoder()
    for match in re.finditer(r'Plotly\.newPlot\(\s*"[^"]+",\s*', page):
        data, end = decoder.raw_decode(page, match.end())
        rest = page[end:].lstrip(" ,\n")
        layout, _ = decoder.raw_decode(rest)
        figures.append({"data": data, "layout": layout})
    assert len(figures) >= 3, "the report draws its charts"
    for figure in figures:
        assert chart_problems(figure, lang) == [], figure["layout"].get("title")


@pytest.mark.parametrize("lang", LANGS)
def test_csv_headers_are_the_readers_words_and_read_back(results, lang):
    words = set(catalogue(lang).values())
    other = {translate(f"col.{k}", "nl" if lang == "en" else "en") for k in ("p50", "mean")}
    for name, (_, table) in built(results, lang).items():
        data = safe_csv(table, lang)
        read = read_back(data, lang)
        assert list(read.columns) == list(table.columns), name
        for column in read.columns:
            assert not CODE_NAME.match(column), (name, column)
            assert column not in other, (name, column)
        assert any(c in words for c in read.columns), (name, list(read.columns))
        numeric = table.select_dtypes("number").columns
        assert len(numeric) >= 1, name
        for column in numeric:  # numbers come back as numbers, with the values written
            assert pd.api.types.is_numeric_dtype(read[column]), (name, column)
            assert read[column].tolist() == pytest.approx(table[column].tolist()), (name, column)


def test_dutch_csv_uses_semicolons_and_a_decimal_comma(results):
    _, table = built(results, "nl")["risk"]
    text = safe_csv(table, "nl").decode("utf-8-sig")
    head, first = text.splitlines()[:2]
    assert head.split(";")[:3] == ["Maatstaf", "Eenheid", "Laag (P10)"]
    assert re.search(r";\d+,\d;", first), first  # a percentage like 12,3 between separators
    assert "." not in first.split(";", 2)[2]  # no decimal point in the numbers
    pointed = pd.read_csv(io.StringIO(text), sep=";")  # a decimal point: the numbers are text
    assert not pd.api.types.is_numeric_dtype(pointed["Laag (P10)"])


def test_english_csv_uses_commas_and_a_decimal_point(results):
    _, table = built(results, "en")["risk"]
    text = safe_csv(table, "en").decode("utf-8-sig")
    head, first = text.splitlines()[:2]
    assert head.split(",")[:3] == ["Measure", "Unit", "Low (P10)"]
    assert re.search(r",\d+\.\d,", first), first


@pytest.mark.parametrize("lang", LANGS)
def test_csv_numbers_are_in_the_units_the_headers_say(results, lang):
    today = results[0]
    _, funnel = built(results, lang)["funnel"]
    share = funnel[translate("col.share_of_staff", lang)]
    creators = today.level_summary()["creator"]["share"]["mean"]
    assert share.iloc[-1] == pytest.approx(creators * 100, abs=0.05)  # percent, not 0..1
    assert funnel[translate("col.at_least", lang)].is_monotonic_decreasing
    _, risk = built(results, lang)["risk"]
    units = risk[translate("col.unit", lang)].tolist()
    assert units == [metric(m).unit(lang) for m in RISK_PROBABILITIES]
    p50 = risk[translate("col.p50", lang)].tolist()
    expected = [today.summary()[m]["p50"] * 100 for m in RISK_PROBABILITIES]
    assert p50 == pytest.approx(expected, abs=0.05)
    _, tornado = built(results, lang)["tornado"]
    unit = metric("always_on_share").unit(lang)
    assert any(unit in c for c in tornado.columns)
    assert tornado.iloc[0].tolist()[-1] == 23.5  # the base value, in percent as drawn


REACH = {"p10": 19_512.0, "p50": 73_614.0, "p90": 220_959.0, "mean": 99_343.0}
LEAK = {"p10": 0.17, "p50": 0.24, "p90": 0.35, "mean": 0.253}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_bars_stand_at_the_mean_the_tables_print_with_the_value_under_each_name(lang):
    """The HTML report's bars stood at the median (73,614) beside a table saying 99,343."""
    summaries = {"Today": {"monthly_unique_reach": REACH}, "Mix": {"monthly_unique_reach": REACH}}
    fig, _ = charts.across_scenarios(summaries, "monthly_unique_reach", lang)
    bar = fig.data[0]
    assert list(bar.y) == [REACH["mean"]] * 2
    shown = metric("monthly_unique_reach").show(REACH["mean"], lang)
    assert all(label.endswith(f"<b>{shown}</b>") for label in bar.x)
    assert bar.text is None  # nothing written inside a bar for a whisker to cross
    assert bar.error_y.array[0] == pytest.approx(REACH["p90"] - REACH["mean"])
    assert "s" not in (fig.layout.yaxis.tickformat or "")  # "250.000", not "250k"


def test_shares_are_drawn_in_percent():
    fig, _ = charts.across_scenarios(
        {"Today": {"p_sensitive_leak_year": LEAK}}, "p_sensitive_leak_year"
    )
    assert fig.data[0].y[0] == pytest.approx(25.3)
    assert fig.layout.yaxis.ticksuffix == "%"


def test_page_bands_stand_at_the_mean_the_cards_print():
    """The Simulation page's card said 99.684 and its chart 74.554 (the median) for one metric."""
    fig, _ = charts.bands({"monthly_unique_reach": REACH}, ["monthly_unique_reach"], "R", "nl")
    assert list(fig.data[0].x) == [REACH["mean"]]
    heading = fig.layout.annotations[0].text
    assert metric("monthly_unique_reach").show(REACH["mean"], "nl") in heading
    assert "<br>" in heading, "the band sits on its own line"


def test_the_frontier_stands_at_the_mean_the_cards_print(results):
    points = frontier_points(results)
    today = results[0].summary()
    assert points.loc[0, "reach"] == today["monthly_unique_reach"]["mean"]
    fig, table = charts.frontier(points, "always_on_share", "Fr", "en")
    assert fig.data[0].y[0] == today["monthly_unique_reach"]["mean"]
    assert "Mean" in table.columns[1]
