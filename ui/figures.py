"""Figures built once per input and language, then shared by every session.

Plotly validates each property as a figure is built; on the Simulation page
that was most of a session's server time, paid again by every participant of a
workshop looking at the same numbers. The builders in ``core.charts`` are pure
(data and language in, figure out), so equal inputs give an equal figure:
build it once and hand each session its own copy (Streamlit unpickles one per
call, about 25 ms, so a session may restyle it freely).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import streamlit as st

P = ParamSpec("P")
T = TypeVar("T")


@st.cache_data(max_entries=256, show_spinner=False)
def _build(module: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    builder = getattr(importlib.import_module(module), name)
    return builder(*args, **kwargs)


def figure(builder: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """``builder(*args, **kwargs)``, computed once for equal arguments across sessions."""
    result: T = _build(builder.__module__, builder.__qualname__, args, kwargs)
    return result
