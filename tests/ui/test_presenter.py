"""Presenter mode with AppTest: six screens, next and previous clamp at the ends, a what-if."""

from __future__ import annotations

import re

import pytest

from core.i18n import translate
from tests.ui.test_pages import app
from tests.ui.visible_text import page_texts, problems
from ui.presenter_view import SCREENS

TITLES = {
    "answer": "presenter.screen.answer",
    "compare": "presenter.screen.compare",
    "changes": "presenter.screen.changes",
    "moves": "presenter.screen.moves",
    "risk": "presenter.screen.risk",
    "whatif": "presenter.screen.whatif",
}


def _button(at, key: str):
    return next(b for b in at.button if b.key == key)


def _screen(at, lang: str) -> str:
    """Which screen is on show, read from its title ('What changes (5)' for any count)."""
    title = at.title[0].value
    for name, key in TITLES.items():
        pattern = re.escape(translate(key, lang, n="{n}")).replace(r"\{n\}", r"\d+")
        if re.fullmatch(pattern, title):
            return name
    raise AssertionError(f"unknown screen title {title!r}")


def _counter(at) -> str:
    return next(m.value for m in at.markdown if 'class="pres-counter"' in m.value)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_next_and_previous_walk_every_screen_and_clamp(lang):
    at = app("pages/7_Presenter.py", lang)
    assert not at.exception and not at.error
    seen = [_screen(at, lang)]
    assert _button(at, "presenter-previous").disabled
    for i in range(2, len(SCREENS) + 1):
        _button(at, "presenter-next").click().run()
        assert not at.exception, [e.value for e in at.exception]
        assert not at.error, [e.value for e in at.error]
        seen.append(_screen(at, lang))
        assert translate("presenter.counter", lang, i=i, n=len(SCREENS)) in _counter(at)
        assert problems(list(page_texts(at, lang)), lang) == [], seen[-1]
    assert seen == list(SCREENS)
    assert _button(at, "presenter-next").disabled  # the last screen: next is off
    at.session_state["presenter_screen"] = len(SCREENS) + 3  # a stale index is clamped
    at.run()
    assert _screen(at, lang) == SCREENS[-1]
    for expected in reversed(SCREENS[:-1]):
        _button(at, "presenter-previous").click().run()
        assert _screen(at, lang) == expected
    assert _button(at, "presenter-previous").disabled
    assert at.session_state["presenter_screen"] == 0


def test_compare_screen_shows_today_and_recommended_figures():
    at = app("pages/7_Presenter.py")
    _button(at, "presenter-next").click().run()
    grid = next(m.value for m in at.markdown if 'class="pres-grid"' in m.value)
    for key in ("answer.today", "answer.recommended", "answer.figure.reach"):
        assert translate(key, "en") in grid
    assert grid.count('class="pres-num today"') == 4 and grid.count('class="pres-num rec"') == 4


def test_a_name_with_markup_is_shown_as_text():
    at = app("pages/1_Organisation.py")
    at.text_input(key="org.name").set_value("<b>Acme</b> & *Co*").run()
    at.switch_page("pages/7_Presenter.py").run()
    assert not at.exception
    page = " ".join(m.value for m in at.markdown)
    assert "&lt;b&gt;Acme&lt;/b&gt; &amp; *Co*" in page and "<b>Acme</b>" not in page


def _grid(at) -> str:
    return next(m.value for m in at.markdown if 'class="pres-grid"' in m.value)


def test_what_if_leaves_a_change_out_without_touching_the_mix():
    """Switching a recommended change off shows other figures; the user's mix stays as it was."""
    at = app("pages/7_Presenter.py")
    at.session_state["presenter_screen"] = SCREENS.index("whatif")
    at.run()
    assert not at.exception and _screen(at, "en") == "whatif"
    switches = [w for w in at.toggle if str(w.key).startswith("presenter_keep.")]
    assert 1 <= len(switches) <= 5 and all(w.value for w in switches)
    mix = at.session_state["mix"]
    recommended = _grid(at)
    assert translate("presenter.whatif_column", "en") in recommended
    switches[0].set_value(False).run()
    assert not at.exception, [e.value for e in at.exception]
    without = _grid(at)
    assert without != recommended  # the figures moved
    assert at.session_state["mix"] == mix
    assert problems(list(page_texts(at, "en")), "en") == []
