"""The seed's advice as visible guard rails on the recommendation.

Two kinds: values the advice excludes everywhere (a mandatory programme or
training, rewards that rank people or that only ambassadors can earn), kept
in the lever registry; and levers this organisation's facts fix
(confidentiality rules, explained, where many staff see sensitive data;
voice channels first where voice is weak). The behaviour model should
already agree with every rail; where it does not, the recommendation says
so (see :class:`Override`), so a rule never silently hides the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.conflicts import Thresholds
from core.levers import LEVER
from core.scenario import Scenario


@dataclass(frozen=True)
class Constraint:
    """A lever fixed for this organisation by the seed's advice, with the reason code."""

    lever: str
    value: Any
    code: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Override:
    """A place where a guard rail overrode what the model alone would pick."""

    lever: str
    rule: str
    model_value: Any  # what the model prefers on this lever
    chosen_value: Any  # what the guard rail imposes
    score_gain: float  # the model's score of its preference minus the chosen mix's

    def to_dict(self) -> dict[str, Any]:
        return {
            "lever": self.lever,
            "rule": self.rule,
            "model_value": self.model_value,
            "chosen_value": self.chosen_value,
            "score_gain": self.score_gain,
        }


def constraints_for(scenario: Scenario, thresholds: Thresholds) -> list[Constraint]:
    """Levers the evidence fixes for this organisation."""
    org, climate, t = scenario.organisation, scenario.climate, thresholds
    out = []
    if org.sensitive_access_share >= t.sensitive_access:
        share = round(org.sensitive_access_share * 100)
        out.append(Constraint("confidentiality_rules", True, "sensitive", {"share": share}))
        out.append(Constraint("explain_rules", True, "sensitive", {"share": share}))
    if climate.voice.mean < t.weak_voice:
        out.append(
            Constraint(
                "voice_channels", True, "weak_voice", {"voice": round(climate.voice.mean, 1)}
            )
        )
    return out


def allowed_values(lever: str, fixed: dict[str, Any], rails: bool = True) -> tuple[Any, ...]:
    """The values a search may try for ``lever`` (all of them without rails)."""
    if rails and lever in fixed:
        return (fixed[lever],)
    return LEVER[lever].admissible() if rails else LEVER[lever].values
