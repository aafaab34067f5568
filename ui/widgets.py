"""Widgets the pages share: big numbers, charts with their data, messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from core.exports import safe_csv
from core.metrics import HEADLINE, headline_note, metric
from core.simulate import SimulationResult
from ui.i18n import lang, plain, t


def fmt_value(key: str, value: float, precise: bool = True) -> str:
    """A metric's value in its unit, from the one vocabulary (core.metrics)."""
    return metric(key).show(value, lang(), precise=precise)


def fmt_change(key: str, delta: float, base: float | None = None) -> str:
    """A metric's change: '+3.2 points' for shares, '+35%' for counts."""
    return metric(key).change(delta, lang(), base)


def big_numbers(result: SimulationResult, compare: SimulationResult | None = None) -> None:
    """The four numbers that matter first, each with its denominator and P10-P90 range.

    A change that rounds to nothing is drawn without an arrow (grey, no direction).
    """
    summary = result.summary()
    other = compare.summary() if compare is not None else None
    for column, name in zip(st.columns(len(HEADLINE)), HEADLINE, strict=True):
        m, s = metric(name), summary[name]
        delta: str | None = None
        colour: Literal["normal", "inverse", "off"] = "off"
        arrow: Literal["auto", "off"] = "off"
        if other is not None:
            change, base = s["mean"] - other[name]["mean"], other[name]["mean"]
            delta = m.change(change, lang(), base)
            colour = m.colour(change, base)
            arrow = "off" if m.is_unchanged(change, base) else "auto"
        with column:
            st.metric(
                m.title(lang()),
                m.show(s["mean"], lang()),
                delta=delta,
                delta_color=colour,
                delta_arrow=arrow,
                help=m.help(lang()) + "\n\n" + t("fmt.p10_p90.help"),
                border=True,
            )
            st.caption(
                headline_note(name, summary, lang()) + "  \n" + m.band(s["p10"], s["p90"], lang())
            )


def chart(fig: go.Figure, data: pd.DataFrame, name: str) -> None:
    """A Plotly chart (core.charts draws it in the user's digits) with its data as CSV below."""
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
        safe_csv(data, lang()),
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
