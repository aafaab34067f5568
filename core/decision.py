"""The recommendation's yardstick: net value in EUR a year, per simulated run.

Earned media value of reach (CPM per platform), the value of recruitment
clicks (weighted by how hard the organisation recruits), minus the expected
cost of leaks, negative posts, public chat incidents and exhausted staff,
minus what the levers cost (money and staff time, setup amortised). Every
unit price is the user's (:class:`core.valuation.Valuation`,
:class:`core.costs.CostSettings`); the defaults are stated assumptions.
Per-run values under common random numbers let two mixes be compared run by
run: the difference, its uncertainty and the chance one beats the other.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.costs import CostSettings, policy_cost
from core.scenario import PLATFORMS, Scenario
from core.simulate import SimulationResult
from core.valuation import MONTHS, Valuation

# A difference counts when it exceeds three standard errors: about 15 levers are
# compared at once, so two would call a tie "material" too often (Bonferroni, 5%).
Z_MATERIAL = 3.0

COMPONENTS = (
    "reach",
    "recruitment",
    "leaks",
    "negative_posts",
    "chat_incidents",
    "restriction_public",
    "always_on",
)


@dataclass(frozen=True)
class Value:
    """Per-run EUR a year: each component (costs negative) and the levers' cost."""

    components: dict[str, np.ndarray]
    lever_cost: np.ndarray

    @property
    def net(self) -> np.ndarray:
        return sum(self.components.values()) - self.lever_cost

    @property
    def gross(self) -> np.ndarray:
        """Benefits only (reach and recruitment), for scaling tie thresholds."""
        return self.components["reach"] + self.components["recruitment"]


def yearly_value(
    result: SimulationResult, valuation: Valuation, costs: CostSettings | None = None
) -> Value:
    """The net yearly value of one simulated scenario, run by run."""
    scenario: Scenario = result.scenario
    org, m = scenario.organisation, result.metrics
    cpm = np.array([getattr(valuation.cpm, p) for p in PLATFORMS])
    reach = (result.platform_impressions * MONTHS / 1000.0 * cpm).sum(axis=1)
    pressure = 2.0 * org.recruitment_pressure
    recruitment = (
        m["monthly_recruitment_clicks_index"]
        * valuation.company_click_rate
        * MONTHS
        * valuation.value_recruitment_click
        * pressure
    )
    expected_leaks = -np.log1p(-np.minimum(m["p_sensitive_leak_year"], 1 - 1e-12))
    components = {
        "reach": reach,
        "recruitment": recruitment,
        "leaks": -expected_leaks * valuation.cost_sensitive_leak,
        "negative_posts": -m["expected_negative_posts"] * valuation.cost_negative_post,
        "chat_incidents": -m["expected_chat_incidents"] * valuation.cost_chat_incident,
        # A gag or ban made public is a public incident, priced like one (not a data leak).
        "restriction_public": -m["expected_restriction_public"] * valuation.cost_chat_incident,
        "always_on": -m["always_on_share"] * org.employees * valuation.cost_always_on,
    }
    shares = {k: m[k] for k in ("trained_share", "sharers_share", "vacancy_sharers_share")}
    cost = policy_cost(scenario.policy, org.employees, org.sector, shares, costs)
    return Value(components, np.broadcast_to(np.asarray(cost, dtype=float), reach.shape))


@dataclass(frozen=True)
class Comparison:
    """Mix b against mix a, run by run (common random numbers)."""

    mean: float  # EUR a year, b minus a
    standard_error: float
    p10: float
    p90: float
    p_better: float  # share of runs in which b beats a

    def material(self, threshold: float, z: float = Z_MATERIAL) -> bool:
        """b is clearly better: above the threshold and beyond noise."""
        return self.mean > max(threshold, z * self.standard_error)

    def tie(self, threshold: float, z: float = Z_MATERIAL) -> bool:
        """Neither is clearly better."""
        return abs(self.mean) <= max(threshold, z * self.standard_error)


def compare(a: np.ndarray, b: np.ndarray) -> Comparison:
    d = np.asarray(b, dtype=float) - np.asarray(a, dtype=float)
    se = float(d.std(ddof=1) / np.sqrt(len(d))) if len(d) > 1 else 0.0
    p10, p90 = np.percentile(d, [10, 90])
    return Comparison(float(d.mean()), se, float(p10), float(p90), float((d > 0).mean()))


def expected_regret(values: dict[str, np.ndarray]) -> dict[str, float]:
    """E[best value in the run - this alternative's value]: the cost of choosing it."""
    names = list(values)
    stacked = np.vstack([values[n] for n in names])
    best = stacked.max(axis=0)
    return {n: float((best - stacked[i]).mean()) for i, n in enumerate(names)}
