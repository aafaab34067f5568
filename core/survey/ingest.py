"""The survey pipeline: read -> detect -> protect -> map -> score.

``ingest(data, filename)`` takes the uploaded bytes (never a path: nothing
is written to disk) and returns a :class:`SurveyResult` the simulation can
use instead of the scenario's climate block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from core.context import SurveySource
from core.i18n import translate
from core.scenario import CONSTRUCTS
from core.survey import likert, privacy
from core.survey.errors import SurveyError
from core.survey.formats import FORMAT_LABELS, Table, table_from_grid, table_from_sav
from core.survey.mapping import (
    AUTO_CONFIDENCE,
    BEHAVIOURS,
    ItemMapping,
    Mapping,
    MappingFile,
    Suggestion,
    apply_mapping_file,
    suggest_mapping,
)
from core.survey.privacy import (
    DEFAULT_THRESHOLD,
    GroupRow,
    ReleasePlan,
    check_threshold,
)
from core.survey.reading import (
    MAX_BYTES,
    check_size,
    read_csv_grid,
    read_sav,
    read_xlsx_grid,
    sniff_kind,
)
from core.survey.review import (
    MAX_GROUP_LEVELS,
    ColumnReview,
    check_overrides,
    content_reason,
    metadata_name,
    name_reason,
    review_kind,
)
from core.survey.scoring import (
    LOW_ALPHA,
    BehaviourSummary,
    ConstructSummary,
    behaviour_indicator,
    scores_frame,
    summarise_behaviour,
    summarise_construct,
)
from core.threads import one_native_thread

if TYPE_CHECKING:  # scikit-learn loads with the item fit, when a survey is read
    from core.survey.itemfit import Anchor, ItemEvidence

ITEM_KINDS = ("likert", "numeric_scale", "binary")
SCALE_KINDS = ("likert", "numeric_scale")
CORE_BEHAVIOURS = ("follows", "likes_shares", "posts_work", "posted_criticism")
HIDDEN_CONSTRUCT = {"mean": None, "sd": None, "alpha": None}  # on fewer answers than the threshold


@dataclass
class SurveyResult:
    """Everything Serre learned from one export, with identifying data removed."""

    format: str
    encoding: str | None
    delimiter: str | None
    respondents: int
    dropped_columns: dict[str, str]  # column -> reason ("identifying" or "free_text")
    metadata_columns: list[str]
    mapping: Mapping
    suggestions: list[Suggestion]
    questions: dict[str, str]
    kinds: dict[str, likert.ColumnKind]
    unmapped: list[str]
    group_candidates: list[str]
    constructs: dict[str, ConstructSummary]
    behaviours: dict[str, BehaviourSummary]
    scores: pd.DataFrame  # respondents x (constructs + behaviours), no identifying data
    groups: pd.DataFrame  # respondents x grouping columns (kept in memory only)
    threshold: int
    warnings: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    reviews: list[ColumnReview] = field(default_factory=list)  # every column, with its reason
    evidence: dict[str, ItemEvidence] = field(default_factory=dict)  # what the answers said
    _plans: dict[int, ReleasePlan] = field(default_factory=dict, repr=False, compare=False)

    @property
    def format_label(self) -> str:
        return FORMAT_LABELS.get(self.format, self.format)

    def mapping_file(self) -> MappingFile:
        """The mapping in use as a template: targets, question texts, what stays unmapped."""
        return self.mapping.to_file(self.questions, self.unmapped)

    def missing_behaviours(self) -> list[str]:
        """The model's behaviours no question measured: ask them next time."""
        return [b for b in CORE_BEHAVIOURS if not self.behaviours[b].items]

    def construct_matrix(self) -> np.ndarray:
        """(respondents, 6) scores in CONSTRUCTS order, NaN where not measured."""
        return self.scores[list(CONSTRUCTS)].to_numpy(dtype=float)

    def heavy_users(self) -> np.ndarray | None:
        """Per respondent: heavy social media user, when the survey asked."""
        if "platform_use" not in self.scores or self.scores["platform_use"].isna().all():
            return None
        return self.scores["platform_use"].fillna(0).to_numpy() >= 1

    def source(
        self,
        group: np.ndarray | None = None,
        group_names: tuple[str, ...] = (),
        rows: np.ndarray | None = None,
    ) -> SurveySource:
        """The respondents as a population source for a run context (resampled to headcount).

        ``rows`` keeps only some respondents (``group`` then has one label per kept row).
        """
        scores, heavy = self.construct_matrix(), self.heavy_users()
        if rows is not None:
            scores = scores[rows]
            heavy = heavy[rows] if heavy is not None else None
        return SurveySource(scores, heavy=heavy, group=group, group_names=group_names)

    def group_column(self, name: str) -> str:
        """A grouping column by its id or its question text (any case)."""
        wanted = name.strip().lower()
        for column in self.groups.columns:
            if wanted in (column.lower(), self.questions.get(column, column).strip().lower()):
                return column
        labels = [self.questions.get(c, c) for c in self.groups.columns]
        raise SurveyError("survey.unknown_group", column=name, allowed=", ".join(labels) or "-")

    def measured(self) -> list[str]:
        """The constructs this survey measured."""
        return [c for c in CONSTRUCTS if self.constructs[c].n_items > 0]

    def release(self, threshold: int | None = None) -> ReleasePlan:
        """Which group means every breakdown may show (decided once over all columns)."""
        threshold = check_threshold(threshold or self.threshold)
        if threshold not in self._plans:
            self._plans[threshold] = privacy.release_plan(
                self.scores, self.groups, self.measured(), threshold
            )
        return self._plans[threshold]

    def breakdown(self, group: str, threshold: int | None = None) -> list[GroupRow]:
        """Construct means per group; cells on too few answers, and their complements, hidden."""
        column = self.group_column(group)
        threshold = threshold or self.threshold
        return privacy.breakdown(
            self.scores,
            self.groups,
            column,
            self.measured(),
            threshold,
            self.release(threshold),
        )

    def persona_cells(self, personas: np.ndarray) -> dict[str, list[bool]]:
        """Per construct, which persona means may be shown beside every breakdown."""
        return privacy.persona_cells(
            self.scores,
            self.groups,
            self.measured(),
            personas,
            self.threshold,
            self.release(),
        )

    def shown_construct(self, construct: str) -> bool:
        """The overall numbers of a construct rest on at least the threshold of answers."""
        return self.constructs[construct].respondents >= self.threshold

    def shown_behaviour(self, behaviour: str) -> bool:
        return self.behaviours[behaviour].respondents >= self.threshold

    def warning_texts(self, lang: str = "en") -> list[str]:
        return [translate(key, lang, **params) for key, params in self.warnings]

    def to_dict(self, lang: str = "en", group: str | None = None) -> dict[str, Any]:
        """The JSON contract of ``python -m core ingest --json``."""
        out: dict[str, Any] = {
            "format": self.format,
            "format_label": self.format_label,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "respondents": self.respondents,
            "threshold": self.threshold,
            "constructs": {
                c: s.to_dict() | ({} if self.shown_construct(c) else HIDDEN_CONSTRUCT)
                for c, s in self.constructs.items()
            },
            "behaviours": {
                b: s.to_dict() | ({} if self.shown_behaviour(b) else {"share": None})
                for b, s in self.behaviours.items()
            },
            "mapping": {
                c: {**m.model_dump(exclude_none=True), "confidence": self.mapping.confidence.get(c)}
                for c, m in self.mapping.items.items()
            },
            "unmapped": self.unmapped,
            "group_candidates": self.group_candidates,
            "dropped_columns": [
                {"column": c, "reason": r} for c, r in self.dropped_columns.items()
            ],
            "metadata_columns": self.metadata_columns,
            "review": [r.to_dict() for r in self.reviews],
            "evidence": {c: e.__dict__ for c, e in self.evidence.items()},
            "missing_behaviours": self.missing_behaviours(),
            "warnings": self.warning_texts(lang),
        }
        if group is not None:
            out["breakdown"] = {
                "group": group,
                "threshold": self.threshold,
                "rows": [r.__dict__ for r in self.breakdown(group)],
            }
        return out


