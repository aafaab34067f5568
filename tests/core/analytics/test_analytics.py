"""Planted truth is found: segments, drivers, behaviour shares; small data says so."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from core.analytics import (
    BehaviourCalibrator,
    ConstructImputer,
    DriverModel,
    InsufficientData,
    PersonaModel,
)
from core.analytics.calibration import observed_shares
from core.analytics.drivers import priority_matrix
from core.analytics.insight import analyse, persona_source
from core.analytics.persona_effects import lever_persona_effects
from core.analytics.personas import persona_label
from core.context import RunContext
from core.parameters import default_parameters
from core.scenario import CONSTRUCTS, with_overrides
from core.survey import ingest
from core.survey import synthetic as sy

CENTRES = {
    "proud": [4.4, 4.6, 3.6, 4.0, 2.6, 3.4],
    "critics": [2.3, 2.8, 1.6, 1.7, 3.0, 3.0],
    "overloaded": [2.2, 3.3, 3.0, 3.0, 4.6, 3.0],
}


def planted(n_per: int = 150, seed: int = 0, spread: float = 0.35) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    blocks, truth = [], []
    for k, centre in enumerate(CENTRES.values()):
        blocks.append(np.clip(np.array(centre) + spread * rng.standard_normal((n_per, 6)), 1, 5))
        truth += [k] * n_per
    return np.vstack(blocks), np.array(truth)


def test_planted_segments_are_recovered_and_named():
    X, truth = planted()
    model = PersonaModel(random_state=0).fit(X)
    assert model.n_personas_ == 3
    assert adjusted_rand_score(truth, model.labels_) > 0.8
    names = dict(zip(model.names_, model.profiles_, strict=True))
    assert {"proud_promoters", "silent_critics", "overloaded"} <= set(names)
    assert names["proud_promoters"][CONSTRUCTS.index("identification")] > 4
    assert persona_label("silent_critics", "nl") == "Stille critici"


def test_personas_are_stable_across_seeds():
    X, _ = planted(seed=1)
    a = PersonaModel(random_state=1).fit(X).labels_
    b = PersonaModel(random_state=7).fit(X).labels_
    assert adjusted_rand_score(a, b) > 0.9


def test_no_persona_smaller_than_the_threshold():
    X, _ = planted(n_per=60, seed=2)
    tiny = np.clip(np.array([[1.0, 1.0, 5.0, 5.0, 1.0, 5.0]] * 3), 1, 5)
    model = PersonaModel(min_size=5, random_state=0).fit(np.vstack([X, tiny]))
    assert model.sizes_.min() >= 5
    assert model.sizes_.sum() == len(X) + 3


def drivers_data(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = np.clip(3 + 0.9 * rng.standard_normal((n, 6)), 1, 5)
    voice = X[:, CONSTRUCTS.index("voice")]
    y = rng.random(n) < 1 / (1 + np.exp(-(-1.5 - 1.8 * (voice - 3))))
    return X, y.astype(float)


def test_planted_driver_ranks_first():
    X, y = drivers_data(800)
    model = DriverModel(random_state=0).fit(X, y, list(CONSTRUCTS))
    ranking = model.ranking()
    assert ranking[0][0] == "voice" and ranking[0][4] < 0  # more voice, fewer negative posts
    assert ranking[0][2] > 0  # its interval excludes zero
    assert model.auc_ > 0.75
    others = [imp for name, imp, *_ in ranking[1:]]
    assert max(others) < 0.3 * ranking[0][1]


def test_not_enough_data_is_said_not_guessed():
    X, y = drivers_data(40)
    with pytest.raises(InsufficientData) as info:
        DriverModel().fit(X, y)
    assert info.value.n == 40
    X, _ = drivers_data(300)
    y = np.zeros(300)
    y[:5] = 1
    with pytest.raises(InsufficientData):
        DriverModel().fit(X, y)


def test_a_driver_needs_the_threshold_in_each_outcome_group():
    X, _ = drivers_data(300)
    y = np.zeros(300)
    y[:15] = 1  # 15 people show the behaviour: enough at threshold 12, not at 20
    DriverModel(random_state=0).fit(X, y)
    with pytest.raises(InsufficientData):
        DriverModel(random_state=0, min_per_class=20).fit(X, y)


def test_calibration_targets_rest_on_the_threshold(survey_and_scenario):
    """Only 8 people answered the criticism item: at threshold 10 it is no target."""
    result, scenario = survey_and_scenario
    scores = result.scores.copy()
    scores.loc[8:, "posted_criticism"] = np.nan
    strict = dataclasses.replace(result, scores=scores, threshold=10, _plans={})
    assert observed_shares(strict.scores)["critics"][1] == 8
    found = analyse(strict, scenario, default_parameters(), seed=3)
    assert found.calibration is not None
    targets = {row.target for row in found.calibration.fit_}
    assert "critics" not in targets and "creators" in targets
    assert "critics" in found.calibration.skipped_  # named as skipped, no number shown


def test_priority_matrix_flags_low_score_high_impact():
    scores = {"voice": 2.1, "trust": 3.8, "satisfaction": 3.5, "always_on": 4.5}
    impact = {"voice": 0.2, "trust": 0.01, "satisfaction": 0.05, "always_on": 0.12}
    cells = {c.construct: c for c in priority_matrix(scores, impact)}
    assert cells["voice"].priority and not cells["trust"].priority
    assert cells["always_on"].score == pytest.approx(1.5)  # pressure mirrored: 6 - 4.5


def test_imputation_within_limits():
    X = np.array(
        [
            [4, 4, np.nan, 4],
            [2, np.nan, np.nan, np.nan],
            [3, 3, 3, 3],
            [5, 4, 5, np.nan],
            [1, 2, 1, 2],
        ],
        float,
    )
    imputer = ConstructImputer().fit(X)
    out = imputer.transform(X)
    assert imputer.n_excluded_ == 1 and np.isnan(out[1]).all()
    assert not np.isnan(out[[0, 2, 3, 4]]).any()
    assert int((np.isnan(X) & ~np.isnan(out)).sum()) == 2  # the gaps of rows 0 and 3
    assert 3.0 <= out[0, 2] <= 5.0


@pytest.fixture(scope="module")
def survey_and_scenario(neutral):
    """Two planted groups of respondents: engaged and proud, and silent critics."""
    rng = np.random.default_rng(11)
    proud = sy.generate(400, rng, "en", {"identification": 4.2, "voice": 3.3, "trust": 3.8})
    critics = sy.generate(400, rng, "en", {"identification": 2.8, "voice": 1.7, "trust": 2.0})
    proud.answers = pd.concat([proud.answers, critics.answers], ignore_index=True)
    return ingest(sy.to_google_forms_csv(proud, rng), "g.csv"), neutral


def test_calibration_reproduces_planted_shares(survey_and_scenario):
    result, scenario = survey_and_scenario
    observed = observed_shares(result.scores)
    assert set(observed) == {"creators", "engaged_or_more", "passive_or_more", "critics"}
    context = RunContext(source=result.source(), seed=3).sample(scenario)
    cal = BehaviourCalibrator(random_state=3).fit(observed, scenario, context)
    assert cal.calibrated_ and cal.all_within_
    for row in cal.fit_:
        assert abs(row.simulated - row.observed) <= 2 * row.standard_error + 0.01
    fresh = cal.params_
    p = fresh["base_p_post"]
    assert p.low <= p.value <= p.high  # the evidence's range travels with the value


def test_calibration_falls_back_to_priors(survey_and_scenario):
    result, scenario = survey_and_scenario
    context = RunContext(source=result.source(), seed=3, employees=500)
    cal = BehaviourCalibrator().fit({"creators": (0.4, 12)}, scenario, context)
    assert not cal.calibrated_ and cal.skipped_
    assert cal.params_["base_p_post"].value == default_parameters()["base_p_post"].value


def test_insight_bundle_and_persona_effects(survey_and_scenario):
    result, scenario = survey_and_scenario
    insight = analyse(result, scenario, default_parameters(), seed=5)
    assert insight.personas is not None and insight.personas.sizes_.min() >= result.threshold
    assert "posted_criticism" in insight.drivers
    top = insight.drivers["posted_criticism"].ranking()[0][0]
    assert top in {"voice", "satisfaction"}  # planted in the synthetic survey
    notes = insight.driver_notes("en")
    assert "voice_channels" in notes and "negative posts" in notes["voice_channels"]
    assert insight.calibration is not None and insight.calibration.calibrated_
    gagged = with_overrides(scenario, {"policy.no_work_posts": True})
    context = RunContext(
        params=insight.params(default_parameters()), source=persona_source(result, insight), seed=5
    )
    effects = lever_persona_effects(gagged, context)
    assert set(effects) >= {"no_work_posts", "share_permission"}
    assert {e.persona for e in effects["no_work_posts"]} == set(insight.personas.names_)
    result_sim = pd.DataFrame([vars(e) for e in effects["no_work_posts"]])
    assert (result_sim["reactant"] >= -1e-9).all()  # the gag adds reactance, never removes it
