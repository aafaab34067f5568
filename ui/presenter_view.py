"""Presenter mode: the answer as six screens a room reads from the back (the last a what-if).

Each screen fits one 1920x1080 projector (and a 1440x900 laptop) without
scrolling: the page's CSS removes Streamlit's paddings, hides the sidebar and
sizes type to the viewport; charts get explicit heights. Every word and number
comes from the answer (:mod:`core.answer`) and the board note's wording
(:mod:`core.reports.board_note`), so the presenter, the answer page and the
note say the same thing.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from core import charts
from core import formatting as fmt
from core.answer import Answer, Pair
from core.i18n import LANGUAGES
from core.recommend import Recommendation
from core.reports.board_note import (
    BoardNote,
    figure_change,
    figure_tone,
    figure_value,
    marked_change,
)
from core.text import plotly_literal
from ui.boundary import guarded
from ui.i18n import LANG_KEY, lang, t

SCREENS = ("answer", "compare", "changes", "moves", "risk", "whatif")
INDEX = "presenter_screen"
LANGUAGE_PICK = "presenter_language"  # the presenter's own language switch
SIDEBAR_PICK = "language_choice"  # the sidebar's (ui.bootstrap), kept in step
CHART_HEIGHT = 600  # fits under the heading on 1080 and on 900 pixel tall screens
CHART_FONT = 22
TODAY_COLOUR, RECOMMENDED_COLOUR = "#9bb8cf", charts.OKABE_ITO[0]

# Scoped to the presenter: every rule sits under the app that holds the presenter container.
CSS = """<style>
.stApp:has(.st-key-presenter) [data-testid="stSidebar"],
.stApp:has(.st-key-presenter) [data-testid="stSidebarCollapsedControl"],
.stApp:has(.st-key-presenter) [data-testid="stHeader"],
.stApp:has(.st-key-presenter) [data-testid="stDecoration"] { display: none; }
.stApp:has(.st-key-presenter) [data-testid="stMainBlockContainer"] {
  padding: 0 40px 8px 40px; max-width: 100%;
}
.stApp:has(.st-key-presenter) [data-testid="stMain"] { overflow-x: hidden; }
.st-key-presenter h1 {
  font-size: clamp(40px, min(2.5vw, 4.6vh), 52px) !important; line-height: 1.15;
  padding: 0 0 4px 0; margin: 0;
}
.st-key-presenter-nav { align-items: center; }
.st-key-presenter-nav button { min-height: 56px; padding: 4px 28px; }
.st-key-presenter-nav .st-key-presenter_language button { min-height: 44px; padding: 2px 16px; }
.st-key-presenter-nav button p, .st-key-presenter-nav [data-testid="stPageLink"] p {
  font-size: clamp(20px, min(1.3vw, 2.6vh), 26px) !important;
}
.pres-counter {
  font-size: clamp(22px, min(1.4vw, 2.8vh), 28px); color: #444; text-align: center;
  font-variant-numeric: tabular-nums; white-space: nowrap;
}
.pres-kicker { font-size: clamp(22px, min(1.6vw, 3vh), 32px); color: #555; margin-top: 10vh; }
.pres-headline {
  font-size: clamp(40px, min(4vw, 7.2vh), 80px); line-height: 1.18; font-weight: 700;
  color: #111; margin: 2vh 0 5vh 0; max-width: 94%; overflow-wrap: anywhere;
}
.pres-sub { font-size: clamp(22px, min(1.7vw, 3.2vh), 34px); color: #333; line-height: 1.35; }
.pres-grid {
  display: grid; grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr) minmax(0, 1fr);
  column-gap: 3vw; row-gap: 3vh; align-items: baseline; margin-top: 1vh;
}
.pres-col {
  font-size: clamp(24px, min(1.7vw, 3.2vh), 34px); font-weight: 700; color: #444;
  border-bottom: 3px solid #ddd; padding-bottom: 0.6vh;
}
.pres-col.rec { color: #0072B2; border-bottom-color: #0072B2; }
.pres-label { font-size: clamp(22px, min(1.65vw, 3vh), 34px); color: #222; line-height: 1.25; }
.pres-num {
  font-size: clamp(40px, min(4vw, 7.4vh), 80px); font-weight: 700; line-height: 1.1;
  font-variant-numeric: tabular-nums; white-space: nowrap;
}
.pres-num.today { color: #555; }
.pres-num.rec { color: #111; }
.pres-of { font-size: 0.42em; font-weight: 400; color: #555; margin-left: 0.3em; }
.pres-change.good { color: #009E73; }
.pres-change.bad { color: #D55E00; }
.pres-change.neutral { color: #555; }
.pres-change { display: block; font-size: clamp(22px, min(1.6vw, 3vh), 32px); font-weight: 600; }
.pres-note { font-size: clamp(18px, min(1.15vw, 2.2vh), 24px); color: #555; margin-top: 2vh; }
.pres-table { width: 100%; border-collapse: collapse; border: none; margin-top: 1vh; }
.pres-table tr, .pres-table tr:nth-child(even) { background: none; border: none; }
.pres-table td {
  font-size: clamp(22px, min(1.9vw, 3.4vh), 38px); padding: 1.6vh 1vw 1.6vh 0; border: none;
  border-bottom: 1px solid #e3e3e3; vertical-align: top; line-height: 1.25;
}
.pres-table.rows-m td { font-size: clamp(20px, min(1.6vw, 2.9vh), 32px); padding: 1.1vh 1vw; }
.pres-table.rows-l td { font-size: clamp(18px, min(1.3vw, 2.3vh), 26px); padding: 0.6vh 1vw; }
.pres-table td.lever { font-weight: 700; width: 30%; }
.pres-table td.from { color: #666; width: 32%; }
.pres-table td.arrow { color: #0072B2; width: 4%; font-weight: 700; }
.pres-table td.to { color: #111; font-weight: 600; }
.pres-list-title {
  font-size: clamp(24px, min(1.8vw, 3.4vh), 36px); font-weight: 700; color: #0072B2;
  margin-bottom: 1.5vh;
}
.pres-item {
  font-size: clamp(20px, min(1.45vw, 2.7vh), 30px); line-height: 1.3; margin-bottom: 2.2vh;
  color: #222;
}
.pres-item b { color: #111; }
</style>"""


def _index() -> int:
    """The screen on show, clamped to the screens there are."""
    index = int(st.session_state.get(INDEX, 0))
    return min(max(index, 0), len(SCREENS) - 1)


@guarded
def _step(by: int) -> None:
    st.session_state[INDEX] = min(max(_index() + by, 0), len(SCREENS) - 1)


@guarded
def _switch_language() -> None:
    """The room's language from the presenter's own switch (the sidebar is hidden here).

    The sidebar's switch is moved along, so other pages show the same choice;
    clicking the chosen language again (no choice) keeps the language.
    """
    chosen = st.session_state.get(LANGUAGE_PICK)
    if chosen in LANGUAGES:
        st.session_state[LANG_KEY] = chosen
        st.session_state[SIDEBAR_PICK] = chosen


def _language_switch() -> None:
    """'NL | EN', small, beside Leave: switchable mid-talk without leaving the screen."""
    st.session_state[LANGUAGE_PICK] = lang()
    st.segmented_control(
        t("ui.language"),
        options=list(LANGUAGES),
        format_func=str.upper,
        key=LANGUAGE_PICK,
        on_change=_switch_language,
        label_visibility="collapsed",
    )


def style() -> None:
    st.markdown(CSS, unsafe_allow_html=True)


def navigation() -> int:
    """Leave, the screen's title, previous and next as big buttons, and '2 / 5'."""
    index = _index()
    st.session_state[INDEX] = index
    with st.container(key="presenter-nav", horizontal=True, vertical_alignment="center"):
        st.page_link("dashboard.py", label=t("presenter.leave"), icon=":material/close:")
        _language_switch()
        st.space("stretch")
        st.button(
            t("presenter.previous"),
            icon=":material/arrow_back:",
            disabled=index == 0,
            on_click=_step,
            args=(-1,),
            key="presenter-previous",
        )
        st.markdown(
            f'<div class="pres-counter">{html.escape(_counter(index))}</div>',
            unsafe_allow_html=True,
            width="content",
        )
        st.button(
            t("presenter.next"),
            icon=":material/arrow_forward:",
            disabled=index == len(SCREENS) - 1,
            on_click=_step,
            args=(1,),
            key="presenter-next",
            type="primary",
        )
    return index


def _counter(index: int) -> str:
    return t("presenter.counter", i=index + 1, n=len(SCREENS))


def _html(markup: str) -> None:
    """One block of the presenter's own markup (no blank lines: markdown leaves it alone)."""
    st.markdown(markup, unsafe_allow_html=True)


def _e(text: object) -> str:
    return html.escape(str(text))


def _split_line(line: str) -> str:
    """'Lever: the rest' with the lever in bold (the note's lines all start this way)."""
    head, sep, rest = line.partition(": ")
    if not sep:
        return _e(line)
    return f"<b>{_e(head)}:</b> {_e(rest)}"


# --- screens -------------------------------------------------------------------------------


def screen_answer(rec: Recommendation, ans: Answer, note: BoardNote) -> None:  # noqa: ARG001
    """1: the one sentence, very large, and how sure it is."""
    st.title(t("presenter.screen.answer"))
    _html(
        f'<div class="pres-kicker">{_e(note.title)}</div>'
        f'<div class="pres-headline">{_e(note.headline)}</div>'
        f'<div class="pres-sub">{_e(note.confidence)}</div>'
    )


def _figure(pair: Pair, which: str, employees: int) -> str:
    """The figure in big type; for staff counts 'of 3,000' follows in small type."""
    text = figure_value(pair, which, employees, lang())
    if pair.unit != "staff":
        return _e(text)
    total = t("answer.of_staff", count="", total=fmt.number(employees, lang())).strip()
    number = text.replace(total, "").strip()
    return f'{_e(number)}<span class="pres-of">{_e(total)}</span>'


def compare_grid(ans: Answer, right: str) -> None:
    """Today | ``right``: the four figures in plain units, the change under the new one."""
    cells = [
        "<div></div>",
        f'<div class="pres-col">{_e(t("answer.today"))}</div>',
        f'<div class="pres-col rec">{_e(right)}</div>',
    ]
    for pair in ans.pairs:
        cells += [
            f'<div class="pres-label">{_e(t(f"answer.figure.{pair.key}"))}</div>',
            f'<div class="pres-num today">{_figure(pair, "today", ans.employees)}</div>',
            f'<div class="pres-num rec">{_figure(pair, "recommended", ans.employees)}'
            f'<span class="pres-change {figure_tone(pair, lang())}">'
            f"{_e(marked_change(pair, lang()))}</span></div>",
        ]
    _html(f'<div class="pres-grid">{"".join(cells)}</div>')
    notes = [t("presenter.compare_note", runs=fmt.number(ans.runs, lang()))]
    if any(marked_change(p, lang()) != figure_change(p, lang()) for p in ans.pairs):
        notes.append(t("answer.unsure_help"))
    _html(f'<div class="pres-note">{_e(" ".join(notes))}</div>')


def screen_compare(rec: Recommendation, ans: Answer, note: BoardNote) -> None:  # noqa: ARG001
    """2: today | recommended, four figures in plain units with the change under the new one."""
    st.title(t("presenter.screen.compare"))
    compare_grid(ans, t("answer.recommended"))


def screen_changes(rec: Recommendation, ans: Answer, note: BoardNote) -> None:  # noqa: ARG001
    """3: the levers that change, today -> recommended, one row each."""
    st.title(t("presenter.screen.changes", n=len(ans.changes)))
    if not ans.changes:
        _html(f'<div class="pres-headline">{_e(t("answer.no_changes"))}</div>')
        return
    rows = []
    for line in note.changes:  # "Lever: today → recommended", in the note's words
        lever, _, values = line.partition(": ")
        before, _, after = values.partition(" → ")
        rows.append(
            f'<tr><td class="lever">{_e(lever)}</td><td class="from">{_e(before)}</td>'
            f'<td class="arrow">→</td><td class="to">{_e(after)}</td></tr>'
        )
    # fewer rows, larger type: 14 levers still fit a 900 pixel tall screen
    size = "" if len(rows) <= 6 else " rows-m" if len(rows) <= 9 else " rows-l"
    _html(f'<table class="pres-table{size}">{"".join(rows)}</table>')


def screen_moves(rec: Recommendation, ans: Answer, note: BoardNote) -> None:  # noqa: ARG001
    """4: the first moves (what to do first) beside the three strongest reasons (why)."""
    st.title(t("presenter.screen.moves"))
    left, right = st.columns(2, gap="large")
    with left:
        items = "".join(f'<div class="pres-item">{_split_line(m)}</div>' for m in note.moves)
        items = items or f'<div class="pres-item">{_e(t("answer.no_changes"))}</div>'
        _html(f'<div class="pres-list-title">{_e(note.moves_title)}</div>{items}')
    with right:
        items = "".join(
            f'<div class="pres-item">{i}. {_split_line(r)}</div>'
            for i, r in enumerate(note.reasons, start=1)
        )
        _html(f'<div class="pres-list-title">{_e(note.reasons_title)}</div>{items}')


def screen_risk(rec: Recommendation, ans: Answer, note: BoardNote) -> None:  # noqa: ARG001
    """5: the chance of a leak today and recommended with P10-P90, and the ambassadors."""
    st.title(t("presenter.screen.risk"))
    left, right = st.columns([1, 1.25], gap="large")
    config = {"displayModeBar": False, "staticPlot": True}
    with left:
        st.plotly_chart(
            leak_chart(ans.pair("leak_chance")), config=config, theme=None, key="presenter.leak"
        )
    with right:
        st.plotly_chart(funnel_pair(rec), config=config, theme=None, key="presenter.funnel")
    note_text = t("presenter.risk_note", runs=fmt.number(ans.runs, lang()))
    _html(f'<div class="pres-note">{_e(note_text)}</div>')


def screen_whatif(rec: Recommendation, ans: Answer, note: BoardNote) -> None:
    """6: leave a recommended change out (its own module, which builds on this one)."""
    from ui.presenter_whatif import screen

    screen(rec, ans, note)


RENDER: dict[str, Callable[[Recommendation, Answer, BoardNote], None]] = {
    "answer": screen_answer,
    "compare": screen_compare,
    "changes": screen_changes,
    "moves": screen_moves,
    "risk": screen_risk,
    "whatif": screen_whatif,
}


# --- charts --------------------------------------------------------------------------------


def _room(fig: go.Figure, title: str) -> go.Figure:
    """The house style at room size: larger type, a fixed height that fits the screen."""
    charts.layout(fig, title, CHART_HEIGHT, lang())
    fig.update_layout(
        font={"size": CHART_FONT},
        title={"font": {"size": CHART_FONT + 4}, "x": 0, "xanchor": "left"},
        margin={"l": 20, "r": 30, "t": 100, "b": 20},
    )
    fig.update_xaxes(automargin=True, tickfont={"size": CHART_FONT})
    fig.update_yaxes(automargin=True, tickfont={"size": CHART_FONT - 2})
    return fig


def leak_chart(pair: Pair) -> go.Figure:
    """Two bars, today and recommended: the mean chance with its P10-P90 range as a whisker."""
    language = lang()
    bands = (pair.today, pair.recommended)
    names = [plotly_literal(t("answer.today")), plotly_literal(t("answer.recommended"))]
    labels = [fmt.percent(b.mean, language) for b in bands]
    ranges = [fmt.span(fmt.percent(b.p10, language), fmt.percent(b.p90, language)) for b in bands]
    fig = go.Figure(
        go.Bar(
            x=names,
            y=[b.mean * 100 for b in bands],
            marker_color=[TODAY_COLOUR, RECOMMENDED_COLOUR],
            error_y={
                "type": "data",
                "symmetric": False,
                "array": [(b.p90 - b.mean) * 100 for b in bands],
                "arrayminus": [(b.mean - b.p10) * 100 for b in bands],
                "color": "#333",
                "thickness": 3,
                "width": 18,
            },
            text=[f"<b>{v}</b>" for v in labels],
            textposition="inside",
            insidetextanchor="start",
            textfont={"size": CHART_FONT + 8, "color": "white"},
            customdata=ranges,
            width=0.55,
        )
    )
    for name, text, band in zip(names, ranges, bands, strict=True):
        fig.add_annotation(
            x=name, y=band.p90 * 100, text=text, showarrow=False, yshift=22,
            font={"size": CHART_FONT - 2, "color": "#333"},
        )  # fmt: skip
    top = max(b.p90 for b in bands) * 100
    fig.update_yaxes(range=[0, top * 1.22 or 1], ticksuffix="%")
    fig.update_xaxes(showgrid=False)
    return _room(fig, plotly_literal(t("answer.figure.leak_chance")))


def funnel_pair(rec: Recommendation) -> go.Figure:
    """The ambassador funnel for today and for the recommended mix, side by side.

    Each stage is built by :func:`core.charts.funnel` (count and share of all
    staff), so the numbers are the Simulation page's.
    """
    language = lang()
    labels = {k: plotly_literal(t(f"level.{k}")) for k in ("passive", "engaged", "creator")}
    fig = go.Figure()
    for name, result, colour in (
        (t("answer.today"), rec.before, TODAY_COLOUR),
        (t("answer.recommended"), rec.after, RECOMMENDED_COLOUR),
    ):
        single, _ = charts.funnel(result.level_summary(), labels, "", language)
        trace = single.data[0]
        trace.update(
            name=plotly_literal(name),
            marker={"color": colour},
            insidetextfont={
                "size": CHART_FONT - 2,
                "color": "white" if colour != TODAY_COLOUR else "#111",
            },
            textposition="inside",
            connector={"visible": False},
        )
        fig.add_trace(trace)
    fig.update_layout(
        funnelmode="group",
        legend={
            "orientation": "h",
            "y": 1.02,
            "x": 0,
            "yanchor": "bottom",
            "font": {"size": CHART_FONT},
        },
    )
    title = (
        f"{plotly_literal(t('sim.funnel'))}<br>"
        f"<sup>% {plotly_literal(t('denominator.staff'))}</sup>"
    )
    _room(fig, title)
    fig.update_layout(showlegend=True)
    fig.update_yaxes(automargin=True)
    return fig


__all__ = ["RENDER", "SCREENS", "navigation", "style"]
