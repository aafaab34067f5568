"""Command-line start-up: whole process, cold, median of several runs.

Target (issue 13): `simulate` and `recommend` start in well under 1 s. The
start-up is measured with the work made negligible (1 run, 10 employees) for
`simulate`, and as the imports the `recommend` command needs.

    python benchmarks/bench_cli.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = str(ROOT / "sample_data" / "scenarios" / "retail_bank.json")
CASES = {
    "simulate (1 run, 10 employees)": [
        "-m",
        "core",
        "simulate",
        SCENARIO,
        "--runs",
        "1",
        "--employees",
        "10",
        "--json",
    ],
    "recommend: imports and parameters": [
        "-c",
        "import core.cli, core.recommend; from core.parameters import default_parameters; "
        "default_parameters()",
    ],
    "python and numpy alone": ["-c", "import numpy"],
}


def measure(args: list[str], repeats: int = 7) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    for label, args in CASES.items():
        print(f"{label:40} median {measure(args):.3f} s (target well under 1 s)")


if __name__ == "__main__":
    main()
