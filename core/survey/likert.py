"""Answers to numbers: Likert labels in Dutch and English, codes, 'don't know'.

Every answer ends on the 1..5 scale (or missing). Scales are decided per
family for the whole file (all agreement items of a survey share one
scale), so a 5-point item nobody answered 'neutral' on is not mistaken for
a 4-point one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

MISSING_TOKENS = frozenset(
    {
        "",
        "-",
        "nan",
        "don't know",
        "dont know",
        "do not know",
        "don’t know",
        "weet niet",
        "weet ik niet",
        "n.v.t.",
        "n.v.t",
        "nvt",
        "not applicable",
        "n/a",
        "na",
        "geen mening",
        "no opinion",
        "prefer not to say",
        "zeg ik liever niet",
        "unfamiliar (n/a)",
        "niet van toepassing",
    }
)

# Each family lists its variants, shortest first; each variant lists its labels low to high,
# where one position may hold alternative spellings separated by "|".
FAMILIES: dict[str, list[list[str]]] = {
    "agreement": [
        ["strongly disagree", "disagree", "agree", "strongly agree"],
        [
            "strongly disagree",
            "disagree",
            "neither agree nor disagree|neutral|neither|neither agree or disagree",
            "agree",
            "strongly agree",
        ],
        [
            "strongly disagree",
            "disagree",
            "somewhat disagree|slightly disagree",
            "neither agree nor disagree|neutral|neither|neither agree or disagree",
            "somewhat agree|slightly agree",
            "agree",
            "strongly agree",
        ],
    ],
    "agreement_nl": [
        [
            "helemaal oneens|zeer oneens|volledig oneens",
            "oneens",
            "eens",
            "helemaal eens|zeer eens|volledig eens",
        ],
        [
            "helemaal oneens|zeer oneens|volledig oneens",
            "oneens",
            "neutraal|niet eens, niet oneens|niet eens niet oneens|noch eens, noch oneens|noch eens noch oneens",
            "eens",
            "helemaal eens|zeer eens|volledig eens",
        ],
        [
            "helemaal oneens|zeer oneens|volledig oneens",
            "oneens",
            "enigszins oneens|een beetje oneens|eerder oneens",
            "neutraal|niet eens, niet oneens|niet eens niet oneens|noch eens, noch oneens|noch eens noch oneens",
            "enigszins eens|een beetje eens|eerder eens",
            "eens",
            "helemaal eens|zeer eens|volledig eens",
        ],
    ],
    "agreement_codes": [["sd", "d", "n", "a", "sa"]],
    "satisfaction": [
        [
            "very dissatisfied",
            "dissatisfied",
            "neither satisfied nor dissatisfied|neutral",
            "satisfied",
            "very satisfied",
        ],
        [
            "zeer ontevreden|heel ontevreden",
            "ontevreden",
            "neutraal|niet tevreden, niet ontevreden|noch tevreden, noch ontevreden",
            "tevreden",
            "zeer tevreden|heel tevreden",
        ],
    ],
    "frequency": [
        ["never", "rarely", "sometimes", "often", "always|very often"],
        ["nooit", "zelden", "soms", "vaak|dikwijls", "altijd|heel vaak|zeer vaak"],
        [
            "never",
            "less than once a month|rarely",
            "monthly|a few times a month",
            "weekly|a few times a week",
            "daily|several times a day",
        ],
        [
            "nooit",
            "minder dan maandelijks|zelden",
            "maandelijks|enkele keren per maand",
            "wekelijks|enkele keren per week",
            "dagelijks|meerdere keren per dag",
        ],
    ],
    "favourability": [
        [
            "very unfavorably",
            "somewhat unfavorably",
            "neither favorably nor unfavorably (neutral)",
            "somewhat favorably",
            "very favorably",
        ]
    ],
    "extent": [
        [
            "not at all",
            "to a small extent",
            "to some extent",
            "to a large extent",
            "to a very large extent",
        ],
        ["helemaal niet", "in beperkte mate", "enigszins", "in grote mate", "in zeer grote mate"],
    ],
}
# Families that are one scale in two languages (a mixed export answers in both).
SIBLINGS: dict[str, tuple[str, ...]] = {
    "agreement": ("agreement_nl",),
    "agreement_nl": ("agreement",),
}
# A column whose answers are mostly one family's labels is that family; the
# rest become missing for that answer (counted and reported), never the column.
MIN_KNOWN_SHARE = 0.5
MIN_KNOWN_LABELS = 2
# Codes that mean "missing" only inside one family (DETE exports use M for missing).
FAMILY_MISSING: dict[str, frozenset[str]] = {"agreement_codes": frozenset({"m"})}
BINARY = {
    "yes": 1.0, "ja": 1.0, "true": 1.0, "waar": 1.0, "y": 1.0, "j": 1.0,
    "no": 0.0, "nee": 0.0, "false": 0.0, "onwaar": 0.0, "n": 0.0,
}  # fmt: skip
_PREFIX = re.compile(r"^\s*(\d{1,2})\s*(?:[=.:)\-]\s*|\s+)(?=\D)")
_SPACE = re.compile(r"\s+")


def normalise(value: object) -> str:
    """Lower case, single spaces, no surrounding punctuation or number prefix."""
    text = _SPACE.sub(" ", str(value).replace("\xa0", " ")).strip().lower()
    text = _PREFIX.sub("", text)
    return text.strip(" .;")


@dataclass(frozen=True)
class ScaleVariant:
    family: str
    points: int
    lookup: dict[str, int]  # normalised label -> position 1..points


def _variants() -> list[ScaleVariant]:
    out = []
    for family, variants in FAMILIES.items():
        for labels in variants:
            lookup = {}
            for pos, alternatives in enumerate(labels, start=1):
                for label in alternatives.split("|"):
                    lookup[label] = pos
            out.append(ScaleVariant(family, len(labels), lookup))
    return out


VARIANTS = _variants()


@dataclass(frozen=True)
class ColumnKind:
    """What a column holds, decided from its distinct answers."""

    kind: str  # "likert", "numeric_scale", "binary", "number", "category", "free_text", "empty"
    family: str | None = None
    points: int | None = None
    minimum: float | None = None


def distinct_answers(series: pd.Series) -> set[str]:
    """The normalised distinct answers, without missing-value tokens."""
    values = series.to_numpy(dtype=object)
    return {
        v
        for v in (normalise(x) for x in pd.unique(values) if x is not None and x == x)
        if v not in MISSING_TOKENS
    }


def _as_number(text: str) -> float | None:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def classify(answers: set[str], n_rows: int, texts: list[str] | None = None) -> ColumnKind:
    """Decide the kind of one column from its distinct normalised answers."""
    if not answers:
        return ColumnKind("empty")
    numbers = [_as_number(a) for a in answers]
    if all(x is not None for x in numbers):
        values = [x for x in numbers if x is not None]
        low, high = min(values), max(values)
        integral = all(float(x).is_integer() for x in values)
        if integral and low >= 0 and high <= 11 and len(values) >= 2:
            return ColumnKind(
                "numeric_scale", points=_numeric_points(low, high, n_rows), minimum=low
            )
        return ColumnKind("number")
    if answers <= set(BINARY):
        return ColumnKind("binary")
    family = family_of(answers)
    if family is not None:
        return ColumnKind("likert", family=family)
    written = [t for t in (texts or []) if t.strip() and normalise(t) not in MISSING_TOKENS]
    lengths = [len(t) for t in (written or list(answers))]
    # judged on the answers people wrote, however many left it empty
    unique_ratio = (
        len({normalise(t) for t in written}) / len(written)
        if written
        else len(answers) / max(1, n_rows)
    )
    many = len(answers) > max(20, n_rows * 0.5)
    wordy = lengths and np.mean(lengths) > 20
    if many or (unique_ratio >= 0.5 and wordy) or (unique_ratio >= 0.8 and len(written) >= 5):
        return ColumnKind("free_text")
    return ColumnKind("category")


def _numeric_points(low: float, high: float, n_rows: int) -> int:
    if low == 0 and high > 5:
        return 11  # 0..10
    if high <= 4 and n_rows >= 20:
        return 4  # a sizable sample never used 5: a 4-point scale
    if high <= 5:
        return 5
    if high <= 7:
        return 7
    return 10


def family_labels(family: str) -> set[str]:
    """Every label of a family and of its other-language siblings."""
    return {
        label
        for v in VARIANTS
        if v.family == family or v.family in SIBLINGS.get(family, ())
        for label in v.lookup
    }


def family_of(answers: set[str]) -> str | None:
    """The scale family of a column's answers.

    A family holding every answer (in one variant) wins; otherwise the
    family (labels in both languages) that knows most answers, when it knows
    at least half of them: the unknown rest become missing answers, so one
    stray label never costs the whole question.
    """
    for variant in VARIANTS:
        extra = FAMILY_MISSING.get(variant.family, frozenset())
        if (answers - extra) and (answers - extra) <= set(variant.lookup):
            return variant.family
    best, known = None, 0
    for family in FAMILIES:
        if family == "agreement_codes":  # one-letter codes are too easy to hit by chance
            continue
        hits = len(answers & family_labels(family))
        if hits > known:
            best, known = family, hits
    if known >= MIN_KNOWN_LABELS and known >= MIN_KNOWN_SHARE * len(answers):
        return best
    return None


def unknown_answers(family: str, variant: ScaleVariant, answers: set[str]) -> set[str]:
    """The answers a column's scale cannot read (they become missing)."""
    return answers - set(variant.lookup) - FAMILY_MISSING.get(family, frozenset())


