"""The simulated year's noise: common random numbers drawn once, shared read-only, bounded."""

from __future__ import annotations

import numpy as np
import pytest

from core import year
from core.scenario import with_policy
from core.simulate import RunContext, simulate
from tests.conftest import ROOT


def test_the_same_seed_gives_the_same_numbers_and_nobody_can_write_them():
    year._noise_memo.clear()
    seed = np.random.SeedSequence(7).spawn(2)[1]
    first = year._noise(seed, 4, 50)
    again = year._noise(np.random.SeedSequence(7).spawn(2)[1], 4, 50)
    assert again[0] is first[0], "reused, not drawn again"
    fresh = np.random.Generator(np.random.PCG64(np.random.SeedSequence(7).spawn(2)[1]))
    np.testing.assert_array_equal(first[0], fresh.standard_normal(first[0].shape, dtype=np.float32))
    with pytest.raises(ValueError):
        first[0][0, 0, 0] = 1.0
    other = year._noise(np.random.SeedSequence(8).spawn(2)[1], 4, 50)
    assert not np.array_equal(other[0], first[0])


def test_the_memo_stays_within_its_bound(monkeypatch):
    year._noise_memo.clear()
    monkeypatch.setattr(year, "NOISE_MEMO_VALUES", 7 * 10 * 100 * 4)  # room for four draws
    for s in range(6):
        year._noise(np.random.SeedSequence(s), 10, 100)
    kept = sum(z.size + u.size for z, u in year._noise_memo.values())
    assert kept <= year.NOISE_MEMO_VALUES and len(year._noise_memo) == 4
    assert (np.random.SeedSequence(0).entropy, (), 4, 10, 100) not in year._noise_memo
    year._noise(np.random.SeedSequence(99), 1000, 100)  # too large to keep
    assert len(year._noise_memo) == 4


def test_results_do_not_depend_on_what_was_simulated_before():
    from core.scenario import Policy, load_scenario

    scenario = load_scenario(ROOT / "sample_data" / "scenarios" / "university_hospital.json")
    ctx = RunContext(seed=3, employees=400, runs=32)
    year._noise_memo.clear()
    cold = simulate(scenario, ctx).summary()
    simulate(with_policy(scenario, Policy(share_permission=True)), ctx)  # fills the memo
    warm = simulate(scenario, ctx).summary()
    assert cold == warm
