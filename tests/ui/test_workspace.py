"""The workspace in the dashboard (AppTest): restore by link, autosave, conflicts, no database."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from core.scenario import Policy, load_scenario, with_overrides
from core.share import pack
from core.workspace import open_store
from tests.conftest import ROOT, SAMPLES

SCENARIOS = "pages/5_Scenarios.py"


def app(page: str | None = None, ws: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.session_state["lang"] = "en"
    if ws:
        at.query_params["ws"] = ws
    for key, value in params.items():
        at.query_params[key] = value
    if page:
        at.switch_page(page)
    return at.run()


def _mix(at: AppTest) -> Policy:
    return Policy.model_validate(
        {**at.session_state["mix"].model_dump(), "share_permission": True, "content_support": True}
    )


def change_mix(at: AppTest) -> Policy:
    """Change the mix as a callback would, then rerun (the autosave runs at page end)."""
    mix = _mix(at)
    at.session_state["mix"] = mix
    at.run()
    return mix


def save_named(at: AppTest, name: str) -> None:
    at.text_input(key="save_name").set_value(name)
    next(b for b in at.button if b.label == "Save in this workspace").click()
    at.run()


@pytest.mark.usefixtures("private_data_dir")
def test_nothing_is_written_until_something_changes():
    at = app()
    assert not at.exception
    link = at.session_state["workspace"]
    assert link.version is None and "ws" not in at.query_params
    store = open_store()
    assert store.load(link.token) is None


def test_a_saved_scenario_and_the_mix_come_back_with_the_link():
    at = app(SCENARIOS)
    mix = change_mix(at)
    save_named(at, "Plan with share permission")
    assert not at.exception and not at.error, [e.value for e in at.error]
    token = at.session_state["workspace"].token
    assert at.query_params["ws"] == [token] or at.query_params["ws"] == token
    again = app(SCENARIOS, ws=token)  # a refresh, or another browser with the link
    assert not again.exception and not again.error
    assert again.session_state["mix"] == mix
    assert again.session_state["today"] == at.session_state["today"]
    assert list(again.session_state["saved"]) == ["Plan with share permission"]
    assert again.session_state["saved"]["Plan with share permission"].policy == mix
    shown = " ".join(str(m.value) for m in again.markdown)
    assert "Plan with share permission" in shown
    assert any(token in str(c.value) for c in again.code)  # the workspace link to copy


def test_open_rename_duplicate_delete_on_the_page():
    at = app(SCENARIOS)
    mix = change_mix(at)
    save_named(at, "A")
    at.session_state["mix"] = at.session_state["today"]  # back to today before opening
    at.run()
    record = at.session_state["saved_records"]["A"]
    at.button(key=f"ws_open.{record.id}").click().run()
    assert at.session_state["mix"] == mix and at.session_state["scenario"].name == "A"
    at.button(key=f"ws_dup.{record.id}").click().run()
    assert sorted(at.session_state["saved"]) == ["A", "A (copy)"]
    at.text_input(key=f"ws_name.{record.id}").set_value("B")
    at.button(key=f"ws_rename.{record.id}").click().run()
    assert sorted(at.session_state["saved"]) == ["A (copy)", "B"]
    renamed = at.session_state["saved_records"]["B"]
    at.button(key=f"ws_delete.{renamed.id}").click().run()
    assert sorted(at.session_state["saved"]) == ["A (copy)"]
    assert not at.exception and not at.error


def test_two_sessions_on_one_workspace_never_overwrite_silently():
    first = app(SCENARIOS)
    change_mix(first)
    token = first.session_state["workspace"].token
    second = app(SCENARIOS, ws=token)
    bank = load_scenario(SAMPLES / "retail_bank.json")
    second.session_state["scenario"] = bank  # the other session changes the organisation
    second.run()
    assert second.session_state["workspace"].version == 2
    first.session_state["scenario"] = with_overrides(
        first.session_state["scenario"], {"organisation.employees": 1234}
    )
    first.run()  # a stale write: refused, and the page says so
    assert first.session_state["workspace"].conflict
    assert any("Another session" in w.value for w in first.warning)
    assert open_store().load(token).scenario == bank  # nothing overwritten
    first.button(key="ws_copy").click().run()  # keep mine as a new workspace
    moved = first.session_state["workspace"]
    assert moved.token != token and not moved.conflict
    assert open_store().load(moved.token).scenario.organisation.employees == 1234
    assert open_store().load(token).scenario == bank


def test_reloading_takes_the_other_version():
    first = app(SCENARIOS)
    change_mix(first)
    token = first.session_state["workspace"].token
    second = app(SCENARIOS, ws=token)
    second.session_state["mix"] = second.session_state["today"]
    second.run()
    first.session_state["mix"] = _mix(first).model_copy(update={"training": "voluntary"})
    first.run()
    assert first.session_state["workspace"].conflict
    first.button(key="ws_reload").click().run()
    assert not first.session_state["workspace"].conflict
    assert first.session_state["mix"] == first.session_state["today"]


def test_a_share_link_keeps_baseline_and_mix_and_leaves_the_address_bar():
    school = with_overrides(load_scenario(SAMPLES / "secondary_school.json"), {"seed": 77})
    mix = school.policy.model_copy(update={"share_permission": not school.policy.share_permission})
    at = app(SCENARIOS, s=pack(school, mix))
    assert not at.exception and not at.error
    assert at.session_state["scenario"] == school and at.session_state["today"] == school.policy
    assert at.session_state["mix"] == mix
    assert "s" not in at.query_params
    token = at.session_state["workspace"].token
    stored = open_store().load(token)  # a refresh restores it from the workspace
    assert stored.scenario == school and stored.mix == mix


def test_without_a_database_the_app_works_in_memory_and_says_so_once(monkeypatch):
    from ui.workspace import _holder

    monkeypatch.setenv("SERRE_DATABASE_URL", "nosuchdialect://nowhere/serre")
    _holder.clear()
    try:
        at = app(SCENARIOS)
        assert not at.exception
        assert [e.value for e in at.error if "cannot be stored" in e.value]
        save_named(at, "kept in memory")
        assert "kept in memory" in at.session_state["saved"]
        assert not [e.value for e in at.error if "cannot be stored" in e.value]  # said once
        assert any("memory" in w.value for w in at.warning)
    finally:
        monkeypatch.delenv("SERRE_DATABASE_URL")
        _holder.clear()


@pytest.mark.parametrize("bad", ["short", "../../../etc/passwd-xxxxxxxxxxxxxxxxx"])
def test_a_malformed_link_starts_a_new_workspace_with_a_message(bad):
    at = app(ws=bad)
    assert not at.exception
    assert at.session_state["workspace"].token != bad
    assert any("not valid" in e.value for e in at.error)