def read_table(data: bytes, filename: str, max_bytes: int = MAX_BYTES) -> Table:
    """Bytes to a :class:`Table`, detecting the file kind and the survey tool."""
    check_size(data, max_bytes)
    kind = sniff_kind(data, filename)
    if kind == "xlsx":
        table = table_from_grid(read_xlsx_grid(data))
    elif kind == "sav":
        table = table_from_sav(read_sav(data))
    else:
        table = table_from_grid(read_csv_grid(data))
    return table


def _respondent_rows(table: Table, answer_columns: list[str]) -> pd.DataFrame:
    frame = table.frame
    if not answer_columns:
        raise SurveyError("survey.no_questions")
    answered = np.zeros(len(frame), bool)
    for column in answer_columns:  # each distinct cell is looked at once
        codes, uniques = pd.factorize(frame[column].to_numpy(dtype=object))
        written = np.array([str(u).strip() != "" for u in uniques] + [False])
        answered |= written[codes]
    return frame.loc[answered].reset_index(drop=True)


def _review_headings(
    table: Table, drop: tuple[str, ...], keep: tuple[str, ...], confirm_keep: bool
) -> dict[str, ColumnReview]:
    """Identifying (by heading, then content) and metadata columns, and the user's choices."""
    reviews: dict[str, ColumnReview] = {}
    for col in table.columns:
        question = table.questions.get(col, col)
        reason = name_reason(col, question)
        if reason:
            reviews[col] = ColumnReview(col, question, "drop", reason)
        elif metadata_name(col, question):
            reviews[col] = ColumnReview(col, question, "metadata", "metadata")
        elif reason := content_reason(table.frame[col]):
            reviews[col] = ColumnReview(col, question, "drop", reason)
    check_overrides(reviews, keep, confirm_keep)
    for col in keep:
        if col in reviews and reviews[col].decision == "drop":
            del reviews[col]  # reviewed again by what it holds, marked as the user's choice
    for col in drop:
        if col in table.columns:
            reviews[col] = ColumnReview(col, table.questions.get(col, col), "drop", "user", True)
    return reviews


