"""Organisation: sector preset, then every organisational field with help and units."""

from __future__ import annotations

import streamlit as st

from core.presets import apply_preset
from core.scenario import LEVER_VALUES, PLATFORMS, SECTORS
from ui import state
from ui.boundary import guarded, page
from ui.i18n import lang, t
from ui.units import level, percent_of_staff
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
        ss[name_key] = state.base().title(lang())
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

    def share(path: str, label_key: str, value: float) -> None:
        """A share of staff, shown and edited in percent."""
        percent_of_staff(
            t(label_key), f"organisation.{path}", f"org.{path}", value, t(f"{label_key}.help")
        )

    def scale(path: str, label_key: str, value: float) -> None:
        """A 0..1 level, shown in words on a 0-100 scale."""
        level(
            t(label_key), path, f"organisation.{path}", f"org.{path}", value, t(f"{label_key}.help")
        )

    with c3:
        scale("recruitment_pressure", "field.recruitment_pressure", org.recruitment_pressure)

    st.subheader(t("org.exposure"))
    c1, c2, c3 = st.columns(3)
    with c1:
        share("sensitive_access_share", "field.sensitive_access_share", org.sensitive_access_share)
    with c2:
        scale("public_scrutiny", "field.public_scrutiny", org.public_scrutiny)
    with c3:
        share("work_chat_groups", "field.work_chat_groups", org.work_chat_groups)

    st.subheader(t("org.platforms"))
    share("heavy_user_share", "field.heavy_user_share", org.heavy_user_share)
    st.caption(t("org.platforms_help"))
    for column, platform in zip(st.columns(len(PLATFORMS)), PLATFORMS, strict=True):
        with column:
            percent_of_staff(
                t(f"platform.{platform}"),
                f"organisation.platforms.{platform}",
                f"org.platforms.{platform}",
                getattr(org.platforms, platform),
                t("field.platform.help", platform=t(f"platform.{platform}")),
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
