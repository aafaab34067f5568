"""Every bad upload gets one clear, translated message; nothing else escapes."""

from __future__ import annotations

import contextlib
import io
import zipfile

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.survey import SurveyError, ingest
from core.survey import synthetic as sy
from tests.conftest import ROOT

SURVEYS = ROOT / "sample_data" / "surveys"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20


def _error(data: bytes, name: str = "upload.csv", **kwargs) -> SurveyError:
    with pytest.raises(SurveyError) as info:
        ingest(data, name, **kwargs)
    err = info.value
    assert err.message("en") != err.message("nl")
    assert err.message("en") != err.key  # a real sentence, not a key
    return err


def _xlsx(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    return buffer.getvalue()


def test_empty_file():
    assert _error(b"").key == "survey.empty"
    assert _error(b"\n\n  \n").key == "survey.empty"


def test_image_renamed_to_csv():
    assert _error(PNG, "photo.csv").key == "survey.not_a_survey"


def test_binary_garbage():
    garbage = np.random.default_rng(0).integers(0, 256, 5000, dtype=np.uint8).tobytes()
    assert _error(garbage).key in {"survey.not_a_survey", "survey.not_text"}


def test_wrong_extension():
    assert _error(b"a,b\n1,2\n", "survey.xlsx").key == "survey.not_xlsx"
    assert _error(b"a,b\n1,2\n", "survey.sav").key == "survey.not_sav"
    assert _error(b"a,b\n1,2\n", "survey.xls").key == "survey.old_xls"


def test_excel_without_data():
    assert _error(_xlsx(pd.DataFrame()), "empty.xlsx").key == "survey.xlsx_empty"
    headers_only = _xlsx(pd.DataFrame(columns=["I am proud of my organisation.", "Department"]))
    assert _error(headers_only, "h.xlsx").key == "survey.no_rows"


def test_decompression_bomb():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 60_000_000)
    assert _error(buffer.getvalue(), "bomb.xlsx").key == "survey.zip_bomb"


def test_file_over_the_size_limit():
    err = _error(b"a,b\n" + b"1,2\n" * 2000, max_bytes=1000)
    assert err.key == "survey.too_large"


def test_single_respondent_and_threshold():
    data = b"I am proud of this organisation.,Department\nAgree,IT\n"
    err = _error(data)
    assert err.key == "survey.too_few_respondents" and err.params["n"] == 1
    assert _error(data, threshold=2).key == "survey.threshold_too_low"


def test_every_answer_missing():
    rows = ["I am proud of this organisation.,I trust the management."] + ["Don't know,n.v.t."] * 10
    assert _error("\n".join(rows).encode()).key == "survey.all_missing"


def test_duplicate_and_missing_headers_are_reported():
    rows = ["I am proud of this organisation.,I am proud of this organisation.,"]
    rows += ["Agree,Strongly agree,x"] * 8
    result = ingest("\n".join(rows).encode(), "d.csv")
    keys = [k for k, _ in result.warnings]
    assert "survey.warn_duplicate_header" in keys and "survey.warn_blank_header" in keys
    assert result.constructs["identification"].n_items == 2


def test_mixed_scales_in_one_construct_are_named():
    rows = ["I am proud of this organisation.,I feel part of this organisation."]
    rows += [
        f"{a},{b}"
        for a, b in zip(
            ["Agree", "Strongly agree", "Disagree"] * 4, ["6", "2", "7"] * 4, strict=True
        )
    ]
    result = ingest("\n".join(rows).encode(), "m.csv")
    texts = result.warning_texts("en")
    assert any("mixes answer scales" in t and "I feel part" in t for t in texts)
    assert any("mengt antwoordschalen" in t for t in result.warning_texts("nl"))


