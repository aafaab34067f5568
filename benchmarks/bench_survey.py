"""Survey ingestion benchmark: a 20,000-respondent, 60-column export parsed and scored.

Everything ingest does is timed: reading, the privacy review of every column,
the data-driven mapping (item-rest correlations, factor analysis) and scoring.
Target (issue 11): under 3 s and 1 GB on a 2-core machine. Prints the median
of five runs and the peak memory of this process; then the same upload read
the way the dashboard reads it (in an isolated child process, issue 14), from
bytes to a result in use: cold (fork server just started) and warm. Target
for the upload: in use within 5 s.

    python benchmarks/bench_survey.py
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.survey import ingest  # noqa: E402
from core.survey import synthetic as sy  # noqa: E402
from core.survey.isolate import ingest_isolated, warm_up  # noqa: E402

RESPONDENTS = 20_000
COLUMNS = 60


def build_export() -> bytes:
    """Qualtrics export of Serre's questionnaire, padded with other Likert items to 60 columns."""
    rng = np.random.default_rng(7)
    survey = sy.generate(RESPONDENTS, rng, "en")
    labels = sy.questionnaire()["scales"]["agreement"]["en"]
    base_columns = 17 + survey.answers.shape[1]  # Qualtrics metadata + questionnaire
    for i in range(COLUMNS - base_columns):
        picks = rng.integers(0, 5, RESPONDENTS)
        survey.answers[f"X{i}"] = [labels[p] for p in picks]
    questions = {c: survey.question(c) for c in survey.answers.columns if not c.startswith("X")}
    questions |= {
        c: f"The canteen offers enough choice ({c})."
        for c in survey.answers.columns
        if c.startswith("X")
    }
    survey.question = questions.__getitem__  # type: ignore[method-assign]
    return sy.to_qualtrics_csv(survey, rng)


def main() -> None:
    data = build_export()
    ingest(data, "bench.csv")  # warm-up
    times = []
    for _ in range(5):
        start = time.perf_counter()
        result = ingest(data, "bench.csv")
        times.append(time.perf_counter() - start)
    columns = len(result.questions) + len(result.dropped_columns) + len(result.metadata_columns)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"ingest {result.respondents:,} respondents x {columns} columns "
          f"({len(data) / 1e6:.1f} MB): median {statistics.median(times):.3f} s "
          f"(target 3.0 s), peak memory {peak:.0f} MB (target 1024 MB)")  # fmt: skip
    start = time.perf_counter()
    ingest_isolated(data, "bench.csv")
    cold = time.perf_counter() - start
    warm_up()
    isolated = []
    for _ in range(3):
        start = time.perf_counter()
        result = ingest_isolated(data, "bench.csv")
        isolated.append(time.perf_counter() - start)
    print(f"upload in an isolated reader ({result.respondents:,} respondents): cold {cold:.2f} s, "
          f"warm median {statistics.median(isolated):.2f} s (target 5 s)")  # fmt: skip


if __name__ == "__main__":
    main()
