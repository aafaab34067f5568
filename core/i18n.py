"""Dutch and English catalogues shared by the core and the dashboard.

Catalogues are flat YAML files in ``core/locales`` (engine and dashboard); a key missing in one
language is a bug (a test checks both have every key). Lookups fall back to
English, then to the key itself, so a missing string never crashes a page.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from core.yaml_files import load_yaml

LANGUAGES: tuple[str, ...] = ("en", "nl")
DEFAULT_LANGUAGE = "en"
_LOCALE_DIR = Path(__file__).parent / "locales"


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The flat key -> text mapping of one language (``{lang}.yaml`` + ``ui.{lang}.yaml``)."""
    merged: dict[str, str] = {}
    for path in sorted(_LOCALE_DIR.glob(f"*{lang}.yaml")):
        with path.open(encoding="utf-8") as handle:
            data = load_yaml(handle) or {}
        merged |= {str(k): str(v) for k, v in data.items()}
    return merged


def normalise_language(lang: str | None) -> str:
    """Map 'nl-BE', 'NL', None and the like to a supported language code."""
    code = (lang or "").split("-")[0].split("_")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def translate(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: object) -> str:
    """The text for ``key`` in ``lang`` with ``{name}`` placeholders filled."""
    lang = normalise_language(lang)
    text = catalogue(lang).get(key) or catalogue(DEFAULT_LANGUAGE).get(key) or key
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text
