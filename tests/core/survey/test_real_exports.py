"""Every real export from ../shared/real_exports: format, respondents, no crash, PII out."""

from __future__ import annotations

import pytest

from core.survey import SurveyError, ingest, read_table
from tests.conftest import SHARED

REAL = SHARED / "real_exports"

# file -> (format, respondents or None when too few to analyse, columns that must be dropped)
EXPECTED = {
    "qualtrics_v3_3row_header_german_labels.csv": ("qualtrics", None, []),
    "qualtrics_insights2016_3row_pydict_importid_many_qtypes.csv": (
        "qualtrics",
        5,
        [
            "ResponseID",
            "IPAddress",
            "RecipientLastName",
            "RecipientFirstName",
            "RecipientEmail",
            "ExternalDataReference",
            "LocationLatitude",
            "LocationLongitude",
        ],
    ),
    "qualtrics_legacy_2row_V1-V10_many_qtypes.csv": (
        "qualtrics_legacy",
        5,
        [
            "ResponseID",
            "Name",
            "ExternalDataReference",
            "EmailAddress",
            "IPAddress",
            "LocationLatitude",
        ],
    ),
    "surveymonkey_starwars_2row_header.csv": ("surveymonkey", 1186, ["RespondentID"]),
    "surveymonkey_starwars_2row_header_RAW_original_cr_mojibake.csv": (
        "surveymonkey",
        1186,
        ["RespondentID"],
    ),
    "ms_forms_export_example_en.xlsx": ("ms_forms", 3, ["ID", "Email", "Name"]),
    "ms_forms_quiz_export_points_feedback.xlsx": ("ms_forms", 7, ["ID", "Email", "Name"]),
    "google_forms_r_community_survey_2019_spanish.csv": ("google_forms", 338, []),
    "limesurvey_R_export_survey_998192_dutch_mixed.csv": ("limesurvey", 6, ["Response ID"]),
    "spss_sav_multiple_response_sets_value_labels.sav": ("spss", 6, []),
    "ibm_hr_employee_attrition_WA_Fn-UseC.csv": ("plain_csv", 1470, ["EmployeeNumber"]),
    "employee_exit_survey_tafe_qld_likert_text.csv": ("plain_csv", 702, ["Record ID"]),
    "employee_exit_survey_dete_qld_likert_codes.csv": ("plain_csv", 822, ["ID"]),
    "surveyxact_semicolon_cp1252_norwegian_dataset.csv": ("plain_csv", 999, []),
    "surveyxact_semicolon_cp1252_norwegian_labels.csv": ("plain_csv", None, []),
    "surveyxact_semicolon_cp1252_norwegian_structure.csv": ("plain_csv", 242, []),
}


def test_every_shared_export_is_covered():
    files = {p.name for p in REAL.iterdir() if p.suffix != ".md"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_export(name):
    fmt, respondents, identifying = EXPECTED[name]
    data = (REAL / name).read_bytes()
    assert read_table(data, name).format == fmt
    try:
        result = ingest(data, name, threshold=3)
    except SurveyError as exc:
        assert respondents is None or name.endswith("labels.csv"), exc.message()
        return
    assert result.format == fmt
    if respondents is not None:
        assert result.respondents == respondents
    for column in identifying:
        assert result.dropped_columns.get(column) == "identifying", column
        assert column not in result.scores.columns and column not in result.groups.columns
    exported = str(result.to_dict())
    assert "@" not in exported or name.startswith("surveyxact")


def test_single_respondent_is_refused_with_the_count():
    name = "qualtrics_v3_3row_header_german_labels.csv"
    with pytest.raises(SurveyError) as info:
        ingest((REAL / name).read_bytes(), name)
    assert "Only 1 respondent" in info.value.message("en")
    assert "Slechts 1" in info.value.message("nl")


def test_real_scales_are_read():
    tafe = ingest((REAL / "employee_exit_survey_tafe_qld_likert_text.csv").read_bytes(), "t.csv")
    assert 3.0 < tafe.constructs["satisfaction"].mean < 4.0
    assert tafe.encoding == "cp1252"
    ibm = ingest((REAL / "ibm_hr_employee_attrition_WA_Fn-UseC.csv").read_bytes(), "ibm.csv")
    column = "JobSatisfaction"
    assert ibm.kinds[column].points == 4  # 1..4 items rescaled to 1..5
    assert 2.5 < ibm.constructs["satisfaction"].mean < 4.0
    assert "Department" in ibm.group_candidates
    dete = ingest((REAL / "employee_exit_survey_dete_qld_likert_codes.csv").read_bytes(), "d.csv")
    assert dete.kinds["Staff morale"].family == "agreement_codes"


def test_free_text_is_dropped():
    name = "qualtrics_legacy_2row_V1-V10_many_qtypes.csv"
    result = ingest((REAL / name).read_bytes(), name, threshold=3)
    assert "free_text" in result.dropped_columns.values()
