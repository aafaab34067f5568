"""Synthetic exports of Serre's own questionnaire, with known truth.

Used for the sample files in ``sample_data/surveys``, for tests (planted
construct means must be recovered) and for benchmarks. Every writer returns
bytes in the layout of a real survey tool.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from core.scenario import CONSTRUCTS
from core.yaml_files import load_yaml

QUESTIONNAIRE = (
    Path(__file__).resolve().parents[2] / "sample_data" / "surveys" / "serre_questionnaire.yaml"
)
DEPARTMENTS = {"Sales": 0.3, "Operations": 0.35, "IT": 0.2, "HR": 0.12, "Legal": 0.03}
AGE_GROUPS = ("<30", "30-44", "45-59", "60+")
GROUPS_NL = {
    "Sales": "Verkoop",
    "Operations": "Operaties",
    "IT": "IT",
    "HR": "HR",
    "Legal": "Juridische dienst",
}


@cache
def questionnaire() -> dict[str, Any]:
    with QUESTIONNAIRE.open(encoding="utf-8") as handle:
        return load_yaml(handle)


@dataclass
class SyntheticSurvey:
    """Answers as the tool would show them, plus the truth they were drawn from."""

    answers: pd.DataFrame  # columns = item ids, values = answer labels
    numeric: pd.DataFrame  # item ids -> 1..5 before reverse-keying (NaN = missing)
    truth: dict[str, float]  # construct -> mean of respondents' item means
    behaviour_truth: dict[str, float]
    lang: str

    def question(self, item_id: str) -> str:
        item = next(i for i in questionnaire()["items"] if i["id"] == item_id)
        return item[self.lang]


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def generate(
    n: int,
    rng: np.random.Generator,
    lang: str = "en",
    means: dict[str, float] | None = None,
    spread: float = 0.7,
    noise: float = 0.6,
    missing_rate: float = 0.02,
    profiles: list[dict[str, float]] | None = None,
) -> SyntheticSurvey:
    """``n`` respondents answering Serre's questionnaire in ``lang``.

    ``profiles`` (optional) are segments of respondents: each adds its own
    shift per construct to the means, and respondents are split evenly.
    """
    q = questionnaire()
    means = {c: 3.0 for c in CONSTRUCTS} | (means or {})
    shift = {c: np.zeros(n) for c in CONSTRUCTS}
    if profiles:
        segment = rng.permutation(np.arange(n) % len(profiles))
        for k, profile in enumerate(profiles):
            for c, offset in profile.items():
                shift[c][segment == k] = offset
    latent = {c: means[c] + shift[c] + spread * rng.standard_normal(n) for c in CONSTRUCTS}
    numeric: dict[str, np.ndarray] = {}
    answers: dict[str, list[str]] = {}
    scales = q["scales"]
    for item in q["items"]:
        target, scale = item["target"], item["scale"]
        if target in CONSTRUCTS:
            value = np.clip(np.rint(latent[target] + noise * rng.standard_normal(n)), 1, 5)
            value = np.where(rng.random(n) < missing_rate, np.nan, value)
            numeric[item["id"]] = value
            shown = 6 - value if item.get("reverse") else value
            labels = scales["agreement"][lang]
            answers[item["id"]] = [
                scales["missing"][lang] if np.isnan(v) else labels[int(v) - 1] for v in shown
            ]
        elif scale == "yes_no":
            z = {
                "follows": 0.4 + 0.9 * (latent["identification"] - 3),
                "likes_shares": -0.2 + 0.9 * (latent["identification"] - 3),
                "posts_work": -0.8
                + 0.7 * (latent["identification"] - 3)
                + 0.6 * (latent["social_media_skill"] - 3),
                "posted_criticism": -2.0
                - 0.7 * (latent["satisfaction"] - 3)
                - 0.6 * (latent["voice"] - 3),
                "chat_groups": np.full(n, 0.4),
            }[target]
            yes = rng.random(n) < _sigmoid(z)
            numeric[item["id"]] = yes.astype(float)
            answers[item["id"]] = [scales["yes_no"][lang][int(y)] for y in yes]
        elif scale == "frequency":
            level = np.clip(
                np.rint(2.5 + 0.9 * (latent["social_media_skill"] - 3) + rng.standard_normal(n)),
                1,
                5,
            )
            numeric[item["id"]] = level
            answers[item["id"]] = [scales["frequency"][lang][int(v) - 1] for v in level]
        elif scale == "department":
            names = list(DEPARTMENTS)
            picks = rng.choice(len(names), n, p=list(DEPARTMENTS.values()))
            answers[item["id"]] = [names[i] if lang == "en" else GROUPS_NL[names[i]] for i in picks]
        elif scale == "age":
            answers[item["id"]] = list(rng.choice(AGE_GROUPS, n))
    numeric_frame = pd.DataFrame(numeric)
    truth = {}
    for construct in CONSTRUCTS:
        ids = [i["id"] for i in q["items"] if i["target"] == construct]
        per_person = numeric_frame[ids].mean(axis=1)
        answered = numeric_frame[ids].notna().sum(axis=1) >= np.ceil(len(ids) / 2)
        truth[construct] = float(per_person[answered].mean())
    behaviour_truth = {
        i["target"]: float(numeric_frame[i["id"]].mean())
        for i in q["items"]
        if i["scale"] == "yes_no"
    }
    return SyntheticSurvey(pd.DataFrame(answers), numeric_frame, truth, behaviour_truth, lang)


def _columns(survey: SyntheticSurvey) -> list[str]:
    return [survey.question(c) for c in survey.answers.columns]


def _csv_bytes(rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    import csv

    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def _times(n: int, rng: np.random.Generator) -> list[pd.Timestamp]:
    start = pd.Timestamp("2026-10-01 08:00:00")
    return [start + pd.Timedelta(minutes=int(m)) for m in np.sort(rng.integers(0, 20_000, n))]


def to_qualtrics_csv(survey: SyntheticSurvey, rng: np.random.Generator) -> bytes:
    """Qualtrics 'new' export: ids, question texts, ImportId JSON, then answers."""
    n = len(survey.answers)
    meta = {
        "StartDate": "Start Date",
        "EndDate": "End Date",
        "Status": "Response Type",
        "IPAddress": "IP Address",
        "Progress": "Progress",
        "Duration (in seconds)": "Duration (in seconds)",
        "Finished": "Finished",
        "RecordedDate": "Recorded Date",
        "ResponseId": "Response ID",
        "RecipientLastName": "Recipient Last Name",
        "RecipientFirstName": "Recipient First Name",
        "RecipientEmail": "Recipient Email",
        "ExternalReference": "External Data Reference",
        "LocationLatitude": "Location Latitude",
        "LocationLongitude": "Location Longitude",
        "DistributionChannel": "Distribution Channel",
        "UserLanguage": "User Language",
    }
    ids = [*meta, *(f"Q{i + 1}" for i in range(survey.answers.shape[1]))]
    texts = [*meta.values(), *_columns(survey)]
    rows = [ids, texts, [json.dumps({"ImportId": i}) for i in ids]]
    times = _times(n, rng)
    for r, answers in enumerate(survey.answers.values.tolist()):
        ip = ".".join(str(x) for x in rng.integers(1, 255, 4))
        values = [
            str(times[r]),
            str(times[r] + pd.Timedelta(minutes=6)),
            "0",
            ip,
            "100",
            "360",
            "1",
            str(times[r]),
            f"R_{rng.integers(10**12, 10**13)}",
            "",
            "",
            "",
            "",
            f"{50.8 + rng.random():.6f}",
            f"{4.3 + rng.random():.6f}",
            "anonymous",
            survey.lang.upper(),
        ]
        rows.append(values + answers)
    return _csv_bytes(rows)


def to_google_forms_csv(survey: SyntheticSurvey, rng: np.random.Generator) -> bytes:
    """Google Forms: 'Timestamp' first, full question texts as headers, UTF-8."""
    header = ["Tijdstempel" if survey.lang == "nl" else "Timestamp", *_columns(survey)]
    times = _times(len(survey.answers), rng)
    rows = [header] + [
        [t.strftime("%d/%m/%Y %H:%M:%S"), *row]
        for t, row in zip(times, survey.answers.values.tolist(), strict=True)
    ]
    return _csv_bytes(rows)


def to_ms_forms_xlsx(survey: SyntheticSurvey, rng: np.random.Generator) -> bytes:
    """Microsoft Forms download: ID, times, e-mail and name (to be dropped), then questions."""
    n = len(survey.answers)
    times = _times(n, rng)
    frame = pd.DataFrame(
        {
            "ID": range(1, n + 1),
            "Start time": times,
            "Completion time": [t + pd.Timedelta(minutes=5) for t in times],
            "Email": [f"employee{i}@example.org" for i in range(n)],
            "Name": [f"Employee {i}" for i in range(n)],
            "Last modified time": [None] * n,
        }
    )
    answers = survey.answers.copy()
    answers.columns = _columns(survey)
    buffer = io.BytesIO()
    pd.concat([frame, answers], axis=1).to_excel(buffer, index=False, sheet_name="Sheet1")
    return buffer.getvalue()


def to_spss_sav(survey: SyntheticSurvey) -> bytes:
    """SPSS .sav with numeric codes, variable labels and value labels."""
    import os
    import tempfile

    import pyreadstat

    q = questionnaire()
    scales = q["scales"]
    data, value_labels = {}, {}
    for item in q["items"]:
        col = item["id"]
        labels_shown = survey.answers[col]
        if item["scale"] in ("agreement", "frequency", "yes_no"):
            labels = scales[item["scale"]][survey.lang]
            start = 0 if item["scale"] == "yes_no" else 1
            codes = {label: start + i for i, label in enumerate(labels)}
            data[col] = [codes.get(v, np.nan) for v in labels_shown]
            value_labels[col] = {float(v): k for k, v in codes.items()}
        else:
            data[col] = list(labels_shown)
    frame = pd.DataFrame(data)
    labels = {i["id"]: i[survey.lang] for i in q["items"]}
    # pyreadstat writes to a path only: a private temporary file, removed at once.
    # This runs when building sample files and tests, never on user uploads.
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "survey.sav")
        pyreadstat.write_sav(frame, path, column_labels=labels, variable_value_labels=value_labels)
        with open(path, "rb") as handle:
            return handle.read()


def to_surveymonkey_csv(survey: SyntheticSurvey) -> bytes:
    """SurveyMonkey: question text row, then a 'Response' sub-row."""
    top = ["RespondentID", *_columns(survey)]
    sub = ["", *["Response"] * survey.answers.shape[1]]
    rows = [top, sub] + [[str(1000 + i), *r] for i, r in enumerate(survey.answers.values.tolist())]
    return _csv_bytes(rows, encoding="cp1252")


def to_plain_csv(survey: SyntheticSurvey, delimiter: str = ";", encoding: str = "cp1252") -> bytes:
    """A plain table as Belgian Excel saves it: semicolons, Windows-1252."""
    rows = [_columns(survey), *survey.answers.values.tolist()]
    return _csv_bytes(rows, delimiter=delimiter, encoding=encoding)
