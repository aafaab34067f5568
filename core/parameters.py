"""Behavioural parameters as data, after PolicyEngine and OpenFisca.

Every number the behaviour model uses lives in ``core/parameters/*.yaml``
with a bilingual label and description, a unit, a point value, a range for
Monte Carlo, and references (kept once in ``references.yaml``). The Method
page reads the same files. A broken file fails loudly, naming file and key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Literal

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from scipy.special import ndtr

from core.errors import ParameterError
from core.yaml_files import load_yaml

PARAMETER_DIR = Path(__file__).parent / "parameters"
REFERENCES_FILE = "references.yaml"
FAMILY_CORRELATION = 0.5  # between parameter draws of one mechanism family


class Reference(BaseModel):
    """A source behind a parameter (grade as in evidence.md)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    key: str
    title: str
    authors: str
    year: int
    grade: str
    link: str | None = None
    measures: str | None = None
    type: str | None = None

    def title_in(self, lang: str) -> str:
        """A publication keeps its title; Serre's own assumption is said in the reader's words."""
        if self.type == "assumption":
            from core.i18n import translate

            return translate("report.serre_assumption", lang)
        return self.title


class _Bilingual(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    en: str = Field(min_length=1)
    nl: str = Field(min_length=1)


Supports = Literal["magnitude", "direction", "analogy", "none"]
Grade = Literal["A", "B", "C"]
Distribution = Literal["triangular", "log_triangular"]


class _ParameterSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    label: _Bilingual
    description: _Bilingual
    unit: str = Field(min_length=1)
    value: float
    range: tuple[float, float]
    references: list[str] = Field(min_length=1)
    supports: Supports
    grade: Grade
    distribution: Distribution = "triangular"
    fixed_because: _Bilingual | None = None

    @model_validator(mode="after")
    def _weak_evidence_includes_zero(self) -> _ParameterSpec:
        """An effect the evidence does not size must allow for no effect."""
        low, high = self.range
        if low == high and self.fixed_because is None:
            raise ValueError("a parameter without a range must say why (fixed_because)")
        if self.distribution == "log_triangular" and low <= 0:
            raise ValueError("a log-triangular range must be positive")
        return self

    @model_validator(mode="after")
    def _value_inside_range(self) -> _ParameterSpec:
        low, high = self.range
        if not low <= self.value <= high:
            raise ValueError(f"value {self.value} is outside its range [{low}, {high}]")
        return self


class _FamilyFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    family: _Bilingual
    parameters: dict[str, _ParameterSpec] = Field(min_length=1)


@dataclass(frozen=True)
class Parameter:
    """One behavioural parameter with its evidence."""

    name: str
    family: str
    family_label: Mapping[str, str]
    label: Mapping[str, str]
    description: Mapping[str, str]
    unit: str
    value: float
    low: float
    high: float
    references: tuple[Reference, ...]
    source_file: str
    supports: str = "none"
    grade: str = "C"
    distribution: str = "triangular"
    fixed_because: Mapping[str, str] | None = None

    @property
    def uncertain(self) -> bool:
        """True when Monte Carlo varies this parameter."""
        return self.high > self.low


@dataclass(frozen=True)
class ParameterSet(Mapping[str, Parameter]):
    """All parameters, by name; immutable so results stay reproducible."""

    items_by_name: Mapping[str, Parameter] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Parameter:
        return self.items_by_name[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.items_by_name)

    def __len__(self) -> int:
        return len(self.items_by_name)

    def values_list(self) -> list[Parameter]:
        """Every parameter, in file order (for tables)."""
        return list(self.items_by_name.values())

    def point_values(self) -> dict[str, float]:
        """Point values by name."""
        return {name: p.value for name, p in self.items_by_name.items()}

    def with_values(self, overrides: Mapping[str, float]) -> ParameterSet:
        """A copy with some point values replaced (kept inside their range)."""
        unknown = sorted(set(overrides) - set(self.items_by_name))
        if unknown:
            raise ParameterError("error.parameter_unknown", names=", ".join(unknown))
        new = dict(self.items_by_name)
        for name, value in overrides.items():
            p = new[name]
            new[name] = replace(
                p, value=float(value), low=min(p.low, value), high=max(p.high, value)
            )
        return ParameterSet(new)

    def recentred(self, values: Mapping[str, float], bounds: tuple[float, float]) -> ParameterSet:
        """A copy with new point values, each range shifted to keep its widths.

        Used by calibration: the evidence's uncertainty travels with the
        calibrated value, clipped to ``bounds``.
        """
        new = dict(self.items_by_name)
        for name, value in values.items():
            p = new[name]
            low = max(bounds[0], value - (p.value - p.low))
            high = min(bounds[1], value + (p.high - p.value))
            new[name] = replace(p, value=float(value), low=min(low, value), high=max(high, value))
        return ParameterSet(new)

    def fingerprint(self) -> str:
        """A short digest of every value and range (a cache key for results)."""
        text = ";".join(
            f"{n}={p.value!r}:{p.low!r}:{p.high!r}" for n, p in sorted(self.items_by_name.items())
        )
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def fixed(self) -> ParameterSet:
        """A copy without uncertainty: every range collapsed to its value."""
        return ParameterSet(
            {n: replace(p, low=p.value, high=p.value) for n, p in self.items_by_name.items()}
        )

    def draw(self, rng: np.random.Generator, n_runs: int) -> dict[str, np.ndarray]:
        """One value per run for every parameter (triangular over its range).

        Parameters of one mechanism family move together (correlation
        ``FAMILY_CORRELATION`` between their quantiles, oriented so stronger
        effects go together): the evidence for a family is strong or weak as
        a whole. Draws happen in a fixed (sorted) order and count, whatever
        the scenario, so two scenarios with one seed share their draws.
        """
        families = sorted({p.family for p in self.items_by_name.values()})
        common = {f: rng.standard_normal(n_runs) for f in families}
        a, b = np.sqrt(FAMILY_CORRELATION), np.sqrt(1.0 - FAMILY_CORRELATION)
        out: dict[str, np.ndarray] = {}
        for name in sorted(self.items_by_name):
            p = self.items_by_name[name]
            z = a * common[p.family] + b * rng.standard_normal(n_runs)
            u = ndtr(-z if p.value < 0 else z)
            out[name] = _ppf(u, p)
        return out


def _ppf(u: np.ndarray, p: Parameter) -> np.ndarray:
    if p.distribution == "log_triangular" and p.high > p.low:
        logs = _triangular_ppf(u, np.log(p.low), np.log(p.value), np.log(p.high))
        return np.exp(logs)
    return _triangular_ppf(u, p.low, p.value, p.high)


def _triangular_ppf(u: np.ndarray, low: float, mode: float, high: float) -> np.ndarray:
    """Inverse CDF of the triangular distribution (constant when low == high)."""
    if high <= low:
        return np.full(u.shape, mode, dtype=float)
    cut = (mode - low) / (high - low)
    left = low + np.sqrt(u * (high - low) * (mode - low))
    right = high - np.sqrt((1.0 - u) * (high - low) * (high - mode))
    return np.where(u < cut, left, right)


EFFECT_UNITS = ("log-odds", "Cohen's d", "log multiplier", "pressure units")


def _check_weak_effect(file: str, name: str, spec: _ParameterSpec) -> None:
    """A C-graded effect (direction, analogy or assumption) must allow for no effect."""
    low, high = spec.range
    effect = spec.unit.startswith(EFFECT_UNITS) or name.endswith("_reduction")
    if spec.grade == "C" and effect and high > low and not low <= 0 <= high:
        raise ParameterError(
            "error.parameter_key",
            file=file,
            key=f"{name}.range",
            detail="a C-graded effect's range must include 0 (no effect)",
        )


def _read_yaml(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as handle:
            return load_yaml(handle)
    except (OSError, yaml.YAMLError) as exc:
        raise ParameterError("error.parameter_file", file=path.name, detail=str(exc)) from exc


def _first_problem(exc: ValidationError) -> tuple[str, str]:
    err = exc.errors()[0]
    return ".".join(str(x) for x in err["loc"]), err["msg"]


def load_parameters(directory: Path = PARAMETER_DIR) -> ParameterSet:
    """Read and validate every parameter file in ``directory``."""
    raw_refs = _read_yaml(directory / REFERENCES_FILE)
    if not isinstance(raw_refs, dict):
        raise ParameterError("error.parameter_file", file=REFERENCES_FILE, detail="not a mapping")
    references: dict[str, Reference] = {}
    for key, body in raw_refs.items():
        try:
            references[key] = Reference(key=key, **(body or {}))
        except (ValidationError, TypeError) as exc:
            loc, msg = _first_problem(exc) if isinstance(exc, ValidationError) else ("", str(exc))
            raise ParameterError(
                "error.parameter_key", file=REFERENCES_FILE, key=f"{key}.{loc}", detail=msg
            ) from exc

    params: dict[str, Parameter] = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name == REFERENCES_FILE:
            continue
        try:
            family = _FamilyFile.model_validate(_read_yaml(path))
        except ValidationError as exc:
            loc, msg = _first_problem(exc)
            raise ParameterError(
                "error.parameter_key", file=path.name, key=loc, detail=msg
            ) from exc
        for name, spec in family.parameters.items():
            if name in params:
                raise ParameterError(
                    "error.parameter_key", file=path.name, key=name, detail="defined twice"
                )
            missing = [r for r in spec.references if r not in references]
            if missing:
                raise ParameterError(
                    "error.parameter_key",
                    file=path.name,
                    key=f"{name}.references",
                    detail="unknown reference " + ", ".join(missing),
                )
            _check_weak_effect(path.name, name, spec)
            params[name] = Parameter(
                name=name,
                family=path.stem,
                family_label=family.family.model_dump(),
                label=spec.label.model_dump(),
                description=spec.description.model_dump(),
                unit=spec.unit,
                value=spec.value,
                low=spec.range[0],
                high=spec.range[1],
                references=tuple(references[r] for r in spec.references),
                source_file=path.name,
                supports=spec.supports,
                grade=spec.grade,
                distribution=spec.distribution,
                fixed_because=spec.fixed_because.model_dump() if spec.fixed_because else None,
            )
    return ParameterSet(params)


@cache
def default_parameters() -> ParameterSet:
    """The shipped parameters, loaded and validated once per process."""
    return load_parameters()
