"""The same answer on every seed: seeds 1-5 agree on every lever that is not a reported tie.

A lever the leak cap decides (the recommendation says "needed to keep the
chance of a leak within the cap") sits on the cap's edge when the seeds
disagree: reported as such, it counts as a tie on the cap.
"""

from __future__ import annotations

import pytest

from core.context import RunContext
from core.recommend import recommend
from core.scenario import load_scenario
from tests.conftest import SAMPLES

# Where a guard rail may override what the model alone would choose (there should be few).
# Both are one case: where few staff see sensitive information (the neutral organisation,
# 30%) or the organisation is small (the school, 120 staff), the rail keeps explained
# confidentiality rules although their fixed cost about equals the leak cost they prevent.
SENSITIVE = {("confidentiality_rules", "sensitive"), ("explain_rules", "sensitive")}
EXPECTED_OVERRIDES = {"neutral_organisation": SENSITIVE, "secondary_school": SENSITIVE}


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_seeds_agree_except_on_ties(path):
    scenario = load_scenario(path)
    mixes, ties, overrides = [], set(), set()
    for seed in range(1, 6):
        rec = recommend(scenario, context=RunContext(seed=seed, runs=100))
        mixes.append(rec.policy.model_dump())
        ties |= {r.lever for r in rec.reasons if not r.material or r.cap_bound}
        overrides |= {(o.lever, o.rule) for o in rec.overrides}
    differing = {lever for lever in mixes[0] if len({str(m[lever]) for m in mixes}) > 1}
    assert differing <= ties, differing - ties
    assert overrides <= EXPECTED_OVERRIDES.get(path.stem, set()), overrides
