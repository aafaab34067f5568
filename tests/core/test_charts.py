"""The report's Plotly charts agree with its tables and read in the report's language."""

from __future__ import annotations

import pytest

from core import formatting as fmt
from core.charts import across_scenarios
from core.metrics import metric

REACH = {"p10": 19_512.0, "p50": 73_614.0, "p90": 220_959.0, "mean": 99_343.0}
LEAK = {"p10": 0.17, "p50": 0.24, "p90": 0.35, "mean": 0.253}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_bars_stand_at_the_mean_the_tables_print_with_the_value_under_each_name(lang):
    """The HTML report's bars stood at the median (73,614) beside a table saying 99,343."""
    summaries = {"Today": {"monthly_unique_reach": REACH}, "Mix": {"monthly_unique_reach": REACH}}
    fig, _ = across_scenarios(summaries, "monthly_unique_reach", lang)
    bar = fig.data[0]
    assert list(bar.y) == [REACH["mean"]] * 2
    shown = metric("monthly_unique_reach").show(REACH["mean"], lang)
    assert all(label.endswith(f"<b>{shown}</b>") for label in bar.x)
    assert bar.text is None  # nothing written inside a bar for a whisker to cross
    assert bar.error_y.array[0] == pytest.approx(REACH["p90"] - REACH["mean"])
    assert fig.layout.yaxis.tickformat == ",.0f"  # "250.000", not "250k"
    assert fig.layout.separators == fmt.plotly_separators(lang)


def test_shares_are_drawn_in_percent_without_a_thousands_format():
    fig, _ = across_scenarios({"Today": {"p_sensitive_leak_year": LEAK}}, "p_sensitive_leak_year")
    assert fig.data[0].y[0] == pytest.approx(25.3)
    assert fig.layout.yaxis.ticksuffix == "%" and fig.layout.yaxis.tickformat is None
