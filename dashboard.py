"""Home: what Serre does, the current scenario's four big numbers, where to start."""

from __future__ import annotations

import streamlit as st

from ui import compute, state
from ui.boundary import page
from ui.i18n import fmt_number, lang, t, tx
from ui.widgets import big_numbers

with page("nav.home"):
    st.title(t("home.title"))
    st.markdown(t("home.intro"))

    scenario = state.current()
    result = compute.run(scenario)
    st.subheader(tx("home.numbers", name=scenario.title(lang())))
    big_numbers(
        result,
        compute.run(state.today()) if st.session_state.mix != st.session_state.today else None,
    )
    st.caption(
        t(
            "home.numbers_note",
            runs=result.runs,
            employees=fmt_number(scenario.organisation.employees),
        )
    )

    st.subheader(t("home.start"))
    steps = [
        ("pages/1_Organisation.py", "home.step_organisation", ":material/apartment:"),
        ("pages/2_Climate_and_survey.py", "home.step_climate", ":material/thermostat:"),
        ("pages/3_Policy_mix.py", "home.step_policy", ":material/tune:"),
        ("pages/4_Simulation.py", "home.step_simulation", ":material/monitoring:"),
        ("pages/5_Scenarios.py", "home.step_scenarios", ":material/compare:"),
    ]
    for column, (page, key, icon) in zip(st.columns(len(steps)), steps, strict=True):
        with column, st.container(border=True):
            st.page_link(page, label=t(f"{key}.title"), icon=icon)
            st.caption(t(f"{key}.text"))

    with st.expander(t("home.greenhouse_title")):
        st.markdown(t("home.greenhouse"))
