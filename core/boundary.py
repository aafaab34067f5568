"""The last line of defence: an unexpected exception becomes a short reference.

The full traceback goes to the server log (python ``logging``, logger
``serre``) under a reference a user can quote; the user sees one translated
sentence with that reference, never the traceback.
"""

from __future__ import annotations

import logging
import secrets

LOGGER = logging.getLogger("serre")


def new_reference() -> str:
    """A short reference to quote, e.g. ``E-7K2QF9``: unique enough to find one log entry."""
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    return "E-" + "".join(secrets.choice(alphabet) for _ in range(6))


def log_unexpected(exc: BaseException, where: str) -> str:
    """Log ``exc`` with its traceback; return the reference shown to the user."""
    reference = new_reference()
    LOGGER.error(
        "unexpected error %s in %s: %s", reference, where, type(exc).__name__, exc_info=exc
    )
    return reference


def log_text(reference: str, where: str, text: str) -> None:
    """Log a traceback received as text (from a child process) under ``reference``."""
    LOGGER.error("unexpected error %s in %s:\n%s", reference, where, text)
