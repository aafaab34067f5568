"""The mechanisms of brief section 3 as pure, vectorised array functions.

Shapes: per-run terms are ``(R, 1)``, per-employee traits ``(N,)``, and
per-employee-per-run states ``(R, N)``. Nothing here draws randomness:
uniform variates come in from the caller, so the same uniforms under two
policies give coupled outcomes (common random numbers). Every number comes
from the parameter set ``theta``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from core.population import Population
from core.scenario import Policy

F32 = np.float32
LOGISTIC_SD = float(np.pi / np.sqrt(3.0))  # log-odds per Cohen's d
LEVEL_NAMES: tuple[str, ...] = ("none", "passive", "engaged", "creator")
PASSIVE, ENGAGED, CREATOR = 1, 2, 3

Theta = Mapping[str, np.ndarray]


def logit(p: np.ndarray | float) -> np.ndarray:
    p = np.asarray(p, dtype=float)
    return np.log(p) - np.log1p(-p)


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def r_to_logodds(r: np.ndarray) -> np.ndarray:
    """A correlation as log-odds via Cohen's d (d = 2r / sqrt(1 - r^2))."""
    return 2.0 * r / np.sqrt(1.0 - r**2) * LOGISTIC_SD


def column(values: np.ndarray) -> np.ndarray:
    """Per-run values as an (R, 1) float32 column for broadcasting."""
    return np.asarray(values, dtype=F32).reshape(-1, 1)


# --- policy levers as numbers -------------------------------------------------


def restriction_pressure(policy: Policy, theta: Theta) -> np.ndarray:
    """Freedom threat of the restrictive levers, after explanation (per run)."""
    p = (
        policy.work_time_ban * theta["pressure_work_time_ban"]
        + policy.no_work_posts * theta["pressure_no_work_posts"]
        + (policy.ambassador_programme == "mandatory") * theta["pressure_mandatory_programme"]
        + (policy.training == "mandatory") * theta["pressure_mandatory_training"]
        + (policy.rewards == "tiered") * theta["pressure_tiered_rewards"]
        + policy.confidentiality_rules * theta["pressure_confidentiality"]
    )
    if policy.platform_scope != "professional":
        p = p * (1.0 + theta["private_scope_pressure"])
    if policy.explain_rules:
        p = p * (1.0 - theta["explanation_reduction"])
    return np.asarray(p, dtype=float)


def stimulation(policy: Policy, theta: Theta) -> np.ndarray:
    """Log-odds shift of the ambassador latent from stimulating levers and rewards.

    A positive total saturates at ``stimulation_ceiling``: levers overlap.
    """
    s = (
        policy.share_permission * theta["effect_share_permission"]
        + policy.content_support * theta["effect_content_support"]
        + (policy.ambassador_programme == "voluntary") * theta["effect_voluntary_programme"]
        + (policy.ambassador_programme == "mandatory") * theta["mandatory_crowding"]
        + (policy.training != "none") * theta["effect_training"]
        + (policy.training == "voluntary_certificate") * theta["effect_certificate"]
    )
    total = np.asarray(s + reward_effect(policy, theta), dtype=float)
    ceiling = theta["stimulation_ceiling"]
    return np.where(total > 0, ceiling * np.tanh(total / ceiling), total)


def reward_effect(policy: Policy, theta: Theta) -> np.ndarray:
    """Extrinsic pull minus crowding-out: tiered crowds out most, with alternatives none."""
    if policy.rewards == "none":
        return np.zeros_like(theta["reward_extrinsic"])
    crowding = theta["reward_crowding_d"] * LOGISTIC_SD
    share = {"tiered": 1.0, "equal": theta["reward_equal_crowding_share"]}.get(policy.rewards, 0.0)
    return theta["reward_extrinsic"] + share * crowding


def asks_to_share(policy: Policy) -> bool:
    """Whether the policy actively asks employees to share (vacancies included)."""
    return policy.ambassador_programme != "none" or policy.content_support


# --- the mechanisms ------------------------------------------------------------


def reactance_probability(pop: Population, pressure: np.ndarray, theta: Theta) -> np.ndarray:
    """P(reactant): restrictions x heavy use x distrust, after explanation. (R, N)."""
    heavy_factor = 1.0 + (column(theta["reactance_heavy_multiplier"]) - 1.0) * pop.heavy
    distrust = np.maximum(F32(0), -pop.centred("trust"))
    amplifier = np.exp(column(theta["distrust_slope"]) * distrust)
    base = column(theta["reactance_base"] * pressure)
    return np.minimum(base * heavy_factor * amplifier, F32(0.95))


def exhaustion_logit(pop: Population, policy: Policy, theta: Theta) -> np.ndarray:
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


def ambassador_latent(
    traits: np.ndarray,
    coefficients: np.ndarray,
    stim: np.ndarray,
    reactant: np.ndarray,
    exhausted: np.ndarray,
    theta: Theta,
) -> np.ndarray:
    """Latent propensity eta: climate, self-enhancement, policy, reactance, exhaustion."""
    eta = coefficients @ traits.T
    eta += column(stim)
    eta += column(r_to_logodds(theta["reactance_compliance_r"])) * reactant
    eta += column(theta["exhaustion_ambassadorship"]) * exhausted
    return eta


def level_thresholds(theta: Theta) -> np.ndarray:
    """(R, 3) cut points so a neutral light user reaches each level with its base rate."""
    names = ("base_p_passive", "base_p_engaged", "base_p_creator")
    return np.stack([-logit(theta[n]) for n in names], axis=1).astype(F32)


