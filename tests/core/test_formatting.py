"""One formatter: numbers, percentages, points, money and dates in English and Dutch."""

from __future__ import annotations

from datetime import date

import pytest

from core import formatting as fmt


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "1,234.5"), ("nl", "1.234,5")],
)
def test_grouping_and_decimal_mark(lang, expected):
    assert fmt.number(1234.5, lang, 1) == expected


def test_percent_points_and_relative_changes():
    assert fmt.percent(0.483, "en", 1) == "48.3%"
    assert fmt.percent(0.483, "nl", 1) == "48,3%"
    assert fmt.percent(0.483, "nl") == "48%"
    assert fmt.points(0.032, "en") == "+3.2 points"
    assert fmt.points(-0.114, "nl") == "-11,4 procentpunt"
    assert fmt.relative(0.35, "nl") == "+35%"
    assert fmt.relative(-0.121, "en") == "-12%"


def test_a_change_that_rounds_to_zero_has_no_sign():
    assert fmt.points(-0.0002, "nl") == "0,0 procentpunt"
    assert fmt.number(-0.04, "en", 1, signed=True) == "0.0"
    assert fmt.is_zero(-0.04, 1) and not fmt.is_zero(0.06, 1)


def test_money_without_cents_and_signed():
    assert fmt.money(-21697.4, "nl") == "-€\u00a021.697"
    assert fmt.money(1234, "en") == "€1,234"
    assert fmt.money(1234, "nl", signed=True) == "+€\u00a01.234"
    assert fmt.money(-1234, "en", signed=True) == "-€1,234"
    assert fmt.money(0.2, "nl", signed=True) == "€\u00a00"


def test_counts_get_the_decimals_their_size_needs():
    assert fmt.count(59419.2, "nl") == "59.419"
    assert fmt.count(3.44, "en") == "3.4"
    assert fmt.count(0.341, "nl") == "0,34"
    assert fmt.count(1.0, "nl") == "1"


def test_dates_ranges_and_plotly_separators():
    assert fmt.day(date(2026, 3, 14), "nl") == "14 maart 2026"
    assert fmt.day(date(2026, 3, 14), "en") == "14 March 2026"
    assert fmt.p10_p90("12%", "45%", "nl") == "P10–P90: 12% – 45%"
    assert fmt.span("3", "3") == "3"
    assert fmt.plotly_separators("nl") == ",." and fmt.plotly_separators("en") == ".,"


def test_nothing_unreadable_reaches_a_reader():
    assert fmt.number(float("nan"), "en") == "0"
    assert fmt.decimal(0.000135, "nl") == "0,000135"  # small parameters keep their digits
    assert fmt.decimal(1200.25, "nl") == "1.200,25"


@pytest.mark.parametrize(
    ("lang", "value", "decimals", "expected"),
    [("nl", 1250.5, 2, "1.250,5"), ("en", 1250.5, 2, "1,250.5"), ("nl", 25.0, 2, "25"),
     ("nl", 0.02, 2, "0,02"), ("nl", 1_000_000, 0, "1.000.000"), ("en", 0.005, 3, "0.005")],
)  # fmt: skip
def test_editable_numbers_are_grouped_without_trailing_zeros(lang, value, decimals, expected):
    assert fmt.editable(value, lang, decimals) == expected


@pytest.mark.parametrize(
    ("lang", "typed", "expected"),
    [("nl", "1.250,5", 1250.5), ("nl", "1250,5", 1250.5), ("nl", "0,02", 0.02),
     ("nl", " 12,5 % ", 12.5), ("nl", "€ 1.000.000", 1_000_000), ("nl", "−3", -3),
     ("en", "1,250.5", 1250.5), ("en", "1250.5", 1250.5), ("en", "€25", 25),
     ("en", "12\u00a0500", 12500)],
)  # fmt: skip
def test_typed_numbers_are_read_in_the_language(lang, typed, expected):
    assert fmt.parse_number(typed, lang) == expected


@pytest.mark.parametrize(
    ("lang", "typed"),
    [("nl", "0.02"), ("nl", "1,250.5"), ("en", "1250,5"), ("en", "0,02"), ("nl", "abc"),
     ("nl", ""), ("nl", "nan"), ("en", "inf"), ("nl", "1" * 50)],
)  # fmt: skip
def test_numbers_in_the_other_form_are_refused_not_guessed(lang, typed):
    with pytest.raises(ValueError):
        fmt.parse_number(typed, lang)
