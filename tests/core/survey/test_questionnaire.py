"""Serre's own questionnaire: maps with no edits in every format; planted truth recovered."""

from __future__ import annotations

import numpy as np
import pytest

from core.context import RunContext
from core.scenario import CONSTRUCTS
from core.survey import ingest, parse_mapping
from core.survey import synthetic as sy
from tests.conftest import ROOT

SAMPLES = ROOT / "sample_data" / "surveys"
WRITERS = {  # one signature (survey, rng); not every writer draws random numbers
    "qualtrics.csv": lambda s, rng: sy.to_qualtrics_csv(s, rng),
    "google.csv": lambda s, rng: sy.to_google_forms_csv(s, rng),
    "forms.xlsx": lambda s, rng: sy.to_ms_forms_xlsx(s, rng),
    "spss.sav": lambda s, rng: sy.to_spss_sav(s),  # noqa: ARG005
    "monkey.csv": lambda s, rng: sy.to_surveymonkey_csv(s),  # noqa: ARG005
    "excel.csv": lambda s, rng: sy.to_plain_csv(s),  # noqa: ARG005
}
FORMATS = {
    "qualtrics.csv": "qualtrics",
    "google.csv": "google_forms",
    "forms.xlsx": "ms_forms",
    "spss.sav": "spss",
    "monkey.csv": "surveymonkey",
    "excel.csv": "plain_csv",
}


def _column_of(result, survey, item):
    return next(c for c, q in result.questions.items() if q == item[survey.lang] or c == item["id"])


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("name", sorted(WRITERS))
def test_maps_with_no_edits_and_recovers_truth(name, lang):
    rng = np.random.default_rng(hash((name, lang)) % 2**32)
    means = dict(zip(CONSTRUCTS, rng.uniform(2.2, 3.8, len(CONSTRUCTS)), strict=True))
    survey = sy.generate(300, rng, lang, means, missing_rate=0.05)
    result = ingest(WRITERS[name](survey, rng), name)
    assert result.format == FORMATS[name]
    assert result.respondents == 300
    for item in sy.questionnaire()["items"]:
        column = _column_of(result, survey, item)
        mapped = result.mapping.items[column]
        assert mapped.target == item["target"], item["id"]
        assert mapped.reverse == bool(item.get("reverse", False)), item["id"]
    for construct in CONSTRUCTS:
        assert result.constructs[construct].mean == pytest.approx(survey.truth[construct], abs=0.05)
        assert result.constructs[construct].n_items == 4
        assert result.constructs[construct].alpha > 0.6
    for behaviour, share in survey.behaviour_truth.items():
        assert result.behaviours[behaviour].share == pytest.approx(share, abs=0.01)
    # with 5% missing answers a few respondents skip most of a construct: reported, never silent
    assert {key for key, _ in result.warnings} <= {"survey.warn_excluded"}
    for construct in CONSTRUCTS:
        summary = result.constructs[construct]
        assert summary.respondents + summary.excluded <= 300
        assert summary.imputed > 0


def test_shipped_examples_map_cleanly():
    files = sorted(SAMPLES.glob("serre_example_*"))
    assert len(files) >= 3
    for path in files:
        result = ingest(path.read_bytes(), path.name)
        assert all(result.constructs[c].n_items == 4 for c in CONSTRUCTS), path.name
        assert not result.unmapped, path.name
        assert not result.warnings, path.name


def test_ms_forms_example_drops_names_and_emails():
    result = ingest((SAMPLES / "serre_example_ms_forms_en.xlsx").read_bytes(), "x.xlsx")
    assert {"Email", "Name", "ID"} <= set(result.dropped_columns)
    assert "@" not in result.scores.to_csv() + result.groups.to_csv()


def test_mapping_file_round_trip_and_override():
    path = SAMPLES / "serre_example_qualtrics_en.csv"
    first = ingest(path.read_bytes(), path.name)
    saved = parse_mapping(first.mapping.to_json())
    again = ingest(path.read_bytes(), path.name, saved)
    assert again.constructs["voice"].mean == first.constructs["voice"].mean
    saved.items["Q9"].target = "ignore"  # VOI1 in this export
    fewer = ingest(path.read_bytes(), path.name, saved)
    assert fewer.constructs["voice"].n_items == 3


def test_population_from_a_survey(neutral):
    path = SAMPLES / "serre_example_google_forms_nl.csv"
    result = ingest(path.read_bytes(), path.name)
    pop = RunContext(source=result.source(), seed=1, employees=2000).population(neutral)
    assert pop.size == 2000
    voice = pop.construct("voice").mean()
    assert voice == pytest.approx(result.constructs["voice"].mean, abs=0.1)
    assert pop.heavy.mean() > 0