def _dropped_reason(review: ColumnReview) -> str:
    if review.identifying:
        return "identifying"
    return review.reason if review.reason in ("free_text", "user") else "identifying"


def _sample_texts(series: pd.Series, limit: int = 300) -> list[str]:
    """Up to ``limit`` non-empty answers (free text is judged on what was written)."""
    out = []
    for value in series.head(5000):
        text = str(value).strip()
        if text and likert.normalise(text) not in likert.MISSING_TOKENS:
            out.append(text)
            if len(out) >= limit:
                break
    return out


def ingest(
    data: bytes,
    filename: str = "upload.csv",
    mapping_file: MappingFile | None = None,
    threshold: int = DEFAULT_THRESHOLD,
    max_bytes: int = MAX_BYTES,
    drop: tuple[str, ...] = (),
    keep: tuple[str, ...] = (),
    confirm_keep: bool = False,
) -> SurveyResult:
    """Read, review, map and score one survey export held in memory.

    ``drop`` removes more columns; ``keep`` un-drops columns the review
    dropped, which for an identifying column needs ``confirm_keep``.
    Native thread pools are held to one thread (the cores are shared).
    """
    one_native_thread()
    return _ingest(data, filename, mapping_file, threshold, max_bytes, drop, keep, confirm_keep)


