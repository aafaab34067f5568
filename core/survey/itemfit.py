"""Let the answers decide: item-rest correlations, reverse keying and factor analysis.

The wording lexicon proposes anchors (an item and the construct its words
suggest). Then, as a psychometrician would:

1. every construct's score is the mean of its items (reverse-keyed items
   mirrored); each item is correlated with the *rest* score of every
   construct (its own item left out);
2. an item joins the construct it correlates with most (a negative
   item-rest correlation means reverse-keyed), and an
   anchor correlating clearly more with another construct is a misfit and
   moves; items the lexicon did not know join a construct only when the
   correlation is clear;
3. steps 1-2 repeat until nothing moves; the keying within a construct is
   the sign of each item on the construct's first principal component,
   whose direction the wording of its lexicon items sets;
4. an exploratory factor analysis (varimax) of the same items gives each
   item's loading on its construct's factor and groups the items that load
   together but match no construct.

The confidence of each item reflects both the wording and the data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.base import BaseEstimator
from sklearn.decomposition import FactorAnalysis
from sklearn.utils import Tags
from sklearn.utils.validation import validate_data

from core.threads import one_native_thread

MIN_RESPONDENTS = 30
MIN_R = 0.30  # an item the lexicon does not know joins a construct from this item-rest r
MARGIN = 0.10  # ... and only when it beats the runner-up by this much
MISFIT_MARGIN = 0.15  # an anchor moves when another construct beats its own by this much
WEAK_R = 0.15  # an anchor correlating less than this with its construct's rest is doubtful
WEAK_CONFIDENCE = 0.55  # the wording alone, unsupported by the answers: kept, flagged low
MAX_ROWS = 4000  # the decision needs correlations, not every respondent
MAX_ITER = 10

Anchor = tuple[str | None, bool, float]  # (construct or None, reverse-keyed, confidence)


@dataclass(frozen=True)
class ItemEvidence:
    """What the answers say about one item."""

    target: str | None
    reverse: bool
    confidence: float
    item_rest: float | None  # correlation with its construct's rest score (after keying)
    loading: float | None  # loading on its construct's factor (after keying)
    misfit: str | None = None  # the construct its wording suggested, when the data moved it
    factor: int | None = None  # the factor it loads on most (1-based), for unmapped items
    source: str = "data"  # "lexicon", "data", "both"


def _standardise(X: np.ndarray) -> np.ndarray:
    mean = np.nanmean(X, axis=0)
    sd = np.nanstd(X, axis=0)
    sd[~(sd > 0)] = 1.0
    Z = (X - mean) / sd
    return np.where(np.isnan(Z), 0.0, Z)


def _corr(Z: np.ndarray, S: np.ndarray) -> np.ndarray:
    """Correlations of the columns of ``Z`` (items) with the columns of ``S`` (scores)."""
    Zc = Z - Z.mean(axis=0)
    Sc = S - S.mean(axis=0)
    num = Zc.T @ Sc
    den = np.sqrt((Zc**2).sum(axis=0))[:, None] * np.sqrt((Sc**2).sum(axis=0))[None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / den, np.nan)


class ItemMapper(BaseEstimator):
    """Assign scale items to constructs from lexicon anchors and the answers.

    ``anchors`` holds per item ``(construct or None, reverse, confidence)``
    from the wording: prior knowledge per column, so a constructor parameter
    (as ``categorical_features`` of a gradient-boosting model); None means
    the wording knew no item. ``fit(X)``: ``X`` is respondents x items on a
    common scale (NaN missing). Learned: ``evidence_`` (one
    :class:`ItemEvidence` per item), ``loadings_`` and ``factor_of_``.
    """

    def __init__(
        self,
        anchors: Sequence[Anchor] | None = None,
        min_anchor_confidence: float = 0.5,
        min_r: float = MIN_R,
        max_rows: int = MAX_ROWS,
        random_state: int = 0,
    ):
        self.anchors = anchors
        self.min_anchor_confidence = min_anchor_confidence
        self.min_r = min_r
        self.max_rows = max_rows
        self.random_state = random_state

    def __sklearn_tags__(self) -> Tags:
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True  # unanswered items
        return tags

    def fit(self, X: np.ndarray, y: None = None) -> ItemMapper:  # noqa: ARG002 - sklearn API
        """Fit with native thread pools held to one thread (the cores are shared)."""
        X = validate_data(
            self, X, dtype=float, ensure_all_finite="allow-nan", ensure_min_features=1
        )
        p = X.shape[1]
        no_wording: Anchor = (None, False, 0.0)
        anchors = list(self.anchors) if self.anchors is not None else [no_wording] * p
        if len(anchors) != p:
            raise ValueError(f"one anchor per item: {len(anchors)} anchors for {p} items")
        one_native_thread()
        return self._fit(X, anchors)

    def _fit(self, X: np.ndarray, anchors: list[Anchor]) -> ItemMapper:
        p = X.shape[1]
        answered = ~np.isnan(X).all(axis=1)
        X = X[answered]
        if len(X) > self.max_rows:
            rng = np.random.default_rng(self.random_state)
            X = X[np.sort(rng.choice(len(X), self.max_rows, replace=False))]
        self.n_ = len(X)
        lexicon: list[Anchor] = [
            (t, r, c) if t is not None and c >= self.min_anchor_confidence else (None, False, 0.0)
            for t, r, c in anchors
        ]
        constructs = sorted({t for t, _, _ in lexicon if t is not None})
        self.constructs_ = constructs
        if self.n_ < MIN_RESPONDENTS or not constructs or p < 2:
            self.evidence_ = [
                ItemEvidence(t, r, c, None, None, source="lexicon") for t, r, c in lexicon
            ]
            self.loadings_ = None
            return self
        Z = _standardise(X)
        target = [t for t, _, _ in lexicon]
        sign = self._keying(Z, target, lexicon)
        for _ in range(MAX_ITER):
            R = self._item_rest(Z, target, sign, constructs)
            new_target = self._assign(R, lexicon, constructs)
            if new_target == target:
                break
            target = new_target
            sign = self._keying(Z, target, lexicon)
        R = self._item_rest(Z, target, sign, constructs)
        self._factors(Z, target, sign, constructs)
        self.evidence_ = [self._evidence(j, R, lexicon, target, sign, constructs) for j in range(p)]
        return self

    @staticmethod
    def _keying(Z: np.ndarray, target: list[str | None], lexicon: list[Anchor]) -> np.ndarray:
        """+1 or -1 per item: the sign of its loading on its construct's first component.

        The component's direction is set by the wording: the lexicon items of
        the construct vote (weighted by confidence) on which end is 'high'.
        A construct with one item keeps the wording's keying.
        """
        sign = np.array([-1.0 if r else 1.0 for _, r, _ in lexicon])
        for c in {t for t in target if t is not None}:
            members = [j for j, t in enumerate(target) if t == c]
            if len(members) < 2:
                continue
            corr = np.nan_to_num(np.atleast_2d(np.corrcoef(Z[:, members], rowvar=False)))
            _, vectors = np.linalg.eigh(corr)
            signs = np.where(vectors[:, -1] >= 0, 1.0, -1.0)
            vote = sum(
                lexicon[j][2] * signs[i] * (-1.0 if lexicon[j][1] else 1.0)
                for i, j in enumerate(members)
                if lexicon[j][0] == c
            )
            if vote < 0 or (vote == 0 and signs.sum() < 0):
                signs = -signs
            sign[members] = signs
        return sign

    @staticmethod
    def _item_rest(
        Z: np.ndarray, target: list[str | None], sign: np.ndarray, constructs: list[str]
    ) -> np.ndarray:
        """Item x construct: correlation with the construct's score without the item."""
        p = Z.shape[1]
        R = np.full((p, len(constructs)), np.nan)
        signed = Z * sign
        for k, c in enumerate(constructs):
            members = [j for j in range(p) if target[j] == c]
            if not members:
                continue
            total = signed[:, members].sum(axis=1)
            others = [j for j in range(p) if j not in members]
            if others:
                R[others, k] = _corr(Z[:, others], total[:, None])[:, 0]
            if len(members) > 1:
                rest = total[:, None] - signed[:, members]
                for i, j in enumerate(members):
                    R[j, k] = _corr(Z[:, [j]], rest[:, [i]])[0, 0]
        return R

    def _assign(
        self,
        R: np.ndarray,
        lexicon: list[Anchor],
        constructs: list[str],
    ) -> list[str | None]:
        """Each item's construct: the wording's unless the answers clearly say otherwise."""
        out: list[str | None] = []
        for j, (word_target, _, _) in enumerate(lexicon):
            row = np.abs(R[j])
            if np.isnan(row).all():
                out.append(word_target)
                continue
            order = np.argsort(-np.nan_to_num(row, nan=-1.0))
            best = int(order[0])
            second = float(row[order[1]]) if len(order) > 1 and not np.isnan(row[order[1]]) else 0
            if word_target is not None:
                own_r = row[constructs.index(word_target)]
                if np.isnan(own_r):  # the only item of its construct: the wording decides
                    out.append(word_target)
                    continue
                moved = row[best] >= self.min_r and row[best] - own_r >= MISFIT_MARGIN
                out.append(constructs[best] if moved else word_target)
            elif row[best] >= self.min_r and row[best] - second >= MARGIN:
                out.append(constructs[best])
            else:
                out.append(None)
        return out

    def _factors(
        self, Z: np.ndarray, target: list[str | None], sign: np.ndarray, constructs: list[str]
    ) -> None:
        """Varimax factors; each construct matched to the factor its items load on most."""
        p = Z.shape[1]
        unmapped = sum(t is None for t in target)
        k = min(len(constructs) + (1 if unmapped >= 2 else 0), max(1, p // 2), p - 1)
        self.loadings_, self.factor_of_ = None, {}
        if k < 1 or Z.shape[0] <= p:
            return
        fa = FactorAnalysis(n_components=k, rotation="varimax", random_state=self.random_state)
        loadings = fa.fit(Z).components_.T  # items x factors
        self.loadings_ = loadings
        weight = np.zeros((len(constructs), k))
        for i, c in enumerate(constructs):
            members = [j for j in range(p) if target[j] == c]
            if members:
                weight[i] = np.abs((loadings[members] * sign[members, None]).mean(axis=0))
        rows, cols = linear_sum_assignment(-weight)
        self.factor_of_ = {constructs[r]: int(f) for r, f in zip(rows, cols, strict=True)}
        for c, f in self.factor_of_.items():  # a factor's sign is arbitrary: its items load +
            members = [j for j in range(p) if target[j] == c]
            if (loadings[members, f] * sign[members]).mean() < 0:
                loadings[:, f] = -loadings[:, f]

    def _evidence(
        self,
        j: int,
        R: np.ndarray,
        lexicon: list[Anchor],
        target: list[str | None],
        sign: np.ndarray,
        constructs: list[str],
    ) -> ItemEvidence:
        word_target, _, word_conf = lexicon[j]
        t = target[j]
        loading = None
        strongest = None
        if self.loadings_ is not None:
            strongest = int(np.argmax(np.abs(self.loadings_[j])))
            if t is not None and t in self.factor_of_:
                loading = float(self.loadings_[j, self.factor_of_[t]] * sign[j])
        if t is None:
            factor = None
            if strongest is not None and abs(self.loadings_[j, strongest]) >= 0.4:
                factor = strongest + 1
            return ItemEvidence(None, False, 0.0, None, None, None, factor)
        r = R[j, constructs.index(t)]
        item_rest = None if np.isnan(r) else float(r * sign[j])
        data = 0.0 if item_rest is None else float(np.clip((item_rest - 0.05) / 0.4, 0, 1))
        if word_target == t:
            source = "both" if item_rest is not None else "lexicon"
            confidence = 1 - (1 - word_conf) * (1 - data) if item_rest is not None else word_conf
            if item_rest is not None and item_rest < WEAK_R:
                confidence = min(confidence, WEAK_CONFIDENCE)  # kept; the answers do not back it
            misfit = None
        else:
            source, confidence = "data", 0.85 * data
            misfit = word_target
        return ItemEvidence(
            t,
            bool(sign[j] < 0),
            round(float(confidence), 2),
            None if item_rest is None else round(item_rest, 3),
            None if loading is None else round(loading, 3),
            misfit,
            None if strongest is None else strongest + 1,
            source,
        )


def omega(matrix: np.ndarray) -> float | None:
    """McDonald's omega (total) from a one-factor model; None under 3 items or 10 cases."""
    complete = matrix[~np.isnan(matrix).any(axis=1)]
    if matrix.ndim != 2 or matrix.shape[1] < 3 or complete.shape[0] < 10:
        return None
    if len(complete) > MAX_ROWS:  # loadings need a few thousand answers, not all
        rows = np.random.default_rng(0).choice(len(complete), MAX_ROWS, replace=False)
        complete = complete[np.sort(rows)]
    sd = complete.std(axis=0)
    if (sd <= 0).any():
        return None
    Z = (complete - complete.mean(axis=0)) / sd
    one_native_thread()
    fa = FactorAnalysis(n_components=1, random_state=0).fit(Z)
    loadings = fa.components_[0]
    if loadings.sum() < 0:
        loadings = -loadings
    common = loadings.sum() ** 2
    return float(common / (common + fa.noise_variance_.sum()))
