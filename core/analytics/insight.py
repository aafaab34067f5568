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
    persona_rows: np.ndarray | None = None  # respondents the personas were fit on
    excluded: int = 0  # respondents with no construct answer: left out of personas, reported
    no_distinct_groups: bool = False  # BIC prefers one group: no personas to show

    def persona_labels(self) -> np.ndarray | None:
        """Persona per respondent, -1 for those left out (no construct answer)."""
        if self.personas is None or self.persona_rows is None:
            return None
        labels = np.full(len(self.persona_rows), -1)
        labels[self.persona_rows] = self.personas.labels_
        return labels

    def clear_drivers(self, outcome: str) -> list[str]:
        """The constructs claimed as drivers of ``outcome`` (empty: no clear driver)."""
        model = self.drivers.get(outcome)
        return model.clear_drivers() if model is not None else []

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
            clear = model.clear_drivers()
            if not clear:  # no clear driver: nothing to say about any lever
                continue
            construct = clear[0]
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
    if personas is None or insight is None or insight.persona_rows is None:
        return result.source()
    return result.source(
        group=personas.labels_, group_names=tuple(personas.names_), rows=insight.persona_rows
    )


def analyse(result: SurveyResult, scenario: Scenario, params: ParameterSet, seed: int) -> Insight:
    """Fit personas and drivers, then calibrate today's policy to observed behaviour."""
    matrix = result.construct_matrix()
    measured = ~np.isnan(matrix).all(axis=0)
    rows = (
        ~np.isnan(matrix[:, measured]).all(axis=1)
        if measured.any()
        else np.zeros(len(matrix), bool)
    )
    insight = Insight(personas=None, excluded=int((~rows).sum()) if measured.any() else 0)
    if measured.sum() >= 2 and rows.sum() >= MIN_FOR_PERSONAS:
        model = PersonaModel(min_size=result.threshold, random_state=seed).fit(matrix[rows])
        if model.distinct:
            insight.personas, insight.persona_rows = model, rows
            labels = insight.persona_labels()
            assert labels is not None
            insight.persona_shown = result.persona_cells(labels)
        else:
            insight.no_distinct_groups = True
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
        insight.priorities[outcome] = priority_matrix(means, importance, set(model.clear_drivers()))
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
