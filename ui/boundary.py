"""One error boundary per page and per callback: no user ever sees a traceback.

Every page body runs inside ``with page("nav.x"):``, which calls the shared
bootstrap first. An input problem (:class:`SerreError`) is shown as its
translated message; anything unexpected is logged with its traceback under
a short reference and the user sees one translated sentence with that
reference. Streamlit's own control flow (``st.rerun``, ``st.stop``) derives
from ``BaseException`` and passes through untouched.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import streamlit as st

from core.boundary import log_unexpected
from core.errors import SerreError
from ui.i18n import lang, t

F = TypeVar("F", bound=Callable[..., Any])


def _message(exc: Exception, where: str) -> str:
    if isinstance(exc, SerreError):
        return exc.message(lang())
    return t("ui.unexpected", ref=log_unexpected(exc, where))


@contextmanager
def page(title_key: str) -> Iterator[None]:
    """Bootstrap the page, run its body, save the workspace; failures become one message."""
    from ui.bootstrap import bootstrap, persist

    try:
        try:
            bootstrap(title_key)
        except Exception as exc:  # no page without its bootstrap: say so and stop here
            st.error(_message(exc, title_key), icon=":material/error:")
            st.stop()
        yield
        _after_page()
    except Exception as exc:
        st.error(_message(exc, title_key), icon=":material/error:")
    finally:
        persist()  # what the page body changed (also when it stopped or reran early)


def _after_page() -> None:
    """Once the page is drawn: start the work the next page will likely need."""
    from ui.compute import prefetch_recommendation

    prefetch_recommendation()


def guarded(callback: F) -> F:
    """A widget callback whose failures are reported at the top of the page instead."""

    @functools.wraps(callback)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except Exception as exc:
            st.session_state.setdefault("errors", []).append(
                _message(exc, f"callback {callback.__name__}")
            )
            return None

    return wrapper  # type: ignore[return-value]
