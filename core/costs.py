"""What a policy mix costs: money and staff time per lever, from a data file.

Defaults live in ``core/data/lever_costs.yaml`` with a note per figure (they
are stated assumptions); the user can change the hourly staff cost and scale
every lever cost on the Policy page. Costs that depend on how many people
take part (trainees, sharers) use the simulated shares of the same run.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from core.levers import LEVER
from core.yaml_files import load_yaml

COSTS_FILE = Path(__file__).parent / "data" / "lever_costs.yaml"
Participants = Literal["trained_share", "sharers_share", "vacancy_sharers_share"]


class _Text(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    en: str
    nl: str


class LeverCost(BaseModel):
    """The cost of one lever value (EUR and staff hours)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    setup: float = Field(default=0.0, ge=0)
    setup_per_employee: float = Field(default=0.0, ge=0)
    yearly: float = Field(default=0.0, ge=0)
    yearly_per_employee: float = Field(default=0.0, ge=0)
    per_participant: float = Field(default=0.0, ge=0)
    hours_per_employee: float = Field(default=0.0, ge=0)
    hours_per_participant: float = Field(default=0.0, ge=0)
    participants: Participants | None = None
    note: _Text


class _HourlyCost(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    source: _Text
    default: float = Field(gt=0)
    sectors: dict[str, float]


class CostBook(BaseModel):
    """Every lever's cost, the sector's hourly staff cost and the amortisation period."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    amortisation_years: float = Field(gt=0)
    hourly_cost: _HourlyCost
    levers: dict[str, dict[Any, LeverCost]]

    def for_value(self, lever: str, value: Any) -> LeverCost | None:
        return self.levers.get(lever, {}).get(value)

    def hourly(self, sector: str) -> float:
        return self.hourly_cost.sectors.get(sector, self.hourly_cost.default)


class CostSettings(BaseModel):
    """The user's adjustments: their own hourly staff cost and a scale on lever costs."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    hourly_cost: float | None = Field(default=None, gt=0, le=1000)
    scale: float = Field(default=1.0, ge=0, le=20)


@cache
def cost_book() -> CostBook:
    """The shipped cost defaults, validated once per process."""
    with COSTS_FILE.open(encoding="utf-8") as handle:
        book = CostBook.model_validate(load_yaml(handle))
    unknown = set(book.levers) - set(LEVER)
    if unknown:
        raise ValueError(f"costs for unknown levers: {sorted(unknown)}")
    return book


def lever_cost(
    lever: str,
    value: Any,
    headcount: int,
    sector: str,
    shares: Mapping[str, np.ndarray | float],
    settings: CostSettings | None = None,
    first_year: bool = False,
) -> np.ndarray | float:
    """Yearly cost of one lever value in EUR (setup amortised, or in full for the first year)."""
    settings = settings or CostSettings()
    book = cost_book()
    item = book.for_value(lever, value)
    if item is None:
        return 0.0
    hourly = settings.hourly_cost or book.hourly(sector)
    participants = shares[item.participants] * headcount if item.participants else 0.0
    setup = item.setup + item.setup_per_employee * headcount
    setup = setup if first_year else setup / book.amortisation_years
    money = (
        setup
        + item.yearly
        + item.yearly_per_employee * headcount
        + item.per_participant * participants
    )
    hours = item.hours_per_employee * headcount + item.hours_per_participant * participants
    return (money + hours * hourly) * settings.scale


def policy_cost(
    policy: Any,
    headcount: int,
    sector: str,
    shares: Mapping[str, np.ndarray | float],
    settings: CostSettings | None = None,
) -> np.ndarray | float:
    """Yearly cost of every lever in ``policy`` (EUR, setup amortised)."""
    total: np.ndarray | float = 0.0
    for lever in LEVER:
        total = total + lever_cost(
            lever, getattr(policy, lever), headcount, sector, shares, settings
        )
    return total
