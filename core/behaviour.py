"""The mechanisms of brief section 3 as pure, vectorised array functions (model v2).

Each employee has separate, correlated behaviours in a year: follows, likes,
shares official content, posts own work content, criticises, shares
vacancies. Each is a latent propensity in log-odds plus normal noise (scaled
so a log-odds shift acts as in a logistic model); the positive behaviours
share one noise component, so they cluster in the same people. Levels
(passive / engaged / creator) are derived from the behaviours.

Reactance is a continuous state: the threat of the restrictive levers times
the employee's trait reactance, amplified for heavy users and distrustful
staff, reduced by explanation. It acts on the *specific* forbidden
behaviour: under a gag, reactant staff post more about work (boomerang) and
the restriction itself can go public; a ban's activity loss falls on those
who comply. Leaks come from deliberate disclosure and careless own posts;
shares of official content disclose nothing new.

Shapes: per-run terms are ``(R, 1)``, traits ``(N,)``, states ``(R, N)``.
Nothing here draws randomness: noise comes in from the caller, so two
policies see the same noise (common random numbers).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np

from core.levers import VACANCY_INTENSITY
from core.population import Population

F32 = np.float32
NOISE_SCALE = F32(1.7)  # a standard normal times 1.7 approximates the logistic
LOGISTIC_SD = float(np.pi / np.sqrt(3.0))  # log-odds per Cohen's d
LEVEL_NAMES: tuple[str, ...] = ("none", "passive", "engaged", "creator")
PASSIVE, ENGAGED, CREATOR = 1, 2, 3
STRONG_REACTANCE = 1.0  # state at which an employee counts as reactant

Theta = Mapping[str, np.ndarray]


def logit(p: np.ndarray | float) -> np.ndarray:
    p = np.asarray(p, dtype=float)
    return np.log(p) - np.log1p(-p)


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def d_to_logodds(d: np.ndarray | float) -> np.ndarray:
    """Cohen's d as a log-odds shift (Chinn 2000: ln OR = d * pi / sqrt(3))."""
    return np.asarray(d, dtype=float) * LOGISTIC_SD


def r_to_logodds(r: np.ndarray) -> np.ndarray:
    """A correlation as log-odds via Cohen's d (d = 2r / sqrt(1 - r^2))."""
    return d_to_logodds(2.0 * r / np.sqrt(1.0 - r**2))


def column(values: Any) -> np.ndarray:
    """Per-run values as an (R, 1) float32 column for broadcasting."""
    return np.asarray(values, dtype=F32).reshape(-1, 1)


def occurs(latent: np.ndarray, noise: np.ndarray) -> np.ndarray:
    """Whether a behaviour happens: latent log-odds plus scaled normal noise above 0.

    Monotone in the latent for fixed noise, so common random numbers couple
    two policies employee by employee.
    """
    return latent + NOISE_SCALE * noise > 0


def correlated(common: np.ndarray, own: np.ndarray, rho: np.ndarray) -> np.ndarray:
    """Noise sharing a correlation ``rho`` with the common component."""
    rho = column(rho)
    return np.sqrt(rho) * common + np.sqrt(1.0 - rho) * own


# --- the policy as per-run numbers ---------------------------------------------


@dataclass(frozen=True)
class PolicyTerms:
    """Everything the policy does that is the same for every employee, per run (R,)."""

    threat: np.ndarray  # freedom threat after explanation
    share_shift: np.ndarray  # log-odds on sharing official content
    post_shift: np.ndarray  # log-odds on posting own work content (everyone)
    trained_post_shift: np.ndarray  # extra log-odds for employees who took the training
    training_uptake: np.ndarray  # share of staff trained (by their keenness)
    encouragement: np.ndarray  # prompts to post, removed for "unprompted"
    vacancy_shift: np.ndarray
    erosion: np.ndarray  # identification / control mutuality lost to a mandate
    confidentiality: np.ndarray  # share of covered leaks prevented
    careless_factor: np.ndarray  # multiplier on careless leaks from visual rules and content
    gag: bool
    ban: bool
    mandatory: bool
    asks: float  # how much the policy asks staff to advocate (programme, content, vacancies)

    def rows(self, r0: int, r1: int) -> PolicyTerms:
        """The terms of runs r0..r1 (one chunk)."""
        cut = {
            f.name: getattr(self, f.name)[r0:r1]
            for f in fields(self)
            if isinstance(getattr(self, f.name), np.ndarray)
        }
        return replace(self, **cut)


