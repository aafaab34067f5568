"""A cell, row and column budget checked before a survey file is parsed.

Each check reads only what the file says about its own size (a CSV's first
line and line count, a workbook's zip directory and sheet dimension, an SPSS
file's header and variable records), so a hostile file is refused in
milliseconds instead of after minutes of parsing.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile

from core.survey.errors import SurveyError

MAX_COLUMNS = 2_000
MAX_ROWS = 200_000
MAX_CELLS = 2_000_000
MAX_ZIP_MEMBERS = 500
MAX_UNZIPPED_BYTES = 300 * 1024 * 1024
MAX_ZIP_RATIO = 200
SAV_HEADER_BYTES = 176
_CELL = re.compile(rb"[<:]c[\s>/]")
_ROW = re.compile(rb"[<:]row[\s>/]")
_CHUNK = 1 << 20
_DIMENSION = re.compile(rb'<dimension\s+ref="([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?"')


def check_shape(rows: int, columns: int) -> None:
    """Refuse a table wider, longer or bigger than the budget."""
    if columns > MAX_COLUMNS:
        raise SurveyError("survey.too_many_columns", n=columns, limit=MAX_COLUMNS)
    if rows > MAX_ROWS:
        raise SurveyError("survey.too_many_rows", n=rows, limit=MAX_ROWS)
    if rows * columns > MAX_CELLS:
        raise SurveyError("survey.too_many_cells", limit=MAX_CELLS)


def check_csv(data: bytes) -> None:
    """Header width and line count of delimited text, from the raw bytes."""
    ends = [i for i in (data.find(b"\n"), data.find(b"\r")) if i >= 0]
    header = data[: min(ends)] if ends else data
    width = 1 + max(header.count(d) for d in (b",", b";", b"\t"))
    lines = data.count(b"\n") or data.count(b"\r")  # old Mac exports end lines with CR only
    check_shape(max(0, lines - 1), width)


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def check_xlsx(data: bytes) -> zipfile.ZipFile:
    """Members, uncompressed sizes and the sheets' stated dimensions of a workbook."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError) as exc:
        raise SurveyError("survey.not_xlsx", name="") from exc
    if len(infos) > MAX_ZIP_MEMBERS:
        raise SurveyError("survey.zip_bomb")
    total = sum(info.file_size for info in infos)
    packed = max(1, sum(info.compress_size for info in infos))
    if total > MAX_UNZIPPED_BYTES or total / packed > MAX_ZIP_RATIO:
        raise SurveyError("survey.zip_bomb")
    if "xl/workbook.xml" not in archive.namelist():
        raise SurveyError("survey.not_xlsx", name="")
    for info in infos:
        if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
            _check_dimension(archive, info)
            _count_cells(archive, info)
    return archive


def _count_cells(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Count cell and row elements in the sheet XML (a stream, never parsed) against the budget."""
    cells = rows = 0
    tail = b""
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                block = tail + chunk
                cells += len(_CELL.findall(block))
                rows += len(_ROW.findall(block))
                tail = block[-8:]
                cells -= len(_CELL.findall(tail))
                rows -= len(_ROW.findall(tail))
                if cells > MAX_CELLS or rows > MAX_ROWS:
                    break
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError) as exc:
        raise SurveyError("survey.xlsx_broken", detail=type(exc).__name__) from exc
    if rows > MAX_ROWS:
        raise SurveyError("survey.too_many_rows", n=f"{rows:,}+", limit=MAX_ROWS)
    if cells > MAX_CELLS:
        raise SurveyError("survey.too_many_cells", limit=MAX_CELLS)


def _check_dimension(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    try:
        with archive.open(info) as member:
            head = member.read(4096)
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError) as exc:
        raise SurveyError("survey.xlsx_broken", detail=type(exc).__name__) from exc
    found = _DIMENSION.search(head)
    if not found:
        return  # no stated size: the streaming count and the child's limits still apply
    first_col, first_row, last_col, last_row = found.groups()
    if last_col is None:
        return
    rows = int(last_row) - int(first_row) + 1
    columns = _column_number(last_col) - _column_number(first_col) + 1
    check_shape(max(rows, 0), max(columns, 0))


def check_sav(data: bytes) -> None:
    """Variable and case counts from an SPSS header; malformed headers are refused."""
    if len(data) < SAV_HEADER_BYTES:
        raise SurveyError("survey.sav_broken", detail="header")
    order = "<" if struct.unpack_from("<i", data, 64)[0] in (2, 3) else ">"
    if struct.unpack_from(order + "i", data, 64)[0] not in (2, 3):
        raise SurveyError("survey.sav_broken", detail="layout")
    slots, compression, _weight, cases = struct.unpack_from(order + "iiii", data, 68)
    if compression not in (0, 1, 2) or slots < -1 or cases < -1:
        raise SurveyError("survey.sav_broken", detail="header")
    variables = _count_sav_variables(data, order)
    if slots > MAX_COLUMNS * 32:
        raise SurveyError("survey.too_many_columns", n=slots, limit=MAX_COLUMNS)
    check_shape(max(cases, 0), variables)


def _count_sav_variables(data: bytes, order: str) -> int:
    """Walk the type-2 records after the header; continuation records are not variables."""
    offset, variables = SAV_HEADER_BYTES, 0
    while offset + 4 <= len(data) and struct.unpack_from(order + "i", data, offset)[0] == 2:
        if offset + 32 > len(data):
            raise SurveyError("survey.sav_broken", detail="variables")
        kind, has_label, missing = struct.unpack_from(order + "iii", data, offset + 4)
        if has_label not in (0, 1) or abs(missing) > 3 or not -1 <= kind <= 32767:
            raise SurveyError("survey.sav_broken", detail="variables")
        offset += 32
        if has_label:
            if offset + 4 > len(data):
                raise SurveyError("survey.sav_broken", detail="variables")
            length = struct.unpack_from(order + "i", data, offset)[0]
            if not 0 <= length <= 65_535:
                raise SurveyError("survey.sav_broken", detail="variables")
            offset += 4 + (length + 3) // 4 * 4
        offset += abs(missing) * 8
        if kind != -1:
            variables += 1
            if variables > MAX_COLUMNS:
                raise SurveyError("survey.too_many_columns", n=variables, limit=MAX_COLUMNS)
    if offset > len(data):
        raise SurveyError("survey.sav_broken", detail="variables")
    return variables
