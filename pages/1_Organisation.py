"""Organisation: sector preset, then every organisational field with help and units."""

from __future__ import annotations

import streamlit as st

from core.presets import apply_preset
from core.scenario import LEVER_VALUES, PLATFORMS, SECTORS
from ui import state
from ui.boundary import guarded, page
from ui.i18n import t
from ui.widgets import lever_input, plausibility_notes, session_choice

with page("nav.organisation"):
    st.title(t("nav.organisation"))
    st.markdown(t("org.intro"))
    plausibility_notes("organisation")

    ss = st.session_state
    org = state.base().organisation

    @guarded
    def _apply_preset() -> None:
        sector = ss["preset_choice"]
        state.set_scenario(apply_preset(state.base(), sector), mix=ss.mix, source=ss.get("source"))
        ss.preset_note = t("org.preset_applied", sector=t(f"sector.{sector}"))

    with st.container(border=True):
        left, right = st.columns([2, 3])
        with left:
            session_choice(
                "selectbox",
                t("org.preset"),
                list(SECTORS),
                "preset_choice",
                org.sector,
                format_func=lambda s: t(f"sector.{s}"),
                help=t("org.preset_help"),
            )
            st.button(t("org.apply_preset"), on_click=_apply_preset, icon=":material/auto_fix:")
        with right:
            if ss.get("preset_note"):
                st.info(ss.pop("preset_note"), icon=":material/info:")

    def field(kind: str, path: str, label_key: str, value, **kwargs) -> None:
        """One scenario field: edits go through validation; a bad value is reported."""
        key = f"org.{path}"
        if key not in ss:
            ss[key] = value
        widget = {"number": st.number_input, "slider": st.slider}[kind]
        widget(
            t(label_key),
            key=key,
            help=t(f"{label_key}.help"),
            on_change=state.update_scenario,
            args=(f"organisation.{path}", key),
            **kwargs,
        )

    name_key = "org.name"
    if name_key not in ss:
        ss[name_key] = state.base().name
    st.text_input(
        t("org.name"),
        key=name_key,
        max_chars=120,
        help=t("org.name.help"),
        on_change=state.update_scenario,
        args=("name", name_key),
    )

    st.subheader(t("org.size"))
    c1, c2, c3 = st.columns(3)
    with c1:
        field(
            "number",
            "employees",
            "field.employees",
            org.employees,
            min_value=1,
            max_value=1_000_000,
            step=50,
        )
    with c2:
        field(
            "number",
            "open_vacancies",
            "field.open_vacancies",
            org.open_vacancies,
            min_value=0,
            max_value=100_000,
        )
    with c3:
        field(
            "slider",
            "recruitment_pressure",
            "field.recruitment_pressure",
            float(org.recruitment_pressure),
            min_value=0.0,
            max_value=1.0,
            step=0.05,
        )

    st.subheader(t("org.exposure"))
    c1, c2, c3 = st.columns(3)
    with c1:
        field(
            "slider",
            "sensitive_access_share",
            "field.sensitive_access_share",
            float(org.sensitive_access_share),
            min_value=0.0,
            max_value=1.0,
            step=0.05,
            format="%.2f",
        )
    with c2:
        field(
            "slider",
            "public_scrutiny",
            "field.public_scrutiny",
            float(org.public_scrutiny),
            min_value=0.0,
            max_value=1.0,
            step=0.05,
        )
    with c3:
        field(
            "slider",
            "work_chat_groups",
            "field.work_chat_groups",
            float(org.work_chat_groups),
            min_value=0.0,
            max_value=1.0,
            step=0.05,
        )

    st.subheader(t("org.platforms"))
    field(
        "slider",
        "heavy_user_share",
        "field.heavy_user_share",
        float(org.heavy_user_share),
        min_value=0.0,
        max_value=1.0,
        step=0.05,
    )
    for column, platform in zip(st.columns(len(PLATFORMS)), PLATFORMS, strict=True):
        with column:
            key = f"org.platforms.{platform}"
            if key not in ss:
                ss[key] = float(getattr(org.platforms, platform))
            st.slider(
                t(f"platform.{platform}"),
                min_value=0.0,
                max_value=1.0,
                step=0.05,
                key=key,
                help=t("field.platform.help", platform=t(f"platform.{platform}")),
                on_change=state.update_scenario,
                args=(f"organisation.platforms.{platform}", key),
            )

    st.subheader(t("org.today"))
    st.caption(t("org.today_help"))
    today = ss.today
    with st.expander(t("org.today_edit"), expanded=False):
        cols = st.columns(3)
        for i, (lever, values) in enumerate(LEVER_VALUES.items()):
            key = f"today.{lever}"
            if key not in ss:
                ss[key] = getattr(today, lever)
            with cols[i % 3]:
                lever_input(lever, values, key, target="today")
