"""Click through every page in a real browser: upload, recommend, switch language."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import ARTIFACTS, ROOT

SAMPLE = ROOT / "sample_data" / "surveys" / "serre_example_qualtrics_en.csv"
PAGES_EN = [
    ("Organisation", "Organisation"),
    ("Climate and survey", "Climate and survey"),
    ("Policy mix", "Policy mix"),
    ("Simulation", "Simulation"),
    ("Scenarios", "Scenarios"),
    ("Method and sources", "Method and sources"),
    ("Presenter mode", "Our advice"),  # last: the sidebar is hidden there
]


BUSY = """() => {
  const busy = document.querySelector('[data-testid="stSpinner"], [data-stale="true"]');
  const app = document.querySelector('[data-testid="stApp"]');
  const state = app ? app.getAttribute('data-test-script-state') : 'initial';
  const running = ['initial', 'running', 'rerunRequested', 'stopRequested'].includes(state);
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  const drawn = charts.every(c => c.querySelector('.main-svg'));
  return !busy && !running && drawn;
}"""


def settle(page: Page) -> None:
    """Wait until the script has finished, nothing is stale and every chart is drawn."""
    page.wait_for_selector('[data-testid="stAppViewContainer"]')
    for _ in range(2):  # idle twice in a row, a moment apart: no rerun in flight
        page.wait_for_timeout(400)
        page.wait_for_function(BUSY, timeout=90_000)


def no_exception(page: Page) -> None:
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def shot(page: Page, name: str) -> None:
    """Screenshot of the whole page (the main area scrolls, so grow the viewport)."""
    height = page.evaluate(
        "() => document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight || 1000"
    )
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": min(max(height, 1000), 6000)})
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    page.set_viewport_size(size)


def nav(page: Page, label: str) -> None:
    page.locator('[data-testid="stSidebar"] a', has_text=label).first.click()
    settle(page)


def test_click_through_every_page(page: Page, server: str) -> None:
    page.goto(server)
    settle(page)
    no_exception(page)
    # the first page of a cold server on a busy 2-core machine can take well over 5 s
    expect(page.get_by_text("People reached a month").first).to_be_visible(timeout=60_000)
    shot(page, "0_home")
    for i, (label, title) in enumerate(PAGES_EN, start=1):
        nav(page, label)
        no_exception(page)
        expect(page.locator("h1", has_text=title)).to_be_visible()
        shot(page, f"{i}_{label.lower().replace(' ', '_')}")


def test_deep_link_upload_recommend_and_dutch(page: Page, server: str) -> None:
    page.goto(f"{server}/Climate_and_survey")
    settle(page)
    no_exception(page)
    page.get_by_role("tab", name="Survey upload").click()
    page.locator('input[type="file"]').first.set_input_files(str(SAMPLE))
    settle(page)
    expect(page.get_by_text(re.compile("Detected .*Qualtrics"))).to_be_visible()
    no_exception(page)
    shot(page, "10_survey_uploaded")

    nav(page, "Policy mix")
    page.get_by_role("button", name="Apply the recommendation").click()
    settle(page)
    no_exception(page)
    expect(page.get_by_role("button", name="Apply the recommendation")).to_be_disabled()
    shot(page, "11_recommendation_applied")

    page.locator('[data-testid="stSidebar"]').get_by_text("Nederlands").click()
    settle(page)
    no_exception(page)
    expect(page.locator('[data-testid="stSidebar"] a', has_text="Beleidsmix")).to_be_visible()
    expect(page.locator("h1", has_text="Beleidsmix")).to_be_visible()
    nav(page, "Simulatie")
    no_exception(page)
    expect(page.get_by_text("Ambassadeur-makers").first).to_be_visible()
    shot(page, "12_simulation_dutch")


def test_broken_share_link_keeps_the_app_working(page: Page, server: str) -> None:
    page.goto(f"{server}/?s=not-a-real-scenario")
    settle(page)
    no_exception(page)
    expect(page.get_by_text("This share link could not be opened").first).to_be_visible()
    expect(page.get_by_text("People reached a month").first).to_be_visible()
