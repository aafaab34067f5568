"""Key drivers: which climate constructs drive a behaviour in this organisation.

A regularised logistic regression, cross-validated (stratified folds), with
its AUC reported honestly, and permutation importance on held-out folds
with a confidence interval. Below a minimum sample, or with too few cases of
either outcome, it says 'not enough data' instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

MIN_SAMPLE = 60
MIN_PER_CLASS = 12


class InsufficientData(ValueError):
    """Not enough respondents (or outcomes) for an honest driver analysis."""

    def __init__(self, n: int, minority: int) -> None:
        self.n, self.minority = n, minority
        super().__init__(f"{n} respondents, {minority} in the smaller outcome group")


class DriverModel(BaseEstimator):
    """Estimate drivers of one yes/no behaviour from construct scores."""

    def __init__(
        self,
        C: float = 1.0,
        n_splits: int = 5,
        n_repeats: int = 10,
        random_state: int = 0,
        min_per_class: int = MIN_PER_CLASS,
    ):
        self.C = C  # L2 regularisation strength (inverse), on standardised constructs
        self.min_per_class = min_per_class  # at least the confidentiality threshold
        self.n_splits = n_splits
        self.n_repeats = n_repeats
        self.random_state = random_state

    def fit(
        self, X: np.ndarray, y: np.ndarray, feature_names: list[str] | None = None
    ) -> DriverModel:
        X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
        keep = ~np.isnan(y) & ~np.isnan(X).all(axis=1)
        X, y = X[keep], y[keep].astype(int)
        usable = ~np.isnan(X).all(axis=0)
        X = X[:, usable]
        X = np.where(np.isnan(X), np.nanmean(X, axis=0), X)
        names = feature_names or [f"x{i}" for i in range(len(usable))]
        self.feature_names_ = [n for n, u in zip(names, usable, strict=True) if u]
        minority = int(min(y.sum(), len(y) - y.sum())) if len(y) else 0
        if len(y) < MIN_SAMPLE or minority < max(MIN_PER_CLASS, self.min_per_class):
            raise InsufficientData(len(y), minority)
        splits = min(self.n_splits, minority)
        folds = StratifiedKFold(n_splits=splits, shuffle=True, random_state=self.random_state)
        aucs, importances = [], []
        for train, test in folds.split(X, y):
            model = self._model().fit(X[train], y[train])
            aucs.append(roc_auc_score(y[test], model.predict_proba(X[test])[:, 1]))
            result = permutation_importance(
                model,
                X[test],
                y[test],
                scoring="roc_auc",
                n_repeats=self.n_repeats,
                random_state=self.random_state,
            )
            importances.append(result.importances)  # features x repeats
        all_imp = np.concatenate(importances, axis=1)
        self.auc_ = float(np.mean(aucs))
        self.auc_sd_ = float(np.std(aucs))
        self.importance_ = all_imp.mean(axis=1)
        self.importance_low_ = np.percentile(all_imp, 5, axis=1)
        self.importance_high_ = np.percentile(all_imp, 95, axis=1)
        self.model_ = self._model().fit(X, y)
        self.coef_ = self.model_[-1].coef_[0]
        self.n_ = len(y)
        self.base_rate_ = float(y.mean())
        return self

    def _model(self):
        return make_pipeline(StandardScaler(), LogisticRegression(C=self.C, max_iter=2000))

    def ranking(self) -> list[tuple[str, float, float, float, float]]:
        """(feature, importance, low, high, coefficient sign) by importance, highest first."""
        order = np.argsort(-self.importance_)
        return [
            (
                self.feature_names_[i],
                float(self.importance_[i]),
                float(self.importance_low_[i]),
                float(self.importance_high_[i]),
                float(np.sign(self.coef_[i])),
            )
            for i in order
        ]


@dataclass(frozen=True)
class PriorityCell:
    """One construct in the priority matrix: how it scores and how much it drives."""

    construct: str
    score: float  # mean on 1..5, oriented so higher is healthier
    impact: float  # permutation importance (AUC points)
    priority: bool  # low score and high impact: act here first


def priority_matrix(scores: dict[str, float], importance: dict[str, float]) -> list[PriorityCell]:
    """Score low, impact high: the constructs to act on first.

    'Always on' is a pressure, so its score is mirrored (6 - mean) to read
    like the others: higher is healthier.
    """
    cells = []
    shown = {c: (6 - v if c == "always_on" else v) for c, v in scores.items() if c in importance}
    if not shown:
        return cells
    median_score = float(np.median(list(shown.values())))
    median_impact = float(np.median([importance[c] for c in shown]))
    for c, score in shown.items():
        impact = importance[c]
        cells.append(
            PriorityCell(
                c, score, impact, score <= median_score and impact > max(median_impact, 0.0)
            )
        )
    return sorted(cells, key=lambda cell: (-cell.priority, -cell.impact))
