"""Safe tabular exports: cells a spreadsheet would run as formulas are neutralised."""

from __future__ import annotations

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FLOATS = "%.15g"  # shortest form that keeps every digit a reader needs


def neutralise(value: object) -> object:
    """Text starting like a formula gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_csv(frame: pd.DataFrame, lang: str = "en") -> bytes:
    """CSV (UTF-8 with BOM, for Excel) with formula-like text neutralised.

    Dutch files use Excel's Dutch convention: ';' between fields, a decimal comma;
    English files ',' and a decimal point. Floats are written as read (``12346``,
    ``48.3``), never ``12346.0`` or ``0.30000000000000004``.
    """
    clean = frame.copy()
    for column in clean.columns:
        if clean[column].dtype == object or str(clean[column].dtype).startswith("str"):
            clean[column] = clean[column].map(neutralise)
    clean.columns = [neutralise(str(c)) for c in clean.columns]
    if lang == "nl":
        text = clean.to_csv(index=False, sep=";", decimal=",", float_format=FLOATS)
    else:
        text = clean.to_csv(index=False, float_format=FLOATS)
    return text.encode("utf-8-sig")
