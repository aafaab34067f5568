"""Page settle times in a real browser: every page cold, warm and after an input change.

One Chromium session against a fresh local server, moving between pages by
the sidebar as a user does (one Streamlit session throughout). For each page:
the first visit (cold: nothing of that page computed yet), a second visit
after another page (warm), and the change of its first input (a toggle, else
a number's step button, else a slider moved one step). "Settled" means the
script run finished, nothing is stale, no spinner shows and every chart is
drawn (the e2e tests' check). Presenter mode hides the sidebar, so it comes
last and has no warm visit.
Before the pages, the Policy page is opened right after the headcount changed
(its recommendation is searched anew; the search starts in the background as
soon as the Organisation page is drawn).
Target (issue 12): every page settles within 2 s after an input change on a
2-core machine. Prints figures; asserts nothing.

    python benchmarks/bench_pages.py [--repeats 3] [--lang en]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.e2e.serve import serre_server  # noqa: E402
from tests.e2e.test_browser import BUSY  # noqa: E402

PAGES = (
    ("Home", ""),
    ("Organisation", "Organisation"),
    ("Climate and survey", "Climate_and_survey"),
    ("Policy mix", "Policy_mix"),
    ("Simulation", "Simulation"),
    ("Scenarios", "Scenarios"),
    ("Method and sources", "Method_and_sources"),
    ("Presenter", "Presenter"),
)
MAIN = '[data-testid="stMain"]'


def settle(page, timeout_ms: int = 120_000) -> None:
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=timeout_ms)
    for _ in range(2):  # idle twice in a row, a moment apart: no rerun in flight
        page.wait_for_timeout(150)
        page.wait_for_function(BUSY, timeout=timeout_ms)


def change_first_input(page) -> str | None:
    """Change the page's first input as a user would; the kind changed, or None."""
    toggle = page.locator(f'{MAIN} [data-testid="stCheckbox"] label:visible')
    if toggle.count():
        toggle.first.click()
        return "toggle"
    step = page.locator(f'{MAIN} [data-testid="stNumberInputStepUp"]:visible')
    if step.count():
        step.first.click()
        return "number"
    slider = page.locator(f'{MAIN} [role="slider"]:visible')
    if slider.count():
        slider.first.focus()
        page.keyboard.press("ArrowRight")
        return "slider"
    return None


def open_page(page, path: str) -> None:
    """Follow the sidebar link to ``path`` (Home's link is the empty path)."""
    page.locator(f'[data-testid="stSidebar"] a[href="{path}"]').first.click()


def timed(action, page) -> float:
    start = time.monotonic()
    action()
    settle(page)
    return time.monotonic() - start


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="input changes per page")
    parser.add_argument("--lang", choices=("en", "nl"), default="en")
    args = parser.parse_args()
    locale = {"en": "en-GB", "nl": "nl-BE"}[args.lang]
    rows = []
    with serre_server() as (url, _), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 900}, locale=locale)
        page = context.new_page()
        first = timed(lambda: page.goto(url), page)  # a new session on a cold server
        # The organisation changes, then the Policy page needs a new recommendation.
        after_headcount = []
        for _ in range(max(1, args.repeats)):
            timed(lambda: open_page(page, "Organisation"), page)
            timed(
                lambda: page.locator(f'{MAIN} [data-testid="stNumberInputStepUp"]').first.click(),
                page,
            )
            after_headcount.append(timed(lambda: open_page(page, "Policy_mix"), page))
        for name, path in PAGES:
            cold = first if not path else timed(lambda path=path: open_page(page, path), page)
            warm = None
            if path != "Presenter":  # no sidebar there to leave by
                other = "Method_and_sources" if path != "Method_and_sources" else ""
                timed(lambda other=other: open_page(page, other), page)
                warm = timed(lambda path=path: open_page(page, path), page)
            changes, kind = [], None
            for _ in range(max(1, args.repeats)):
                start = time.monotonic()
                kind = change_first_input(page)
                if kind is None:
                    break
                settle(page)
                changes.append(time.monotonic() - start)
            rows.append((name, cold, warm, kind, changes))
        browser.close()
    print(f"Page settle times, one Chromium session, 1440x900, {args.lang} (2 cores)")
    print(f"  {'page':20} {'cold':>7} {'warm':>7}   input change (median, max)")
    for name, cold, warm, kind, changes in rows:
        change = (
            f"{statistics.median(changes):5.2f} s, {max(changes):5.2f} s  [{kind}]"
            if changes
            else "no input on this page"
        )
        warm_text = f"{warm:5.2f} s" if warm is not None else "    n/a"
        print(f"  {name:20} {cold:5.2f} s {warm_text}   {change}")
    median, most = statistics.median(after_headcount), max(after_headcount)
    print(f"  Policy mix right after a headcount change (a new search): median {median:.2f} s, "
          f"max {most:.2f} s")  # fmt: skip
    worst = max((statistics.median(c) for *_, c in rows if c), default=0.0)
    print(f"  slowest median input change: {worst:.2f} s (target 2 s)")


if __name__ == "__main__":
    main()
