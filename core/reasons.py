"""Reasons for each lever of a recommended mix: the seed idea, the evidence, the effect.

A reason is a catalogue text for the lever's chosen value (Dutch and
English), a note when the seed's advice fixed the lever, the measured effect
of this choice against its alternative under common random numbers, and the
references of the parameters behind the lever.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from core.guard_rails import Constraint
from core.i18n import translate
from core.levers import LEVER, alternative_value
from core.parameters import ParameterSet
from core.scenario import Policy, Scenario
from core.simulate import is_share

EFFECT_METRICS = (
    "monthly_unique_reach",
    "monthly_recruitment_reach",
    "negative_posts_per_year",
    "p_sensitive_leak_year",
    "chat_incidents_per_year",
    "always_on_share",
)


@dataclass(frozen=True)
class Reason:
    """Why a lever has its value in the recommended mix."""

    lever: str
    value: Any
    alternative: Any
    constraint: str | None
    constraint_params: dict[str, object]
    effect: dict[str, float]  # chosen minus alternative, relative for counts
    sources: tuple[dict[str, Any], ...] = field(default_factory=tuple)

    def text(self, lang: str = "en") -> str:
        value_key = str(self.value).lower()
        parts = [translate(f"reason.{self.lever}.{value_key}", lang)]
        if self.constraint:
            parts.append(translate(f"constraint.{self.constraint}", lang, **self.constraint_params))
        parts.append(self.effect_text(lang))
        return " ".join(p for p in parts if p)

    def effect_text(self, lang: str = "en") -> str:
        """The effects that matter (at least 1% or 0.5 points), against the alternative."""
        parts = []
        for name in EFFECT_METRICS:
            change = self.effect.get(name, 0.0)
            if is_share(name):
                if abs(change) >= 0.005:
                    shown = translate("unit.points", lang, value=f"{change * 100:+.1f}")
                    parts.append(f"{translate(f'metric.{name}', lang)} {shown}")
            elif abs(change) >= 0.01:
                parts.append(f"{translate(f'metric.{name}', lang)} {change:+.0%}")
        alternative = translate(f"value.{self.lever}.{str(self.alternative).lower()}", lang)
        if not parts:
            return translate("reason.no_effect", lang, alternative=alternative)
        return translate("reason.effect", lang, alternative=alternative, effects=", ".join(parts))

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "lever": self.lever,
            "value": self.value,
            "text": self.text(lang),
            "constrained": self.constraint is not None,
            "effect_vs_alternative": self.effect,
            "alternative": self.alternative,
            "sources": list(self.sources),
        }


def lever_sources(lever: str, params: ParameterSet) -> tuple[dict[str, Any], ...]:
    """The distinct references behind a lever's parameters."""
    seen: dict[str, dict[str, Any]] = {}
    for name in LEVER[lever].parameters:
        for ref in params[name].references:
            seen.setdefault(ref.key, ref.model_dump())
    return tuple(seen.values())


def _relative(chosen: float, other: float, name: str) -> float:
    if is_share(name):
        return chosen - other  # shares and probabilities: difference in points
    return (chosen - other) / other if other > 0 else 0.0


def explain_lever(
    lever: str,
    policy: Policy,
    scenario: Scenario,
    means: Callable[[Policy], dict[str, float]],
    constraints: list[Constraint],
    params: ParameterSet,
) -> Reason:
    """The reason for one lever, with its effect measured against the alternative."""
    chosen = getattr(policy, lever)
    alternative = alternative_value(lever, chosen)
    with_choice = means(policy)
    without = means(policy.model_copy(update={lever: alternative}))
    effect = {m: _relative(with_choice[m], without[m], m) for m in EFFECT_METRICS}
    constraint = next((c for c in constraints if c.lever == lever), None)
    return Reason(
        lever=lever,
        value=chosen,
        alternative=alternative,
        constraint=constraint.code if constraint else None,
        constraint_params=dict(constraint.params) if constraint else {},
        effect=effect,
        sources=lever_sources(lever, params),
    )
