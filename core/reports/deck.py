"""A PowerPoint deck a board accepts as it is, from the scenarios the user chose.

16:9, built on blank slides with our own text boxes (see
:mod:`core.reports.deck_theme` for the brandable look). The story: title,
summary (the answer sentence and four figures in plain units), the
recommendation (levers that change and the strongest reasons), what
changes over time, risk as a probability (a chart), reach, the scenarios
compared, assumptions and method, and the points to decide. Every slide
carries speaker notes in the deck's language. Without a proposal the deck
summarises the scenarios instead. Numbers go through the one formatter and
metric vocabulary; the sentences are the answer page's and board note's.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

from core import formatting as fmt
from core.i18n import normalise_language, translate
from core.levers import choice_words, value_words
from core.metrics import COMPARED, HEADLINE, metric
from core.recommend import Recommendation
from core.reports import deck_theme as th
from core.reports.board_note import figure_change, figure_value, headline, reason_line
from core.reports.choice import Chosen, ExportSet, export_set
from core.reports.figures import bars
from core.reports.policy_text import draft_policy
from core.simulate import SimulationResult
from core.text import office_text, one_line

RISKS = ("p_sensitive_leak_year", "p_chat_incident_year", "p_restriction_public_year")
KEY_ASSUMPTIONS = 6
LEFT_W = 7.4  # the left column (chart or table); the right column takes the rest
RIGHT_X = th.MARGIN + LEFT_W + 0.35
RIGHT_W = th.SLIDE_W - th.MARGIN - RIGHT_X
BODY_H = th.BODY_BOTTOM - th.BODY_TOP


class _Deck:
    """The presentation being written, with the slide counter and the footer."""

    def __init__(self, chosen: ExportSet, lang: str, today: date) -> None:
        from pptx import Presentation
        from pptx.util import Inches

        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = Inches(th.SLIDE_W), Inches(th.SLIDE_H)
        self.chosen, self.lang, self.today = chosen, lang, today
        self.org = one_line(chosen.organisation_name(lang))
        self.footer = f"{self.org} · {fmt.day(today, lang)}"

    def t(self, key: str, **params: object) -> str:
        return translate(key, self.lang, **params)

    def slide(self, title_key: str, notes: str, **params: object) -> Any:
        number = len(self.prs.slides) + 1
        return th.new_slide(self.prs, self.t(title_key, **params), self.footer, number, notes)

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.prs.save(buffer)
        return buffer.getvalue()


def _para(text: str, size: float = 18, **style: Any) -> th.Para:
    return th.Para(text, size, **style)


def _title(d: _Deck) -> None:
    c = d.chosen
    kind = (
        "deck.title"
        if c.recommendation
        else "deck.title_proposal"
        if c.proposal
        else "deck.title_compare"
    )
    slide = d.prs.slides.add_slide(d.prs.slide_layouts[6])
    subject = (
        d.t("deck.versus", proposal=c.proposal.name, baseline=c.baseline.name)
        if c.proposal
        else ", ".join(s.name for s in c.scenarios)
    )
    th.rule(slide, th.MARGIN, 2.0, 1.6)
    th.text_box(
        slide, th.MARGIN, 2.2, th.BODY_W, 3.4,
        [_para(d.org, 40, bold=True, space_after=10), _para(d.t(kind), 28, colour=th.ACCENT, space_after=18),
         _para(d.t("deck.prepared", date=fmt.day(d.today, d.lang)), 18, colour=th.MUTED),
         _para(subject, 16, colour=th.MUTED)],
        font=th.HEADING_FONT,
    )  # fmt: skip
    slide.notes_slide.notes_text_frame.text = office_text(d.t("deck.notes.title", org=d.org))


def _figures_rows(d: _Deck) -> tuple[list[str], list[list[str]]]:
    ans = d.chosen.answer
    assert ans is not None
    rec = d.chosen.recommendation is not None
    header = [
        d.t("answer.figure"),
        d.t("answer.today" if rec else "deck.baseline"),
        d.t("answer.recommended" if rec else "deck.proposal"),
        d.t("answer.change"),
    ]
    rows = [
        [
            d.t(f"answer.figure.{p.key}"),
            figure_value(p, "today", ans.employees, d.lang),
            figure_value(p, "recommended", ans.employees, d.lang),
            figure_change(p, d.lang),
        ]
        for p in ans.pairs
    ]
    return header, rows


def _summary(d: _Deck) -> None:
    c, ans = d.chosen, d.chosen.answer
    if ans is None:
        _compared(d, HEADLINE, "report.summary", "deck.notes.summary_compare")
        return
    sentence = headline(ans, d.lang)
    header, rows = _figures_rows(d)
    notes = d.t("deck.notes.summary", sentence=sentence, runs=fmt.number(ans.runs, d.lang))
    slide = d.slide("report.summary", notes)
    th.text_box(
        slide,
        th.MARGIN,
        th.BODY_TOP,
        th.BODY_W,
        1.3,
        [_para(sentence, 24, bold=True, colour=th.ACCENT)],
    )
    th.table(
        slide, th.MARGIN, th.BODY_TOP + 1.5, th.BODY_W, header, rows, (4.6, 2.8, 2.8, 2.6), 20,
        max_h=BODY_H - 1.5 - 0.9,
    )  # fmt: skip
    subject = d.t("deck.versus", proposal=c.proposal.name, baseline=c.baseline.name)  # type: ignore[union-attr]
    th.text_box(slide, th.MARGIN, th.BODY_BOTTOM - 0.75, th.BODY_W, 0.75,
                [_para(subject + " " + d.t("deck.means_note"), 13, colour=th.MUTED)])  # fmt: skip


def _recommendation(d: _Deck) -> None:
    c, ans = d.chosen, d.chosen.answer
    assert ans is not None
    rec = c.recommendation is not None
    header = [d.t("report.lever"), d.t("answer.today" if rec else "deck.baseline"),
              d.t("answer.recommended" if rec else "deck.proposal")]  # fmt: skip
    rows = [
        [d.t(f"lever.{x.lever}"), value_words(x.lever, x.today, d.lang),
         value_words(x.lever, x.recommended, d.lang)]
        for x in ans.changes
    ] or [[d.t("deck.no_changes"), "", ""]]  # fmt: skip
    reasons = [reason_line(ans, i, d.lang) for i in range(len(ans.reasons))]
    notes = d.t("deck.notes.recommendation", n=len(ans.changes))
    slide = d.slide("deck.recommendation" if rec else "deck.proposal_changes", notes)
    if not reasons:  # a proposal by hand: the table takes the width, the note goes below
        th.table(
            slide, th.MARGIN, th.BODY_TOP, th.BODY_W, header, rows, (4, 4, 4), 18,
            max_h=BODY_H - 1.0, numeric=(False, False, False),
        )  # fmt: skip
        th.text_box(slide, th.MARGIN, th.BODY_BOTTOM - 0.8, th.BODY_W, 0.8,
                    [_para(d.t("deck.no_reasons"), 14, colour=th.MUTED)])  # fmt: skip
        return
    th.table(
        slide, th.MARGIN, th.BODY_TOP, LEFT_W, header, rows, (3.2, 2.1, 2.1), 15,
        numeric=(False, False, False),
    )  # fmt: skip
    side = [_para(d.t("answer.reasons"), 20, bold=True)]
    side += [_para(r, 15, bullet=True, space_after=10) for r in reasons]
    th.text_box(slide, RIGHT_X, th.BODY_TOP, RIGHT_W, BODY_H, side)


def _roadmap(d: _Deck, rec: Recommendation) -> None:
    rows = []
    for i, move in enumerate(rec.roadmap, start=1):
        step = str(i) if i <= len(rec.first_moves) else d.t("deck.later_step")
        rows.append([
            f"{step}. {d.t(f'lever.{move.lever}')}" if i <= len(rec.first_moves)
            else f"{d.t(f'lever.{move.lever}')} ({step})",
            choice_words(move.lever, move.value, d.lang),
            fmt.money(move.gain.mean, d.lang, signed=True),
            fmt.money(move.effort, d.lang),
        ])  # fmt: skip
    header = [
        d.t("deck.col.move"),
        d.t("deck.col.change"),
        d.t("deck.col.value"),
        d.t("deck.col.effort"),
    ]
    first = rec.first_moves[0] if rec.first_moves else None
    notes = d.t(
        "deck.notes.roadmap",
        first=d.t(f"lever.{first.lever}") if first else "-",
        value=fmt.money(rec.versus_today.mean, d.lang, signed=True),
        chance=fmt.percent(rec.versus_today.p_better, d.lang),
    )
    slide = d.slide("deck.roadmap", notes)
    if not rows:
        rows = [[d.t("deck.no_changes"), "", "", ""]]
    th.table(
        slide,
        th.MARGIN,
        th.BODY_TOP,
        th.BODY_W,
        header,
        rows,
        (4.2, 3.4, 2.2, 2.2),
        16,
        BODY_H - 0.8,
        numeric=(False, False, True, True),
    )
    th.text_box(slide, th.MARGIN, th.BODY_BOTTOM - 0.7, th.BODY_W, 0.7,
                [_para(d.t("deck.roadmap_note"), 13, colour=th.MUTED)])  # fmt: skip


def _pair_lines(d: _Deck, key: str, items: Sequence[Chosen]) -> list[th.Para]:
    """A metric for each chosen scenario: title, values with arrows, the change, the bands.

    The change gets its own line so the large figures never break inside a
    phrase, and the P10-P90 label is said once for both bands.
    """
    spec = metric(key)
    sums = [s.result.summary()[key] for s in items]
    arrow = " → " if len(items) == 2 else " · "  # an arrow reads as a sequence of two
    values = arrow.join(spec.show(s["mean"], d.lang) for s in sums)
    lines = [
        _para(spec.title(d.lang), 16, bold=True, space_after=2),
        _para(values, 22, bold=True, colour=th.ACCENT, space_after=2),
    ]
    if len(items) == 2:
        base = sums[0]["mean"]
        delta = sums[1]["mean"] - base
        change = (
            d.t("answer.no_change")
            if spec.is_unchanged(delta, base)
            else spec.change(delta, d.lang, base)
        )
        lines.append(_para(change, 14, bold=True, colour=th.ACCENT, space_after=2))
    ends = [fmt.span(spec.show(s["p10"], d.lang), spec.show(s["p90"], d.lang)) for s in sums]
    bands = d.t("fmt.p10_p90", range=arrow.join(ends))
    return [*lines, _para(bands, 12, colour=th.MUTED, space_after=12)]


def _pair(d: _Deck) -> list[Chosen]:
    c = d.chosen
    return [c.baseline, c.proposal] if c.proposal else list(c.scenarios)


def _chart_slide(d: _Deck, title_key: str, key: str, side: Sequence[str], notes_key: str) -> None:
    items = _pair(d)
    sums = [s.result.summary()[key] for s in items]
    spec = metric(key)
    notes = d.t(notes_key, values=" → ".join(spec.show(s["mean"], d.lang) for s in sums),
                band=spec.band(sums[0]["p10"], sums[0]["p90"], d.lang), help=d.t("fmt.p10_p90.help"))  # fmt: skip
    slide = d.slide(title_key, notes)
    png = bars(
        [(s.name, sm) for s, sm in zip(items, sums, strict=True)],
        key,
        d.lang,
        d.t("deck.chart_caption"),
    )
    th.picture(slide, png, th.MARGIN, th.BODY_TOP, LEFT_W, BODY_H)
    paras = [p for k in side for p in _pair_lines(d, k, items)]
    th.text_box(slide, RIGHT_X, th.BODY_TOP, RIGHT_W, BODY_H, paras)


def _compared(d: _Deck, keys: Sequence[str], title_key: str, notes_key: str) -> None:
    items = list(d.chosen.scenarios)
    header = [d.t("report.metric"), *[s.name for s in items]]
    rows = []
    for key in keys:
        spec = metric(key)
        row = [f"{spec.title(d.lang)} ({spec.of(d.lang)})"]
        for s in items:
            x = s.result.summary()[key]
            row.append(
                f"{spec.show(x['mean'], d.lang)} ({fmt.span(spec.show(x['p10'], d.lang), spec.show(x['p90'], d.lang))})"
            )
        rows.append(row)
    slide = d.slide(title_key, d.t(notes_key, n=len(items), org=d.org))
    widths = (4.4, *[3.0] * len(items))
    th.table(slide, th.MARGIN, th.BODY_TOP, th.BODY_W, header, rows, widths, 15)


def _method(d: _Deck) -> None:
    first = d.chosen.baseline.result
    # Centred effects (value 0) have no relative width; the rest ranked by range over value.
    params = [p for p in first.params.values_list() if p.uncertain and p.value != 0]
    width = lambda p: (p.high - p.low) / max(abs(p.value), 1e-12)  # noqa: E731
    key = sorted(params, key=width, reverse=True)[:KEY_ASSUMPTIONS]
    counts = {g: sum(p.grade == g for p in first.params.values_list()) for g in "ABC"}
    left = [
        _para(d.t("deck.method_runs", runs=fmt.number(first.runs, d.lang), seed=first.seed), 16, space_after=10),
        _para(d.t("fmt.p10_p90.help"), 16, space_after=10),
        _para(d.t("deck.method_grades", a=counts["A"], b=counts["B"], c=counts["C"]), 16, space_after=10),
        _para(d.t("deck.method_caveat"), 16, bold=True),
    ]  # fmt: skip
    right = [_para(d.t("deck.key_assumptions"), 18, bold=True)] + [
        _para(d.t("deck.assumption_line", label=p.label[d.lang], grade=p.grade), 14, bullet=True)
        for p in key
    ]  # fmt: skip
    slide = d.slide("deck.method", d.t("deck.notes.method", runs=fmt.number(first.runs, d.lang)))
    th.text_box(slide, th.MARGIN, th.BODY_TOP, LEFT_W - 0.6, BODY_H, left)
    th.text_box(slide, RIGHT_X - 0.6, th.BODY_TOP, RIGHT_W + 0.6, BODY_H, right)


def _decide(d: _Deck) -> None:
    subject = d.chosen.proposal or d.chosen.baseline
    points = draft_policy(subject.scenario, d.lang).open_points
    paras = [_para(p, 18, bullet=True, space_after=10) for p in points] or [
        _para(d.t("deck.decide_none"), 18)
    ]
    slide = d.slide("note.open_points", d.t("deck.notes.decide", n=len(points)))
    th.text_box(slide, th.MARGIN, th.BODY_TOP, th.BODY_W, BODY_H, paras)


def deck(chosen: ExportSet, lang: str = "en", today: date | None = None) -> bytes:
    """The deck for ``chosen`` in ``lang``, as PPTX bytes."""
    d = _Deck(chosen, normalise_language(lang), today or date.today())
    _title(d)
    _summary(d)
    if chosen.answer is not None:
        _recommendation(d)
    if chosen.recommendation is not None:
        _roadmap(d, chosen.recommendation)
    _chart_slide(d, "deck.risk", "p_sensitive_leak_year", RISKS, "deck.notes.risk")
    _chart_slide(d, "deck.reach", "monthly_unique_reach",
                 ("monthly_unique_reach", "ambassadors_creators", "monthly_recruitment_reach"), "deck.notes.reach")  # fmt: skip
    if chosen.answer is not None and len(chosen.scenarios) > 2:
        _compared(d, COMPARED, "report.comparison", "deck.notes.compared")
    _method(d)
    _decide(d)
    return d.bytes()


def pptx_deck(
    results: Sequence[tuple[str, SimulationResult]],
    lang: str = "en",
    recommendation: Recommendation | None = None,
) -> bytes:
    """The deck of ``results``: the first is the baseline, the second (if any) the proposal."""
    return deck(export_set(results, 0, 1 if len(results) > 1 else None, recommendation), lang)
