"""In a real browser, in Dutch at 1440x900: Dutch digits, inputs in the user's units."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_browser import no_exception, settle, shot

ENGLISH_GROUPING = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+(?![\d,])")
ENGLISH_DECIMAL = re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.])")
PAGES = [  # path, title, an element that is there once the page is drawn
    ("Organisation", "Organisatie", '[data-testid="stSlider"]'),
    ("Simulation", "Simulatie", '[data-testid="stPlotlyChart"] .main-svg'),
    ("Scenarios", "Scenario's", '[data-testid="stPlotlyChart"] .main-svg'),
]


@pytest.mark.parametrize(("path", "title", "drawn"), PAGES)
def test_dutch_page_reads_in_dutch_numbers(
    browser: Browser, server: str, path: str, title: str, drawn: str
):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{server}/{path}")
        page.locator(drawn).first.wait_for(timeout=120_000)
        settle(page)
        no_exception(page)
        expect(page.locator("h1", has_text=title).first).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / f"issue12_{path.lower()}_nl_1440x900.png"))
        shot(page, f"issue12_{path.lower()}_nl_full")
        text = page.locator('[data-testid="stMain"]').inner_text()
        assert path != "Simulation" or "Universitair ziekenhuis" in text
        assert not ENGLISH_GROUPING.findall(text), ENGLISH_GROUPING.findall(text)
        assert not ENGLISH_DECIMAL.findall(text), ENGLISH_DECIMAL.findall(text)
        if path == "Organisation":  # levels in words, shares in percent
            expect(page.get_by_text("vaak in het nationale nieuws (60 op 100)")).to_be_visible()
            expect(page.get_by_text("80%").first).to_be_visible()
    finally:
        context.close()


SI_TICK = re.compile(r"^\d+(?:[.,]\d+)?[kMGT]$")  # Plotly's abbreviated ticks: 100k, 1.2M


def test_dutch_number_boxes_and_chart_axes(browser: Browser, server: str):
    """The Simulation page's unit costs in Dutch digits; a Dutch entry is taken; axes in full."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        page.goto(f"{server}/Simulation")
        page.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for(timeout=120_000)
        settle(page)
        ticks = page.locator('[data-testid="stPlotlyChart"] g.xtick text, g.ytick text')
        labels = [t.strip() for t in ticks.all_text_contents() if t.strip()]
        assert labels, "the charts have tick labels"
        assert not [t for t in labels if SI_TICK.match(t)], labels
        assert not [t for t in labels if ENGLISH_GROUPING.search(t)], labels
        page.get_by_text("Eenheidskosten en methode").click()
        cpc = page.get_by_label("Kost per klik (EUR)")
        ctr = page.get_by_label("Klikratio bedrijf (%)")
        expect(cpc).to_have_value("1,5")
        expect(ctr).to_have_value("0,5")
        expect(page.get_by_label("Kost per lek (EUR)")).to_have_value("100.000")
        ctr.fill("0,75")
        ctr.press("Enter")
        settle(page)
        expect(ctr).to_have_value("0,75")
        cpc.fill("12.5")  # English decimal point in Dutch: refused with a sentence, value kept
        cpc.press("Enter")
        settle(page)
        expect(page.get_by_text("is geen getal").first).to_be_visible()
        expect(cpc).to_have_value("1,5")
        no_exception(page)
        cpc.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "issue12_simulation_inputs_nl_1440x900.png"))
        shot(page, "issue12_simulation_inputs_nl_full")
    finally:
        context.close()
