"""Dashboard rerun time: a lever change re-rendered, measured as server script time.

Target (brief section 7): under 300 ms at the demo size (university hospital,
2,400 employees, 500 runs). Uses Streamlit's AppTest, which runs the page
script exactly as the server does, without a browser.

    python benchmarks/bench_dashboard.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

LEVERS = ("share_permission", "content_support", "visual_guidelines", "mute_norms")


def measure(page: str, repeats: int = 3) -> tuple[float, float]:
    """(first change, median of repeated changes) in seconds, after the first load."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.switch_page(page).run()
    times = []
    for _ in range(repeats):
        for lever in LEVERS:
            mix = at.session_state["mix"]
            at.session_state["mix"] = mix.model_copy(update={lever: not getattr(mix, lever)})
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
            assert not at.exception, at.exception
    return times[0], statistics.median(times)


def measure_new_organisation(repeats: int = 3) -> float:
    """Policy page after the headcount changes: a new recommendation is computed (median s)."""
    from core.scenario import with_overrides

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.switch_page("pages/3_Policy_mix.py").run()
    times = []
    for i in range(repeats):
        base = at.session_state["scenario"]
        employees = base.organisation.employees + 10 * (i + 1)
        at.session_state["scenario"] = with_overrides(base, {"organisation.employees": employees})
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        assert not at.exception, at.exception
    return statistics.median(times)


def main() -> None:
    for page in ("dashboard.py", "pages/4_Simulation.py", "pages/3_Policy_mix.py"):
        first, median = measure(page)
        timing = f"first {first * 1000:6.0f} ms, median {median * 1000:6.0f} ms"
        target = "2 s" if "Policy" in page else "300 ms"
        print(f"{page:28} lever change: {timing} (target {target})")
    median = measure_new_organisation()
    label = "pages/3_Policy_mix.py"
    print(f"{label:28} new headcount: median {median:6.2f} s (new recommendation)")


if __name__ == "__main__":
    main()
