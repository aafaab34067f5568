"""The answer page's parts: the sentence, today and recommended side by side, moves, reasons.

Everything shown comes from :mod:`core.answer` and the board note's wording
(:mod:`core.reports.board_note`), so the page, the note and the presenter
say the same thing in the same words.
"""

from __future__ import annotations

import re

import streamlit as st

from core.answer import Answer, Pair
from core.recommend import Recommendation
from core.reports.board_note import (
    board_note,
    figure_tone,
    headline,
    marked_change,
    reason_line,
    to_docx,
    to_pdf,
)
from core.reports.decision_text import decision_text
from ui.i18n import fmt_number, fmt_share, lang, plain, t


def _delta_colour(pair: Pair) -> str:
    """st.metric's colour for the change: grey when none or not sure, else by direction."""
    if figure_tone(pair, lang()) == "neutral":
        return "off"
    return "normal" if pair.higher_is_better else "inverse"


def sentence(ans: Answer) -> None:
    """The one sentence, large: what to do and what it does."""
    st.markdown(f"### {plain(headline(ans, lang()))}")


def _label(pair: Pair, employees: int) -> str:
    """The figure's name; staff counts say their denominator here so values stay short."""
    name = t(f"answer.figure.{pair.key}")
    if pair.unit == "staff":
        return t("home.answer.of_total", name=name, total=fmt_number(employees))
    return name


def _value(pair: Pair, which: str) -> str:
    band = pair.today if which == "today" else pair.recommended
    return fmt_share(band.mean) if pair.unit == "probability" else fmt_number(band.mean)


def pair_cards(ans: Answer) -> None:
    """Today and recommended as two cards of the same four figures, in people and chances."""
    for which, column in zip(("today", "recommended"), st.columns(2), strict=True):
        with column, st.container(border=True):
            st.markdown(f"**{t(f'answer.{which}')}**")
            for row in (ans.pairs[:2], ans.pairs[2:]):
                for pair, cell in zip(row, st.columns(2), strict=True):
                    delta, colour = None, "off"
                    if which == "recommended":
                        delta, colour = marked_change(pair, lang()), _delta_colour(pair)
                    cell.metric(
                        _label(pair, ans.employees),
                        _value(pair, which),
                        delta=delta,
                        delta_color=colour,  # type: ignore[arg-type]
                        delta_arrow="off" if colour == "off" else "auto",
                        help=t(f"home.answer.help.{pair.key}"),
                    )
    st.caption(t("home.answer.cards_note", runs=ans.runs))


def moves_and_reasons(rec: Recommendation, ans: Answer) -> None:
    """The first moves (what to do first) and the three strongest reasons (why)."""
    moves, reasons = st.columns(2)
    with moves:
        st.markdown(f"**{t('answer.first_moves')}**")
        lines = decision_text(rec, lang()).moves
        if lines:
            for line in lines:
                st.markdown(plain(line))
        else:
            st.caption(t("answer.no_changes"))
    with reasons:
        st.markdown(f"**{t('answer.reasons')}**")
        for i in range(len(ans.reasons)):
            st.markdown("- " + plain(reason_line(ans, i, lang())))


def note_downloads(rec: Recommendation, ans: Answer) -> None:
    """One-page board note, built only when clicked (PDF and Word)."""
    language = lang()
    name = re.sub(r"[^\w-]+", "_", ans.name(language)).strip("_") or "serre"
    pdf, docx = st.columns(2)
    pdf.download_button(
        t("home.answer.note_pdf"),
        data=lambda: to_pdf(board_note(rec, ans, language)),
        file_name=f"{name}_{t('home.answer.note_file')}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        type="primary",
        on_click="ignore",
        width="stretch",
    )
    docx.download_button(
        t("home.answer.note_docx"),
        data=lambda: to_docx(board_note(rec, ans, language)),
        file_name=f"{name}_{t('home.answer.note_file')}.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        icon=":material/description:",
        on_click="ignore",
        width="stretch",
    )
