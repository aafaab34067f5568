"""The report as a PDF: the HTML report's sections and words, with matplotlib charts.

For readers who print or forward a file rather than open a web page. Built
from the chosen baseline and proposal (:mod:`core.reports.choice`): the
answer first when there is a proposal, then the decision and the
recommended mix when the proposal is the recommendation, the scenarios
compared, one chart per headline metric, personas, the assumptions and
the confidentiality note. Same formatter and metric vocabulary as the
HTML report and the deck.
"""

from __future__ import annotations

from datetime import date

from core import formatting as fmt
from core.i18n import normalise_language, translate
from core.levers import value_words
from core.metrics import COMPARED, HEADLINE, headline_note, metric
from core.recommend import Recommendation
from core.reports.board_note import figure_change, figure_value, headline
from core.reports.choice import ExportSet
from core.reports.decision_text import decision_text
from core.reports.figures import bars
from core.reports.html_report import CHART_METRICS
from core.reports.pdf import PdfDocument
from core.reports.tables import PARAMETER_HEADER_KEYS, parameter_row, persona_table
from core.text import one_line


def _answer(doc: PdfDocument, chosen: ExportSet, lang: str) -> None:
    ans = chosen.answer
    if ans is None or chosen.proposal is None:
        return
    rec = chosen.recommendation is not None
    doc.lead(headline(ans, lang))
    header = (
        translate("answer.figure", lang),
        translate("answer.today" if rec else "deck.baseline", lang),
        translate("answer.recommended" if rec else "deck.proposal", lang),
        translate("answer.change", lang),
    )
    rows = [
        (
            translate(f"answer.figure.{p.key}", lang),
            figure_value(p, "today", ans.employees, lang),
            figure_value(p, "recommended", ans.employees, lang),
            figure_change(p, lang),
        )
        for p in ans.pairs
    ]
    doc.table(header, rows, widths=(68, 36, 36, 34))
    subject = translate(
        "deck.versus", lang, proposal=chosen.proposal.name, baseline=chosen.baseline.name
    )
    doc.paragraph(f"{subject} {translate('deck.means_note', lang)}", size=8.5)


def _cards(doc: PdfDocument, chosen: ExportSet, lang: str) -> None:
    """The four headline numbers of each scenario, with their denominator and P10-P90."""
    header = (translate("report.metric", lang), *[one_line(c.name) for c in chosen.scenarios])
    rows = []
    for key in HEADLINE:
        spec = metric(key)
        cells = [
            f"{spec.title(lang)}\n{headline_note(key, chosen.baseline.result.summary(), lang)}"
        ]
        for c in chosen.scenarios:
            s = c.result.summary()[key]
            cells.append(f"{spec.show(s['mean'], lang)}\n{spec.band(s['p10'], s['p90'], lang)}")
        rows.append(cells)
    doc.table(header, rows, size=8.5)
    doc.paragraph(translate("fmt.p10_p90.help", lang), size=8.5)


def _decision(doc: PdfDocument, rec: Recommendation, lang: str) -> None:
    d = decision_text(rec, lang)
    doc.heading(translate("report.decision", lang))
    doc.paragraph(d.headline)
    doc.paragraph(d.confidence, size=8.5)
    doc.heading(translate("report.first_moves", lang))
    doc.bullets(d.moves, mark=False, size=9.5)
    for line in (d.later, d.optional):
        if line:
            doc.paragraph(line, size=9.5)
    doc.heading(translate("report.guard_rails", lang))
    doc.bullets(d.guard_rails, size=9.5)
    doc.heading(translate("report.regret", lang))
    doc.bullets([f"{name}: {value}" for name, value in d.regret], size=9.5)
    doc.heading(translate("report.recommendation", lang))
    header = tuple(
        translate(k, lang)
        for k in ("report.lever", "report.today", "report.recommended", "report.reason")
    )
    rows = [
        (
            translate(f"lever.{r.lever}", lang),
            value_words(r.lever, getattr(rec.scenario.policy, r.lever), lang),
            value_words(r.lever, r.value, lang),
            r.text(lang),
        )
        for r in rec.reasons
    ]
    # The value columns hold the longest Dutch value word ("vertrouwelijkheidsregels") whole.
    doc.table(header, rows, widths=(38, 35, 35, 66), size=7.5, align_numbers=False)


