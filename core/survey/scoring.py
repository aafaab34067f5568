"""Construct scores per respondent, with reliability and honest warnings.

A respondent's construct score is the mean of the items they answered,
provided they answered at least half of them; Cronbach's alpha is computed
on complete cases. Behaviour items become yes/no indicators.
"""

from __future__ import annotations

from dataclasses import dataclass

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

    @property
    def n_items(self) -> int:
        return len(self.items)

    def to_dict(self) -> dict:
        return {
            "mean": self.mean,
            "sd": self.sd,
            "alpha": self.alpha,
            "n_items": self.n_items,
            "items": list(self.items),
            "reversed_items": list(self.reversed_items),
            "missing_rate": self.missing_rate,
            "respondents": self.respondents,
        }


@dataclass(frozen=True)
class BehaviourSummary:
    """Observed share of respondents showing a behaviour."""

    behaviour: str
    items: tuple[str, ...]
    share: float | None
    respondents: int

    def to_dict(self) -> dict:
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


def construct_scores(
    values: dict[str, np.ndarray], items: list[str], reversed_items: set[str]
) -> np.ndarray:
    """Per-respondent mean of answered items (NaN if fewer than half answered)."""
    matrix = np.column_stack(
        [SCALE_TOP - values[c] if c in reversed_items else values[c] for c in items]
    )
    answered = (~np.isnan(matrix)).sum(axis=1)
    means = np.nansum(matrix, axis=1) / np.maximum(answered, 1)
    enough = answered >= max(1, int(np.ceil(MIN_ANSWERED_SHARE * len(items))))
    return np.where(enough, means, np.nan)


def summarise_construct(
    construct: str, values: dict[str, np.ndarray], items: list[str], reversed_items: set[str]
) -> tuple[ConstructSummary, np.ndarray]:
    n = len(next(iter(values.values()))) if values else 0
    if not items:
        empty = np.full(n, np.nan)
        return ConstructSummary(construct, (), (), None, None, None, 1.0, 0), empty
    scores = construct_scores(values, items, reversed_items)
    matrix = np.column_stack([values[c] for c in items])
    valid = scores[~np.isnan(scores)]
    signed = np.column_stack(
        [SCALE_TOP - values[c] if c in reversed_items else values[c] for c in items]
    )
    summary = ConstructSummary(
        construct=construct,
        items=tuple(items),
        reversed_items=tuple(c for c in items if c in reversed_items),
        mean=float(valid.mean()) if valid.size else None,
        sd=float(valid.std(ddof=1)) if valid.size > 1 else None,
        alpha=cronbach_alpha(signed),
        missing_rate=float(np.isnan(matrix).mean()),
        respondents=int(valid.size),
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


def summarise_behaviour(
    behaviour: str, indicators: dict[str, np.ndarray]
) -> tuple[BehaviourSummary, np.ndarray]:
    """Any of the behaviour's items counts; share among respondents who answered."""
    if not indicators:
        return BehaviourSummary(behaviour, (), None, 0), np.array([])
    matrix = np.column_stack(list(indicators.values()))
    answered = ~np.isnan(matrix).all(axis=1)
    any_yes = np.where(answered, np.nanmax(np.where(np.isnan(matrix), -1, matrix), axis=1), np.nan)
    share = float(np.nanmean(any_yes)) if answered.any() else None
    return BehaviourSummary(behaviour, tuple(indicators), share, int(answered.sum())), any_yes


def scores_frame(construct_values: dict[str, np.ndarray]) -> pd.DataFrame:
    """Respondents x constructs, in CONSTRUCTS order (NaN where not measured)."""
    n = len(next(iter(construct_values.values()))) if construct_values else 0
    return pd.DataFrame({c: construct_values.get(c, np.full(n, np.nan)) for c in CONSTRUCTS})
