"""Analytics benchmark: personas and key drivers for 20,000 respondents.

Target (issues 5 and 11): under 5 s on a 2-core machine, personas chosen by
BIC over covariance types and 1-6 segments. Prints the median of three
runs for personas, for drivers of four behaviours, and for both together.

    python benchmarks/bench_analytics.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.analytics import DriverModel, PersonaModel  # noqa: E402
from core.scenario import CONSTRUCTS  # noqa: E402
from core.survey import ingest  # noqa: E402
from core.survey import synthetic as sy  # noqa: E402

OUTCOMES = ("posts_work", "likes_shares", "follows", "posted_criticism")


def main() -> None:
    rng = np.random.default_rng(5)
    survey = sy.generate(20_000, rng, "en")
    result = ingest(sy.to_google_forms_csv(survey, rng), "bench.csv")
    X = result.construct_matrix()

    def personas() -> None:
        PersonaModel(random_state=0).fit(X)

    def drivers() -> None:
        for outcome in OUTCOMES:
            DriverModel(random_state=0).fit(X, result.scores[outcome].to_numpy(), list(CONSTRUCTS))

    timings = {}
    for name, work in (("personas", personas), ("drivers (4 behaviours)", drivers)):
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            work()
            runs.append(time.perf_counter() - start)
        timings[name] = statistics.median(runs)
        print(f"{name:24} {result.respondents:,} respondents: median {timings[name]:.2f} s")
    print(f"{'together':24} {sum(timings.values()):.2f} s (target 5.0 s)")


if __name__ == "__main__":
    main()
