"""One simulated year for a chunk of runs: every employee's behaviours, activity and risk.

:func:`simulate_chunk` turns the prepared inputs and one chunk's noise into
per-run sums (counts, exposures, leak rates). It is the only place where
the behaviour functions are put together, in the order the mechanisms act:
reactance and exhaustion, disposition, the separate behaviours, the rules
people follow or defy, then activity, reach exposure and leaks.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np

from core import behaviour as bh
from core import reach
from core.behaviour import column as col
from core.population import Population

F32 = np.float32
N_NORMALS = 6  # exhaustion, common, follow and like, share and vacancy, post, critic
GROUP_STATES = ("creators", "engaged_or_more", "critics", "reactant", "always_on")


@dataclass(frozen=True)
class Prepared:
    """Everything computed once per simulation, shared by all chunks."""

    pop: Population
    policy: Any
    theta: dict[str, np.ndarray]
    heavy_network_ratio: np.ndarray  # (R,) drawn / point heavy network multiplier
    terms: bh.PolicyTerms
    traits: np.ndarray
    coefficients: np.ndarray
    networks: reach.Networks
    access: np.ndarray  # (N,) float32 1 for sensitive access
    access_classes: np.ndarray  # (N, C) class one-hot for employees with access
    skill: np.ndarray  # (N,) centred social media skill
    identification: np.ndarray  # (N,) centred identification
    soil: np.ndarray  # (N,) mean of centred voice and trust: the soil the greenhouse needs
    identifies: np.ndarray  # (N,) identification above the midpoint
    group_onehot: np.ndarray | None
    public_scrutiny: float


NOISE_MEMO_VALUES = 16_000_000  # float32 values kept for reuse (64 MB)
_noise_memo: OrderedDict[tuple[Any, ...], tuple[np.ndarray, np.ndarray]] = OrderedDict()
_noise_lock = threading.Lock()


def _noise(seed: np.random.SeedSequence, runs: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """A chunk's normals and uniforms, drawn once per seed and reused read-only.

    Common random numbers: every candidate mix of a search and every bar of a
    sensitivity chart simulates with the same seed, so they all need these same
    numbers; drawing them again was a quarter of a search's time. Small draws
    are kept (bounded, least recently used out first); large ones are not.
    """
    key = (seed.entropy, seed.spawn_key, seed.pool_size, runs, n)
    with _noise_lock:
        if key in _noise_memo:
            _noise_memo.move_to_end(key)
            return _noise_memo[key]
    g = np.random.Generator(np.random.PCG64(seed))
    drawn = g.standard_normal((N_NORMALS, runs, n), dtype=F32), g.random((runs, n), dtype=F32)
    size = (N_NORMALS + 1) * runs * n
    if size <= NOISE_MEMO_VALUES // 4:
        for array in drawn:
            array.flags.writeable = False  # shared between simulations: nobody may write
        with _noise_lock:
            _noise_memo[key] = drawn
            while sum(z.size + u.size for z, u in _noise_memo.values()) > NOISE_MEMO_VALUES:
                _noise_memo.popitem(last=False)
    return drawn


def simulate_chunk(
    prep: Prepared, r0: int, r1: int, seed: np.random.SeedSequence
) -> dict[str, Any]:
    """Simulate runs r0..r1 for every employee; return per-run sums."""
    pop, policy = prep.pop, prep.policy
    th = {k: v[r0:r1] for k, v in prep.theta.items()}
    terms = prep.terms.rows(r0, r1)
    z, comply_u = _noise(seed, r1 - r0, pop.size)
    rho = th["behaviour_correlation"]

    # States: reactance (continuous) and exhaustion.
    has_threat = bool(np.any(terms.threat > 0))
    if has_threat:
        state = bh.reactance_state(pop, terms.threat, th)
    else:
        state = np.zeros((r1 - r0, pop.size), dtype=F32)
    exhausted = bh.occurs(bh.exhaustion_logit(pop, policy, th), z[0])
    disposition = bh.disposition(prep.traits, prep.coefficients[r0:r1], terms, th)
    disposition += col(th["exhaustion_ambassadorship"]) * exhausted
    lower = col(-bh.r_to_logodds(th["reactance_compliance_r"])) * state if has_threat else 0.0

    # Separate, correlated behaviours.
    def base(name: str, shift: Any = 0.0) -> np.ndarray:
        return col(bh.logit(th[name]) + shift)

    follow = bh.occurs(base("base_p_follow") + disposition, bh.correlated(z[1], z[2], rho))
    # Liking is nested in following, sharing vacancies in sharing: one noise each pair.
    like = bh.occurs(base("base_p_like") + disposition, bh.correlated(z[1], z[2], rho))
    share_noise = bh.correlated(z[1], z[3], rho)
    # Soil before greenhouse: stimulation works in proportion to voice and trust.
    grow = bh.greenhouse_growth(prep.soil, policy, th)
    share_latent = base("base_p_share") + disposition - lower
    share_latent += bh.grown(terms.share_shift, grow)
    share = bh.occurs(share_latent, share_noise)
    trained = pop.keenness < col(terms.training_uptake)
    if policy.training == "mandatory":
        trained &= bh.complies(comply_u, th["ban_compliance"], state)
    post_latent = base("base_p_post") + disposition + bh.grown(terms.post_shift, grow)
    post_latent += col(th["beta_skill_posts"]) * prep.skill
    post_latent += col(terms.trained_post_shift) * trained
    if terms.gag:  # posting about work is the forbidden act: reactance pushes it up
        post_latent += col(th["gag_boomerang"]) * state
    elif has_threat:
        post_latent -= lower
    post_noise = bh.correlated(z[1], z[4], rho)
    post = bh.occurs(post_latent, post_noise) & (pop.openness < col(th["post_openness"]))
    if terms.gag:
        post &= ~bh.complies(comply_u, th["gag_compliance"], state)
    unprompted = post & bh.occurs(post_latent - col(terms.encouragement), post_noise)

    critic_latent = bh.critic_logit(pop, policy, state, exhausted, th)
    if terms.asks:  # asking aggrieved staff to advocate, without a voice, backfires
        critic_latent += col(th["ask_backfire"] * terms.asks) * np.maximum(F32(0), -prep.soil)
    sharing: np.ndarray = share
    if terms.mandatory:  # compliers who would not share do the minimum; refusers resent it
        complier = bh.complies(comply_u, th["mandatory_compliance"], state)
        forced = complier & ~share
        sharing = share + forced * col(th["forced_share_frequency"])
        share = share | forced
        critic_latent += col(th["mandatory_resentment"]) * ~complier
    critic = bh.occurs(critic_latent, z[5])
    vacancy = bh.occurs(
        base("vacancy_spontaneous") + bh.grown(terms.vacancy_shift, grow) + disposition - lower,
        share_noise,
    )

    # Levels from behaviours: creator > engaged > passive.
    engaged_any = like | share | vacancy
    engaged_only = engaged_any & ~post
    passive = follow & ~engaged_any & ~post

    # Activity per month and exposure of connections, summed by class of employee.
    net = prep.networks
    heavy_activity = reach.class_scale(net, th["heavy_activity_multiplier"])
    network_scale = reach.class_scale(net, prep.heavy_network_ratio[r0:r1])
    active_scale = heavy_activity * network_scale
    to_linkedin = reach.linkedin_allocation(net, th["linkedin_work_weight"])
    if terms.ban:  # compliers stop sharing during work time; own posts move to the evening
        ban_complier = bh.complies(comply_u, th["ban_compliance"], state)
        sharing = sharing * (1.0 - ban_complier * bh.work_time_share(pop, th))
    authentic = 1.0 - terms.mandatory * th["mandatory_inauthenticity"]
    share_rate = (
        th["shares_per_engaged_month"]
        * (1.0 + policy.content_support * th["activity_boost_content_support"])
        * th["share_audience_ratio"]
        * authentic
    )
    like_rate = th["likes_per_month"] * th["like_audience_ratio"]

    def exposure(indicator: np.ndarray, scale: np.ndarray) -> np.ndarray:
        return reach.platform_exposure(reach.class_exposure(indicator, net), to_linkedin, scale)

    creator_exposure = exposure(post, active_scale) * col(th["posts_per_creator_month"])
    other_exposure = exposure(sharing, active_scale) * col(share_rate)
    other_exposure += exposure(like, active_scale) * col(like_rate)
    vacancy_rate = th["share_audience_ratio"] * authentic
    vacancy_exposure = exposure(vacancy, network_scale) * col(vacancy_rate)
    active = ((post | share | like).astype(F32) @ net.connections * network_scale).sum(axis=1)

    # Leaks: deliberate disclosure and careless own posts, on covered channels or not.
    protect = col(terms.confidentiality)
    access = prep.access
    care = np.exp(-col(th["identification_care"]) * prep.identification)
    deliberate = 1.0 + (col(th["critic_leak_multiplier"]) - 1.0) * critic
    if has_threat:
        deliberate = deliberate * np.exp(col(th["reactance_leak"]) * state) * care
    else:
        deliberate = deliberate * care
    deliberate_rate = th["deliberate_leak_rate"] * (
        1.0 - terms.confidentiality * bh.deliberate_coverage(policy.platform_scope, th)
    )
    posts_at_risk = post * care
    if policy.training != "none":
        posts_at_risk = posts_at_risk * (1.0 - col(th["training_careless_reduction"]) * trained)
    covered = to_linkedin if policy.platform_scope == "professional" else 1.0
    careless_by_class = (posts_at_risk @ prep.access_classes) * heavy_activity
    careless_by_class *= col(th["posts_per_creator_month"]) * (1.0 - protect * covered)
    careless_shares = (sharing.astype(F32) @ prep.access_classes) * heavy_activity
    careless_by_class += careless_shares * col(
        th["shares_per_engaged_month"] * th["share_leak_ratio"]
    )
    careless = careless_by_class.sum(axis=1) * 12.0 * th["careless_leak_per_post"]
    careless *= terms.careless_factor
    reactant = state >= bh.STRONG_REACTANCE if has_threat else np.zeros_like(post)

    def count(x: np.ndarray) -> np.ndarray:
        return np.count_nonzero(x, axis=1)

    out = {
        "follow": count(follow),
        "like": count(like),
        "share": count(share),
        "post": count(post),
        "vacancy": count(vacancy),
        "passive": count(passive),
        "engaged": count(engaged_only),
        "critics": count(critic),
        "reactant": count(reactant),
        "state": state.sum(axis=1, dtype=np.float64),
        "exhausted": count(exhausted),
        "trained": count(trained),
        "creator_platform": creator_exposure,
        "engaged_platform": other_exposure,
        "vacancy_platform": vacancy_exposure,
        "active_connections": active,
        "deliberate": (deliberate @ access) * deliberate_rate,
        "careless": careless,
        "posters": count(post | critic),
        "unprompted": count(unprompted),
        "proactive": count(post & ~critic & ~reactant & prep.identifies),
        "very_active": count(post & pop.heavy),
        "chat_rate": bh.chat_incident_rate(pop, policy, prep.public_scrutiny, th),
    }
    if prep.group_onehot is not None:
        g = prep.group_onehot
        out["groups"] = {
            "creators": post.astype(F32) @ g,
            "engaged_or_more": (post | engaged_any).astype(F32) @ g,
            "critics": critic.astype(F32) @ g,
            "reactant": reactant.astype(F32) @ g,
            "always_on": exhausted.astype(F32) @ g,
        }
    return out
