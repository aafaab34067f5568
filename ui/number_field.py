"""One number box for every non-whole number a user types, in the user's digits.

Streamlit's ``st.number_input`` always writes a decimal point ("0.02"), so a
Dutch user would read English. This box is a text input that shows the value
as ``core.formatting.editable`` writes it ("0,02", "1.250,5") and reads what
the user types with ``core.formatting.parse_number`` (Babel, strict; a percent
or euro sign is tolerated). The model value stays the one source of truth: the
caller passes it in and gets the accepted number through ``on_change``. Bad
input (not a number, outside the range) shows one translated sentence under
the box naming the field and what is allowed, and the last good value stays.

The box is keyed per language (``<key>@nl``), as ``ui.widgets.session_choice``
does, so switching language rewrites the digits; ``<key>#error`` holds a
message until it has been shown once.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from core import formatting
from core.i18n import translate
from ui.boundary import guarded
from ui.i18n import lang, plain


def _read(text: object, language: str, decimals: int) -> float | None:
    try:
        return round(formatting.parse_number(str(text), language), decimals)
    except ValueError:
        return None


def problem(
    label: str, text: str, low: float, high: float, value: float, language: str, decimals: int
) -> str | None:
    """The sentence for a bad entry in ``language``, or None when ``text`` is a good number."""
    number = _read(text, language, decimals)
    params = {
        "field": label,
        "text": text.strip(),
        "low": formatting.editable(low, language, decimals),
        "high": formatting.editable(high, language, decimals),
        "value": formatting.editable(value, language, decimals),
    }
    if number is None:
        example = formatting.editable(1250.5 if decimals else 1250, language, decimals)
        return translate("input.not_a_number", language, example=example, **params)
    if not low <= number <= high:
        return translate("input.out_of_range", language, **params)
    return None


def number_field(
    label: str,
    key: str,
    value: float,
    low: float,
    high: float,
    on_change: Callable[[float], None],
    decimals: int = 2,
    help_text: str | None = None,
) -> None:
    """A number box showing ``value`` in the user's digits; a good entry goes to ``on_change``.

    ``decimals`` is the precision kept (and the most shown); the range is inclusive.
    """
    ss = st.session_state
    language = lang()
    widget = f"{key}@{language}"
    shown = _read(ss.get(widget, ""), language, decimals)
    if shown is None or shown != round(value, decimals):  # first draw, or changed elsewhere
        ss[widget] = formatting.editable(value, language, decimals)

    @guarded
    def _check() -> None:
        text = str(ss.get(widget, ""))
        message = problem(label, text, low, high, value, language, decimals)
        if message is not None:
            ss[f"{key}#error"] = message
            ss[widget] = formatting.editable(value, language, decimals)  # the last good value
            return
        ss.pop(f"{key}#error", None)
        number = _read(text, language, decimals)
        if number is not None and number != round(value, decimals):
            on_change(number)
        ss[widget] = formatting.editable(value if number is None else number, language, decimals)

    st.text_input(label, key=widget, help=help_text, on_change=_check, max_chars=40)
    message = ss.pop(f"{key}#error", None)
    if message:
        st.error(plain(message), icon=":material/error:")