def _ingest(
    data: bytes,
    filename: str,
    mapping_file: MappingFile | None,
    threshold: int,
    max_bytes: int,
    drop: tuple[str, ...],
    keep: tuple[str, ...],
    confirm_keep: bool,
) -> SurveyResult:
    threshold = check_threshold(threshold)
    table = read_table(data, filename, max_bytes)
    warnings = list(table.warnings)
    reviews = _review_headings(table, tuple(drop), tuple(keep), confirm_keep)
    metadata = [c for c, r in reviews.items() if r.decision == "metadata"]
    remaining = [c for c in table.columns if c not in reviews]
    frame = _respondent_rows(table, remaining)
    n = len(frame)
    if n < threshold:
        raise SurveyError("survey.too_few_respondents", n=n, threshold=threshold)

    answers = {c: likert.distinct_answers(frame[c]) for c in remaining}
    kinds = {c: likert.classify(answers[c], n, _sample_texts(frame[c])) for c in remaining}
    if all(kinds[c].kind == "empty" for c in remaining):
        raise SurveyError("survey.all_missing")
    levels = {c: len(answers[c]) for c in remaining}  # distinct answers, blanks left out
    for col in remaining:
        r = review_kind(col, table.questions.get(col, col), kinds[col], levels.get(col, 0), n)
        reviews[col] = ColumnReview(r.column, r.question, r.decision, r.reason, col in keep)
    dropped = {c: _dropped_reason(r) for c, r in reviews.items() if r.decision == "drop"}
    candidates = [
        c for c in remaining if kinds[c].kind in (*ITEM_KINDS, "category") and c not in dropped
    ]
    mapping, suggestions = suggest_mapping(table.questions, candidates)
    values, variants = _score_columns(
        frame, [c for c in candidates if kinds[c].kind in ITEM_KINDS], kinds, answers, mapping
    )
    evidence = _fit_items(values, kinds, suggestions, mapping)
    if mapping_file is not None:
        warnings += apply_mapping_file(mapping, mapping_file, table.columns, table.questions)
    for col, item in list(mapping.items.items()):
        if col in dropped:
            del mapping.items[col]  # identifying columns never enter the analysis
        elif item.target == "group" and not _groupable(kinds[col], levels.get(col, 0), n):
            warnings.append(("survey.warn_not_a_group", {"column": col}))
            del mapping.items[col]  # free text or many levels: a group of one person each
        elif item.target not in ("group", "ignore") and kinds[col].kind not in ITEM_KINDS:
            warnings.append(("survey.warn_not_a_scale", {"column": col}))
            del mapping.items[col]
        elif item.target in CONSTRUCTS and kinds[col].kind == "binary":
            warnings.append(("survey.warn_not_a_scale", {"column": col}))
            del mapping.items[col]  # yes/no answers are not a 1..5 scale
    points = {c: m.points for c, m in mapping.items.items() if m.points}
    if points:  # the user's scale length for numeric items
        rescored, _ = _score_columns(frame, list(points), kinds, answers, mapping)
        values |= rescored

    warnings += unknown_label_warnings(
        frame, {c: v for c, v in variants.items() if c in mapping.items}, answers
    )
    constructs: dict[str, ConstructSummary] = {}
    construct_values: dict[str, np.ndarray] = {}
    for construct in CONSTRUCTS:
        items = [c for c in mapping.columns_for(construct) if c in values]
        reversed_items = {c for c in items if mapping.items[c].reverse}
        c_summary, c_scores = summarise_construct(construct, values, items, reversed_items)
        constructs[construct] = c_summary
        construct_values[construct] = c_scores if items else np.full(n, np.nan)
        warnings += _construct_warnings(c_summary, kinds, variants)
    if all(s.n_items == 0 for s in constructs.values()):
        warnings.append(("survey.warn_no_constructs", {}))
    elif all(s.mean is None for s in constructs.values() if s.n_items):
        raise SurveyError("survey.all_missing")

    behaviours: dict[str, BehaviourSummary] = {}
    behaviour_values: dict[str, np.ndarray] = {}
    for behaviour in BEHAVIOURS:
        indicators = {
            c: behaviour_indicator(values[c], kinds[c].kind, kinds[c].family, behaviour)
            for c in mapping.columns_for(behaviour)
            if c in values
        }
        b_summary, indicator = summarise_behaviour(behaviour, indicators)
        behaviours[behaviour] = b_summary
        behaviour_values[behaviour] = indicator if indicators else np.full(n, np.nan)

    scores = scores_frame(construct_values)
    for behaviour, indicator in behaviour_values.items():
        scores[behaviour] = indicator
    group_columns = mapping.columns_for("group")
    categories = [c for c in remaining if reviews[c].decision == "group" and c not in dropped]
    group_candidates = list(dict.fromkeys(group_columns + categories))
    mapped = set(mapping.items)
    unmapped = [c for c in candidates if c not in mapped and kinds[c].kind in ITEM_KINDS]
    return SurveyResult(
        format=table.format,
        encoding=table.encoding,
        delimiter=table.delimiter,
        respondents=n,
        dropped_columns=dropped,
        metadata_columns=metadata,
        mapping=mapping,
        suggestions=suggestions,
        questions={c: table.questions[c] for c in candidates},
        kinds=kinds,
        unmapped=unmapped,
        group_candidates=group_candidates,
        constructs=constructs,
        behaviours=behaviours,
        scores=scores,
        groups=frame[group_candidates].astype(str).reset_index(drop=True),
        threshold=threshold,
        warnings=warnings,
        reviews=[reviews[c] for c in table.columns if c in reviews],
        evidence=evidence,
    )


