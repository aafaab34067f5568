"""Read and write workspaces with optimistic versions: a stale write is refused, never lost.

Every row carries a version. A write names the version it was based on and
succeeds only while the row still has it; otherwise :class:`WorkspaceConflict`
says another session changed it, and the caller lets the user reload or keep
a copy. Everything read back goes through the scenario parser; a row that no
longer validates is reported by name with the reason.
"""

from __future__ import annotations

import functools
import json
import re
import secrets
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import ValidationError
from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, SQLAlchemyError

from core.errors import ScenarioError, SerreError
from core.scenario import Policy, Scenario, parse_scenario, validate_scenario, with_policy
from core.workspace.config import make_engine
from core.workspace.models import (
    NAME_LENGTH,
    Base,
    SavedRow,
    SavedScenario,
    Settings,
    Unreadable,
    WorkspaceRow,
    WorkspaceState,
    as_utc,
    utc_now,
)

TOKEN = re.compile(r"^[A-Za-z0-9_-]{22,64}$")
MAX_SAVED = (
    200  # per workspace: a workshop needs a handful; a bound keeps one link from filling a disk
)

F = TypeVar("F", bound=Callable[..., Any])


class WorkspaceError(SerreError):
    """The workspace cannot be read or written (database down, name taken, full)."""


class WorkspaceConflict(WorkspaceError):
    """Another session wrote first: the write was refused, nothing was overwritten."""


class WorkspaceCorrupt(WorkspaceError):
    """A stored row no longer validates: says which part, then the parser's reason."""

    def __init__(self, key: str, detail: SerreError) -> None:
        self.detail = detail
        super().__init__(key)

    def message(self, lang: str = "en") -> str:
        return super().message(lang) + " " + self.detail.message(lang)


def new_token() -> str:
    """An unguessable workspace id (192 bits), safe in a URL."""
    return secrets.token_urlsafe(24)


def valid_token(token: str | None) -> bool:
    return bool(token) and TOKEN.fullmatch(token or "") is not None


def _database(method: F) -> F:
    """Database failures become one translated error; our own errors pass through."""

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except SerreError:
            raise
        except (SQLAlchemyError, OSError) as exc:
            raise WorkspaceError("error.workspace_unavailable") from exc

    return wrapper  # type: ignore[return-value]


def _policy_json(policy: Policy) -> str:
    return policy.model_dump_json()


