"""The survey insight sections of the Climate page: personas, drivers, calibration."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from core import charts
from core.analytics.insight import Insight
from core.formatting import span
from core.scenario import CONSTRUCTS
from core.survey import SurveyResult
from core.text import one_line
from ui.i18n import fmt_number, fmt_share, lang, t
from ui.widgets import chart, session_choice, session_toggle

HIDDEN = "–"


def breakdown_table(survey: SurveyResult, group: str) -> pd.DataFrame:
    """The breakdown as shown: hidden groups and cells carry no number at all."""
    rows = []
    for row in survey.breakdown(group):
        entry = {t("climate.col.group"): one_line(row.group)}
        if row.hidden:
            entry[t("climate.col.n")] = t("climate.hidden", n=survey.threshold)
        else:
            entry[t("climate.col.n")] = str(row.n)
        for c in survey.measured():
            value = None if row.means is None else row.means.get(c)
            entry[t(f"construct.{c}")] = HIDDEN if value is None else fmt_number(value, 2)
        rows.append(entry)
    return pd.DataFrame(rows)


def personas(found: Insight) -> None:
    st.subheader(t("insight.personas"))
    model = found.personas
    if found.excluded:
        st.caption(t("insight.excluded", n=found.excluded))
    if model is None:
        key = "insight.no_distinct_groups" if found.no_distinct_groups else "insight.no_personas"
        st.info(t(key), icon=":material/info:")
        return
    st.caption(t("insight.personas_help", k=model.n_personas_))
    names = found.persona_names(lang())
    rows = []
    for p, name in enumerate(names):
        row = {t("insight.col.persona"): name, t("insight.col.size"): int(model.sizes_[p])}
        row |= {
            t(f"construct.{c}"): fmt_number(model.profiles_[p, i], 2)
            if found.persona_cell_shown(p, c)
            else HIDDEN
            for i, c in enumerate(CONSTRUCTS)
            if i in model.columns_
        }
        rows.append(row)
    table = pd.DataFrame(rows)
    st.dataframe(table, hide_index=True, width="stretch")
    constructs = [t(f"construct.{CONSTRUCTS[i]}") for i in model.columns_]
    z = [
        [
            float(model.profile_z_[p, j]) if found.persona_cell_shown(p, CONSTRUCTS[i]) else None
            for j, i in enumerate(model.columns_)
        ]
        for p in range(len(names))
    ]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=constructs,
            y=list(names),
            colorscale="RdBu",
            zmid=0,
            text=[
                [HIDDEN if v is None else fmt_number(v, 1, signed=True) for v in row] for row in z
            ],
            texttemplate="%{text}",
            colorbar={"title": "z"},
        )
    )
    chart(
        charts.layout(fig, t("insight.profile_chart"), 140 + 60 * len(names), lang()),
        table,
        "personas",
    )


def drivers(found: Insight) -> None:
    st.subheader(t("insight.drivers"))
    st.caption(t("insight.drivers_help"))
    for outcome, (n, minority) in found.insufficient.items():
        st.info(
            t("insight.not_enough", behaviour=t(f"behaviour.{outcome}"), n=n, minority=minority),
            icon=":material/info:",
        )
    if not found.drivers:
        if not found.insufficient:
            st.info(t("insight.no_behaviour"), icon=":material/info:")
        return
    outcome = session_choice(
        "selectbox",
        t("insight.outcome"),
        list(found.drivers),
        "driver_outcome",
        next(iter(found.drivers)),
        format_func=lambda o: t(f"behaviour.{o}"),
    )
    model = found.drivers[outcome]
    st.markdown(
        t(
            "insight.auc",
            auc=fmt_number(model.auc_, 2),
            sd=fmt_number(model.auc_sd_, 2),
            n=fmt_number(model.n_),
        )
    )
    clear = model.clear_drivers()
    if clear:
        names = ", ".join(t(f"construct.{c}") for c in clear)
        st.success(t("insight.clear_drivers", constructs=names), icon=":material/check_circle:")
    else:
        st.info(
            t("insight.no_clear_driver", behaviour=t(f"behaviour.{outcome}")),
            icon=":material/info:",
        )
    rows = [
        {
            t("insight.col.construct"): t(f"construct.{name}"),
            t("insight.col.importance"): fmt_number(imp, 3),
            t("insight.col.ci"): span(fmt_number(low, 3), fmt_number(high, 3)),
            t("insight.col.direction"): t("insight.up") if sign > 0 else t("insight.down"),
        }
        for name, imp, low, high, sign in model.ranking()
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    cells = found.priorities.get(outcome, [])
    if cells:
        frame = pd.DataFrame(
            [
                {
                    "construct": t(f"construct.{c.construct}"),
                    "score": c.score,
                    "impact": c.impact,
                    "priority": c.priority,
                }
                for c in cells
            ]
        )
        table = pd.DataFrame(
            {  # the download, in the reader's words
                t("insight.col.construct"): frame["construct"],
                t("insight.axis_score"): frame["score"].round(2),
                t("insight.axis_impact"): frame["impact"].round(3),
                t("col.priority"): [t("col.yes") if p else t("col.no") for p in frame["priority"]],
            }
        )
        fig = go.Figure(
            go.Scatter(
                x=frame["score"],
                y=frame["impact"],
                mode="markers+text",
                text=frame["construct"],
                textposition="top center",
                marker={
                    "size": 16,
                    "color": [
                        charts.OKABE_ITO[3] if p else charts.OKABE_ITO[0] for p in frame["priority"]
                    ],
                },
            )
        )
        fig.update_xaxes(title_text=t("insight.axis_score"))
        fig.update_yaxes(title_text=t("insight.axis_impact"))
        chart(
            charts.layout(
                fig, t("insight.priority_chart", behaviour=t(f"behaviour.{outcome}")), 420, lang()
            ),
            table,
            "priority",
        )
        st.caption(t("insight.priority_help"))


def calibration(found: Insight) -> None:
    st.subheader(t("insight.calibration"))
    cal = found.calibration
    if cal is None or not cal.calibrated_:
        st.info(t("insight.priors_used"), icon=":material/info:")
        return
    rows = [
        {
            t("insight.col.target"): t(f"insight.target.{r.target}"),
            t(
                "insight.col.observed"
            ): f"{fmt_share(r.observed, 1)} ± {fmt_share(2 * r.standard_error, 1)}",
            t("insight.col.prior"): fmt_share(r.simulated_prior, 1),
            t("insight.col.calibrated"): fmt_share(r.simulated, 1),
            t("insight.col.within"): "✓" if r.within else "✗",
        }
        for r in cal.fit_
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    if cal.skipped_:
        st.caption(
            t("insight.skipped", targets=", ".join(t(f"insight.target.{s}") for s in cal.skipped_))
        )
    message = "insight.calibrated_ok" if cal.all_within_ else "insight.calibrated_partly"
    if cal.all_within_:
        st.success(t(message), icon=":material/check_circle:")
    else:
        st.warning(t(message), icon=":material/warning:")
    session_toggle(
        t("insight.use_calibration"), "use_calibration", True, t("insight.use_calibration_help")
    )
