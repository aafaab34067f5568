"""Checked outputs and reads, bounded JSON, plausibility warnings in both languages."""

from __future__ import annotations

import errno
import os

import pytest

from core import plausibility
from core.cli import main
from core.errors import SerreError
from core.files import check_output, read_limited, write_output
from core.safe_json import checked_json_text
from core.scenario import with_overrides
from tests.conftest import SAMPLES


def test_read_limited_refuses_devices_folders_and_oversized_files(tmp_path):
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 2000)
    cases = [("/dev/zero", "error.file_not_regular"), (str(tmp_path), "error.file_is_directory")]
    cases += [(str(big), "error.file_too_large"), (str(tmp_path / "no"), "error.file_missing")]
    for path, key in cases:
        with pytest.raises(SerreError) as info:
            read_limited(path, 1000)
        assert info.value.key == key
    assert read_limited(big, 2000) == b"x" * 2000


def test_outputs_are_checked_before_work(tmp_path):
    (tmp_path / "d").mkdir()
    for path, key in [
        (tmp_path / "d", "error.out_is_directory"),
        (tmp_path / "missing" / "x.md", "error.out_folder_missing"),
    ]:
        with pytest.raises(SerreError) as info:
            check_output(path)
        assert info.value.key == key, path


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_folder_is_refused(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(SerreError) as info:
        check_output(locked / "x.md")
    assert info.value.key == "error.out_not_writable"


def test_a_full_disk_is_reported_and_leaves_nothing_behind(tmp_path, monkeypatch):
    with pytest.raises(SerreError) as info:
        write_output("/dev/full", "text")  # the kernel's always-full device
    assert info.value.key == "error.out_disk_full"

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(SerreError) as info:
        write_output(tmp_path / "x.md", "text")
    assert info.value.key == "error.out_disk_full"
    assert list(tmp_path.iterdir()) == []  # no half-written file, no temporary left


def test_write_output_replaces_a_regular_file(tmp_path):
    target = tmp_path / "x.md"
    target.write_text("old")
    write_output(target, "new")
    assert target.read_text() == "new"


def test_policy_to_bad_outputs_exits_2_before_work(tmp_path, capsys):
    scenario = str(SAMPLES / "retail_bank.json")
    (tmp_path / "d.md").mkdir()
    for out in (str(tmp_path / "d.md"), str(tmp_path / "no" / "p.docx")):
        assert main(["policy", scenario, "--out", out]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: Cannot write") and "Traceback" not in err


def test_json_limits_apply_to_every_json_file():
    with pytest.raises(SerreError) as info:
        checked_json_text(b"[" * 500 + b"]" * 500, "m.json")
    assert info.value.key == "error.json_depth"
    with pytest.raises(SerreError) as info:
        checked_json_text(b'{"a": ' + b"7" * 5000 + b"}", "m.json")
    assert info.value.key == "error.json_number" and "m.json" in info.value.message("nl")
    assert checked_json_text(b'{"items": {}}', "m.json") == '{"items": {}}'


def test_absurd_option_numbers_are_one_clear_line(capsys):
    code = main(["simulate", str(SAMPLES / "retail_bank.json"), "--runs", "9" * 5000])
    err = capsys.readouterr().err
    assert code == 2 and len(err) < 300 and "digits" in err


def test_plausibility_rules(neutral):
    assert plausibility.check(neutral) == []
    odd = with_overrides(
        neutral,
        {
            "organisation.employees": 1_000_000,
            "climate.voice.sd": 0.0,
            "climate.trust.sd": 1.9,
            "climate.trust.mean": 5.0,
        },
    )
    keys = {(w.key, w.area) for w in plausibility.check(odd, respondents=2_000_000)}
    assert keys == {
        ("plaus.huge_headcount", "organisation"),
        ("plaus.zero_spread", "climate"),
        ("plaus.wide_spread", "climate"),
        ("plaus.extreme_mean", "climate"),
        ("plaus.survey_above_headcount", "climate"),
    }
    nl = plausibility.messages(odd, "nl", area="climate")
    assert any("Interne inspraak" in m for m in nl) and not any("{" in m for m in nl)
    tiny = with_overrides(neutral, {"organisation.employees": 5, "organisation.open_vacancies": 9})
    assert {w.key for w in plausibility.check(tiny)} == {
        "plaus.tiny_headcount",
        "plaus.vacancies_exceed_staff",
    }


def test_cli_warns_on_stderr_without_failing(tmp_path, capsys, neutral):
    from core.scenario import dump_scenario

    odd = with_overrides(neutral, {"organisation.employees": 250_000, "climate.voice.sd": 0.0})
    path = tmp_path / "odd.json"
    path.write_text(dump_scenario(odd))
    code = main(["--lang", "nl", "policy", str(path), "--out", str(tmp_path / "p.md")])
    err = capsys.readouterr().err
    assert code == 0
    warnings = [ln for ln in err.splitlines() if ln.startswith("warning: ")]
    assert len(warnings) == 2 and "250000 medewerkers" in err
