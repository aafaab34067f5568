"""Everything the survey teaches about this organisation, in one bundle.

Personas (confidentiality-safe), key drivers of each behaviour with a
priority matrix, the behaviour model calibrated to today's observed shares,
and plain-words notes that feed the recommendation's reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.analytics.calibration import BehaviourCalibrator, observed_shares
from core.analytics.drivers import DriverModel, InsufficientData, PriorityCell, priority_matrix
from core.analytics.personas import PersonaModel, persona_label
from core.context import RunContext, SurveySource
from core.i18n import translate
from core.parameters import ParameterSet
from core.scenario import CONSTRUCTS, Scenario
from core.survey.ingest import SurveyResult

OUTCOMES = ("posts_work", "likes_shares", "follows", "posted_criticism")
MIN_FOR_PERSONAS = 20
# construct -> lever whose reason the driver finding supports
LEVER_FOR = {
    "voice": "voice_channels",
    "satisfaction": "voice_channels",
    "always_on": "mute_norms",
    "social_media_skill": "training",
    "identification": "ambassador_programme",
    "trust": "explain_rules",
}


@dataclass
class Insight:
    """Personas, drivers, priorities and calibration for one survey and scenario."""

    personas: PersonaModel | None
    drivers: dict[str, DriverModel] = field(default_factory=dict)
    insufficient: dict[str, tuple[int, int]] = field(default_factory=dict)
    priorities: dict[str, list[PriorityCell]] = field(default_factory=dict)
    calibration: BehaviourCalibrator | None = None
    persona_shown: dict[str, list[bool]] = field(default_factory=dict)  # construct -> persona

    def persona_cell_shown(self, persona: int, construct: str) -> bool:
        """A persona's mean on a construct rests on enough answers and isolates nobody."""
        return self.persona_shown.get(construct, [])[persona : persona + 1] == [True]

    def persona_names(self, lang: str = "en") -> tuple[str, ...]:
        if self.personas is None:
            return ()
        return tuple(persona_label(code, lang) for code in self.personas.names_)

    def params(self, prior: ParameterSet) -> ParameterSet:
        """Calibrated parameters when calibration succeeded, else the priors."""
        if self.calibration is not None and self.calibration.calibrated_:
            return self.calibration.params_
        return prior

    def driver_notes(self, lang: str = "en") -> dict[str, str]:
        """Per lever, what this organisation's drivers say about it (plain words)."""
        notes: dict[str, str] = {}
        for outcome, model in self.drivers.items():
            construct, importance, *_ = model.ranking()[0]
            if importance <= 0:
                continue
            lever = LEVER_FOR.get(construct)
            cell = next(
                (c for c in self.priorities.get(outcome, []) if c.construct == construct), None
            )
            key = (
                "insight.driver_note_priority"
                if cell is not None and cell.priority
                else "insight.driver_note"
            )
            text = translate(
                key,
                lang,
                construct=translate(f"construct.{construct}", lang).lower(),
                behaviour=translate(f"behaviour.{outcome}", lang),
                auc=f"{model.auc_:.2f}",
                score=f"{cell.score:.1f}" if cell else "",
            )
            if lever:
                notes[lever] = (notes[lever] + " " + text) if lever in notes else text
        return notes


def persona_source(result: SurveyResult, insight: Insight | None) -> SurveySource:
    """Survey respondents as a population source, each carrying their persona."""
    personas = insight.personas if insight is not None else None
    if personas is None:
        return result.source()
    return result.source(group=personas.labels_, group_names=tuple(personas.names_))


def analyse(result: SurveyResult, scenario: Scenario, params: ParameterSet, seed: int) -> Insight:
    """Fit personas and drivers, then calibrate today's policy to observed behaviour."""
    matrix = result.construct_matrix()
    measured = ~np.isnan(matrix).all(axis=0)
    personas = None
    rows = (
        ~np.isnan(matrix[:, measured]).all(axis=1)
        if measured.any()
        else np.zeros(len(matrix), bool)
    )
    if measured.sum() >= 2 and rows.sum() >= MIN_FOR_PERSONAS and rows.all():
        personas = PersonaModel(min_size=result.threshold, random_state=seed).fit(matrix)
    insight = Insight(personas=personas)
    if personas is not None:
        insight.persona_shown = result.persona_cells(personas.labels_)
    means = {
        c: s.mean
        for c, s in result.constructs.items()
        if s.mean is not None and result.shown_construct(c)
    }
    for outcome in OUTCOMES:
        if outcome not in result.scores or result.scores[outcome].isna().all():
            continue
        try:
            model = DriverModel(random_state=seed, min_per_class=result.threshold).fit(
                matrix, result.scores[outcome].to_numpy(), list(CONSTRUCTS)
            )
        except InsufficientData as exc:
            insight.insufficient[outcome] = (exc.n, exc.minority)
            continue
        insight.drivers[outcome] = model
        importance = {name: imp for name, imp, *_ in model.ranking()}
        insight.priorities[outcome] = priority_matrix(means, importance)
    observed = {  # calibration targets rest on at least the threshold of answers
        target: (share, n)
        for target, (share, n) in observed_shares(result.scores).items()
        if n >= result.threshold
    }
    if observed:
        context = RunContext(params=params, source=persona_source(result, insight), seed=seed)
        insight.calibration = BehaviourCalibrator(random_state=seed).fit(
            observed, scenario, context.sample(scenario)
        )
    return insight
