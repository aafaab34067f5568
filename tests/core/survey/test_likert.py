"""Answers to the 1..5 scale."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.survey import likert


def _score(values, n_rows=None):
    series = pd.Series(values, dtype=object)
    answers = likert.distinct_answers(series)
    kind = likert.classify(answers, n_rows or len(values))
    variant = likert.choose_variant(kind.family, answers) if kind.kind == "likert" else None
    return kind, likert.score_column(series, kind, variant)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["Strongly disagree", "Neutral", "Strongly agree"], [1, 3, 5]),
        (["Helemaal oneens", "Neutraal", "Helemaal eens", "Eens"], [1, 3, 5, 4]),
        (["helemaal   ONEENS ", "Oneens"], [1, 2]),
        (["Strongly disagree", "Somewhat agree", "Strongly agree"], [1, 1 + 4 * 4 / 6, 5]),
        (["Zeer ontevreden", "Tevreden"], [1, 4]),
        (["Nooit", "Soms", "Altijd"], [1, 3, 5]),
        (["SD", "A", "N", "M", "SA"], [1, 4, 3, np.nan, 5]),
        (["1 = strongly disagree", "5 = strongly agree", "3 = neutral"], [1, 5, 3]),
        (["Agree", "Don't know", "Weet niet", "n.v.t.", ""], [4, np.nan, np.nan, np.nan, np.nan]),
    ],
)
def test_labels(values, expected):
    _, scores = _score(values)
    np.testing.assert_allclose(scores, expected, atol=1e-9)


def test_numeric_codes_and_points():
    kind, scores = _score(["1", "7", "4"])
    assert kind.points == 7
    np.testing.assert_allclose(scores, [1, 5, 3])
    kind, scores = _score(["0", "10", "5"])
    assert kind.points == 11
    np.testing.assert_allclose(scores, [1, 5, 3])
    kind, _ = _score(["1", "2", "3", "4"] * 10)
    assert kind.points == 4
    kind, _ = _score(["3,5", "2,25", "4"])
    assert kind.kind == "number"


def test_four_point_labels_follow_the_family():
    answers = {"strongly disagree", "disagree", "agree", "strongly agree"}
    assert likert.choose_variant("agreement", answers).points == 4
    answers.add("neutral")
    assert likert.choose_variant("agreement", answers).points == 5


def test_kinds():
    assert _score(["Yes", "No", "ja"])[0].kind == "binary"
    assert _score(["Sales", "IT", "HR", "Sales"])[0].kind == "category"
    long = [f"I think that the canteen should serve better coffee, number {i}" for i in range(30)]
    assert _score(long)[0].kind == "free_text"
    assert _score(["", "n.v.t."])[0].kind == "empty"


def test_mixed_english_and_dutch_labels_read_as_one_scale():
    values = ["Helemaal oneens", "Agree", "Neutraal", "Strongly agree", "Oneens", "Disagree"]
    kind, scores = _score(values)
    assert kind.kind == "likert"
    np.testing.assert_allclose(scores, [1, 4, 3, 5, 2, 2])


def test_an_unknown_label_is_missing_for_that_answer_only():
    values = ["Agree", "Mostly agree", "Disagree", "Strongly agree", "Agree", "Mostly agree"]
    kind, scores = _score(values)
    assert kind.kind == "likert" and kind.family == "agreement"
    np.testing.assert_allclose(scores, [4, np.nan, 2, 5, 4, np.nan])
    variant = likert.choose_variant("agreement", likert.distinct_answers(pd.Series(values)))
    assert likert.unknown_answers("agreement", variant, {"mostly agree", "agree"}) == {
        "mostly agree"
    }


def test_mostly_unknown_labels_stay_a_category():
    assert _score(["Sales", "IT", "Agree", "Legal", "HR"])[0].kind == "category"