def choose_variant(family: str, answers: set[str]) -> ScaleVariant:
    """The scale variant of a family for all answers seen in the file.

    A variant shorter than five points is chosen only when every one of its
    labels was used (a 4-point file shows all four, and never a neutral);
    otherwise the 5-point variant if it holds every answer, else the
    shortest that does.
    """
    answers = answers - FAMILY_MISSING.get(family, frozenset())
    holding = [v for v in VARIANTS if v.family == family and answers <= set(v.lookup)]
    if not holding:  # mixed languages or stray labels: the variant knowing most answers
        own = [v for v in VARIANTS if v.family == family]
        if not own:
            raise ValueError(f"unknown scale family {family}")
        most = max(len(answers & set(v.lookup)) for v in own)
        holding = [v for v in own if len(answers & set(v.lookup)) == most]
        five = [v for v in holding if v.points == 5]
        return _with_siblings(five[0] if five else holding[0])
    for variant in holding:
        if variant.points < 5 and {variant.lookup[a] for a in answers} == set(
            range(1, variant.points + 1)
        ):
            return _with_siblings(variant)
    five = [v for v in holding if v.points == 5]
    return _with_siblings(five[0] if five else holding[0])


def _with_siblings(variant: ScaleVariant) -> ScaleVariant:
    """The variant also reading its family's and siblings' labels of the same length.

    'Agree' and 'Eens' sit at the same position of a 5-point scale, so a
    mixed English/Dutch export reads both.
    """
    lookup: dict[str, int] = {}
    for other in VARIANTS:
        related = other.family == variant.family or other.family in SIBLINGS.get(variant.family, ())
        if related and other.points == variant.points:
            lookup |= other.lookup
    return ScaleVariant(variant.family, variant.points, lookup | variant.lookup)


