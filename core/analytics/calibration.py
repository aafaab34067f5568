"""Calibrate the behaviour model to the organisation's own observed behaviour.

The intercepts of the ambassador levels and of the negative track are set
so that today's policy, simulated on the respondents themselves, reproduces
the shares the survey observed (creators, engaged or more, followers or
more, critics) within their sampling error. Scenarios are then simulated as
changes from that calibrated baseline. Where the data cannot support it (no
behaviour items, too few answers) the priors stay, and the result says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator

from core.parameters import ParameterSet, default_parameters
from core.population import Population
from core.scenario import Scenario
from core.simulate import simulate

MIN_ANSWERS = 30
PROBABILITY_BOUNDS = (0.005, 0.97)
GAP = 0.01  # keep the level intercepts ordered: passive > engaged > creator

# target -> (parameter, simulated metrics summed, behaviour items OR-ed)
TARGETS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "creators": ("base_p_creator", ("ambassadors_creators",), ("posts_work",)),
    "engaged_or_more": (
        "base_p_engaged",
        ("ambassadors_engaged", "ambassadors_creators"),
        ("likes_shares", "posts_work"),
    ),
    "passive_or_more": (
        "base_p_passive",
        ("ambassadors_passive", "ambassadors_engaged", "ambassadors_creators"),
        ("follows", "likes_shares", "posts_work"),
    ),
    "critics": ("base_p_critic", ("critics_share",), ("posted_criticism",)),
}


def observed_shares(behaviour: pd.DataFrame) -> dict[str, tuple[float, int]]:
    """(share, respondents answering) per target, OR-ing the behaviour items."""
    out = {}
    for target, (_, _, items) in TARGETS.items():
        present = [c for c in items if c in behaviour and behaviour[c].notna().any()]
        if not present or items[0] not in present:
            continue
        frame = behaviour[present]
        answered = frame.notna().any(axis=1)
        yes = (frame.fillna(0) >= 1).any(axis=1)
        n = int(answered.sum())
        if n:
            out[target] = (float(yes[answered].mean()), n)
    return out


@dataclass(frozen=True)
class FitRow:
    target: str
    observed: float
    standard_error: float
    simulated_prior: float
    simulated: float
    calibrated: bool

    @property
    def within(self) -> bool:
        return abs(self.simulated - self.observed) <= 2 * self.standard_error + 0.01


LEVELS = ("base_p_creator", "base_p_engaged", "base_p_passive")
INTERCEPTS = (*LEVELS, "base_p_critic")


def ordered(values: dict[str, float]) -> dict[str, float]:
    """Raise the engaged and passive intercepts so passive > engaged > creator."""
    out = dict(values)
    out["base_p_engaged"] = min(
        PROBABILITY_BOUNDS[1], max(out["base_p_engaged"], out["base_p_creator"] + GAP)
    )
    out["base_p_passive"] = min(
        PROBABILITY_BOUNDS[1], max(out["base_p_passive"], out["base_p_engaged"] + GAP)
    )
    return out


class BehaviourCalibrator(BaseEstimator):
    """Fit level and critic intercepts to observed shares (bisection, common random numbers)."""

    def __init__(self, runs: int = 32, iterations: int = 14, random_state: int = 1):
        self.runs = runs
        self.iterations = iterations
        self.random_state = random_state

    def _share(
        self,
        scenario: Scenario,
        population: Population,
        params: ParameterSet,
        metrics: tuple[str, ...],
    ) -> float:
        result = simulate(
            scenario,
            runs=self.runs,
            seed=self.random_state,
            params=params.fixed(),
            population=population,
        )
        return float(sum(result.metrics[m].mean() for m in metrics))

    def fit(
        self,
        observed: dict[str, tuple[float, int]],
        scenario: Scenario,
        population: Population,
        params: ParameterSet | None = None,
    ) -> BehaviourCalibrator:
        """``observed``: target -> (share, respondents); ``scenario`` carries today's policy."""
        prior = params or default_parameters()
        values = {name: prior[name].value for name in INTERCEPTS}
        self.skipped_ = [t for t in TARGETS if t not in observed or observed[t][1] < MIN_ANSWERS]
        rows: list[FitRow] = []
        for target, (name, metrics, _) in TARGETS.items():
            if target in self.skipped_:
                continue
            share, n = observed[target]
            before = self._share(scenario, population, prior, metrics)
            low, high = PROBABILITY_BOUNDS
            if name == "base_p_engaged":
                low = values["base_p_creator"] + GAP
            if name == "base_p_passive":
                low = values["base_p_engaged"] + GAP
            for _ in range(self.iterations):
                mid = (low + high) / 2
                trial = prior.with_values(ordered({**values, name: mid}))
                got = self._share(scenario, population, trial, metrics)
                low, high = (mid, high) if got < share else (low, mid)
            values = ordered({**values, name: (low + high) / 2})
            after = self._share(scenario, population, prior.with_values(values), metrics)
            se = float(np.sqrt(max(share * (1 - share), 1e-6) / n))
            rows.append(FitRow(target, share, se, before, after, True))
        changed = {k: v for k, v in values.items() if v != prior[k].value}
        self.params_ = prior.recentred(changed, PROBABILITY_BOUNDS)
        self.fit_ = rows
        self.calibrated_ = bool(rows)
        self.all_within_ = all(r.within for r in rows)
        return self
