"""Conflicting or risky combinations in a policy mix, explained in plain words.

The seed's advice as rules a user sees while editing a mix: a gag order
plus sharing rewards sends two messages at once, mandatory ambassadorship
backfires, restrictions want a reason, and so on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.i18n import translate
from core.levers import EXPLAINABLE_RULES as RESTRICTIONS
from core.scenario import Climate, Organisation, Policy


@dataclass(frozen=True)
class Thresholds:
    """When the organisation's traits make a rule necessary (user-adjustable)."""

    sensitive_access: float = 0.2  # share with sensitive access that demands rules
    chat_groups: float = 0.3  # share in work chats that puts chats in scope
    weak_voice: float = 3.0  # voice mean below which voice comes first
    disconnect_headcount: int = 20  # Belgian right-to-disconnect threshold


@dataclass(frozen=True)
class Conflict:
    """One flagged combination: which levers, how serious, and why."""

    code: str
    levers: tuple[str, ...]
    severity: str  # "conflict" (contradictory), "warning" (risky) or "info"
    params: dict[str, object] = field(default_factory=dict)
    text: str = ""  # the wording when one code has several (which part is missing); else the code

    def message(self, lang: str = "en") -> str:
        from core.reasons import fact_number

        params = {k: fact_number(v, lang) for k, v in self.params.items()}
        return translate(f"conflict.{self.text or self.code}", lang, **params)

    def to_dict(self, lang: str = "en") -> dict[str, object]:
        return {
            "code": self.code,
            "levers": list(self.levers),
            "severity": self.severity,
            "message": self.message(lang),
        }


def _stimulating_levers(policy: Policy) -> tuple[str, ...]:
    found = []
    if policy.share_permission:
        found.append("share_permission")
    if policy.content_support:
        found.append("content_support")
    if policy.ambassador_programme != "none":
        found.append("ambassador_programme")
    if policy.rewards != "none":
        found.append("rewards")
    if policy.vacancy_requests != "none":
        found.append("vacancy_requests")
    return tuple(found)


def find_conflicts(
    policy: Policy,
    organisation: Organisation,
    climate: Climate,
    thresholds: Thresholds | None = None,
) -> list[Conflict]:
    """Every conflict in ``policy`` for this organisation, most serious first."""
    t = thresholds or Thresholds()
    out: list[Conflict] = []
    stimulating = _stimulating_levers(policy)
    if policy.no_work_posts and stimulating:
        out.append(Conflict("gag_vs_stimulation", ("no_work_posts", *stimulating), "conflict"))
    if policy.work_time_ban and (policy.ambassador_programme != "none" or policy.share_permission):
        levers = ("work_time_ban", *[x for x in stimulating if x != "rewards"])
        out.append(Conflict("ban_vs_sharing", levers, "conflict"))
    if policy.ambassador_programme == "mandatory":
        out.append(Conflict("mandatory_programme", ("ambassador_programme",), "warning"))
    if policy.rewards == "tiered":
        out.append(Conflict("tiered_rewards", ("rewards",), "warning"))
    if policy.rewards == "equal":
        out.append(Conflict("rewards_without_alternatives", ("rewards",), "warning"))
    if policy.rewards != "none" and policy.ambassador_programme == "none":
        out.append(
            Conflict("rewards_without_programme", ("rewards", "ambassador_programme"), "info")
        )
    if policy.training == "mandatory":
        out.append(Conflict("mandatory_training", ("training",), "warning"))
    restrictions = [r for r in RESTRICTIONS if getattr(policy, r)]
    if restrictions and not policy.explain_rules:
        out.append(
            Conflict("unexplained_restrictions", (*restrictions, "explain_rules"), "warning")
        )
    if (
        organisation.sensitive_access_share >= t.sensitive_access
        and not policy.confidentiality_rules
    ):
        share = round(organisation.sensitive_access_share * 100)
        out.append(
            Conflict(
                "sensitive_without_rules", ("confidentiality_rules",), "warning", {"share": share}
            )
        )
    if organisation.work_chat_groups >= t.chat_groups and (
        policy.platform_scope != "all" or not policy.chat_group_norms
    ):
        share = round(organisation.work_chat_groups * 100)
        # Say only what is missing: a text covering messaging apps must not read "does not cover".
        text = (
            "chats_without_norms"
            if policy.platform_scope == "all"
            else "chats_outside_scope"
            if policy.chat_group_norms
            else "chats_outside_policy"
        )
        out.append(
            Conflict(
                "chats_outside_policy",
                ("platform_scope", "chat_group_norms"),
                "warning",
                {"share": share},
                text,
            )
        )
    amplifies = policy.ambassador_programme != "none" or policy.content_support
    if amplifies and climate.voice.mean < t.weak_voice and not policy.voice_channels:
        out.append(
            Conflict(
                "amplify_before_voice",
                ("voice_channels", *stimulating),
                "warning",
                {"voice": round(climate.voice.mean, 1)},
            )
        )
    if organisation.employees >= t.disconnect_headcount and not policy.mute_norms:
        out.append(Conflict("no_disconnect_rules", ("mute_norms",), "info"))
    if policy.explain_rules and not restrictions:
        out.append(Conflict("nothing_to_explain", ("explain_rules",), "info"))
    order = {"conflict": 0, "warning": 1, "info": 2}
    return sorted(out, key=lambda c: order[c.severity])
