"""A hostile upload in one browser session while a second session keeps working."""

from __future__ import annotations

import urllib.request

import pytest
from playwright.sync_api import expect

from tests import hostile
from tests.e2e.test_browser import no_exception, settle

CASES = {
    "crash.sav": "damaged",  # refused from its header: the native reader would segfault
    "malformed.xlsx": "damaged",  # read in the child: the XML parser fails there
    "zip_bomb.xlsx": "refused for safety",
    "huge_cases.sav": "rows",
}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile_upload")
    paths = {}
    for name in CASES:
        make = hostile.SURVEYS[name]
        paths[name] = folder / name
        paths[name].write_bytes(make())
    return paths


def _healthy(server: str) -> bool:
    with urllib.request.urlopen(f"{server}/_stcore/health", timeout=5) as response:
        return response.read().strip() == b"ok"


def test_hostile_uploads_leave_the_server_and_other_sessions_working(
    browser, server: str, files
) -> None:
    attacker = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-GB")
    colleague = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-GB")
    a, b = attacker.new_page(), colleague.new_page()
    for tab in (a, b):
        tab.set_default_timeout(60_000)
    try:
        b.goto(f"{server}/Organisation")
        settle(b)
        a.goto(f"{server}/Climate_and_survey")
        settle(a)
        a.get_by_role("tab", name="Survey upload").click()
        for number, (name, fragment) in enumerate(CASES.items()):
            a.locator('input[type="file"]').first.set_input_files(str(files[name]))
            # meanwhile the colleague edits the organisation
            field = b.get_by_role("spinbutton", name="Employees")
            field.fill(str(1000 + number))
            field.press("Enter")
            settle(a)
            settle(b)
            no_exception(a)
            no_exception(b)
            error = a.locator('[data-testid="stAlertContentError"]').first
            expect(error).to_contain_text(fragment, timeout=30_000)
            expect(a.get_by_text("Traceback")).to_have_count(0)
            assert _healthy(server)
        expect(b.get_by_role("spinbutton", name="Employees")).to_have_value("1003")
        b.locator('[data-testid="stSidebar"] a', has_text="Home").first.click()
        settle(b)
        no_exception(b)
        expect(b.get_by_text("People reached a month").first).to_be_visible()
    finally:
        attacker.close()
        colleague.close()
