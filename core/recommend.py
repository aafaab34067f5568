"""The recommendation as a decision analysis: net value in EUR, confidence, a roadmap.

Every candidate mix is simulated on one fixed sample with one seed (common
random numbers), so two mixes are compared run by run. The search climbs
lever by lever and accepts a change only when it is *materially* better
(paired difference above a tie threshold and beyond three times its standard
error); on a tie the simpler mix wins, which keeps the answer stable across
seeds. Order of concerns: a coherent mix, then the leak cap (met with
protection, never by adding a restriction), then net value a year.

The seed's advice stays as visible guard rails (:mod:`core.guard_rails`);
where a rail overrides what the model would choose, the recommendation says
so. The result carries the decision per lever (material or a tie), the
chance the mix beats today's, the expected regret of the alternatives, and
the first moves ranked by value per euro of first-year effort.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from core.conflicts import Conflict, Thresholds, find_conflicts
from core.context import RunContext
from core.costs import CostSettings, lever_cost
from core.decision import Comparison, compare, expected_regret, yearly_value
from core.guard_rails import Constraint, Override, allowed_values, constraints_for
from core.levers import LEVER, LEVER_VALUES, RESTRICTIVE_LEVERS, SOIL, alternative_value
from core.reasons import FACTS, Reason, facts, lever_sources, measured_effects
from core.scenario import Climate, Organisation, Policy, Scenario, with_policy
from core.simulate import SimulationResult, simulate
from core.valuation import Valuation

SEARCH_RUNS = 64
FINAL_RUNS = 1000
TIE_SHARE = 0.01  # of today's gross yearly value
TIE_FLOOR_EUR = 250.0
MAX_PASSES = 6
FIRST_MOVES = 3
PAIR_MOVES = 6  # the most promising single moves combined in pairs to escape saddles
CAP_TOLERANCE = 0.005  # half a point of leak probability counts as within the cap
SAFETY_PARTNERS = 3  # moves that lower leak risk most, paired with them under a leak cap
EFFORT_FLOOR_EUR = 500.0
RESTRICTIONS_NOT_ADDED = "restrictions_not_added"


# What find_conflicts needs beside the mix: the organisation, its climate, the thresholds.
ConflictContext = tuple[Organisation, Climate, Thresholds]


@dataclass(frozen=True)
class Objective:
    """What the recommendation maximises, in EUR a year, all prices the user's."""

    valuation: Valuation = field(default_factory=Valuation)
    costs: CostSettings = field(default_factory=CostSettings)
    leak_cap: float | None = None  # max P(leak in a year); None: today's level
    thresholds: Thresholds = field(default_factory=Thresholds)

    def __post_init__(self) -> None:
        if self.leak_cap is not None and not 0.0 < self.leak_cap <= 1.0:
            raise ValueError("leak_cap must be a probability above 0")


@dataclass(frozen=True)
class Candidate:
    """One simulated mix: per-run metrics and net value (EUR a year)."""

    policy: Policy
    metrics: dict[str, np.ndarray]
    value: np.ndarray
    gross: np.ndarray

    @property
    def p_leak(self) -> float:
        return float(self.metrics["p_sensitive_leak_year"].mean())

    def means(self) -> dict[str, float]:
        return {k: float(v.mean()) for k, v in self.metrics.items()}


class _Evaluator:
    """Simulates candidate mixes on one shared sample and seed, with a cache."""

    def __init__(self, scenario: Scenario, context: RunContext, objective: Objective) -> None:
        self.scenario, self.context, self.objective = scenario, context, objective
        self.cache: dict[tuple[object, ...], Candidate] = {}

    def __call__(self, policy: Policy) -> Candidate:
        key = tuple(policy.model_dump().values())
        if key not in self.cache:
            result = simulate(with_policy(self.scenario, policy), self.context)
            value = yearly_value(result, self.objective.valuation, self.objective.costs)
            self.cache[key] = Candidate(policy, result.metrics, value.net, value.gross)
        return self.cache[key]


@dataclass(frozen=True)
class Move:
    """One step from today's mix towards the recommendation."""

    lever: str
    value: Any
    gain: Comparison  # EUR a year against the mix before this move
    effort: float  # first-year cost of the move in EUR (money and staff time)
    material: bool
    soil_first: bool  # put first because voice or trust is weak (soil before greenhouse)
    with_levers: tuple[str, ...] = ()  # levers this move changes too, to stay coherent

    @property
    def value_per_euro(self) -> float:
        return self.gain.mean / max(self.effort, EFFORT_FLOOR_EUR)

    def to_dict(self) -> dict[str, Any]:
        return {
            "lever": self.lever,
            "value": self.value,
            "gain_eur": vars(self.gain),
            "first_year_effort_eur": self.effort,
            "value_per_euro": self.value_per_euro,
            "material": self.material,
            "soil_first": self.soil_first,
            "with_levers": list(self.with_levers),
        }


