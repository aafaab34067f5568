"""The answer an executive asks for: what to change, and what it does, in plain units.

One recommendation becomes one sentence's worth of facts: how many levers
change, the four numbers a board reads (people reached a month, staff who
post about work, the chance of at least one leak this year, staff who feel
they must always be reachable) for today and the recommended mix, the first
moves and the three strongest reasons. Counts are in people of this
organisation, not shares; changes are run by run (common random numbers),
so a band says how sure the change is, not how noisy each mix is.

Pure data: the pages, the board note and the deck format it in their language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.decision import Comparison
from core.levers import LEVER_VALUES
from core.metrics import metric
from core.reasons import Reason
from core.recommend import Move, Recommendation
from core.simulate import SimulationResult, difference

STRONGEST_REASONS = 3


@dataclass(frozen=True)
class Band:
    """A mean with its P10-P90 range (8 in 10 simulated years fall inside)."""

    mean: float
    p10: float
    p90: float

    @classmethod
    def of(cls, summary: dict[str, float], scale: float = 1.0) -> Band:
        return cls(summary["mean"] * scale, summary["p10"] * scale, summary["p90"] * scale)

    @property
    def crosses_zero(self) -> bool:
        """Whether the range holds both a gain and a loss (a change that is not sure)."""
        return self.p10 < 0 < self.p90


@dataclass(frozen=True)
class Pair:
    """One plain-unit figure for today and for the recommended mix."""

    key: str  # "reach", "posters", "leak_chance", "always_on"
    unit: str  # "people_month", "staff", "probability"
    today: Band
    recommended: Band
    change: Band  # recommended minus today, run by run
    higher_is_better: bool

    @property
    def relative(self) -> float:
        """The change as a share of today (0 when today is zero)."""
        return self.change.mean / self.today.mean if self.today.mean else 0.0


@dataclass(frozen=True)
class LeverChange:
    lever: str
    today: Any
    recommended: Any


@dataclass(frozen=True)
class Answer:
    organisation: dict[str, str]  # the organisation's name per language
    employees: int
    changes: list[LeverChange]
    pairs: list[Pair]
    first_moves: list[Move]
    reasons: list[Reason]
    versus_today: Comparison  # net value a year in EUR, recommended minus today
    cap_met: bool
    runs: int

    def name(self, lang: str) -> str:
        return self.organisation.get(lang, next(iter(self.organisation.values())))

    def pair(self, key: str) -> Pair:
        return next(p for p in self.pairs if p.key == key)


# key, metric, unit, scaled to people (which way is better comes from core.metrics)
FIGURES: tuple[tuple[str, str, str, bool], ...] = (
    ("reach", "monthly_unique_reach", "people_month", False),
    ("posters", "ambassadors_creators", "staff", True),
    ("leak_chance", "p_sensitive_leak_year", "probability", False),
    ("always_on", "always_on_share", "staff", True),
)


def figure_pairs(before: SimulationResult, after: SimulationResult, employees: int) -> list[Pair]:
    today, recommended = before.summary(), after.summary()
    paired = difference(before, after) if before.runs == after.runs else None
    out = []
    for key, name, unit, per_head in FIGURES:
        scale = float(employees) if per_head else 1.0
        if paired is not None:
            change = Band.of(paired[name], scale)
        else:  # no common runs: the change of the means, without a band of its own
            delta = (after.metrics[name].mean() - before.metrics[name].mean()) * scale
            change = Band(float(delta), float(delta), float(delta))
        out.append(
            Pair(
                key,
                unit,
                Band.of(today[name], scale),
                Band.of(recommended[name], scale),
                change,
                metric(name).better > 0,
            )
        )
    return out


def _strongest(rec: Recommendation, changed: set[str]) -> list[Reason]:
    """Material reasons, the levers that change first, by the value at stake."""
    material = [r for r in rec.reasons if r.material or r.cap_bound]
    ranked = sorted(
        material,
        key=lambda r: (r.lever not in changed, -abs(r.value_change["mean"])),
    )
    return ranked[:STRONGEST_REASONS]


def answer(
    rec: Recommendation,
    before: SimulationResult | None = None,
    after: SimulationResult | None = None,
) -> Answer:
    """The answer for ``rec``'s organisation (its before and after share one seed).

    ``before`` and ``after`` (today and the recommended mix, simulated with one
    context) replace the search's own sample, so a page shows the same figures
    as the pages beside it.
    """
    before = before if before is not None else rec.before
    after = after if after is not None else rec.after
    today = rec.scenario.policy
    changes = [
        LeverChange(lever, getattr(today, lever), getattr(rec.policy, lever))
        for lever in LEVER_VALUES
        if getattr(today, lever) != getattr(rec.policy, lever)
    ]
    employees = rec.scenario.organisation.employees
    return Answer(
        organisation={lang: rec.scenario.organisation_name(lang) for lang in ("en", "nl")},
        employees=employees,
        changes=changes,
        pairs=figure_pairs(before, after, employees),
        first_moves=rec.first_moves,
        reasons=_strongest(rec, {c.lever for c in changes}),
        versus_today=rec.versus_today,
        cap_met=rec.cap_met,
        runs=before.runs,
    )


__all__ = ["Answer", "Band", "LeverChange", "Pair", "answer"]