def ambassador_levels(
    eta: np.ndarray, logistic_noise: np.ndarray, thresholds: np.ndarray
) -> np.ndarray:
    """Highest level reached (0..3) by the ordered logit: count the cut points passed."""
    s = eta + logistic_noise
    levels = np.zeros(s.shape, dtype=np.int8)
    for k in range(thresholds.shape[1]):  # three cut points, not a loop over agents
        levels += s > thresholds[:, k : k + 1]
    return levels


def apply_mandate(
    levels: np.ndarray, complies: np.ndarray, reactant: np.ndarray, policy: Policy
) -> np.ndarray:
    """A mandatory programme lifts compliers (never the reactant) to at least engaged."""
    if policy.ambassador_programme != "mandatory":
        return levels
    forced = complies & ~reactant
    return np.where(forced, np.maximum(levels, ENGAGED), levels).astype(np.int8)


def apply_gag(
    levels: np.ndarray, complies: np.ndarray, reactant: np.ndarray, policy: Policy
) -> np.ndarray:
    """A gag order stops compliant (non-reactant) creators posting own work content."""
    if not policy.no_work_posts:
        return levels
    silenced = (levels == CREATOR) & complies & ~reactant
    return np.where(silenced, ENGAGED, levels).astype(np.int8)


def critic_logit(
    pop: Population, policy: Policy, reactant: np.ndarray, exhausted: np.ndarray, theta: Theta
) -> np.ndarray:
    """The negative track: grievance minus voice, plus exhaustion and reactance. (R, N)."""
    base = logit(theta["base_p_critic"]) + policy.voice_channels * theta["voice_channels_effect"]
    x = column(base) + column(theta["grievance_satisfaction"]) * pop.centred("satisfaction")
    x += column(theta["grievance_trust"]) * pop.centred("trust")
    x += column(theta["voice_release"]) * pop.centred("voice")
    x += column(theta["heavy_negative"]) * pop.heavy
    x += column(theta["exhaustion_negative"]) * exhausted
    x += column(theta["reactance_negative"]) * reactant
    return x


def bernoulli(logit_values: np.ndarray, uniforms: np.ndarray) -> np.ndarray:
    """Events with the given log-odds from given uniforms (monotone in the log-odds)."""
    return uniforms < sigmoid(logit_values)


def monthly_activity(
    levels: np.ndarray, pop: Population, policy: Policy, theta: Theta
) -> tuple[np.ndarray, np.ndarray]:
    """(shares, own posts) per employee per month: by level, heavy use, stimulation."""
    heavy = 1.0 + (column(theta["heavy_activity_multiplier"]) - 1.0) * pop.heavy
    content = policy.content_support * theta["activity_boost_content_support"]
    share_boost = 1.0 + policy.share_permission * theta["activity_boost_share_permission"] + content
    ban = 1.0 - policy.work_time_ban * theta["work_time_ban_activity"]
    shares = (levels >= ENGAGED) * (
        column(theta["shares_per_engaged_month"] * share_boost * ban) * heavy
    )
    posts = (levels == CREATOR) * (
        column(theta["posts_per_creator_month"] * (1.0 + content) * ban) * heavy
    )
    return shares.astype(F32), posts.astype(F32)


def confidentiality_protection(policy: Policy, theta: Theta) -> np.ndarray:
    """Share of leaks prevented by confidentiality rules (more when explained)."""
    if not policy.confidentiality_rules:
        return np.zeros_like(theta["confidentiality_reduction"])
    return (
        theta["confidentiality_reduction"]
        + policy.explain_rules * theta["explained_extra_reduction"]
    )


def leak_rate(
    pop: Population,
    policy: Policy,
    posts: np.ndarray,
    critic: np.ndarray,
    reactant: np.ndarray,
    theta: Theta,
) -> np.ndarray:
    """Expected leaks per year per employee: accidental (own posts) + deliberate. (R, N)."""
    visual = 1.0 - policy.visual_guidelines * theta["visual_guidelines_reduction"]
    accidental = posts * column(12.0 * theta["accidental_leak_per_post"] * visual)
    deliberate = column(theta["deliberate_leak_rate"]) * (
        1.0 + (column(theta["critic_leak_multiplier"]) - 1.0) * critic
    )
    deliberate *= 1.0 + (column(theta["reactance_leak_multiplier"]) - 1.0) * reactant
    protection = column(1.0 - confidentiality_protection(policy, theta))
    return (accidental + deliberate) * protection * pop.sensitive_access


def chat_incident_rate(
    pop: Population, policy: Policy, public_scrutiny: float, theta: Theta
) -> np.ndarray:
    """Expected public chat-group incidents per year, summed over employees (R,)."""
    distrust = np.maximum(F32(0), -pop.centred("trust"))[pop.chat_member]
    per_member = np.exp(column(theta["chat_grievance_slope"]) * distrust).sum(axis=1)
    factor = theta["chat_incident_rate"] * (
        1.0 - policy.chat_group_norms * theta["chat_norms_reduction"]
    )
    if policy.platform_scope != "all":
        factor = factor * theta["chat_out_of_scope_multiplier"]
    publicity = np.maximum(0.0, 1.0 + theta["scrutiny_publicity_slope"] * (public_scrutiny - 0.5))
    return per_member * factor * publicity


def vacancy_sharing(
    levels: np.ndarray, reactant: np.ndarray, policy: Policy, theta: Theta
) -> np.ndarray:
    """P(shares vacancies) per employee: spontaneous, more when asked; engaged+ only."""
    rate = theta["vacancy_spontaneous"]
    if asks_to_share(policy):
        rate = rate + theta["vacancy_when_asked"]
    among_engaged = np.minimum(1.0, rate / theta["base_p_engaged"])
    willing = (levels >= ENGAGED) & ~(reactant & asks_to_share(policy))
    return willing * column(among_engaged)
