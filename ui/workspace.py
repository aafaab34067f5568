"""This session's workspace: restored from ``?ws=``, saved when the state changed.

The database engine is shared by the server (``st.cache_resource``: it holds a
bounded connection pool and no user's data); which workspace a session uses,
its version and the JSON last written live in ``st.session_state``. A write
based on a stale version is refused by the store; the page then offers to
load the other session's version, keep this one as a new workspace, or
overwrite on purpose. Without a database Serre works in memory and says so once.
"""

from __future__ import annotations

import dataclasses
import json
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

from core.boundary import log_unexpected
from core.scenario import Policy, Scenario
from core.workspace import (
    SavedScenario,
    Settings,
    WorkspaceConflict,
    WorkspaceError,
    WorkspaceStore,
    new_token,
    open_store,
    valid_token,
)
from core.workspace.models import Unreadable
from core.workspace.store import clean_name, unique_name
from ui import state
from ui.i18n import LANG_KEY, lang, t

WS_PARAM = "ws"
RETRY_S = 60.0  # a database that failed to open is tried again at most once a minute


@dataclass
class Link:
    """Which workspace this session writes to, and what it last wrote."""

    token: str
    version: int | None = None  # None: nothing stored under the token yet
    snapshot: str | None = None  # the JSON last read or written; None: not recorded yet
    offline: bool = False
    conflict: bool = False
    saved_at: datetime | None = None


