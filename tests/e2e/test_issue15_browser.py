"""In a real browser: language round trips, inert share links, neutralised table downloads."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path
from typing import ClassVar

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from core.scenario import load_scenario, with_overrides
from core.share import pack
from tests.e2e.conftest import ROOT
from tests.e2e.test_browser import no_exception, settle

SAMPLE = ROOT / "sample_data" / "surveys" / "serre_example_qualtrics_en.csv"
PATHS = [
    ("", "Social media policy for University hospital"),
    ("Organisation", "Organisation"),
    ("Climate_and_survey", "Climate and survey"),
    ("Policy_mix", "Policy mix"),
    ("Simulation", "Simulation"),
    ("Scenarios", "Scenarios"),
    ("Method_and_sources", "Method and sources"),
]


def sidebar_click(page: Page, text: str) -> None:
    page.locator('[data-testid="stSidebar"]').get_by_text(text, exact=True).click()
    settle(page)


@pytest.mark.parametrize(("path", "title"), PATHS)
def test_language_round_trip_on_every_page(page: Page, server: str, path: str, title: str):
    page.goto(f"{server}/{path}")
    settle(page)
    expect(page.locator("h1", has_text=title).first).to_be_visible()
    sidebar_click(page, "Nederlands")
    no_exception(page)
    expect(page.locator('[data-testid="stSidebar"] a', has_text="Beleidsmix")).to_be_visible()
    sidebar_click(page, "English")
    no_exception(page)
    expect(page.locator('[data-testid="stSidebar"] a', has_text="Policy mix")).to_be_visible()
    expect(page.locator("h1", has_text=title).first).to_be_visible()
    expect(page.get_by_text("University hospital").first).to_be_visible()  # the example kept


def test_presenter_language_round_trip(page: Page, server: str):
    """The presenter hides the sidebar: switch elsewhere, then open it in each language."""
    page.goto(f"{server}/Simulation")
    settle(page)
    for language, title in (("Nederlands", "Ons advies"), ("English", "Our advice")):
        sidebar_click(page, language)
        page.locator('[data-testid="stSidebar"] a').last.click()
        settle(page)
        no_exception(page)
        expect(page.locator("h1", has_text=title)).to_be_visible()
        page.locator("a", has_text="Leave" if language == "English" else "Verlaten").first.click()
        settle(page)


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/gif")
        self.end_headers()
        self.wfile.write(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")

    def log_message(self, *args) -> None:  # noqa: ARG002 - silences BaseHTTPRequestHandler
        return


@pytest.fixture()
def image_host():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Recorder.hits = []
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_share_link_with_a_markdown_image_fetches_nothing(page: Page, server, image_host):
    # the recorder works: a real image tag on a blank page does reach it
    page.set_content(f"<img src='http://{image_host}/control.gif'>")
    page.wait_for_timeout(500)
    assert _Recorder.hits == ["/control.gif"]
    _Recorder.hits = []

    name = f"![](http://{image_host}/pixel) <img src=http://{image_host}/tag> $x$"
    scenario = with_overrides(load_scenario(ROOT / "sample_data/scenarios/retail_bank.json"), {})
    token = pack(with_overrides(scenario, {"name": name}))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{server}/?s={token}")
    settle(page)
    no_exception(page)
    for path in ("Simulation", "Scenarios"):
        page.locator('[data-testid="stSidebar"] a', has_text=path).first.click()
        settle(page)
        no_exception(page)
    page.wait_for_timeout(1000)
    assert not [u for u in requests if image_host in u]
    assert _Recorder.hits == []
    # the name reads as typed
    expect(page.get_by_text(f"![](http://{image_host}/pixel)").first).to_be_visible()


def _formula_survey() -> bytes:
    frame = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False, header=None)
    department = next(i for i in frame.columns if "Department" in " ".join(frame[i][:3]))
    frame[department] = frame[department].replace(
        {"Sales": '=HYPERLINK("http://evil.example/x","Sales")', "IT": "+cmd|' /C calc'!A0"}
    )
    return frame.to_csv(index=False, header=False).encode()


def test_the_breakdown_download_is_neutralised(page: Page, server: str):
    page.goto(f"{server}/Climate_and_survey")
    settle(page)
    page.get_by_role("tab", name="Survey upload").click()
    page.locator('input[type="file"]').first.set_input_files(
        {"name": "formulas.csv", "mimeType": "text/csv", "buffer": _formula_survey()}
    )
    settle(page)
    no_exception(page)
    table = page.locator('[data-testid="stDataFrame"]').filter(has_text="HYPERLINK").first
    expect(table).to_be_visible()
    table.hover()
    page.wait_for_timeout(500)
    toolbar = page.locator('[data-testid="stElementToolbar"]')
    expect(toolbar.get_by_role("button", name="Download as CSV")).to_have_count(0)
    button = page.locator(".st-key-csv-breakdown button, [class*='csv-breakdown'] button")
    if not button.count():
        button = table.locator("xpath=following::*[@data-testid='stDownloadButton'][1]//button")
    with page.expect_download() as caught:
        button.first.click()
    text = Path(caught.value.path()).read_text(encoding="utf-8-sig")
    assert "HYPERLINK" in text and "calc" in text
    cells = [cell for line in text.splitlines() for cell in line.split(",")]
    assert not [c for c in cells if c.lstrip('"').startswith(("=", "+", "@"))]
    assert any(c.lstrip('"').startswith("'=HYPERLINK") for c in cells)
