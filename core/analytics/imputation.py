"""Missing item answers, imputed only within limits.

A respondent who answered at least half of a construct's items gets the
missing ones imputed from the answered items (iterative, linear); one who
answered fewer is excluded from that construct, counted and reported.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.experimental import enable_iterative_imputer  # noqa: F401
from sklearn.impute import IterativeImputer
from sklearn.utils import Tags
from sklearn.utils.validation import check_is_fitted, validate_data

MIN_ANSWERED_SHARE = 0.5
SCALE = (1.0, 5.0)


class ConstructImputer(TransformerMixin, BaseEstimator):
    """Impute a construct's item matrix (respondents x items) where enough was answered.

    Eligibility is decided per row at ``transform`` (rows are respondents, so
    the rule travels with the data): a row answering fewer than
    ``min_answered_share`` of the items comes back all-missing.
    Learned: ``n_features_in_``, ``imputer_`` (None when the fit data had no
    gaps to learn from), ``n_iter_`` (its rounds, 0 without gaps) and
    ``n_excluded_`` (rows of the fit data excluded).
    """

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

    def __sklearn_tags__(self) -> Tags:
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True  # missing answers are the point
        return tags

    def _eligible(self, X: np.ndarray) -> np.ndarray:
        answered = (~np.isnan(X)).sum(axis=1)
        return np.asarray(answered >= max(1, int(np.ceil(self.min_answered_share * X.shape[1]))))

    def fit(self, X: np.ndarray, y: None = None) -> ConstructImputer:  # noqa: ARG002 - sklearn API
        X = validate_data(self, X, dtype=float, ensure_all_finite="allow-nan")
        eligible = self._eligible(X)
        self.n_excluded_ = int((~eligible & ~np.isnan(X).all(axis=1)).sum())
        usable = X[eligible]
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
        self.n_iter_ = self.imputer_.n_iter_ if self.imputer_ is not None else 0
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        """Imputed copy; rows of excluded respondents become all-missing."""
        check_is_fitted(self)
        X = validate_data(
            self, X, dtype=float, ensure_all_finite="allow-nan", reset=False, copy=True
        )
        eligible = self._eligible(X)
        if self.imputer_ is not None:
            rows = eligible & np.isnan(X).any(axis=1)
            if rows.any():
                X[rows] = self.imputer_.transform(X[rows])
        X[~eligible] = np.nan
        return X
