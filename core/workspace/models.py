"""The tables and the values read back from them.

Two tables: ``serre_workspace`` (one row per workspace link: today's scenario,
the mix, settings, a version) and ``serre_saved_scenario`` (named scenarios,
each with its own version). JSON is kept as text and validated by the
scenario parser on every read, so a hand-edited or corrupt row becomes a
message, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from core.errors import SerreError
from core.scenario import Policy, Scenario
from core.thresholds import MAX_THRESHOLD, MIN_THRESHOLD
from core.valuation import Valuation

NAME_LENGTH = 120  # as a scenario's name


def utc_now() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes: they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class WorkspaceRow(Base):
    __tablename__ = "serre_workspace"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    scenario_json: Mapped[str] = mapped_column(Text, nullable=False)
    mix_json: Mapped[str] = mapped_column(Text, nullable=False)
    settings_json: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class SavedRow(Base):
    __tablename__ = "serre_saved_scenario"
    __table_args__ = (UniqueConstraint("workspace", "name", name="uq_saved_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    workspace: Mapped[str] = mapped_column(
        String(64), ForeignKey("serre_workspace.token", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(NAME_LENGTH), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    scenario_json: Mapped[str] = mapped_column(Text, nullable=False)
    mix_json: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)


class Settings(BaseModel):
    """Choices worth restoring; unknown keys (from a newer Serre) are ignored."""

    model_config = ConfigDict(extra="ignore")
    language: Literal["en", "nl"] | None = None
    runs: int | None = Field(default=None, ge=50, le=20_000)
    threshold: int | None = Field(default=None, ge=MIN_THRESHOLD, le=MAX_THRESHOLD)
    valuation: Valuation | None = None


@dataclass(frozen=True)
class WorkspaceState:
    """One workspace as read back: what could be read, and why the rest could not."""

    token: str
    version: int
    scenario: Scenario | None
    mix: Policy | None
    settings: Settings
    updated_at: datetime
    problems: list[SerreError] = field(default_factory=list)


@dataclass(frozen=True)
class SavedScenario:
    """A named scenario: the organisation under today's policy, and its mix."""

    id: int
    name: str
    version: int
    scenario: Scenario
    mix: Policy
    created_at: datetime
    updated_at: datetime

    def as_mix(self) -> Scenario:
        """The scenario under its mix, named as saved (what the comparison shows)."""
        from core.scenario import with_overrides, with_policy

        return with_overrides(with_policy(self.scenario, self.mix), {"name": self.name})


@dataclass(frozen=True)
class Unreadable:
    """A saved row that failed validation: shown by name with the reason, deletable."""

    id: int
    name: str
    version: int
    problem: SerreError
