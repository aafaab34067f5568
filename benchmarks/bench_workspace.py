"""Workspace persistence in SQLite: write and read latency, list time, size on disk.

    python benchmarks/bench_workspace.py

Writes into a temporary folder only. Autosave costs one JSON comparison per
rerun when nothing changed, and one UPDATE when something did.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.scenario import load_scenario, with_overrides  # noqa: E402
from core.workspace import Settings, new_token, open_store  # noqa: E402

SCENARIOS = 100


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"median {statistics.median(samples) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms"


def main() -> None:
    bank = load_scenario(ROOT / "sample_data" / "scenarios" / "retail_bank.json")
    mix = bank.policy.model_copy(update={"share_permission": True})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "serre.db"
        store = open_store(f"sqlite:///{path}")
        token = new_token()
        version = store.save_state(token, bank, mix, Settings(), None)

        snapshot = []
        for _ in range(200):
            start = time.perf_counter()
            parts = [bank.model_dump_json(), mix.model_dump_json(), Settings().model_dump_json()]
            json.dumps(parts)
            snapshot.append(time.perf_counter() - start)
        writes, loads = [], []
        for i in range(200):
            changed = with_overrides(bank, {"organisation.employees": 1000 + i})
            start = time.perf_counter()
            version = store.save_state(token, changed, mix, Settings(), version)
            writes.append(time.perf_counter() - start)
            start = time.perf_counter()
            store.load(token)
            loads.append(time.perf_counter() - start)
        saves = []
        for i in range(SCENARIOS):
            start = time.perf_counter()
            store.save_scenario(token, f"Scenario {i}", bank, mix)
            saves.append(time.perf_counter() - start)
        lists = []
        for _ in range(20):
            start = time.perf_counter()
            good, _bad = store.saved(token)
            lists.append(time.perf_counter() - start)
        assert len(good) == SCENARIOS
        store.close()
        size = sum(p.stat().st_size for p in Path(folder).iterdir())

    print(f"change check per rerun (JSON snapshot): {_ms(snapshot)}")
    print(f"autosave (UPDATE with version):         {_ms(writes)}")
    print(f"load workspace (parse + validate):      {_ms(loads)}")
    print(f"save a named scenario:                  {_ms(saves)}")
    print(f"list {SCENARIOS} saved scenarios (validated): {_ms(lists)}")
    print(f"database size with {SCENARIOS} saved scenarios: {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
