"""The survey sections of the Climate page: privacy review, mapping editor, behaviours.

Every change re-reads the upload (kept in this session's memory) with the
user's choices: columns dropped or kept, the mapping; the previous mapping
goes on an undo stack.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.survey import TARGETS, MappingFile, SurveyError, SurveyResult, parse_mapping
from core.survey.isolate import ingest_isolated
from core.survey.mapping import ItemMapping, mapping_from_rows, question_blocks
from core.text import one_line
from ui import state
from ui.i18n import fmt_number, fmt_share, lang, t, tx

UNDO_DEPTH = 20


def read(
    data: bytes,
    name: str,
    mapping: MappingFile | None = None,
    *,
    remember: bool = False,
    confirm_keep: bool = False,
) -> bool:
    """Ingest the upload with the session's column choices; report errors, never raise."""
    ss = st.session_state
    previous = ss.get("survey")
    try:
        result = ingest_isolated(  # untrusted bytes: read in a child process (issue 14)
            data,
            name,
            mapping,
            threshold=ss.threshold,
            drop=tuple(ss.get("survey_drop", ())),
            keep=tuple(ss.get("survey_keep", ())),
            confirm_keep=confirm_keep or bool(ss.get("survey_keep_confirmed")),
        )
    except SurveyError as exc:
        state.report(exc.message(lang()))
        return False
    if remember and previous is not None:
        history = ss.setdefault("mapping_history", [])
        history.append(previous.mapping.to_json(previous.questions, previous.unmapped))
        del history[:-UNDO_DEPTH]
    ss.survey_bytes, ss.survey_name = data, name  # in memory, this session only
    state.set_survey(result)
    ss.mapping_version = ss.get("mapping_version", 0) + 1  # the editor shows the new mapping
    return True


def reread(
    mapping: MappingFile | None = None, *, remember: bool = False, confirm_keep: bool = False
) -> bool:
    ss = st.session_state
    survey = ss.get("survey")
    if mapping is None and survey is not None:
        mapping = survey.mapping_file()
    return read(
        ss.survey_bytes, ss.survey_name, mapping, remember=remember, confirm_keep=confirm_keep
    )


def forget_choices() -> None:
    """A new upload starts without the previous file's column choices or undo history."""
    for key in ("survey_drop", "survey_keep", "survey_keep_confirmed", "mapping_history"):
        st.session_state.pop(key, None)