def _read_mix(scenario: Scenario, text: str) -> Policy:
    """A stored mix, validated against the scenario like any edit."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        raise ScenarioError("error.workspace_mix") from exc
    if not isinstance(data, dict):
        raise ScenarioError("error.workspace_mix")
    return with_policy(scenario, data).policy


def clean_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned or len(cleaned) > NAME_LENGTH:
        raise WorkspaceError("error.workspace_name", max=NAME_LENGTH)
    return cleaned


class WorkspaceStore:
    """One database of workspaces. Holds an engine (a bounded pool), never a user's data."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def connect(cls, url: str) -> WorkspaceStore:
        """Open the database and create the tables when missing; failures are WorkspaceError."""
        try:
            engine = make_engine(url)
        except (ArgumentError, NoSuchModuleError, ImportError, ValueError, OSError) as exc:
            raise WorkspaceError("error.workspace_unavailable") from exc
        try:
            Base.metadata.create_all(engine)
        except (SQLAlchemyError, OSError) as exc:
            engine.dispose()
            raise WorkspaceError("error.workspace_unavailable") from exc
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- the workspace row: today's scenario, the mix, settings ----------------------------

    @_database
    def load(self, token: str) -> WorkspaceState | None:
        """The workspace, or None when nothing was stored under this token yet."""
        with self.engine.connect() as conn:
            row = conn.execute(select(WorkspaceRow).where(WorkspaceRow.token == token)).first()
        if row is None:
            return None
        problems: list[SerreError] = []
        scenario = mix = None
        try:
            scenario = parse_scenario(row.scenario_json)
            mix = _read_mix(scenario, row.mix_json)
        except ScenarioError as exc:
            scenario = mix = None
            problems.append(WorkspaceCorrupt("error.workspace_corrupt", exc))
        try:
            settings = Settings.model_validate_json(row.settings_json or "{}")
        except ValidationError:
            settings = Settings()
            problems.append(WorkspaceError("error.workspace_settings"))
        return WorkspaceState(
            token=row.token,
            version=row.version,
            scenario=scenario,
            mix=mix,
            settings=settings,
            updated_at=as_utc(row.updated_at),
            problems=problems,
        )

    @_database
    def save_state(
        self,
        token: str,
        scenario: Scenario,
        mix: Policy,
        settings: Settings,
        expected_version: int | None,
    ) -> int:
        """Write the workspace; returns the new version.

        ``expected_version`` None creates it (refused if it exists); otherwise the row must
        still be at that version. A refusal raises :class:`WorkspaceConflict`.
        """
        if not valid_token(token):
            raise WorkspaceError("error.workspace_token")
        now = utc_now()
        values = {
            "scenario_json": scenario.model_dump_json(),
            "mix_json": _policy_json(mix),
            "settings_json": settings.model_dump_json(exclude_none=True),
            "updated_at": now,
        }
        with self.engine.begin() as conn:
            if expected_version is None:
                try:
                    conn.execute(
                        insert(WorkspaceRow).values(
                            token=token, version=1, created_at=now, **values
                        )
                    )
                except IntegrityError as exc:
                    raise WorkspaceConflict("error.workspace_conflict") from exc
                return 1
            done = conn.execute(
                update(WorkspaceRow)
                .where(WorkspaceRow.token == token, WorkspaceRow.version == expected_version)
                .values(version=expected_version + 1, **values)
            )
            if done.rowcount != 1:
                raise WorkspaceConflict("error.workspace_conflict")
            return expected_version + 1

    @_database
    def version(self, token: str) -> int | None:
        with self.engine.connect() as conn:
            return conn.execute(
                select(WorkspaceRow.version).where(WorkspaceRow.token == token)
            ).scalar_one_or_none()

    # -- saved scenarios -------------------------------------------------------------------

    @_database
    def saved(self, token: str) -> tuple[list[SavedScenario], list[Unreadable]]:
        """Every saved scenario, most recently changed first, and those that no longer read."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(SavedRow)
                .where(SavedRow.workspace == token)
                .order_by(SavedRow.updated_at.desc(), SavedRow.id.desc())
            ).all()
        good: list[SavedScenario] = []
        bad: list[Unreadable] = []
        for row in rows:
            try:
                good.append(self._saved(row))
            except ScenarioError as exc:
                bad.append(Unreadable(row.id, row.name, row.version, exc))
        return good, bad

    @staticmethod
    def _saved(row: Any) -> SavedScenario:
        scenario = parse_scenario(row.scenario_json)
        return SavedScenario(
            id=row.id,
            name=row.name,
            version=row.version,
            scenario=scenario,
            mix=_read_mix(scenario, row.mix_json),
            created_at=as_utc(row.created_at),
            updated_at=as_utc(row.updated_at),
        )

    def _get(self, conn: Any, token: str, saved_id: int) -> Any:
        return conn.execute(
            select(SavedRow).where(SavedRow.workspace == token, SavedRow.id == saved_id)
        ).first()

    @_database
    def save_scenario(
        self,
        token: str,
        name: str,
        scenario: Scenario,
        mix: Policy,
        expected_version: int | None = None,
        saved_id: int | None = None,
    ) -> SavedScenario:
        """Save a new named scenario, or overwrite ``saved_id`` if still at ``expected_version``."""
        name = clean_name(name)
        scenario = validate_scenario({**scenario.model_dump(mode="json"), "name": name})
        now = utc_now()
        values = {
            "name": name,
            "scenario_json": scenario.model_dump_json(),
            "mix_json": _policy_json(mix),
            "updated_at": now,
        }
        with self.engine.begin() as conn:
            if saved_id is None:
                count = conn.execute(
                    select(func.count()).select_from(SavedRow).where(SavedRow.workspace == token)
                ).scalar_one()
                if count >= MAX_SAVED:
                    raise WorkspaceError("error.workspace_full", limit=MAX_SAVED)
                try:
                    key = conn.execute(
                        insert(SavedRow).values(
                            workspace=token, version=1, created_at=now, **values
                        )
                    ).inserted_primary_key
                    assert key is not None  # an insert always returns its key
                    new_id = key[0]
                except IntegrityError as exc:
                    raise self._integrity(conn, token, name) from exc
                return self._saved(self._get(conn, token, new_id))
            return self._update_saved(conn, token, saved_id, expected_version, name, values)

    def _update_saved(
        self,
        conn: Any,
        token: str,
        saved_id: int,
        expected_version: int | None,
        name: str,
        values: dict[str, Any],
    ) -> SavedScenario:
        """Overwrite a saved scenario only if nobody changed it since ``expected_version``."""
        try:
            done = conn.execute(
                update(SavedRow)
                .where(
                    SavedRow.workspace == token,
                    SavedRow.id == saved_id,
                    SavedRow.version == expected_version,
                )
                .values(version=SavedRow.version + 1, **values)
            )
        except IntegrityError as exc:
            raise self._integrity(conn, token, name) from exc
        if done.rowcount != 1:
            raise WorkspaceConflict("error.workspace_saved_conflict", name=name)
        return self._saved(self._get(conn, token, saved_id))

    def _integrity(self, conn: Any, token: str, name: str) -> WorkspaceError:
        """A unique name taken, or a workspace row missing (saved before it was created)."""
        exists = conn.execute(select(WorkspaceRow.token).where(WorkspaceRow.token == token)).first()
        if exists is None:
            return WorkspaceError("error.workspace_missing")
        return WorkspaceError("error.workspace_name_taken", name=name)

    @_database
    def rename(self, token: str, saved_id: int, name: str, expected_version: int) -> SavedScenario:
        name = clean_name(name)
        values = {"name": name, "updated_at": utc_now()}
        with self.engine.begin() as conn:
            return self._update_saved(conn, token, saved_id, expected_version, name, values)

    @_database
    def duplicate(self, token: str, saved_id: int, name: str) -> SavedScenario:
        """A copy under ``name`` (made unique with a number when taken)."""
        with self.engine.connect() as conn:
            row = self._get(conn, token, saved_id)
            names = set(
                conn.execute(select(SavedRow.name).where(SavedRow.workspace == token)).scalars()
            )
        if row is None:
            raise WorkspaceConflict("error.workspace_saved_gone")
        original = self._saved(row)
        return self.save_scenario(
            token, unique_name(clean_name(name), names), original.scenario, original.mix
        )

    @_database
    def delete(self, token: str, saved_id: int, expected_version: int) -> None:
        """Delete a saved scenario unless another session changed it meanwhile."""
        with self.engine.begin() as conn:
            done = conn.execute(
                delete(SavedRow).where(
                    SavedRow.workspace == token,
                    SavedRow.id == saved_id,
                    SavedRow.version == expected_version,
                )
            )
            if done.rowcount != 1 and self._get(conn, token, saved_id) is not None:
                raise WorkspaceConflict("error.workspace_saved_changed")

    @_database
    def copy_workspace(
        self, source: str, target: str, scenario: Scenario, mix: Policy, settings: Settings
    ) -> int:
        """A new workspace ``target`` with this state and copies of the saved rows of ``source``."""
        version = self.save_state(target, scenario, mix, settings, None)
        with self.engine.begin() as conn:
            rows = conn.execute(select(SavedRow).where(SavedRow.workspace == source)).all()
            for row in rows:
                conn.execute(
                    insert(SavedRow).values(
                        workspace=target,
                        name=row.name,
                        version=1,
                        scenario_json=row.scenario_json,
                        mix_json=row.mix_json,
                        created_at=row.created_at,
                        updated_at=row.updated_at,
                    )
                )
        return version


def unique_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``... whichever is free, within the length limit."""
    if name not in taken:
        return name
    for number in range(2, MAX_SAVED + 2):
        suffix = f" ({number})"
        candidate = name[: NAME_LENGTH - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
    raise WorkspaceError("error.workspace_full", limit=MAX_SAVED)
