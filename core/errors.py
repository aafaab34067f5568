"""One error type per layer, all carrying a translatable message.

The CLI and the pages catch :class:`SerreError` and show ``message(lang)``:
users never see a traceback.
"""

from __future__ import annotations

from core.i18n import translate


class SerreError(Exception):
    """Base for every error a user may cause; knows its message in NL and EN."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """The error as one plain sentence in the given language."""
        return translate(self.key, lang, **self.params)


class ScenarioError(SerreError):
    """A scenario file or edit that does not validate."""

    def __init__(
        self,
        key: str,
        /,
        problems: list[tuple[str, dict[str, object]]] | None = None,
        **params: object,
    ) -> None:
        self.problems = problems or []
        super().__init__(key, **params)

    def problem_lines(self, lang: str = "en") -> list[str]:
        """Each invalid field as its own sentence (field, what is allowed, what came)."""
        return [translate(key, lang, **params) for key, params in self.problems]

    def message(self, lang: str = "en") -> str:
        head = translate(self.key, lang, **self.params)
        lines = self.problem_lines(lang)
        return head if not lines else head + " " + "; ".join(lines)


class ParameterError(SerreError):
    """A broken parameter file: names the file and key (a developer error)."""
