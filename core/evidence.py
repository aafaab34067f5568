"""How strong is the evidence behind a headline number?

A number is as strong as the parameters its uncertainty comes from. The
metric is regressed on one Monte Carlo's parameter draws (see
:mod:`core.sensitivity`); each parameter's share of the explained variance
is credited to its evidence grade, so "reach: 70% of the uncertainty rests
on C-graded assumptions" is measured, not asserted.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.context import RunContext
from core.scenario import Scenario
from core.sensitivity import regress

GRADES = ("A", "B", "C")


@dataclass(frozen=True)
class EvidenceProfile:
    """For one metric: uncertainty share by grade and the parameters that carry most."""

    metric: str
    by_grade: dict[str, float]
    top: list[tuple[str, float]]  # (parameter, variance share), largest first

    @property
    def grade(self) -> str:
        """The weakest grade carrying at least a third of the uncertainty."""
        for g in reversed(GRADES):
            if self.by_grade.get(g, 0.0) >= 1 / 3:
                return g
        return max(self.by_grade, key=lambda g: self.by_grade[g])


def evidence_profile(
    scenario: Scenario, metric: str, context: RunContext | None = None, top: int = 5
) -> EvidenceProfile:
    """Where the uncertainty of ``metric`` comes from, by evidence grade."""
    context = context or RunContext.for_scenario(scenario)
    shares = regress(scenario, metric, context.sample(scenario)).variance_shares()
    by_grade = dict.fromkeys(GRADES, 0.0)
    for name, share in shares.items():
        by_grade[context.params[name].grade] += share
    ranked = sorted(shares.items(), key=lambda kv: -kv[1])[:top]
    return EvidenceProfile(metric, by_grade, ranked)
