"""In a real browser: documents from a chosen proposal, downloaded and opened; report charts fit."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pptx import Presentation
from pypdf import PdfReader

from core.context import RunContext
from core.reports import html_report
from core.scenario import Policy, load_scenario, with_policy
from core.simulate import simulate
from tests.conftest import ROOT, SAMPLES
from tests.e2e.test_browser import no_exception, settle

ARTIFACTS = ROOT / "test-artifacts" / "exports"
FITS = """() => {
  const box = e => e.getBoundingClientRect();
  const inside = (a, b) => a.left >= b.left - 1 && a.right <= b.right + 1
                        && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
  const apart = (a, b) => a.right <= b.left || b.right <= a.left
                       || a.bottom <= b.top || b.bottom <= a.top;
  const bad = [];
  document.querySelectorAll('.js-plotly-plot').forEach((plot, i) => {
    const frame = box(plot.querySelector('.main-svg'));
    const labels = plot.querySelectorAll(
      '.xtick text, .ytick text, .g-xtitle text, .g-ytitle text, .gtitle, .legend');
    labels.forEach(l => {
      if (!inside(box(l), frame)) bad.push(`plot ${i}: ${l.textContent} clipped`);
    });
    const legend = plot.querySelector('.legend');
    if (legend) plot.querySelectorAll('.g-xtitle text, .g-ytitle text').forEach(t => {
      if (!apart(box(legend), box(t))) bad.push(`plot ${i}: legend over ${t.textContent}`);
    });
  });
  return bad;
}"""


@pytest.fixture(scope="module")
def report_files(tmp_path_factory) -> dict[str, Path]:
    hospital = load_scenario(SAMPLES / "university_hospital.json")
    ctx = RunContext(runs=60, seed=5)
    gag = Policy(no_work_posts=True, work_time_ban=True, platform_scope="all")
    results = [
        ("Huidig beleid van het ziekenhuis", simulate(hospital, ctx)),
        ("Voorstel met spreekverbod en werktijdverbod", simulate(with_policy(hospital, gag), ctx)),
    ]
    folder = tmp_path_factory.mktemp("reports")
    out = {}
    for lang in ("en", "nl"):
        out[lang] = folder / f"report_{lang}.html"
        out[lang].write_text(html_report(results, lang), encoding="utf-8")
    return out


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("size", [(1440, 900), (1920, 1080)])
def test_report_charts_have_room_for_labels_and_legend(browser: Browser, report_files, lang, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    try:
        page.goto(report_files[lang].as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg")
        assert page.evaluate(FITS) == []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        charts = page.locator(".js-plotly-plot")
        charts.first.scroll_into_view_if_needed()
        tag = f"{size[0]}x{size[1]}"
        page.screenshot(path=str(ARTIFACTS / f"html_report_{lang}_{tag}_charts.png"))
        charts.last.screenshot(path=str(ARTIFACTS / f"html_report_{lang}_{tag}_frontier.png"))
    finally:
        context.close()


def test_deck_and_pdf_of_the_recommended_proposal_download_and_open(page: Page, server: str):
    page.goto(f"{server}/Scenarios")
    page.locator('[data-testid="stPlotlyChart"] .main-svg').first.wait_for(timeout=120_000)
    settle(page)
    expect(
        page.get_by_text("The documents compare Recommended mix with Today's policy")
    ).to_be_visible()
    page.get_by_role("button", name="Prepare the documents").click()
    deck_button = page.get_by_role("button", name="Deck (PPTX)")
    deck_button.wait_for(timeout=240_000)
    no_exception(page)
    with page.expect_download() as caught:
        deck_button.click()
    deck = Presentation(io.BytesIO(Path(caught.value.path()).read_bytes()))
    titles = [s.shapes[0].text_frame.text for s in list(deck.slides)[1:]]
    assert titles[:4] == [
        "Summary", "The recommendation", "What changes over time", "Risk as a probability",
    ]  # fmt: skip
    assert all(s.notes_slide.notes_text_frame.text for s in deck.slides)
    with page.expect_download() as caught:
        page.get_by_role("button", name="Report (PDF)").click()
    pdf = PdfReader(io.BytesIO(Path(caught.value.path()).read_bytes()))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "University hospital: social media policy" in " ".join(text.split())
    assert "The decision" in text and "Scenarios compared" in text
