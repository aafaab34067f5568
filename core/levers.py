"""Policy levers as data: one registry for every module that needs to know a lever.

Each lever states its values and default (the scenario schema is built from
them), its kind (restriction, protection, stimulation, soil), the value that
counts as "switched on" when its effect is measured, the behavioural
parameters it acts through (for reasons, sources and the Method page), and
its guard rails: values the seed's advice excludes, with the rule that says
why. Adding a lever means adding one entry here (plus its words in the
catalogues and its mechanism in the behaviour model).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from core.i18n import translate

RESTRICTION = "restriction"
PROTECTION = "protection"
STIMULATION = "stimulation"
SOIL = "soil"
SCOPE = "scope"


@dataclass(frozen=True)
class Lever:
    """One policy lever and everything the engine needs to know about it."""

    name: str
    values: tuple[Any, ...]
    default: Any
    kind: str
    on_value: Any
    parameters: tuple[str, ...]
    guard_rails: dict[Any, str] = field(default_factory=dict)  # value -> rule code

    @property
    def is_bool(self) -> bool:
        return self.values == (False, True)

    def admissible(self) -> tuple[Any, ...]:
        """Values the seed's advice allows (guard rails removed)."""
        return tuple(v for v in self.values if v not in self.guard_rails)


BOOL = (False, True)

LEVERS: tuple[Lever, ...] = (
    Lever(
        "confidentiality_rules",
        BOOL,
        False,
        PROTECTION,
        True,
        ("confidentiality_reduction", "pressure_confidentiality", "deliberate_via_messaging"),
    ),
    Lever(
        "work_time_ban",
        BOOL,
        False,
        RESTRICTION,
        True,
        ("pressure_work_time_ban", "work_time_activity_share", "ban_compliance"),
    ),
    Lever(
        "no_work_posts",
        BOOL,
        False,
        RESTRICTION,
        True,
        ("pressure_no_work_posts", "gag_compliance", "gag_boomerang", "restriction_public_rate"),
    ),
    Lever(
        "explain_rules",
        BOOL,
        False,
        PROTECTION,
        True,
        ("explanation_reduction", "explained_extra_reduction"),
    ),
    Lever(
        "share_permission",
        BOOL,
        False,
        STIMULATION,
        True,
        ("effect_share_permission", "effect_share_permission_posts"),
    ),
    Lever(
        "platform_scope",
        ("professional", "professional_and_private", "all"),
        "professional",
        SCOPE,
        "all",
        ("chat_out_of_scope_multiplier", "private_scope_pressure", "deliberate_via_messaging"),
    ),
    Lever(
        "ambassador_programme",
        ("none", "voluntary", "mandatory"),
        "none",
        STIMULATION,
        "voluntary",
        (
            "effect_voluntary_programme",
            "mandatory_compliance",
            "mandatory_erosion",
            "mandatory_inauthenticity",
            "mandatory_resentment",
        ),
        {"mandatory": "voluntary_not_mandatory"},
    ),
    Lever(
        "rewards",
        ("none", "equal_with_alternatives", "equal", "tiered"),
        "none",
        STIMULATION,
        "equal_with_alternatives",
        ("reward_pull", "crowding_noncontingent_d", "crowding_engagement_d", "crowding_ranked_d"),
        {"equal": "rewards_with_alternatives", "tiered": "rewards_undifferentiated"},
    ),
    Lever(
        "training",
        ("none", "voluntary", "voluntary_certificate", "mandatory"),
        "none",
        STIMULATION,
        "voluntary_certificate",
        (
            "training_uptake_voluntary",
            "effect_training_posts",
            "effect_certificate",
            "training_careless_reduction",
        ),
        {"mandatory": "voluntary_training"},
    ),
    Lever(
        "voice_channels",
        BOOL,
        False,
        SOIL,
        True,
        ("voice_channels_effect", "voice_release"),
    ),
    Lever("mute_norms", BOOL, False, SOIL, True, ("mute_norms_effect",)),
    Lever(
        "content_support",
        BOOL,
        False,
        STIMULATION,
        True,
        ("effect_content_support", "activity_boost_content_support", "content_careless_reduction"),
    ),
    Lever(
        "visual_guidelines",
        BOOL,
        False,
        PROTECTION,
        True,
        ("visual_guidelines_reduction",),
    ),
    Lever("chat_group_norms", BOOL, False, PROTECTION, True, ("chat_norms_reduction",)),
    Lever(
        "vacancy_requests",
        ("none", "key_roles", "all_vacancies"),
        "none",
        STIMULATION,
        "all_vacancies",
        ("vacancy_spontaneous", "vacancy_ask_effect"),
    ),
)

LEVER: dict[str, Lever] = {lever.name: lever for lever in LEVERS}
LEVER_VALUES: dict[str, tuple[Any, ...]] = {lever.name: lever.values for lever in LEVERS}
RESTRICTIVE_LEVERS: tuple[str, ...] = tuple(x.name for x in LEVERS if x.kind == RESTRICTION)
# Rules whose reason can be explained (the explain_rules lever acts on them).
EXPLAINABLE_RULES: tuple[str, ...] = ("confidentiality_rules", *RESTRICTIVE_LEVERS)
# Graded lever values as intensities (0 = off, 1 = full); used by the model.
VACANCY_INTENSITY = {"none": 0.0, "key_roles": 0.5, "all_vacancies": 1.0}


def guard_rail(lever: str, value: Any) -> str | None:
    """The rule code that excludes ``value`` for ``lever``, if any."""
    return LEVER[lever].guard_rails.get(value)


def alternative_value(lever: str, chosen: Any) -> Any:
    """The value to compare the chosen one against: off when on, on when off."""
    spec = LEVER[lever]
    return spec.default if chosen != spec.default else spec.on_value


def value_words(lever: str, value: Any, lang: str) -> str:
    """A lever's value in words ('equal rewards with alternatives')."""
    return translate(f"value.{lever}.{str(value).lower()}", lang)


def choice_words(lever: str, value: Any, lang: str) -> str:
    """What to do with a lever: 'introduce it' / 'drop it' for a switch, else its value.

    A switch's value in words repeats the lever's name ('Voice channels: voice
    channels'); the action says what the board decides.
    """
    if isinstance(value, bool):
        return translate(f"report.switch_{'on' if value else 'off'}", lang)
    return value_words(lever, value, lang)


def setting_words(lever: str, value: Any, lang: str) -> str:
    """A lever with its value: 'Rewards: equal rewards with alternatives'."""
    return f"{translate(f'lever.{lever}', lang)}: {value_words(lever, value, lang)}"