@dataclass(frozen=True)
class Recommendation:
    """The recommended mix with reasons, confidence, roadmap and guard rails."""

    scenario: Scenario
    policy: Policy
    reasons: list[Reason]
    constraints: list[Constraint]
    overrides: list[Override]
    before: SimulationResult
    after: SimulationResult
    conflicts_before: list[Conflict]
    conflicts_after: list[Conflict]
    objective: Objective
    candidates_evaluated: int
    leak_cap: float
    cap_met: bool
    best_leak: float  # the lowest leak probability protection could reach
    versus_today: Comparison  # net value a year, recommended minus today (final runs)
    regret: dict[str, float]  # expected regret (EUR a year) of each alternative
    roadmap: list[Move]
    tie_threshold: float

    @property
    def first_moves(self) -> list[Move]:
        return self.roadmap[:FIRST_MOVES]

    @property
    def optional(self) -> list[str]:
        """Levers whose value makes no material difference (ties), guard rails aside."""
        return [r.lever for r in self.reasons if not r.material and r.constraint is None]

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "scenario": self.scenario.name,
            "policy": self.policy.model_dump(),
            "today": self.scenario.policy.model_dump(),
            "reasons": [r.to_dict(lang) for r in self.reasons],
            "before": self.before.summary(),
            "after": self.after.summary(),
            "value_vs_today_eur": vars(self.versus_today),
            "p_better_than_today": self.versus_today.p_better,
            "expected_regret_eur": self.regret,
            "roadmap": [m.to_dict() for m in self.roadmap],
            "first_moves": [m.lever for m in self.first_moves],
            "optional_levers": self.optional,
            "tie_threshold_eur": self.tie_threshold,
            "conflicts_today": [c.to_dict(lang) for c in self.conflicts_before],
            "conflicts": [c.to_dict(lang) for c in self.conflicts_after],
            "guard_rails": [o.to_dict() for o in self.overrides],
            "leak_cap": self.leak_cap,
            "leak_cap_met": self.cap_met,
            "best_achievable_leak": self.best_leak,
            "candidates_evaluated": self.candidates_evaluated,
            "seed": self.before.seed,
            "runs": self.before.runs,
        }


def _resolve(
    policy: Policy, changed: str, fixed: dict[str, Any], context: ConflictContext
) -> Policy:
    """Make a move coherent: the lever just changed wins over levers it contradicts."""
    defaults = Policy()
    for conflict in find_conflicts(policy, *context):
        if conflict.severity != "conflict":
            continue
        drop = {
            lever: getattr(defaults, lever)
            for lever in conflict.levers
            if lever != changed and lever not in fixed
        }
        policy = policy.model_copy(update=drop)
    return policy


def _complexity(policy: Policy) -> int:
    """How much a mix asks: each lever's step away from its default (graded levers count more)."""
    total = 0
    for lever, values in LEVER_VALUES.items():
        value, default = getattr(policy, lever), LEVER[lever].default
        total += abs(values.index(value) - values.index(default))
    return total


