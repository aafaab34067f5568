"""A one-page board note: the answer, in words a board adopts without editing.

Built from :mod:`core.answer` and written to PDF (fpdf2) and DOCX
(python-docx) from the same blocks, so both say the same thing. Numbers use
the one formatter and metric vocabulary of the pages; the sentence at the
top is the answer page's sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from core import formatting as fmt
from core.answer import Answer, Pair
from core.i18n import normalise_language, translate
from core.levers import choice_words, value_words
from core.recommend import Recommendation
from core.reports.decision_text import decision_text
from core.text import one_line


def figure_value(pair: Pair, which: str, employees: int, lang: str) -> str:
    """A figure in plain units: '74,500', '1,440 of 3,000', '34%'."""
    band = pair.today if which == "today" else pair.recommended
    if pair.unit == "probability":
        return fmt.percent(band.mean, lang)
    if pair.unit == "staff":
        return translate(
            "answer.of_staff",
            lang,
            count=fmt.number(band.mean, lang),
            total=fmt.number(employees, lang),
        )
    return fmt.number(band.mean, lang)


def figure_change(pair: Pair, lang: str) -> str:
    """The change: points for a chance, percent for counts; 'no change' when it rounds away."""
    if pair.unit == "probability":
        if fmt.is_zero(pair.change.mean * 100, 1):
            return translate("answer.no_change", lang)
        return fmt.points(pair.change.mean, lang)
    if not pair.today.mean or fmt.is_zero(pair.relative * 100, 0):
        return translate("answer.no_change", lang)
    return fmt.relative(pair.relative, lang)


def figure_sure(pair: Pair) -> bool:
    """Whether 8 in 10 simulated years agree on the direction of the change."""
    return not pair.change.crosses_zero


def marked_change(pair: Pair, lang: str) -> str:
    """The change, with '(not sure)' when 8 in 10 simulated years do not agree on it."""
    change = figure_change(pair, lang)
    if figure_sure(pair) or change == translate("answer.no_change", lang):
        return change
    return f"{change} {translate('answer.unsure_mark', lang)}"


def figure_tone(pair: Pair, lang: str) -> str:
    """'good' for a sure gain, 'bad' for a sure loss, 'neutral' for none or an unsure one."""
    if figure_change(pair, lang) == translate("answer.no_change", lang) or not figure_sure(pair):
        return "neutral"
    return "good" if (pair.change.mean > 0) == pair.higher_is_better else "bad"


def headline(ans: Answer, lang: str) -> str:
    """'For X: 8 changes; reach +35%, chance of a leak this year 34% -> 30%.'"""
    org = one_line(ans.name(lang))
    if not ans.changes:
        return translate("answer.headline_keep", lang, org=org)
    reach, leak = ans.pair("reach"), ans.pair("leak_chance")
    return translate(
        "answer.headline",
        lang,
        org=org,
        changes=translate(
            "answer.changes.one" if len(ans.changes) == 1 else "answer.changes.many",
            lang,
            n=len(ans.changes),
        ),
        reach=figure_change(reach, lang),
        leak_today=fmt.percent(leak.today.mean, lang),
        leak_new=fmt.percent(leak.recommended.mean, lang),
    )


def reason_line(ans: Answer, index: int, lang: str) -> str:
    """One of the strongest reasons: the lever, the choice, why, and what it is worth."""
    r = ans.reasons[index]
    return translate(
        "answer.reason_line",
        lang,
        lever=translate(f"lever.{r.lever}", lang),
        value=choice_words(r.lever, r.value, lang),
        why=translate(f"reason.{r.lever}.{str(r.value).lower()}", lang),
        worth=fmt.money(r.value_change["mean"], lang, signed=True),
        alternative=value_words(r.lever, r.alternative, lang),
    )


@dataclass(frozen=True)
class BoardNote:
    """Every line of the note, already in the reader's language."""

    lang: str
    title: str
    subtitle: str
    headline: str
    table_header: tuple[str, str, str, str]
    table: list[tuple[str, str, str, str]]
    changes_title: str
    changes: list[str]
    moves_title: str
    moves: list[str]
    reasons_title: str
    reasons: list[str]
    confidence: str
    method: str
    open_points: list[str] = field(default_factory=list)


