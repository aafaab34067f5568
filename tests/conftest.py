"""Shared fixtures: paths, the neutral organisation, small fast simulations."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.parameters import default_parameters
from core.scenario import Scenario, load_scenario

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data" / "scenarios"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def params():
    return default_parameters()


@pytest.fixture(scope="session")
def neutral() -> Scenario:
    return load_scenario(SAMPLES / "neutral_organisation.json")


@pytest.fixture(scope="session")
def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.json"))
