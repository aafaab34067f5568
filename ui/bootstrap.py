"""One call at the top of every page: state, language, share link, sidebar.

Every page calls :func:`bootstrap` first, so a deep link to any page works
on its own. Navigation is drawn here with translated labels (the default
page list is hidden in ``.streamlit/config.toml``).
"""

from __future__ import annotations

import streamlit as st

from core.errors import ScenarioError
from core.i18n import LANGUAGES, normalise_language
from core.share import unpack_shared
from ui import state, workspace
from ui.boundary import guarded
from ui.i18n import LANG_KEY, fmt_number, lang, t, tx
from ui.widgets import session_choice, show_errors

PAGES = (
    ("dashboard.py", "nav.home", ":material/home:"),
    ("pages/1_Organisation.py", "nav.organisation", ":material/apartment:"),
    ("pages/2_Climate_and_survey.py", "nav.climate", ":material/thermostat:"),
    ("pages/3_Policy_mix.py", "nav.policy", ":material/tune:"),
    ("pages/4_Simulation.py", "nav.simulation", ":material/monitoring:"),
    ("pages/5_Scenarios.py", "nav.scenarios", ":material/compare:"),
    ("pages/6_Method_and_sources.py", "nav.method", ":material/menu_book:"),
    ("pages/7_Presenter.py", "nav.presenter", ":material/co_present:"),
)
SHARE_PARAM = "s"
CSS = """
<style>
html, body, [class*="css"] { font-size: 17px; }
[data-testid="stMetricValue"] { font-size: 2.3rem; }
[data-testid="stMetricLabel"] p { font-size: 1.05rem; }
[data-testid="stMetricLabel"] div, [data-testid="stMetricLabel"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; }
</style>
"""


def _language() -> None:
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = normalise_language(st.context.locale)


@guarded
def _switch_language() -> None:
    chosen = st.session_state["language_choice"]
    if chosen in LANGUAGES:  # clicking the chosen language again leaves no choice: keep it
        st.session_state[LANG_KEY] = chosen


def _share_link() -> None:
    """Apply ``?s=`` once: today's policy and the mix become this workspace's, then the
    parameter leaves the address bar (a refresh shows the workspace, not the link again)."""
    token = st.query_params.get(SHARE_PARAM)
    if not token or st.session_state.get("applied_share") == token:
        return
    st.session_state.applied_share = token
    del st.query_params[SHARE_PARAM]
    try:
        shared = unpack_shared(token)
    except ScenarioError as exc:
        state.report(t("ui.share_broken") + " " + exc.message(lang()))
        return
    state.set_scenario(shared.scenario, mix=shared.mix, source="link")
    workspace.mark_changed()
    today, mix = shared.scenario.policy.model_dump(), shared.mix.model_dump()
    changed = sum(today[lever] != mix[lever] for lever in today)
    name = shared.scenario.title(lang())
    st.session_state.flash = (
        tx("ui.share_loaded_mix", name=name, n=changed)
        if changed
        else tx("ui.share_loaded", name=name)
    )


@guarded
def _load_archetype() -> None:
    from core.scenario import load_scenario

    name = st.session_state.get("archetype_choice")
    if name not in state.archetypes():
        return
    state.set_scenario(load_scenario(state.SAMPLES / f"{name}.json"), source=name)


def _sidebar() -> None:
    with st.sidebar:
        st.markdown("### :material/eco: Serre")
        st.caption(t("ui.tagline"))
        for path, key, icon in PAGES:
            st.page_link(path, label=t(key), icon=icon)
        st.divider()
        names = {"nl": "Nederlands", "en": "English"}
        st.segmented_control(
            t("ui.language"),
            options=list(LANGUAGES),
            format_func=lambda code: names.get(code, code),
            default=lang(),
            key="language_choice",
            on_change=_switch_language,
        )
        archetypes = state.archetypes()
        source = st.session_state.get("source")
        st.session_state["archetype_choice"] = source if source in archetypes else None
        session_choice(
            "selectbox",
            t("ui.example"),
            archetypes,
            "archetype_choice",
            format_func=lambda n: t(f"archetype.{n}"),
            on_change=_load_archetype,
            placeholder=t("ui.example_placeholder"),
        )
        scenario = state.base()
        st.caption(
            tx(
                "ui.current",
                name=scenario.title(lang()),
                n=fmt_number(scenario.organisation.employees),
            )
        )
        if st.session_state.get("use_survey") and st.session_state.get("survey") is not None:
            st.caption(t("ui.survey_in_use", n=fmt_number(st.session_state.survey.respondents)))


@st.cache_resource(show_spinner=False)
def warm_reader() -> bool:
    """Once per server, from the upload page: start the survey reader in the background.

    Not at every page load: preloading competes for the CPU with a cold first page.
    """
    import threading

    from core.survey.isolate import warm_up

    threading.Thread(target=warm_up, name="serre-warm-reader", daemon=True).start()
    return True


def bootstrap(title_key: str) -> None:
    """Prepare the page: config, session, workspace, language, share link, sidebar."""
    state.init()
    workspace.restore()  # ?ws=: the stored organisation, mix, settings and saved scenarios
    _language()
    st.set_page_config(page_title=f"Serre · {t(title_key)}", page_icon="🌱", layout="wide")
    _share_link()
    persist()  # changes made by the callbacks of the last interaction
    workspace.keep_in_url()
    st.markdown(CSS, unsafe_allow_html=True)
    _sidebar()
    flash = st.session_state.pop("flash", None)
    if flash:
        st.success(flash, icon=":material/link:")
    workspace.banner()
    show_errors()


def persist() -> None:
    """Autosave the workspace when it changed (a cheap comparison otherwise); never raises."""
    try:
        workspace.autosave()
    except Exception as exc:  # a page must never fail because saving did
        from core.boundary import log_unexpected

        state.report(t("ui.unexpected", ref=log_unexpected(exc, "workspace autosave")))
