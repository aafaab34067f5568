"""A real Streamlit server and a real headless Chromium for end-to-end tests."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.serve import ROOT, serre_server

# A loaded 2-core machine (CI, or tests beside other work) renders slowly: assertions
# wait up to 30 s for what a person would eventually see, instead of Playwright's 5 s.
expect.set_options(timeout=30_000)

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """One server for the run, storing workspaces in a fresh folder (never a user's data)."""
    with serre_server(tmp_path_factory.mktemp("e2e-workspaces")) as (url, _):
        yield url


@pytest.fixture()
def page(browser, server):  # noqa: ARG001 - `server` is requested to start it
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    yield tab
    context.close()
