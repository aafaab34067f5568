"""Missing item answers, imputed only within limits.

A respondent who answered at least half of a construct's items gets the
missing ones imputed from the answered items (iterative, linear); one who
answered fewer is excluded from that construct, counted and reported.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.experimental import enable_iterative_imputer  # noqa: F401
from sklearn.impute import IterativeImputer

MIN_ANSWERED_SHARE = 0.5
SCALE = (1.0, 5.0)


class ConstructImputer(BaseEstimator):
    """Impute a construct's item matrix (respondents x items) where enough was answered."""

    def __init__(
        self,
        min_answered_share: float = MIN_ANSWERED_SHARE,
        max_iter: int = 5,
        random_state: int = 0,
        max_fit_rows: int = 5000,
    ):
        self.min_answered_share = min_answered_share
        self.max_iter = max_iter
        self.random_state = random_state
        self.max_fit_rows = max_fit_rows  # the item relations need a few thousand rows

    def fit(self, X: np.ndarray, y: None = None) -> ConstructImputer:  # noqa: ARG002 - sklearn API
        X = np.asarray(X, dtype=float)
        answered = (~np.isnan(X)).sum(axis=1)
        needed = max(1, int(np.ceil(self.min_answered_share * X.shape[1])))
        self.eligible_ = answered >= needed
        self.n_excluded_ = int((~self.eligible_ & (answered > 0)).sum())
        usable = X[self.eligible_]
        missing = bool(np.isnan(usable).any())
        if len(usable) > self.max_fit_rows:
            rng = np.random.default_rng(self.random_state)
            usable = usable[np.sort(rng.choice(len(usable), self.max_fit_rows, replace=False))]
        self.imputer_ = None
        if X.shape[1] >= 2 and missing and usable.shape[0] >= 2:
            self.imputer_ = IterativeImputer(
                max_iter=self.max_iter,
                random_state=self.random_state,
                min_value=SCALE[0],
                max_value=SCALE[1],
                keep_empty_features=True,
            ).fit(usable)
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        """Imputed copy; rows of excluded respondents become all-missing."""
        X = np.asarray(X, dtype=float).copy()
        self.n_imputed_ = 0
        if self.imputer_ is not None:
            rows = self.eligible_ & np.isnan(X).any(axis=1)
            self.n_imputed_ = int(np.isnan(X[rows]).sum())
            if rows.any():
                X[rows] = self.imputer_.transform(X[rows])
        X[~self.eligible_] = np.nan
        return X
