"""Every column reviewed with a reason; tools recognised by layout in four languages."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from core.survey import read_table
from core.survey.review import content_reason, name_reason


@pytest.mark.parametrize(
    "heading",
    ["respid", "Antwoord ID", "ID de la réponse", "Antwort ID", "Prénom", "Nom", "Courriel",
     "Téléphone", "Telefonnummer", "Geburtsdatum", "Date de naissance", "Geboortedatum",
     "Date of birth", "Adresse IP", "IP-Adresse", "Personalnummer", "Matricule"],
)  # fmt: skip
def test_identifying_headings_in_four_languages(heading):
    assert name_reason(heading, heading) in ("name", "birth_date")


@pytest.mark.parametrize(
    "heading", ["Afdeling", "Abteilung", "Service", "I trust my manager", "Leeftijdsgroep"]
)
def test_ordinary_headings(heading):
    assert name_reason(heading, heading) is None


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ([f"user{i}@firm.be" for i in range(20)], "email"),
        ([f"10.0.{i}.7" for i in range(20)], "ip"),
        (["2001:db8::ff00:42:8329", "fe80::1ff:fe23:4567:890a", "2001:db8::1"], "ip"),
        (["3f2504e0-4f89-11d3-9a0c-0305e82c3301"] * 1
         + [f"3f2504e0-4f89-11d3-9a0c-0305e82c{i:04d}" for i in range(19)], "guid"),
        ([f"+32 470 12 34 {i:02d}" for i in range(20)], "phone"),
        ([f"51.{i:04d}1, 3.7{i:03d}4" for i in range(20)], "coordinates"),
        ([f"{first} {last}" for first in ("Jan", "Els", "Bart", "Ann")
          for last in ("Peeters", "Maes", "Claes", "De Smet", "Wouters")], "person_name"),
        ([f"{(i % 28) + 1:02d}/0{(i % 9) + 1}/19{60 + i}" for i in range(20)], "birth_date"),
        ([str(i) for i in range(1, 40)], "sequential"),
        ([f"R_{i}x{i * 7919}" for i in range(30)], "unique_id"),
    ],
)  # fmt: skip
def test_identifying_content(values, reason):
    assert content_reason(pd.Series(values)) == reason


@pytest.mark.parametrize(
    "values",
    [
        ["Agree", "Disagree", "Neutral"] * 10,
        ["Sales", "IT", "Human Resources", "Legal"] * 8,
        [str(i % 5 + 1) for i in range(40)],
        ["2026-10-01 09:00:00", "2026-10-02 10:00:00", "2026-10-03 11:00:00"] * 5,
    ],
)
def test_ordinary_content(values):
    assert content_reason(pd.Series(values)) is None


def _csv(rows):
    return "\n".join(",".join(r) for r in rows).encode()


@pytest.mark.parametrize(
    "headings",
    [
        ["ID de la réponse", "Date de soumission", "Dernière page", "Langue de départ"],
        ["Antwort ID", "Datum Abgeschickt", "Letzte Seite", "Start-Sprache"],
        ["Antwoord ID", "Datum verstuurd", "Laatste pagina", "Starttaal"],
        ["Nr", "Verzonden", "Pagina", "Taal"],  # renamed headings: the layout still tells
    ],
)
def test_limesurvey_by_headings_or_layout(headings):
    rows = [[*headings, "Q1"]] + [
        [str(i), "2026-10-01 10:00:00", "3", "nl-informal", "Eens"] for i in range(1, 6)
    ]
    assert read_table(_csv(rows), "x.csv").format == "limesurvey"


def test_ms_forms_in_german_and_google_forms_in_french():
    frame = pd.DataFrame(
        {
            "ID": [1, 2, 3],
            "Startzeit": pd.to_datetime(["2026-01-01 09:00"] * 3),
            "Fertigstellungszeit": pd.to_datetime(["2026-01-01 09:05"] * 3),
            "E-Mail": ["anonym"] * 3,
            "Frage": ["Ja", "Nein", "Ja"],
        }
    )
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    assert read_table(buffer.getvalue(), "f.xlsx").format == "ms_forms"
    rows = [["Horodatage", "Question"]] + [[f"2026/10/0{i} 10:00:00", "Oui"] for i in range(1, 5)]
    assert read_table(_csv(rows), "g.csv").format == "google_forms"
