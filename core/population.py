"""Employees as arrays: the seam between the inputs and the behaviour model.

A :class:`Population` is either drawn synthetically from a scenario's
climate (correlated constructs, heavy users, platforms, networks, access,
chat groups) or built from survey respondents resampled to headcount. The
behaviour model only ever sees a Population, never where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from scipy.special import ndtri

from core.parameters import ParameterSet
from core.scenario import CONSTRUCTS, PLATFORMS, Climate, Organisation

MIDPOINT = 3.0
SCALE_LOW, SCALE_HIGH = 1.0, 5.0
MAX_SIMULATED = 100_000


@dataclass(frozen=True)
class Population:
    """N simulated employees standing in for ``headcount`` real ones."""

    constructs: np.ndarray  # (N, 6) float32 on 1..5, columns in CONSTRUCTS order
    heavy: np.ndarray  # (N,) bool: heavy social media user
    on_platform: np.ndarray  # (N, P) bool
    network: np.ndarray  # (N, P) float32 connections, 0 where absent
    sensitive_access: np.ndarray  # (N,) bool
    chat_member: np.ndarray  # (N,) bool: member of a work chat group
    headcount: int
    reactance_trait: np.ndarray  # (N,) float32 trait reactance, median 1 (lognormal)
    openness: np.ndarray  # (N,) float32 uniform: willingness to post about work at all
    keenness: np.ndarray  # (N,) float32 uniform: eagerness to take up voluntary offers
    group: np.ndarray | None = None  # (N,) int persona label, when known
    group_names: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return int(self.heavy.shape[0])

    @property
    def scale(self) -> float:
        """Real employees per simulated one (counts are multiplied by it)."""
        return self.headcount / self.size

    def construct(self, name: str) -> np.ndarray:
        return self.constructs[:, CONSTRUCTS.index(name)]

    def centred(self, name: str) -> np.ndarray:
        """Construct minus the scale midpoint (0 = neutral)."""
        return self.construct(name) - np.float32(MIDPOINT)


def simulated_size(headcount: int, requested: int | None = None) -> int:
    """How many employees to simulate: the headcount, capped, or as asked."""
    n = headcount if requested is None else requested
    return int(max(1, min(n, MAX_SIMULATED)))


def construct_correlation(params: ParameterSet) -> np.ndarray:
    """The 6x6 correlation matrix of the constructs from ``corr_a_b`` parameters."""
    corr = np.eye(len(CONSTRUCTS))
    for name, p in params.items():
        if not name.startswith("corr_"):
            continue
        pair = name.removeprefix("corr_")
        for a in CONSTRUCTS:
            if pair.startswith(a + "_") and pair[len(a) + 1 :] in CONSTRUCTS:
                i, j = CONSTRUCTS.index(a), CONSTRUCTS.index(pair[len(a) + 1 :])
                corr[i, j] = corr[j, i] = p.value
    return corr


def _draw_constructs(
    climate: Climate, n: int, params: ParameterSet, rng: np.random.Generator
) -> np.ndarray:
    chol = np.linalg.cholesky(construct_correlation(params))
    z = rng.standard_normal((n, len(CONSTRUCTS))) @ chol.T
    means = np.array([getattr(climate, c).mean for c in CONSTRUCTS])
    sds = np.array([getattr(climate, c).sd for c in CONSTRUCTS])
    return np.clip(means + sds * z, SCALE_LOW, SCALE_HIGH).astype(np.float32)


def _light_probability(share: np.ndarray, heavy_share: float, odds_ratio: float) -> np.ndarray:
    """Presence probability of light users so the overall share stays ``share``."""
    lo, hi = np.zeros_like(share), share.copy()
    for _ in range(40):  # bisection, vectorised over platforms
        mid = (lo + hi) / 2
        odds = odds_ratio * mid / np.maximum(1 - mid, 1e-12)
        p_heavy = odds / (1 + odds)
        total = heavy_share * p_heavy + (1 - heavy_share) * mid
        lo = np.where(total < share, mid, lo)
        hi = np.where(total < share, hi, mid)
    return (lo + hi) / 2


def _attach_traits(
    constructs: np.ndarray,
    organisation: Organisation,
    headcount: int,
    params: ParameterSet,
    rng: np.random.Generator,
    heavy: np.ndarray | None = None,
) -> Population:
    """Draw everything but the climate: heavy use, platforms, networks, access, chats."""
    n = constructs.shape[0]
    skill = constructs[:, CONSTRUCTS.index("social_media_skill")]
    rho = params["heavy_skill_correlation"].value
    noise = rng.standard_normal(n)
    if heavy is None:
        skill_z = (skill - skill.mean()) / (skill.std() + 1e-9)
        latent = rho * skill_z + np.sqrt(1 - rho**2) * noise
        share = organisation.heavy_user_share
        heavy = latent > ndtri(1 - share) if 0 < share < 1 else np.full(n, share >= 1)
    heavy = heavy.astype(bool)

    shares = np.array([getattr(organisation.platforms, p) for p in PLATFORMS])
    odds_ratio = params["heavy_platform_odds"].value
    p_light = _light_probability(shares, float(heavy.mean()), odds_ratio)
    odds_heavy = odds_ratio * p_light / np.maximum(1 - p_light, 1e-12)
    p_heavy = odds_heavy / (1 + odds_heavy)
    p_on = np.where(heavy[:, None], p_heavy[None, :], p_light[None, :])
    on_platform = rng.random((n, len(PLATFORMS))) < p_on

    medians = np.array([params[f"network_median_{p}"].value for p in PLATFORMS])
    sigmas = np.array([params[f"network_sigma_{p}"].value for p in PLATFORMS])
    size = np.exp(np.log(medians) + sigmas * rng.standard_normal((n, len(PLATFORMS))))
    size *= np.where(heavy, params["heavy_network_multiplier"].value, 1.0)[:, None]
    network = np.where(on_platform, size, 0.0).astype(np.float32)

    access = np.asarray(rng.random(n) < organisation.sensitive_access_share)
    chats = np.asarray(rng.random(n) < organisation.work_chat_groups)
    sigma = params["reactance_trait_sigma"].value
    trait = np.exp(sigma * rng.standard_normal(n)).astype(np.float32)
    openness, keenness = rng.random((2, n), dtype=np.float32)
    return Population(
        constructs=constructs,
        heavy=heavy,
        on_platform=on_platform,
        network=network,
        sensitive_access=access,
        chat_member=chats,
        headcount=headcount,
        reactance_trait=trait,
        openness=openness,
        keenness=keenness,
    )


def synthetic_population(
    organisation: Organisation,
    climate: Climate,
    params: ParameterSet,
    rng: np.random.Generator,
    n: int | None = None,
) -> Population:
    """Employees drawn from the scenario's climate (means, sds, correlations).

    The number of random draws depends on ``n`` only, so two scenarios of one
    size share their draws and differ only by their inputs.
    """
    size = simulated_size(organisation.employees, n)
    constructs = _draw_constructs(climate, size, params, rng)
    return _attach_traits(constructs, organisation, organisation.employees, params, rng)


def population_from_scores(
    organisation: Organisation,
    climate: Climate,
    scores: np.ndarray,
    params: ParameterSet,
    rng: np.random.Generator,
    n: int | None = None,
    heavy: np.ndarray | None = None,
    group: np.ndarray | None = None,
    group_names: tuple[str, ...] = (),
) -> Population:
    """Employees resampled from survey respondents' construct scores.

    ``scores`` is (respondents, 6) on 1..5 in CONSTRUCTS order; a NaN (a
    construct the survey did not measure) is filled from the climate block.
    ``heavy`` and ``group`` are optional per-respondent arrays.
    """
    scores = np.asarray(scores, dtype=float)
    if scores.ndim != 2 or scores.shape[1] != len(CONSTRUCTS) or scores.shape[0] == 0:
        raise ValueError("scores must be a non-empty (respondents, 6) array")
    size = simulated_size(organisation.employees, n)
    pick = rng.integers(0, scores.shape[0], size)
    fallback = _draw_constructs(climate, size, params, rng)
    chosen = scores[pick]
    constructs = np.where(np.isnan(chosen), fallback, np.clip(chosen, SCALE_LOW, SCALE_HIGH))
    pop = _attach_traits(
        constructs.astype(np.float32),
        organisation,
        organisation.employees,
        params,
        rng,
        heavy=None if heavy is None else np.asarray(heavy, dtype=bool)[pick],
    )
    if group is None:
        return pop
    return replace(pop, group=np.asarray(group)[pick], group_names=group_names)
