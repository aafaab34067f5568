"""In a real browser: the workspace survives a refresh and a new browser; shares keep the mix."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pandas as pd
from playwright.sync_api import Browser, Page, expect

from core.scenario import load_scenario, with_overrides
from core.share import pack
from tests.conftest import SAMPLES
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_browser import no_exception, settle, shot

WS = re.compile(r"[?&]ws=[A-Za-z0-9_-]{30,}")


def _bank_and_mix():
    """A baseline and a mix that differs in two levers that move reach."""
    bank = with_overrides(load_scenario(SAMPLES / "retail_bank.json"), {"seed": 11})
    mix = bank.policy.model_copy(
        update={
            "share_permission": not bank.policy.share_permission,
            "content_support": not bank.policy.content_support,
        }
    )
    return bank, mix


def _context_page(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    return tab


def _token(page: Page) -> str:
    page.wait_for_url(WS)
    return parse_qs(urlparse(page.url).query)["ws"][0]


def _save(page: Page, name: str) -> None:
    box = page.get_by_label("Name").first
    box.fill(name)
    box.press("Enter")
    settle(page)
    page.get_by_role("button", name="Save in this workspace").click()
    settle(page)
    no_exception(page)


def _saved_names(page: Page) -> list[str]:
    heading = page.get_by_role("heading", name="Saved scenarios")
    expect(heading).to_be_visible()
    return page.locator('[data-testid="stMarkdownContainer"] strong').all_inner_texts()


def _frontier(page: Page) -> pd.DataFrame:
    """The reach-vs-risk chart's own CSV, indexed by scenario, with its median reach as 'reach'.

    The CSV's headers are the reader's words: the scenario first, then reach's mean.
    """
    button = page.locator(".st-key-csv-frontier button, [class*='csv-frontier'] button")
    expect(button.first).to_be_visible()
    with page.expect_download() as caught:
        button.first.click()
    frame = pd.read_csv(io.StringIO(Path(caught.value.path()).read_text(encoding="utf-8-sig")))
    assert frame.columns[0] == "Scenario" and "Mean" in frame.columns[1], list(frame.columns)
    return frame.set_index("Scenario").rename(columns={frame.columns[1]: "reach"})


def test_a_saved_scenario_survives_a_refresh(page: Page, server: str):
    page.goto(f"{server}/Scenarios")
    settle(page)
    _save(page, "Board proposal")
    token = _token(page)
    assert "Board proposal" in _saved_names(page)
    page.reload()
    settle(page)
    no_exception(page)
    assert _token(page) == token
    assert "Board proposal" in _saved_names(page)
    expect(page.locator('[data-testid="stCode"]', has_text=f"ws={token}")).to_be_visible()
    expect(page.get_by_text("Uploaded survey answers are never stored")).to_be_visible()
    shot(page, "workspace_after_refresh")


def test_the_workspace_link_restores_everything_in_another_browser(browser: Browser, server: str):
    bank, mix = _bank_and_mix()
    first = _context_page(browser)
    try:
        first.goto(f"{server}/Scenarios?s={pack(bank, mix)}")
        settle(first)
        _save(first, "Bank plan")
        first.locator('[data-testid="stSidebar"] a', has_text="Organisation").first.click()
        settle(first)
        employees = first.get_by_role("spinbutton", name="Employees")
        employees.fill("4321")
        employees.press("Enter")
        settle(first)
        expect(employees).to_have_value("4321")
        token = _token(first)
        first.locator('[data-testid="stSidebar"] a', has_text="Scenarios").first.click()
        settle(first)  # the autosave has run at the end of the Organisation page
    finally:
        first.context.close()

    second = _context_page(browser)  # a new browser: no cookies, no session, only the link
    try:
        second.goto(f"{server}/Organisation?ws={token}")
        settle(second)
        no_exception(second)
        expect(second.get_by_role("spinbutton", name="Employees")).to_have_value("4321")
        second.locator('[data-testid="stSidebar"] a', has_text="Scenarios").first.click()
        settle(second)
        assert "Bank plan" in _saved_names(second)
        frame = _frontier(second)
        assert set(frame.index) == {"Today's policy", "Current mix"}
        assert frame.loc["Current mix", "reach"] != frame.loc["Today's policy", "reach"]
        assert _token(second) == token
        shot(second, "workspace_new_browser")
    finally:
        second.context.close()


def test_a_share_link_restores_baseline_and_mix(page: Page, server: str):
    bank, mix = _bank_and_mix()
    page.goto(f"{server}/Scenarios?s={pack(bank, mix)}")
    settle(page)
    no_exception(page)
    expect(page.get_by_text("a mix that changes 2 lever(s)")).to_be_visible()
    frame = _frontier(page)
    assert set(frame.index) == {"Today's policy", "Current mix"}
    assert frame.loc["Current mix", "reach"] > frame.loc["Today's policy", "reach"]
    token = _token(page)  # the link became this browser's own workspace
    assert "s" not in parse_qs(urlparse(page.url).query)
    page.reload()  # a refresh shows the workspace, not the link applied again
    settle(page)
    again = _frontier(page)
    pd.testing.assert_frame_equal(again, frame)
    assert _token(page) == token
    page.locator('[data-testid="stSidebar"] a', has_text="Policy mix").first.click()
    settle(page)
    no_exception(page)
    shot(page, "share_link_policy")
    assert (ARTIFACTS / "share_link_policy.png").exists()
