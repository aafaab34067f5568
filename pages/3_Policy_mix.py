"""Policy mix: today's policy against the recommended mix, lever by lever, with reasons."""

from __future__ import annotations

import dataclasses

import streamlit as st

from core.conflicts import find_conflicts
from core.costs import cost_book
from core.levers import LEVER_VALUES, value_words
from core.parameters import Reference
from core.recommend import Objective
from core.valuation import Valuation, bounds
from ui import compute, state
from ui.boundary import page
from ui.decision_view import decision_summary
from ui.i18n import fmt_number, fmt_share, lang, t
from ui.number_field import number_field
from ui.widgets import big_numbers, lever_input, session_choice

with page("nav.policy"):
    st.title(t("nav.policy"))
    st.markdown(t("policy.intro"))
    ss = st.session_state

    with st.expander(t("policy.objective"), icon=":material/euro:"):
        st.caption(t("policy.objective_help"))
        obj: Objective = ss.objective
        valuation: Valuation = ss.valuation
        cols = st.columns(3)
        for i, (name, decimals) in enumerate(
            (
                ("cost_sensitive_leak", 0),
                ("cost_negative_post", 0),
                ("cost_chat_incident", 0),
                ("cost_always_on", 0),
                ("value_recruitment_click", 2),
            )
        ):
            with cols[i % 3]:
                low, high = bounds(name)
                number_field(
                    t(f"objective.{name}"),
                    f"objective.{name}",
                    getattr(valuation, name),
                    low,
                    high,
                    lambda v, name=name: state.update_valuation(name, v),
                    decimals=decimals,
                    help_text=t(f"objective.{name}.help"),
                )
        sector_rate = cost_book().hourly(scenario_sector := state.base().organisation.sector)

        def _costs(**change: float | None) -> None:
            ss.objective = dataclasses.replace(
                ss.objective, costs=ss.objective.costs.model_copy(update=change)
            )

        with cols[2]:
            number_field(
                t("objective.hourly_cost"),
                "objective.hourly_cost",
                obj.costs.hourly_cost or sector_rate,
                1.0,
                1000.0,
                lambda v: _costs(hourly_cost=None if v == sector_rate else v),
                decimals=0,
                help_text=t("objective.hourly_cost.help", sector=t(f"sector.{scenario_sector}")),
            )
        with cols[0]:
            number_field(
                t("objective.cost_scale"),
                "objective.cost_scale",
                obj.costs.scale,
                0.0,
                20.0,
                lambda v: _costs(scale=v),
                decimals=2,
                help_text=t("objective.cost_scale.help"),
            )
        cap_today = st.checkbox(
            t("policy.cap_today"), value=obj.leak_cap is None, key="objective.cap_today"
        )
        cap = None
        if not cap_today:
            cap = (
                st.slider(
                    t("policy.cap"),
                    1,
                    100,
                    round((obj.leak_cap or 0.2) * 100),
                    1,
                    key="objective.cap_pct",
                    format="%d%%",
                    help=t("policy.cap_help"),
                )
                / 100
            )
        obj = ss.objective  # the boxes' callbacks have already written their values
        new_objective = dataclasses.replace(obj, valuation=ss.valuation, leak_cap=cap)
        if new_objective != obj:
            ss.objective = new_objective

    scenario = state.base()
    with st.spinner(t("policy.searching")):
        rec = compute.recommendation(scenario, ss.objective)
    ss.recommendation = rec

    mix = ss.mix
    conflicts = find_conflicts(
        mix, scenario.organisation, scenario.climate, ss.objective.thresholds
    )
    left, mid, right = st.columns([2, 2, 3])
    with left:
        if st.button(
            t("policy.apply"),
            type="primary",
            icon=":material/auto_awesome:",
            disabled=mix == rec.policy,
        ):
            state.set_mix(rec.policy)
            st.rerun()
    with mid:
        if st.button(t("policy.reset"), icon=":material/undo:", disabled=mix == ss.today):
            state.set_mix(ss.today)
            st.rerun()
    with right:
        if not rec.cap_met:
            st.warning(
                t(
                    "policy.cap_not_met_v2",
                    cap=fmt_share(rec.leak_cap, 1),
                    best=fmt_share(rec.best_leak, 1),
                ),
                icon=":material/warning:",
            )

    decision_summary(rec)

    if conflicts:
        for c in conflicts:
            box = {"conflict": st.error, "warning": st.warning, "info": st.info}[c.severity]
            box(c.message(lang()), icon=":material/report:")
    else:
        st.success(t("policy.no_conflicts"), icon=":material/check_circle:")

    with st.expander(t("policy.guard_rails"), icon=":material/shield:"):
        st.caption(t("policy.guard_rails_help"))
        if rec.overrides:
            for o in rec.overrides:
                st.warning(
                    t(
                        "policy.guard_rail_override",
                        rule=t(f"rule.{o.rule}"),
                        lever=t(f"lever.{o.lever}"),
                        chosen=value_words(o.lever, o.chosen_value, lang()),
                        preferred=value_words(o.lever, o.model_value, lang()),
                    ),
                    icon=":material/shield:",
                )
        else:
            st.success(t("policy.guard_rails_agree"), icon=":material/verified:")

    st.subheader(t("policy.effect"))
    big_numbers(compute.run(state.current()), compute.run(state.today()))
    st.caption(t("policy.effect_note"))

    st.subheader(t("policy.levers"))
    head = st.columns([3, 2, 2, 3])
    for column, key in zip(
        head,
        ("policy.col.lever", "policy.col.today", "policy.col.recommended", "policy.col.mix"),
        strict=True,
    ):
        column.markdown(f"**{t(key)}**")
    reasons = {r.lever: r for r in rec.reasons}
    found = compute.insight()
    notes = found.driver_notes(lang()) if found is not None else {}
    effects = compute.persona_effects(state.current()) if found is not None else {}
    persona_names = (
        dict(zip(found.personas.names_, found.persona_names(lang()), strict=True))
        if found is not None and found.personas is not None
        else {}
    )

    for lever, values in LEVER_VALUES.items():
        c1, c2, c3, c4 = st.columns([3, 2, 2, 3], vertical_alignment="center")
        c1.markdown(f"**{t(f'lever.{lever}')}**", help=t(f"lever.{lever}.help"))
        c2.write(value_words(lever, getattr(ss.today, lever), lang()))
        recommended = getattr(rec.policy, lever)
        c3.write(
            (
                ":material/check: "
                if recommended == getattr(mix, lever)
                else ":material/arrow_forward: "
            )
            + value_words(lever, recommended, lang())
        )
        key = f"mix.{lever}"
        ss[key] = getattr(mix, lever)
        with c4:
            label = value_words(lever, True, lang()) if values == (False, True) else ""
            lever_input(lever, values, key, label=label)

    # One explanation at a time: fifteen open-able panels made the page heavy to draw.
    st.subheader(t("policy.why"))
    changed = [lv for lv in LEVER_VALUES if getattr(rec.policy, lv) != getattr(ss.today, lv)]
    lever = session_choice(
        "selectbox",
        t("policy.why_lever"),
        list(LEVER_VALUES),
        "policy.why_choice",
        (changed or list(LEVER_VALUES))[0],
        format_func=lambda lv: t(f"lever.{lv}"),
    )
    reason = reasons[lever]
    with st.container(border=True):
        st.markdown(reason.text(lang()))
        if lever in notes:
            st.info(notes[lever], icon=":material/insights:")
        if effects.get(lever):
            best, worst = effects[lever][0], effects[lever][-1]
            st.caption(
                t(
                    "policy.persona_effect",
                    helps=persona_names.get(best.persona, best.persona),
                    help_pts=fmt_number(best.net * 100, 1, signed=True),
                    harms=persona_names.get(worst.persona, worst.persona),
                    harm_pts=fmt_number(worst.net * 100, 1, signed=True),
                )
            )
        for source in reason.sources:
            link = f" [{t('policy.link')}]({source['link']})" if source.get("link") else ""
            title = Reference.model_validate(source).title_in(lang())
            cite = f"{source['authors']} ({source['year']}). *{title}*."
            grade = t(f"grade.{source['grade']}")
            st.caption(f"{cite} {t('policy.grade')} {grade}.{link}")