def reward_terms(rewards: str, theta: Theta) -> tuple[np.ndarray, np.ndarray]:
    """(pull on sharing, crowding-out on own posts) by the reward's contingency.

    Deci, Koestner & Ryan (1999): engagement- and completion-contingent
    rewards undermine intrinsic motivation most; rewards that rank people
    below the top undermine more still; rewards not tied to the task hardly
    at all. The pull on the rewarded behaviour follows the same contingency.
    """
    zero = np.zeros_like(theta["reward_pull"])
    if rewards == "none":
        return zero, zero
    contingency = {
        "equal_with_alternatives": theta["reward_alternatives_contingency"],
        "equal": 1.0,
        "tiered": 1.0,
    }[rewards]
    crowd_d = {
        "equal_with_alternatives": theta["crowding_noncontingent_d"],
        "equal": theta["crowding_engagement_d"],
        "tiered": theta["crowding_ranked_d"],
    }[rewards]
    crowding = d_to_logodds(crowd_d) * theta["crowding_transfer"]
    return contingency * theta["reward_pull"], crowding


def training_uptake(training: str, theta: Theta) -> np.ndarray:
    """Share of staff who take the training (a mandate reaches those who comply)."""
    zero = np.zeros_like(theta["training_uptake_voluntary"])
    if training == "none":
        return zero
    if training == "mandatory":
        return np.ones_like(zero)  # compliance is applied per employee
    uptake = theta["training_uptake_voluntary"]
    if training == "voluntary_certificate":
        uptake = uptake * theta["certificate_uptake_multiplier"]
    return np.minimum(uptake, 1.0)


def policy_terms(policy: Any, theta: Theta) -> PolicyTerms:
    """The policy's per-run effects, before anything about individual employees."""
    p = policy
    rules = (
        p.work_time_ban * theta["pressure_work_time_ban"]
        + p.no_work_posts * theta["pressure_no_work_posts"]
        + p.confidentiality_rules * theta["pressure_confidentiality"]
    )
    if p.platform_scope != "professional":
        rules = rules * (1.0 + theta["private_scope_pressure"])
    if p.explain_rules:
        rules = rules * (1.0 - theta["explanation_reduction"])
    mandates = (
        (p.ambassador_programme == "mandatory") * theta["pressure_mandatory_programme"]
        + (p.training == "mandatory") * theta["pressure_mandatory_training"]
        + (p.rewards == "tiered") * theta["pressure_tiered_rewards"]
        + (p.rewards in ("equal", "tiered")) * theta["pressure_rewards_exclusive"]
    )
    pull, crowding = reward_terms(p.rewards, theta)
    voluntary = p.ambassador_programme == "voluntary"
    share_shift = (
        p.share_permission * theta["effect_share_permission"]
        + p.content_support * theta["effect_content_support"]
        + voluntary * theta["effect_voluntary_programme"]
        + pull
    )
    post_shift = (
        p.share_permission * theta["effect_share_permission_posts"]
        + p.content_support * theta["effect_content_support_posts"]
        + voluntary * theta["effect_voluntary_programme_posts"]
        + crowding
    )
    trained = (
        theta["effect_training_posts"]
        + (p.training == "voluntary_certificate") * theta["effect_certificate"]
    )
    encouragement = theta["baseline_encouragement"] + np.maximum(post_shift, 0.0)
    vacancy = (
        VACANCY_INTENSITY[p.vacancy_requests] * theta["vacancy_ask_effect"]
        + voluntary * theta["effect_voluntary_programme"] * theta["vacancy_programme_share"]
    )
    confidentiality = p.confidentiality_rules * (
        theta["confidentiality_reduction"] + p.explain_rules * theta["explained_extra_reduction"]
    )
    careless = (1.0 - p.visual_guidelines * theta["visual_guidelines_reduction"]) * (
        1.0 - p.content_support * theta["content_careless_reduction"]
    )
    erosion = (p.ambassador_programme == "mandatory") * theta["mandatory_erosion"]
    as_float = np.asarray
    return PolicyTerms(
        threat=as_float(rules + mandates, dtype=float),
        share_shift=as_float(share_shift, dtype=float),
        post_shift=as_float(post_shift, dtype=float),
        trained_post_shift=as_float(trained, dtype=float),
        training_uptake=training_uptake(p.training, theta),
        encouragement=as_float(encouragement, dtype=float),
        vacancy_shift=as_float(vacancy, dtype=float),
        erosion=as_float(erosion, dtype=float),
        confidentiality=as_float(confidentiality, dtype=float),
        careless_factor=as_float(careless, dtype=float),
        gag=bool(p.no_work_posts),
        asks=float(
            (p.ambassador_programme != "none")
            + p.content_support
            + VACANCY_INTENSITY[p.vacancy_requests]
        ),
        ban=bool(p.work_time_ban),
        mandatory=p.ambassador_programme == "mandatory",
    )