def board_note(rec: Recommendation, ans: Answer, lang: str, today: date | None = None) -> BoardNote:
    lang = normalise_language(lang)
    org = one_line(ans.name(lang))
    rows = []
    unsure = any(marked_change(p, lang) != figure_change(p, lang) for p in ans.pairs)
    for pair in ans.pairs:
        change = marked_change(pair, lang)
        rows.append(
            (
                translate(f"answer.figure.{pair.key}", lang),
                figure_value(pair, "today", ans.employees, lang),
                figure_value(pair, "recommended", ans.employees, lang),
                change,
            )
        )
    decision = decision_text(rec, lang)
    changes = [
        translate(
            "answer.change_line",
            lang,
            lever=translate(f"lever.{c.lever}", lang),
            today=value_words(c.lever, c.today, lang),
            recommended=value_words(c.lever, c.recommended, lang),
        )
        for c in ans.changes
    ]
    return BoardNote(
        lang=lang,
        title=translate("note.title", lang, org=org),
        subtitle=translate("note.subtitle", lang, date=fmt.day(today or date.today(), lang)),
        headline=headline(ans, lang),
        table_header=(
            translate("answer.figure", lang),
            translate("answer.today", lang),
            translate("answer.recommended", lang),
            translate("answer.change", lang),
        ),
        table=rows,
        changes_title=translate("answer.changes_title", lang),
        changes=changes or [translate("answer.no_changes", lang)],
        moves_title=translate("answer.first_moves", lang),
        moves=decision.moves,
        reasons_title=translate("answer.reasons", lang),
        reasons=[reason_line(ans, i, lang) for i in range(len(ans.reasons))],
        confidence=decision.headline,
        method=" ".join(
            [
                translate(
                    "note.method",
                    lang,
                    runs=fmt.number(ans.runs, lang),
                    employees=fmt.number(ans.employees, lang),
                ),
                *([translate("answer.unsure_help", lang)] if unsure else []),
            ]
        ),
        open_points=[c.message(lang) for c in rec.conflicts_after if c.severity != "info"],
    )


NOTE_SIZES = (9.0, 8.5, 8.0)  # body type, tried in turn until the note is one page
NOTE_WIDTHS_MM = (72.0, 33.0, 33.0, 36.0)  # the figures table: label, today, proposal, change


def note_size(note: BoardNote) -> float:
    """The largest body size at which the PDF note is one A4 page (the Word note uses it too)."""
    for size in NOTE_SIZES:
        if _pdf(note, size)[1] == 1:
            return size
    return NOTE_SIZES[-1]


def to_pdf(note: BoardNote) -> bytes:
    """One A4 page: the sentence, the four figures, what changes, first moves, why.

    Set at 9 pt, or a little smaller when a long mix would spill onto a second page.
    """
    return _pdf(note, note_size(note))[0]


def _pdf(note: BoardNote, size: float) -> tuple[bytes, int]:
    from core.reports.pdf import PdfDocument

    doc = PdfDocument(note.title, note.lang)
    doc.title(note.title, note.subtitle)
    doc.lead(note.headline)
    doc.table(note.table_header, note.table, widths=NOTE_WIDTHS_MM, size=size)
    doc.paragraph(note.confidence, size=size)
    doc.heading(note.changes_title)
    doc.bullets(note.changes, size=size)
    doc.heading(note.moves_title)
    doc.bullets(note.moves, mark=False, size=size)
    doc.heading(note.reasons_title)
    doc.bullets(note.reasons, size=size)
    if note.open_points:
        doc.heading(translate("note.open_points", note.lang))
        doc.bullets(note.open_points, size=size)
    doc.footnote(note.method)
    data = doc.bytes()
    return data, doc.pages


def to_docx(note: BoardNote) -> bytes:
    """The same page as the PDF, in Word: A4, the PDF's margins, order and type size."""
    from core.reports import word as w

    size = note_size(note)
    doc = w.new_document(note.title, note.lang, body=size)
    w.title(doc, note.title, note.subtitle)
    w.paragraph(doc, note.headline, 12.5, bold=True, colour=w.ACCENT, after=6)
    w.table(doc, note.table_header, note.table, NOTE_WIDTHS_MM, size)
    w.paragraph(doc, note.confidence, size, before=4)
    for heading, items, bulleted in (
        (note.changes_title, note.changes, True),
        (note.moves_title, note.moves, False),
        (note.reasons_title, note.reasons, True),
        (translate("note.open_points", note.lang), note.open_points, True),
    ):
        if not items:
            continue
        w.heading(doc, heading)
        if bulleted:
            w.bullets(doc, items, size)
        else:
            for item in items:
                w.paragraph(doc, item, size, after=2)
    w.paragraph(doc, note.method, 8, colour=w.MUTED, before=4)
    return w.to_bytes(doc)
