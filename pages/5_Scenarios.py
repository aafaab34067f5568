"""Scenarios: saved scenarios (open, rename, duplicate, delete), compare 2 to 4, share."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core import charts
from core.errors import SerreError
from core.scenario import dump_scenario, parse_scenario, with_overrides
from core.share import pack
from core.simulate import COMPARED_METRICS, difference
from ui import compute, state, workspace
from ui.bootstrap import SHARE_PARAM
from ui.boundary import page
from ui.i18n import lang, plain, t, tx
from ui.widgets import chart, fmt_change, fmt_value, session_choice
from ui.workspace_view import saved_list, workspace_box

with page("nav.scenarios"):
    st.title(t("nav.scenarios"))
    st.markdown(t("scen.intro"))
    ss = st.session_state
    CURRENT, TODAY = "__current__", "__today__"
    COMPARED = COMPARED_METRICS
    RISKS = (
        "p_sensitive_leak_year",
        "negative_posts_per_year",
        "chat_incidents_per_year",
        "always_on_share",
    )

    def _label(key: str) -> str:
        return {CURRENT: t("scen.current"), TODAY: t("scen.today")}.get(key, key)

    def _scenario(key: str):
        if key == CURRENT:
            return state.current()
        if key == TODAY:
            return state.today()
        return ss.saved[key]

    workspace.refresh_saved()  # another session may have saved or renamed some
    left, right = st.columns(2)
    with left, st.container(border=True):
        st.markdown(f"**{t('scen.save')}**")
        name = st.text_input(
            t("scen.name"), value=state.current().title(lang()), max_chars=120, key="save_name"
        )
        if st.button(t("scen.save_button"), icon=":material/bookmark_add:"):
            try:
                today_named = with_overrides(state.base(), {"name": name, "seed": state.seed()})
                existed = " ".join(name.split()) in ss.saved_records
                record = workspace.save(name, today_named, ss.mix)
                st.toast(tx("ws.updated" if existed else "scen.saved", name=record.name))
            except SerreError as exc:
                st.error(plain(exc.message(lang())), icon=":material/error:")
        st.download_button(
            t("scen.download"),
            dump_scenario(with_overrides(state.current(), {"seed": state.seed()})),
            file_name="serre_scenario.json",
            mime="application/json",
            icon=":material/download:",
        )
    with right, st.container(border=True):
        st.markdown(f"**{t('scen.load')}**")
        upload = st.file_uploader(t("scen.load_file"), type=["json"], key="scenario_upload")
        if upload is not None and ss.get("scenario_file_id") != upload.file_id:
            ss.scenario_file_id = upload.file_id
            try:
                loaded = parse_scenario(upload.getvalue())
                state.set_scenario(loaded, source="file")
                record = workspace.save(loaded.name, loaded, loaded.policy, replace=False)
            except SerreError as exc:
                st.error(plain(exc.message(lang())), icon=":material/error:")
            else:
                st.success(tx("scen.loaded", name=record.name))

    saved_list(TODAY, CURRENT)

    link_box, share_box = st.columns(2)
    base_url = (st.context.url or "").split("?")[0]
    with link_box, st.container(border=True):
        workspace_box(base_url)
    with share_box, st.container(border=True):
        st.markdown(f"**{t('scen.share')}**")
        today_seeded = with_overrides(state.base(), {"seed": state.seed()})
        token = pack(today_seeded, ss.mix)
        st.code(f"{base_url}?{SHARE_PARAM}={token}", language=None, wrap_lines=True, height=150)
        st.caption(t("scen.share_help"))

    def _exports(keys: list[str]) -> None:
        """Build the documents on request (they are large) and offer them for download."""
        from core.reports import draft_policy, html_report, pptx_deck, to_docx, to_markdown

        with st.container(border=True):
            st.markdown(f"**{t('scen.exports')}**")
            st.caption(t("scen.exports_help"))
            doc_lang = st.segmented_control(
                t("scen.export_lang"), ["en", "nl"], default=lang(), key="export_lang",
                format_func={"en": "English", "nl": "Nederlands"}.get,
            )  # fmt: skip
            doc_lang = doc_lang or lang()
            if st.button(t("scen.prepare"), icon=":material/description:"):
                with st.spinner(t("scen.preparing")):
                    results = [(_label(k), compute.run(_scenario(k))) for k in keys]
                    found = compute.insight()
                    names = {}
                    if found is not None and found.personas is not None:
                        names = dict(
                            zip(found.personas.names_, found.persona_names(doc_lang), strict=True)
                        )
                    policy = draft_policy(state.current(), doc_lang)
                    ss.exports = {
                        "html": html_report(results, doc_lang, ss.get("recommendation"), names),
                        "pptx": pptx_deck(results, doc_lang, ss.get("recommendation")),
                        "docx": to_docx(policy),
                        "md": to_markdown(policy),
                    }
            exports = ss.get("exports")
            if exports:
                cols = st.columns(4)
                files = (
                    ("html", "scen.dl_html", "serre_report.html", "text/html"),
                    (
                        "pptx",
                        "scen.dl_pptx",
                        "serre_deck.pptx",
                        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                    ),
                    (
                        "docx",
                        "scen.dl_docx",
                        "serre_policy.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    ),
                    ("md", "scen.dl_md", "serre_policy.md", "text/markdown"),
                )
                for column, (kind, label, name, mime) in zip(cols, files, strict=True):
                    column.download_button(
                        t(label),
                        exports[kind],
                        file_name=name,
                        mime=mime,
                        key=f"dl.{kind}",
                        icon=":material/download:",
                    )

    st.subheader(t("scen.compare"))
    options = [CURRENT, TODAY, *ss.saved]
    chosen = session_choice(
        "multiselect",
        t("scen.pick"),
        options,
        "compare_pick",
        [TODAY, CURRENT],
        format_func=_label,
        max_selections=4,
    )
    if len(chosen) < 2:
        st.info(t("scen.pick_more"), icon=":material/info:")
        st.stop()
    baseline = session_choice(
        "selectbox", t("scen.baseline"), chosen, "compare_baseline", chosen[0], format_func=_label
    )
    results = {key: compute.run(_scenario(key)) for key in chosen}
    base = results[baseline]
    same_org = all(r.runs == base.runs and r.seed == base.seed for r in results.values())

    rows = []
    for metric in COMPARED:
        row = {t("scen.metric"): t(f"metric.{metric}.title")}
        base_mean = base.summary()[metric]["mean"]
        for key, result in results.items():
            shown = fmt_value(metric, result.summary()[metric]["mean"])
            if key != baseline and same_org:
                delta = difference(base, result)[metric]["mean"]
                shown += f"  ({fmt_change(metric, delta, base_mean)})"
            row[_label(key)] = shown
        rows.append(row)
    table = pd.DataFrame(rows)
    st.dataframe(table, hide_index=True, width="stretch")
    st.caption(t("scen.delta_note", baseline=_label(baseline)))

    risk_metric = session_choice(
        "selectbox",
        t("scen.risk_axis"),
        list(RISKS),
        "risk_metric",
        RISKS[0],
        format_func=lambda m: t(f"metric.{m}.title"),
    )
    points = []
    for key, result in results.items():
        s = result.summary()
        points.append(
            {
                "scenario": _label(key),
                "reach": s["monthly_unique_reach"]["p50"],
                "reach_p10": s["monthly_unique_reach"]["p10"],
                "reach_p90": s["monthly_unique_reach"]["p90"],
                "risk": s[risk_metric]["p50"],
                "risk_p10": s[risk_metric]["p10"],
                "risk_p90": s[risk_metric]["p90"],
            }
        )
    frame = pd.DataFrame(points)
    fig = charts.frontier(
        frame,
        t(f"metric.{risk_metric}.title"),
        t("metric.monthly_unique_reach.title"),
        t("scen.frontier"),
    )
    chart(fig, frame, "frontier")
    _exports(chosen)
