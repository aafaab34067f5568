"""What moves reach and risk most: a tornado over levers and assumptions.

Levers: each is switched to its alternative with one population and seed
(common random numbers) and parameters at their values, so every lever bar
is that one change and nothing else. Assumptions: one Monte Carlo over all
parameter ranges, then a linear regression of the metric on the draws
(standardised regression, the usual global sensitivity screen); a bar shows
the fitted metric at the low and the high end of one parameter's range with
the others at their mean, so correlated draws within a family are not
counted twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.context import RunContext
from core.levers import LEVER_VALUES, alternative_value
from core.scenario import Scenario, with_policy
from core.simulate import parameter_draws, simulate

LEVER_RUNS = 48
PARAMETER_RUNS = 600
Progress = Callable[[float], None]


@dataclass(frozen=True)
class Bar:
    """One row of the tornado: the metric at the low and the high setting."""

    kind: str  # "lever" or "parameter"
    name: str
    low_label: str
    high_label: str
    low: float
    high: float
    base: float

    @property
    def swing(self) -> float:
        return abs(self.high - self.low)


@dataclass(frozen=True)
class Regression:
    """A metric regressed on the parameter draws of one Monte Carlo (standardised)."""

    names: list[str]
    coefficients: np.ndarray  # metric change per standard deviation of each parameter
    centre: np.ndarray
    spread: np.ndarray
    mean: float

    def variance_shares(self) -> dict[str, float]:
        """Share of the explained variance due to each parameter (draws nearly independent)."""
        contribution = self.coefficients**2
        total = contribution.sum()
        return {
            n: float(c / total) if total > 0 else 0.0
            for n, c in zip(self.names, contribution, strict=True)
        }


def regress(scenario: Scenario, metric: str, sample: RunContext) -> Regression:
    """One Monte Carlo over every range, then least squares of the metric on the draws."""
    context = sample.with_(runs=PARAMETER_RUNS, uncertainty=True)
    y = simulate(scenario, context).metrics[metric]
    draws = parameter_draws(context)
    names = [n for n in sorted(draws) if context.params[n].uncertain]
    x = np.column_stack([draws[n] for n in names])
    centre, spread = x.mean(axis=0), x.std(axis=0)
    z = (x - centre) / np.where(spread > 0, spread, 1.0)
    coef, *_ = np.linalg.lstsq(np.column_stack([np.ones(len(y)), z]), y, rcond=None)
    return Regression(names, coef[1:], centre, spread, float(y.mean()))


def _parameter_bars(scenario: Scenario, metric: str, sample: RunContext) -> list[Bar]:
    fit = regress(scenario, metric, sample)
    bars = []
    for i, name in enumerate(fit.names):
        p = sample.params[name]
        slope = fit.coefficients[i] / (fit.spread[i] if fit.spread[i] > 0 else 1.0)
        low = fit.mean + slope * (p.low - fit.centre[i])
        high = fit.mean + slope * (p.high - fit.centre[i])
        bars.append(Bar("parameter", name, f"{p.low:g}", f"{p.high:g}", low, high, fit.mean))
    return bars


def tornado(
    scenario: Scenario,
    metric: str,
    context: RunContext | None = None,
    progress: Progress | None = None,
    top: int = 12,
    include_parameters: bool = True,
) -> list[Bar]:
    """The ``top`` largest swings in ``metric``, levers and assumptions together."""
    context = context or RunContext.for_scenario(scenario)
    sample = context.sample(scenario, runs=LEVER_RUNS)
    fixed = sample.with_(uncertainty=False)
    base = float(simulate(scenario, fixed).metrics[metric].mean())
    bars: list[Bar] = []
    steps = len(LEVER_VALUES) + (1 if include_parameters else 0)
    for i, lever in enumerate(LEVER_VALUES):
        chosen = getattr(scenario.policy, lever)
        other = alternative_value(lever, chosen)
        changed = float(
            simulate(with_policy(scenario, {lever: other}), fixed).metrics[metric].mean()
        )
        bars.append(Bar("lever", lever, str(chosen), str(other), base, changed, base))
        if progress:
            progress((i + 1) / steps)
    if include_parameters:
        bars.extend(_parameter_bars(scenario, metric, sample))
        if progress:
            progress(1.0)
    bars.sort(key=lambda b: -b.swing)
    return [b for b in bars[:top] if b.swing > 0]
