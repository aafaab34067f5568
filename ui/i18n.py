"""Texts in the session's language."""

from __future__ import annotations

import streamlit as st

from core.i18n import DEFAULT_LANGUAGE, dutch_digits, translate
from core.text import markdown_literal

LANG_KEY = "lang"


def lang() -> str:
    return st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)


def t(key: str, **params: object) -> str:
    """The catalogue text for ``key`` in the user's language."""
    return translate(key, lang(), **params)


def tx(key: str, **user_text: object) -> str:
    """Like :func:`t` for markdown elements: every parameter is user text shown verbatim."""
    return t(key, **{name: markdown_literal(value) for name, value in user_text.items()})


def plain(text: object) -> str:
    """Any text (a message quoting a file, a name) for a markdown element, shown verbatim."""
    return markdown_literal(text)


def fmt_number(value: float, decimals: int = 0) -> str:
    """A number with the user's thousands separator (1,234 or 1.234)."""
    text = f"{value:,.{decimals}f}"
    return dutch_digits(text) if lang() == "nl" else text


def fmt_share(value: float, decimals: int = 0) -> str:
    text = f"{value * 100:.{decimals}f}%"
    return text.replace(".", ",") if lang() == "nl" else text


def fmt_eur(value: float) -> str:
    return f"€ {fmt_number(value)}"