def test_encodings_and_delimiters():
    survey = sy.generate(60, np.random.default_rng(1), "nl")
    text = sy.to_plain_csv(survey, delimiter="\t", encoding="utf-8").decode()
    for data in (
        text.encode("utf-16"),
        text.encode("utf-8-sig"),
        text.replace("\t", ";").encode("cp1252"),
        text.replace("\t", ",").replace("\r\n", "\r").encode("utf-8"),
    ):
        result = ingest(data, "x.csv")
        assert result.respondents == 60
        assert result.constructs["trust"].n_items == 4


def test_decimal_commas_are_numbers():
    rows = ["Ik ben tevreden met mijn job.;Mijn mening telt."] + [
        "4;3",
        "2;5",
        "3;4",
        "5;1",
        "1;2",
    ] * 2
    result = ingest("\n".join(rows).encode("cp1252"), "nl.csv")
    assert result.constructs["satisfaction"].mean == pytest.approx(3.0)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from(["x.csv", "x.xlsx", "x.sav", "x.txt", "x"]))
def test_fuzz_bytes_never_crash(data, name):
    """Invariant: any bytes under any file name give a result or a SurveyError, nothing else."""
    with contextlib.suppress(SurveyError):
        ingest(data, name)


cells = st.one_of(
    st.text(alphabet=st.sampled_from(list("abc ,;\t\"'\r\n123é€")), max_size=12),
    st.sampled_from(["Agree", "Eens", "n.v.t.", "Helemaal oneens", "5", "Ja"]),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(cells, min_size=1, max_size=6), min_size=1, max_size=12),
    st.sampled_from([",", ";", "\t"]),
)
def test_fuzz_tables_never_crash(rows, delimiter):
    """Invariant: any small delimited table of survey-like cells gives a result or a SurveyError."""
    data = "\n".join(delimiter.join(r) for r in rows).encode("utf-8")
    with contextlib.suppress(SurveyError):
        ingest(data, "fuzz.csv", threshold=3)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(min_size=10, max_size=400))
def test_fuzz_corrupted_workbook(noise):
    """Invariant: a workbook with random bytes written into it gives a result or a SurveyError."""
    frame = pd.DataFrame(
        {"I am proud of this organisation.": ["Agree"] * 6, "Department": ["IT"] * 6}
    )
    data = bytearray(_xlsx(frame))
    start = len(data) // 3
    data[start : start + len(noise)] = noise
    with contextlib.suppress(SurveyError):
        ingest(bytes(data), "broken.xlsx")


def _mixed_export(stray: str | None = None) -> bytes:
    """The Dutch Google Forms sample with every other respondent answering in English."""
    english = {
        "Helemaal oneens": "Strongly disagree",
        "Helemaal eens": "Strongly agree",
        "Oneens": "Disagree",
        "Neutraal": "Neutral",
        "Eens": "Agree",
    }
    lines = (SURVEYS / "serre_example_google_forms_nl.csv").read_text("utf-8").splitlines()
    out = [lines[0]]
    for i, line in enumerate(lines[1:]):
        cells = line.split(",")
        if i % 2:
            cells = [english.get(c, c) for c in cells]
        if stray and i < 7:
            cells[1] = stray  # an answer label no scale knows
        out.append(",".join(cells))
    return ("\n".join(out) + "\n").encode()


def test_a_mixed_english_dutch_export_measures_every_construct():
    result = ingest(_mixed_export(), "mixed.csv")
    assert sum(s.n_items > 0 for s in result.constructs.values()) == 6
    assert not [w for w, _ in result.warnings if w == "survey.warn_not_a_scale"]


def test_an_unknown_label_is_reported_with_counts_and_the_question_kept():
    clean = ingest(_mixed_export(), "mixed.csv")
    result = ingest(_mixed_export("Sort of agree"), "stray.csv")
    warned = [p for w, p in result.warnings if w == "survey.warn_unknown_labels"]
    assert len(warned) == 1 and warned[0]["n"] == 7 and "sort of agree" in warned[0]["labels"]
    column = warned[0]["column"]
    assert column in result.mapping.items
    assert result.constructs["satisfaction"].items == clean.constructs["satisfaction"].items
    assert any("7 answer(s)" in w for w in result.warning_texts("en"))
