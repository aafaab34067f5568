"""Where workspaces live: a SQLite file under a data folder, or any SQLAlchemy URL.

``SERRE_DATABASE_URL`` (for example ``postgresql+psycopg://serre@db/serre`` for
several replicas) wins; otherwise the file ``serre.db`` in ``SERRE_DATA_DIR``,
by default ``$XDG_DATA_HOME/serre`` or ``~/.local/share/serre`` (outside the
project, so it is never committed).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

DB_FILE = "serre.db"
POOL_SIZE = 5  # per process: a few concurrent reruns, bounded
MAX_OVERFLOW = 5
CONNECT_TIMEOUT_S = 5


def default_data_dir() -> Path:
    """``SERRE_DATA_DIR``, else the user's data folder (XDG)."""
    chosen = os.environ.get("SERRE_DATA_DIR")
    if chosen:
        return Path(chosen).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else Path.home() / ".local" / "share") / "serre"


def database_url() -> str:
    """``SERRE_DATABASE_URL`` or the SQLite file in the data folder."""
    url = os.environ.get("SERRE_DATABASE_URL", "").strip()
    if url:
        return url
    return f"sqlite:///{default_data_dir() / DB_FILE}"


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not wait for a writer
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine with a small bounded pool; SQLite gets its folder, WAL and foreign keys."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        engine = create_engine(
            parsed,
            pool_size=POOL_SIZE,
            max_overflow=MAX_OVERFLOW,
            connect_args={"timeout": CONNECT_TIMEOUT_S, "check_same_thread": False},
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
    return create_engine(
        parsed,
        pool_size=POOL_SIZE,
        max_overflow=MAX_OVERFLOW,
        pool_pre_ping=True,  # a restarted database server is reconnected, not an error
        pool_recycle=1800,
        connect_args=connect_args,
    )


def open_store(url: str | None = None) -> Any:
    """A ready :class:`~core.workspace.store.WorkspaceStore` (tables created when missing).

    Raises :class:`~core.workspace.store.WorkspaceError` when the database cannot be used.
    """
    from core.workspace.store import WorkspaceStore

    return WorkspaceStore.connect(url or database_url())
