"""Monte Carlo over parameter uncertainty and behaviour, with common random numbers.

One seed fixes everything: the population, one parameter draw per run, the
per-employee uniforms (drawn in chunks whose boundaries depend only on the
sizes), and the count draws (inverse CDF, so counts move monotonically with
their rates). Two scenarios simulated with one seed therefore share every
random draw and differ only by their inputs: the difference is the policy.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.stats import poisson

from core import behaviour as bh
from core import reach
from core.parameters import ParameterSet, default_parameters
from core.population import Population, synthetic_population
from core.scenario import PLATFORMS, Scenario

DEFAULT_RUNS = 1000
DEFAULT_SEED = 20231
MAX_RUNS = 20_000
CELLS_PER_CHUNK = 1 << 21  # employees x runs per chunk: bounds memory
WORKERS = 2
N_UNIFORMS = 5
F32 = np.float32

METRICS: tuple[str, ...] = (
    "ambassadors_passive",
    "ambassadors_engaged",
    "ambassadors_creators",
    "critics_share",
    "monthly_impressions",
    "monthly_unique_reach",
    "monthly_recruitment_reach",
    "negative_posts_per_year",
    "sensitive_leaks_per_year",
    "p_sensitive_leak_year",
    "chat_incidents_per_year",
    "reactance_share",
    "always_on_share",
    "proactivists_share",
    "very_active_share",
    "unprompted_creators_share",
    "regretted_post_share",
    "vacancy_sharers_share",
    "monthly_recruitment_clicks_index",
)
# The four numbers that matter first, and the ones compared across scenarios.
HEADLINE_METRICS = (
    "ambassadors_creators",
    "monthly_unique_reach",
    "sensitive_leaks_per_year",
    "always_on_share",
)
COMPARED_METRICS = (
    "ambassadors_creators",
    "ambassadors_engaged",
    "monthly_unique_reach",
    "monthly_recruitment_reach",
    "negative_posts_per_year",
    "p_sensitive_leak_year",
    "chat_incidents_per_year",
    "reactance_share",
    "always_on_share",
)


def is_share(metric: str) -> bool:
    """Shares and probabilities (0..1, shown in percent), as opposed to counts."""
    return metric.endswith("_share") or metric.startswith(("p_", "ambassadors_"))


SHARE_METRICS = frozenset(m for m in METRICS if is_share(m))
GROUP_STATES = ("creators", "engaged_or_more", "critics", "reactant", "always_on")


def summarise(values: np.ndarray) -> dict[str, float]:
    """Mean and the 10th, 50th and 90th percentiles of per-run values."""
    p10, p50, p90 = np.percentile(values, [10, 50, 90])
    return {"mean": float(np.mean(values)), "p10": float(p10), "p50": float(p50), "p90": float(p90)}


@dataclass(frozen=True)
class SimulationResult:
    """Per-run values of every metric, with breakdowns; summaries on demand."""

    scenario: Scenario
    seed: int
    runs: int
    simulated_employees: int
    metrics: dict[str, np.ndarray]
    platform_impressions: np.ndarray  # (R, P) monthly impressions per platform
    level_impressions: dict[str, np.ndarray]  # "engaged", "creator": (R,)
    groups: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)

    def summary(self) -> dict[str, dict[str, float]]:
        return {name: summarise(v) for name, v in self.metrics.items()}

    def platform_summary(self) -> dict[str, dict[str, float]]:
        return {p: summarise(self.platform_impressions[:, i]) for i, p in enumerate(PLATFORMS)}

    def level_summary(self) -> dict[str, dict[str, Any]]:
        shares = {
            "none": 1.0
            - self.metrics["ambassadors_passive"]
            - self.metrics["ambassadors_engaged"]
            - self.metrics["ambassadors_creators"],
            "passive": self.metrics["ambassadors_passive"],
            "engaged": self.metrics["ambassadors_engaged"],
            "creator": self.metrics["ambassadors_creators"],
        }
        out: dict[str, dict[str, Any]] = {}
        for level, share in shares.items():
            impressions = self.level_impressions.get(level, np.zeros(self.runs))
            out[level] = {
                "share": summarise(share),
                "employees": summarise(share * self.scenario.organisation.employees),
                "monthly_impressions": summarise(impressions),
            }
        return out

    def group_summary(self) -> dict[str, dict[str, dict[str, float]]]:
        return {
            g: {k: summarise(v) for k, v in states.items()} for g, states in self.groups.items()
        }

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of ``python -m core simulate --json``."""
        out: dict[str, Any] = {
            "scenario": self.scenario.name,
            "seed": self.seed,
            "runs": self.runs,
            "employees": self.scenario.organisation.employees,
            "simulated_employees": self.simulated_employees,
            "metrics": self.summary(),
            "platforms": {"monthly_impressions": self.platform_summary()},
            "levels": self.level_summary(),
        }
        if self.groups:
            out["groups"] = self.group_summary()
        return out


