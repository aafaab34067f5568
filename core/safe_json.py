"""Every JSON file Serre reads goes through the same limits as a scenario file.

Size, nesting depth and number length are checked before ``json.loads``
(which would recurse or convert a 5,000-digit integer) by the scenario
parser's own linear pass (:func:`core.scenario.check_json_shape`).
"""

from __future__ import annotations

from core.errors import ScenarioError, SerreError
from core.scenario import MAX_FILE_BYTES, MAX_JSON_DEPTH, MAX_NUMBER_CHARS, check_json_shape


def checked_json_text(raw: bytes | str, name: str, limit: int = MAX_FILE_BYTES) -> str:
    """The text of a JSON file that is safe to hand to ``json.loads``."""
    if len(raw) > limit:
        raise SerreError("error.json_too_large", path=name, limit=limit // 1000)
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SerreError("error.json_not_text", path=name) from exc
    try:
        check_json_shape(raw)
    except ScenarioError as exc:
        if exc.key == "error.scenario_number":
            raise SerreError("error.json_number", path=name, limit=MAX_NUMBER_CHARS) from exc
        raise SerreError("error.json_depth", path=name, depth=MAX_JSON_DEPTH) from exc
    return raw
