"""Personas: segments of respondents on their climate scores, named in plain words.

A Gaussian mixture picks the number of segments *and* its covariance type
by BIC, starting from one segment: a full covariance absorbs a shared
response style (people who tick high on everything), so it does not split
into extra personas, and structureless data stays one group ('no distinct
groups'). The choice is made on a random subsample (BIC needs a few
thousand answers, not twenty thousand), every respondent is then assigned;
segments smaller than the confidentiality threshold are merged into their
nearest neighbour, so no small group is ever shown. Names come from each
profile against the organisation's mean.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.mixture import GaussianMixture
from sklearn.preprocessing import StandardScaler
from sklearn.utils import Tags
from sklearn.utils.validation import validate_data

from core.scenario import CONSTRUCTS
from core.threads import one_native_thread

MIN_COMPONENTS, MAX_COMPONENTS = 1, 6
COVARIANCE_TYPES = ("tied", "diag")
SELECTION_ROWS = 3000
# BIC differences under 10 are not strong evidence (Kass & Raftery 1995): fewer personas win
BIC_MARGIN = 10.0  # BIC is decided on at most this many respondents
DISTINCT = 0.35  # z-score a profile must differ by to earn a trait in its name


class PersonaModel(BaseEstimator):
    """Segment respondents (rows) on construct scores (columns in CONSTRUCTS order)."""

    def __init__(
        self,
        min_components: int = MIN_COMPONENTS,
        max_components: int = MAX_COMPONENTS,
        min_size: int = 5,
        n_init: int = 3,
        random_state: int = 0,
        covariance_types: tuple[str, ...] = COVARIANCE_TYPES,
        selection_rows: int = SELECTION_ROWS,
    ):
        self.min_components = min_components
        self.max_components = max_components
        self.min_size = min_size
        self.n_init = n_init
        self.random_state = random_state
        self.covariance_types = covariance_types
        self.selection_rows = selection_rows

    def __sklearn_tags__(self) -> Tags:
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True  # a construct nobody answered is left out
        return tags

    def fit(self, X: np.ndarray, y: None = None) -> PersonaModel:  # noqa: ARG002 - sklearn API
        """Fit with native thread pools held to one thread (the cores are shared)."""
        X = validate_data(self, X, dtype=float, ensure_all_finite="allow-nan")
        if X.shape[1] > len(CONSTRUCTS):
            raise ValueError(
                f"{X.shape[1]} columns: expected at most the {len(CONSTRUCTS)} constructs"
            )
        one_native_thread()
        return self._fit(X)

    def _fit(self, X: np.ndarray) -> PersonaModel:
        self.columns_ = np.where(~np.isnan(X).all(axis=0))[0]
        data = X[:, self.columns_]
        data = np.where(np.isnan(data), np.nanmean(data, axis=0), data)
        self.scaler_ = StandardScaler().fit(data)
        z = self.scaler_.transform(data)
        upper = max(self.min_components, min(self.max_components, len(z) // max(1, self.min_size)))
        rng = np.random.default_rng(self.random_state)
        sample = z
        if len(z) > self.selection_rows:
            sample = z[rng.choice(len(z), self.selection_rows, replace=False)]
        self.bic_ = {}
        models = {}
        for covariance in self.covariance_types:
            for k in range(self.min_components, upper + 1):
                model = GaussianMixture(
                    n_components=k,
                    covariance_type=covariance,
                    n_init=self.n_init if k > 1 else 1,
                    reg_covar=1e-3,
                    random_state=self.random_state,
                ).fit(sample)
                self.bic_[(covariance, k)] = float(model.bic(sample))
                models[(covariance, k)] = model
        lowest = min(self.bic_.values())
        near = [key for key, bic in self.bic_.items() if bic <= lowest + BIC_MARGIN]
        choice = min(near, key=lambda key: (key[1], self.bic_[key]))
        self.covariance_type_, self.n_components_ = choice
        self.mixture_ = models[choice]
        labels = self.mixture_.predict(z)
        labels = self._merge_small(z, labels)
        order = np.argsort(-np.bincount(labels))  # biggest persona first
        remap = {old: new for new, old in enumerate(order) if np.any(labels == old)}
        self.labels_ = np.array([remap[v] for v in labels])
        self.n_personas_ = len(remap)
        self.sizes_ = np.bincount(self.labels_, minlength=self.n_personas_)
        full = np.full((self.n_personas_, X.shape[1]), np.nan)
        zmeans = np.zeros((self.n_personas_, len(self.columns_)))
        for p in range(self.n_personas_):
            full[p, self.columns_] = data[self.labels_ == p].mean(axis=0)
            zmeans[p] = z[self.labels_ == p].mean(axis=0)
        self.profiles_ = full  # mean construct scores per persona, 1..5
        self.profile_z_ = zmeans
        self.names_ = name_personas(zmeans, [CONSTRUCTS[c] for c in self.columns_])
        return self

    @property
    def distinct(self) -> bool:
        """More than one persona: the data hold distinct groups."""
        return self.n_personas_ > 1

    def _merge_small(self, z: np.ndarray, labels: np.ndarray) -> np.ndarray:
        """Fold segments under ``min_size`` into the nearest remaining centroid."""
        labels = labels.copy()
        while True:
            sizes = {k: int((labels == k).sum()) for k in np.unique(labels)}
            small = [k for k, n in sizes.items() if n < self.min_size]
            if not small or len(sizes) == 1:
                return labels
            k = min(small, key=lambda s: sizes[s])
            others = [j for j in sizes if j != k]
            centre = z[labels == k].mean(axis=0)
            nearest = min(
                others, key=lambda j: np.linalg.norm(z[labels == j].mean(axis=0) - centre)
            )
            labels[labels == k] = nearest


TRAIT_RULES: tuple[tuple[str, dict[str, int]], ...] = (
    ("proud_promoters", {"identification": 1, "satisfaction": 1}),
    ("silent_critics", {"voice": -1, "trust": -1}),
    ("overloaded", {"always_on": 1, "satisfaction": -1}),
    ("detached", {"identification": -1}),
    ("digital_voices", {"social_media_skill": 1}),
    ("loyal_offline", {"identification": 1, "social_media_skill": -1}),
    ("disappointed", {"satisfaction": -1, "trust": -1}),
    ("always_reachable", {"always_on": 1}),
)


def name_personas(profile_z: np.ndarray, constructs: list[str]) -> list[str]:
    """A plain-words code per persona (catalogue key ``persona.<code>``), unique.

    A rule applies when a profile shows all its traits by at least
    ``DISTINCT`` standard deviations; the most specific (most traits), then
    strongest, unused rule names the persona, else 'steady_middle'.
    """
    names: list[str] = []
    index = {c: i for i, c in enumerate(constructs)}
    for z in profile_z:
        scored = []
        for code, traits in TRAIT_RULES:
            if not all(c in index for c in traits):
                continue
            values = [sign * z[index[c]] for c, sign in traits.items()]
            if min(values) >= DISTINCT:  # more traits = more specific = preferred
                scored.append((len(traits), sum(values) / len(values), code))
        choice = next(
            (code for *_, code in sorted(scored, reverse=True) if code not in names), None
        )
        if choice is None:
            base = "steady_middle"
            choice = (
                base
                if base not in names
                else f"{base}_{sum(n.startswith(base) for n in names) + 1}"
            )
        names.append(choice)
    return names


def persona_label(code: str, lang: str = "en") -> str:
    """The persona's name in ``lang`` ('steady_middle_2' reads 'Steady middle 2')."""
    from core.i18n import translate

    base, _, number = code.rpartition("_")
    if number.isdigit() and base:
        return f"{translate(f'persona.{base}', lang)} {number}"
    return translate(f"persona.{code}", lang)
