"""Which personas a lever helps or harms most.

Each lever is switched to its alternative on the same population and seed
(common random numbers); the per-persona differences in creators, critics
and reactance show where a lever lands, e.g. reactance on the heavy users
among the silent critics.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.context import RunContext
from core.levers import LEVER_VALUES, alternative_value
from core.scenario import Scenario, with_policy
from core.simulate import simulate

RUNS = 32


@dataclass(frozen=True)
class PersonaEffect:
    """Effect of the chosen lever value against its alternative, for one persona (points)."""

    persona: str
    creators: float
    critics: float
    reactant: float

    @property
    def net(self) -> float:
        """Good minus bad, in share points: more creators, fewer critics and reactants."""
        return self.creators - self.critics - self.reactant


def lever_persona_effects(
    scenario: Scenario, context: RunContext, runs: int = RUNS
) -> dict[str, list[PersonaEffect]]:
    """Per lever: its effect on each persona, best helped first.

    ``context`` must carry a survey source with personas; its sample is
    built once and shared by every lever (common random numbers).
    """
    sample = context.sample(scenario, runs=runs)
    if sample.population(scenario).group is None:
        return {}
    base = simulate(scenario, sample).group_summary()
    out: dict[str, list[PersonaEffect]] = {}
    for lever in LEVER_VALUES:
        other = alternative_value(lever, getattr(scenario.policy, lever))
        groups = simulate(with_policy(scenario, {lever: other}), sample).group_summary()
        effects = [
            PersonaEffect(
                persona,
                base[persona]["creators"]["mean"] - groups[persona]["creators"]["mean"],
                base[persona]["critics"]["mean"] - groups[persona]["critics"]["mean"],
                base[persona]["reactant"]["mean"] - groups[persona]["reactant"]["mean"],
            )
            for persona in base
        ]
        out[lever] = sorted(effects, key=lambda e: -e.net)
    return out