@dataclass(frozen=True)
class _Prepared:
    """Everything computed once per simulation, shared by all chunks."""

    pop: Population
    scenario: Scenario
    theta: dict[str, np.ndarray]
    traits: np.ndarray
    coefficients: np.ndarray
    thresholds: np.ndarray
    pressure: np.ndarray
    stim: np.ndarray
    encouragement: np.ndarray
    weights: np.ndarray  # (N, P)
    connections: np.ndarray  # (N,) total connections
    group_onehot: np.ndarray | None


def _chunk(prep: _Prepared, r0: int, r1: int, seed: np.random.SeedSequence) -> dict:
    """Simulate runs r0..r1 for every employee; return per-run sums."""
    pop, policy = prep.pop, prep.scenario.policy
    th = {k: v[r0:r1] for k, v in prep.theta.items()}
    u = np.random.Generator(np.random.PCG64(seed)).random(
        (N_UNIFORMS, r1 - r0, pop.size), dtype=F32
    )
    reactant = u[0] < bh.reactance_probability(pop, prep.pressure[r0:r1], th)
    exhausted = bh.bernoulli(bh.exhaustion_logit(pop, policy, th), u[1])
    eta = bh.ambassador_latent(
        prep.traits, prep.coefficients[r0:r1], prep.stim[r0:r1], reactant, exhausted, th
    )
    with np.errstate(divide="ignore"):
        noise = np.log(u[2]) - np.log1p(-u[2])
    s = eta + noise
    thresholds = prep.thresholds[r0:r1]
    levels = bh.ambassador_levels(eta, noise, thresholds)
    # u[3] is each employee's disposition to comply, shared by every rule.
    levels = bh.apply_mandate(
        levels, u[3] < bh.column(th["mandatory_compliance"]), reactant, policy
    )
    levels = bh.apply_gag(levels, u[3] < bh.column(th["gag_compliance"]), reactant, policy)
    critic = bh.bernoulli(bh.critic_logit(pop, policy, reactant, exhausted, th), u[4])

    shares, posts = bh.monthly_activity(levels, pop, policy, th)
    activity = shares + posts
    creator = levels == bh.CREATOR
    engaged_only = levels == bh.ENGAGED
    active = (levels >= bh.ENGAGED).astype(F32)
    vacancy = bh.vacancy_sharing(levels, reactant, policy, th).astype(F32)
    leaks = bh.leak_rate(pop, policy, posts, critic, reactant, th)
    unprompted = creator & (
        s - bh.column(prep.encouragement[r0:r1] + prep.stim[r0:r1]) > thresholds[:, 2:3]
    )
    identifies = pop.construct("identification") > 3.0
    proactive = creator & ~critic & ~reactant & identifies

    out = {
        "count_levels": np.stack([(levels == k).sum(axis=1) for k in range(4)], axis=1),
        "critics": critic.sum(axis=1),
        "reactant": reactant.sum(axis=1),
        "exhausted": exhausted.sum(axis=1),
        "platform": activity @ prep.weights,
        "engaged_platform": (activity * engaged_only) @ prep.weights,
        "creator_platform": (activity * creator) @ prep.weights,
        "active_connections": active @ prep.connections,
        "vacancy_platform": vacancy @ prep.weights,
        "vacancy_sharers": vacancy.sum(axis=1),
        "leak_rate": leaks.sum(axis=1, dtype=np.float64),
        "posters": (creator | critic).sum(axis=1),
        "unprompted": unprompted.sum(axis=1),
        "proactive": proactive.sum(axis=1),
        "very_active": (creator & pop.heavy).sum(axis=1),
        "chat_rate": bh.chat_incident_rate(
            pop, policy, prep.scenario.organisation.public_scrutiny, th
        ),
    }
    if prep.group_onehot is not None:
        g = prep.group_onehot
        out["groups"] = {
            "creators": creator.astype(F32) @ g,
            "engaged_or_more": active @ g,
            "critics": critic.astype(F32) @ g,
            "reactant": reactant.astype(F32) @ g,
            "always_on": exhausted.astype(F32) @ g,
        }
    return out


