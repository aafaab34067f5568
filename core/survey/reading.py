"""Bytes in, a table of answers out: encodings, delimiters, workbooks, SPSS.

Everything happens in memory (``io.BytesIO``); nothing uploaded touches the
disk. Every failure is a :class:`SurveyError` with a clear message.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from core.survey import budget
from core.survey.budget import MAX_CELLS
from core.survey.errors import SurveyError
from core.thresholds import MAX_SURVEY_BYTES as MAX_BYTES

DELIMITERS = (",", ";", "\t")
ZIP_MAGIC = b"PK\x03\x04"
SAV_MAGIC = (b"$FL2", b"$FL3")


@dataclass
class Grid:
    """Raw cells as strings (CSV/XLSX) before header interpretation."""

    rows: list[list[str]]
    kind: str  # "csv" or "xlsx"
    encoding: str | None = None
    delimiter: str | None = None


@dataclass
class SavData:
    """An SPSS file: data, variable labels and value labels."""

    frame: pd.DataFrame
    labels: dict[str, str] = field(default_factory=dict)
    value_labels: dict[str, dict[Any, str]] = field(default_factory=dict)


def check_size(data: bytes, limit: int = MAX_BYTES) -> None:
    if not data:
        raise SurveyError("survey.empty")
    if len(data) > limit:
        raise SurveyError("survey.too_large", size=len(data) // 1_000_000, limit=limit // 1_000_000)


def preflight(data: bytes, filename: str, limit: int = MAX_BYTES) -> str:
    """Size, kind and the cell budget from headers only: safe to run before any parsing."""
    check_size(data, limit)
    kind = sniff_kind(data, filename)
    {"xlsx": budget.check_xlsx, "sav": budget.check_sav, "csv": budget.check_csv}[kind](data)
    return kind


def sniff_kind(data: bytes, filename: str) -> str:
    """'xlsx', 'sav' or 'csv' from the content first, the extension second."""
    ext = filename.lower().rsplit(".", 1)[-1] if "." in filename else ""
    if data.startswith(ZIP_MAGIC):
        return "xlsx"
    if data.startswith(SAV_MAGIC):
        return "sav"
    if ext in ("xlsx", "xlsm"):
        raise SurveyError("survey.not_xlsx", name=filename)
    if ext in ("sav", "zsav"):
        raise SurveyError("survey.not_sav", name=filename)
    if ext in ("xls",):
        raise SurveyError("survey.old_xls", name=filename)
    return "csv"


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used: BOMs, UTF-16 without BOM, UTF-8, then cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise SurveyError("survey.not_text") from exc
    head = data[:4000]
    if head.count(b"\x00") > len(head) // 4:
        codec = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as exc:
            raise SurveyError("survey.not_text") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return data.decode("cp1252", errors="replace"), "cp1252"


def _looks_binary(text: str) -> bool:
    sample = text[:4000]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
    return "\x00" in sample or controls > len(sample) * 0.02 or sample.count("\ufffd") > 20


def choose_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently into most fields."""
    lines = [ln for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")[:20] if ln]
    best, best_score = ",", -1.0
    for delim in DELIMITERS:
        try:
            rows = list(csv.reader(lines, delimiter=delim))
        except csv.Error:
            continue
        counts = [len(r) for r in rows]
        if not counts or max(counts) < 2:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) / len(counts) * min(common, 1000)
        if score > best_score:
            best, best_score = delim, score
    return best


def read_csv_grid(data: bytes) -> Grid:
    budget.check_csv(data)
    text, encoding = decode(data)
    if _looks_binary(text):
        raise SurveyError("survey.not_a_survey")
    if not text.strip():
        raise SurveyError("survey.empty")
    delimiter = choose_delimiter(text)
    csv.field_size_limit(10_000_000)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise SurveyError("survey.csv_broken", detail=str(exc)) from exc
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise SurveyError("survey.empty")
    if max(len(r) for r in rows) < 2:
        raise SurveyError("survey.one_column")
    return Grid(rows=rows, kind="csv", encoding=encoding, delimiter=delimiter)


def read_xlsx_grid(data: bytes) -> Grid:
    """The first sheet with data, as strings (dates kept as ISO text)."""
    budget.check_xlsx(data)
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types on damaged files
        raise SurveyError("survey.xlsx_broken", detail=type(exc).__name__) from exc
    try:
        grid = _first_sheet(book)
    except SurveyError:
        raise
    except Exception as exc:  # damaged XML, unsupported zip features, bad cell values
        raise SurveyError("survey.xlsx_broken", detail=type(exc).__name__) from exc
    finally:
        book.close()
    if grid is None:
        raise SurveyError("survey.xlsx_empty")
    return grid


def _first_sheet(book: Any) -> Grid | None:
    """The first sheet with data, stopped as soon as it exceeds the cell budget."""
    for sheet in book.worksheets:
        rows: list[list[str]] = []
        cells = 0
        for row in sheet.iter_rows(values_only=True):
            cells += len(row)
            if cells > MAX_CELLS:
                raise SurveyError("survey.too_many_cells", limit=MAX_CELLS)
            values = ["" if v is None else _cell_text(v) for v in row]
            if any(v.strip() for v in values):
                rows.append(values)
        if rows:
            width = max(len(r) for r in rows)
            return Grid(rows=[r + [""] * (width - len(r)) for r in rows], kind="xlsx")
    return None


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
    return str(value)


def read_sav(data: bytes) -> SavData:
    import pyreadstat

    budget.check_sav(data)
    try:
        frame, meta = pyreadstat.read_sav(io.BytesIO(data), user_missing=False)
    except Exception as exc:  # pyreadstat raises its own error types
        raise SurveyError("survey.sav_broken", detail=type(exc).__name__) from exc
    if frame.empty:
        raise SurveyError("survey.no_rows")
    labels = {k: v for k, v in (meta.column_names_to_labels or {}).items() if v}
    return SavData(frame=frame, labels=labels, value_labels=dict(meta.variable_value_labels or {}))