def _comparison(doc: PdfDocument, chosen: ExportSet, lang: str) -> None:
    doc.heading(translate("report.comparison", lang))
    header = (translate("report.metric", lang), *[one_line(c.name) for c in chosen.scenarios])
    rows = []
    for key in COMPARED:
        spec = metric(key)
        cells = [f"{spec.title(lang)}\n{spec.of(lang)}"]
        for c in chosen.scenarios:
            s = c.result.summary()[key]
            band = fmt.span(spec.show(s["p10"], lang), spec.show(s["p90"], lang))
            cells.append(f"{spec.show(s['mean'], lang, precise=True)}\n{band}")
        rows.append(cells)
    doc.table(header, rows, size=8.5)


def _charts(doc: PdfDocument, chosen: ExportSet, lang: str) -> None:
    doc.heading(translate("report.charts", lang), keep_with=100)
    items = [(c.name, c.result.summary()) for c in chosen.scenarios]
    for key in CHART_METRICS:
        png = bars(
            [(name, s[key]) for name, s in items],
            key,
            lang,
            f"{metric(key).title(lang)} · {translate('deck.chart_caption', lang)}",
            size=(7.6, 3.6),
        )
        doc.figure(png, width_share=0.86, keep=88)


def _personas(doc: PdfDocument, chosen: ExportSet, lang: str, names: dict[str, str]) -> None:
    blocks = [(c.name, c.result.group_summary()) for c in chosen.scenarios]
    if not any(groups for _, groups in blocks):
        return
    doc.heading(translate("report.personas", lang))
    for label, groups in blocks:
        if not groups:
            continue
        doc.paragraph(one_line(label), size=10)
        header, rows = persona_table(groups, names, lang)
        doc.table(header, rows, size=8.5)


def _assumptions(doc: PdfDocument, chosen: ExportSet, lang: str) -> None:
    doc.heading(translate("report.assumptions", lang))
    doc.paragraph(translate("method.calibration_text", lang), size=8.5)
    header = tuple(translate(k, lang) for k in PARAMETER_HEADER_KEYS)
    rows = [parameter_row(p, lang) for p in chosen.baseline.result.params.values_list()]
    doc.table(header, rows, widths=(70, 24, 34, 34, 12), size=7.5)
    doc.paragraph(
        " · ".join(translate(f"grade.{g}", lang) for g in "ABC"), size=8, colour=(96, 96, 96)
    )


def pdf_report(
    chosen: ExportSet,
    lang: str = "en",
    persona_names: dict[str, str] | None = None,
    today: date | None = None,
) -> bytes:
    """The report for ``chosen`` as an A4 PDF in ``lang``."""
    lang = normalise_language(lang)
    first = chosen.baseline.result
    org = one_line(chosen.organisation_name(lang))
    title = translate("note.title", lang, org=org)
    doc = PdfDocument(title, lang)
    generated = translate(
        "report.generated",
        lang,
        date=fmt.day(today or date.today(), lang),
        runs=fmt.number(first.runs, lang),
        seed=first.seed,
    )
    doc.title(title, generated)
    doc.heading(translate("report.summary", lang))
    _answer(doc, chosen, lang)
    _cards(doc, chosen, lang)
    if chosen.recommendation is not None:
        _decision(doc, chosen.recommendation, lang)
    _comparison(doc, chosen, lang)
    _charts(doc, chosen, lang)
    _personas(doc, chosen, lang, persona_names or {})
    _assumptions(doc, chosen, lang)
    doc.heading(translate("report.confidentiality", lang))
    doc.paragraph(translate("method.privacy_text", lang), size=9)
    return doc.bytes()
