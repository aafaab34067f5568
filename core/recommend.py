"""Recommendation: search the whole lever space for the best policy mix.

Maximise ambassador reach (and recruitment reach, weighted by recruitment
pressure) minus weighted risks, relative to today's policy, subject to a
cap on the yearly probability of a sensitive leak. Every candidate is
simulated with the same seed and population (common random numbers), so
candidates differ only by their policy. The behaviour model should itself
prefer what the seed advises; the advice stays as visible guard rails (see
:mod:`core.guard_rails`), and every place where a rail overrides the
model's own preference is reported with the score it costs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from core.conflicts import Conflict, Thresholds, find_conflicts
from core.context import RunContext
from core.guard_rails import Constraint, Override, allowed_values, constraints_for
from core.levers import LEVER, LEVER_VALUES
from core.reasons import Reason, explain_lever
from core.scenario import Policy, Scenario, with_policy
from core.simulate import SimulationResult, simulate

SEARCH_RUNS = 96
FINAL_RUNS = 1000
# Relative floors keep "x times today" finite when today is (near) zero.
FLOORS = {
    "monthly_unique_reach": 1.0,
    "monthly_recruitment_reach": 1.0,
    "negative_posts_per_year": 1.0,
    "sensitive_leaks_per_year": 0.05,
    "chat_incidents_per_year": 0.05,
    "always_on_share": 0.01,
    "reactance_share": 0.01,
}


@dataclass(frozen=True)
class Objective:
    """What the recommendation maximises; every weight is the user's to change."""

    reach: float = 1.0
    recruitment: float = 1.0  # multiplied by the organisation's recruitment pressure
    negative_posts: float = 1.0
    leaks: float = 1.0
    chat_incidents: float = 0.5
    always_on: float = 0.5
    reactance: float = 0.25
    leak_cap: float | None = None  # max P(sensitive leak in a year); None: today's level
    thresholds: Thresholds = field(default_factory=Thresholds)

    def __post_init__(self) -> None:
        weights = (self.reach, self.recruitment, self.negative_posts, self.leaks)
        weights += (self.chat_incidents, self.always_on, self.reactance)
        if any(w < 0 for w in weights):
            raise ValueError("objective weights must be zero or positive")
        if self.leak_cap is not None and not 0.0 < self.leak_cap <= 1.0:
            raise ValueError("leak_cap must be a probability above 0")


def _ratio(means: dict[str, float], today: dict[str, float], name: str) -> float:
    return means[name] / max(today[name], FLOORS[name])


def score(
    means: dict[str, float],
    today: dict[str, float],
    objective: Objective,
    recruitment_pressure: float,
) -> float:
    """Weighted gains minus weighted risks, each as a multiple of today's value."""
    gain = objective.reach * _ratio(means, today, "monthly_unique_reach")
    gain += (
        objective.recruitment
        * recruitment_pressure
        * _ratio(means, today, "monthly_recruitment_reach")
    )
    risk = objective.negative_posts * _ratio(means, today, "negative_posts_per_year")
    risk += objective.leaks * _ratio(means, today, "sensitive_leaks_per_year")
    risk += objective.chat_incidents * _ratio(means, today, "chat_incidents_per_year")
    risk += objective.always_on * _ratio(means, today, "always_on_share")
    risk += objective.reactance * _ratio(means, today, "reactance_share")
    return gain - risk


class _Evaluator:
    """Simulates candidate mixes on one shared sample and seed, with a cache."""

    def __init__(self, scenario: Scenario, context: RunContext) -> None:
        self.scenario, self.context = scenario, context
        self.cache: dict[tuple, dict[str, float]] = {}

    def means(self, policy: Policy) -> dict[str, float]:
        key = tuple(policy.model_dump().values())
        if key not in self.cache:
            result = simulate(with_policy(self.scenario, policy), self.context)
            self.cache[key] = {k: float(v.mean()) for k, v in result.metrics.items()}
        return self.cache[key]


def _admissible(policy: Policy, fixed: dict[str, Any]) -> Policy:
    values = policy.model_dump()
    for lever, value in values.items():
        allowed = allowed_values(lever, fixed)
        if value not in allowed:
            values[lever] = allowed[0]
    return Policy(**values)