class _Search:
    """Coordinate ascent with paired comparisons, a tie rule and guard rails."""

    def __init__(self, evaluate: _Evaluator, scenario: Scenario, objective: Objective):
        self.evaluate, self.scenario = evaluate, scenario
        org, climate, t = scenario.organisation, scenario.climate, objective.thresholds
        self.context: ConflictContext = (org, climate, t)
        self.constraints = constraints_for(scenario, t)
        self.fixed = {c.lever: c.value for c in self.constraints}
        today = evaluate(scenario.policy)
        self.cap = objective.leak_cap if objective.leak_cap is not None else today.p_leak
        self.threshold = max(TIE_FLOOR_EUR, TIE_SHARE * abs(float(today.gross.mean())))

    def allowed(self, lever: str, rails: bool = True) -> tuple[Any, ...]:
        values = allowed_values(lever, self.fixed, rails)
        if rails and lever in RESTRICTIVE_LEVERS and not getattr(self.scenario.policy, lever):
            values = tuple(v for v in values if not v)  # never add a restriction
        return values

    def coherent(self, policy: Policy) -> bool:
        return not any(c.severity == "conflict" for c in find_conflicts(policy, *self.context))

    def excess(self, c: Candidate) -> float:
        """How far above the leak cap, beyond a tolerance that keeps noise from deciding."""
        return max(0.0, c.p_leak - self.cap - CAP_TOLERANCE)

    def beats(self, a: Candidate, b: Candidate) -> bool:
        """a is better than b: lower leak excess first, then materially more value."""
        ea, eb = self.excess(a), self.excess(b)
        if abs(ea - eb) > 1e-4:
            return ea < eb
        return compare(b.value, a.value).material(self.threshold)

    def ties(self, a: Candidate, b: Candidate) -> bool:
        if abs(self.excess(a) - self.excess(b)) > 1e-4:
            return False
        return compare(b.value, a.value).tie(self.threshold)

    def neighbour(self, policy: Policy, lever: str, value: Any) -> Policy | None:
        """``policy`` with one lever moved and made coherent; None if no move or incoherent."""
        if value == getattr(policy, lever):
            return None
        moved = _resolve(policy.model_copy(update={lever: value}), lever, self.fixed, self.context)
        return moved if self.coherent(moved) else None

    def ascend(self, start: Policy) -> Candidate:
        best = self.evaluate(start)
        for _ in range(MAX_PASSES):
            improved = False
            for lever in LEVER_VALUES:
                for value in self.allowed(lever):
                    policy = self.neighbour(best.policy, lever, value)
                    if policy is None:
                        continue
                    cand = self.evaluate(policy)
                    simpler = _complexity(cand.policy) < _complexity(best.policy)
                    if self.beats(cand, best) or (simpler and self.ties(cand, best)):
                        best, improved = cand, True
            if not improved:
                break
        return best

    def moves(self, best: Candidate) -> list[Candidate]:
        """Every coherent single-lever move from ``best`` the rails allow."""
        found = (
            self.neighbour(best.policy, lever, value)
            for lever in LEVER_VALUES
            for value in self.allowed(lever)
        )
        return [self.evaluate(policy) for policy in found if policy is not None]

    def polish(self, best: Candidate) -> Candidate:
        """Escape saddles: try pairs of promising single moves, then climb again.

        Two levers can each look useless alone and pay together (training off
        and ready content on, which keeps leak risk under the cap). The six
        best single moves by value are paired with each other and with the
        moves that lower leak risk most.
        """
        for _ in range(2):
            base = best
            singles = self.moves(base)
            by_value = sorted(singles, key=lambda c: -float((c.value - base.value).mean()))
            promising = by_value[:PAIR_MOVES]
            safest = sorted(singles, key=lambda c: c.p_leak)[:SAFETY_PARTNERS]
            partners = promising + [c for c in safest if c not in promising]
            firsts = [self._change(base.policy, c.policy) for c in promising]
            seconds = [self._change(base.policy, c.policy) for c in partners]
            for i, first in enumerate(firsts):
                for second in seconds[i + 1 :]:
                    if set(first) & set(second):
                        continue
                    moved = base.policy.model_copy(update={**first, **second})
                    policy = _resolve(moved, next(iter(second)), self.fixed, self.context)
                    if not self.coherent(policy):
                        continue
                    cand = self.evaluate(policy)
                    if self.beats(cand, best):
                        best = cand
            if best is base:
                return best
            best = self.ascend(best.policy)
        return best

    @staticmethod
    def _change(a: Policy, b: Policy) -> dict[str, Any]:
        return {lv: getattr(b, lv) for lv in LEVER_VALUES if getattr(a, lv) != getattr(b, lv)}

    def best_of(self, starts: list[Policy]) -> Candidate:
        found = [self.polish(self.ascend(s)) for s in starts]
        best = found[0]
        for cand in found[1:]:
            simpler = _complexity(cand.policy) < _complexity(best.policy)
            if self.beats(cand, best) or (simpler and self.ties(cand, best)):
                best = cand
        return best

    def overrides(self, best: Candidate) -> list[Override]:
        """Where a guard rail keeps the model from a value it finds materially better."""
        out: list[Override] = []
        rule_of = {c.lever: c.code for c in self.constraints}
        for lever in LEVER_VALUES:
            chosen = getattr(best.policy, lever)
            excluded = {v: r for v, r in LEVER[lever].guard_rails.items() if v != chosen}
            if lever in self.fixed:
                excluded.update({v: rule_of[lever] for v in LEVER[lever].values if v != chosen})
            if lever in RESTRICTIVE_LEVERS and not chosen and True not in self.allowed(lever):
                excluded.setdefault(True, RESTRICTIONS_NOT_ADDED)
            for value, rule in excluded.items():
                moved = best.policy.model_copy(update={lever: value})
                cand = self.evaluate(_resolve(moved, lever, {}, self.context))
                if self.beats(cand, best):
                    gain = compare(best.value, cand.value).mean
                    out.append(Override(lever, rule, value, chosen, gain))
        return out


