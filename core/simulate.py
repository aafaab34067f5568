"""Monte Carlo over parameter uncertainty and behaviour, with common random numbers.

One seed fixes everything: the population, one parameter draw per run, the
per-employee noise (drawn in chunks whose boundaries depend only on the
sizes), and the count draws (inverse CDF, so counts move monotonically with
their rates). Two scenarios simulated with one run context therefore share
every random draw and differ only by their inputs: the difference is the
policy. A result carries the context (and so the parameter set) behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.special import ndtri, pdtr

from core import behaviour as bh
from core import reach
from core.context import DEFAULT_RUNS, DEFAULT_SEED, MAX_RUNS, RunContext, streams
from core.metrics import COMPARED, HEADLINE, is_share
from core.population import Population
from core.scenario import PLATFORMS, Scenario
from core.threads import one_native_thread
from core.year import GROUP_STATES, Prepared, simulate_chunk

__all__ = [
    "DEFAULT_RUNS",
    "DEFAULT_SEED",
    "MAX_RUNS",
    "SimulationResult",
    "is_share",
    "simulate",
]

CELLS_PER_CHUNK = 1 << 21  # employees x runs per chunk: bounds memory
WORKERS = 2
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
    "followers_share",
    "likers_share",
    "sharers_share",
    "proactivists_share",
    "very_active_share",
    "unprompted_creators_share",
    "regretted_post_share",
    "vacancy_sharers_share",
    "trained_share",
    "mean_reactance",
    "p_restriction_public_year",
    "careless_leak_share",
    "monthly_recruitment_clicks_index",
    "expected_negative_posts",
    "expected_chat_incidents",
    "expected_restriction_public",
    "expected_sensitive_leaks",
    "p_chat_incident_year",
)
# What each metric means and how it is shown lives in core.metrics (one vocabulary).
HEADLINE_METRICS = HEADLINE
COMPARED_METRICS = COMPARED

SHARE_METRICS = frozenset(m for m in METRICS if is_share(m))


def summarise(values: np.ndarray) -> dict[str, float]:
    """Mean and the 10th, 50th and 90th percentiles of per-run values."""
    p10, p50, p90 = np.percentile(values, [10, 50, 90])
    return {"mean": float(np.mean(values)), "p10": float(p10), "p50": float(p50), "p90": float(p90)}


@dataclass(frozen=True)
class SimulationResult:
    """Per-run values of every metric, with breakdowns; summaries on demand."""

    scenario: Scenario
    context: RunContext
    simulated_employees: int
    metrics: dict[str, np.ndarray]
    platform_impressions: np.ndarray  # (R, P) monthly impressions per platform
    level_impressions: dict[str, np.ndarray]  # "engaged", "creator": (R,)
    groups: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)

    @property
    def seed(self) -> int:
        return self.context.seed

    @property
    def runs(self) -> int:
        return self.context.runs

    @property
    def params(self):
        """The parameter set that produced this result."""
        return self.context.params

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


def _chunks(n_employees: int, runs: int) -> list[tuple[int, int]]:
    size = max(1, CELLS_PER_CHUNK // max(1, n_employees))
    return [(r0, min(runs, r0 + size)) for r0 in range(0, runs, size)]


def _prepare(scenario: Scenario, pop: Population, theta: dict, context: RunContext) -> Prepared:
    onehot = None
    if pop.group is not None and pop.group_names:
        onehot = (pop.group[:, None] == np.arange(len(pop.group_names))[None, :]).astype(F32)
    point = context.params["heavy_network_multiplier"].value
    networks = reach.networks(pop)
    return Prepared(
        pop=pop,
        policy=scenario.policy,
        theta=theta,
        heavy_network_ratio=theta["heavy_network_multiplier"] / point,
        terms=bh.policy_terms(scenario.policy, theta),
        traits=bh.ambassador_traits(pop),
        coefficients=bh.ambassador_coefficients(theta),
        networks=networks,
        access=pop.sensitive_access.astype(F32),
        access_classes=networks.onehot * pop.sensitive_access[:, None],
        skill=pop.centred("social_media_skill"),
        identification=pop.centred("identification"),
        soil=(pop.centred("voice") + pop.centred("trust")) / 2,
        identifies=pop.construct("identification") > 3.0,
        group_onehot=onehot,
        public_scrutiny=scenario.organisation.public_scrutiny,
    )


def _counts(rate: np.ndarray, uniforms: np.ndarray) -> np.ndarray:
    """Poisson counts by inverse CDF: a higher rate never gives fewer events.

    The smallest k with P(X <= k) >= u, started from the normal approximation
    and stepped to the exact value (scipy.stats would cost a third of a
    second of start-up for this one function).
    """
    u = np.clip(uniforms, 1e-12, 1 - 1e-12)
    m = np.where(rate > 0, rate, 1.0)
    k = np.maximum(0.0, np.floor(m + np.sqrt(m) * ndtri(u)))
    while True:
        down = (k > 0) & (pdtr(k - 1, m) >= u)
        up = pdtr(k, m) < u
        if not (down.any() or up.any()):
            break
        k = k - down + up
    return np.where(rate > 0, k, 0.0)


def parameter_draws(context: RunContext) -> dict[str, np.ndarray]:
    """The per-run parameter values a simulation with ``context`` uses (same stream)."""
    sampled = context.params if context.uncertainty else context.params.fixed()
    return sampled.draw(np.random.default_rng(streams(context.seed)[1]), context.runs)


def simulate(scenario: Scenario, context: RunContext | None = None) -> SimulationResult:
    """Simulate one year of the scenario ``context.runs`` times.

    Without a context, the defaults apply with the scenario's own seed.
    """
    context = context or RunContext.for_scenario(scenario)
    _, _, behaviour_seed, count_seed = streams(context.seed)
    population = context.population(scenario)
    theta = parameter_draws(context)
    prep = _prepare(scenario, population, theta, context)
    bounds = _chunks(population.size, context.runs)
    seeds = behaviour_seed.spawn(len(bounds))
    jobs = [(*b, s) for b, s in zip(bounds, seeds, strict=True)]
    one_native_thread()
    if len(jobs) == 1:  # small work: no threads to start
        parts = [simulate_chunk(prep, *jobs[0])]
    else:  # our own threads split the runs
        with ThreadPoolExecutor(WORKERS) as pool:
            parts = list(pool.map(lambda job: simulate_chunk(prep, *job), jobs))
    return _assemble(scenario, context, prep, parts, count_seed)


def _stack(parts: Sequence[dict], key: str) -> np.ndarray:
    return np.concatenate([np.asarray(p[key], dtype=float) for p in parts], axis=0)


def _assemble(
    scenario: Scenario,
    context: RunContext,
    prep: Prepared,
    parts: Sequence[dict],
    count_seed: np.random.SeedSequence,
) -> SimulationResult:
    org, theta, pop = scenario.organisation, prep.theta, prep.pop
    n, scale, runs = pop.size, pop.scale, context.runs
    share = {k: _stack(parts, k) / n for k in ("follow", "like", "share", "post", "vacancy")}
    factors = reach.audience_factors(theta, context.params)
    views = theta["views_per_reached"]
    creator_people = (_stack(parts, "creator_platform") * factors).sum(axis=1) * scale
    engaged_people = (_stack(parts, "engaged_platform") * factors).sum(axis=1) * scale
    platform_people = (_stack(parts, "creator_platform") + _stack(parts, "engaged_platform")) * (
        factors * scale
    )
    people = creator_people + engaged_people
    pool = reach.distinct_pool(
        _stack(parts, "active_connections") * scale * theta["monthly_reach_share"],
        org.employees,
        theta["distinct_audience_per_employee"],
    )
    vacancy_posts = np.minimum(org.open_vacancies, theta["vacancy_shares_per_month"])
    recruit_people = (_stack(parts, "vacancy_platform") * factors).sum(axis=1)
    recruit_people *= vacancy_posts * scale
    critics = _stack(parts, "critics")
    exposure = bh.size_exposure(org.employees, theta) * np.exp(theta["org_effect_risk"])
    deliberate = _stack(parts, "deliberate") / n * exposure
    careless = _stack(parts, "careless") / n * exposure
    mean_state = _stack(parts, "state") / n
    restriction = (
        theta["restriction_public_rate"]
        * mean_state
        * (
            scenario.policy.no_work_posts
            + scenario.policy.work_time_ban * theta["restriction_ban_weight"]
        )
    )
    restriction *= exposure / theta["leak_reference_headcount"]
    restriction *= bh.scrutiny_factor(org.public_scrutiny, theta)
    leak_rate = deliberate + careless  # the restriction going public is its own incident
    chat_rate = _stack(parts, "chat_rate") * scale
    u_counts = np.random.default_rng(count_seed).random((3, runs))
    trained = _stack(parts, "trained") / n
    regret = theta["regret_per_poster"] * (1 - trained * theta["training_regret_reduction"])
    creators = _stack(parts, "post")
    authentic = (
        1.0
        - (scenario.policy.ambassador_programme == "mandatory") * theta["mandatory_inauthenticity"]
    )
    metrics = {
        "ambassadors_passive": _stack(parts, "passive") / n,
        "ambassadors_engaged": _stack(parts, "engaged") / n,
        "ambassadors_creators": share["post"],
        "critics_share": critics / n,
        "monthly_impressions": people * views,
        "monthly_unique_reach": reach.unique_reach(people, pool),
        "monthly_recruitment_reach": reach.unique_reach(recruit_people, pool),
        "negative_posts_per_year": _counts(
            critics * scale * theta["negative_posts_per_critic"], u_counts[0]
        ),
        "sensitive_leaks_per_year": _counts(leak_rate, u_counts[1]),
        "p_sensitive_leak_year": -np.expm1(-leak_rate),
        "expected_sensitive_leaks": leak_rate,
        "chat_incidents_per_year": _counts(chat_rate, u_counts[2]),
        "expected_negative_posts": critics * scale * theta["negative_posts_per_critic"],
        "expected_chat_incidents": chat_rate,
        "p_chat_incident_year": -np.expm1(-chat_rate),
        "reactance_share": _stack(parts, "reactant") / n,
        "always_on_share": _stack(parts, "exhausted") / n,
        "followers_share": share["follow"],
        "likers_share": share["like"],
        "sharers_share": share["share"],
        "proactivists_share": _stack(parts, "proactive") / n,
        "very_active_share": _stack(parts, "very_active") / n,
        "unprompted_creators_share": _stack(parts, "unprompted") / np.maximum(creators, 1),
        "regretted_post_share": _stack(parts, "posters") / n * regret,
        "vacancy_sharers_share": share["vacancy"],
        "trained_share": trained,
        "mean_reactance": mean_state,
        "p_restriction_public_year": -np.expm1(-restriction),
        "expected_restriction_public": restriction,
        "careless_leak_share": np.divide(
            careless, leak_rate, out=np.zeros_like(leak_rate), where=leak_rate > 0
        ),
        "monthly_recruitment_clicks_index": recruit_people
        * views
        * reach.click_multiplier(org.employees, theta)
        * authentic,
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
        context=context,
        simulated_employees=n,
        metrics=metrics,
        platform_impressions=platform_people * views[:, None],
        level_impressions={"engaged": engaged_people * views, "creator": creator_people * views},
        groups=groups,
    )


def difference(a: SimulationResult, b: SimulationResult) -> dict[str, dict[str, float]]:
    """Per-run differences b - a, summarised (meaningful with common random numbers)."""
    if a.runs != b.runs or a.seed != b.seed:
        raise ValueError("compare results simulated with the same seed and runs")
    return {name: summarise(b.metrics[name] - a.metrics[name]) for name in a.metrics}
