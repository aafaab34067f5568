"""Texts in the session's language."""

from __future__ import annotations

import streamlit as st

from core import formatting
from core.i18n import DEFAULT_LANGUAGE, translate
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


def fmt_number(value: float, decimals: int = 0, signed: bool = False) -> str:
    """A number in the user's language (core.formatting does the work): 1,234 / 1.234."""
    return formatting.number(value, lang(), decimals, signed)


def fmt_share(value: float, decimals: int = 0) -> str:
    """A share of 0..1 in percent: 48% / 48,3%."""
    return formatting.percent(value, lang(), decimals)


def fmt_eur(value: float, signed: bool = False) -> str:
    """Euros without cents: €1,234 / € 1.234."""
    return formatting.money(value, lang(), signed)
