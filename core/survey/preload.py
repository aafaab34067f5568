"""Imported once by the fork server of :mod:`core.survey.isolate`, never by the app itself.

Importing the readers and reading the bundled example once loads every
module a read needs (pandas, openpyxl, pyreadstat, scikit-learn), so each
child forked from the server starts warm.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl  # noqa: F401
import pyreadstat  # noqa: F401

from core.survey.errors import SurveyError
from core.survey.ingest import ingest

EXAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "surveys"


def _warm() -> None:
    for name in ("serre_example_qualtrics_en.csv", "serre_example_spss_nl.sav"):
        try:
            ingest((EXAMPLE / name).read_bytes(), name)
        except (OSError, SurveyError):
            continue


_warm()
