"""Which survey tool made this export, and where its header rows end.

Qualtrics (3 header rows; legacy 2 rows), SurveyMonkey (2 rows with a
'Response' sub-row), Microsoft Forms, Google Forms, LimeSurvey, SPSS, and
plain one-header tables. The result is one :class:`Table`: unique column
ids, the question text behind each, and the answers.
"""

from __future__ import annotations

import re
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
TIMESTAMP_HEADERS = {
    "timestamp", "tijdstempel", "marca temporal", "horodateur", "zeitstempel", "horodatage",
    "carimbo de data/hora", "informazioni cronologiche",
}  # fmt: skip
# LimeSurvey's fixed columns as it names them in English, Dutch, French and German,
# and as codes (the 'question code' heading option).
LIMESURVEY_HEADERS = {
    "response id", "date submitted", "last page", "start language", "date started",
    "date last action", "referrer url", "ip address",
    "antwoord id", "antwoord-id", "respons id", "datum verstuurd", "laatste pagina", "starttaal",
    "begin taal", "startdatum", "datum laatste actie", "verwijzer-url", "ip-adres",
    "id de la réponse", "id de réponse", "date de soumission", "dernière page",
    "langue de départ", "date de début", "date de la dernière action", "url de provenance",
    "adresse ip", "amorce",
    "antwort id", "antwort-id", "datum abgeschickt", "letzte seite", "start-sprache",
    "startsprache", "datum gestartet", "datum der letzten aktivität", "ip-adresse",
    "zufallsstartwert",
    "id", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp",
    "ipaddr", "refurl",
}  # fmt: skip
MS_FORMS_HEADERS = [
    ("id", "start time", "completion time"),
    ("id", "begintijd", "tijd van voltooien"),
    ("id", "starttijd", "voltooiingstijd"),
    ("id", "heure de début", "heure de fin"),
    ("id", "startzeit", "fertigstellungszeit"),
    ("id", "startzeit", "abschlusszeit"),
]
_LANGUAGE_CODE = re.compile(r"^[a-z]{2}(-[a-z]{2,}(-[a-z]+)?)?$", re.I)
_DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([ t]\d{1,2}:\d{2}(:\d{2})?)?")
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
    if any(tuple(r0[:3]) == h for h in MS_FORMS_HEADERS) or _ms_forms_layout(grid, r0):
        return "ms_forms", 1
    if len(LIMESURVEY_HEADERS & set(r0[:12])) >= 3 or _limesurvey_layout(rows):
        return "limesurvey", 1
    if _google_forms_layout(rows):
        return "google_forms", 1
    return ("plain_xlsx" if grid.kind == "xlsx" else "plain_csv"), 1


def _column(rows: list[list[str]], index: int, limit: int = 50) -> list[str]:
    return [r[index].strip() for r in rows[1 : limit + 1] if index < len(r) and r[index].strip()]


def _all(values: list[str], test) -> bool:
    return bool(values) and all(test(v) for v in values)


def _sequential(values: list[str]) -> bool:
    return _all(values, str.isdigit) and len(set(values)) == len(values)


def _ms_forms_layout(grid: Grid, r0: list[str]) -> bool:
    """Workbook: an id column of 1, 2, 3..., then two columns of date-times (any language)."""
    if grid.kind != "xlsx" or len(r0) < 4:
        return False
    rows = grid.rows
    return _sequential(_column(rows, 0)) and all(
        _all(_column(rows, i), lambda v: bool(_DATE.match(v))) for i in (1, 2)
    )


def _limesurvey_layout(rows: list[list[str]]) -> bool:
    """Response ids, then a last-page number and a start-language code among the first columns."""
    if len(rows) < 2 or not _sequential(_column(rows, 0)):
        return False
    width = min(8, len(rows[0]))
    languages = [i for i in range(1, width) if _all(_column(rows, i), _LANGUAGE_CODE.match)]
    pages = [i for i in range(1, width) if _all(_column(rows, i), str.isdigit)]
    return any(p < lang for lang in languages for p in pages)


def _google_forms_layout(rows: list[list[str]]) -> bool:
    """A first column of submission date-times with clock time, headed by a word, not a date."""
    values = _column(rows, 0)
    return (
        len(values) >= 3
        and not _DATE.match(rows[0][0].strip())
        and _all(values, lambda v: bool(_DATE.match(v)) and ":" in v)
    )


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
        if col not in frame:
            continue
        texts = {normalise(v) for v in labels.values()}
        kind = classify(texts, len(frame))
        observed = set(frame[col].dropna().unique())
        if kind.kind in ("likert", "binary") or (observed and observed <= set(labels)):
            frame[col] = frame[col].map(labels)  # codes to scale labels or group names
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
