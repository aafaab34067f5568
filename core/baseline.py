"""A golden baseline of the headline numbers of every sample scenario (covasim's habit).

``python scripts/update_baseline.py`` rewrites ``tests/baseline/headline.json``
on purpose; the test suite compares the engine against it, so any numeric
drift shows up in review as a diff of that file, with a reason in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from core.context import RunContext
from core.scenario import load_scenario
from core.simulate import simulate

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_data" / "scenarios"
BASELINE_FILE = ROOT / "tests" / "baseline" / "headline.json"
CONTEXT = RunContext(seed=20231, runs=200, employees=2000)
# The engine's golden numbers: a fixed list, independent of what the pages show first.
METRICS = (
    "ambassadors_creators",
    "monthly_unique_reach",
    "sensitive_leaks_per_year",
    "always_on_share",
    "ambassadors_engaged",
    "monthly_recruitment_reach",
    "negative_posts_per_year",
    "p_sensitive_leak_year",
    "chat_incidents_per_year",
    "reactance_share",
)


def headline_numbers() -> dict[str, dict[str, dict[str, float]]]:
    """Mean, P10 and P90 of the headline metrics of every sample scenario at a fixed seed."""
    out = {}
    for path in sorted(SAMPLES.glob("*.json")):
        summary = simulate(load_scenario(path), CONTEXT).summary()
        out[path.stem] = {
            m: {k: round(summary[m][k], 6) for k in ("mean", "p10", "p90")} for m in METRICS
        }
    return out


def write_baseline(path: Path = BASELINE_FILE) -> Path:
    path.write_text(json.dumps(headline_numbers(), indent=1, sort_keys=True) + "\n")
    return path


def read_baseline(path: Path = BASELINE_FILE) -> dict[str, Any]:
    return json.loads(path.read_text())
