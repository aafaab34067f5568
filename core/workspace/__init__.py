"""Workspaces: what a user chose to keep (organisation, mix, saved scenarios, settings).

Pure library (no Streamlit): :mod:`~core.workspace.config` says where the
database lives, :mod:`~core.workspace.models` holds the tables and the value
types, :mod:`~core.workspace.store` reads and writes them with optimistic
versions. Uploaded survey responses are never stored here.
"""

from core.workspace.config import database_url, default_data_dir, open_store
from core.workspace.models import SavedScenario, Settings, WorkspaceState
from core.workspace.store import (
    WorkspaceConflict,
    WorkspaceCorrupt,
    WorkspaceError,
    WorkspaceStore,
    new_token,
    valid_token,
)

__all__ = [
    "SavedScenario",
    "Settings",
    "WorkspaceConflict",
    "WorkspaceCorrupt",
    "WorkspaceError",
    "WorkspaceState",
    "WorkspaceStore",
    "database_url",
    "default_data_dir",
    "new_token",
    "open_store",
    "valid_token",
]
