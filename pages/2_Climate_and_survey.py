"""Climate and survey: sliders, or an uploaded survey export with mapping and reliability."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.scenario import CONSTRUCTS
from core.survey import TARGETS, MappingFile, SurveyError
from core.survey.isolate import ingest_isolated
from core.survey.mapping import ItemMapping
from core.survey.privacy import MAX_THRESHOLD, MIN_THRESHOLD
from core.text import one_line
from ui import compute, insight_view, state
from ui.bootstrap import warm_reader
from ui.boundary import guarded, page
from ui.i18n import fmt_number, lang, t, tx
from ui.widgets import chart_table, plausibility_notes, session_choice, session_toggle

with page("nav.climate"):
    st.title(t("nav.climate"))
    ss = st.session_state

    sliders, upload = st.tabs([t("climate.tab_sliders"), t("climate.tab_survey")])

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
                    key = f"clim.{construct}.{part}"
                    if key not in ss:
                        ss[key] = float(getattr(c, part))
                    with column:
                        st.slider(
                            t(f"climate.{part}"),
                            min_value=low,
                            max_value=high,
                            step=step,
                            key=key,
                            help=t(f"climate.{part}.help"),
                            on_change=state.update_scenario,
                            args=(f"climate.{construct}.{part}", key),
                        )

    def _read_upload(data: bytes, name: str, mapping: MappingFile | None = None) -> None:
        try:
            result = ingest_isolated(data, name, mapping, threshold=ss.threshold)
        except SurveyError as exc:
            state.report(exc.message(lang()))
            return
        ss.survey_bytes, ss.survey_name = data, name  # in memory, this session only
        state.set_survey(result)

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
            _read_upload(ss.survey_bytes, ss.survey_name, MappingFile(items=survey.mapping.items))

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
            with st.spinner(t("climate.reading")):
                _read_upload(uploaded.getvalue(), uploaded.name)
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
            for key, params in survey.warnings:  # they quote column names and labels from the file
                st.warning(tx(key, **params), icon=":material/warning:")

            st.subheader(t("climate.reliability"))
            rows = []
            for construct, s in survey.constructs.items():
                shown = survey.shown_construct(construct)  # rests on at least the threshold
                rows.append(
                    {
                        t("climate.col.construct"): t(f"construct.{construct}"),
                        t("climate.col.mean"): None
                        if s.mean is None or not shown
                        else round(s.mean, 2),
                        t("climate.col.sd"): None if s.sd is None or not shown else round(s.sd, 2),
                        t("climate.col.alpha"): None
                        if s.alpha is None or not shown
                        else round(s.alpha, 2),
                        t("climate.col.items"): s.n_items,
                        t("climate.col.missing"): f"{s.missing_rate:.0%}",
                    }
                )
            st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")

            st.subheader(t("climate.mapping"))
            st.caption(t("climate.mapping_help"))
            mapping_rows = []
            for column, question in survey.questions.items():
                item = survey.mapping.items.get(column)
                mapping_rows.append(
                    {
                        "column": column,
                        "question": question,
                        "target": item.target if item else None,
                        "reverse": bool(item.reverse) if item else False,
                        "confidence": survey.mapping.confidence.get(column),
                    }
                )
            edited = st.data_editor(
                pd.DataFrame(mapping_rows),
                hide_index=True,
                width="stretch",
                disabled=["column", "question", "confidence"],
                column_config={
                    "column": st.column_config.TextColumn(t("climate.col.column")),
                    "question": st.column_config.TextColumn(
                        t("climate.col.question"), width="large"
                    ),
                    "target": st.column_config.SelectboxColumn(
                        t("climate.col.target"),
                        options=list(TARGETS),
                        format_func=lambda v: t(f"target.{v}"),
                    ),
                    "reverse": st.column_config.CheckboxColumn(t("climate.col.reverse")),
                    "confidence": st.column_config.ProgressColumn(
                        t("climate.col.confidence"), min_value=0, max_value=1
                    ),
                },
                key="mapping_editor",
            )
            left, right = st.columns(2)
            with left:
                if st.button(t("climate.apply_mapping"), icon=":material/sync:"):
                    items = {
                        r["column"]: ItemMapping(target=r["target"], reverse=bool(r["reverse"]))
                        for r in edited.to_dict("records")
                        if r["target"]
                    }
                    _read_upload(ss.survey_bytes, ss.survey_name, MappingFile(items=items))
                    st.rerun()
            with right:
                st.download_button(
                    t("climate.download_mapping"),
                    survey.mapping.to_json(),
                    file_name="serre_mapping.json",
                    mime="application/json",
                    icon=":material/download:",
                )

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
                st.rerun()
