"""Inputs in the user's units: percentages of staff, levels in words, scores with the right comma.

The scenario keeps its internal units (shares 0..1, scores 1..5); these
widgets convert at the edge. ``st.session_state[key]`` holds what the user
sees (an integer percent, a level); the model value goes through a shadow key
(``<key>#model``) into :func:`ui.state.update_scenario`, so validation and
error messages stay in one place. Sliders whose option labels are translated
are keyed per language (``<key>@nl``) and mirror the stored value, as
``ui.widgets.session_choice`` does, so switching language changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from core import formatting
from core.i18n import translate
from ui import state
from ui.i18n import lang

LEVELS = 5  # words per level scale: very low .. very high


def _apply(path: str, key: str, to_model: Callable[[object], float], shown: str = "") -> None:
    ss = st.session_state
    if shown:  # a per-language widget: its value becomes the stored one
        ss[key] = ss[shown]
    ss[f"{key}#model"] = to_model(ss[key])
    state.update_scenario(path, f"{key}#model")


def _labelled(key: str, value: object) -> str:
    """The per-language widget key, set to the stored value before the widget is drawn."""
    ss = st.session_state
    if key not in ss:
        ss[key] = value
    shown = f"{key}@{lang()}"
    ss[shown] = ss[key]
    return shown


def percent_of_staff(label: str, path: str, key: str, share: float, help_text: str) -> None:
    """A share of staff (0..1) as a 0-100% slider."""
    if key not in st.session_state:
        st.session_state[key] = round(share * 100)
    st.slider(
        label,
        min_value=0,
        max_value=100,
        step=1,
        format="%d%%",
        key=key,
        help=help_text,
        on_change=_apply,
        args=(path, key, lambda v: round(int(v) / 100, 2)),
    )


def level_word(field: str, value: float, language: str) -> str:
    """The word for a 0..1 level: 'easy to hire', 'under a magnifying glass'."""
    return translate(f"level_word.{field}.{min(LEVELS - 1, int(value * LEVELS))}", language)


def level(label: str, field: str, path: str, key: str, value: float, help_text: str) -> None:
    """A 0..1 level as words on a 0-100 scale: 'high (60 of 100)'."""
    points = round(value * 100)
    options = sorted({*range(0, 101, 5), points})
    shown, language = _labelled(key, points), lang()  # labels formatted now, in this language

    def _label(p: int) -> str:
        word = level_word(field, p / 100, language)
        return translate("level.scale", language, word=word, value=p)

    st.select_slider(
        label,
        options=options,
        key=shown,
        format_func=_label,
        help=help_text,
        on_change=_apply,
        args=(path, key, lambda p: round(int(p) / 100, 2), shown),
    )


def score(label: str, path: str, key: str, value: float, low: float, high: float, step: float,
          help_text: str) -> None:  # fmt: skip
    """A score (1..5 mean, 0..2 spread) with the language's decimal mark (3,4 in Dutch)."""
    decimals = 2 if step < 0.1 else 1
    count = round((high - low) / step)
    options = sorted({round(low + i * step, decimals) for i in range(count + 1)} | {value})
    shown, language = _labelled(key, value), lang()
    st.select_slider(
        label,
        options=options,
        key=shown,
        format_func=lambda v: formatting.number(v, language, decimals),
        help=help_text,
        on_change=_apply,
        args=(path, key, float, shown),
    )