def _chunks(n_employees: int, runs: int) -> list[tuple[int, int]]:
    size = max(1, CELLS_PER_CHUNK // max(1, n_employees))
    return [(r0, min(runs, r0 + size)) for r0 in range(0, runs, size)]


def _prepare(scenario: Scenario, pop: Population, theta: dict, params: ParameterSet) -> _Prepared:
    policy = scenario.policy
    onehot = None
    if pop.group is not None and pop.group_names:
        onehot = (pop.group[:, None] == np.arange(len(pop.group_names))[None, :]).astype(F32)
    return _Prepared(
        pop=pop,
        scenario=scenario,
        theta=theta,
        traits=bh.ambassador_traits(pop),
        coefficients=bh.ambassador_coefficients(theta),
        thresholds=bh.level_thresholds(theta),
        pressure=bh.restriction_pressure(policy, theta),
        stim=bh.stimulation(policy, theta),
        encouragement=theta["baseline_encouragement"],
        weights=reach.platform_weights(pop, params["linkedin_work_weight"].value),
        connections=pop.network.sum(axis=1).astype(F32),
        group_onehot=onehot,
    )


def _streams(seed: int) -> list[np.random.SeedSequence]:
    """Population, parameters, behaviour and counts: four independent streams."""
    return np.random.SeedSequence(seed).spawn(4)


def population_rng(seed: int) -> np.random.Generator:
    """The generator ``simulate`` uses for the population of this seed."""
    return np.random.default_rng(_streams(seed)[0])


def _counts(rate: np.ndarray, uniforms: np.ndarray) -> np.ndarray:
    """Poisson counts by inverse CDF: a higher rate never gives fewer events."""
    u = np.clip(uniforms, 1e-12, 1 - 1e-12)
    safe = np.where(rate > 0, rate, 1.0)
    return np.where(rate > 0, poisson.ppf(u, safe), 0.0)


def simulate(
    scenario: Scenario,
    runs: int = DEFAULT_RUNS,
    seed: int | None = None,
    employees: int | None = None,
    params: ParameterSet | None = None,
    population: Population | None = None,
    uncertainty: bool = True,
) -> SimulationResult:
    """Simulate one year of the scenario ``runs`` times.

    ``seed`` defaults to the scenario's own seed, then to a fixed default, so
    results are reproducible. ``population`` (e.g. from a survey) replaces
    the synthetic one. ``uncertainty=False`` fixes parameters at their values.
    """
    if not 1 <= runs <= MAX_RUNS:
        raise ValueError(f"runs must be between 1 and {MAX_RUNS}")
    params = params or default_parameters()
    seed = scenario.seed if seed is None else seed
    seed = DEFAULT_SEED if seed is None else seed
    pop_seed, theta_seed, behaviour_seed, count_seed = _streams(seed)
    if population is None:
        population = synthetic_population(
            scenario.organisation,
            scenario.climate,
            params,
            np.random.default_rng(pop_seed),
            employees,
        )
    sampled = params if uncertainty else params.fixed()
    theta = sampled.draw(np.random.default_rng(theta_seed), runs)
    prep = _prepare(scenario, population, theta, params)

    bounds = _chunks(population.size, runs)
    seeds = behaviour_seed.spawn(len(bounds))
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        parts = list(
            pool.map(
                lambda b: _chunk(prep, b[0], b[1], b[2]),
                [(*b, s) for b, s in zip(bounds, seeds, strict=True)],
            )
        )
    return _assemble(scenario, population, prep, parts, runs, seed, count_seed)


def _stack(parts: Sequence[dict], key: str) -> np.ndarray:
    return np.concatenate([np.asarray(p[key], dtype=float) for p in parts], axis=0)


def _assemble(
    scenario: Scenario,
    pop: Population,
    prep: _Prepared,
    parts: Sequence[dict],
    runs: int,
    seed: int,
    count_seed: np.random.SeedSequence,
) -> SimulationResult:
    org, theta, n, scale = scenario.organisation, prep.theta, pop.size, pop.scale
    levels = _stack(parts, "count_levels") / n
    factors = reach.reach_factors(theta, default_parameters())
    platform = _stack(parts, "platform") * factors * scale
    impressions = platform.sum(axis=1)
    pool = reach.distinct_pool(
        _stack(parts, "active_connections") * scale,
        org.employees,
        theta["distinct_audience_per_employee"],
    )
    vacancy_posts = np.minimum(org.open_vacancies, theta["vacancy_shares_per_month"])
    recruitment_impressions = (_stack(parts, "vacancy_platform") * factors).sum(axis=1)
    recruitment_impressions *= vacancy_posts * scale
    critics = _stack(parts, "critics")
    leak_rate = _stack(parts, "leak_rate") * scale
    chat_rate = _stack(parts, "chat_rate") * scale
    posters = _stack(parts, "posters")
    u_counts = np.random.default_rng(count_seed).random((3, runs))
    training = scenario.policy.training != "none"
    regret = theta["regret_per_poster"] * (1 - training * theta["training_regret_reduction"])
    creators = _stack(parts, "count_levels")[:, 3]

    metrics = {
        "ambassadors_passive": levels[:, 1],
        "ambassadors_engaged": levels[:, 2],
        "ambassadors_creators": levels[:, 3],
        "critics_share": critics / n,
        "monthly_impressions": impressions,
        "monthly_unique_reach": reach.unique_reach(impressions, pool),
        "monthly_recruitment_reach": reach.unique_reach(recruitment_impressions, pool),
        "negative_posts_per_year": _counts(
            critics * scale * theta["negative_posts_per_critic"], u_counts[0]
        ),
        "sensitive_leaks_per_year": _counts(leak_rate, u_counts[1]),
        "p_sensitive_leak_year": -np.expm1(-leak_rate),
        "chat_incidents_per_year": _counts(chat_rate, u_counts[2]),
        "reactance_share": _stack(parts, "reactant") / n,
        "always_on_share": _stack(parts, "exhausted") / n,
        "proactivists_share": _stack(parts, "proactive") / n,
        "very_active_share": _stack(parts, "very_active") / n,
        "unprompted_creators_share": _stack(parts, "unprompted") / np.maximum(creators, 1),
        "regretted_post_share": posters / n * regret,
        "vacancy_sharers_share": _stack(parts, "vacancy_sharers") / n,
        "monthly_recruitment_clicks_index": recruitment_impressions
        * theta["employee_click_multiplier"],
    }
    level_impressions = {
        "engaged": (_stack(parts, "engaged_platform") * factors).sum(axis=1) * scale,
        "creator": (_stack(parts, "creator_platform") * factors).sum(axis=1) * scale,
    }
    groups: dict[str, dict[str, np.ndarray]] = {}
    if prep.group_onehot is not None:
        sizes = prep.group_onehot.sum(axis=0)
        for state in GROUP_STATES:
            stacked = np.concatenate([p["groups"][state] for p in parts], axis=0)
            for gi, name in enumerate(pop.group_names):
                if sizes[gi] > 0:
                    groups.setdefault(name, {})[state] = stacked[:, gi] / sizes[gi]
    return SimulationResult(
        scenario=scenario,
        seed=seed,
        runs=runs,
        simulated_employees=n,
        metrics=metrics,
        platform_impressions=platform,
        level_impressions=level_impressions,
        groups=groups,
    )


def difference(a: SimulationResult, b: SimulationResult) -> dict[str, dict[str, float]]:
    """Per-run differences b - a, summarised (meaningful with common random numbers)."""
    if a.runs != b.runs or a.seed != b.seed:
        raise ValueError("compare results simulated with the same seed and runs")
    return {name: summarise(b.metrics[name] - a.metrics[name]) for name in a.metrics}
