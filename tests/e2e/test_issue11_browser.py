"""Issue 11 in a real browser: edit the mapping and apply it; free text is never a group."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_browser import no_exception, settle, shot
from tests.survey_wave import export

ERROR_BOX = '[data-testid="stAlertContentError"]'


@pytest.fixture()
def wave_file(tmp_path):
    def write(fmt: str, n: int, seed: int):
        wave, data, name = export(fmt, n, seed)
        path = tmp_path / name
        path.write_bytes(data)
        return wave, path

    return write


def _upload(page: Page, server: str, path) -> None:
    page.goto(f"{server}/Climate_and_survey")
    settle(page)
    page.get_by_role("tab", name="Survey upload").click()
    page.locator('input[type="file"]').first.set_input_files(str(path))
    settle(page)
    no_exception(page)


def _items(page: Page, construct: str) -> tuple[str, str]:
    """(mean, items) of a construct in the reliability table."""
    row = page.locator('[data-testid="stTable"] tr', has_text=construct).first
    row.locator("td").first.wait_for(timeout=60_000)  # drawn after the run settles under load
    cells = row.locator("td").all_inner_texts()
    return cells[0].strip(), cells[-2].strip()


def test_edit_the_mapping_apply_it_and_see_the_climate_change(page: Page, server, wave_file):
    _, path = wave_file("qualtrics", 160, 21)
    _upload(page, server, path)
    expect(page.get_by_text(re.compile("Detected .*Qualtrics"))).to_be_visible()
    mean_before, items_before = _items(page, "Satisfaction")
    assert items_before == "3"
    # first row of the editor is the first question (a satisfaction item): clear its target
    editor = page.locator('[data-testid="stDataFrame"]').filter(has_text="").nth(1)
    editor.scroll_into_view_if_needed()
    page.wait_for_timeout(500)  # the grid is a canvas: let it finish scrolling and drawing
    box = editor.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 40, box["y"] + 35 + 18)  # row 1, column 1
    page.wait_for_timeout(300)  # the click gives the grid focus before the keys
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # the target column
    page.keyboard.press("Delete")  # an empty cell: this question is unmapped
    page.wait_for_timeout(800)
    settle(page)
    page.get_by_role("button", name="Apply the mapping").click()
    settle(page)
    no_exception(page)
    expect(page.locator(ERROR_BOX)).to_have_count(0)
    mean_after, items_after = _items(page, "Satisfaction")
    assert items_after == "2" and mean_after != mean_before
    shot(page, "issue11_mapping_applied")
    page.get_by_role("button", name="Undo the last change").click()
    settle(page)
    no_exception(page)
    assert _items(page, "Satisfaction") == (mean_before, "3")


def test_free_text_is_not_offered_as_a_group(page: Page, server, wave_file):
    wave, path = wave_file("google_forms", 150, 22)
    _upload(page, server, path)
    expect(page.get_by_text(re.compile("Detected .*Google Forms"))).to_be_visible()
    group_by = page.get_by_label("Group by")
    group_by.scroll_into_view_if_needed()
    group_by.click()
    options = page.get_by_role("option").all_inner_texts()
    page.keyboard.press("Escape")
    assert wave.department in options
    assert wave.free_text not in options
    assert not any(q in options for q in wave.identifying)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot(page, "issue11_groups")