def rescale(position: np.ndarray, points: int, minimum: float = 1.0) -> np.ndarray:
    """Positions on a ``points`` scale starting at ``minimum`` to the 1..5 scale."""
    if points == 11 and minimum == 0:
        return 1.0 + 4.0 * position / 10.0
    start = 1.0 if minimum >= 1 else minimum
    return 1.0 + 4.0 * (position - start) / (points - 1)


def score_column(series: pd.Series, kind: ColumnKind, variant: ScaleVariant | None) -> np.ndarray:
    """The column on 1..5 (binary on 0/1), NaN where missing or unreadable.

    Each distinct answer is read once, then spread over the rows (fast on
    large exports).
    """
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    per_unique = _score_uniques([normalise(u) for u in uniques], kind, variant)
    per_unique = np.append(per_unique, np.nan)  # code -1 (missing) -> NaN
    return per_unique[codes]


def _score_uniques(texts: list[str], kind: ColumnKind, variant: ScaleVariant | None) -> np.ndarray:
    if kind.kind == "likert" and variant is not None:
        positions = np.array([variant.lookup.get(t, np.nan) for t in texts], dtype=float)
        return rescale(positions, variant.points)
    if kind.kind == "numeric_scale":
        numbers = np.array(
            [_as_number(t) if t not in MISSING_TOKENS else None for t in texts], dtype=float
        )
        minimum = 1.0 if kind.minimum is None else kind.minimum
        return rescale(numbers, kind.points or 5, minimum)
    if kind.kind == "binary":
        return np.array([BINARY.get(t, np.nan) for t in texts], dtype=float)
    return np.full(len(texts), np.nan)