def _starting_points(today: Policy, search: _Search) -> list[Policy]:
    """Today's mix, no policy, and the seed's greenhouse: three different basins."""
    greenhouse = Policy(
        share_permission=True,
        content_support=True,
        ambassador_programme="voluntary",
        rewards="equal_with_alternatives",
        training="voluntary_certificate",
        voice_channels=True,
        mute_norms=True,
        chat_group_norms=True,
        platform_scope="all",
        vacancy_requests="key_roles",
    )
    out = []
    for policy in (today, Policy(), greenhouse):
        values = policy.model_dump()
        for lever in values:
            allowed = search.allowed(lever)
            if values[lever] not in allowed:
                values[lever] = allowed[0]
        out.append(Policy(**values))
    return out


def _reasons(search: _Search, best: Candidate, params: Any, notes: dict[str, str]) -> list[Reason]:
    """For every lever: facts, guard rail, and the measured effect against its alternative."""
    known = facts(search.scenario)
    out = []
    for lever in LEVER_VALUES:
        chosen = getattr(best.policy, lever)
        other_value = alternative_value(lever, chosen)
        moved = best.policy.model_copy(update={lever: other_value})
        other = search.evaluate(_resolve(moved, lever, {}, search.context))
        change = compare(other.value, best.value)
        constraint = next((c for c in search.constraints if c.lever == lever), None)
        # A value the leak cap requires is decided, whatever its value in EUR.
        cap_bound = search.excess(other) > search.excess(best) + 1e-4
        material = cap_bound or not change.tie(search.threshold)
        for rival in search.allowed(lever):  # a graded lever must also beat its neighbours
            if rival not in (chosen, other_value) and material and not cap_bound:
                moved = best.policy.model_copy(update={lever: rival})
                near = search.evaluate(_resolve(moved, lever, {}, search.context))
                material = not compare(near.value, best.value).tie(search.threshold)
        out.append(
            Reason(
                lever=lever,
                value=chosen,
                alternative=other_value,
                fact=FACTS[lever],
                fact_params=known[FACTS[lever]],
                constraint=constraint.code if constraint else None,
                constraint_params=dict(constraint.params) if constraint else {},
                effect=measured_effects(best.metrics, other.metrics),
                value_change={
                    "mean": change.mean,
                    "p10": change.p10,
                    "p90": change.p90,
                    "p_better": change.p_better,
                },
                material=material,
                sources=lever_sources(lever, params),
                note=notes.get(lever, ""),
                cost_chosen=_yearly_cost(search, lever, chosen, best),
                cost_alternative=_yearly_cost(search, lever, other_value, other),
                cap_bound=cap_bound,
            )
        )
    return out


def _yearly_cost(search: _Search, lever: str, value: Any, cand: Candidate) -> float:
    """The lever's own yearly cost (EUR, setup amortised) in this candidate's simulation."""
    org = search.scenario.organisation
    shares = {
        k: float(cand.metrics[k].mean())
        for k in ("trained_share", "sharers_share", "vacancy_sharers_share")
    }
    costs = search.evaluate.objective.costs
    return float(lever_cost(lever, value, org.employees, org.sector, shares, costs))