# --- the employee's states --------------------------------------------------------


def reactance_state(pop: Population, threat: np.ndarray, theta: Theta) -> np.ndarray:
    """Continuous state reactance (R, N): threat x trait x heavy use x distrust, saturating.

    Zero without a restriction; 1 marks an employee who is clearly reactant.
    The product of four amplifiers has a long tail, but the state it stands
    for (anger and negative thoughts, measured on bounded scales) does not:
    it bends towards a ceiling, ``c * tanh(raw / c)``, nearly linear below 1.
    Without the ceiling a rare run with a strong trait tail multiplied
    deliberate leaks a thousandfold (a year with 80,000 leaks).
    """
    heavy = 1.0 + (column(theta["reactance_heavy_multiplier"]) - 1.0) * pop.heavy
    distrust = np.maximum(F32(0), -pop.centred("trust"))
    amplifier = np.exp(column(theta["distrust_slope"]) * distrust)
    scale = column(theta["reactance_scale"] * threat)
    raw = scale * pop.reactance_trait * heavy * amplifier
    ceiling = column(theta["reactance_ceiling"])
    return (ceiling * np.tanh(raw / ceiling)).astype(F32)


def greenhouse_growth(soil: np.ndarray, policy: Any, theta: Theta) -> np.ndarray:
    """(R, N) how much of the stimulating levers' effect takes root, 0..2 (1 = neutral soil).

    Guidelines do not repair a bad relationship (Soens & Claeys 2021): where
    voice and trust are low, stimulation yields less; voice channels improve
    the soil for everyone.
    """
    boost = policy.voice_channels * theta["voice_channels_soil"]
    slope = column(theta["soil_slope"])
    return np.clip(1.0 + slope * (soil + column(boost)), F32(0), F32(2))


def grown(shift: np.ndarray, growth: np.ndarray) -> np.ndarray:
    """A per-run shift, its stimulating (positive) part scaled by the soil."""
    return column(np.maximum(shift, 0.0)) * growth + column(np.minimum(shift, 0.0))


def complies(uniform: np.ndarray, base: np.ndarray, state: np.ndarray) -> np.ndarray:
    """Who follows a rule: a base rate, falling with reactance (Rains 2013)."""
    return uniform < column(base) * np.exp(-state)


def exhaustion_logit(pop: Population, policy: Any, theta: Theta) -> np.ndarray:
    """Log-odds of feeling always on: pressure, chat groups, mute norms. (R, N)."""
    shift = logit(theta["base_p_always_on"]) + policy.mute_norms * theta["mute_norms_effect"]
    if policy.ambassador_programme == "mandatory":
        shift = shift + theta["mandatory_always_on"]
    return (
        column(shift)
        + column(theta["always_on_slope"]) * pop.centred("always_on")
        + column(theta["chat_group_exhaustion"]) * pop.chat_member
    )


AMBASSADOR_TRAITS = ("identification", "satisfaction", "trust", "social_media_skill")


