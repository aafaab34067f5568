"""Numeric drift shows in review: the engine must reproduce the checked-in baseline."""

from __future__ import annotations

import pytest

from core.baseline import headline_numbers, read_baseline


@pytest.fixture(scope="module")
def now():
    return headline_numbers()


def test_every_sample_scenario_matches_the_baseline(now):
    """Same seed, same numbers; update on purpose with scripts/update_baseline.py."""
    golden = read_baseline()
    assert sorted(now) == sorted(golden)
    for scenario, metrics in golden.items():
        for metric, values in metrics.items():
            for key, expected in values.items():
                got = now[scenario][metric][key]
                assert got == pytest.approx(expected, rel=1e-5, abs=1e-9), (scenario, metric, key)
