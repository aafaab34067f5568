"""The command line: JSON contracts and one-line errors with exit code 2.

Most tests call ``core.cli.main`` in-process (what a command prints and
returns); two start a real ``python -m core`` process for the boundary
(exit status and streams of an actual process).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from core.cli import main
from tests.conftest import ROOT, SAMPLES

NEUTRAL = str(SAMPLES / "neutral_organisation.json")


@dataclass(frozen=True)
class Run:
    """What one command returned and printed, like a finished process."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture()
def cli(capsys, monkeypatch) -> Callable[..., Run]:
    """``cli(*argv)``: the entry point in-process, from the repository root."""
    monkeypatch.chdir(ROOT)

    def run(*args: str) -> Run:
        capsys.readouterr()  # start from empty streams
        code = main(list(args))
        out = capsys.readouterr()
        return Run(code, out.out, out.err)

    return run


def process(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_a_real_process_prints_json_and_exits_0():
    """The process boundary: stdout of a real process is the JSON, exit status 0."""
    out = process(
        "simulate", NEUTRAL, "--runs", "20", "--seed", "3", "--employees", "300", "--json"
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["runs"] == 20
    assert out.stderr == ""


def test_a_real_process_reports_bad_input_on_one_line_and_exits_2():
    """The process boundary: one line on stderr, nothing on stdout, exit status 2."""
    out = process("simulate", NEUTRAL, "--runs", "0")
    assert out.returncode == 2
    assert out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1 and "--runs must be between" in out.stderr
    assert "Traceback" not in out.stderr


def test_simulate_json_contract(cli):
    out = cli("simulate", NEUTRAL, "--runs", "50", "--seed", "3", "--employees", "500", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["runs"] == 50 and data["seed"] == 3 and data["simulated_employees"] == 500
    assert set(data["metrics"]["ambassadors_creators"]) == {"mean", "p10", "p50", "p90"}
    again = json.loads(
        cli(
            "simulate", NEUTRAL, "--runs", "50", "--seed", "3", "--employees", "500", "--json"
        ).stdout
    )
    assert again == data


def test_simulate_table(cli):
    out = cli("simulate", NEUTRAL, "--runs", "20")
    assert out.returncode == 0 and "ambassadors_creators" in out.stdout


def test_recommend_json_contract(cli):
    out = cli(
        "recommend", str(SAMPLES / "retail_bank.json"), "--runs", "100", "--json", "--lang", "nl"
    )
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data["policy"]) >= {"share_permission", "rewards", "platform_scope"}
    reason = data["reasons"][0]
    assert set(reason) >= {"lever", "text", "sources"}
    assert data["before"] and data["after"]


def test_schema(cli):
    out = cli("schema")
    assert out.returncode == 0
    assert json.loads(out.stdout)["title"].startswith("Serre scenario")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("simulate", "does/not/exist.json"), "File not found"),
        (("simulate", str(ROOT / "pyproject.toml")), "not valid JSON"),
        (("simulate", NEUTRAL, "--runs", "0"), "--runs must be between"),
        (("simulate", NEUTRAL, "--runs", "many"), "invalid int value"),
        (("simulate", NEUTRAL, "--employees", "0"), "--employees must be between"),
        (("simulate", NEUTRAL, "--seed", "-4"), "--seed must be"),
        (("recommend", NEUTRAL, "--leak-cap", "2"), "--leak-cap"),
        (("frobnicate",), "invalid choice"),
        ((), "required"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(cli, args, fragment):
    out = cli(*args)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], out.stderr
    assert "Traceback" not in out.stderr


def test_bad_field_in_dutch(cli, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"organisation": {"employees": -3}}', encoding="utf-8")
    out = cli("--lang", "nl", "simulate", str(bad))
    assert out.returncode == 2 and "moet minstens 1 zijn" in out.stderr


SURVEYS = ROOT / "sample_data" / "surveys"


def test_ingest_json_contract(cli, tmp_path):
    saved = tmp_path / "mapping.json"
    out = cli(
        "ingest", str(SURVEYS / "serre_example_qualtrics_en.csv"), "--group", "Department",
        "--save-mapping", str(saved), "--json",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["format"] == "qualtrics" and data["respondents"] == 180
    voice = data["constructs"]["voice"]
    assert 1 <= voice["mean"] <= 5 and voice["n_items"] == 4 and voice["alpha"] > 0.6
    assert {"column": "RecipientEmail", "reason": "identifying"} in data["dropped_columns"]
    assert all(r["hidden"] or r["n"] >= 5 for r in data["breakdown"]["rows"])
    again = cli(
        "ingest", str(SURVEYS / "serre_example_qualtrics_en.csv"), "--mapping", str(saved), "--json"
    )
    assert json.loads(again.stdout)["constructs"] == data["constructs"]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("ingest", "missing.csv"), "File not found"),
        (("ingest", str(ROOT / "sample_data")), "is a folder"),
        (("ingest", NEUTRAL, "--threshold", "1"), "at least 3"),
        (
            ("ingest", str(SURVEYS / "serre_example_qualtrics_en.csv"), "--group", "Shoe size"),
            "no grouping column",
        ),
        (
            ("ingest", str(SURVEYS / "serre_example_qualtrics_en.csv"), "--mapping", NEUTRAL),
            "mapping file is not valid",
        ),
    ],
)
def test_ingest_bad_input(cli, args, fragment):
    out = cli(*args)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and fragment in out.stderr, out.stderr


def test_report_and_policy_commands(cli, tmp_path):
    html = tmp_path / "report.html"
    out = cli(
        "report", NEUTRAL, str(SAMPLES / "retail_bank.json"), "--out", str(html), "--runs", "50"
    )
    assert out.returncode == 0, out.stderr
    assert "Scenarios compared" in html.read_text(encoding="utf-8")
    deck = tmp_path / "deck.pptx"
    assert cli("report", NEUTRAL, "--out", str(deck), "--runs", "30").returncode == 0
    assert deck.read_bytes()[:2] == b"PK"
    policy = tmp_path / "beleid.docx"
    out = cli(
        "--lang", "nl", "policy", str(SAMPLES / "software_company.json"), "--out", str(policy)
    )
    assert out.returncode == 0 and policy.read_bytes()[:2] == b"PK"
    md = tmp_path / "policy.md"
    assert cli("policy", NEUTRAL, "--out", str(md)).returncode == 0
    assert md.read_text(encoding="utf-8").startswith("# Social media policy")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("report", NEUTRAL, "--out", "x.pdf"), "must end in .html or .pptx"),
        (("policy", NEUTRAL, "--out", "x.txt"), "must end in .docx or .md"),
        (("policy", NEUTRAL, "--out", "/no/such/dir/p.md"), "Cannot write"),
        (("report", "missing.json", "--out", "r.html"), "File not found"),
    ],
)
def test_report_bad_input(cli, args, fragment):
    out = cli(*args)
    assert (
        out.returncode == 2 and fragment in out.stderr and len(out.stderr.strip().splitlines()) == 1
    )
