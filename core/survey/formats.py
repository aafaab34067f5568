"""Which survey tool made this export, and where its header rows end.

Qualtrics (3 header rows; legacy 2 rows), SurveyMonkey (2 rows with a
'Response' sub-row), Microsoft Forms, Google Forms, LimeSurvey, SPSS, and
plain one-header tables. The result is one :class:`Table`: unique column
ids, the question text behind each, and the answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from core.survey.errors import SurveyError
from core.survey.likert import classify, distinct_answers, normalise
from core.survey.reading import Grid, SavData

FORMAT_LABELS = {
    "qualtrics": "Qualtrics CSV (3 header rows)",
    "qualtrics_legacy": "Qualtrics legacy CSV (2 header rows)",
    "surveymonkey": "SurveyMonkey (2 header rows)",
    "ms_forms": "Microsoft Forms",
    "google_forms": "Google Forms",
    "limesurvey": "LimeSurvey",
    "spss": "SPSS .sav",
    "plain_csv": "CSV with one header row",
    "plain_xlsx": "Excel with one header row",
}
TIMESTAMP_HEADERS = {"timestamp", "tijdstempel", "marca temporal", "horodateur", "zeitstempel"}
LIMESURVEY_HEADERS = {
    "response id", "date submitted", "last page", "start language", "date started",
    "respons id", "datum verstuurd", "laatste pagina", "begin taal", "startdatum",
    "id", "submitdate", "lastpage", "startlanguage", "seed",
}  # fmt: skip
MS_FORMS_HEADERS = [
    ("id", "start time", "completion time"),
    ("id", "begintijd", "tijd van voltooien"),
    ("id", "starttijd", "voltooiingstijd"),
]
SUBROW_RESPONSE = {"response", "open-ended response", "antwoord", "open antwoord"}


@dataclass
class Table:
    """Answers with one unique id per column and the question text behind it."""

    format: str
    columns: list[str]
    questions: dict[str, str]
    frame: pd.DataFrame
    encoding: str | None = None
    delimiter: str | None = None
    value_labels: dict[str, dict] = field(default_factory=dict)
    warnings: list[tuple[str, dict]] = field(default_factory=list)


def _lower(cells: list[str]) -> list[str]:
    return [normalise(c) for c in cells]


def detect_format(grid: Grid) -> tuple[str, int]:
    """(format, number of header rows) from the first rows of a grid."""
    rows = grid.rows
    r0 = _lower(rows[0])
    r1 = rows[1] if len(rows) > 1 else []
    r2 = rows[2] if len(rows) > 2 else []
    import_ids = sum(1 for c in r2 if c.strip().startswith(('{"ImportId"', "{'ImportId'")))
    if r2 and import_ids >= max(1, len([c for c in r2 if c.strip()]) // 2):
        return "qualtrics", 3
    if r0[:3] == ["v1", "v2", "v3"] and "responseid" in _lower(r1):
        return "qualtrics_legacy", 2
    sub = [c for c in _lower(r1) if c]
    responses = sum(1 for c in sub if c in SUBROW_RESPONSE)
    if responses and (responses >= 0.3 * len(sub) or "" in r0[1:] or r0[0] == "respondentid"):
        return "surveymonkey", 2
    if r0 and r0[0] in TIMESTAMP_HEADERS:
        return "google_forms", 1
    if any(tuple(r0[:3]) == h for h in MS_FORMS_HEADERS):
        return "ms_forms", 1
    if len(LIMESURVEY_HEADERS & set(r0)) >= 3:
        return "limesurvey", 1
    return ("plain_xlsx" if grid.kind == "xlsx" else "plain_csv"), 1


def _unique_ids(raw: list[str], warnings: list[tuple[str, dict]]) -> list[str]:
    """Blank headers get a position name, duplicates a suffix; both are reported."""
    seen: dict[str, int] = {}
    out = []
    for i, name in enumerate(raw, start=1):
        name = " ".join(name.split())
        if not name:
            name = f"column_{i}"
            warnings.append(("survey.warn_blank_header", {"column": i}))
        if name in seen:
            seen[name] += 1
            warnings.append(("survey.warn_duplicate_header", {"name": name}))
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        out.append(name)
    return out


def _surveymonkey_headers(r0: list[str], r1: list[str]) -> list[str]:
    out, current = [], ""
    for top, sub in zip(r0, r1, strict=False):
        current = top.strip() or current
        sub = sub.strip()
        out.append(
            current if normalise(sub) in SUBROW_RESPONSE or not sub else f"{current} - {sub}"
        )
    return out


def _headerless(first: list[str], n_rows: int) -> bool:
    """True when the first row is data: every cell a number or a scale answer."""
    cells = [c for c in first if c.strip()]
    if not cells:
        return False
    kind = classify(distinct_answers(pd.Series(cells)), n_rows)
    return kind.kind in ("numeric_scale", "number", "likert")


def table_from_grid(grid: Grid) -> Table:
    fmt, n_header = detect_format(grid)
    rows = grid.rows
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    warnings: list[tuple[str, dict]] = []
    if fmt == "qualtrics":
        ids, texts = rows[0], rows[1]
    elif fmt == "qualtrics_legacy":
        ids = [
            b if a.lower().startswith("v") and a[1:].isdigit() else a
            for a, b in zip(rows[0], rows[1], strict=True)
        ]
        texts = rows[1]
    elif fmt == "surveymonkey":
        ids = texts = _surveymonkey_headers(rows[0], rows[1])
    else:
        if _headerless(rows[0], len(rows)):
            warnings.append(("survey.warn_no_header", {}))
            n_header = 0
            ids = texts = [""] * width
        else:
            ids = texts = rows[0]
    columns = _unique_ids(list(ids), warnings)
    questions = {c: (t.strip() or c) for c, t in zip(columns, texts, strict=True)}
    data = rows[n_header:]
    if not data:
        raise SurveyError("survey.no_rows")
    frame = pd.DataFrame(data, columns=columns, dtype=object)
    empty_columns = [
        c for c in columns if c.startswith("column_") and not frame[c].str.strip().any()
    ]
    frame = frame.drop(columns=empty_columns)  # e.g. a trailing comma on every line
    columns = [c for c in columns if c not in empty_columns]
    warnings = [
        w
        for w in warnings
        if not (w[0] == "survey.warn_blank_header" and f"column_{w[1]['column']}" in empty_columns)
    ]
    return Table(
        format=fmt,
        columns=columns,
        questions={c: questions[c] for c in columns},
        frame=frame,
        encoding=grid.encoding,
        delimiter=grid.delimiter,
        warnings=warnings,
    )


def table_from_sav(sav: SavData) -> Table:
    frame = sav.frame.copy()
    for col, labels in sav.value_labels.items():
        texts = {normalise(v) for v in labels.values()}
        kind = classify(texts, len(frame))
        if kind.kind in ("likert", "binary") and col in frame:
            frame[col] = frame[col].map(labels)  # codes to scale labels
    frame = frame.astype(object).where(frame.notna(), "")
    frame = frame.map(lambda v: v if isinstance(v, str) else _number_text(v))
    columns = list(frame.columns)
    questions = {c: sav.labels.get(c, c) for c in columns}
    return Table(
        format="spss",
        columns=columns,
        questions=questions,
        frame=frame,
        value_labels=sav.value_labels,
    )


def _number_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
