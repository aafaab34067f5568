"""Simulation: funnel, reach and risk bands, platforms, sensitivity and value in EUR."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core import charts, formatting
from core.metrics import RISK_PROBABILITIES
from core.metrics import metric as metric_spec
from core.parameters import default_parameters
from core.scenario import PLATFORMS
from core.valuation import Valuation, bounds, value_change, value_summary
from ui import compute, state
from ui.boundary import page
from ui.figures import figure
from ui.i18n import fmt_eur, fmt_number, fmt_share, lang, t, tx
from ui.number_field import number_field
from ui.widgets import big_numbers, chart, session_choice

with page("nav.simulation"):
    st.title(t("nav.simulation"))
    ss = st.session_state

    scenario = state.current()
    top_left, top_right = st.columns([3, 1])
    with top_left:
        st.markdown(tx("sim.intro", name=scenario.title(lang())))
    with top_right:
        ss["runs_choice"] = ss.runs

        def _runs() -> None:
            ss.runs = ss["runs_choice"]

        st.selectbox(
            t("sim.runs"),
            [200, 500, 1000, 2000],
            key="runs_choice",
            on_change=_runs,
            help=t("sim.runs_help"),
        )
        ss["org.seed"] = state.seed()
        st.number_input(
            t("sim.seed"),
            min_value=0,
            max_value=2**31 - 1,
            step=1,
            key="org.seed",
            help=t("sim.seed_help"),
            on_change=state.update_scenario,
            args=("seed", "org.seed"),
        )

    large = scenario.organisation.employees > compute.INTERACTIVE_EMPLOYEES
    if large:
        st.caption(t("sim.sampled", n=fmt_number(compute.INTERACTIVE_EMPLOYEES)))
    with st.spinner(t("sim.running")):
        result = compute.run(scenario)
    summary = result.summary()
    big_numbers(result, compute.run(state.today()) if ss.mix != ss.today else None)

    left, right = st.columns(2)
    with left:
        level_labels = {k: t(f"level.{k}") for k in ("passive", "engaged", "creator")}
        fig, data = figure(
            charts.funnel, result.level_summary(), level_labels, t("sim.funnel"), lang()
        )
        chart(fig, data, "funnel")
    with right:
        fig, data = figure(
            charts.bands,
            summary,
            ["monthly_impressions", "monthly_unique_reach", "monthly_recruitment_reach"],
            t("sim.reach"),
            lang(),
        )
        chart(fig, data, "reach")

    left, right = st.columns(2)
    with left:  # rare events: the chance of at least one, never an empty median bar
        fig, data = figure(
            charts.bands, summary, list(RISK_PROBABILITIES), t("sim.risk_chances"), lang()
        )
        chart(fig, data, "risk_chances")
    with right:
        fig, data = figure(
            charts.bands,
            summary,
            ["critics_share", "reactance_share", "always_on_share", "negative_posts_per_year"],
            t("sim.risk_staff"),
            lang(),
        )
        chart(fig, data, "risk_staff")

    st.caption(t("sim.bands_note"))

    groups = result.group_summary()
    if groups:
        st.subheader(t("sim.personas"))
        found = compute.insight()
        codes = (
            list(found.personas.names_) if found is not None and found.personas is not None else []
        )
        names = dict(zip(codes, found.persona_names(lang()), strict=True)) if codes else {}
        rows = [
            {
                t("insight.col.persona"): names.get(code, code),
                t("level.creator"): fmt_share(g["creators"]["mean"], 1),
                t("metric.critics_share.title"): fmt_share(g["critics"]["mean"], 1),
                t("metric.reactance_share.title"): fmt_share(g["reactant"]["mean"], 1),
                t("metric.always_on_share.title"): fmt_share(g["always_on"]["mean"], 1),
            }
            for code, g in groups.items()
        ]
        table = pd.DataFrame(rows)
        st.dataframe(table, hide_index=True, width="stretch")
        st.caption(t("sim.personas_note"))
    fig, data = figure(
        charts.platforms,
        result.platform_summary(),
        {p: t(f"platform.{p}") for p in PLATFORMS},
        t("sim.platforms"),
        lang(),
    )
    chart(fig, data, "platforms")

    st.subheader(t("sim.sensitivity"))
    st.caption(t("sim.sensitivity_help"))
    metric_options = [
        "monthly_unique_reach",
        "negative_posts_per_year",
        "p_sensitive_leak_year",
        "always_on_share",
    ]
    metric = session_choice(
        "selectbox",
        t("sim.sensitivity_metric"),
        metric_options,
        "sensitivity_metric",
        metric_options[0],
        format_func=lambda m: t(f"metric.{m}.title"),
    )
    if compute.has_sensitivity(scenario, metric) or st.button(
        t("sim.sensitivity_run"), icon=":material/tornado:"
    ):
        bar = st.progress(0.0, text=t("sim.sensitivity_progress"))
        bars = compute.sensitivity(
            scenario,
            metric,
            lambda share: bar.progress(min(1.0, share), text=t("sim.sensitivity_progress")),
        )
        bar.empty()
        if bars:
            rows = []
            for b in bars:
                name = (
                    t(f"lever.{b.name}")
                    if b.kind == "lever"
                    else default_parameters()[b.name].label[lang()]
                )
                if b.kind == "lever":
                    low_label, high_label = (
                        t(f"value.{b.name}.{b.low_label.lower()}"),
                        t(f"value.{b.name}.{b.high_label.lower()}"),
                    )
                else:
                    low_label, high_label = (
                        formatting.decimal(float(b.low_label), lang()),
                        formatting.decimal(float(b.high_label), lang()),
                    )
                rows.append(
                    {
                        "factor": name,
                        "kind": t(f"sim.kind.{b.kind}"),
                        "low": b.low,
                        "high": b.high,
                        "low_label": low_label,
                        "high_label": high_label,
                    }
                )
            spec = metric_spec(metric)
            scale = 100 if spec.is_share else 1
            for row in rows:
                row["low"] *= scale
                row["high"] *= scale
            fig, data = figure(
                charts.tornado,
                rows,
                bars[0].base * scale,
                t("sim.tornado", metric=t(f"metric.{metric}.title")),
                spec,
                (t("sim.setting_a"), t("sim.setting_b")),
                lang(),
            )
            chart(fig, data, "tornado")

    st.subheader(t("sim.value"))
    valuation: Valuation = ss.valuation

    def euros(label: str, path: str, value: float, decimals: int = 2) -> None:
        """A unit cost in euros, typed in the user's digits, within the valuation's limits."""
        low, high = bounds(path)
        number_field(
            label,
            f"valuation.{path}",
            value,
            low,
            high,
            lambda v: state.update_valuation(path, v),
            decimals=decimals,
        )

    with st.expander(t("sim.value_settings"), icon=":material/euro:"):
        method = session_choice(
            "radio",
            t("sim.method"),
            ["cpm", "cpc", "hybrid"],
            "valuation_method",
            valuation.method,
            format_func=lambda m: t(f"sim.method.{m}"),
            horizontal=True,
        )
        for column, platform in zip(st.columns(len(PLATFORMS)), PLATFORMS, strict=True):
            with column:
                euros(
                    t("sim.cpm", platform=t(f"platform.{platform}")),
                    f"cpm.{platform}",
                    getattr(valuation.cpm, platform),
                )
        c1, c2, c3, c4, c5 = st.columns(5)
        with c1:
            euros(t("sim.cpc"), "cpc", valuation.cpc)
        with c2:  # a share, typed in percent
            low, high = bounds("company_click_rate")
            number_field(
                t("sim.ctr"),
                "valuation.company_click_rate",
                valuation.company_click_rate * 100,
                low * 100,
                high * 100,
                lambda v: state.update_valuation("company_click_rate", v / 100),
                decimals=3,
            )
        costs = (
            ("sim.cost_negative", "cost_negative_post"),
            ("sim.cost_leak", "cost_sensitive_leak"),
            ("sim.cost_chat", "cost_chat_incident"),
        )
        for column, (label, path) in zip((c3, c4, c5), costs, strict=True):
            with column:  # whole euros
                euros(t(label), path, getattr(valuation, path), decimals=0)
        valuation = ss.valuation  # the boxes' callbacks have already written their values
        updated = valuation.model_copy(update={"method": method})
        if updated != valuation:
            ss.valuation = valuation = updated
    values = value_summary(result, valuation)
    changed = ss.mix != ss.today
    changes = value_change(result, compute.run(state.today()), valuation) if changed else None
    for column, name, better in zip(
        st.columns(3), ("earned_media_value", "incident_cost", "net_value"), (1, -1, 1), strict=True
    ):
        s = values[name]
        delta, colour = None, "off"
        if changes is not None:
            c = changes[name]
            delta = t("sim.vs_today", change=fmt_eur(c["mean"], signed=True))
            sure = not c["p10"] < 0 < c["p90"] and round(c["mean"]) != 0
            colour = ("normal" if better > 0 else "inverse") if sure else "off"
        column.metric(
            t(f"sim.{name}"),
            fmt_eur(s["mean"]),
            delta=delta,
            delta_color=colour,
            delta_arrow="auto" if colour != "off" else "off",
            border=True,
        )
        column.caption(t("ui.range", low=fmt_eur(s["p10"]), high=fmt_eur(s["p90"])))
    if changes is None:
        st.caption(t("sim.value_same_as_today"))
    st.info(
        t(f"sim.method_note.{valuation.method}", ctr=fmt_share(valuation.company_click_rate, 1)),
        icon=":material/calculate:",
    )
