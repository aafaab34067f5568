"""Calibrate the behaviour model to the organisation's own observed behaviour.

The intercepts of the separate behaviours (posting own content, sharing,
following) and of the negative track are set so that today's policy,
simulated on the respondents themselves, reproduces the shares the survey
observed (creators, engaged or more, followers or more, critics) within
their sampling error. Scenarios are then simulated as
changes from that calibrated baseline. Where the data cannot support it (no
behaviour items, too few answers) the priors stay, and the result says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator

from core.context import RunContext
from core.parameters import ParameterSet
from core.scenario import Scenario
from core.simulate import simulate
from core.survey.scoring import share_any

MIN_ANSWERS = 30
PROBABILITY_BOUNDS = (0.005, 0.97)

# target -> (parameter, simulated metrics summed, behaviour items OR-ed)
TARGETS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "creators": ("base_p_post", ("ambassadors_creators",), ("posts_work",)),
    "engaged_or_more": (
        "base_p_share",
        ("ambassadors_engaged", "ambassadors_creators"),
        ("likes_shares", "posts_work"),
    ),
    "passive_or_more": (
        "base_p_follow",
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
        n = int(frame.notna().any(axis=1).sum())
        share = share_any(frame.to_numpy(dtype=float)) if n else None
        if share is not None:  # a missing answer is missing, never a 'no'
            out[target] = (share, n)
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


INTERCEPTS = tuple(parameter for parameter, _, _ in TARGETS.values())


class BehaviourCalibrator(BaseEstimator):
    """Fit level and critic intercepts to observed shares (bisection, common random numbers)."""

    def __init__(self, runs: int = 32, iterations: int = 14, random_state: int = 1):
        self.runs = runs
        self.iterations = iterations
        self.random_state = random_state

    def _share(
        self,
        scenario: Scenario,
        context: RunContext,
        params: ParameterSet,
        metrics: tuple[str, ...],
    ) -> float:
        result = simulate(scenario, context.with_(params=params, runs=self.runs, uncertainty=False))
        return float(sum(result.metrics[m].mean() for m in metrics))

    def fit(
        self, observed: dict[str, tuple[float, int]], scenario: Scenario, context: RunContext
    ) -> BehaviourCalibrator:
        """``observed``: target -> (share, respondents); ``scenario`` carries today's policy.

        ``context`` holds the prior parameters and the respondents (a fixed
        sample, so every trial sees the same employees and noise).
        """
        prior = context.params
        values = {name: prior[name].value for name in INTERCEPTS}
        self.skipped_ = [t for t in TARGETS if t not in observed or observed[t][1] < MIN_ANSWERS]
        rows: list[FitRow] = []
        for target, (name, metrics, _) in TARGETS.items():
            if target in self.skipped_:
                continue
            share, n = observed[target]
            before = self._share(scenario, context, prior, metrics)
            low, high = PROBABILITY_BOUNDS
            for _ in range(self.iterations):
                mid = (low + high) / 2
                trial = prior.with_values({**values, name: mid})
                got = self._share(scenario, context, trial, metrics)
                low, high = (mid, high) if got < share else (low, mid)
            values[name] = (low + high) / 2
            after = self._share(scenario, context, prior.with_values(values), metrics)
            se = float(np.sqrt(max(share * (1 - share), 1e-6) / n))
            rows.append(FitRow(target, share, se, before, after, True))
        changed = {k: v for k, v in values.items() if v != prior[k].value}
        self.params_ = prior.recentred(changed, PROBABILITY_BOUNDS)
        self.fit_ = rows
        self.calibrated_ = bool(rows)
        self.all_within_ = all(r.within for r in rows)
        return self
