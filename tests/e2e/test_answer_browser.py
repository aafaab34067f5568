"""The answer page in a real browser: a new visitor gets the answer, in both languages."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_browser import no_exception, settle

LANGS = {
    "en": ("en-GB", "Social media policy for University hospital", "Today", "Recommended"),
    "nl": ("nl-BE", "Socialemediabeleid voor Universitair ziekenhuis", "Vandaag", "Aanbevolen"),
}
SIZES = ((1440, 900), (1920, 1080))


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_visitor_gets_the_answer_first(browser, server, lang):
    locale, title, today, recommended = LANGS[lang]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        context = browser.new_context(viewport={"width": width, "height": height}, locale=locale)
        page = context.new_page()
        page.set_default_timeout(90_000)
        try:
            page.goto(server)
            settle(page)
            no_exception(page)
            expect(page.locator("h1", has_text=title)).to_be_visible()
            headline = page.locator('[data-testid="stMain"] h3').first.inner_text()
            assert re.search(r"\d+%.*→.*\d+%", headline), headline
            metrics = page.locator('[data-testid="stMetric"]')
            expect(metrics).to_have_count(8)
            expect(page.get_by_text(today, exact=True).first).to_be_visible()
            expect(page.get_by_text(recommended, exact=True).first).to_be_visible()
            buttons = page.locator('[data-testid="stDownloadButton"]')
            expect(buttons).to_have_count(2)
            # The sentence, both cards and the note buttons fit the first screen.
            bottom = buttons.first.bounding_box()
            assert bottom is not None and bottom["y"] + bottom["height"] <= height, bottom
            values = " ".join(metrics.all_inner_texts())
            if lang == "nl":
                assert not re.search(r"\b\d{1,3},\d{3}\b", values), values
            else:
                assert not re.search(r"\b\d{1,3}\.\d{3}\b", values), values
            page.screenshot(path=str(ARTIFACTS / f"answer_{lang}_{width}x{height}.png"))
        finally:
            context.close()
