"""A self-contained HTML report of one or more scenarios (works offline).

Summary first (the recommendation and the four big numbers with P10-P90),
then the comparison table, charts (Plotly embedded inline once, no external
assets), per-persona results when a survey was used, the assumptions with
their sources, and the confidentiality note.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

import plotly.graph_objects as go

from core import charts
from core import formatting as fmt
from core.i18n import translate
from core.levers import value_words
from core.metrics import COMPARED, HEADLINE, headline_note, metric
from core.parameters import ParameterSet
from core.recommend import Recommendation
from core.reports.board_note import figure_change, figure_value, headline
from core.reports.choice import ExportSet
from core.reports.decision_text import decision_text
from core.reports.tables import PARAMETER_HEADER_KEYS, parameter_row, persona_table
from core.simulate import SimulationResult
from core.text import one_line

CHART_METRICS = (
    "monthly_unique_reach",
    "ambassadors_creators",
    "p_sensitive_leak_year",
    "negative_posts_per_year",
    "always_on_share",
)
CSS = """
body{font-family:Inter,Segoe UI,Arial,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#222;font-size:17px}
h1{font-size:2.1rem}h2{margin-top:2.2rem;border-bottom:2px solid #0072B2;padding-bottom:.3rem}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{flex:1;min-width:200px;border:1px solid #ccc;border-radius:8px;padding:1rem}
.card .v{font-size:2rem;font-weight:600}.card .r{color:#555;font-size:.9rem}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ddd;padding:.4rem .6rem;text-align:left;vertical-align:top}
th{background:#f2f6fa}.note{background:#f7f7f7;border-left:4px solid #009E73;padding:.8rem 1rem}
@media (max-width:700px){table{display:block;overflow-x:auto}}
.small{font-size:.85rem;color:#555}.num{text-align:right}.lead{font-size:1.3rem;font-weight:600;color:#0072B2}
"""


def _esc(text: object) -> str:
    return html.escape(str(text))


def _summary_cards(result: SimulationResult, lang: str) -> str:
    """The four headline numbers with their denominator and P10-P90 range."""
    summary = result.summary()
    cards = []
    for m in HEADLINE:
        spec, s = metric(m), summary[m]
        cards.append(
            f"<div class='card'><div>{_esc(spec.title(lang))}</div>"
            f"<div class='v'>{_esc(spec.show(s['mean'], lang))}</div>"
            f"<div class='r'>{_esc(headline_note(m, summary, lang))}</div>"
            f"<div class='r'>{_esc(spec.band(s['p10'], s['p90'], lang))}</div></div>"
        )
    note = f"<p class='small'>{_esc(translate('fmt.p10_p90.help', lang))}</p>"
    return "<div class='cards'>" + "".join(cards) + "</div>" + note


def _decision(rec: Recommendation, lang: str) -> str:
    """Confidence, the first moves, optional levers, guard rails and regret."""
    d = decision_text(rec, lang)
    parts = [f"<p><b>{_esc(d.headline)}</b></p>", f"<p class='small'>{_esc(d.confidence)}</p>"]
    parts.append(f"<h4>{_esc(translate('report.first_moves', lang))}</h4>")
    parts.append(
        "<ol>" + "".join(f"<li>{_esc(m.split('. ', 1)[1])}</li>" for m in d.moves) + "</ol>"
    )
    parts += [f"<p>{_esc(x)}</p>" for x in (d.later, d.optional) if x]
    parts.append(f"<h4>{_esc(translate('report.guard_rails', lang))}</h4>")
    parts += [f"<p>{_esc(x)}</p>" for x in d.guard_rails]
    rows = "".join(f"<tr><td>{_esc(a)}</td><td>{_esc(v)}</td></tr>" for a, v in d.regret)
    parts.append(f"<h4>{_esc(translate('report.regret', lang))}</h4><table>{rows}</table>")
    return "".join(parts)


def _recommendation(rec: Recommendation, lang: str) -> str:
    rows = []
    for reason in rec.reasons:
        today = getattr(rec.scenario.policy, reason.lever)
        marker = "→" if today != reason.value else "="
        rows.append(
            f"<tr><td>{_esc(translate(f'lever.{reason.lever}', lang))}</td>"
            f"<td>{_esc(value_words(reason.lever, today, lang))}</td><td>{marker}</td>"
            f"<td><b>{_esc(value_words(reason.lever, reason.value, lang))}</b></td>"
            f"<td>{_esc(reason.text(lang))}</td></tr>"
        )
    head = "".join(
        f"<th>{_esc(translate(k, lang))}</th>"
        for k in (
            "report.lever",
            "report.today",
            "report.change",
            "report.recommended",
            "report.reason",
        )
    )
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def _comparison(results: Sequence[tuple[str, SimulationResult]], lang: str) -> str:
    head = "".join(f"<th>{_esc(name)}</th>" for name, _ in results)
    rows = []
    for m in COMPARED:
        spec, cells = metric(m), []
        for _, result in results:
            s = result.summary()[m]
            low, high = spec.show(s["p10"], lang), spec.show(s["p90"], lang)
            cells.append(
                f"<td>{_esc(spec.show(s['mean'], lang, precise=True))}"
                f"<br><span class='small'>{_esc(fmt.span(low, high))}</span></td>"
            )
        rows.append(
            f"<tr><td>{_esc(spec.title(lang))}<br><span class='small'>{_esc(spec.of(lang))}"
            f"</span></td>{''.join(cells)}</tr>"
        )
    return f"<table><tr><th>{_esc(translate('report.metric', lang))}</th>{head}</tr>{''.join(rows)}</table>"


def roomy(fig: go.Figure, legend_right: bool = False) -> go.Figure:
    """Room for tick labels, axis titles and the legend in either language.

    Axes grow their margins to fit their labels (automargin); a legend goes
    to the right of the plot, clear of the axis titles, never over them.
    """
    fig.update_layout(
        margin={"l": 20, "r": 20, "t": 80, "b": 20},
        title={"x": 0, "xanchor": "left"},
        legend=(
            {"orientation": "v", "x": 1.02, "xanchor": "left", "y": 1, "yanchor": "top"}
            if legend_right
            else {"orientation": "h", "x": 0, "y": -0.3, "yanchor": "top"}
        ),
        showlegend=legend_right,
    )
    fig.update_xaxes(automargin=True, title_standoff=12)
    fig.update_yaxes(automargin=True, title_standoff=12)
    if legend_right:  # the legend names the markers; labels beside them would be clipped
        fig.update_traces(mode="markers", selector={"type": "scatter"})
    return fig


def _answer(chosen: ExportSet, lang: str) -> str:
    """The answer sentence and the four figures, baseline against proposal."""
    ans = chosen.answer
    if ans is None or chosen.proposal is None:
        return ""
    rec = chosen.recommendation is not None
    keys = (
        "answer.figure",
        "answer.today" if rec else "deck.baseline",
        "answer.recommended" if rec else "deck.proposal",
        "answer.change",
    )
    head = "".join(
        f"<th{' class=num' if i else ''}>{_esc(translate(k, lang))}</th>"
        for i, k in enumerate(keys)
    )
    rows = "".join(
        f"<tr><td>{_esc(translate(f'answer.figure.{p.key}', lang))}</td>"
        f"<td class='num'>{_esc(figure_value(p, 'today', ans.employees, lang))}</td>"
        f"<td class='num'>{_esc(figure_value(p, 'recommended', ans.employees, lang))}</td>"
        f"<td class='num'>{_esc(figure_change(p, lang))}</td></tr>"
        for p in ans.pairs
    )
    subject = translate(
        "deck.versus", lang, proposal=chosen.proposal.name, baseline=chosen.baseline.name
    )
    return (
        f"<p class='lead'>{_esc(headline(ans, lang))}</p><table><tr>{head}</tr>{rows}</table>"
        f"<p class='small'>{_esc(subject)} {_esc(translate('deck.means_note', lang))}</p>"
    )


def _charts(results: Sequence[tuple[str, SimulationResult]], lang: str) -> str:
    summaries = {name: result.summary() for name, result in results}
    parts, first = [], True
    for m in CHART_METRICS:
        fig, _ = charts.across_scenarios(summaries, m, lang)
        roomy(fig)
        parts.append(
            fig.to_html(full_html=False, include_plotlyjs=first, config={"displaylogo": False})
        )
        first = False
    points = charts.frontier_points(summaries, "p_sensitive_leak_year")
    fig, _ = charts.frontier(
        points, "p_sensitive_leak_year", translate("report.frontier", lang), lang
    )
    roomy(fig, legend_right=True)
    parts.append(
        fig.to_html(full_html=False, include_plotlyjs=False, config={"displaylogo": False})
    )
    return "".join(f"<div>{p}</div>" for p in parts)


def _personas(
    results: Sequence[tuple[str, SimulationResult]], lang: str, names: dict[str, str]
) -> str:
    blocks = []
    for label, result in results:
        groups = result.group_summary()
        if not groups:
            continue
        header, table = persona_table(groups, names, lang)
        head = "".join(f"<th>{_esc(cell)}</th>" for cell in header)
        rows = "".join(
            "<tr>" + "".join(f"<td>{_esc(cell)}</td>" for cell in row) + "</tr>" for row in table
        )
        blocks.append(f"<h3>{_esc(label)}</h3><table><tr>{head}</tr>{rows}</table>")
    return "".join(blocks)


def _assumptions(lang: str, params: ParameterSet) -> str:
    """Every parameter the results were simulated with (calibrated ones included)."""
    rows = []
    for p in params.values_list():
        refs = "; ".join(
            f"{r.authors} ({r.year}), {r.title_in(lang)} [{r.grade}]" for r in p.references
        )
        cells = "".join(f"<td>{_esc(cell)}</td>" for cell in parameter_row(p, lang))
        rows.append(f"<tr>{cells}<td class='small'>{_esc(refs)}</td></tr>")
    head = "".join(
        f"<th>{_esc(translate(k, lang))}</th>"
        for k in (*PARAMETER_HEADER_KEYS, "method.col.sources")
    )
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def html_report(
    results: Sequence[tuple[str, SimulationResult]],
    lang: str = "en",
    recommendation: Recommendation | None = None,
    persona_names: dict[str, str] | None = None,
    chosen: ExportSet | None = None,
) -> str:
    """The report as one HTML document with everything inline.

    With ``chosen`` (a baseline and a proposal) the report speaks of that
    pair: its scenarios and its recommendation replace ``results`` and
    ``recommendation``, and the summary opens with the answer.
    """
    if chosen is not None:
        results = [(c.name, c.result) for c in chosen.scenarios]
        recommendation = chosen.recommendation
    if not results:
        raise ValueError("a report needs at least one scenario")
    first = results[0][1]
    title = translate("note.title", lang, org=one_line(first.scenario.organisation_name(lang)))
    sections = [
        f"<h1>{_esc(title)}</h1>",
        f"<p class='small'>{_esc(translate('report.generated', lang, date=fmt.day(date.today(), lang), runs=fmt.number(first.runs, lang), seed=first.seed))}</p>",
        f"<h2>{_esc(translate('report.summary', lang))}</h2>",
        _answer(chosen, lang) if chosen is not None else "",
        _summary_cards(first, lang),
    ]
    if recommendation is not None:
        sections += [
            f"<h3>{_esc(translate('report.decision', lang))}</h3>",
            _decision(recommendation, lang),
            f"<h3>{_esc(translate('report.recommendation', lang))}</h3>",
            _recommendation(recommendation, lang),
        ]
    sections += [
        f"<h2>{_esc(translate('report.comparison', lang))}</h2>",
        _comparison(results, lang),
    ]
    sections += [
        f"<h2>{_esc(translate('report.charts', lang))}</h2>",
        f"<p class='small'>{_esc(translate('deck.chart_caption', lang))}</p>",
        _charts(results, lang),
    ]
    personas = _personas(results, lang, persona_names or {})
    if personas:
        sections += [f"<h2>{_esc(translate('report.personas', lang))}</h2>", personas]
    sections += [
        f"<h2>{_esc(translate('report.assumptions', lang))}</h2>",
        f"<p>{_esc(translate('method.calibration_text', lang))}</p>",
        _assumptions(lang, results[0][1].params),
        f"<h2>{_esc(translate('report.confidentiality', lang))}</h2>",
        f"<div class='note'>{_esc(translate('method.privacy_text', lang))}</div>",
    ]
    body = "\n".join(sections)
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_esc(title)}</title><style>{CSS}</style></head>"
        f"<body>{body}</body></html>"
    )
