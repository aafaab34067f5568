"""Presenter mode: large type, inputs hidden, one scenario per screen, quick what-ifs."""

from __future__ import annotations

import streamlit as st

from core import charts
from core.scenario import LEVER_VALUES
from ui import compute, state
from ui.boundary import page
from ui.i18n import lang, plain, t
from ui.widgets import big_numbers, lever_input

with page("nav.presenter"):
    ss = st.session_state
    st.markdown(
        """<style>
        [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] {display: none;}
        html, body, [class*="css"] {font-size: 21px;}
        [data-testid="stMetricValue"] {font-size: 3.4rem;}
        h1 {font-size: 3rem !important;}
        </style>""",
        unsafe_allow_html=True,
    )

    screens = [("__today__", state.today()), ("__current__", state.current())]
    screens += [(name, scenario) for name, scenario in ss.saved.items()]
    ss.setdefault("presenter_index", 0)
    ss.presenter_index = min(ss.presenter_index, len(screens) - 1)
    label_of = {"__today__": t("scen.today"), "__current__": t("scen.current")}

    top = st.columns([1, 5, 1.3, 1.3])
    with top[0]:
        st.page_link("dashboard.py", label=t("presenter.leave"), icon=":material/close:")
    with top[2]:
        if st.button(
            t("presenter.previous"), icon=":material/arrow_back:", disabled=ss.presenter_index == 0
        ):
            ss.presenter_index -= 1
            st.rerun()
    with top[3]:
        if st.button(
            t("presenter.next"),
            icon=":material/arrow_forward:",
            disabled=ss.presenter_index >= len(screens) - 1,
        ):
            ss.presenter_index += 1
            st.rerun()

    key, scenario = screens[ss.presenter_index]
    st.title(label_of.get(key) or plain(key))
    st.caption(
        t(
            "presenter.position",
            i=ss.presenter_index + 1,
            n=len(screens),
            name=plain(scenario.title(lang())),
        )
    )
    result = compute.run(scenario)
    big_numbers(result, compute.run(state.today()) if key != "__today__" else None)

    left, right = st.columns([3, 2])
    with left:
        levels = {k: t(f"level.{k}") for k in ("passive", "engaged", "creator")}
        fig, _ = charts.funnel(result.level_summary(), levels, t("sim.funnel"), lang())
        fig.update_layout(font={"size": 22}, height=460)
        st.plotly_chart(
            fig, width="stretch", key="presenter.funnel", config={"displayModeBar": False}
        )
    with right, st.container(border=True):
        st.markdown(f"### {t('presenter.whatif')}")
        if key != "__current__":
            st.caption(t("presenter.whatif_current"))
        else:
            st.caption(t("presenter.whatif_help"))
            for lever in compute.top_levers(state.current()):
                widget_key = f"mix.{lever}"
                ss[widget_key] = getattr(ss.mix, lever)
                lever_input(lever, LEVER_VALUES[lever], widget_key)
