"""Insight that does not invent findings, checked on planted truth the models never saw."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from core.analytics import DriverModel, PersonaModel
from core.analytics.calibration import observed_shares
from core.analytics.drivers import priority_matrix
from core.analytics.insight import analyse, persona_source
from core.parameters import default_parameters
from core.scenario import CONSTRUCTS
from core.survey import ingest
from core.survey import synthetic as sy

CENTRES = np.array(
    [
        [4.2, 4.4, 3.6, 3.9, 2.6, 3.4],
        [2.4, 2.8, 1.8, 1.9, 3.0, 3.0],
        [2.4, 3.3, 3.0, 3.0, 4.5, 2.6],
        [3.4, 3.0, 3.6, 3.4, 2.8, 4.4],
    ]
)


def styled_personas(n_per: int, seed: int, style: float = 0.24) -> tuple[np.ndarray, np.ndarray]:
    """Four personas; within each, a shared response style correlates every construct."""
    rng = np.random.default_rng(seed)
    rows, truth = [], []
    for k, centre in enumerate(CENTRES):
        common = rng.standard_normal((n_per, 1))
        noise = 0.45 * (
            np.sqrt(style) * common + np.sqrt(1 - style) * rng.standard_normal((n_per, 6))
        )
        rows.append(np.clip(centre + noise, 1, 5))
        truth += [k] * n_per
    return np.vstack(rows), np.array(truth)


def structureless(n: int, seed: int, style: float = 0.24) -> np.ndarray:
    """One population: construct scores as means of three 5-point items, a shared style."""
    rng = np.random.default_rng(seed)
    common, own = rng.standard_normal((n, 1)), rng.standard_normal((n, 6))
    latent = 3.2 + 0.7 * (np.sqrt(style) * common + np.sqrt(1 - style) * own)
    items = np.clip(np.rint(latent[:, :, None] + 0.6 * rng.standard_normal((n, 6, 3))), 1, 5)
    return items.mean(axis=2)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_four_personas_under_a_shared_response_style(seed):
    X, truth = styled_personas(150, seed)
    model = PersonaModel(random_state=seed).fit(X)
    assert model.n_personas_ == 4
    assert adjusted_rand_score(truth, model.labels_) > 0.85


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_one_persona_on_structureless_data(seed):
    model = PersonaModel(random_state=seed).fit(structureless(600, seed))
    assert model.n_personas_ == 1 and not model.distinct


NOISE_MODELS = [
    (n, rate, seed) for n in (150, 400, 900) for rate in (0.2, 0.45) for seed in range(4)
]


def test_no_driver_is_claimed_on_pure_noise():
    """24 surveys where nothing drives the behaviour: no driver, no priority, no note."""
    claims = 0
    for n, rate, seed in NOISE_MODELS:
        rng = np.random.default_rng(seed + 100 * n)
        X = np.clip(3 + 0.9 * rng.standard_normal((n, 6)), 1, 5)
        y = (rng.random(n) < rate).astype(float)
        model = DriverModel(random_state=seed).fit(X, y, list(CONSTRUCTS))
        importance = {name: imp for name, imp, *_ in model.ranking()}
        scores = dict(zip(CONSTRUCTS, X.mean(axis=0), strict=True))
        cells = priority_matrix(scores, importance, set(model.clear_drivers()))
        claims += bool(model.clear_drivers()) + any(c.priority for c in cells)
    assert len(NOISE_MODELS) == 24 and claims == 0


def test_a_planted_driver_is_still_claimed():
    rng = np.random.default_rng(3)
    X = np.clip(3 + 0.9 * rng.standard_normal((600, 6)), 1, 5)
    voice = X[:, CONSTRUCTS.index("voice")]
    y = (rng.random(600) < 1 / (1 + np.exp(-(-1.5 - 1.5 * (voice - 3))))).astype(float)
    model = DriverModel(random_state=0).fit(X, y, list(CONSTRUCTS))
    assert model.predictive_ and model.clear_drivers() == ["voice"]


def _nested_behaviours(n: int, rng: np.random.Generator) -> pd.DataFrame:
    engaged = rng.standard_normal(n)
    return pd.DataFrame(
        {
            "follows": (engaged + rng.standard_normal(n) > -0.2).astype(float),
            "likes_shares": (engaged + rng.standard_normal(n) > 0.6).astype(float),
            "posts_work": (engaged + rng.standard_normal(n) > 1.4).astype(float),
            "posted_criticism": (rng.standard_normal(n) > 1.2).astype(float),
        }
    )


@pytest.mark.parametrize("missing", [0.1, 0.2, 0.3])
def test_shares_are_unbiased_under_missing_answers(missing):
    rng = np.random.default_rng(int(missing * 100))
    full = _nested_behaviours(20_000, rng)
    truth = {target: share for target, (share, _) in observed_shares(full).items()}
    holes = full.mask(rng.random(full.shape) < missing)
    seen = {target: share for target, (share, _) in observed_shares(holes).items()}
    for target, share in truth.items():
        assert abs(seen[target] - share) < 0.015, (target, seen[target], share)
    # counting the missing answers as 'no' is what biased the shares low
    as_no = (holes[["follows", "likes_shares", "posts_work"]].fillna(0) >= 1).any(axis=1)
    assert truth["passive_or_more"] - as_no.mean() > 0.03


@pytest.fixture(scope="module")
def two_groups():
    rng = np.random.default_rng(11)
    proud = sy.generate(300, rng, "en", {"identification": 4.2, "voice": 3.3, "trust": 3.8})
    critics = sy.generate(300, rng, "en", {"identification": 2.8, "voice": 1.7, "trust": 2.0})
    proud.answers = pd.concat([proud.answers, critics.answers], ignore_index=True)
    return ingest(sy.to_google_forms_csv(proud, rng), "g.csv")


def _without_behaviours(result, scores):
    """No behaviour answers: analyse() skips the (slow) calibration."""
    scores = scores.copy()
    for column in ("follows", "likes_shares", "posts_work", "posted_criticism"):
        scores[column] = np.nan
    return dataclasses.replace(result, scores=scores, _plans={})


def test_a_respondent_without_construct_answers_is_excluded_and_reported(two_groups, neutral):
    scores = two_groups.scores.copy()
    scores.loc[0, list(CONSTRUCTS)] = np.nan
    result = _without_behaviours(two_groups, scores)
    found = analyse(result, neutral, default_parameters(), seed=2)
    assert found.personas is not None and found.personas.n_personas_ >= 2
    assert found.excluded == 1
    labels = found.persona_labels()
    assert labels[0] == -1 and (labels[1:] >= 0).all()
    source = persona_source(result, found)
    assert len(source.scores) == result.respondents - 1 and len(source.group) == len(source.scores)


def test_structureless_survey_says_no_distinct_groups(neutral):
    rng = np.random.default_rng(12)
    survey = sy.generate(500, rng, "en")
    result = ingest(sy.to_google_forms_csv(survey, rng), "g.csv")
    found = analyse(_without_behaviours(result, result.scores), neutral, default_parameters(), 1)
    assert found.personas is None and found.no_distinct_groups
