"""The pages' engine calls: shared results are computed once, ahead of need."""

from __future__ import annotations

import streamlit as st
from streamlit.testing.v1 import AppTest

import ui.compute
from tests.conftest import ROOT


def test_the_recommendation_is_searched_once_in_the_background_and_reused(monkeypatch):
    """Invariant: after Home is drawn the organisation's search runs ahead (once), and the
    Policy page then uses that result instead of searching again."""
    calls = []
    real = ui.compute.recommend

    def counting(*args, **kwargs):
        calls.append(args[0].name)
        return real(*args, **kwargs)

    ui.compute._prefetcher().submit(lambda: None).result(timeout=300)  # earlier tests' searches
    monkeypatch.setattr(ui.compute, "recommend", counting)
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert not at.exception
    pool = ui.compute._prefetcher()
    pool.submit(lambda: None).result(timeout=120)  # the single worker finished the search
    assert len(calls) == 1, "Home started the search in the background"
    at.switch_page("pages/3_Policy_mix.py").run()
    assert not at.exception and at.title
    assert len(calls) == 1, "the Policy page reused the background search"
    at.switch_page("pages/4_Simulation.py").run()
    assert len(calls) == 1, "nothing is searched twice for one organisation"


def test_a_queued_search_for_an_organisation_left_behind_is_cancelled():
    """Invariant: a session queues at most one search; moving on cancels the stale one."""
    import threading

    gate = threading.Event()
    pool = ui.compute._prefetcher()
    blocker = pool.submit(gate.wait, 60)  # the worker is busy: later searches stay queued
    second = None
    try:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
        first = at.session_state["prefetch_future"]
        assert not first.done()
        at.switch_page("pages/1_Organisation.py")
        at.session_state["scenario"] = at.session_state["scenario"].model_copy(
            update={"name": "Another organisation"}
        )
        at.run()
        second = at.session_state["prefetch_future"]
        assert second is not first and first.cancelled() and not second.cancelled()
    finally:
        if second is not None:
            second.cancel()  # no search needed after the test
        gate.set()
        blocker.result(timeout=60)
