"""Presenter mode in a real browser: every screen fits a projector without scrolling.

At 1920x1080 (a projector) and 1440x900 (a laptop), in both languages, each
of the five screens is measured: the document and Streamlit's main area do
not scroll, nothing sticks out to the right, the heading is large, and a
screenshot of each screen is written to test-artifacts/screenshots/.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from core.i18n import translate
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_browser import no_exception, settle

SCREENS = 6
SLACK = 4  # px: sub-pixel rounding
SIZES = [(1920, 1080), (1440, 900)]

MEASURE = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const root = document.scrollingElement;
  const width = window.innerWidth;
  const wide = [...document.querySelectorAll('[data-testid="stMain"] *')]
    .filter(e => e.getBoundingClientRect().right > width + 2 && e.getClientRects().length)
    .map(e => (e.getAttribute('data-testid') || e.tagName) + '.' + (e.className || '')).slice(0, 5);
  const size = sel => {
    const e = document.querySelector(sel);
    return e ? parseFloat(getComputedStyle(e).fontSize) : 0;
  };
  return {
    docScroll: root.scrollHeight, inner: window.innerHeight,
    mainScroll: main.scrollHeight, mainClient: main.clientHeight,
    mainScrollWidth: main.scrollWidth, mainClientWidth: main.clientWidth,
    wide: wide, h1: size('.st-key-presenter h1'), headline: size('.pres-headline'),
    number: size('.pres-num'), label: size('.pres-label'),
  };
}"""


def _open(page: Page, server: str, lang: str, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{server}/Simulation")
    settle(page)
    if lang == "nl":
        page.locator('[data-testid="stSidebar"]').get_by_text("Nederlands", exact=True).click()
        settle(page)
    page.locator('[data-testid="stSidebar"] a').last.click()  # the presenter, last in the list
    settle(page)
    no_exception(page)


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_screen_fits_without_scrolling(page: Page, server: str, lang, width, height):
    _open(page, server, lang, width, height)
    nxt = page.get_by_role("button", name=translate("presenter.next", lang))
    previous = page.get_by_role("button", name=translate("presenter.previous", lang))
    expect(previous).to_be_disabled()
    for n in range(1, SCREENS + 1):
        counter = translate("presenter.counter", lang, i=n, n=SCREENS)
        expect(page.locator(".pres-counter", has_text=counter)).to_be_visible()
        no_exception(page)
        page.wait_for_timeout(300)
        m = page.evaluate(MEASURE)
        where = f"{lang} screen {n} at {width}x{height}: {m}"
        page.screenshot(path=str(ARTIFACTS / f"presenter_{lang}_{n}_{width}x{height}.png"))
        assert m["docScroll"] <= m["inner"] + SLACK, where
        assert m["mainScroll"] <= m["mainClient"] + SLACK, where
        assert m["mainScrollWidth"] <= m["mainClientWidth"] + SLACK, where
        assert not m["wide"], where
        assert m["h1"] >= 40, where
        if n == 1:
            assert m["headline"] >= 40, where
        if n == 2 and width >= 1920:
            assert m["number"] >= 48 and m["label"] >= 24, where
        if n < SCREENS:
            nxt.click()
            settle(page)
    expect(nxt).to_be_disabled()
    previous.click()
    settle(page)
    counter = translate("presenter.counter", lang, i=SCREENS - 1, n=SCREENS)
    expect(page.locator(".pres-counter", has_text=counter)).to_be_visible()


def test_the_language_switches_while_presenting(page: Page, server: str):
    """The sidebar is hidden in presenter mode; its own switch changes the room's language
    on the same screen, the screen still fits, and other pages follow the choice."""
    _open(page, server, "en", 1920, 1080)
    page.get_by_role("button", name=translate("presenter.next", "en")).click()
    settle(page)
    switch = page.locator(".st-key-presenter_language")
    expect(switch).to_be_visible()
    switch.get_by_text("NL", exact=True).click()
    settle(page)
    no_exception(page)
    expect(page.get_by_role("button", name=translate("presenter.next", "nl"))).to_be_visible()
    counter = translate("presenter.counter", "nl", i=2, n=SCREENS)
    expect(page.locator(".pres-counter", has_text=counter)).to_be_visible()  # same screen
    expect(
        page.get_by_role("heading", name=translate("presenter.screen.compare", "nl"))
    ).to_be_visible()
    m = page.evaluate(MEASURE)
    page.screenshot(path=str(ARTIFACTS / "presenter_switched_nl_2_1920x1080.png"))
    assert m["docScroll"] <= m["inner"] + SLACK and m["mainScroll"] <= m["mainClient"] + SLACK, m
    assert not m["wide"], m
    switch.get_by_text("NL", exact=True).click()  # a second click clears the control
    settle(page)
    expect(page.get_by_role("button", name=translate("presenter.next", "nl"))).to_be_visible()
    page.get_by_role("link", name=translate("presenter.leave", "nl")).click()
    settle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar.get_by_text(translate("ui.language", "nl"), exact=True)).to_be_visible()
    no_exception(page)


def test_what_if_switches_a_change_off_and_still_fits(page: Page, server: str):
    """The last screen: switching a recommended change off redraws the figures, no scrolling."""
    _open(page, server, "nl", 1440, 900)
    nxt = page.get_by_role("button", name=translate("presenter.next", "nl"))
    for _ in range(SCREENS - 1):
        nxt.click()
        settle(page)
    expect(
        page.get_by_role("heading", name=translate("presenter.screen.whatif", "nl"))
    ).to_be_visible()
    grid = page.locator(".pres-grid")
    before = grid.inner_text()
    page.locator(".st-key-presenter-whatif [data-testid='stCheckbox']").first.click()
    settle(page)
    no_exception(page)
    expect(grid).not_to_have_text(before)
    m = page.evaluate(MEASURE)
    page.screenshot(path=str(ARTIFACTS / "presenter_whatif_off_nl_1440x900.png"))
    assert m["docScroll"] <= m["inner"] + SLACK and m["mainScroll"] <= m["mainClient"] + SLACK, m
    assert not m["wide"], m