def ambassador_traits(pop: Population) -> np.ndarray:
    """(N, 5) design matrix: centred traits that drive ambassadorship, then heavy use."""
    cols = [pop.centred(c) for c in AMBASSADOR_TRAITS] + [pop.heavy.astype(F32)]
    return np.stack(cols, axis=1).astype(F32)


def ambassador_coefficients(theta: Theta) -> np.ndarray:
    """(R, 5) coefficients matching :func:`ambassador_traits`."""
    names = (
        "beta_identification",
        "beta_satisfaction",
        "beta_trust",
        "beta_skill",
        "beta_heavy_self_enhancement",
    )
    return np.stack([theta[n] for n in names], axis=1).astype(F32)


def disposition(
    traits: np.ndarray, coefficients: np.ndarray, terms: PolicyTerms, theta: Theta
) -> np.ndarray:
    """Positive disposition towards the employer (R, N), in log-odds.

    Climate and self-enhancement, an organisation-level random effect (what
    the climate data do not capture), minus what a mandate erodes.
    """
    a = coefficients @ traits.T
    a += column(theta["org_effect_ambassadorship"] - terms.erosion)
    return a


def critic_logit(
    pop: Population, policy: Any, state: np.ndarray, exhausted: np.ndarray, theta: Theta
) -> np.ndarray:
    """The negative track: grievance minus voice, plus exhaustion and reactance. (R, N)."""
    base = logit(theta["base_p_critic"]) + policy.voice_channels * theta["voice_channels_effect"]
    x = column(base + theta["org_effect_risk"])
    x = x + column(theta["grievance_satisfaction"]) * pop.centred("satisfaction")
    x += column(theta["grievance_trust"]) * pop.centred("trust")
    x += column(theta["voice_release"]) * pop.centred("voice")
    x += column(theta["heavy_negative"]) * pop.heavy
    x += column(theta["exhaustion_negative"]) * exhausted
    x += column(theta["reactance_negative"]) * state
    return x


def work_time_share(pop: Population, theta: Theta) -> np.ndarray:
    """(R, N) share of an employee's sharing done during work time (heavy users more)."""
    return column(theta["work_time_activity_share"]) + column(
        theta["heavy_work_time_extra"]
    ) * pop.heavy.astype(F32)


def chat_incident_rate(
    pop: Population, policy: Any, public_scrutiny: float, theta: Theta
) -> np.ndarray:
    """Expected public chat-group incidents per year, summed over simulated employees (R,)."""
    distrust = np.maximum(F32(0), -pop.centred("trust"))[pop.chat_member]
    per_member = np.exp(column(theta["chat_grievance_slope"]) * distrust).sum(axis=1)
    factor = theta["chat_incident_rate"] * (
        1.0 - policy.chat_group_norms * theta["chat_norms_reduction"]
    )
    if policy.platform_scope != "all":
        factor = factor * theta["chat_out_of_scope_multiplier"]
    return per_member * factor * scrutiny_factor(public_scrutiny, theta)


def scrutiny_factor(public_scrutiny: float, theta: Theta) -> np.ndarray:
    """How much more often an incident becomes public under public scrutiny (R,)."""
    return np.maximum(0.0, 1.0 + theta["scrutiny_publicity_slope"] * (public_scrutiny - 0.5))


def deliberate_coverage(scope: str, theta: Theta) -> np.ndarray:
    """Share of deliberate disclosures on channels the policy's scope covers (R,)."""
    messaging = theta["deliberate_via_messaging"]
    professional = theta["deliberate_via_professional"]
    if scope == "all":
        return np.ones_like(messaging)
    if scope == "professional_and_private":
        return 1.0 - messaging
    return professional


def size_exposure(headcount: int, theta: Theta) -> np.ndarray:
    """Effective exposure of an organisation of ``headcount`` (R,), in employee units.

    Leak incidence grows less than linearly with size (larger organisations
    detect and contain more, and one investigation covers many posts):
    ``ref * (headcount / ref) ** elasticity``.
    """
    ref = theta["leak_reference_headcount"]
    return ref * (headcount / ref) ** theta["leak_size_elasticity"]