class _Holder:
    """One per server process: opens the store on first use, retries a failure sparingly."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._store: WorkspaceStore | None = None
        self._failed_at = -RETRY_S

    def get(self) -> WorkspaceStore | None:
        with self._lock:
            if self._store is None and time.monotonic() - self._failed_at >= RETRY_S:
                try:
                    self._store = open_store()
                except WorkspaceError as exc:
                    self._failed_at = time.monotonic()
                    log_unexpected(exc.__cause__ or exc, "workspace database")
            return self._store


@st.cache_resource(show_spinner=False)
def _holder() -> _Holder:
    return _Holder()


def link() -> Link:
    return st.session_state.workspace


def _store() -> WorkspaceStore | None:
    return None if link().offline else _holder().get()


def _offline(error: WorkspaceError | None = None) -> None:
    """Go on in memory; say so once."""
    current = link()
    if not current.offline:
        current.offline = True
        state.report((error or WorkspaceError("error.workspace_unavailable")).message(lang()))


def settings() -> Settings:
    ss = st.session_state
    return Settings(
        language=ss.get(LANG_KEY),
        runs=ss.get("runs"),
        threshold=ss.get("threshold"),
        valuation=ss.get("valuation"),
    )


def _apply_settings(chosen: Settings) -> None:
    ss = st.session_state
    if chosen.language:
        ss[LANG_KEY] = chosen.language
    if chosen.runs:
        ss.runs = chosen.runs
    if chosen.threshold:
        ss.threshold = chosen.threshold
    if chosen.valuation is not None:
        ss.valuation = chosen.valuation
        ss.objective = dataclasses.replace(ss.objective, valuation=chosen.valuation)


def snapshot() -> str:
    """What the workspace row holds, as text: compared before every write."""
    ss = st.session_state
    return json.dumps(
        [ss.scenario.model_dump_json(), ss.mix.model_dump_json(), settings().model_dump_json()]
    )


# -- restore, autosave, conflicts ----------------------------------------------------------


def restore() -> None:
    """Once per session: take the workspace named in the URL, or start a new one."""
    ss = st.session_state
    if "workspace" in ss:
        return
    asked = st.query_params.get(WS_PARAM)
    ss.workspace = Link(asked if asked is not None and valid_token(asked) else new_token())
    ss.saved_records, ss.saved_unreadable = {}, []
    if asked and not valid_token(asked):
        state.report(t("error.workspace_token") + " " + t("ws.started_new"))
    store = _store()
    if store is None:
        _offline()
        return
    try:
        loaded = store.load(link().token)
    except WorkspaceError as exc:
        _offline(exc)
        return
    if loaded is None:
        if asked and valid_token(asked):
            ss.flash_workspace = t("ws.nothing_stored")
        return
    if loaded.scenario is not None and loaded.mix is not None:
        state.set_scenario(loaded.scenario, loaded.mix, source="workspace")
    _apply_settings(loaded.settings)
    for problem in loaded.problems:
        state.report(problem.message(lang()))
    link().version = loaded.version
    link().saved_at = loaded.updated_at
    refresh_saved()


def mark_changed() -> None:
    """The state came from outside (a share link): write it at the next autosave."""
    link().snapshot = ""


def autosave() -> None:
    """Write the workspace row when the organisation, mix or settings changed since last time."""
    current = st.session_state.get("workspace")
    if current is None or current.offline or current.conflict:
        return
    now = snapshot()
    if current.snapshot is None:  # first run: what the session starts from is not a change
        current.snapshot = now
        return
    if now == current.snapshot:
        return
    _write(now, current.version)


def _write(now: str, version: int | None) -> None:
    ss = st.session_state
    store = _store()
    if store is None:
        _offline()
        return
    current = link()
    try:
        current.version = store.save_state(current.token, ss.scenario, ss.mix, settings(), version)
    except WorkspaceConflict:
        current.conflict = True
        return
    except WorkspaceError as exc:
        _offline(exc)
        return
    current.snapshot = now
    current.saved_at = datetime.now(UTC)
    keep_in_url()


def ensure_stored() -> bool:
    """Before saving a scenario: the workspace row must exist. False when working in memory."""
    current = link()
    if current.offline:
        return False
    if current.version is None:
        _write(snapshot(), None)
    return not current.offline and current.version is not None


def keep_in_url() -> None:
    """The workspace link in the address bar (page links drop query parameters)."""
    current = st.session_state.get("workspace")
    if current is None or current.version is None or current.offline:
        return
    if st.query_params.get(WS_PARAM) != current.token:
        st.query_params[WS_PARAM] = current.token


def reload_latest() -> None:
    """Conflict resolved by taking the other session's version (this session's edits go)."""
    current = link()
    store = _store()
    loaded = store.load(current.token) if store is not None else None
    current.conflict = False
    if loaded is None:
        current.version, current.snapshot = None, ""
        return
    if loaded.scenario is not None and loaded.mix is not None:
        state.set_scenario(loaded.scenario, loaded.mix, source="workspace")
    _apply_settings(loaded.settings)
    current.version, current.snapshot = loaded.version, None
    current.saved_at = loaded.updated_at
    refresh_saved()


def keep_as_copy() -> None:
    """Conflict resolved by moving this session's state to a new workspace (nothing lost)."""
    ss = st.session_state
    old = link()
    store = _store()
    if store is None:
        _offline()
        return
    fresh = Link(new_token())
    fresh.version = store.copy_workspace(old.token, fresh.token, ss.scenario, ss.mix, settings())
    fresh.snapshot, fresh.saved_at = snapshot(), datetime.now(UTC)
    ss.workspace = fresh
    keep_in_url()
    refresh_saved()


def overwrite() -> None:
    """Conflict resolved by writing this session's state over the other one, on purpose."""
    current = link()
    store = _store()
    version = store.version(current.token) if store is not None else None
    current.conflict = False
    _write(snapshot(), version)


# -- saved scenarios -----------------------------------------------------------------------


def refresh_saved() -> None:
    """Read the saved scenarios again (another session may have added or changed some)."""
    ss = st.session_state
    store = _store()
    if store is None or link().version is None:
        ss.saved = {name: rec.as_mix() for name, rec in ss.saved_records.items()}
        return
    try:
        good, bad = store.saved(link().token)
    except WorkspaceError as exc:
        _offline(exc)
        return
    ss.saved_records = {rec.name: rec for rec in good}
    ss.saved_unreadable = bad
    ss.saved = {rec.name: rec.as_mix() for rec in good}


