"""Reasons generated from the organisation's inputs and the measured effects.

A reason states the choice, the organisation's facts it rests on (from the
scenario, never a fixed phrase like "rare here"), the guard rail when one
fixed the lever, and the measured effect against the alternative with its
sign and P10-P90 band (paired runs, common random numbers), including the
net value in EUR a year. Nothing in the text is asserted that the numbers
beside it do not show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from core import formatting as fmt
from core.i18n import translate
from core.levers import LEVER
from core.parameters import ParameterSet
from core.scenario import Scenario
from core.simulate import is_share

EFFECT_METRICS = (
    "monthly_unique_reach",
    "monthly_recruitment_reach",
    "expected_negative_posts",
    "p_sensitive_leak_year",
    "expected_chat_incidents",
    "always_on_share",
)
# Smallest change worth saying: half a point for shares, 1% for counts.
SHOWN_SHARE, SHOWN_RELATIVE = 0.005, 0.01
# Which facts of the organisation each lever's reason rests on.
FACTS: dict[str, str] = {
    "confidentiality_rules": "sensitive",
    "explain_rules": "sensitive",
    "visual_guidelines": "sensitive",
    "work_time_ban": "restriction",
    "no_work_posts": "restriction",
    "share_permission": "pride",
    "content_support": "pride",
    "ambassador_programme": "pride",
    "rewards": "pride",
    "training": "skill",
    "voice_channels": "voice",
    "mute_norms": "always_on",
    "chat_group_norms": "chats",
    "platform_scope": "chats",
    "vacancy_requests": "recruitment",
}


def facts(scenario: Scenario) -> dict[str, dict[str, Any]]:
    """The numbers each fact sentence quotes, straight from the inputs."""
    org, c = scenario.organisation, scenario.climate
    pct = lambda x: round(x * 100)  # noqa: E731
    one = lambda x: round(x, 1)  # noqa: E731
    return {
        "sensitive": {"sensitive": pct(org.sensitive_access_share)},
        "restriction": {"heavy": pct(org.heavy_user_share), "trust": one(c.trust.mean)},
        "pride": {"identification": one(c.identification.mean), "heavy": pct(org.heavy_user_share)},
        "skill": {"skill": one(c.social_media_skill.mean)},
        "voice": {"voice": one(c.voice.mean), "satisfaction": one(c.satisfaction.mean)},
        "always_on": {"always_on": one(c.always_on.mean), "chats": pct(org.work_chat_groups)},
        "chats": {"chats": pct(org.work_chat_groups), "sensitive": pct(org.sensitive_access_share)},
        "recruitment": {
            "vacancies": org.open_vacancies,
            "pressure": pct(org.recruitment_pressure),
        },
    }


def fact_number(value: Any, lang: str) -> str:
    """A quoted input in the language's digits: scores with one decimal, counts whole."""
    if isinstance(value, float):
        return fmt.number(value, lang, 1)
    if isinstance(value, int):
        return fmt.number(value, lang)
    return str(value)


def _band(values: np.ndarray) -> dict[str, float]:
    p10, p90 = np.percentile(values, [10, 90])
    return {"mean": float(np.mean(values)), "p10": float(p10), "p90": float(p90)}


def measured_effects(
    chosen: Mapping[str, np.ndarray], other: Mapping[str, np.ndarray]
) -> dict[str, dict[str, float]]:
    """Chosen minus alternative, run by run: points for shares, relative for counts."""
    out = {}
    for name in EFFECT_METRICS:
        diff = np.asarray(chosen[name], dtype=float) - np.asarray(other[name], dtype=float)
        if not is_share(name):
            base = float(np.mean(other[name]))
            diff = diff / base if base > 0 else np.zeros_like(diff)
        out[name] = _band(diff)
    return out


