"""Confidentiality: identifying columns out before analysis; no small group shown.

Follows the norms of Effectory, Qualtrics and Peakon: no result for a group
under the threshold (default 5, never below 3), and complementary groups
suppressed so a small group cannot be found by subtracting the others from
the total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.survey.errors import SurveyError
from core.survey.likert import normalise

DEFAULT_THRESHOLD = 5
MIN_THRESHOLD = 3

_PII_NAME = re.compile(
    r"""^(
      (first|last|full|given|family|recipient\s?(first|last)?)\s?name | name | naam | voornaam
    | achternaam | familienaam | nachname.* | vorname.* | nombre | apellido.*
    | e-?mail.* | .*e-?mail(address|adres)? | recipientemail | emailaddress | correo.*
    | ip\s?-?ad(d)?res(s|se)? | ip | ipaddress | ip-adresse
    | location\s?(latitude|longitude|accuracy) | latitude | longitude | breedtegraad | lengtegraad
    | breitengrad.* | l[aä]ngengrad.* | locationlatitude | locationlongitude | locationaccuracy
    | response\s?id | responseid | respons\s?id | respondent\s?id | respondentid | recipient.*
    | antwoord-id | antwort-id | _recordid | record\s?id | id | collector\s?id | collectorid
    | external\s?(data)?\s?reference | externalreference | externaldatareference | externe.*referenz
    | phone.* | telefoon.* | gsm | mobile | address | adres | postcode | zip\s?code
    | employee\s?(number|id|nr|no) | employeenumber | personeelsnummer | staff\s?(id|number)
    | referrer | referer | verwijzer-url | referrer\s?url | seed | token | username | gebruikersnaam
    )$""",
    re.VERBOSE,
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)
_IPV4 = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")
_METADATA = re.compile(
    r"""^(start\s?date|end\s?date|recorded\s?date|startdate|enddate|recordeddate|status|progress
    |duration.*|finished|distribution\s?channel|distributionchannel|user\s?language|userlanguage
    |date\s?submitted|last\s?page|start\s?language|date\s?started|date\s?last\s?action
    |submitdate|lastpage|startlanguage|startdat|datestamp|total\s?time|group\s?time.*|question\s?time.*
    |timestamp|tijdstempel|marca\s?temporal|start\s?time|completion\s?time|last\s?modified\s?time
    |begintijd|tijd\s?van\s?voltooien|responseset|response\s?set|anfangsdatum|enddatum|antworttyp
    |aktueller\s?stand|dauer.*|beendet|erfassungsdatum|verteilungskanal|benutzersprache
    |total\s?points|quiz\s?feedback|points\s?-.*|feedback\s?-.*
    |datum\s?verstuurd|laatste\s?pagina|begin\s?taal|startdatum|datum\s?laatste\s?actie|totaaltijd
    )$""",
    re.VERBOSE,
)


def is_identifying_name(name: str) -> bool:
    return bool(_PII_NAME.match(normalise(name)))


def is_metadata_name(name: str) -> bool:
    return bool(_METADATA.match(normalise(name)))


def identifying_values(series: pd.Series) -> bool:
    """Most answers look like e-mail or IP addresses."""
    sample = [str(v).strip() for v in series.dropna().head(400) if str(v).strip()][:200]
    if not sample:
        return False
    hits = sum(1 for v in sample if _EMAIL.match(v) or _IPV4.match(v))
    return hits >= 0.5 * len(sample)


def check_threshold(threshold: int) -> int:
    if threshold < MIN_THRESHOLD:
        raise SurveyError("survey.threshold_too_low", minimum=MIN_THRESHOLD, value=threshold)
    return threshold


@dataclass(frozen=True)
class GroupRow:
    """One group of a breakdown; ``hidden`` groups carry no numbers at all."""

    group: str
    hidden: bool
    n: int | None
    means: dict[str, float] | None


def suppressed_groups(sizes: pd.Series, threshold: int) -> set[str]:
    """Groups to hide: every small group, plus complements until subtraction reveals nothing.

    The hidden set must hold at least two groups and at least ``threshold``
    respondents together, else its total (overall minus the visible groups)
    would expose a small group.
    """
    hidden = {str(g) for g, n in sizes.items() if n < threshold}
    if not hidden:
        return hidden
    order = [str(g) for g in sizes.sort_values().index]
    size_of = {str(g): int(n) for g, n in sizes.items()}
    while len(hidden) < len(order) and (
        len(hidden) < 2 or sum(size_of[g] for g in hidden) < threshold
    ):
        hidden.add(next(g for g in order if g not in hidden))
    return hidden


def breakdown(
    scores: pd.DataFrame, group: pd.Series, columns: list[str], threshold: int = DEFAULT_THRESHOLD
) -> list[GroupRow]:
    """Mean scores per group, with small and complementary groups hidden."""
    threshold = check_threshold(threshold)
    labels = group.astype(str).str.strip().replace("", np.nan)
    valid = labels.notna()
    frame = scores.loc[valid, columns].copy()
    frame["_group"] = labels[valid].to_numpy()
    sizes = frame.groupby("_group").size()
    hidden = suppressed_groups(sizes, threshold)
    means = frame.groupby("_group")[columns].mean()
    rows = []
    for g, n in sizes.sort_index().items():
        if str(g) in hidden:
            rows.append(GroupRow(str(g), True, None, None))
        else:
            rows.append(
                GroupRow(str(g), False, int(n), {c: float(means.loc[g, c]) for c in columns})
            )
    return rows
