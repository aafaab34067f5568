"""Method and sources: the model in plain words and every parameter with its evidence."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.costs import cost_book
from core.evidence import evidence_profile
from core.formatting import decimal
from core.parameters import default_parameters
from core.scenario import dump_scenario, parse_scenario
from core.simulate import HEADLINE_METRICS
from ui.boundary import page
from ui.i18n import fmt_eur, fmt_share, lang, t
from ui.state import demo_scenario
from ui.widgets import session_choice


@st.cache_data(max_entries=8, show_spinner=False)
def _profiles(scenario_json: str) -> list:
    """Evidence grade behind each headline number (one Monte Carlo per number)."""
    scenario = parse_scenario(scenario_json)
    return [evidence_profile(scenario, m) for m in HEADLINE_METRICS]


with page("nav.method"):
    st.title(t("nav.method"))
    st.markdown(t("method.model"))

    st.subheader(t("method.mechanisms"))
    for i in range(1, 13):
        st.markdown(f"{i}. {t(f'method.mechanism.{i}')}")

    st.subheader(t("method.parameters"))
    st.caption(t("method.parameters_help"))
    params = default_parameters()
    rows = []
    for name, p in params.items():
        refs = "; ".join(f"{r.authors} ({r.year}) [{r.grade}]" for r in p.references)
        links = " ".join(r.link for r in p.references if r.link)
        rows.append(
            {
                t("method.col.family"): p.family_label[lang()],
                t("method.col.parameter"): p.label[lang()],
                t("method.col.value"): decimal(p.value, lang()),
                t("method.col.low"): decimal(p.low, lang()),
                t("method.col.high"): decimal(p.high, lang()),
                t("method.col.unit"): t(f"param_unit.{p.unit}"),
                t("method.col.grade"): p.grade,
                t("method.col.supports"): t(f"method.supports.{p.supports}")
                if p.uncertain
                else t("method.fixed"),
                t("method.col.description"): p.description[lang()],
                t("method.col.sources"): refs,
                t("method.col.links"): links,
                "key": name,
            }
        )
    frame = pd.DataFrame(rows)
    families = {p.family: p.family_label[lang()] for p in params.values()}
    family = session_choice(
        "selectbox",
        t("method.filter"),
        ["", *families],
        "method_family",
        "",
        format_func=lambda f: families.get(f) or t("method.all"),
    )
    shown = frame if not family else frame[frame[t("method.col.family")] == families[family]]
    st.dataframe(shown, hide_index=True, width="stretch", height=520)
    st.caption(t("method.count", n=len(frame), uncertain=sum(p.uncertain for p in params.values())))

    st.subheader(t("method.grades"))
    st.markdown(t("method.grades_text"))
    profiles = _profiles(dump_scenario(demo_scenario()))
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("method.col.metric"): t(f"metric.{e.metric}.title"),
                    t("method.col.grade"): e.grade,
                    t("method.col.share_a"): fmt_share(e.by_grade["A"]),
                    t("method.col.share_b"): fmt_share(e.by_grade["B"]),
                    t("method.col.share_c"): fmt_share(e.by_grade["C"]),
                    t("method.col.drivers"): ", ".join(
                        params[n].label[lang()] for n, _ in e.top[:3]
                    ),
                }
                for e in profiles
            ]
        ),
        hide_index=True,
        width="stretch",
    )

    st.subheader(t("method.value"))
    st.markdown(t("method.value_text"))
    book = cost_book()
    cost_rows = []
    for lever, by_value in book.levers.items():
        for value, item in by_value.items():
            cost_rows.append(
                {
                    t("method.col.lever"): t(f"lever.{lever}"),
                    t("method.col.choice"): t(f"value.{lever}.{str(value).lower()}"),
                    t("method.col.setup"): fmt_eur(item.setup),
                    t("method.col.yearly"): fmt_eur(item.yearly),
                    t("method.col.per_participant"): fmt_eur(item.per_participant),
                    t("method.col.hours"): decimal(
                        item.hours_per_employee or item.hours_per_participant, lang()
                    ),
                    t("method.col.note"): item.note.model_dump()[lang()],
                }
            )
    st.dataframe(pd.DataFrame(cost_rows), hide_index=True, width="stretch")
    st.caption(book.hourly_cost.source.model_dump()[lang()])

    st.subheader(t("method.calibration"))
    st.markdown(t("method.calibration_text"))
    st.subheader(t("method.limitations"))
    st.markdown(t("method.limitations_text"))
    st.subheader(t("method.privacy"))
    st.markdown(t("method.privacy_text"))
    st.subheader(t("method.confidentiality"))
    st.markdown(t("method.confidentiality_text"))