def review(survey: SurveyResult) -> None:
    """Every column, what happens to it and why; drop more, or keep one with a confirmation."""
    ss = st.session_state
    st.subheader(t("climate.review"))
    st.caption(t("climate.review_help"))
    rows = [
        {
            t("climate.col.column"): one_line(r.question if r.question != r.column else r.column),
            t("climate.col.decision"): t(f"decision.{r.decision}"),
            t("climate.col.reason"): t(f"reason.{r.reason}"),
        }
        for r in survey.reviews
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    kept = [r.column for r in survey.reviews if r.decision != "drop"]
    left, right = st.columns(2)
    with left:
        chosen = st.multiselect(
            t("climate.drop_more"),
            kept,
            default=[c for c in ss.get("survey_drop", []) if c in kept],
            format_func=lambda c: one_line(survey.questions.get(c, c)),
            help=t("climate.drop_more_help"),
            key="drop_more_select",
        )
        if st.button(t("climate.drop_button"), icon=":material/delete_sweep:", disabled=not chosen):
            ss.survey_drop = sorted(set(ss.get("survey_drop", [])) | set(chosen))
            reread()
            st.rerun()
    identifying = [r for r in survey.reviews if r.identifying]
    with right:
        if identifying:
            column = st.selectbox(
                t("climate.keep_dropped"),
                [r.column for r in identifying],
                format_func=lambda c: one_line(c),
                key="keep_select",
            )
            reason = next(r.reason for r in identifying if r.column == column)
            confirmed = st.checkbox(
                tx("climate.keep_confirm", column=column, reason=t(f"reason.{reason}")),
                key="keep_confirm_box",
            )
            if st.button(t("climate.keep_button"), disabled=not confirmed):
                ss.survey_keep = sorted(set(ss.get("survey_keep", [])) | {column})
                ss.survey_keep_confirmed = True
                reread(confirm_keep=True)
                st.rerun()


def _number(value: float | None, shown: bool) -> str:
    return "–" if value is None or not shown else fmt_number(value, 2)


def reliability_table(survey: SurveyResult) -> pd.DataFrame:
    """Per construct: mean, SD, alpha, omega (hidden under the threshold), items, missing."""
    rows = []
    for construct, s in survey.constructs.items():
        shown = survey.shown_construct(construct)  # rests on at least the threshold
        rows.append(
            {
                t("climate.col.construct"): t(f"construct.{construct}"),
                t("climate.col.mean"): _number(s.mean, shown),
                t("climate.col.sd"): _number(s.sd, shown),
                t("climate.col.alpha"): _number(s.alpha, shown),
                t("climate.col.omega"): _number(s.omega, shown),
                t("climate.col.items"): str(s.n_items),
                t("climate.col.missing"): fmt_share(s.missing_rate),
            }
        )
    return pd.DataFrame(rows).set_index(t("climate.col.construct"))


def _evidence_note(survey: SurveyResult, column: str) -> str:
    evidence = survey.evidence.get(column)
    if evidence is None:
        return ""
    if evidence.misfit:
        return t("climate.evidence_misfit", construct=t(f"target.{evidence.misfit}"))
    if evidence.target is None and evidence.factor is not None:
        return t("climate.evidence_factor", k=evidence.factor)
    return t(f"climate.evidence_source.{evidence.source}") if evidence.target else ""


def mapping_editor(survey: SurveyResult) -> None:
    """The mapping with its evidence; apply, assign a block, undo, download or upload."""
    ss = st.session_state
    st.subheader(t("climate.mapping"))
    st.caption(t("climate.mapping_help"))
    rows = []
    for column, question in survey.questions.items():
        item = survey.mapping.items.get(column)
        evidence = survey.evidence.get(column)
        rows.append(
            {
                "column": column,
                "question": question,
                "target": item.target if item else None,
                "reverse": bool(item.reverse) if item else False,
                "confidence": survey.mapping.confidence.get(column),
                "item_rest": evidence.item_rest if evidence else None,
                "loading": evidence.loading if evidence else None,
                "evidence": _evidence_note(survey, column),
            }
        )
    edited = st.data_editor(
        pd.DataFrame(rows),
        hide_index=True,
        width="stretch",
        disabled=["column", "question", "confidence", "item_rest", "loading", "evidence"],
        column_config={
            "column": st.column_config.TextColumn(t("climate.col.column")),
            "question": st.column_config.TextColumn(t("climate.col.question"), width="large"),
            "target": st.column_config.SelectboxColumn(
                t("climate.col.target"),
                options=list(TARGETS),
                format_func=lambda v: t(f"target.{v}"),
            ),
            "reverse": st.column_config.CheckboxColumn(t("climate.col.reverse")),
            "confidence": st.column_config.ProgressColumn(
                t("climate.col.confidence"), min_value=0, max_value=1
            ),
            "item_rest": st.column_config.NumberColumn(
                t("climate.col.item_rest"), format="%.2f", help=t("climate.col.item_rest_help")
            ),
            "loading": st.column_config.NumberColumn(
                t("climate.col.loading"), format="%.2f", help=t("climate.col.loading_help")
            ),
            "evidence": st.column_config.TextColumn(t("climate.col.evidence")),
        },
        key=f"mapping_editor_{ss.get('mapping_version', 0)}",
    )
    history = ss.get("mapping_history", [])
    apply, undo, download = st.columns(3)
    with apply:
        if st.button(t("climate.apply_mapping"), icon=":material/sync:", type="primary"):
            try:
                chosen = mapping_from_rows(edited.to_dict("records"))
            except SurveyError as exc:
                state.report(exc.message(lang()))
            else:
                reread(chosen, remember=True)
            st.rerun()
    with undo:
        if st.button(t("climate.undo"), icon=":material/undo:", disabled=not history):
            previous = parse_mapping(history.pop())
            reread(previous)
            st.rerun()
    with download:
        st.download_button(
            t("climate.download_mapping"),
            survey.mapping.to_json(survey.questions, survey.unmapped),
            file_name="serre_mapping.json",
            mime="application/json",
            icon=":material/download:",
            help=t("climate.download_mapping_help"),
        )
    _blocks(survey)
    _upload_template()


def _blocks(survey: SurveyResult) -> None:
    """Give every question of one block (a grid, Q5_1, Q5_2...) the same target."""
    blocks = question_blocks(survey.questions)
    if not blocks:
        return
    with st.expander(t("climate.bulk"), icon=":material/checklist:"):
        block = st.selectbox(
            t("climate.block"),
            list(blocks),
            format_func=lambda b: f"{one_line(b)} ({len(blocks[b])})",
            key="bulk_block",
        )
        target = st.selectbox(
            t("climate.block_target"),
            list(TARGETS),
            format_func=lambda v: t(f"target.{v}"),
            key="bulk_target",
        )
        reverse = st.checkbox(t("climate.block_reverse"), key="bulk_reverse")
        if st.button(t("climate.assign_block"), icon=":material/done_all:"):
            mapping = survey.mapping_file()
            for column in blocks[block]:
                mapping.items[column] = ItemMapping(target=target, reverse=reverse)
            reread(mapping, remember=True)
            st.rerun()


def _upload_template() -> None:
    """A mapping saved from an earlier wave, applied to this file."""
    ss = st.session_state
    template = st.file_uploader(
        t("climate.upload_mapping"),
        type=["json"],
        key="mapping_upload",
        help=t("climate.upload_mapping_help"),
    )
    if template is not None and ss.get("mapping_file_id") != template.file_id:
        ss.mapping_file_id = template.file_id
        try:
            mapping = parse_mapping(template.getvalue())
        except SurveyError as exc:
            state.report(t("climate.mapping_file_broken", detail=exc.message(lang())))
        else:
            reread(mapping, remember=True)
        st.rerun()


def behaviours_to_ask(survey: SurveyResult) -> None:
    """Which of the model's behaviours the survey did not ask, and the question to add."""
    missing = survey.missing_behaviours()
    if not missing:
        return
    lines = "\n".join(f"- {t(f'ask.{b}')}" for b in missing)
    st.info(t("climate.ask_next_time") + "\n\n" + lines, icon=":material/lightbulb:")
