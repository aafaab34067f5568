"""Earned media value and expected incident cost in EUR, per simulated run.

There is no standard formula for earned media value, so the method is a
choice the user sees next to the number: CPM (impressions / 1000 x CPM per
platform), CPC (clicks x cost per click) or hybrid (CPM for reach, CPC for
recruitment clicks). All unit costs are the user's; defaults are
assumptions, not evidence.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from core.reach import click_parameter
from core.scenario import PLATFORMS
from core.simulate import SimulationResult, summarise

MONTHS = 12
Euro = float


class Platforms(BaseModel):
    model_config = ConfigDict(extra="forbid")
    linkedin: Euro = Field(default=25.0, ge=0, le=1000)
    facebook: Euro = Field(default=7.0, ge=0, le=1000)
    instagram: Euro = Field(default=7.0, ge=0, le=1000)
    tiktok: Euro = Field(default=5.0, ge=0, le=1000)
    x: Euro = Field(default=4.0, ge=0, le=1000)


class Valuation(BaseModel):
    """Unit costs in EUR and the earned media method, all user-set."""

    model_config = ConfigDict(extra="forbid")
    method: Literal["cpm", "cpc", "hybrid"] = "cpm"
    cpm: Platforms = Field(default_factory=Platforms)
    cpc: Euro = Field(default=1.5, ge=0, le=1000)
    company_click_rate: float = Field(default=0.005, ge=0, le=1)
    # Defaults are assumptions: a public complaint costs communication time and
    # reputation; a leak of internal information costs an investigation, notification
    # and trust (far below the average cost of a large data breach).
    cost_negative_post: Euro = Field(default=150.0, ge=0, le=1_000_000)
    cost_sensitive_leak: Euro = Field(default=100_000.0, ge=0, le=100_000_000)
    cost_chat_incident: Euro = Field(default=25_000.0, ge=0, le=100_000_000)
    # A click on a shared vacancy at average recruitment pressure: 5% apply, 8% of
    # applicants are hired, a hire through the network saves about EUR 4,000 (assumption).
    value_recruitment_click: Euro = Field(default=16.0, ge=0, le=10_000)
    # Yearly cost of an employee who feels always on (absence, turnover; assumption).
    cost_always_on: Euro = Field(default=300.0, ge=0, le=1_000_000)


def bounds(path: str) -> tuple[float, float]:
    """The allowed range of a unit cost or rate (``cpc``, ``cpm.linkedin``), for the inputs."""
    model: type[BaseModel] = Valuation
    *parents, leaf = path.split(".")
    for name in parents:
        model = model.model_fields[name].annotation  # type: ignore[assignment]
    low, high = 0.0, float("inf")
    for rule in model.model_fields[leaf].metadata:
        low = float(getattr(rule, "ge", low))
        high = float(getattr(rule, "le", high))
    return low, high


def yearly_clicks(result: SimulationResult, valuation: Valuation) -> np.ndarray:
    """Clicks on employee shares: company click rate x the employee advantage (1.8x-2.4x)."""
    name = click_parameter(result.scenario.organisation.employees)
    advantage = result.params[name].value
    impressions = result.metrics["monthly_impressions"] * MONTHS
    return impressions * valuation.company_click_rate * advantage


def earned_media_value(result: SimulationResult, valuation: Valuation) -> np.ndarray:
    """Yearly earned media value per run, by the chosen method."""
    cpm = np.array([getattr(valuation.cpm, p) for p in PLATFORMS])
    by_cpm = (result.platform_impressions * MONTHS / 1000.0 * cpm).sum(axis=1)
    by_cpc = yearly_clicks(result, valuation) * valuation.cpc
    if valuation.method == "cpm":
        return by_cpm
    if valuation.method == "cpc":
        return by_cpc
    recruitment = result.metrics["monthly_recruitment_clicks_index"] * MONTHS
    return by_cpm + recruitment * valuation.company_click_rate * valuation.cpc


def incident_cost(result: SimulationResult, valuation: Valuation) -> np.ndarray:
    """Expected yearly cost of negative posts, leaks and public chat incidents per run."""
    m = result.metrics
    return (
        m["negative_posts_per_year"] * valuation.cost_negative_post
        + m["sensitive_leaks_per_year"] * valuation.cost_sensitive_leak
        + m["chat_incidents_per_year"] * valuation.cost_chat_incident
    )


def _values(result: SimulationResult, valuation: Valuation) -> dict[str, np.ndarray]:
    value = earned_media_value(result, valuation)
    cost = incident_cost(result, valuation)
    return {"earned_media_value": value, "incident_cost": cost, "net_value": value - cost}


def value_summary(result: SimulationResult, valuation: Valuation) -> dict[str, dict[str, float]]:
    """Earned media value, incident cost and net value (EUR a year), with percentiles."""
    return {name: summarise(v) for name, v in _values(result, valuation).items()}


def value_change(
    result: SimulationResult, today: SimulationResult, valuation: Valuation
) -> dict[str, dict[str, float]]:
    """The same three figures as changes against today, run by run (common random numbers).

    A net value alone (often negative: incidents cost more than reach earns) says
    nothing about a policy; its change against today does.
    """
    if result.runs != today.runs or result.seed != today.seed:
        raise ValueError("compare results simulated with the same seed and runs")
    now, before = _values(result, valuation), _values(today, valuation)
    return {name: summarise(now[name] - before[name]) for name in now}
