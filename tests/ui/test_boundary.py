"""Error boundaries on every page and callback; plausibility notes where inputs are made."""

from __future__ import annotations

import ast
import logging

from streamlit.testing.v1 import AppTest

from core.scenario import with_overrides
from tests.conftest import ROOT
from ui import state as ui_state

PAGE_FILES = [ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("*.py"))]


def app(page: str | None = None, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.session_state["lang"] = lang
    if page:
        at.switch_page(page)
    return at


def test_every_page_body_runs_inside_the_boundary():
    for path in PAGE_FILES:
        tree = ast.parse(path.read_text())
        bodies = [n for n in tree.body if not isinstance(n, ast.Import | ast.ImportFrom)]
        bodies = [n for n in bodies if not isinstance(n, ast.FunctionDef | ast.Expr)]
        assert len(bodies) == 1 and isinstance(bodies[0], ast.With), path.name
        call = bodies[0].items[0].context_expr
        assert isinstance(call, ast.Call) and getattr(call.func, "id", "") == "page", path.name


def test_an_unexpected_error_shows_a_reference_not_a_traceback(monkeypatch, caplog):
    from ui import compute

    def broken(*_args, **_kwargs):
        raise RuntimeError("engine exploded")

    monkeypatch.setattr(compute, "run", broken)
    caplog.set_level(logging.ERROR, logger="serre")
    at = app(lang="nl").run()
    assert not at.exception
    shown = " ".join(e.value for e in at.error)
    assert "referentie E-" in shown and "exploded" not in shown and "Traceback" not in shown
    reference = shown.split("referentie ")[1][:8]
    logged = [r for r in caplog.records if reference in r.getMessage()]
    assert logged and logged[0].exc_info and "engine exploded" in str(logged[0].exc_info[1])
    assert at.sidebar.selectbox, "the sidebar (bootstrap) still rendered"


def test_a_failing_bootstrap_is_one_message_not_a_traceback(monkeypatch, caplog):
    """Even the shared start of every page failing (here: the sidebar) ends in one sentence."""
    from ui import bootstrap

    def broken(*_args, **_kwargs):
        raise OSError("sidebar gone")

    monkeypatch.setattr(bootstrap, "_sidebar", broken)
    caplog.set_level(logging.ERROR, logger="serre")
    at = app("pages/3_Policy_mix.py").run()
    assert not at.exception
    shown = " ".join(e.value for e in at.error)
    assert "reference E-" in shown and "sidebar gone" not in shown
    assert not at.title, "the page body did not run without its bootstrap"


def test_a_failing_callback_is_reported_and_the_page_carries_on(monkeypatch, caplog):
    at = app("pages/1_Organisation.py").run()

    def broken(*_args, **_kwargs):
        raise KeyError("surprise")

    monkeypatch.setattr(ui_state, "with_overrides", broken)
    caplog.set_level(logging.ERROR, logger="serre")
    at.number_input(key="org.employees").set_value(1234).run()
    assert not at.exception
    assert any(r"(reference E\-" in e.value for e in at.error), [e.value for e in at.error]
    assert at.title[0].value == "Organisation"


def test_plausibility_notes_on_the_organisation_and_climate_pages():
    at = app("pages/1_Organisation.py").run()
    assert not at.warning
    at.number_input(key="org.employees").set_value(900_000).run()
    assert any("very large organisation" in w.value for w in at.warning)

    at = app("pages/2_Climate_and_survey.py")
    at.run()
    scenario = with_overrides(at.session_state["scenario"], {"climate.voice.sd": 0.0})
    at.session_state["scenario"] = scenario
    at.run()
    assert any("everybody would answer the same" in w.value for w in at.warning)
