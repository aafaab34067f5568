"""Construct scores per respondent, with reliability and honest warnings.

A respondent who answered at least half of a construct's items gets the
rest imputed (core.analytics.imputation) and scores the mean; one who
answered fewer is left out of that construct, counted and reported.
Cronbach's alpha is computed on complete cases. Behaviour items become yes/no indicators.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from core.scenario import CONSTRUCTS

LOW_ALPHA = 0.6
MIN_ANSWERED_SHARE = 0.5
SCALE_TOP = 6.0  # reverse: 6 - x on the 1..5 scale


@dataclass(frozen=True)
class ConstructSummary:
    """What the survey says about one construct."""

    construct: str
    items: tuple[str, ...]
    reversed_items: tuple[str, ...]
    mean: float | None
    sd: float | None
    alpha: float | None
    missing_rate: float
    respondents: int
    excluded: int = 0  # answered fewer than half the items: left out of this construct
    imputed: int = 0  # missing answers imputed for respondents who answered enough
    omega: float | None = None  # McDonald's omega (one factor), from three items

    @property
    def n_items(self) -> int:
        return len(self.items)

    def to_dict(self) -> dict[str, Any]:
        return {
            "mean": self.mean,
            "sd": self.sd,
            "alpha": self.alpha,
            "n_items": self.n_items,
            "items": list(self.items),
            "reversed_items": list(self.reversed_items),
            "missing_rate": self.missing_rate,
            "respondents": self.respondents,
            "excluded": self.excluded,
            "imputed": self.imputed,
            "omega": self.omega,
        }


@dataclass(frozen=True)
class BehaviourSummary:
    """Observed share of respondents showing a behaviour."""

    behaviour: str
    items: tuple[str, ...]
    share: float | None
    respondents: int

    def to_dict(self) -> dict[str, Any]:
        return {"share": self.share, "respondents": self.respondents, "items": list(self.items)}


def cronbach_alpha(matrix: np.ndarray) -> float | None:
    """Alpha on complete cases; None with fewer than 2 items or 3 complete cases."""
    if matrix.ndim != 2 or matrix.shape[1] < 2:
        return None
    complete = matrix[~np.isnan(matrix).any(axis=1)]
    if complete.shape[0] < 3:
        return None
    k = complete.shape[1]
    total_var = complete.sum(axis=1).var(ddof=1)
    if total_var <= 0:
        return None
    item_var = complete.var(axis=0, ddof=1).sum()
    return float(k / (k - 1) * (1 - item_var / total_var))


def summarise_construct(
    construct: str, values: dict[str, np.ndarray], items: list[str], reversed_items: set[str]
) -> tuple[ConstructSummary, np.ndarray]:
    """Scores and summary of one construct, imputing missing answers within limits."""
    from core.analytics.imputation import ConstructImputer

    n = len(next(iter(values.values()))) if values else 0
    if not items:
        empty = np.full(n, np.nan)
        return ConstructSummary(construct, (), (), None, None, None, 1.0, 0), empty
    signed = np.column_stack(
        [SCALE_TOP - values[c] if c in reversed_items else values[c] for c in items]
    )
    imputer = ConstructImputer(min_answered_share=MIN_ANSWERED_SHARE).fit(signed)
    completed = imputer.transform(signed)  # rows answering too few items: all missing
    answered = (~np.isnan(completed)).sum(axis=1)
    means = np.nansum(completed, axis=1) / np.maximum(answered, 1)
    scores = np.where(answered > 0, means, np.nan)
    valid = scores[~np.isnan(scores)]
    from core.survey.itemfit import omega  # scikit-learn: about a second, on first use

    summary = ConstructSummary(
        construct=construct,
        items=tuple(items),
        reversed_items=tuple(c for c in items if c in reversed_items),
        mean=float(valid.mean()) if valid.size else None,
        sd=float(valid.std(ddof=1)) if valid.size > 1 else None,
        alpha=cronbach_alpha(signed),
        missing_rate=float(np.isnan(signed).mean()),
        respondents=int(valid.size),
        excluded=imputer.n_excluded_,
        imputed=int((np.isnan(signed) & ~np.isnan(completed)).sum()),
        omega=omega(signed),
    )
    return summary, scores


def behaviour_indicator(
    values: np.ndarray, kind: str, family: str | None, behaviour: str
) -> np.ndarray:
    """Yes/no per respondent from a binary, frequency or agreement item."""
    if kind == "binary":
        return values
    threshold = (
        4.0
        if behaviour == "platform_use"
        or family in (None, "agreement", "agreement_nl", "agreement_codes")
        else 2.0
    )
    return np.where(np.isnan(values), np.nan, (values >= threshold).astype(float))


def share_any(matrix: np.ndarray) -> float | None:
    """Share showing any of several yes/no behaviours, with missing answers as missing.

    P(any) = 1 - P(no on the first) x P(no on the second | no on the first) x ...,
    each factor estimated on the respondents whose earlier answers are known
    to be 'no' and who answered this item: unbiased when answers are missing
    at random, where counting a missing answer as 'no' biases the share low.
    """
    matrix = np.atleast_2d(np.asarray(matrix, dtype=float))
    if matrix.shape[0] == 0 or np.isnan(matrix).all():
        return None
    p_none = 1.0
    known_none = np.ones(matrix.shape[0], bool)
    for k in range(matrix.shape[1]):
        column = matrix[:, k]
        answered = ~np.isnan(column)
        base = known_none & answered
        if base.any():
            p_none *= float((column[base] < 1).mean())
        known_none = base & (column < 1)
        if not known_none.any():
            break
    return 1.0 - p_none


def summarise_behaviour(
    behaviour: str, indicators: dict[str, np.ndarray]
) -> tuple[BehaviourSummary, np.ndarray]:
    """Any of the behaviour's items counts; share among respondents who answered."""
    if not indicators:
        return BehaviourSummary(behaviour, (), None, 0), np.array([])
    matrix = np.column_stack(list(indicators.values()))
    answered = ~np.isnan(matrix).all(axis=1)
    any_yes = np.where(answered, np.nanmax(np.where(np.isnan(matrix), -1, matrix), axis=1), np.nan)
    share = share_any(matrix) if answered.any() else None
    return BehaviourSummary(behaviour, tuple(indicators), share, int(answered.sum())), any_yes


def scores_frame(construct_values: dict[str, np.ndarray]) -> pd.DataFrame:
    """Respondents x constructs, in CONSTRUCTS order (NaN where not measured)."""
    n = len(next(iter(construct_values.values()))) if construct_values else 0
    return pd.DataFrame({c: construct_values.get(c, np.full(n, np.nan)) for c in CONSTRUCTS})