def records() -> list[SavedScenario]:
    return list(st.session_state.saved_records.values())


def unreadable() -> list[Unreadable]:
    return list(st.session_state.get("saved_unreadable", []))


def _memory_record(
    name: str, scenario: Scenario, mix: Policy, old: SavedScenario | None
) -> SavedScenario:
    now = datetime.now(UTC)
    from core.scenario import with_overrides

    ids = [r.id for r in records()]
    return SavedScenario(
        id=old.id if old else max(ids, default=0) + 1,
        name=name,
        version=(old.version + 1) if old else 1,
        scenario=with_overrides(scenario, {"name": name}),
        mix=mix,
        created_at=old.created_at if old else now,
        updated_at=now,
    )


def save(name: str, scenario: Scenario, mix: Policy, replace: bool = True) -> SavedScenario:
    """Save under ``name``: overwrites that name's scenario (if ``replace``), else a new name."""
    ss = st.session_state
    name = " ".join(name.split())
    old = ss.saved_records.get(name)
    if old is not None and not replace:
        name, old = unique_name(name, set(ss.saved_records)), None
    if ensure_stored():
        store = _store()
        assert store is not None
        try:
            if old is None:
                record = store.save_scenario(link().token, name, scenario, mix)
            else:
                record = store.save_scenario(
                    link().token, name, scenario, mix, old.version, saved_id=old.id
                )
        finally:
            refresh_saved()
        return record
    record = _memory_record(clean_name(name), scenario, mix, old)
    ss.saved_records[record.name] = record
    refresh_saved()
    return record


def rename(record: SavedScenario, name: str) -> None:
    ss = st.session_state
    if ensure_stored():
        try:
            _store().rename(link().token, record.id, name, record.version)  # type: ignore[union-attr]
        finally:
            refresh_saved()
        return
    name = clean_name(name)
    if name in ss.saved_records and name != record.name:
        raise WorkspaceError("error.workspace_name_taken", name=name)
    ss.saved_records.pop(record.name, None)
    ss.saved_records[name] = _memory_record(name, record.scenario, record.mix, record)
    refresh_saved()


def duplicate(record: SavedScenario, name: str) -> SavedScenario:
    if ensure_stored():
        try:
            return _store().duplicate(link().token, record.id, name)  # type: ignore[union-attr]
        finally:
            refresh_saved()
    return save(name, record.scenario, record.mix, replace=False)


def delete(record: SavedScenario | Unreadable) -> None:
    ss = st.session_state
    if ensure_stored():
        try:
            _store().delete(link().token, record.id, record.version)  # type: ignore[union-attr]
        finally:
            refresh_saved()
        return
    ss.saved_records.pop(record.name, None)
    refresh_saved()


# -- what the user reads -------------------------------------------------------------------


def when(moment: datetime) -> str:
    """A stored time in the browser's time zone: 12-05-2026 14:03 or 12 May 2026, 14:03."""
    try:
        zone = ZoneInfo(st.context.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local = moment.astimezone(zone)
    if lang() == "nl":
        return local.strftime("%d-%m-%Y %H:%M")
    return local.strftime("%d %b %Y, %H:%M")


def banner() -> None:
    """At the top of every page: a conflict to resolve, or a note about the link."""
    from ui.boundary import guarded

    ss = st.session_state
    note = ss.pop("flash_workspace", None)
    if note:
        st.info(note, icon=":material/info:")
    current = ss.get("workspace")
    if current is None or not current.conflict:
        return
    with st.container(border=True):
        st.warning(t("ws.conflict"), icon=":material/sync_problem:")
        first, second, third = st.columns(3)
        first.button(t("ws.reload"), key="ws_reload", on_click=guarded(reload_latest))
        second.button(t("ws.copy"), key="ws_copy", on_click=guarded(keep_as_copy))
        third.button(t("ws.overwrite"), key="ws_overwrite", on_click=guarded(overwrite))
