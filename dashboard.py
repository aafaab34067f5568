"""Home, the answer: what policy to adopt, and what it does to reach and leak risk.

An executive reads one sentence, today and the recommended mix side by side
in people and chances, the first moves and the three strongest reasons, and
takes a one-page board note. Everything else (how, why in depth, what if)
is one click away on the other pages.
"""

from __future__ import annotations

import streamlit as st

from core.answer import answer
from core.scenario import with_policy
from ui import compute, state
from ui.answer_view import moves_and_reasons, note_downloads, pair_cards, sentence
from ui.boundary import page
from ui.i18n import fmt_number, lang, t, tx

with page("nav.home"):
    ss = st.session_state
    base = state.base()
    st.title(tx("home.answer.title", org=base.organisation_name(lang())))
    st.caption(
        t(
            "home.answer.subtitle",
            employees=fmt_number(base.organisation.employees),
            sector=t(f"sector.{base.organisation.sector}"),
        )
    )
    with st.spinner(t("home.answer.working")):
        rec = compute.recommendation(base, ss.objective)
    ss.recommendation = rec
    found = answer(rec, compute.run(state.today()), compute.run(with_policy(base, rec.policy)))

    sentence(found)
    pair_cards(found)
    note_downloads(rec, found)
    moves_and_reasons(rec, found)

    left, right = st.columns(2)
    with left:
        if st.button(
            t("home.answer.apply"),
            icon=":material/auto_awesome:",
            disabled=ss.mix == rec.policy,
            help=t("home.answer.apply_help"),
        ):
            state.set_mix(rec.policy)
            st.rerun()
    with right:
        st.page_link(
            "pages/3_Policy_mix.py", label=t("home.answer.details"), icon=":material/tune:"
        )
    if not rec.cap_met:
        st.warning(t("home.answer.cap_not_met"), icon=":material/warning:")

    st.divider()
    st.subheader(t("home.start"))
    steps = [
        ("pages/1_Organisation.py", "home.step_organisation", ":material/apartment:"),
        ("pages/2_Climate_and_survey.py", "home.step_climate", ":material/thermostat:"),
        ("pages/3_Policy_mix.py", "home.step_policy", ":material/tune:"),
        ("pages/4_Simulation.py", "home.step_simulation", ":material/monitoring:"),
        ("pages/5_Scenarios.py", "home.step_scenarios", ":material/compare:"),
    ]
    for column, (path, key, icon) in zip(st.columns(len(steps)), steps, strict=True):
        with column, st.container(border=True):
            st.page_link(path, label=t(f"{key}.title"), icon=icon)
            st.caption(t(f"{key}.text"))

    with st.expander(t("home.greenhouse_title")):
        st.markdown(t("home.intro"))
        st.markdown(t("home.greenhouse"))
