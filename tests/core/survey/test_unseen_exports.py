"""A questionnaire Serre has never seen, in every supported format, with planted truth.

No manual mapping: the lexicon proposes, the answers decide. Every construct
mean must land within 0.15 of the truth, reversed items must be found, and
every planted identifying and free-text column must be dropped and reported.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.survey import SurveyError, ingest, parse_mapping
from core.survey.itemfit import ItemMapper, omega
from core.survey.mapping import mapping_from_rows, question_blocks
from tests.survey_wave import WRITERS, export, to_qualtrics

CASES = [(fmt, n, seed) for fmt in WRITERS for n, seed in ((130, 1), (250, 2))]


@pytest.fixture(scope="module", params=CASES, ids=[f"{f}-{n}" for f, n, _ in CASES])
def case(request):
    fmt, n, seed = request.param
    wave, data, name = export(fmt, n, seed)
    return fmt, wave, ingest(data, name)


def _column(result, question: str) -> str:
    return next(c for r in result.reviews for c in [r.column] if r.question == question)


def test_format_is_recognised(case):
    fmt, _, result = case
    assert result.format == fmt


def test_construct_means_without_manual_mapping(case):
    _, wave, result = case
    for construct, truth in wave.truth.items():
        summary = result.constructs[construct]
        assert summary.n_items == 3, construct
        assert abs(summary.mean - truth) <= 0.15, (construct, summary.mean, truth)


def test_every_item_and_its_keying_is_found(case):
    _, wave, result = case
    for question, construct in wave.item_construct.items():
        column = _column(result, question)
        item = result.mapping.items[column]
        assert item.target == construct, question
        assert item.reverse == (question in wave.reversed_questions), question
        evidence = result.evidence[column]
        assert evidence.item_rest is not None and evidence.item_rest > 0.3
        assert evidence.loading is not None and evidence.loading > 0.3


def test_the_answers_decided_some_items(case):
    """Some items the wording alone could not place were placed by the data."""
    _, wave, result = case
    decided = [c for c, e in result.evidence.items() if e.source == "data" and e.target is not None]
    assert len(decided) >= 4
    for construct in wave.truth:
        summary = result.constructs[construct]
        assert summary.alpha > 0.6 and summary.omega > 0.6


def test_identifying_and_free_text_columns_are_dropped_and_reported(case):
    _, wave, result = case
    by_question = {r.question: r for r in result.reviews}
    for question in wave.identifying:
        review = by_question[question]
        assert review.decision == "drop" and review.identifying, (question, review)
        assert result.dropped_columns[review.column] == "identifying"
    text = by_question[wave.free_text]
    assert text.decision == "drop" and text.reason == "free_text"
    assert text.column not in result.group_candidates
    for review in result.reviews:
        assert review.column not in result.scores.columns or review.decision != "drop"
    exported = str(result.to_dict())
    assert "@example.org" not in exported


def test_respondent_ids_are_dropped(case):
    fmt, _, result = case
    ids = {"spss": "respid", "limesurvey": "Antwoord ID", "ms_forms": "ID"}
    if fmt in ids:
        assert result.dropped_columns[ids[fmt]] == "identifying"


def test_only_the_department_is_a_group_and_small_groups_are_hidden(case):
    _, wave, result = case
    questions = [result.questions.get(c, c) for c in result.group_candidates]
    assert questions == [wave.department]
    rows = result.breakdown(result.group_candidates[0])
    labels = {r.group for r in rows}
    assert labels.isdisjoint({str(i) for i in range(1, 5)})  # SPSS codes became names
    small = [r for r in rows if r.group in ("Legal", "Juridische dienst")]
    assert small and small[0].hidden and small[0].means is None


def test_behaviours_and_the_questions_to_ask_next_time(case):
    _, wave, result = case
    for behaviour, truth in wave.behaviour_truth.items():
        assert abs(result.behaviours[behaviour].share - truth) < 1e-9, behaviour
    assert result.missing_behaviours() == ["posts_work"]


def test_a_misfit_moves_to_the_construct_its_answers_follow():
    """Worded like trust ('I know which settings I can trust'), answered like skill."""
    rng = np.random.default_rng(4)
    n = 300
    trust, skill = rng.standard_normal(n), rng.standard_normal(n)
    items = [trust + 0.6 * rng.standard_normal(n) for _ in range(3)]
    items += [skill + 0.6 * rng.standard_normal(n) for _ in range(3)]
    items[5] = -items[5]  # reverse-keyed, and its wording does not say so
    X = np.column_stack(items)
    anchors = [("trust", False, 0.9), ("trust", False, 0.9), ("trust", False, 0.9)]
    anchors += [("social_media_skill", False, 0.9), (None, False, 0.0), ("trust", False, 0.9)]
    mapper = ItemMapper(anchors).fit(X)
    moved = mapper.evidence_[5]
    assert moved.target == "social_media_skill" and moved.misfit == "trust" and moved.reverse
    assert (
        mapper.evidence_[4].target == "social_media_skill" and mapper.evidence_[4].source == "data"
    )
    assert all(e.target == "trust" and not e.reverse for e in mapper.evidence_[:3])


def test_noise_items_stay_unmapped():
    rng = np.random.default_rng(5)
    trust = rng.standard_normal(200)
    X = np.column_stack(
        [trust + 0.5 * rng.standard_normal(200) for _ in range(3)] + [rng.standard_normal(200)]
    )
    anchors = [("trust", False, 0.9)] * 3 + [(None, False, 0.0)]
    assert ItemMapper(anchors).fit(X).evidence_[3].target is None


def test_omega_of_a_one_factor_scale():
    rng = np.random.default_rng(6)
    f = rng.standard_normal(2000)
    X = np.column_stack([f + rng.standard_normal(2000) for _ in range(4)])
    # loadings 1/sqrt(2) each: omega = (4 * .707)^2 / ((4 * .707)^2 + 4 * .5) = 0.8
    assert omega(X) == pytest.approx(0.8, abs=0.03)
    assert omega(X[:, :2]) is None


def test_editor_rows_with_empty_cells_mean_unmapped():
    rows = [
        {"column": "Q1", "target": "trust", "reverse": True},
        {"column": "Q2", "target": float("nan"), "reverse": float("nan")},
        {"column": "Q3", "target": None, "reverse": False},
        {"column": "Q4", "target": "", "reverse": None},
        {"column": "Q5", "target": "ignore", "reverse": False},
    ]
    mapping = mapping_from_rows(rows)
    assert set(mapping.items) == {"Q1", "Q5"} and mapping.unmapped == ["Q2", "Q3", "Q4"]
    assert mapping.items["Q1"].reverse and mapping.items["Q5"].target == "ignore"
    with pytest.raises(SurveyError) as info:
        mapping_from_rows([{"column": "Q1", "target": "happiness"}])
    assert "allowed targets" in info.value.message("en")
    assert "toegelaten" in info.value.message("nl")


def test_an_emptied_cell_unmaps_what_the_data_would_map():
    _, data, name = export("qualtrics", 150, 3)
    first = ingest(data, name)
    column = next(iter(first.mapping.columns_for("satisfaction")))
    rows = [
        {"column": c, "target": (None if c == column else m.target), "reverse": m.reverse}
        for c, m in first.mapping.items.items()
    ]
    second = ingest(data, name, mapping_file=mapping_from_rows(rows))
    assert column not in second.mapping.items and column in second.unmapped
    assert second.constructs["satisfaction"].n_items == first.constructs["satisfaction"].n_items - 1
    again = ingest(data, name, mapping_file=second.mapping_file())  # a re-read keeps it unmapped
    assert column in again.unmapped


def test_a_template_reapplies_to_the_next_wave():
    """Wave 2 numbers its questions anew; the template finds them by their text."""
    _, data, _ = export("qualtrics", 150, 7)
    first = ingest(data, "wave1.csv")
    column = _column(first, "Management acts with integrity.")
    edited = first.mapping.to_file()
    edited.items[column] = edited.items[column].model_copy(update={"target": "ignore"})
    template = parse_mapping(first.mapping.__class__(items=edited.items).to_json(first.questions))
    second_wave = export("qualtrics", 160, 8)[0]
    order = list(second_wave.labels.columns)
    second_wave.labels = second_wave.labels[order[::-1]]  # another question order
    second = ingest(to_qualtrics(second_wave), "wave2.csv", mapping_file=template)
    moved = _column(second, "Management acts with integrity.")
    assert moved != column
    assert second.mapping.items[moved].target == "ignore"
    assert second.constructs["trust"].n_items == 2
    assert not [w for w in second.warnings if w[0] == "survey.warn_mapping_unknown_column"]


def test_question_blocks():
    questions = {
        "Q5_1": "How much do you agree? - I trust management",
        "Q5_2": "How much do you agree? - I feel heard",
        "Q6": "Department",
        "G1": "Rate your team [Help]",
        "G2": "Rate your team [Speed]",
    }
    blocks = question_blocks(questions)
    assert blocks == {"How much do you agree?": ["Q5_1", "Q5_2"], "Rate your team": ["G1", "G2"]}


def test_user_can_drop_more_but_keeping_an_identifying_column_needs_confirmation():
    wave, data, name = export("limesurvey", 140, 9)
    dept = wave.department
    result = ingest(data, name, drop=(dept,))
    assert result.dropped_columns[dept] == "user" and not result.group_candidates
    with pytest.raises(SurveyError) as info:
        ingest(data, name, keep=("Antwoord ID",))
    assert "Antwoord ID" in info.value.message("en") and "identif" in info.value.message("en")
    kept = ingest(data, name, keep=("Antwoord ID",), confirm_keep=True)
    assert "Antwoord ID" not in kept.dropped_columns
    review = next(r for r in kept.reviews if r.column == "Antwoord ID")
    assert review.user


def test_free_text_however_empty():
    """Ninety percent left it empty; the rest wrote unique remarks: free text."""
    from core.survey.likert import classify, distinct_answers

    remarks = pd.Series([""] * 270 + [f"remark number {i} about lunch" for i in range(30)])
    texts = [t for t in remarks if t]
    assert classify(distinct_answers(remarks), 300, texts).kind == "free_text"
