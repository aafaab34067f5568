"""The recommendation as a decision: confidence, first moves, regret (Policy page)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.levers import choice_words, setting_words
from core.recommend import Recommendation
from ui.i18n import fmt_eur, fmt_share, lang, t


def _signed_eur(value: float) -> str:
    """A gain or loss in euros, signed as in the reports (core.formatting.money)."""
    return fmt_eur(value, signed=True)


def decision_summary(rec: Recommendation) -> None:
    """Chance to beat today, value a year with its band, the first moves, the regret."""
    v = rec.versus_today
    c1, c2, c3 = st.columns(3)
    c1.metric(
        t("decision.p_better"),
        fmt_share(v.p_better),
        help=t("decision.p_better.help"),
    )
    c2.metric(
        t("decision.value"),
        _signed_eur(v.mean),
        help=t("decision.value.help", low=_signed_eur(v.p10), high=_signed_eur(v.p90)),
    )
    c3.metric(
        t("decision.moves"),
        str(len(rec.roadmap)),
        help=t("decision.moves.help", tie=fmt_eur(rec.tie_threshold)),
    )
    st.caption(t("decision.band", low=_signed_eur(v.p10), high=_signed_eur(v.p90)))

    st.subheader(t("decision.first_moves"))
    if not rec.roadmap:
        st.info(t("decision.no_moves"), icon=":material/check_circle:")
    for i, move in enumerate(rec.first_moves, start=1):
        with st.container(border=True):
            title = t(f"lever.{move.lever}") + ": " + choice_words(move.lever, move.value, lang())
            st.markdown(f"**{i}. {title}**")
            note = t(
                "decision.move_line",
                gain=_signed_eur(move.gain.mean),
                low=_signed_eur(move.gain.p10),
                high=_signed_eur(move.gain.p90),
                effort=fmt_eur(move.effort),
            )
            if move.with_levers:
                names = ", ".join(
                    setting_words(lv, getattr(rec.policy, lv), lang()) for lv in move.with_levers
                )
                note += " " + t("decision.with_levers", levers=names)
            if move.soil_first:
                note += " " + t("decision.soil_first")
            if not move.material:
                note += " " + t("decision.move_tie")
            st.caption(note)
    later = rec.roadmap[len(rec.first_moves) :]
    if later:
        st.caption(
            t("decision.later")
            + " "
            + "; ".join(setting_words(m.lever, m.value, lang()) for m in later)
        )
    if rec.optional:
        st.caption(
            t("decision.optional", levers=", ".join(t(f"lever.{lv}") for lv in rec.optional))
        )
    with st.expander(t("decision.regret"), icon=":material/compare_arrows:"):
        st.caption(t("decision.regret.help"))
        rows = [
            {
                t("decision.col.alternative"): t(f"decision.alt.{name}"),
                t("decision.col.regret"): fmt_eur(value),
            }
            for name, value in sorted(rec.regret.items(), key=lambda kv: kv[1])
        ]
        st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
