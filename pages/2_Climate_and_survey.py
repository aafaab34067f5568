"""Climate and survey: sliders, or an uploaded survey export with mapping and reliability."""

from __future__ import annotations

import streamlit as st

from core.scenario import CONSTRUCTS
from core.survey.privacy import MAX_THRESHOLD, MIN_THRESHOLD
from core.text import one_line
from ui import compute, insight_view, state, survey_view
from ui.bootstrap import warm_reader
from ui.boundary import guarded, page
from ui.i18n import fmt_number, t, tx
from ui.units import score
from ui.widgets import chart_table, plausibility_notes, session_choice, session_toggle

with page("nav.climate"):
    st.title(t("nav.climate"))
    ss = st.session_state

    # Tracked on the server, so a rerun (an upload, a colleague's autosave) keeps the tab.
    sliders, upload = st.tabs(
        [t("climate.tab_sliders"), t("climate.tab_survey")], key="climate_tab", on_change="rerun"
    )

    with sliders:
        st.markdown(t("climate.sliders_intro"))
        survey_n = ss.survey.respondents if ss.get("use_survey") and ss.get("survey") else None
        plausibility_notes("climate", respondents=survey_n)
        if ss.get("use_survey") and ss.get("survey") is not None:
            st.info(t("climate.survey_overrides"), icon=":material/info:")
        climate = state.base().climate
        for construct in CONSTRUCTS:
            c = getattr(climate, construct)
            with st.container(border=True):
                st.markdown(
                    f"**{t(f'construct.{construct}')}** · {t(f'construct.{construct}.help')}"
                )
                left, right = st.columns([3, 2])
                for column, part, low, high, step in (
                    (left, "mean", 1.0, 5.0, 0.1),
                    (right, "sd", 0.0, 2.0, 0.05),
                ):
                    with column:
                        score(
                            t(f"climate.{part}"),
                            f"climate.{construct}.{part}",
                            f"clim.{construct}.{part}",
                            float(getattr(c, part)),
                            low,
                            high,
                            step,
                            t(f"climate.{part}.help"),
                        )

    @guarded
    def _change_threshold() -> None:
        """The threshold is a session setting: the survey is read again under it."""
        value = int(ss["threshold_input"])
        survey = ss.get("survey")
        if survey is not None and value > survey.respondents:
            state.report(t("climate.threshold_above_n", n=survey.respondents))
            return
        ss.threshold = value
        if survey is not None:
            survey_view.reread()

    with upload:
        warm_reader()  # the reader's fork server is ready before a file is chosen
        st.markdown(t("climate.upload_intro"))
        uploaded = st.file_uploader(
            t("climate.upload"),
            type=["csv", "tsv", "txt", "xlsx", "sav"],
            key="survey_upload",
            help=t("climate.upload_help"),
        )
        if uploaded is not None and ss.get("survey_file_id") != uploaded.file_id:
            ss.survey_file_id = uploaded.file_id
            survey_view.forget_choices()
            with st.spinner(t("climate.reading")):
                survey_view.read(uploaded.getvalue(), uploaded.name)
            st.rerun()

        ss["threshold_input"] = ss.threshold  # the widget mirrors the session setting
        st.number_input(
            t("climate.threshold"),
            min_value=MIN_THRESHOLD,
            max_value=MAX_THRESHOLD,
            step=1,
            key="threshold_input",
            help=t("climate.threshold_help"),
            on_change=_change_threshold,
        )
        survey = ss.get("survey")
        if survey is None:
            st.caption(t("climate.no_survey"))
        else:
            st.success(
                t("climate.detected", format=survey.format_label, n=fmt_number(survey.respondents)),
                icon=":material/check_circle:",
            )
            session_toggle(
                t("climate.use_survey"), "use_survey", True, t("climate.use_survey_help")
            )
            if survey.dropped_columns:
                st.caption(tx("climate.dropped", columns=", ".join(survey.dropped_columns)))
            survey_view.review(survey)
            for key, params in survey.warnings:  # they quote column names and labels from the file
                st.warning(tx(key, **params), icon=":material/warning:")

            st.subheader(t("climate.reliability"))
            st.table(survey_view.reliability_table(survey))

            survey_view.mapping_editor(survey)
            survey_view.behaviours_to_ask(survey)

            st.subheader(t("climate.breakdown"))
            if not survey.group_candidates:
                st.caption(t("climate.no_groups"))
            else:
                group = session_choice(
                    "selectbox",
                    t("climate.group"),
                    survey.group_candidates,
                    "breakdown_group",
                    survey.group_candidates[0],
                    format_func=lambda c: one_line(survey.questions.get(c, c)),
                )
                table = insight_view.breakdown_table(survey, group)
                chart_table(table, "breakdown")
                st.caption(t("climate.breakdown_note", n=survey.threshold))
            if ss.get("use_survey"):
                with st.spinner(t("insight.working")):
                    found = compute.insight()
                insight_view.personas(found)
                insight_view.drivers(found)
                insight_view.calibration(found)
            if st.button(t("climate.forget"), icon=":material/delete:"):
                state.set_survey(None)
                ss.pop("survey_bytes", None)
                ss.pop("survey_file_id", None)
                survey_view.forget_choices()
                st.rerun()