@dataclass(frozen=True)
class Reason:
    """Why a lever has its value: facts, guard rail, measured effect, confidence."""

    lever: str
    value: Any
    alternative: Any
    fact: str
    fact_params: dict[str, Any]
    constraint: str | None
    constraint_params: dict[str, object]
    effect: dict[str, dict[str, float]]  # metric -> mean, p10, p90 (chosen minus alternative)
    value_change: dict[str, float]  # EUR a year: mean, p10, p90, p_better
    material: bool
    sources: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    note: str = ""  # what the organisation's own survey says about this lever
    cap_bound: bool = False  # the alternative would break the leak cap
    cost_chosen: float = 0.0  # the lever's own yearly cost (EUR) at the chosen value
    cost_alternative: float = 0.0  # ... and at the alternative

    def break_even(self) -> tuple[float, float] | None:
        """(benefit, cost) a year of the alternative when it does good but costs more.

        The benefit is the alternative's gain in value before its own cost:
        the board sees at what price the lever would pay.
        """
        extra_cost = self.cost_alternative - self.cost_chosen
        benefit = -self.value_change["mean"] + extra_cost
        if not self.cap_bound and extra_cost > 0 and 0 < benefit < extra_cost:
            return benefit, extra_cost
        return None

    def shown_effects(self) -> list[str]:
        """The metrics whose change is worth saying."""
        out = []
        for name in EFFECT_METRICS:
            limit = SHOWN_SHARE if is_share(name) else SHOWN_RELATIVE
            if abs(self.effect[name]["mean"]) >= limit:
                out.append(name)
        return out

    def _change(self, name: str, value: float, lang: str) -> str:
        if is_share(name):
            return fmt.points(value, lang)
        return fmt.relative(value, lang)

    def effect_text(self, lang: str = "en") -> str:
        parts = []
        for name in self.shown_effects():
            e = self.effect[name]
            parts.append(
                translate(
                    "reason.effect_item",
                    lang,
                    metric=translate(f"metric.{name}", lang),
                    change=self._change(name, e["mean"], lang),
                    low=self._change(name, e["p10"], lang),
                    high=self._change(name, e["p90"], lang),
                )
            )
        v = self.value_change
        value = translate(
            "reason.value_item",
            lang,
            change=fmt.money(v["mean"], lang, signed=True),
            low=fmt.money(v["p10"], lang, signed=True),
            high=fmt.money(v["p90"], lang, signed=True),
        )
        alternative = translate(f"value.{self.lever}.{str(self.alternative).lower()}", lang)
        text = translate(
            "reason.effect_v2",
            lang,
            alternative=alternative,
            effects="; ".join([*parts, value]),
        )
        if self.cap_bound:
            text += " " + translate("reason.cap_bound", lang)
        elif not self.material:
            key = "reason.tie_fixed" if self.constraint else "reason.tie"
            text += " " + translate(key, lang)
        even = self.break_even()
        if even is not None:
            text += " " + translate(
                "reason.break_even",
                lang,
                alternative=alternative,
                benefit=fmt.money(even[0], lang),
                cost=fmt.money(even[1], lang),
            )
        return text

    def text(self, lang: str = "en") -> str:
        value_key = str(self.value).lower()
        parts = [
            translate(f"reason.{self.lever}.{value_key}", lang),
            translate(
                f"fact.{self.fact}",
                lang,
                **{k: fact_number(v, lang) for k, v in self.fact_params.items()},
            ),
        ]
        if self.constraint:
            parts.append(
                translate(
                    f"constraint.{self.constraint}",
                    lang,
                    **{k: fact_number(v, lang) for k, v in self.constraint_params.items()},
                )
            )
        parts.append(self.effect_text(lang))
        if self.note:
            parts.append(self.note)
        return " ".join(p for p in parts if p)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "lever": self.lever,
            "value": self.value,
            "text": self.text(lang),
            "facts": self.fact_params,
            "constrained": self.constraint is not None,
            "effect_vs_alternative": self.effect,
            "value_change_eur": self.value_change,
            "material": self.material,
            "alternative": self.alternative,
            "sources": list(self.sources),
            "survey_note": self.note or None,
            "lever_cost_eur": {"chosen": self.cost_chosen, "alternative": self.cost_alternative},
            "break_even_eur": self.break_even(),
            "needed_for_leak_cap": self.cap_bound,
        }


def lever_sources(lever: str, params: ParameterSet) -> tuple[dict[str, Any], ...]:
    """The distinct references behind a lever's parameters."""
    seen: dict[str, dict[str, Any]] = {}
    for name in LEVER[lever].parameters:
        for ref in params[name].references:
            seen.setdefault(ref.key, ref.model_dump())
    return tuple(seen.values())