Value = tuple[int, float, float]
TOLERANCE = 1e-9


def _better(a: Value, b: Value) -> bool:
    """Whether ``a`` beats ``b``: feasibility and leak excess first, then the score."""
    if a[:2] != b[:2]:
        return a[:2] > b[:2]
    return a[2] > b[2] + TOLERANCE


def _resolve(policy: Policy, changed: str, fixed: dict[str, Any], context: tuple) -> Policy:
    """Make a move coherent: the lever just changed wins over levers it contradicts.

    Adding a gag order drops the sharing incentives it contradicts (and the
    other way round), so the search can move between coherent mixes in one step.
    """
    defaults = Policy()
    for conflict in find_conflicts(policy, *context):
        if conflict.severity != "conflict":
            continue
        drop = {
            lever: getattr(defaults, lever)
            for lever in conflict.levers
            if lever != changed and lever not in fixed
        }
        policy = policy.model_copy(update=drop)
    return policy


def _coordinate_ascent(
    start: Policy, fixed: dict[str, Any], value_of: Any, context: tuple, max_passes: int = 6
) -> tuple[Policy, Value]:
    """Change one lever at a time to its best value until no change helps."""
    best, best_value = start, value_of(start)
    for _ in range(max_passes):
        improved = False
        for lever in LEVER_VALUES:
            for value in allowed_values(lever, fixed):
                if value == getattr(best, lever):
                    continue
                candidate = _resolve(best.model_copy(update={lever: value}), lever, fixed, context)
                v = value_of(candidate)
                if _better(v, best_value):
                    best, best_value, improved = candidate, v, True
        if not improved:
            break
    return best, best_value


@dataclass(frozen=True)
class Recommendation:
    """The recommended mix with reasons, before/after metrics, conflicts and guard rails."""

    scenario: Scenario
    policy: Policy
    reasons: list[Reason]
    constraints: list[Constraint]
    overrides: list[Override]
    before: SimulationResult
    after: SimulationResult
    conflicts_before: list[Conflict]
    conflicts_after: list[Conflict]
    objective: Objective
    candidates_evaluated: int
    leak_cap: float
    cap_met: bool

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "scenario": self.scenario.name,
            "policy": self.policy.model_dump(),
            "today": self.scenario.policy.model_dump(),
            "reasons": [r.to_dict(lang) for r in self.reasons],
            "before": self.before.summary(),
            "after": self.after.summary(),
            "conflicts_today": [c.to_dict(lang) for c in self.conflicts_before],
            "conflicts": [c.to_dict(lang) for c in self.conflicts_after],
            "guard_rails": [o.to_dict() for o in self.overrides],
            "leak_cap": self.leak_cap,
            "leak_cap_met": self.cap_met,
            "candidates_evaluated": self.candidates_evaluated,
            "seed": self.before.seed,
            "runs": self.before.runs,
        }


