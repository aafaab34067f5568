"""Reading in a child process: crashes, timeouts and memory limits become clear errors."""

from __future__ import annotations

import ctypes
import io
import logging
import os
import time

import pytest

from core.survey import SurveyError, ingest
from core.survey.isolate import Limits, ingest_isolated, run_isolated
from core.survey.mapping import ItemMapping, MappingFile
from tests.conftest import ROOT, SHARED

SURVEYS = ROOT / "sample_data" / "surveys"


def raw_pyreadstat(data: bytes) -> tuple[int, int]:
    """pyreadstat without Serre's header checks (to prove a crash stays in the child)."""
    import pyreadstat

    frame, _ = pyreadstat.read_sav(io.BytesIO(data))
    return frame.shape


def raises_value_error() -> None:
    raise ValueError("a bug in a reader")


def test_a_segfault_in_the_child_is_a_clear_error_and_we_carry_on():
    with pytest.raises(SurveyError) as info:
        run_isolated(ctypes.string_at, 0)
    assert info.value.key == "survey.reader_crashed"
    assert "damaged" in info.value.message("en") and "beschadigd" in info.value.message("nl")
    assert run_isolated(abs, -3) == 3  # the next read works


def test_a_slow_reader_is_stopped_at_the_time_limit():
    start = time.monotonic()
    with pytest.raises(SurveyError) as info:
        run_isolated(time.sleep, 30, limits=Limits(seconds=1.5))
    assert info.value.key == "survey.too_slow"
    assert time.monotonic() - start < 6


def test_memory_beyond_the_limit_is_refused_in_the_child():
    with pytest.raises(SurveyError) as info:
        run_isolated(bytearray, 2 * 1024**3, limits=Limits(memory_bytes=256 * 1024**2))
    assert info.value.key == "survey.too_much_memory"


def test_an_unexpected_error_in_the_child_is_logged_with_a_reference(caplog):
    caplog.set_level(logging.ERROR, logger="serre")
    with pytest.raises(SurveyError) as info:
        run_isolated(raises_value_error)
    reference = info.value.params["ref"]
    assert reference in info.value.message("en") and "Traceback" not in info.value.message("en")
    logged = [r.getMessage() for r in caplog.records if reference in r.getMessage()]
    assert logged and "ValueError: a bug in a reader" in logged[0]


def test_survey_errors_from_the_child_keep_their_key_and_parameters():
    with pytest.raises(SurveyError) as info:
        ingest_isolated(b"only,two\n1,2\n", "tiny.csv")
    with pytest.raises(SurveyError) as direct:
        ingest(b"only,two\n1,2\n", "tiny.csv")
    assert (info.value.key, info.value.params) == (direct.value.key, direct.value.params)


@pytest.mark.parametrize(
    "path",
    [
        *sorted(SURVEYS.glob("serre_example_*")),
        SHARED / "real_exports" / "spss_sav_multiple_response_sets_value_labels.sav",
        SHARED / "real_exports" / "ms_forms_quiz_export_points_feedback.xlsx",
        SHARED / "real_exports" / "surveymonkey_starwars_2row_header.csv",
    ],
    ids=lambda p: p.name,
)
def test_isolated_reading_gives_the_same_result_as_in_process(path):
    if not path.exists():
        pytest.skip(f"{path} is not available")
    data = path.read_bytes()
    mine, theirs = ingest_isolated(data, path.name), ingest(data, path.name)
    assert mine.respondents == theirs.respondents and mine.format == theirs.format
    assert mine.scores.equals(theirs.scores)
    assert mine.to_dict("nl") == theirs.to_dict("nl")


def test_a_mapping_file_travels_to_the_child():
    data = (SURVEYS / "serre_example_qualtrics_en.csv").read_bytes()
    first = ingest(data, "q.csv")
    column = next(iter(first.mapping.items))
    user = MappingFile(items={column: ItemMapping(target="ignore")})
    result = ingest_isolated(data, "q.csv", user)
    assert result.mapping.items[column].target == "ignore"


def test_the_server_process_survives_a_crash_and_stays_small():
    before = os.getpid()
    for _ in range(3):
        with pytest.raises(SurveyError):
            run_isolated(ctypes.string_at, 0)
    assert os.getpid() == before


def test_the_parents_main_script_is_not_run_again_in_the_reader(tmp_path):
    """Invariant: a page script (run as ``__main__``, unguarded, as Streamlit runs it)
    executes once; the reader child starts from importable functions only."""
    import subprocess
    import sys

    marker = tmp_path / "runs.txt"
    script = tmp_path / "page_script.py"
    script.write_text(
        "import pathlib\n"
        f"pathlib.Path({str(marker)!r}).open('a').write('run\\n')\n"
        "from core.survey.isolate import run_isolated\n"
        "print(run_isolated(sum, [1, 2, 3]))\n"
    )
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("6")
    assert marker.read_text().splitlines() == ["run"]
