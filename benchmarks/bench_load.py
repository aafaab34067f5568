"""Bounded load test: N concurrent sessions against one local Serre server.

Each session opens Home, Simulation and Policy mix and changes a lever there.
Prints median and max settle times per step, errors (exceptions shown or
timeouts; should be 0) and the server's memory (server plus reader
children) over time, and again after the sessions close. Localhost only,
bounded sessions and a time limit; nothing is asserted.

By default the sessions are headless protocol clients (``stream_client``): in a
workshop each participant's browser runs on their own laptop, so what one
machine must carry is the server. ``--browsers`` drives real Chromium pages
instead; on this 2-core machine those browsers take most of the CPU.
``--levers distinct`` makes every session change a different lever (inputs no
other session computed); the default has them all change the same one.

    python benchmarks/bench_load.py [--sessions 10] [--browsers] [--levers distinct]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.e2e.serve import serre_server  # noqa: E402
from tests.e2e.test_browser import BUSY  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from stream_client import StreamSession  # noqa: E402

MAX_SESSIONS = 20
STEPS = ("home", "simulation", "policy", "lever")


def _rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the survey reader's fork server)."""
    total = 0.0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            continue
    return total


def _cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by a process and its children."""
    total = 0.0
    pids = [pid]
    with contextlib.suppress(OSError):
        pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    tick = os.sysconf("SC_CLK_TCK")
    for p in pids:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError, ValueError):
            continue
    return total


def _machine_cpu_s() -> float:
    """CPU seconds all processes used so far (busy time from /proc/stat)."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return (sum(values) - idle) / os.sysconf("SC_CLK_TCK")


