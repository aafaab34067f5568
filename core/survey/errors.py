"""The survey layer's one error type: a translated message naming the problem."""

from __future__ import annotations

from core.errors import SerreError


class SurveyError(SerreError):
    """An upload Serre cannot use: empty, not a survey, too large, malformed."""
