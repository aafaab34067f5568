"""The scenario file (schema version 1): organisation, climate and policy.

A scenario is what users save, share and load. Everything is validated at
the edge with pydantic; problems become a :class:`ScenarioError` whose
message names each field and what is allowed, in Dutch or English.
Scenarios are "baseline + overrides": :func:`with_overrides` applies dotted
changes and validates the result again.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    create_model,
    field_validator,
    model_validator,
)

from core.errors import ScenarioError
from core.levers import LEVER_VALUES as LEVER_VALUES
from core.levers import LEVERS, Lever

SCHEMA_VERSION = 1
MAX_FILE_BYTES = 1_000_000
MAX_JSON_DEPTH = 32  # a scenario nests 4 deep; deeper is an attack or a mistake
MAX_NUMBER_CHARS = 40  # longer numbers are never meaningful in a scenario

Sector = Literal[
    "healthcare",
    "finance",
    "public_safety",
    "education",
    "media",
    "retail",
    "technology",
    "manufacturing",
    "public_administration",
    "nonprofit",
    "other",
]
SECTORS: tuple[str, ...] = get_args(Sector)
PLATFORMS: tuple[str, ...] = ("linkedin", "facebook", "instagram", "tiktok", "x")
CONSTRUCTS: tuple[str, ...] = (
    "satisfaction",
    "identification",
    "voice",
    "trust",
    "always_on",
    "social_media_skill",
)
DEFAULT_SD = 0.9

Share = Annotated[float, Field(ge=0.0, le=1.0)]

_STRICT = ConfigDict(extra="forbid", strict=True, validate_assignment=False)


class Platforms(BaseModel):
    """Share of employees active on each platform."""

    model_config = _STRICT
    linkedin: Share = 0.5
    facebook: Share = 0.7
    instagram: Share = 0.5
    tiktok: Share = 0.2
    x: Share = 0.1


class Organisation(BaseModel):
    """Traits of the organisation that shape exposure and reach."""

    model_config = _STRICT
    sector: Sector = "other"
    employees: int = Field(default=500, ge=1, le=1_000_000)
    sensitive_access_share: Share = 0.3
    public_scrutiny: Share = 0.5
    recruitment_pressure: Share = 0.5
    open_vacancies: int = Field(default=10, ge=0, le=100_000)
    heavy_user_share: Share = 0.2
    platforms: Platforms = Field(default_factory=Platforms)
    work_chat_groups: Share = 0.5


class Construct(BaseModel):
    """A climate construct on a 1..5 scale: mean and spread across employees."""

    model_config = _STRICT
    mean: float = Field(default=3.0, ge=1.0, le=5.0)
    sd: float = Field(default=DEFAULT_SD, ge=0.0, le=2.0)

    @model_validator(mode="before")
    @classmethod
    def _bare_number_is_mean(cls, data: Any) -> Any:
        if isinstance(data, int | float) and not isinstance(data, bool):
            return {"mean": float(data)}
        return data


class Climate(BaseModel):
    """The six constructs of brief section 3 (scale 1 to 5)."""

    model_config = _STRICT
    satisfaction: Construct = Field(default_factory=Construct)
    identification: Construct = Field(default_factory=Construct)
    voice: Construct = Field(default_factory=Construct)
    trust: Construct = Field(default_factory=Construct)
    always_on: Construct = Field(default_factory=Construct)
    social_media_skill: Construct = Field(default_factory=Construct)


def _lever_field(lever: Lever) -> tuple[Any, Any]:
    annotation: Any = bool if lever.is_bool else Literal[lever.values]
    return annotation, lever.default


# The policy levers, built from the lever registry; the defaults are "no policy at all".
# The generated base is typed Any, so type checkers accept every lever as an attribute.
_PolicyFields: Any = create_model(  # type: ignore[call-overload]
    "PolicyFields",
    __config__=_STRICT,
    **{lever.name: _lever_field(lever) for lever in LEVERS},
)


class Policy(_PolicyFields):
    """The policy levers (see core.levers); the defaults are 'no policy at all'."""


class Names(BaseModel):
    """A text in both languages (built-in examples carry their names this way)."""

    model_config = _STRICT
    en: str = Field(min_length=1, max_length=2000)
    nl: str = Field(min_length=1, max_length=2000)


class Scenario(BaseModel):
    """One scenario document: the stable contract of brief section 4.

    ``names`` and ``descriptions`` are optional translations of ``name`` and
    ``description``; files without them load as before. A translation is
    shown only while the text is still one of them (a renamed scenario keeps
    the user's own words in every language).
    """

    model_config = _STRICT
    schema_version: int = SCHEMA_VERSION
    name: str = Field(default="Scenario", min_length=1, max_length=120)
    description: str = Field(default="", max_length=2000)
    names: Names | None = None
    descriptions: Names | None = None
    organisation: Organisation = Field(default_factory=Organisation)
    climate: Climate = Field(default_factory=Climate)
    policy: Policy = Field(default_factory=Policy)
    seed: int | None = Field(default=None, ge=0, le=2**63 - 1)

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            raise ValueError(f"schema_version {value} is not supported")
        return value

    def title(self, lang: str) -> str:
        """The name in ``lang``: its translation while the name is untouched, else as typed."""
        return _translated(self.name, self.names, lang)

    def organisation_name(self, lang: str) -> str:
        """The organisation as documents name it: the title before its first comma.

        Sample names read "University hospital, today": the part after the comma
        names the scenario, not the organisation.
        """
        title = self.title(lang)
        return title.split(",")[0].strip() or title

    def summary_text(self, lang: str) -> str:
        """The description in ``lang`` (same rule as :meth:`title`)."""
        return _translated(self.description, self.descriptions, lang)


def _translated(text: str, names: Names | None, lang: str) -> str:
    if names is None or text not in (names.en, names.nl):
        return text
    return names.nl if lang.split("-")[0].lower() == "nl" else names.en


def _field_name(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc if not str(part).startswith("function-"))


def _problem(err: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """Turn one pydantic error into a catalogue key and its parameters."""
    field = _field_name(tuple(p for p in err["loc"] if p not in ("constrained-float",)))
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    shown = json.dumps(value, ensure_ascii=False) if _jsonable(value) else repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    params: dict[str, Any] = {"field": field, "value": shown}
    if field == "schema_version" and kind == "value_error":
        return "problem.schema_version", {**params, "expected": SCHEMA_VERSION}
    if kind in ("greater_than_equal", "greater_than"):
        return "problem.too_small", {**params, "limit": ctx.get("ge", ctx.get("gt"))}
    if kind in ("less_than_equal", "less_than"):
        return "problem.too_large", {**params, "limit": ctx.get("le", ctx.get("lt"))}
    if kind == "literal_error":
        allowed = str(ctx.get("expected", "")).replace(" or ", ", ")
        return "problem.choice", {**params, "allowed": allowed}
    if kind == "missing":
        return "problem.missing", params
    if kind == "extra_forbidden":
        return "problem.unknown_field", params
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "problem.integer", params
    if kind in ("float_type", "float_parsing", "finite_number"):
        return "problem.number", params
    if kind in ("bool_type", "bool_parsing"):
        return "problem.boolean", params
    if kind in ("string_type", "string_too_short", "string_too_long"):
        return "problem.text", {**params, "max": ctx.get("max_length", 120)}
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "problem.object", params
    return "problem.other", {**params, "detail": err.get("msg", kind)}


def _jsonable(value: Any) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def validate_scenario(data: Any) -> Scenario:
    """Validate a parsed JSON document into a :class:`Scenario`."""
    if not isinstance(data, dict):
        raise ScenarioError("error.scenario_not_object")
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(
            "error.scenario_invalid", problems=[_problem(e) for e in exc.errors()]
        ) from exc


def parse_scenario(text: str | bytes) -> Scenario:
    """Parse and validate the text of a scenario file."""
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise ScenarioError("error.scenario_too_large", limit=MAX_FILE_BYTES // 1000)
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ScenarioError("error.scenario_not_text") from exc
    if len(text) > MAX_FILE_BYTES:
        raise ScenarioError("error.scenario_too_large", limit=MAX_FILE_BYTES // 1000)
    if not text.strip():
        raise ScenarioError("error.scenario_empty")
    check_json_shape(text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ScenarioError(
            "error.scenario_json", line=exc.lineno, column=exc.colno, detail=exc.msg
        ) from exc
    except (RecursionError, ValueError) as exc:  # belt and braces behind the checks above
        raise ScenarioError("error.scenario_shape", depth=MAX_JSON_DEPTH) from exc
    return validate_scenario(data)


def check_json_shape(text: str) -> None:
    """Refuse JSON nested deeper than files ever are, or with absurdly long numbers.

    Runs before ``json.loads`` (which would recurse or convert huge integers),
    outside string literals, in one linear pass.
    """
    depth, in_string, escaped, start = 0, False, False, None
    for i, ch in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch.isdigit() or (ch in "-+.eE" and start is not None):
            start = i if start is None else start
            if i - start >= MAX_NUMBER_CHARS:
                raise ScenarioError("error.scenario_number", limit=MAX_NUMBER_CHARS)
            continue
        start = None
        if ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                raise ScenarioError("error.scenario_shape", depth=MAX_JSON_DEPTH)
        elif ch in "]}":
            depth -= 1


def load_scenario(path: str | Path) -> Scenario:
    """Read a scenario file; every failure is a :class:`ScenarioError`."""
    from core.errors import SerreError
    from core.files import read_limited

    try:
        raw = read_limited(path, MAX_FILE_BYTES)
    except SerreError as exc:
        if exc.key == "error.file_too_large":
            raise ScenarioError("error.scenario_too_large", limit=MAX_FILE_BYTES // 1000) from exc
        raise ScenarioError(exc.key, None, **exc.params) from exc  # no per-field problems
    return parse_scenario(raw)


def dump_scenario(scenario: Scenario) -> str:
    """The scenario as pretty JSON; ``parse_scenario`` reads it back losslessly."""
    return scenario.model_dump_json(indent=2)


def with_overrides(scenario: Scenario, overrides: Mapping[str, Any]) -> Scenario:
    """Baseline + overrides: apply dotted-path changes, then validate it all.

    ``{"policy.share_permission": True, "climate.voice.mean": 3.4}``
    """
    data = scenario.model_dump(mode="json")
    for path, value in overrides.items():
        node: Any = data
        parts = path.split(".")
        for part in parts[:-1]:
            if not isinstance(node, dict) or part not in node:
                raise ScenarioError("error.override_path", path=path)
            node = node[part]
        if not isinstance(node, dict) or parts[-1] not in node:
            raise ScenarioError("error.override_path", path=path)
        node[parts[-1]] = value
    return validate_scenario(data)


def with_policy(scenario: Scenario, policy: Policy | Mapping[str, Any]) -> Scenario:
    """The same organisation and climate under another policy mix."""
    values = policy.model_dump() if isinstance(policy, Policy) else dict(policy)
    return with_overrides(scenario, {f"policy.{k}": v for k, v in values.items()})


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the scenario file."""
    schema = Scenario.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Serre scenario (schema_version 1)"
    return schema
