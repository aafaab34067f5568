"""Widgets the pages share: big numbers, charts with their data, messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from core.exports import safe_csv
from core.simulate import HEADLINE_METRICS, SimulationResult, is_share
from ui.i18n import fmt_number, fmt_share, lang, plain, t

KINDS = {"monthly_unique_reach": "count", "sensitive_leaks_per_year": "decimal"}
BIG_FOUR = tuple((m, KINDS.get(m, "share")) for m in HEADLINE_METRICS)


def fmt_value(metric: str, value: float, signed: bool = False) -> str:
    """A metric's value in its natural unit (percent or count), optionally signed."""
    if is_share(metric):
        text = fmt_share(value, 1)
    else:
        text = fmt_number(value, 1 if abs(value) < 10 else 0)
    return ("+" + text) if signed and value >= 0 else text


def fmt_metric(value: float, kind: str) -> str:
    if kind == "share":
        return fmt_share(value)
    if kind == "decimal":
        return fmt_number(value, 2)
    return fmt_number(value)


def big_numbers(result: SimulationResult, compare: SimulationResult | None = None) -> None:
    """The four numbers that matter first, each with its P10-P90 range."""
    summary = result.summary()
    other = compare.summary() if compare is not None else None
    for column, (name, kind) in zip(st.columns(4), BIG_FOUR, strict=True):
        s = summary[name]
        delta = None
        if other is not None:
            change = s["mean"] - other[name]["mean"]
            delta = fmt_metric(change, kind) if kind != "share" else fmt_share(change, 1)
            delta = ("+" if change >= 0 and not delta.startswith("-") else "") + delta
        with column:
            st.metric(
                t(f"metric.{name}.title"),
                fmt_metric(s["mean"], kind),
                delta=delta,
                delta_color="inverse"
                if name in ("sensitive_leaks_per_year", "always_on_share")
                else "normal",
                help=t(f"metric.{name}.help"),
                border=True,
            )
            st.caption(
                t("ui.range", low=fmt_metric(s["p10"], kind), high=fmt_metric(s["p90"], kind))
            )


def chart(fig: go.Figure, data: pd.DataFrame, name: str) -> None:
    """A Plotly chart with its data downloadable as CSV underneath."""
    st.plotly_chart(fig, width="stretch", key=f"chart.{name}", config={"displaylogo": False})
    _csv_download(data, name)


def chart_table(data: pd.DataFrame, name: str) -> None:
    """A table with the app's own safe CSV download (the built-in export is switched off)."""
    st.dataframe(data, hide_index=True, width="stretch")
    _csv_download(data, name)


def _csv_download(data: pd.DataFrame, name: str) -> None:
    """The app's own CSV download: formula-like cells neutralised."""
    st.download_button(
        t("ui.download_csv"),
        safe_csv(data),
        file_name=f"serre_{name}.csv",
        mime="text/csv",
        key=f"csv.{name}",
        icon=":material/download:",
    )


def lever_input(
    lever: str, values: tuple[Any, ...], key: str, target: str = "mix", label: str | None = None
) -> None:
    """One policy lever as a toggle or a select, writing through to ``target``.

    ``label=""`` hides the label (the lever is named beside it).
    """
    from ui import state

    hidden = label == ""
    callback: dict[str, Any] = {"on_change": state.update_lever, "args": (lever, key, target)}
    callback["label_visibility"] = "collapsed" if hidden else "visible"
    shown = t(f"lever.{lever}") if label is None or hidden else label
    if values == (False, True):
        st.toggle(shown, key=key, help=t(f"lever.{lever}.help"), **callback)
    else:
        callback.pop("on_change")
        callback.pop("args")
        session_choice(
            "selectbox",
            shown,
            list(values),
            key,
            st.session_state.get(key, values[0]),
            format_func=lambda v: t(f"value.{lever}.{str(v).lower()}"),
            on_change=lambda: state.update_lever(lever, key, target),
            help=t(f"lever.{lever}.help"),
            **callback,
        )


def session_choice(
    kind: str,
    label: str,
    options: list[Any],
    name: str,
    default: Any = None,
    format_func: Callable[[Any], str] = str,
    on_change: Callable[[], None] | None = None,
    **kwargs: Any,
) -> Any:
    """A selectbox, radio or multiselect whose value lives in ``st.session_state[name]``.

    Options are shown translated, and Streamlit keeps a keyed widget's
    identity across reruns while its frontend still holds the old labels, so
    the widget is keyed per language (``name@en``, ``name@nl``) and only
    mirrors the stored value: switching language, or page, keeps the choice.
    """
    ss = st.session_state
    value = ss.get(name, default)
    if kind == "multiselect":
        value = [v for v in (value or []) if v in options]
    elif value not in options:
        value = default if default in options else None
    ss[name] = value
    key = f"{name}@{lang()}"
    ss[key] = value

    def _copy() -> None:
        ss[name] = ss[key]
        if on_change is not None:
            on_change()

    labels = {repr(o): format_func(o) for o in options}  # formatted now, in this language

    def _shown(option: Any) -> str:
        return labels.get(repr(option), str(option))

    widget = getattr(st, kind)
    widget(label, options, key=key, format_func=_shown, on_change=_copy, **kwargs)
    return ss[name]


def session_toggle(label: str, name: str, default: bool, help_text: str) -> None:
    """A toggle for a session setting that must survive page switches.

    Streamlit forgets widget state when a page does not render the widget, so
    the setting lives under ``name`` and the toggle only mirrors it.
    """
    ss = st.session_state
    key = f"{name}_toggle"
    ss[key] = ss.get(name, default)

    def _copy() -> None:
        ss[name] = ss[key]

    st.toggle(label, key=key, on_change=_copy, help=help_text)


def show_errors() -> None:
    """Show (and clear) input problems queued by callbacks."""
    errors = st.session_state.get("errors", [])
    for message in errors:
        st.error(plain(message), icon=":material/error:")  # messages quote user input
    st.session_state.errors = []


def plausibility_notes(area: str, respondents: int | None = None) -> None:
    """Warnings for valid but unusual inputs made on this page (they never block)."""
    from core.plausibility import messages
    from ui import state

    notes = messages(state.base(), lang(), area=area, respondents=respondents)
    if notes:
        st.warning(
            f"**{t('ui.plausibility')}**  \n" + "  \n".join(plain(n) for n in notes),
            icon=":material/rule:",
        )
