"""A corpus of hostile input files, generated (never stored): bombs, damage, absurd sizes.

``build(folder)`` writes every case and returns ``{name: (path, command)}``
where ``command`` says how the CLI reads it (``survey``, ``scenario`` or
``mapping``). Run it as a script to inspect the files:

    python -m tests.hostile /tmp/hostile
"""

from __future__ import annotations

import io
import os
import struct
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAV_SAMPLE = ROOT / "sample_data" / "surveys" / "serre_example_spss_nl.sav"
XLSX_SAMPLE = ROOT / "sample_data" / "surveys" / "serre_example_ms_forms_en.xlsx"
CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"></Types>'
)
WORKBOOK = (
    b'<?xml version="1.0"?><workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>'
)


def _zip(members: dict[str, bytes], level: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", level) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _sheet(rows: bytes, dimension: str | None) -> bytes:
    dim = f'<dimension ref="{dimension}"/>'.encode() if dimension else b""
    head = b'<?xml version="1.0"?><worksheet>' + dim
    return head + b"<sheetData>" + rows + b"</sheetData></worksheet>"


def _workbook(sheet: bytes) -> bytes:
    return _zip(
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "xl/workbook.xml": WORKBOOK,
            "xl/worksheets/sheet1.xml": sheet,
        }
    )


def zip_bomb() -> bytes:
    """100 MB of one repeated cell compressed to a few hundred kB."""
    return _workbook(_sheet(b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 2_000_000, None))


def diluted_xlsx() -> bytes:
    """A sheet that states 6 million cells (the parser would pad every row to it)."""
    row = b'<row r="%d"><c r="A%d"><v>%d</v></c></row>'
    rows = b"".join(row % (i, i, i) for i in range(1, 200))
    return _workbook(_sheet(rows, "A1:BH100000"))


def unstated_cells_xlsx() -> bytes:
    """2.5 million varied cells and no dimension: only counting finds the size."""
    row = b"".join(b'<c r="%s1"><v>%d</v></c>' % (bytes([65 + j % 26]), j) for j in range(50))
    rows = b"".join(b'<row r="%d">' % i + row + b"</row>" for i in range(1, 50_001))
    return _workbook(_sheet(rows, None))


def many_members_xlsx() -> bytes:
    members = {f"xl/media/{i}.bin": b"x" for i in range(2_000)}
    return _zip({"xl/workbook.xml": WORKBOOK, **members})


def malformed_xlsx() -> bytes:
    """A valid zip whose sheet XML is broken (ParseError in the parser)."""
    return _workbook(b"<worksheet><sheetData><row><c><v>1</v></row></sheetData>\x00<<<")


def truncated_xlsx() -> bytes:
    data = XLSX_SAMPLE.read_bytes()
    return data[: len(data) // 2]


def future_zip_xlsx() -> bytes:
    """A workbook whose members claim a zip version nobody supports ('zip file version')."""
    data = bytearray(_workbook(_sheet(b"<row><c><v>1</v></c></row>", "A1:A1")))
    offset = 0
    while (offset := data.find(b"PK\x03\x04", offset)) >= 0:
        struct.pack_into("<H", data, offset + 4, 99)
        offset += 4
    offset = 0
    while (offset := data.find(b"PK\x01\x02", offset)) >= 0:
        struct.pack_into("<H", data, offset + 6, 99)
        offset += 4
    return bytes(data)


def _sav_with(offset: int, value: int) -> bytes:
    data = bytearray(SAV_SAMPLE.read_bytes())
    struct.pack_into("<i", data, offset, value)
    return bytes(data)


def sav_crash() -> bytes:
    """The first variable's type set to 2**31-1: segfaults the native SPSS reader."""
    return _sav_with(176 + 4, 2**31 - 1)


def sav_huge_cases() -> bytes:
    return _sav_with(80, 2**31 - 1)


def sav_many_variables() -> bytes:
    """A header followed by 50,000 numeric variable records."""
    head = bytearray(SAV_SAMPLE.read_bytes()[:176])
    struct.pack_into("<ii", head, 68, 50_000, 0)
    struct.pack_into("<i", head, 80, 100)
    record = struct.pack("<iiiiii8s", 2, 0, 0, 0, 0x050800, 0x050800, b"V       ")
    return bytes(head) + record * 50_000


def sav_truncated() -> bytes:
    return SAV_SAMPLE.read_bytes()[:300]


def wide_csv() -> bytes:
    """A million columns."""
    header = ",".join(f"c{i}" for i in range(1_000_000))
    return (header + "\n" + ",".join("1" for _ in range(1_000_000)) + "\n").encode()


def long_csv() -> bytes:
    return b"a,b\n" + b"1,2\n" * 300_000


def garbage() -> bytes:
    return os.urandom(200_000)


def deep_json() -> bytes:
    return b"[" * 100_000 + b"]" * 100_000


def huge_number_json() -> bytes:
    return b'{"schema_version": ' + b"9" * 5_000 + b"}"


def huge_number_mapping() -> bytes:
    return b'{"items": {"Q1": {"target": "voice", "reverse": ' + b"1" * 5_000 + b"}}}"


def deep_mapping() -> bytes:
    return b'{"items": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_001


SURVEYS = {
    "zip_bomb.xlsx": zip_bomb,
    "diluted.xlsx": diluted_xlsx,
    "unstated_cells.xlsx": unstated_cells_xlsx,
    "many_members.xlsx": many_members_xlsx,
    "malformed.xlsx": malformed_xlsx,
    "truncated.xlsx": truncated_xlsx,
    "future_zip.xlsx": future_zip_xlsx,
    "crash.sav": sav_crash,
    "huge_cases.sav": sav_huge_cases,
    "many_variables.sav": sav_many_variables,
    "truncated.sav": sav_truncated,
    "wide.csv": wide_csv,
    "long.csv": long_csv,
    "garbage.csv": garbage,
    "garbage.xlsx": garbage,
    "garbage.sav": garbage,
    "empty.csv": bytes,
}
SCENARIOS = {
    "deep.json": deep_json,
    "huge_number.json": huge_number_json,
    "garbage.json": garbage,
}
MAPPINGS = {
    "deep_mapping.json": deep_mapping,
    "huge_number_mapping.json": huge_number_mapping,
    "garbage_mapping.json": garbage,
}


def build(folder: Path) -> dict[str, tuple[str, str]]:
    """Write the corpus into ``folder``; add the device and folder cases. Name -> (path, kind)."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: dict[str, tuple[str, str]] = {}
    for kind, group in (("survey", SURVEYS), ("scenario", SCENARIOS), ("mapping", MAPPINGS)):
        for name, make in group.items():
            path = folder / name
            path.write_bytes(make())
            cases[name] = (str(path), kind)
    sparse = folder / "sparse_60mb.csv"
    with open(sparse, "wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # a 60 MB file of zeros that costs no disk
    cases["sparse_60mb.csv"] = (str(sparse), "survey")
    for kind in ("survey", "scenario", "mapping"):
        cases[f"dev_zero_{kind}"] = ("/dev/zero", kind)
        cases[f"folder_{kind}"] = (str(folder), kind)
    return cases


if __name__ == "__main__":
    for name, (path, kind) in build(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")).items():
        print(f"{kind:9} {name:28} {path}")
