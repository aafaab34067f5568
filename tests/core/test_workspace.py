"""Workspaces in SQLite: round trips, stale writes refused, corrupt rows read as messages."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from core.scenario import Policy, with_overrides, with_policy
from core.share import pack, unpack, unpack_shared
from core.survey import ingest
from core.valuation import Valuation
from core.workspace import (
    Settings,
    WorkspaceConflict,
    WorkspaceCorrupt,
    WorkspaceError,
    WorkspaceStore,
    database_url,
    default_data_dir,
    new_token,
    open_store,
    valid_token,
)
from core.workspace.store import MAX_SAVED, unique_name
from tests.conftest import ROOT

SURVEY = ROOT / "sample_data" / "surveys" / "serre_example_qualtrics_en.csv"


@pytest.fixture()
def store(tmp_path: Path):
    opened = open_store(f"sqlite:///{tmp_path / 'nested' / 'serre.db'}")
    yield opened
    opened.close()


@pytest.fixture()
def mix(neutral) -> Policy:
    return with_overrides(neutral, {"policy.share_permission": True}).policy


def test_tokens_are_unguessable_and_checked():
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(valid_token(token) and len(token) >= 32 for token in tokens)
    for bad in (None, "", "short", "a" * 65, "with space" * 4, "../../etc/passwd" * 3):
        assert not valid_token(bad)


def test_data_folder_and_url_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("SERRE_DATABASE_URL", raising=False)
    monkeypatch.setenv("SERRE_DATA_DIR", str(tmp_path / "data"))
    assert default_data_dir() == tmp_path / "data"
    assert database_url() == f"sqlite:///{tmp_path / 'data' / 'serre.db'}"
    monkeypatch.delenv("SERRE_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / "serre"
    monkeypatch.setenv("SERRE_DATABASE_URL", "postgresql+psycopg://serre@db/serre")
    assert database_url() == "postgresql+psycopg://serre@db/serre"


def test_workspace_round_trip(store, neutral, mix):
    token = new_token()
    assert store.load(token) is None
    settings = Settings(language="nl", runs=1000, threshold=7, valuation=Valuation(cpc=2.5))
    assert store.save_state(token, neutral, mix, settings, None) == 1
    back = store.load(token)
    assert back.scenario == neutral and back.mix == mix and back.settings == settings
    assert back.version == 1 and not back.problems and back.updated_at.tzinfo is not None
    assert store.save_state(token, neutral, neutral.policy, settings, 1) == 2
    assert store.load(token).mix == neutral.policy


def test_a_stale_write_is_refused_and_nothing_is_overwritten(store, neutral, mix):
    token = new_token()
    store.save_state(token, neutral, neutral.policy, Settings(), None)
    mine = with_overrides(neutral, {"organisation.employees": 111})
    theirs = with_overrides(neutral, {"organisation.employees": 222})
    assert store.save_state(token, theirs, mix, Settings(), 1) == 2  # the other session
    with pytest.raises(WorkspaceConflict) as info:
        store.save_state(token, mine, mix, Settings(), 1)  # based on version 1: stale
    assert "another" in info.value.message("en").lower()
    assert "andere" in info.value.message("nl").lower()
    assert store.load(token).scenario.organisation.employees == 222
    with pytest.raises(WorkspaceConflict):
        store.save_state(token, mine, mix, Settings(), None)  # creating an existing one


def test_concurrent_writers_on_one_version_exactly_one_wins(store, neutral):
    token = new_token()
    store.save_state(token, neutral, neutral.policy, Settings(), None)
    outcomes: list[str] = []
    barrier = threading.Barrier(8)

    def write(employees: int) -> None:
        scenario = with_overrides(neutral, {"organisation.employees": employees})
        barrier.wait()
        try:
            store.save_state(token, scenario, scenario.policy, Settings(), 1)
            outcomes.append(f"won {employees}")
        except WorkspaceConflict:
            outcomes.append("refused")

    threads = [threading.Thread(target=write, args=(100 + i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    winners = [o for o in outcomes if o.startswith("won")]
    assert len(winners) == 1 and outcomes.count("refused") == 7
    stored = store.load(token)
    assert stored.version == 2
    assert winners[0] == f"won {stored.scenario.organisation.employees}"


def test_saved_scenarios_save_rename_duplicate_delete(store, neutral, mix):
    token = new_token()
    store.save_state(token, neutral, neutral.policy, Settings(), None)
    first = store.save_scenario(token, "  Plan   A ", neutral, mix)
    assert first.name == "Plan A" and first.version == 1 and first.mix == mix
    assert first.as_mix() == with_overrides(with_policy(neutral, mix), {"name": "Plan A"})
    with pytest.raises(WorkspaceError) as taken:
        store.save_scenario(token, "Plan A", neutral, mix)
    assert taken.value.key == "error.workspace_name_taken"
    renamed = store.rename(token, first.id, "Plan B", first.version)
    assert renamed.name == "Plan B" and renamed.version == 2
    with pytest.raises(WorkspaceConflict):
        store.rename(token, first.id, "Plan C", first.version)  # stale
    copy = store.duplicate(token, first.id, "Plan B")
    assert copy.name == "Plan B (2)" and copy.scenario.organisation == neutral.organisation
    overwritten = store.save_scenario(
        token, "Plan B", neutral, neutral.policy, expected_version=2, saved_id=first.id
    )
    assert overwritten.version == 3 and overwritten.mix == neutral.policy
    with pytest.raises(WorkspaceConflict):
        store.delete(token, first.id, 2)  # changed since
    store.delete(token, first.id, 3)
    good, bad = store.saved(token)
    assert [s.name for s in good] == ["Plan B (2)"] and not bad
    assert store.saved(new_token()) == ([], [])  # another workspace sees nothing


def test_saved_scenarios_need_the_workspace_and_a_sane_name(store, neutral):
    token = new_token()
    with pytest.raises(WorkspaceError) as missing:
        store.save_scenario(token, "x", neutral, neutral.policy)
    assert missing.value.key == "error.workspace_missing"
    store.save_state(token, neutral, neutral.policy, Settings(), None)
    for name in ("", "   ", "x" * 121):
        with pytest.raises(WorkspaceError):
            store.save_scenario(token, name, neutral, neutral.policy)
    assert unique_name("a", {"a", "a (2)"}) == "a (3)"
    assert len(unique_name("y" * 120, {"y" * 120})) == 120


def test_a_workspace_holds_a_bounded_number_of_scenarios(store, neutral, monkeypatch):
    monkeypatch.setattr("core.workspace.store.MAX_SAVED", 3)
    token = new_token()
    store.save_state(token, neutral, neutral.policy, Settings(), None)
    for i in range(3):
        store.save_scenario(token, f"s{i}", neutral, neutral.policy)
    with pytest.raises(WorkspaceError) as full:
        store.save_scenario(token, "s4", neutral, neutral.policy)
    assert full.value.key == "error.workspace_full" and MAX_SAVED >= 100


def test_corrupt_rows_become_messages_not_tracebacks(store, neutral, mix):
    token = new_token()
    store.save_state(token, neutral, mix, Settings(runs=500), None)
    good = store.save_scenario(token, "good", neutral, mix)
    bad = store.save_scenario(token, "bad", neutral, mix)
    with store.engine.begin() as conn:
        conn.execute(
            text("UPDATE serre_workspace SET scenario_json = :j, settings_json = :s"),
            {"j": '{"organisation": {"employees": -5}}', "s": '{"runs": "many"}'},
        )
        conn.execute(
            text("UPDATE serre_saved_scenario SET mix_json = '[1, 2' WHERE id = :i"),
            {"i": bad.id},
        )
    state = store.load(token)
    assert state.scenario is None and state.mix is None and state.settings == Settings()
    corrupt = [p for p in state.problems if isinstance(p, WorkspaceCorrupt)]
    assert corrupt and "employees" in corrupt[0].message("nl")
    assert len(state.problems) == 2
    readable, unreadable = store.saved(token)
    assert [s.name for s in readable] == ["good"] and readable[0].id == good.id
    assert [u.name for u in unreadable] == ["bad"] and unreadable[0].problem.message("nl")
    store.delete(token, unreadable[0].id, unreadable[0].version)  # still deletable
    assert store.save_state(token, neutral, mix, Settings(), state.version) == 2  # repaired


def test_an_unusable_database_is_one_clear_error(tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    for url in (
        f"sqlite:///{not_a_folder / 'sub' / 'serre.db'}",  # its folder cannot be made
        f"sqlite:///{tmp_path}",  # a folder, not a database file
        "not a url",
        "nosuchdialect://x/y",
    ):
        with pytest.raises(WorkspaceError) as info:
            WorkspaceStore.connect(url)
        assert info.value.key == "error.workspace_unavailable"
        assert "browser" in info.value.message("en") and "browser" in info.value.message("nl")


def test_copy_keeps_my_state_and_every_saved_scenario(store, neutral, mix):
    source, target = new_token(), new_token()
    store.save_state(source, neutral, neutral.policy, Settings(), None)
    store.save_scenario(source, "one", neutral, mix)
    mine = with_overrides(neutral, {"organisation.employees": 321})
    assert store.copy_workspace(source, target, mine, mix, Settings(language="en")) == 1
    copied = store.load(target)
    assert copied.scenario == mine and copied.mix == mix
    assert [s.name for s in store.saved(target)[0]] == ["one"]
    assert store.load(source).scenario == neutral  # the original is untouched


def test_no_survey_answer_is_ever_stored(store, neutral, tmp_path):
    """Only what the user saves: the aggregate climate, never a respondent's row."""
    raw = SURVEY.read_bytes()
    survey = ingest(raw, SURVEY.name)
    climate = {
        f"climate.{name}.mean": round(summary.mean, 2)
        for name, summary in survey.constructs.items()
        if summary.mean is not None and name in type(neutral.climate).model_fields
    }
    assert climate
    scenario = with_overrides(neutral, climate)
    token = new_token()
    store.save_state(token, scenario, scenario.policy, Settings(threshold=5), None)
    store.save_scenario(token, "with survey climate", scenario, scenario.policy)
    store.close()
    stored = b"".join(p.read_bytes() for p in (tmp_path / "nested").iterdir())
    lines = raw.decode("utf-8-sig").splitlines()[3:]
    identifying = {cell for line in lines for cell in line.split(",")[3:9:5] if cell}  # IP, id
    assert len(identifying) > 20
    assert not [cell for cell in identifying if cell.encode() in stored]
    assert b"Strongly disagree" not in stored and b"R_" not in stored


def test_share_links_carry_baseline_and_mix_and_read_old_links(neutral, mix):
    shared = unpack_shared(pack(neutral, mix))
    assert shared.scenario == neutral and shared.mix == mix and shared.mix != neutral.policy
    old = unpack_shared(pack(neutral))  # a link written before mixes were shared
    assert old.scenario == neutral and old.mix == neutral.policy
    assert unpack(pack(neutral, mix)) == neutral
    import base64
    import json
    import zlib

    def token(payload: object) -> str:
        raw = zlib.compress(json.dumps(payload).encode())
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    scenario = neutral.model_dump(mode="json")
    for payload in (
        {"share": 3, "scenario": scenario, "mix": {}},
        {"share": 2, "scenario": scenario, "mix": []},
        {"share": 2, "scenario": scenario, "mix": {}, "extra": 1},
        {"share": 2, "scenario": scenario, "mix": {"share_permission": "maybe"}},
    ):
        with pytest.raises(Exception) as info:
            unpack_shared(token(payload))
        assert info.type.__name__ == "ScenarioError"
