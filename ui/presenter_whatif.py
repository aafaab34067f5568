"""Presenter mode's what-if: leave a recommended change out and see the four figures move.

A board often asks "and without X?". Each recommended change (the first
few, so the screen still fits 1440x900) is a switch, on by default; the
mix with the switched-off changes back at today's value is simulated with
the recommendation's runs and compared with today, in the same grid as
the comparison screen. The user's own mix and workspace are not touched:
the switches live in this session only.
"""

from __future__ import annotations

import streamlit as st

from core.answer import Answer
from core.recommend import Recommendation
from core.reports.board_note import BoardNote
from core.reports.choice import answer_between
from core.scenario import Policy, with_policy
from ui import compute
from ui.i18n import t
from ui.presenter_view import compare_grid

KEEP = "presenter_keep."  # + lever: whether the recommended change stays in the mix
MAX_SWITCHES = 5  # more would push the grid below a 900 pixel tall screen

CSS = """<style>
.st-key-presenter-whatif { gap: 0.5rem 2.2vw; margin: 0.4vh 0 1.2vh 0; }
.st-key-presenter-whatif label p { font-size: clamp(18px, min(1.2vw, 2.3vh), 24px) !important; }
</style>"""


def chosen_policy(rec: Recommendation, ans: Answer, kept: dict[str, bool]) -> Policy:
    """The recommended mix with every change not kept back at today's value."""
    values = rec.policy.model_dump()
    for change in ans.changes:
        if not kept.get(change.lever, True):
            values[change.lever] = change.today
    return Policy(**values)


def screen(rec: Recommendation, ans: Answer, note: BoardNote) -> None:  # noqa: ARG001
    """6: a switch per recommended change; today against the mix with the changes kept."""
    st.title(t("presenter.screen.whatif"))
    if not ans.changes:
        st.markdown(t("answer.no_changes"))
        return
    st.markdown(CSS, unsafe_allow_html=True)
    with st.container(key="presenter-whatif", horizontal=True):
        for change in ans.changes[:MAX_SWITCHES]:
            key = KEEP + change.lever
            st.session_state.setdefault(key, True)
            st.toggle(t(f"lever.{change.lever}"), key=key, help=t("presenter.whatif_help"))
    kept = {c.lever: bool(st.session_state.get(KEEP + c.lever, True)) for c in ans.changes}
    policy = chosen_policy(rec, ans, kept)
    if policy == rec.policy:
        result = rec.after
    else:
        with st.spinner(t("presenter.whatif_running")):
            result = compute.run(with_policy(rec.scenario, policy), runs=rec.before.runs)
    compare_grid(answer_between(rec.before, result), t("presenter.whatif_column"))
