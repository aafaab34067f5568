"""One formatter for every number a user reads, in English or Dutch (Babel/CLDR).

Pages, charts, the CLI, the HTML report, the deck and the policy text all
call these functions, so a number looks the same everywhere: ``1,234`` and
``48.3%`` in English, ``1.234`` and ``48,3%`` in Dutch. Pure (no Streamlit).
"""

from __future__ import annotations

import math
import re
from datetime import date as _date
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    NumberFormatError,
    format_currency,
    format_decimal,
    format_percent,
    parse_decimal,
)

from core.i18n import normalise_language, translate

DASH = "–"  # en dash between the ends of a range


LOCALES = {"en": "en_GB", "nl": "nl"}  # British English: 14 March 2026, €1,234


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[normalise_language(lang)])


def _pattern(decimals: int, suffix: str = "") -> str:
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "") + suffix


def _clean(value: float) -> float:
    """NaN/inf never reach a reader; -0.0 prints as 0."""
    if value is None or not math.isfinite(value):
        return 0.0
    return value + 0.0


def _signed(text: str, rounded_zero: bool) -> str:
    if rounded_zero:
        return text.lstrip("-−")  # "-0,0" reads as a change that is not there
    return text if text.startswith(("-", "−")) else "+" + text


def number(value: float, lang: str, decimals: int = 0, signed: bool = False) -> str:
    """A number with the language's grouping and decimal mark: 1,234.5 / 1.234,5."""
    value = _clean(value)
    text = format_decimal(value, format=_pattern(decimals), locale=_locale(lang))
    if not signed:
        return text
    return _signed(text, round(value, decimals) == 0)


def decimal(value: float, lang: str) -> str:
    """A parameter value as written (up to 6 significant digits): 0.000135 / 0,000135; 1.200."""
    value = float(f"{_clean(value):.6g}")
    return format_decimal(value, locale=_locale(lang), decimal_quantization=False)


def editable(value: float, lang: str, decimals: int = 2) -> str:
    """A number as it stands in an input box: grouped, at most ``decimals``, no trailing zeros.

    ``1250.5`` reads ``1.250,5`` in Dutch and ``1,250.5`` in English; ``25.0`` reads ``25``.
    """
    pattern = "#,##0" + ("." + "#" * decimals if decimals > 0 else "")
    return format_decimal(_clean(value), format=pattern, locale=_locale(lang))


UNIT_MARKS = ("%", "€", "EUR", "eur", "euro")  # a unit typed with the number is tolerated
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def parse_number(text: str, lang: str) -> float:
    """What a user typed into a number box, read in the language's digits (Babel, strict).

    Dutch takes ``1.250,5``, ``1250,5`` and ``0,02``; English ``1,250.5`` and
    ``0.02``. Spaces, a percent or euro sign and a typographic minus are
    tolerated. Grouping in the wrong place (``0.02`` in Dutch, ``1250,5`` in
    English) is refused rather than guessed: ``ValueError``.
    """
    cleaned = str(text)
    for mark in UNIT_MARKS:
        cleaned = cleaned.replace(mark, "")
    cleaned = _SPACES.sub("", cleaned).replace("\u2212", "-")
    if not cleaned or len(cleaned) > 40:
        raise ValueError(text)
    try:
        parsed = parse_decimal(cleaned, locale=_locale(lang), strict=True)
    except NumberFormatError as exc:
        raise ValueError(text) from exc
    if not parsed.is_finite():
        raise ValueError(text)
    return float(parsed) + 0.0


def auto_decimals(value: float) -> int:
    """Decimals a count needs to be read: 1,234 / 12 / 3.4 / 0.34."""
    magnitude = abs(_clean(value))
    if magnitude >= 10 or magnitude == int(magnitude):
        return 0
    return 1 if magnitude >= 1 else 2


def count(value: float, lang: str, signed: bool = False) -> str:
    """A count or an expected count with as many decimals as its size needs."""
    return number(value, lang, auto_decimals(value), signed)


def percent(share: float, lang: str, decimals: int = 0, signed: bool = False) -> str:
    """A share of 0..1 as a percentage: 0.483 -> 48% / 48,3% (``decimals=1``)."""
    share = _clean(share)
    text = format_percent(share, format=_pattern(decimals, "%"), locale=_locale(lang))
    if not signed:
        return text
    return _signed(text, round(share * 100, decimals) == 0)


def points(delta: float, lang: str, decimals: int = 1) -> str:
    """A change of a share in percentage points: +3.2 points / +3,2 procentpunt."""
    value = number(_clean(delta) * 100, lang, decimals, signed=True)
    return translate("unit.points", lang, value=value)


def relative(ratio: float, lang: str, decimals: int = 0) -> str:
    """A relative change (0.35 = 35% more): +35% / -12%."""
    return percent(ratio, lang, decimals, signed=True)


def is_zero(value: float, decimals: int) -> bool:
    """True when ``value`` shows as zero at ``decimals`` (drawn neutral, never as an arrow)."""
    return round(_clean(value), decimals) == 0


@cache
def _money_pattern(lang: str, signed: bool) -> str:
    """The locale's currency pattern without cents, the sign in front: -€ 1.234 / -€1,234."""
    pattern = _locale(lang).currency_formats["standard"].pattern.split(";")[0]
    pattern = pattern.replace(".00", "")
    return f"+{pattern};-{pattern}" if signed else f"{pattern};-{pattern}"


def money(value: float, lang: str, signed: bool = False) -> str:
    """Euros without cents: €1,234 / € 1.234; ``signed`` adds a + to gains."""
    value = round(_clean(value))
    if signed and value == 0:
        signed = False
    return format_currency(
        value,
        "EUR",
        format=_money_pattern(lang, signed),
        locale=_locale(lang),
        currency_digits=False,
    )


def day(when: _date, lang: str) -> str:
    """A date in words: 14 March 2026 / 14 maart 2026."""
    return format_date(when, format="long", locale=_locale(lang))


def span(low: str, high: str) -> str:
    """Two formatted ends as one range: '12% – 45%'."""
    return low if low == high else f"{low} {DASH} {high}"


def p10_p90(low: str, high: str, lang: str) -> str:
    """A P10-P90 range with its label, e.g. 'P10–P90: 12% – 45%'."""
    return translate("fmt.p10_p90", lang, range=span(low, high))


def plotly_separators(lang: str) -> str:
    """Plotly's ``layout.separators`` (decimal mark, then grouping) for the language."""
    symbols = _locale(lang).number_symbols["latn"]
    return symbols["decimal"] + symbols["group"]
