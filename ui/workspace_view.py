"""The Scenarios page's workspace parts: saved scenarios with their actions, and the link.

Every action goes through :mod:`ui.workspace`, which writes to the database
(or to memory when there is none) with versions, so a scenario another
session changed meanwhile is never overwritten or deleted silently.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from core.errors import SerreError
from core.workspace import SavedScenario
from core.workspace.models import Unreadable
from ui import state, workspace
from ui.i18n import lang, plain, t, tx


def _act(action: Callable[..., object], *args: object) -> None:
    """Callback: run one action; a refusal is shown above the list (already re-read)."""
    try:
        action(*args)
    except SerreError as exc:
        st.session_state.workspace_error = exc.message(lang())


def _open(record: SavedScenario, today_key: str, current_key: str) -> None:
    state.set_scenario(record.scenario, record.mix, source="saved")
    st.session_state.compare_pick = [today_key, current_key]
    st.session_state.flash = tx("ws.opened", name=record.name)


def _rename(record: SavedScenario) -> None:
    workspace.rename(record, st.session_state[f"ws_name.{record.id}"])


def _duplicate(record: SavedScenario) -> None:
    workspace.duplicate(record, t("ws.copy_name", name=record.name))


def _row(record: SavedScenario, today_key: str, current_key: str) -> None:
    with st.container(border=True):
        st.markdown(f"**{plain(record.name)}**")
        st.caption(t("ws.updated_at", when=workspace.when(record.updated_at)))
        actions = st.container(horizontal=True)  # wraps on a phone, never truncates a label
        actions.button(
            t("ws.open"), key=f"ws_open.{record.id}", icon=":material/folder_open:",
            on_click=_act, args=(_open, record, today_key, current_key),
        )  # fmt: skip
        actions.button(
            t("ws.duplicate"), key=f"ws_dup.{record.id}", icon=":material/content_copy:",
            on_click=_act, args=(_duplicate, record),
        )  # fmt: skip
        with actions.popover(t("ws.rename"), icon=":material/edit:"):
            st.text_input(
                t("scen.name"), value=record.name, max_chars=120, key=f"ws_name.{record.id}"
            )
            st.button(
                t("ws.rename_confirm"), key=f"ws_rename.{record.id}",
                on_click=_act, args=(_rename, record),
            )  # fmt: skip
        with actions.popover(t("ws.delete"), icon=":material/delete:"):
            st.markdown(tx("ws.delete_confirm_text", name=record.name))
            st.button(
                t("ws.delete_confirm"), key=f"ws_delete.{record.id}", type="primary",
                on_click=_act, args=(workspace.delete, record),
            )  # fmt: skip


def _unreadable(row: Unreadable) -> None:
    with st.container(border=True):
        st.warning(
            tx("ws.unreadable", name=row.name) + " " + plain(row.problem.message(lang())),
            icon=":material/report:",
        )
        st.button(
            t("ws.delete"), key=f"ws_delete_bad.{row.id}", icon=":material/delete:",
            on_click=_act, args=(workspace.delete, row),
        )  # fmt: skip


def saved_list(today_key: str, current_key: str) -> None:
    """Saved scenarios, most recently changed first, each with open/duplicate/rename/delete."""
    st.subheader(t("ws.saved_title"))
    error = st.session_state.pop("workspace_error", None)
    if error:
        st.error(plain(error), icon=":material/error:")
    records = workspace.records()
    bad = workspace.unreadable()
    if not records and not bad:
        st.caption(t("ws.none_saved"))
    records.sort(key=lambda r: r.updated_at, reverse=True)
    for record in records:
        _row(record, today_key, current_key)
    for row in bad:
        _unreadable(row)


def workspace_box(base_url: str) -> None:
    """The workspace link to bookmark or copy, and what is stored on the server."""
    link = workspace.link()
    st.markdown(f"**{t('ws.title')}**")
    if link.offline:
        st.warning(t("ws.offline_note"), icon=":material/cloud_off:")
    elif link.version is None:
        st.caption(t("ws.not_yet"))
    else:
        st.code(f"{base_url}?{workspace.WS_PARAM}={link.token}", language=None, wrap_lines=True)
        st.caption(t("ws.link_help"))
        if link.saved_at is not None:
            st.caption(t("ws.saved_at", when=workspace.when(link.saved_at)))
    st.caption(t("ws.stored_what"))