def recommend(
    scenario: Scenario,
    objective: Objective | None = None,
    context: RunContext | None = None,
    search_runs: int = SEARCH_RUNS,
) -> Recommendation:
    """The best mix within the guard rails, and where the rails overrode the model.

    ``context`` sets parameters, population source (e.g. survey respondents),
    seed, the final comparison's runs and sample; the search runs
    ``search_runs`` on a fixed sample of that context.
    """
    objective = objective or Objective()
    context = context or RunContext.for_scenario(scenario, runs=FINAL_RUNS)
    evaluator = _Evaluator(scenario, context.sample(scenario, runs=search_runs))
    today = evaluator.means(scenario.policy)
    cap = objective.leak_cap if objective.leak_cap is not None else today["p_sensitive_leak_year"]
    constraints = constraints_for(scenario, objective.thresholds)
    fixed = {c.lever: c.value for c in constraints}
    pressure = scenario.organisation.recruitment_pressure
    org, climate, t = scenario.organisation, scenario.climate, objective.thresholds

    def value_of(policy: Policy) -> Value:
        """Lexicographic: coherent first, then within the leak cap, then the score."""
        if any(c.severity == "conflict" for c in find_conflicts(policy, org, climate, t)):
            return (-1, -np.inf, -np.inf)  # never recommend a self-contradictory mix
        means = evaluator.means(policy)
        excess = max(0.0, means["p_sensitive_leak_year"] - cap)
        feasible = int(excess <= 0)
        return (feasible, -excess, score(means, today, objective, pressure))

    starts = _starting_points(scenario.policy, fixed)
    best, best_value = None, (-2, -np.inf, -np.inf)
    for start in starts:
        candidate, v = _coordinate_ascent(start, fixed, value_of, (org, climate, t))
        if _better(v, best_value):
            best, best_value = candidate, v
    assert best is not None
    best = _simplest(best, fixed, value_of, best_value)
    overrides = _overrides(best, fixed, constraints, value_of, (org, climate, t))

    before = simulate(scenario, context)
    after = simulate(with_policy(scenario, best), context)
    reasons = [
        explain_lever(lever, best, scenario, evaluator.means, constraints, context.params)
        for lever in LEVER_VALUES
    ]
    return Recommendation(
        scenario=scenario,
        policy=best,
        reasons=reasons,
        constraints=constraints,
        overrides=overrides,
        before=before,
        after=after,
        conflicts_before=find_conflicts(
            scenario.policy, scenario.organisation, scenario.climate, t
        ),
        conflicts_after=find_conflicts(best, scenario.organisation, scenario.climate, t),
        objective=objective,
        candidates_evaluated=len(evaluator.cache),
        leak_cap=cap,
        cap_met=evaluator.means(best)["p_sensitive_leak_year"] <= cap + 1e-12,
    )


def _overrides(
    best: Policy,
    fixed: dict[str, Any],
    constraints: list[Constraint],
    value_of: Callable[[Policy], Value],
    context: tuple,
) -> list[Override]:
    """Where a guard rail keeps the model from a value it scores higher.

    Every value a rail excludes, and every lever a rail fixes, is tried in
    the recommended mix (made coherent); a rail "overrides" when the model
    alone would prefer the excluded value.
    """
    base = value_of(best)
    out: list[Override] = []
    rule_of = {c.lever: c.code for c in constraints}
    for lever in LEVER_VALUES:
        chosen = getattr(best, lever)
        excluded = {v: r for v, r in LEVER[lever].guard_rails.items() if v != chosen}
        if lever in fixed:
            excluded.update({v: rule_of[lever] for v in LEVER[lever].values if v != fixed[lever]})
        for value, rule in excluded.items():
            candidate = _resolve(best.model_copy(update={lever: value}), lever, {}, context)
            v = value_of(candidate)
            if _better(v, base):
                out.append(Override(lever, rule, value, chosen, float(v[2] - base[2])))
    return out


def _starting_points(today: Policy, fixed: dict[str, Any]) -> list[Policy]:
    """Today's mix, no policy, and the seed's greenhouse: three different basins."""
    greenhouse = Policy(
        share_permission=True,
        content_support=True,
        ambassador_programme="voluntary",
        rewards="equal_with_alternatives",
        training="voluntary_certificate",
        voice_channels=True,
        mute_norms=True,
        chat_group_norms=True,
        platform_scope="all",
    )
    return [_admissible(p, fixed) for p in (today, Policy(), greenhouse)]


def _simplest(
    policy: Policy, fixed: dict[str, Any], value_of: Callable[[Policy], Value], value: Value
) -> Policy:
    """Drop levers that add nothing (ties go to the simpler, default value)."""
    defaults = Policy()
    for lever in LEVER_VALUES:
        default = getattr(defaults, lever)
        if lever in fixed or getattr(policy, lever) == default:
            continue
        candidate = policy.model_copy(update={lever: default})
        if not _better(value, value_of(candidate)):
            policy, value = candidate, value_of(candidate)
    return policy


def levers_changed(a: Policy, b: Policy) -> Iterable[str]:
    """Levers whose value differs between two mixes."""
    return (lever for lever in LEVER_VALUES if getattr(a, lever) != getattr(b, lever))
