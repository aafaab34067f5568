"""Privacy review of every column before analysis, with the reason for each decision.

A column is identifying by its heading (Dutch, English, French, German) or
by its content: unique ids, sequential integers, GUIDs, e-mail and IP
addresses, phone numbers, coordinates, person names and dates of birth.
Free text is recognised by content (mostly unique non-numeric answers,
however many are empty). Only categorical columns with few levels may be
group columns. The user may drop more columns; keeping an identifying one
needs an explicit confirmation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.survey.errors import SurveyError
from core.survey.likert import ColumnKind, normalise
from core.survey.privacy import is_identifying_name, is_metadata_name

MAX_GROUP_LEVELS = 20  # a breakdown by more levels is a list of individuals, not groups
SAMPLE = 500
SHARE = 0.5  # share of non-empty answers that must look identifying

# Headings in Dutch, English, French and German beyond privacy._PII_NAME.
_NAME = re.compile(
    r"""^(
      resp\.?\s?id | respid | resp_id | respondent(nummer|number|\s?nr)? | deelnemer\s?(id|nummer)
    | antwoord\s?-?id | antwoordnummer | id\s?(de\s?la\s?)?r[ée]ponse | identifiant.*
    | antwort\s?-?id
    | teilnehmer\s?-?(id|nummer) | participant\s?(id|number) | guid | uuid | session\s?id
    | nom | pr[ée]nom | nom\s?de\s?famille | courriel | adresse\s?([ée]lectronique|e-?mail|ip)
    | t[ée]l[ée]phone | portable | num[ée]ro\s?de\s?t[ée]l[ée]phone | telefon(nummer)?
    | handy(nummer)? | mobiel(\s?nummer)? | e-?mail-?adresse | matricule | personalnummer
    | mitarbeiter\s?-?(id|nummer)
    | date\s?of\s?birth | birth\s?date | birthday | dob | geboortedatum | geboortedag
    | date\s?de\s?naissance | geburtsdatum | geburtstag | anschrift | stra(ss|ß)e | rue | straat
    | wohnort | woonplaats | domicile | coordinates | co[öo]rdinaten | koordinaten | gps
    | ip-?adres(se)? | adresse\s?ip
    )$""",
    re.VERBOSE,
)
_BIRTH_NAME = re.compile(r"birth|geboorte|naissance|geburt|\bdob\b")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)
_IPV4 = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")
_IPV6 = re.compile(r"^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}$", re.I)
_GUID = re.compile(
    r"^\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$", re.I
)
_PHONE = re.compile(r"^\+?[\d\s\-().\/]{8,20}$")
_COORD_PAIR = re.compile(r"^-?\d{1,3}\.\d{3,}\s*[,;]\s*-?\d{1,3}\.\d{3,}$")
_COORD = re.compile(r"^-?\d{1,3}\.\d{4,}$")
_TOKEN = re.compile(r"^(?=.*\d)[A-Za-z0-9_\-]{5,}$")
_PERSON = re.compile(
    r"^[A-ZÀ-Ý][a-zà-ÿ'’\-]+(\s(van|de|der|den|le|la|von|du|da|di|ten|ter|d'|vd))*"
    r"(\s[A-ZÀ-Ý][a-zà-ÿ'’\-]+){1,2}$"
)

IDENTIFYING_REASONS = (
    "name",
    "email",
    "ip",
    "guid",
    "phone",
    "coordinates",
    "person_name",
    "birth_date",
    "unique_id",
    "sequential",
)


@dataclass(frozen=True)
class ColumnReview:
    """What happens to one column, and why (``reason`` is a catalogue suffix)."""

    column: str
    question: str
    decision: str  # "drop", "metadata", "item", "group", "other", "empty"
    reason: str  # e.g. "email", "free_text", "scale", "few_levels", "too_many_levels"
    user: bool = False  # the user's own choice

    @property
    def identifying(self) -> bool:
        return self.decision == "drop" and self.reason in IDENTIFYING_REASONS

    def to_dict(self) -> dict[str, object]:
        return {
            "column": self.column,
            "decision": self.decision,
            "reason": self.reason,
            "user": self.user,
        }


def _values(series: pd.Series) -> list[str]:
    """Up to ``SAMPLE`` non-empty answers as stripped text."""
    out: list[str] = []
    for value in series.head(5000):
        if value is None or value != value:
            continue
        text = str(value).strip()
        if text and text.lower() not in ("nan", "none"):
            out.append(text)
            if len(out) >= SAMPLE:
                break
    return out


def name_reason(column: str, question: str) -> str | None:
    """'name' or 'birth_date' when a heading says the column identifies people."""
    for text in (column, question):
        low = normalise(text)
        if _BIRTH_NAME.search(low) and len(low) <= 40:
            return "birth_date"
        if is_identifying_name(text) or _NAME.match(low):
            return "name"
    return None


def _share(values: list[str], pattern: re.Pattern[str]) -> float:
    return sum(1 for v in values if pattern.match(v)) / len(values)


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _birth_dates(values: list[str]) -> bool:
    """Most answers are dates at least 15 years back (not recent timestamps)."""
    texts = [v for v in values if re.search(r"\d{1,4}[\-/.]\d{1,2}[\-/.]\d{1,4}", v)]
    if len(texts) < SHARE * len(values):
        return False
    parsed = pd.to_datetime(pd.Series(texts), errors="coerce", dayfirst=True, format="mixed")
    years = parsed.dropna().dt.year
    if len(years) < SHARE * len(values):
        return False
    now = pd.Timestamp.now().year
    return bool(((years >= 1900) & (years <= now - 15)).mean() >= 0.8 and years.nunique() > 3)


def content_reason(series: pd.Series) -> str | None:
    """Why the answers themselves identify people, or None."""
    values = _values(series)
    if len(values) < 3:
        return None
    checks = (
        ("email", _EMAIL),
        ("ip", _IPV4),
        ("guid", _GUID),
        ("coordinates", _COORD_PAIR),
    )
    for reason, pattern in checks:
        if _share(values, pattern) >= SHARE:
            return reason
    if _share(values, _IPV6) >= SHARE and any(":" in v for v in values):
        return "ip"
    if _birth_dates(values):
        return "birth_date"
    unique = len(set(values)) / len(values)
    phones = [v for v in values if _PHONE.match(v) and 8 <= _digits(v) <= 15]
    if len(phones) >= SHARE * len(values) and unique >= 0.8:
        return "phone"
    if _share(values, _COORD) >= SHARE and unique >= 0.8:
        return "coordinates"
    if _share(values, _PERSON) >= SHARE and unique >= 0.7 and len(values) >= 5:
        return "person_name"
    integers = [v for v in values if re.fullmatch(r"-?\d+", v)]
    if len(values) >= 10 and len(integers) == len(values) and unique >= 0.98:
        numbers = np.array([int(v) for v in integers[:SAMPLE]], dtype=float)
        span = numbers.max() - numbers.min() + 1
        return "sequential" if span <= 1.5 * len(numbers) else "unique_id"
    tokens = _share(values, _TOKEN)
    if len(values) >= 10 and tokens >= 0.9 and unique >= 0.98:
        return "unique_id"
    return None


def identifying_reason(column: str, question: str, series: pd.Series) -> str | None:
    """The first reason a column identifies people: its heading, then its content."""
    return name_reason(column, question) or content_reason(series)


def review_kind(column: str, question: str, kind: ColumnKind, levels: int, n: int) -> ColumnReview:
    """The decision for a column that identifies nobody, from what it holds."""
    if kind.kind == "free_text":
        return ColumnReview(column, question, "drop", "free_text")
    if kind.kind == "empty":
        return ColumnReview(column, question, "empty", "empty")
    if kind.kind in ("likert", "numeric_scale", "binary"):
        reason = "yes_no" if kind.kind == "binary" else "scale"
        return ColumnReview(column, question, "item", reason)
    if kind.kind == "category":
        if 2 <= levels <= min(MAX_GROUP_LEVELS, max(2, n // 2)):
            return ColumnReview(column, question, "group", "few_levels")
        return ColumnReview(column, question, "other", "too_many_levels")
    return ColumnReview(column, question, "other", "number")


def check_overrides(reviews: dict[str, ColumnReview], keep: Iterable[str], confirmed: bool) -> None:
    """Keeping an identifying column needs an explicit confirmation."""
    risky = [c for c in keep if c in reviews and reviews[c].identifying]
    if risky and not confirmed:
        raise SurveyError("survey.keep_needs_confirmation", columns=", ".join(risky))


def metadata_name(column: str, question: str) -> bool:
    return is_metadata_name(column) or is_metadata_name(question)
