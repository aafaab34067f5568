"""Exports of a questionnaire Serre has never seen, with planted truth.

Six constructs, three items each, written as paraphrases in English and
Dutch (one item of each construct worded the other way round), answered by
respondents with known construct means; planted identifying columns (ids,
e-mail, phone, GUID, IP, coordinates, names, birth dates) and a free-text
question; a department with one group too small to show. Written in the
layout of each supported tool.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
import uuid
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.scenario import CONSTRUCTS

# (construct, reversed, English, Dutch): paraphrases, not the lexicon's own sentences
ITEMS = [
    ("satisfaction", False, "Overall, my job gives me real satisfaction.",
     "Over het geheel genomen geeft mijn job me echte voldoening."),
    ("satisfaction", False, "Most mornings I look forward to my working day.",
     "De meeste ochtenden kijk ik uit naar mijn werkdag."),
    ("satisfaction", True, "I am seriously considering looking for another job.",
     "Ik overweeg serieus om een andere baan te zoeken."),
    ("identification", False, "I tell friends with pride where I work.",
     "Ik vertel vrienden met fierheid waar ik werk."),
    ("identification", False, "The values of this organisation are my values.",
     "De waarden van deze organisatie zijn ook mijn waarden."),
    ("identification", True, "To me this is just a place where I earn my money.",
     "Voor mij is dit gewoon een plek waar ik mijn geld verdien."),
    ("voice", False, "When something bothers me, I can say so to my supervisor.",
     "Als iets me dwarszit, kan ik dat zeggen tegen mijn leidinggevende."),
    ("voice", False, "My suggestions are taken seriously here.",
     "Mijn suggesties worden hier serieus genomen."),
    ("voice", True, "Speaking up here only gets you into trouble.",
     "Wie hier zijn mond opendoet, krijgt problemen."),
    ("trust", False, "I believe what senior management tells us.",
     "Ik geloof wat het management ons vertelt."),
    ("trust", False, "Management acts with integrity.", "Het management handelt integer."),
    ("trust", True, "I doubt the announcements from the top.",
     "Ik twijfel aan de aankondigingen van de top."),
    ("always_on", False, "My manager expects replies to messages late at night.",
     "Mijn leidinggevende verwacht 's avonds laat nog antwoorden op berichten."),
    ("always_on", False, "I answer work e-mails on my days off.",
     "Ik beantwoord werkmails op mijn vrije dagen."),
    ("always_on", True, "When I go home, work stays behind.",
     "Als ik naar huis ga, blijft het werk achter."),
    ("social_media_skill", False, "Writing a LinkedIn post is easy for me.",
     "Een LinkedIn-bericht schrijven gaat me makkelijk af."),
    ("social_media_skill", False, "I know which privacy settings to use.",
     "Ik weet welke privacyinstellingen ik moet gebruiken."),
    ("social_media_skill", True, "Social media feel like a foreign language to me.",
     "Sociale media voelen voor mij als een vreemde taal."),
]  # fmt: skip
BEHAVIOURS = [
    ("follows", "Do you follow us on LinkedIn or Instagram?",
     "Volg je ons op LinkedIn of Instagram?"),
    ("likes_shares", "Have you liked or reposted our news in the last year?",
     "Heb je het voorbije jaar ons nieuws geliket of gedeeld?"),
    ("posted_criticism", "Have you voiced criticism of your employer online?",
     "Heb je kritiek op je werkgever online gezet?"),
]  # fmt: skip
MEANS = {
    "satisfaction": 3.6,
    "identification": 3.9,
    "voice": 2.7,
    "trust": 3.1,
    "always_on": 3.4,
    "social_media_skill": 2.9,
}
CORRELATION = np.array(
    [
        [1.0, 0.4, 0.35, 0.35, -0.2, 0.1],
        [0.4, 1.0, 0.3, 0.35, 0.0, 0.15],
        [0.35, 0.3, 1.0, 0.4, -0.1, 0.05],
        [0.35, 0.35, 0.4, 1.0, -0.1, 0.0],
        [-0.2, 0.0, -0.1, -0.1, 1.0, 0.05],
        [0.1, 0.15, 0.05, 0.0, 0.05, 1.0],
    ]
)
AGREE = {
    ("en", 5): ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree",
                "Strongly agree"],
    ("nl", 5): ["Helemaal oneens", "Oneens", "Neutraal", "Eens", "Helemaal eens"],
    ("en", 7): ["Strongly disagree", "Disagree", "Somewhat disagree",
                "Neither agree nor disagree", "Somewhat agree", "Agree", "Strongly agree"],
}  # fmt: skip
YES_NO = {"en": ("No", "Yes"), "nl": ("Nee", "Ja")}
DEPARTMENTS = {
    "en": ["Sales", "Operations", "Finance", "Legal"],
    "nl": ["Verkoop", "Productie", "Financiën", "Juridische dienst"],
}
SMALL_GROUP = 3  # members of the last department: never shown
FIRST = ["Jan", "Marie", "Pieter", "Sofie", "Tom", "Lotte", "Bram", "Emma", "Lars", "Julie",
         "Koen", "Nina", "Wim", "Eva", "Ruben", "Lisa", "Dirk", "Anouk", "Stijn",
         "Fien"]  # fmt: skip
LAST = ["Peeters", "Janssens", "Maes", "Jacobs", "Willems", "Claes", "Goossens", "Wouters",
        "Smets", "Mertens", "Dubois", "Lambert", "Hermans", "Aerts", "Martens", "Vos",
        "Bakker", "Visser", "Smit", "Mulder"]  # fmt: skip
COMMENTS = {
    "en": ["The canteen could use more vegetarian dishes", "Please fix the coffee machine",
           "Our team deserves more recognition for the project", "Parking is a real problem",
           "I would like more training on the new software", "Thanks for asking our opinion"],
    "nl": ["De kantine mag meer vegetarische gerechten hebben", "Graag de koffiemachine herstellen",
           "Ons team verdient meer erkenning voor het project", "Parkeren blijft een probleem",
           "Ik wil meer opleiding over de nieuwe software", "Bedankt om onze mening te vragen"],
}  # fmt: skip
FREE_TEXT = {
    "en": "Anything else you would like to tell us?",
    "nl": "Wilt u nog iets kwijt?",
}
# planted identifying columns: heading (en, nl) -> content kind
PLANTED = {
    "contact": ("Where can we send the results?", "Waar mogen we de resultaten naartoe sturen?"),
    "phone": ("How can we reach you?", "Hoe kunnen we je bereiken?"),
    "who": ("Who are you?", "Wie ben je?"),
    "born": ("Born on", "Geboren op"),
    "token": ("Session", "Sessie"),
    "device": ("Device", "Toestel"),
    "where": ("Where were you?", "Waar was je?"),
}


@dataclass
class Wave:
    """Answers as labels, the truth behind them and the question texts."""

    lang: str
    points: int
    labels: pd.DataFrame  # one column per question text, answers as labels ("" = missing)
    codes: pd.DataFrame  # the same items as positions 1..points (NaN = missing)
    planted: pd.DataFrame  # identifying and free-text columns, by question text
    truth: dict[str, float]
    reversed_questions: list[str]
    item_construct: dict[str, str]
    behaviour_truth: dict[str, float]

    @property
    def identifying(self) -> list[str]:
        return [c for c in self.planted.columns if c != FREE_TEXT[self.lang]]

    @property
    def free_text(self) -> str:
        return FREE_TEXT[self.lang]

    @property
    def department(self) -> str:
        return "Department" if self.lang == "en" else "Afdeling"


def generate(n: int, seed: int, lang: str = "en", points: int = 5, missing: float = 0.03) -> Wave:
    """``n`` respondents answering the unseen questionnaire in ``lang`` on ``points`` points."""
    rng = np.random.default_rng(seed)
    chol = np.linalg.cholesky(CORRELATION)
    latent = 0.8 * rng.standard_normal((n, 6)) @ chol.T
    text = 2 if lang == "en" else 3
    labels, codes, item_construct, reversed_q = {}, {}, {}, []
    scaled: dict[str, list[np.ndarray]] = {c: [] for c in CONSTRUCTS}
    for construct, reverse, *words in ITEMS:
        question = words[text - 2]
        k = CONSTRUCTS.index(construct)
        x = MEANS[construct] + latent[:, k] + 0.6 * rng.standard_normal(n)  # on 1..5
        position = np.clip(np.rint(1 + (x - 1) * (points - 1) / 4), 1, points)
        position = np.where(rng.random(n) < missing, np.nan, position)
        scaled[construct].append(1 + 4 * (position - 1) / (points - 1))
        shown = points + 1 - position if reverse else position
        words_ = AGREE[(lang, points)]
        labels[question] = ["" if np.isnan(v) else words_[int(v) - 1] for v in shown]
        codes[question] = shown
        item_construct[question] = construct
        if reverse:
            reversed_q.append(question)
    truth = {}
    for construct, columns in scaled.items():
        matrix = np.column_stack(columns)
        enough = (~np.isnan(matrix)).sum(axis=1) >= 2
        truth[construct] = float(np.nanmean(matrix[enough], axis=1).mean())
    behaviour_truth = {}
    for i, (behaviour, en, nl) in enumerate(BEHAVIOURS):
        z = -0.3 + 0.9 * latent[:, 1] - (0.9 * latent[:, 2] + 1.2 if i == 2 else 0)
        yes = rng.random(n) < 1 / (1 + np.exp(-z))
        answered = rng.random(n) >= 0.1
        labels[en if lang == "en" else nl] = [
            YES_NO[lang][int(y)] if a else "" for y, a in zip(yes, answered, strict=True)
        ]
        behaviour_truth[behaviour] = float(yes[answered].mean())
    departments = DEPARTMENTS[lang]
    dept = list(rng.choice(departments[:-1], n - SMALL_GROUP)) + [departments[-1]] * SMALL_GROUP
    labels["Department" if lang == "en" else "Afdeling"] = list(rng.permutation(dept))
    planted = _planted(n, rng, lang)
    return Wave(
        lang,
        points,
        pd.DataFrame(labels),
        pd.DataFrame(codes),
        planted,
        truth,
        reversed_q,
        item_construct,
        behaviour_truth,
    )


def _planted(n: int, rng: np.random.Generator, lang: str) -> pd.DataFrame:
    i = 0 if lang == "en" else 1
    names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(n)]
    born = pd.Timestamp("1960-01-01") + pd.to_timedelta(rng.integers(0, 14_000, n), unit="D")
    comments = [
        f"{rng.choice(COMMENTS[lang])} ({k})" if rng.random() < 0.35 else "" for k in range(n)
    ]
    frame = {
        PLANTED["contact"][i]: [f"{nm.lower().replace(' ', '.')}{k}@example.org"
                                for k, nm in enumerate(names)],
        PLANTED["phone"][i]: [f"+32 4{rng.integers(70, 99)} {rng.integers(10, 99)} "
                              f"{rng.integers(10, 99)} {rng.integers(10, 99)}" for _ in range(n)],
        PLANTED["who"][i]: names,
        PLANTED["born"][i]: [d.strftime("%d/%m/%Y") for d in born],
        PLANTED["token"][i]: [str(uuid.UUID(int=int(rng.integers(0, 2**62)))) for _ in range(n)],
        PLANTED["device"][i]: [".".join(str(x) for x in rng.integers(1, 255, 4)) for _ in range(n)],
        PLANTED["where"][i]: [f"{50.8 + rng.random():.5f}, {3.2 + rng.random():.5f}"
                              for _ in range(n)],
        FREE_TEXT[lang]: comments,
    }  # fmt: skip
    return pd.DataFrame(frame)


def _csv(rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


def _times(n: int) -> list[pd.Timestamp]:
    start = pd.Timestamp("2026-10-05 08:00:00")
    return [start + pd.Timedelta(minutes=7 * k) for k in range(n)]


def _body(wave: Wave) -> pd.DataFrame:
    return pd.concat([wave.labels, wave.planted], axis=1)


def to_qualtrics(wave: Wave) -> bytes:
    """Qualtrics 3-row export: ids, question texts, ImportId JSON."""
    body = _body(wave)
    n = len(body)
    meta = ["StartDate", "EndDate", "Status", "Progress", "Finished", "ResponseId"]
    ids = [*meta, *(f"QID{k + 1}" for k in range(body.shape[1]))]
    texts = ["Start Date", "End Date", "Response Type", "Progress", "Finished", "Response ID"]
    texts += list(body.columns)
    rows = [ids, texts, [f'{{"ImportId":"{i}"}}' for i in ids]]
    for k, (t, values) in enumerate(zip(_times(n), body.values.tolist(), strict=True)):
        rows.append([str(t), str(t), "0", "100", "1", f"R_{uuid.UUID(int=k + 7).hex[:15]}"])
        rows[-1] += [str(v) for v in values]
    return _csv(rows)


def to_ms_forms(wave: Wave) -> bytes:
    """Microsoft Forms workbook: ID, start and completion times, e-mail, name, questions."""
    body = _body(wave)
    n = len(body)
    times = _times(n)
    head = pd.DataFrame(
        {
            "ID": range(1, n + 1),
            "Start time": times,
            "Completion time": [t + pd.Timedelta(minutes=4) for t in times],
            "Email": ["anonymous"] * n,
            "Name": [""] * n,
        }
    )
    buffer = io.BytesIO()
    pd.concat([head, body], axis=1).to_excel(buffer, index=False, sheet_name="Form1")
    return buffer.getvalue()


def to_google_forms(wave: Wave) -> bytes:
    """Google Forms as Excel re-saves it in Belgium: semicolons and Windows-1252."""
    body = _body(wave)
    header = ["Tijdstempel" if wave.lang == "nl" else "Timestamp", *body.columns]
    rows = [header] + [
        [t.strftime("%Y/%m/%d %H:%M:%S"), *map(str, values)]
        for t, values in zip(_times(len(body)), body.values.tolist(), strict=True)
    ]
    return _csv(rows, delimiter=";", encoding="cp1252")


def to_limesurvey(wave: Wave) -> bytes:
    """LimeSurvey with Dutch headings (full question texts as column headings)."""
    body = _body(wave)
    n = len(body)
    head = ["Antwoord ID", "Datum verstuurd", "Laatste pagina", "Starttaal", *body.columns]
    rows = [head] + [
        [str(k + 1), str(t), "4", "nl", *map(str, values)]
        for k, (t, values) in enumerate(zip(_times(n), body.values.tolist(), strict=True))
    ]
    return _csv(rows)


def to_spss(wave: Wave) -> bytes:
    """SPSS .sav: numeric codes with value labels, a 'respid' and a coded department."""
    import pyreadstat

    data: dict[str, list] = {"respid": list(range(1001, 1001 + len(wave.labels)))}
    labels = {"respid": "respid"}
    value_labels: dict[str, dict] = {}
    words = AGREE[(wave.lang, wave.points)]
    for k, question in enumerate(wave.codes.columns):
        name = f"v{k + 1}"
        data[name] = list(wave.codes[question])
        labels[name] = question
        value_labels[name] = {float(i + 1): w for i, w in enumerate(words)}
    for k in range(len(BEHAVIOURS)):
        question = wave.labels.columns[len(ITEMS) + k]
        name = f"b{k + 1}"
        yes = YES_NO[wave.lang]
        data[name] = [{yes[0]: 0.0, yes[1]: 1.0}.get(v, np.nan) for v in wave.labels[question]]
        labels[name] = question
        value_labels[name] = {0.0: yes[0], 1.0: yes[1]}
    departments = DEPARTMENTS[wave.lang]
    data["dept"] = [float(departments.index(v) + 1) for v in wave.labels[wave.department]]
    labels["dept"] = wave.department
    value_labels["dept"] = {float(i + 1): d for i, d in enumerate(departments)}
    for k, question in enumerate(wave.planted.columns):
        name = f"p{k + 1}"
        data[name] = list(wave.planted[question])
        labels[name] = question
    frame = pd.DataFrame(data)
    with tempfile.TemporaryDirectory() as folder:  # pyreadstat writes to a path only
        path = os.path.join(folder, "wave.sav")
        pyreadstat.write_sav(frame, path, column_labels=labels, variable_value_labels=value_labels)
        with open(path, "rb") as handle:
            return handle.read()


WRITERS = {
    "qualtrics": (to_qualtrics, "en", 5, "wave.csv"),
    "ms_forms": (to_ms_forms, "en", 7, "wave.xlsx"),
    "google_forms": (to_google_forms, "nl", 5, "wave.csv"),
    "spss": (to_spss, "nl", 5, "wave.sav"),
    "limesurvey": (to_limesurvey, "nl", 5, "wave.csv"),
}


def export(fmt: str, n: int, seed: int) -> tuple[Wave, bytes, str]:
    """A wave in one tool's layout: (truth, file bytes, file name)."""
    writer, lang, points, name = WRITERS[fmt]
    wave = generate(n, seed, lang, points)
    return wave, writer(wave), name
