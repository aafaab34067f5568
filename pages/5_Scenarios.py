"""Scenarios: saved scenarios (open, rename, duplicate, delete), compare 2 to 4, share."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core import charts
from core.errors import SerreError
from core.i18n import translate
from core.scenario import dump_scenario, parse_scenario, with_overrides, with_policy
from core.share import pack
from core.simulate import COMPARED_METRICS, difference
from ui import compute, state, workspace
from ui.bootstrap import SHARE_PARAM
from ui.boundary import page
from ui.figures import figure
from ui.i18n import lang, plain, t, tx
from ui.widgets import chart, fmt_change, fmt_value, session_choice
from ui.workspace_view import saved_list, workspace_box

with page("nav.scenarios"):
    st.title(t("nav.scenarios"))
    st.markdown(t("scen.intro"))
    ss = st.session_state
    CURRENT, TODAY, RECOMMENDED = "__current__", "__today__", "__recommended__"
    COMPARED = COMPARED_METRICS
    RISKS = (
        "p_sensitive_leak_year",
        "negative_posts_per_year",
        "chat_incidents_per_year",
        "always_on_share",
    )

    def _label(key: str, in_lang: str | None = None) -> str:
        words = {
            CURRENT: "scen.current",
            TODAY: "scen.today",
            RECOMMENDED: "scen.export_recommended",
        }
        if key in words:
            return translate(words[key], in_lang or lang())
        return key

    def _scenario(key: str):
        if key == CURRENT:
            return state.current()
        if key == TODAY:
            return state.today()
        if key == RECOMMENDED:
            rec = compute.recommendation(state.base(), ss.objective)
            return with_policy(state.base(), rec.policy)
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

    def _documents(keys: list[str], baseline: str, proposal: str) -> dict[str, bytes | str]:
        """The report (HTML, PDF), deck and policy text of ``baseline`` against ``proposal``."""
        from core.reports import draft_policy, html_report, to_docx, to_markdown
        from core.reports.choice import export_set
        from core.reports.deck import deck
        from core.reports.pdf_report import pdf_report

        doc_lang = ss.get("export_lang") or lang()
        order = [baseline, proposal, *[k for k in keys if k not in (baseline, proposal)]][:4]
        order = list(dict.fromkeys(order))
        results = [(_label(k, doc_lang), compute.run(_scenario(k))) for k in order]
        rec = None
        if RECOMMENDED in order or ss.get("recommendation") is not None:
            rec = compute.recommendation(state.base(), ss.objective)
        chosen = export_set(
            results, 0, order.index(proposal) if proposal != baseline else None, rec,
            ss.get("valuation"),
        )  # fmt: skip
        found = compute.insight()
        names = {}
        if found is not None and found.personas is not None:
            names = dict(zip(found.personas.names_, found.persona_names(doc_lang), strict=True))
        policy = draft_policy(_scenario(proposal), doc_lang)
        return {
            "html": html_report([], doc_lang, persona_names=names, chosen=chosen),
            "pdf": pdf_report(chosen, doc_lang, names),
            "pptx": deck(chosen, doc_lang),
            "docx": to_docx(policy),
            "md": to_markdown(policy),
        }

    def _exports(keys: list[str]) -> None:
        """Pick what the documents compare, build them on request, offer them for download."""
        with st.container(border=True):
            st.markdown(f"**{t('scen.exports')}**")
            st.caption(t("scen.exports_help"))
            options = [TODAY, CURRENT, RECOMMENDED, *ss.saved]
            pick, prop_pick, lang_pick = st.columns(3)
            with pick:
                baseline = session_choice(
                    "selectbox", t("scen.export_baseline"), options, "export_baseline", TODAY,
                    format_func=_label,
                )  # fmt: skip
            with prop_pick:
                proposal = session_choice(
                    "selectbox", t("scen.export_proposal"), options, "export_proposal",
                    RECOMMENDED, format_func=_label,
                )  # fmt: skip
            with lang_pick:
                st.segmented_control(
                    t("scen.export_lang"), ["en", "nl"], default=lang(), key="export_lang",
                    format_func={"en": "English", "nl": "Nederlands"}.get,
                )  # fmt: skip
            if baseline == proposal:
                st.info(t("scen.export_same"), icon=":material/info:")
            else:
                st.caption(
                    tx("scen.export_subject", proposal=_label(proposal), baseline=_label(baseline))
                )
            if st.button(t("scen.prepare"), icon=":material/description:"):
                with st.spinner(t("scen.preparing")):
                    ss.exports = _documents(keys, baseline, proposal)
            exports = ss.get("exports")
            if exports:
                files = (
                    ("pptx", "scen.dl_pptx", "serre_deck.pptx",
                     "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
                    ("pdf", "scen.dl_pdf", "serre_report.pdf", "application/pdf"),
                    ("html", "scen.dl_html", "serre_report.html", "text/html"),
                    ("docx", "scen.dl_docx", "serre_policy.docx",
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                    ("md", "scen.dl_md", "serre_policy.md", "text/markdown"),
                )  # fmt: skip
                row = st.container(horizontal=True)  # wraps on a phone
                for kind, label, name, mime in files:
                    row.download_button(
                        t(label), exports[kind], file_name=name, mime=mime, key=f"dl.{kind}",
                        icon=":material/download:",
                    )  # fmt: skip

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
        _exports(chosen)
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
    frame = charts.frontier_points(
        {_label(key): result.summary() for key, result in results.items()}, risk_metric
    )
    fig, table = figure(charts.frontier, frame, risk_metric, t("scen.frontier"), lang())
    chart(fig, table, "frontier")
    _exports(chosen)
