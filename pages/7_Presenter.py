"""Presenter mode: the answer in six screens for a room (the last a what-if), no scrolling."""

from __future__ import annotations

import streamlit as st

from core.answer import answer
from core.reports.board_note import board_note
from ui import compute, presenter_view, state
from ui.boundary import page
from ui.i18n import lang, t

with page("nav.presenter"):
    presenter_view.style()
    with st.container(key="presenter"):
        index = presenter_view.navigation()
        with st.spinner(t("policy.searching")):
            rec = compute.recommendation(state.base(), st.session_state.objective)
        ans = answer(rec)
        presenter_view.RENDER[presenter_view.SCREENS[index]](rec, ans, board_note(rec, ans, lang()))
