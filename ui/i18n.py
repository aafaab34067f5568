"""Texts in the session's language."""

from __future__ import annotations

import streamlit as st

from core.i18n import DEFAULT_LANGUAGE, dutch_digits, translate

LANG_KEY = "lang"


def lang() -> str:
    return st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)


def t(key: str, **params: object) -> str:
    """The catalogue text for ``key`` in the user's language."""
    return translate(key, lang(), **params)


def fmt_number(value: float, decimals: int = 0) -> str:
    """A number with the user's thousands separator (1,234 or 1.234)."""
    text = f"{value:,.{decimals}f}"
    return dutch_digits(text) if lang() == "nl" else text


def fmt_share(value: float, decimals: int = 0) -> str:
    text = f"{value * 100:.{decimals}f}%"
    return text.replace(".", ",") if lang() == "nl" else text


def fmt_eur(value: float) -> str:
    return f"€ {fmt_number(value)}"
