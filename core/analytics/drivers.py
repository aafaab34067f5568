"""Key drivers: which climate constructs drive a behaviour in this organisation.

A regularised logistic regression, cross-validated (stratified folds), with
its AUC reported honestly, and permutation importance on held-out folds
with an interval. A construct is claimed as a driver only when its interval
excludes zero *and* the cross-validated AUC is clearly above chance;
otherwise the answer is 'no clear driver'. Below a minimum sample, or with
too few cases of either outcome, it says 'not enough data' instead of
guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import rankdata
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils import Tags
from sklearn.utils.validation import check_consistent_length, column_or_1d, validate_data

from core.threads import one_native_thread

MIN_SAMPLE = 60
MIN_PER_CLASS = 12
MIN_AUC = 0.6  # a model that ranks no better than this explains too little to name a driver


def auc(y: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """ROC AUC of each row of ``scores`` (Mann-Whitney, ties averaged)."""
    scores = np.atleast_2d(scores)
    ranks = rankdata(scores, axis=1)
    positive = y.astype(bool)
    n1, n0 = positive.sum(), (~positive).sum()
    return (ranks[:, positive].sum(axis=1) - n1 * (n1 + 1) / 2) / (n1 * n0)


def permutation_importance_linear(
    model, X: np.ndarray, y: np.ndarray, n_repeats: int, rng: np.random.Generator
) -> np.ndarray:
    """AUC lost when each feature is shuffled (features x repeats), for a scaled linear model.

    Shuffling one feature only moves its own term of the decision score, so
    every repeat is one vector operation instead of a full prediction.
    """
    scaler, logistic = model[0], model[-1]
    Z = (X - scaler.mean_) / scaler.scale_
    weights = logistic.coef_[0]
    base = Z @ weights
    baseline = auc(y, base)[0]
    out = np.empty((X.shape[1], n_repeats))
    for j, w in enumerate(weights):
        orders = np.argsort(rng.random((n_repeats, len(y))), axis=1)
        shuffled = base - w * Z[:, j] + w * Z[orders, j]
        out[j] = baseline - auc(y, shuffled)
    return out


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

    def __sklearn_tags__(self) -> Tags:
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True  # unanswered constructs are mean-filled
        tags.target_tags.required = True
        return tags

    def fit(
        self, X: np.ndarray, y: np.ndarray, feature_names: list[str] | None = None
    ) -> DriverModel:
        """Fit with native thread pools held to one thread (the cores are shared).

        ``y`` is 0/1 per respondent, NaN where the behaviour was not answered
        (those respondents are left out).
        """
        X = validate_data(self, X, dtype=float, ensure_all_finite="allow-nan")
        y = column_or_1d(np.asarray(y, dtype=float), warn=True)
        check_consistent_length(X, y)
        one_native_thread()
        return self._fit(X, y, feature_names)

    def _fit(
        self, X: np.ndarray, y: np.ndarray, feature_names: list[str] | None = None
    ) -> DriverModel:
        keep = ~np.isnan(y) & ~np.isnan(X).all(axis=1)
        if not np.isin(y[keep], (0.0, 1.0)).all():
            raise ValueError("the behaviour must be 0 or 1 per respondent (NaN: not answered)")
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
        rng = np.random.default_rng(self.random_state)
        for train, test in folds.split(X, y):
            model = self._model().fit(X[train], y[train])
            aucs.append(roc_auc_score(y[test], model.decision_function(X[test])))
            importances.append(
                permutation_importance_linear(model, X[test], y[test], self.n_repeats, rng)
            )
        all_imp = np.concatenate(importances, axis=1)
        self.auc_ = float(np.mean(aucs))
        self.auc_sd_ = float(np.std(aucs))
        self.auc_low_ = self.auc_ - 2 * self.auc_sd_ / np.sqrt(len(aucs))
        self.predictive_ = bool(self.auc_ >= MIN_AUC and self.auc_low_ > 0.5)
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

    def clear_drivers(self) -> list[str]:
        """Constructs claimed as drivers, strongest first: interval above zero, model predictive."""
        if not self.predictive_:
            return []
        return [name for name, _, low, _, _ in self.ranking() if low > 0]

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


def priority_matrix(
    scores: dict[str, float],
    importance: dict[str, float],
    clear: set[str] | None = None,
) -> list[PriorityCell]:
    """Score low, impact high: the constructs to act on first.

    'Always on' is a pressure, so its score is mirrored (6 - mean) to read
    like the others: higher is healthier. Only a ``clear`` driver (when
    given) can be a priority: a construct without a measured effect never is.
    """
    cells: list[PriorityCell] = []
    shown = {c: (6 - v if c == "always_on" else v) for c, v in scores.items() if c in importance}
    if not shown:
        return cells
    median_score = float(np.median(list(shown.values())))
    median_impact = float(np.median([importance[c] for c in shown]))
    for c, score in shown.items():
        impact = importance[c]
        cells.append(
            PriorityCell(
                c,
                float(score),
                float(impact),
                bool(
                    score <= median_score
                    and impact > max(median_impact, 0.0)
                    and (clear is None or c in clear)
                ),
            )
        )
    return sorted(cells, key=lambda cell: (-cell.priority, -cell.impact))
