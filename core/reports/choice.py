"""What a board document is written from: a baseline, a proposal, and the scenarios compared.

The user picks which scenario is "today" and which is proposed (today's
policy, the current mix, the recommended mix or a saved scenario). The deck
and the reports then speak of that pair: the answer (plain-unit figures,
what changes) is built from the two simulations, and when the proposal is
the recommended mix against the today it was searched from, the
recommendation's reasons and roadmap come with it. Pure: no Streamlit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from core.answer import Answer, LeverChange, answer, figure_pairs
from core.decision import compare, yearly_value
from core.levers import LEVER_VALUES
from core.recommend import Recommendation
from core.scenario import Scenario
from core.simulate import SimulationResult
from core.valuation import Valuation


@dataclass(frozen=True)
class Chosen:
    """One scenario as the documents name it, with its simulation."""

    name: str
    result: SimulationResult

    @property
    def scenario(self) -> Scenario:
        return self.result.scenario


@dataclass(frozen=True)
class ExportSet:
    """Everything a board document needs; ``proposal`` is None for a plain comparison."""

    baseline: Chosen
    proposal: Chosen | None
    scenarios: list[Chosen] = field(default_factory=list)  # all compared, baseline first
    recommendation: Recommendation | None = None  # only when the proposal is its mix
    answer: Answer | None = None  # baseline -> proposal in plain units

    @property
    def organisation(self) -> Scenario:
        return self.baseline.scenario

    def organisation_name(self, lang: str) -> str:
        return self.baseline.scenario.organisation_name(lang)


def matches(rec: Recommendation | None, baseline: Scenario, proposal: Scenario) -> bool:
    """Whether ``rec`` is about this pair: searched from this today, proposing this mix."""
    if rec is None:
        return False
    same_org = (
        rec.scenario.organisation == baseline.organisation
        and rec.scenario.climate == baseline.climate
    )
    return same_org and rec.scenario.policy == baseline.policy and rec.policy == proposal.policy


def answer_between(
    baseline: SimulationResult, proposal: SimulationResult, valuation: Valuation | None = None
) -> Answer:
    """The answer for any pair of simulations: figures and lever changes, no reasons.

    Net value is compared run by run when both share their runs (same seed),
    as the recommendation does; reasons and moves exist only for a search.
    """
    before, after = baseline.scenario.policy, proposal.scenario.policy
    changes = [
        LeverChange(lever, getattr(before, lever), getattr(after, lever))
        for lever in LEVER_VALUES
        if getattr(before, lever) != getattr(after, lever)
    ]
    employees = baseline.scenario.organisation.employees
    valuation = valuation or Valuation()
    versus = compare(
        yearly_value(baseline, valuation).net,
        yearly_value(proposal, valuation).net
        if proposal.runs == baseline.runs
        else yearly_value(proposal, valuation).net.mean(),
    )
    return Answer(
        organisation={lang: baseline.scenario.organisation_name(lang) for lang in ("en", "nl")},
        employees=employees,
        changes=changes,
        pairs=figure_pairs(baseline, proposal, employees),
        first_moves=[],
        reasons=[],
        versus_today=versus,
        cap_met=True,
        runs=baseline.runs,
    )


def export_set(
    scenarios: Sequence[tuple[str, SimulationResult]],
    baseline: int = 0,
    proposal: int | None = 1,
    recommendation: Recommendation | None = None,
    valuation: Valuation | None = None,
) -> ExportSet:
    """The documents' subject: ``scenarios[baseline]`` against ``scenarios[proposal]``.

    A proposal equal to the baseline (or None, or out of range) gives a plain
    comparison of the scenarios, without an answer.
    """
    if not scenarios:
        raise ValueError("a document needs at least one scenario")
    chosen = [Chosen(name, result) for name, result in scenarios]
    base = chosen[baseline]
    ordered = [base, *[c for i, c in enumerate(chosen) if i != baseline]]
    if proposal is None or proposal == baseline or not 0 <= proposal < len(chosen):
        return ExportSet(base, None, ordered)
    prop = chosen[proposal]
    rec = recommendation if matches(recommendation, base.scenario, prop.scenario) else None
    ans = answer(rec) if rec is not None else answer_between(base.result, prop.result, valuation)
    return ExportSet(base, prop, ordered, rec, ans)
