"""Confidentiality: identifying columns out before analysis; no small group shown.

Follows the norms of Effectory, Qualtrics and Peakon, counted on answers:
no number rests on fewer answers than the threshold (default 5, never below
3), and more cells are suppressed until no combination of shown numbers
(overall minus groups, one grouping column against another, personas)
isolates fewer answers than the threshold (:mod:`core.survey.disclosure`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.survey.disclosure import suppress_until_safe
from core.survey.errors import SurveyError
from core.survey.likert import normalise
from core.thresholds import DEFAULT_THRESHOLD, MAX_THRESHOLD, MIN_THRESHOLD  # noqa: F401

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
    """One group of a breakdown; hidden cells (and ``hidden`` groups) carry no numbers."""

    group: str
    hidden: bool  # no cell of this group is shown
    n: int | None  # members of the group (None when hidden)
    means: dict[str, float | None] | None  # per measure; None where the cell is hidden
    answers: dict[str, int | None] | None  # answers behind each shown mean


def group_labels(series: pd.Series) -> pd.Series:
    """Group labels with blanks (and 'nan') as missing: the 'missing group' is never shown."""
    labels = series.astype(str).str.strip()
    return labels.mask(labels.isin(["", "nan", "None"]))


ReleasePlan = dict[str, dict[str, set[str]]]  # measure -> grouping column -> shown groups


def release_plan(
    scores: pd.DataFrame, groups: pd.DataFrame, measures: list[str], threshold: int
) -> ReleasePlan:
    """Per measure, the groups of every grouping column whose mean may be shown.

    Decided over all grouping columns at once (an attacker sees every
    breakdown), on answers rather than members: a cell needs ``threshold``
    answers, and no combination of shown means (with the overall mean, which
    is shown when it rests on ``threshold`` answers) may isolate fewer.
    """
    threshold = check_threshold(threshold)
    plan: ReleasePlan = {}
    labels = {c: group_labels(groups[c]).to_numpy() for c in groups.columns}
    for measure in measures:
        answered = scores[measure].notna().to_numpy()
        plan[measure] = {c: set() for c in groups.columns}
        if answered.sum() < threshold:
            continue
        keys, masks = [], []
        for column, values in labels.items():
            for label in sorted({str(v) for v in values if isinstance(v, str)}):
                keys.append((column, label))
                masks.append((values == label) & answered)
        shown = suppress_until_safe([answered], masks, threshold)
        for (column, label), ok in zip(keys, shown, strict=True):
            if ok:
                plan[measure][column].add(label)
    return plan


def breakdown(
    scores: pd.DataFrame,
    groups: pd.DataFrame,
    column: str,
    measures: list[str],
    threshold: int = DEFAULT_THRESHOLD,
    plan: ReleasePlan | None = None,
) -> list[GroupRow]:
    """Mean scores per group of ``column``; cells the release plan hides stay empty."""
    plan = plan if plan is not None else release_plan(scores, groups, measures, threshold)
    labels = group_labels(groups[column])
    rows = []
    for label in sorted({str(v) for v in labels.dropna()}):
        members = (labels == label).to_numpy()
        means: dict[str, float | None] = {}
        answers: dict[str, int | None] = {}
        for measure in measures:
            values = scores.loc[members, measure].dropna()
            ok = label in plan[measure][column]
            means[measure] = float(values.mean()) if ok else None
            answers[measure] = int(values.size) if ok else None
        if any(v is not None for v in means.values()):
            rows.append(GroupRow(label, False, int(members.sum()), means, answers))
        else:
            rows.append(GroupRow(label, True, None, None, None))
    return rows


def persona_cells(
    scores: pd.DataFrame,
    groups: pd.DataFrame,
    measures: list[str],
    personas: np.ndarray,
    threshold: int,
    plan: ReleasePlan | None = None,
) -> dict[str, list[bool]]:
    """Per measure, which personas' means may be shown beside every breakdown.

    The breakdowns (already public) are fixed; persona cells are added only
    while no combination with them isolates fewer than ``threshold`` answers.
    """
    plan = plan if plan is not None else release_plan(scores, groups, measures, threshold)
    labels = {c: group_labels(groups[c]).to_numpy() for c in groups.columns}
    out = {}
    n_personas = int(personas.max()) + 1 if len(personas) else 0
    for measure in measures:
        answered = scores[measure].notna().to_numpy()
        if answered.sum() < threshold:
            out[measure] = [False] * n_personas
            continue
        fixed = [answered] + [
            (labels[c] == g) & answered for c, shown in plan[measure].items() for g in shown
        ]
        candidates = [(personas == p) & answered for p in range(n_personas)]
        out[measure] = suppress_until_safe(fixed, candidates, threshold)
    return out