def _roadmap(search: _Search, best: Candidate, objective: Objective) -> list[Move]:
    """The moves from today to the recommendation, best value per euro of effort first.

    The first moves are chosen greedily (each measured on top of the previous
    ones); where voice or trust is weak, soil moves go first. The rest follow
    in order of their value on their own.
    """
    scenario = search.scenario
    org, climate, t = scenario.organisation, scenario.climate, objective.thresholds
    weak_soil = climate.voice.mean < t.weak_voice or climate.trust.mean < t.weak_voice
    pending = [
        lv for lv in LEVER_VALUES if getattr(best.policy, lv) != getattr(scenario.policy, lv)
    ]
    current = search.evaluate(scenario.policy)
    moves: list[Move] = []

    def step(lever: str) -> tuple[Candidate, Move]:
        """One move on top of ``current``; levers its coherence drags along come with it."""
        value = getattr(best.policy, lever)
        moved = current.policy.model_copy(update={lever: value})
        policy = _resolve(moved, lever, search.fixed, search.context)
        also = tuple(
            lv
            for lv in LEVER_VALUES
            if lv != lever and getattr(policy, lv) != getattr(current.policy, lv)
        )
        cand = search.evaluate(policy)
        shares = {k: float(cand.metrics[k].mean()) for k in ("trained_share", "sharers_share")}
        shares["vacancy_sharers_share"] = float(cand.metrics["vacancy_sharers_share"].mean())
        effort = sum(
            float(
                lever_cost(
                    lv,
                    getattr(policy, lv),
                    org.employees,
                    org.sector,
                    shares,
                    objective.costs,
                    first_year=True,
                )
            )
            for lv in (lever, *also)
        )
        gain = compare(current.value, cand.value)
        soil = weak_soil and LEVER[lever].kind == SOIL
        move = Move(lever, value, gain, effort, gain.material(search.threshold), soil, also)
        return cand, move

    while pending and len(moves) < FIRST_MOVES:
        options = [step(lever) for lever in pending]
        # A move that drags along a lever the recommendation does not change is not a step.
        clean = [o for o in options if set(o[1].with_levers) <= set(pending)] or options
        clean.sort(key=lambda o: (not o[1].soil_first, -o[1].value_per_euro))
        current, move = clean[0]
        moves.append(move)
        for lever in (move.lever, *move.with_levers):
            if lever in pending:
                pending.remove(lever)
    rest = [step(lever)[1] for lever in pending]
    rest.sort(key=lambda m: -m.gain.mean)
    return moves + rest


def recommend(
    scenario: Scenario,
    objective: Objective | None = None,
    context: RunContext | None = None,
    search_runs: int = SEARCH_RUNS,
    notes: dict[str, str] | None = None,
) -> Recommendation:
    """The best mix within the guard rails, with its confidence and first moves.

    ``context`` sets parameters, population source (e.g. survey respondents),
    seed and the final comparison's runs; the search runs ``search_runs`` on a
    fixed sample of that context. ``notes`` (per lever) come from a survey's
    key drivers and travel with the reasons.
    """
    objective = objective or Objective()
    context = context or RunContext.for_scenario(scenario, runs=FINAL_RUNS)
    evaluate = _Evaluator(scenario, context.sample(scenario, runs=search_runs), objective)
    search = _Search(evaluate, scenario, objective)
    best = search.best_of(_starting_points(scenario.policy, search))
    overrides = search.overrides(best)
    reasons = _reasons(search, best, context.params, notes or {})
    roadmap = _roadmap(search, best, objective)
    alternatives = {
        "today": evaluate(scenario.policy),
        "recommended": best,
        "no_policy": evaluate(Policy()),
        "greenhouse": evaluate(_starting_points(scenario.policy, search)[2]),
    }
    regret = expected_regret({k: c.value for k, c in alternatives.items()})
    lowest = min(c.p_leak for c in evaluate.cache.values() if search.coherent(c.policy))

    before = simulate(scenario, context)
    after = simulate(with_policy(scenario, best.policy), context)
    final_before = yearly_value(before, objective.valuation, objective.costs).net
    final_after = yearly_value(after, objective.valuation, objective.costs).net
    t = objective.thresholds
    return Recommendation(
        scenario=scenario,
        policy=best.policy,
        reasons=reasons,
        constraints=search.constraints,
        overrides=overrides,
        before=before,
        after=after,
        conflicts_before=find_conflicts(
            scenario.policy, scenario.organisation, scenario.climate, t
        ),
        conflicts_after=find_conflicts(best.policy, scenario.organisation, scenario.climate, t),
        objective=objective,
        candidates_evaluated=len(evaluate.cache),
        leak_cap=search.cap,
        cap_met=search.excess(best) <= 0.0,
        best_leak=lowest,
        versus_today=compare(final_before, final_after),
        regret=regret,
        roadmap=roadmap,
        tie_threshold=search.threshold,
    )


def levers_changed(a: Policy, b: Policy) -> list[str]:
    """Levers whose value differs between two mixes."""
    return [lever for lever in LEVER_VALUES if getattr(a, lever) != getattr(b, lever)]
