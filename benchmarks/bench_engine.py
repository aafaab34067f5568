"""Engine benchmarks: median wall time and peak memory, each case in its own process.

Targets (brief section 7, a 2-core machine):
  simulate 10,000 employees x 1,000 runs   < 1 s
  simulate 100,000 employees x 200 runs    < 3 s, peak < 1.5 GB
  recommend (search, final comparison, confidence)   < 3 s (issue 10; brief: 5 s)

    python benchmarks/bench_engine.py            # all cases
    python benchmarks/bench_engine.py --case sim_10k
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CASES = {
    "sim_10k": ("simulate 10,000 x 1,000 runs", 1.0, None),
    "sim_100k": ("simulate 100,000 x 200 runs", 3.0, 1500),
    "recommend": ("recommend (university hospital)", 3.0, None),
}


def _run_case(case: str, repeats: int) -> dict:
    from core.context import RunContext
    from core.recommend import recommend
    from core.scenario import load_scenario, with_overrides
    from core.simulate import simulate

    hospital = load_scenario(ROOT / "sample_data" / "scenarios" / "university_hospital.json")
    if case == "sim_10k":
        scenario = with_overrides(hospital, {"organisation.employees": 10_000})

        def work():
            simulate(scenario, RunContext(runs=1000, seed=1))
    elif case == "sim_100k":
        scenario = with_overrides(hospital, {"organisation.employees": 100_000})

        def work():
            simulate(scenario, RunContext(runs=200, seed=1))
    else:

        def work():
            recommend(hospital, context=RunContext(seed=1))

    work()  # warm-up: imports, parameter loading
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"case": case, "median_s": statistics.median(times), "peak_mb": peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", choices=sorted(CASES))
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(_run_case(args.case, args.repeats)))
        return
    print(f"{'case':40} {'median s':>9} {'target s':>9} {'peak MB':>9} {'target MB':>10}")
    for case, (label, target_s, target_mb) in CASES.items():
        out = subprocess.run(
            [sys.executable, __file__, "--case", case, "--repeats", str(args.repeats)],
            capture_output=True,
            text=True,
            check=True,
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        mb_target = f"{target_mb:>10}" if target_mb else f"{'-':>10}"
        print(f"{label:40} {r['median_s']:>9.3f} {target_s:>9.1f} {r['peak_mb']:>9.0f} {mb_target}")


if __name__ == "__main__":
    main()
