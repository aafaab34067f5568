"""Shared fixtures: paths, the neutral organisation, small fast simulations."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.parameters import default_parameters
from core.scenario import Scenario, load_scenario

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data" / "scenarios"
SHARED = ROOT.parent / "shared"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session", autouse=True)
def private_data_dir(tmp_path_factory):
    """Tests (and the e2e server they start) never touch a user's stored workspaces."""
    before = {key: os.environ.get(key) for key in ("SERRE_DATA_DIR", "SERRE_DATABASE_URL")}
    folder = tmp_path_factory.mktemp("serre-data")
    os.environ["SERRE_DATA_DIR"] = str(folder)
    os.environ.pop("SERRE_DATABASE_URL", None)
    yield folder
    for key, value in before.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def params():
    return default_parameters()


@pytest.fixture(scope="session")
def neutral() -> Scenario:
    return load_scenario(SAMPLES / "neutral_organisation.json")


@pytest.fixture(scope="session")
def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.json"))


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must install it")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
