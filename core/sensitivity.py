"""What moves reach and risk most: a tornado over levers and assumptions.

Each lever is switched to its alternative and each uncertain parameter set
to the low and the high end of its range, all with one seed and population
(common random numbers) and parameters otherwise fixed at their values, so
every bar is that one change and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from core.parameters import ParameterSet, default_parameters
from core.population import Population, synthetic_population
from core.reasons import alternative_value
from core.scenario import LEVER_VALUES, Scenario, with_policy
from core.simulate import population_rng, simulate

SENSITIVITY_EMPLOYEES = 2000
SENSITIVITY_RUNS = 48
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


def _mean(
    scenario: Scenario, params: ParameterSet, pop: Population, seed: int, metric: str
) -> float:
    result = simulate(scenario, runs=SENSITIVITY_RUNS, seed=seed, params=params, population=pop)
    return float(result.metrics[metric].mean())


def tornado(
    scenario: Scenario,
    metric: str,
    seed: int = 1,
    params: ParameterSet | None = None,
    population: Population | None = None,
    progress: Progress | None = None,
    top: int = 12,
    include_parameters: bool = True,
) -> list[Bar]:
    """The ``top`` largest swings in ``metric``, levers and assumptions together."""
    params = (params or default_parameters()).fixed()
    size = min(SENSITIVITY_EMPLOYEES, scenario.organisation.employees)
    pop = population or synthetic_population(
        scenario.organisation, scenario.climate, params, population_rng(seed), size
    )
    base = _mean(scenario, params, pop, seed, metric)
    uncertain = [n for n, p in default_parameters().items() if p.uncertain and include_parameters]
    total = len(LEVER_VALUES) + len(uncertain)
    bars: list[Bar] = []
    for i, lever in enumerate(LEVER_VALUES):
        chosen = getattr(scenario.policy, lever)
        other = alternative_value(lever, chosen)
        changed = _mean(with_policy(scenario, {lever: other}), params, pop, seed, metric)
        bars.append(Bar("lever", lever, str(chosen), str(other), base, changed, base))
        if progress:
            progress((i + 1) / total)
    defaults = default_parameters()
    for j, name in enumerate(uncertain):
        p = defaults[name]
        low = _mean(scenario, params.with_values({name: p.low}).fixed(), pop, seed, metric)
        high = _mean(scenario, params.with_values({name: p.high}).fixed(), pop, seed, metric)
        bars.append(Bar("parameter", name, f"{p.low:g}", f"{p.high:g}", low, high, base))
        if progress:
            progress((len(LEVER_VALUES) + j + 1) / total)
    bars.sort(key=lambda b: -b.swing)
    return [b for b in bars[:top] if b.swing > 0]
