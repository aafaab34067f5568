"""Every CSV the pages offer under a chart, read back as a spreadsheet in that language would.

The pages hand their tables to ``ui.widgets`` which writes them with
``core.exports.safe_csv``; the test records each file the pages offer
(Simulation with its tornado, Scenarios with its frontier) and reads it back
with pandas: headers in the reader's words with units, numbers as numbers.
"""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest

import ui.widgets
from core.exports import safe_csv
from core.i18n import translate
from tests.ui.test_pages import app

CODE_NAME = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)+$|^(?:p\d0|mean|low|high|reach|risk|factor)$")


@pytest.fixture
def offered(monkeypatch):
    """The CSV files the pages offer, by language: (bytes, the table they were written from)."""
    files: list[tuple[str, bytes, pd.DataFrame]] = []

    def recording(frame: pd.DataFrame, lang: str = "en") -> bytes:
        data = safe_csv(frame, lang)
        files.append((lang, data, frame))
        return data

    monkeypatch.setattr(ui.widgets, "safe_csv", recording)
    return files


def read_back(data: bytes, lang: str) -> pd.DataFrame:
    if lang == "nl":
        return pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_chart_download_has_the_readers_headers_and_digits(offered, lang):
    at = app("pages/4_Simulation.py", lang)
    run = next(b for b in at.button if b.label == translate("sim.sensitivity_run", lang))
    run.click().run()  # the tornado and its table
    at.switch_page("pages/5_Scenarios.py").run()
    assert not at.exception, [e.value for e in at.exception]
    files = [(data, frame) for language, data, frame in offered if language == lang]
    assert len(files) >= 7  # funnel, reach, two risk panels, platforms, tornado, frontier
    assert len({tuple(frame.columns) for _, frame in files}) >= 5
    units = 0
    for data, frame in files:
        read = read_back(data, lang)
        assert list(read.columns) == [str(c) for c in frame.columns]
        assert not [c for c in read.columns if CODE_NAME.match(c)], list(read.columns)
        numeric = frame.select_dtypes("number").columns
        for column in numeric:
            assert pd.api.types.is_numeric_dtype(read[column]), column
            assert read[column].tolist() == pytest.approx(frame[column].tolist())
        units += any("%" in c or translate("col.unit", lang) == c for c in read.columns)
    assert units >= 4  # headers or a unit column say what the numbers count
    separator = ";" if lang == "nl" else ","
    first = files[0][0].decode("utf-8-sig").splitlines()[0]
    assert first.count(separator) >= 2