def _groupable(kind: likert.ColumnKind, levels: int, n: int) -> bool:
    """Only categorical answers with few levels can form groups."""
    return kind.kind not in ("free_text", "number", "empty") and 2 <= levels <= min(
        MAX_GROUP_LEVELS, max(2, n // 2)
    )


def _fit_items(
    values: dict[str, np.ndarray],
    kinds: dict[str, likert.ColumnKind],
    suggestions: list[Suggestion],
    mapping: Mapping,
) -> dict[str, ItemEvidence]:
    """The answers decide which construct each scale item measures (see core.survey.itemfit)."""
    by_column = {s.column: s for s in suggestions}
    other = set(BEHAVIOURS) | {"group", "ignore"}
    items = [
        c
        for c in values
        if kinds[c].kind in SCALE_KINDS
        and not (by_column[c].target in other and by_column[c].confidence >= AUTO_CONFIDENCE)
    ]
    if len(items) < 2:
        return {}
    from core.survey.itemfit import ItemMapper  # scikit-learn: about a second, on first use

    anchors: list[Anchor] = [
        (s.target, s.reverse, s.confidence) if s.target in CONSTRUCTS else (None, False, 0.0)
        for s in (by_column[c] for c in items)
    ]
    X = np.column_stack([values[c] for c in items])
    mapper = ItemMapper(anchors).fit(X)
    evidence = dict(zip(items, mapper.evidence_, strict=True))
    for col, ev in evidence.items():
        if ev.target is not None and ev.confidence >= AUTO_CONFIDENCE:
            mapping.items[col] = ItemMapping(target=ev.target, reverse=ev.reverse)
            mapping.confidence[col] = ev.confidence
        elif col in mapping.items and mapping.items[col].target in CONSTRUCTS:
            del mapping.items[col]  # the answers do not back the wording
            mapping.confidence.pop(col, None)
    return evidence


def _score_columns(
    frame: pd.DataFrame,
    items: list[str],
    kinds: dict[str, likert.ColumnKind],
    answers: dict[str, set[str]],
    mapping: Mapping,
) -> tuple[dict[str, np.ndarray], dict[str, likert.ScaleVariant]]:
    """Every item on 1..5; label scales chosen per family across the file."""
    by_family: dict[str, set[str]] = {}
    for col in items:
        family = kinds[col].family
        if kinds[col].kind == "likert" and family:
            by_family.setdefault(family, set()).update(answers[col])
    variants = {f: likert.choose_variant(f, a) for f, a in by_family.items()}
    values, used = {}, {}
    for col in items:
        kind = kinds[col]
        points = mapping.items[col].points if col in mapping.items else None
        if points and kind.kind == "numeric_scale":
            kind = likert.ColumnKind("numeric_scale", points=points, minimum=kind.minimum)
        variant = variants.get(kind.family) if kind.family else None
        values[col] = likert.score_column(frame[col], kind, variant)
        if variant:
            used[col] = variant
    return values, used


def unknown_label_warnings(
    frame: pd.DataFrame,
    variants: dict[str, likert.ScaleVariant],
    answers: dict[str, set[str]],
) -> list[tuple[str, dict[str, Any]]]:
    """Per scale column, the answers its scale could not read (now missing), with counts."""
    out = []
    for col, variant in variants.items():
        unknown = likert.unknown_answers(variant.family, variant, answers[col])
        if not unknown:
            continue
        rows = int(frame[col].dropna().map(likert.normalise).isin(unknown).sum())
        shown = ", ".join(f"'{u}'" for u in sorted(unknown)[:3])
        more = len(unknown) - min(len(unknown), 3)
        out.append(
            (
                "survey.warn_unknown_labels",
                {"column": col, "labels": shown, "more": more, "n": rows},
            )
        )
    return out


def _construct_warnings(
    summary: ConstructSummary,
    kinds: dict[str, likert.ColumnKind],
    variants: dict[str, likert.ScaleVariant],
) -> list[tuple[str, dict[str, Any]]]:
    c = summary.construct
    if summary.n_items == 0:
        return [("survey.warn_construct_missing", {"construct": c})]
    out: list[tuple[str, dict[str, Any]]] = []
    scales = {
        (variants[i].family, variants[i].points)
        if i in variants
        else (kinds[i].kind, kinds[i].points)
        for i in summary.items
    }
    if len(scales) > 1:
        out.append(
            ("survey.warn_mixed_scales", {"construct": c, "items": ", ".join(summary.items)})
        )
    if summary.alpha is not None and summary.alpha < LOW_ALPHA:
        out.append(("survey.warn_low_alpha", {"construct": c, "alpha": f"{summary.alpha:.2f}"}))
    if summary.n_items == 1:
        out.append(("survey.warn_single_item", {"construct": c}))
    if summary.excluded:
        out.append(("survey.warn_excluded", {"construct": c, "n": summary.excluded}))
    return out