class Sampler(threading.Thread):
    """Server memory every half second, with the time since the start."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.samples, self.stop = pid, [], threading.Event()
        self.start_time = time.monotonic()

    def run(self) -> None:
        while not self.stop.is_set():
            self.samples.append((time.monotonic() - self.start_time, _rss_mb(self.pid)))
            self.stop.wait(0.5)


async def _settle(page, timeout_ms: int = 120_000) -> None:
    await page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=timeout_ms)
    for _ in range(2):
        await page.wait_for_timeout(300)
        await page.wait_for_function(BUSY, timeout=timeout_ms)


async def _session(browser, url: str, times: dict, errors: list) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = await context.new_page()
    try:
        for step, path in (("home", ""), ("simulation", "Simulation"), ("policy", "Policy_mix")):
            start = time.monotonic()
            await page.goto(f"{url}/{path}")
            await _settle(page)
            times[step].append(time.monotonic() - start)
        start = time.monotonic()
        toggles = page.locator('[data-testid="stMain"] [data-testid="stCheckbox"] label:visible')
        await toggles.first.click(timeout=120_000)
        await _settle(page)
        times["lever"].append(time.monotonic() - start)
        if await page.locator('[data-testid="stException"]').count():
            errors.append("exception shown")
    except Exception as exc:  # a timeout or a lost connection counts as an error
        errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:80]}")
    finally:
        await context.close()


async def _stream_session(url: str, lever: int, times: dict, errors: list) -> None:
    try:
        async with StreamSession(url) as session:
            for step, path in (
                ("home", ""),
                ("simulation", "Simulation"),
                ("policy", "Policy_mix"),
            ):
                times[step].append(await session.open(path))
            levers = sorted(key for key in session.toggles if key.startswith("mix."))
            times["lever"].append(await session.flip(levers[lever % len(levers)]))
            errors.extend(session.exceptions)
    except Exception as exc:  # a timeout or a lost connection counts as an error
        errors.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:80] if str(exc) else ''}")


async def _run(
    url: str, sessions: int, limit: float, browsers: bool, distinct: bool, shift: int = 0
) -> tuple[dict, list]:
    from playwright.async_api import async_playwright

    times: dict[str, list[float]] = {step: [] for step in STEPS}
    errors: list[str] = []

    async def _all(jobs: list) -> None:
        try:
            await asyncio.wait_for(asyncio.gather(*jobs), timeout=limit)
        except TimeoutError:
            errors.append("time limit reached")

    if not browsers:
        await _all(
            [
                _stream_session(url, shift + (i if distinct else 0), times, errors)
                for i in range(sessions)
            ]
        )
        return times, errors
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        await _all([_session(browser, url, times, errors) for _ in range(sessions)])
        await browser.close()
    return times, errors


def _report(times: dict, errors: list, sessions: int) -> None:
    for step in STEPS:
        values = times[step]
        if values:
            print(f"    {step:11} median {statistics.median(values):6.2f} s   "
                  f"max {max(values):6.2f} s   ({len(values)} of {sessions})")  # fmt: skip
    print(f"    errors: {len(errors)} {errors if errors else ''}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2, help="load rounds on one server")
    parser.add_argument("--limit", type=float, default=600, help="seconds for each round")
    parser.add_argument(
        "--browsers", action="store_true", help="Chromium pages, not protocol clients"
    )
    parser.add_argument("--levers", choices=("same", "distinct"), default="same")
    parser.add_argument(
        "--after", type=float, default=135, help="seconds to wait before the final memory figure"
    )
    args = parser.parse_args()
    sessions = max(1, min(args.sessions, MAX_SESSIONS))
    kind = "Chromium pages" if args.browsers else "protocol clients (no browser)"
    print(f"{sessions} concurrent sessions ({kind}, {args.levers} lever) per round, "
          f"{max(1, args.rounds)} rounds on one server, {os.cpu_count()} cores shared")  # fmt: skip
    with serre_server() as (url, server):
        sampler = Sampler(server.pid)
        sampler.start()
        start_mb = _rss_mb(server.pid)
        closed_mb: list[float] = []
        for round_no in range(max(1, args.rounds)):
            cpu0, machine0, wall0 = _cpu_s(server.pid), _machine_cpu_s(), time.monotonic()
            times, errors = asyncio.run(
                _run(url, sessions, args.limit, args.browsers, args.levers == "distinct", round_no)
            )
            server_cpu, machine_cpu = _cpu_s(server.pid) - cpu0, _machine_cpu_s() - machine0
            wall = time.monotonic() - wall0
            time.sleep(15)  # sessions closed: let the server drop them
            closed_mb.append(_rss_mb(server.pid))
            state = "cold server" if round_no == 0 else "warm server, other levers"
            print(f"  round {round_no + 1} ({state}):")
            _report(times, errors, sessions)
            print(f"    CPU: server {server_cpu:.1f} s, whole machine {machine_cpu:.1f} s "
                  f"in {wall:.1f} s wall; server memory 15 s after the sessions closed "
                  f"{closed_mb[-1]:.0f} MB")  # fmt: skip
        # Streamlit keeps a closed session's state for server.disconnectedSessionTTL (120 s)
        # so a dropped connection can resume. Once that has passed, one more round shows
        # whether the memory is reused (bounded) or grows again (a leak).
        time.sleep(args.after)
        idle_mb = _rss_mb(server.pid)
        asyncio.run(_run(url, sessions, args.limit, args.browsers, args.levers == "distinct", 0))
        time.sleep(15)
        final_mb = _rss_mb(server.pid)
        sampler.stop.set()
        sampler.join()
    peak = max(mb for _, mb in sampler.samples)
    growth = closed_mb[-1] - closed_mb[0]
    print(f"  server memory: start {start_mb:.0f} MB (before any session), peak {peak:.0f} MB; "
          f"after each round closed: {', '.join(f'{mb:.0f}' for mb in closed_mb)} MB "
          f"(growth after the first round {growth:+.0f} MB); {args.after:.0f} s after the last "
          f"round closed {idle_mb:.0f} MB; after one more round once those sessions had "
          f"expired {final_mb:.0f} MB")  # fmt: skip
    step = max(1, len(sampler.samples) // 16)
    trace = ", ".join(f"{t:.0f}s {mb:.0f}" for t, mb in sampler.samples[::step])
    print(f"  memory over time (MB): {trace}")


if __name__ == "__main__":
    main()
