"""One run context for the engine: parameters, population source, seed, sample size, runs.

The model owns its parameters and randomness (the Mesa / PolicyEngine /
covasim pattern): ``simulate``, ``recommend``, the tornado, persona effects
and calibration all take one frozen :class:`RunContext` instead of loose
arguments, so a default is written once and a cache can key on the context.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import numpy as np

from core.parameters import ParameterSet, default_parameters
from core.population import Population, population_from_scores, synthetic_population

DEFAULT_RUNS = 1000
DEFAULT_SEED = 20231
MAX_RUNS = 20_000
SAMPLE_EMPLOYEES = 2000  # the sample the search, the tornado and persona effects simulate


def streams(seed: int) -> list[np.random.SeedSequence]:
    """Population, parameters, behaviour and counts: four independent streams."""
    return np.random.SeedSequence(seed).spawn(4)


def population_rng(seed: int) -> np.random.Generator:
    """The generator the engine uses for the population of this seed."""
    return np.random.default_rng(streams(seed)[0])


class PopulationSource(Protocol):
    """Where employees come from; ``key`` identifies the source in caches."""

    @property
    def key(self) -> str: ...

    def build(
        self, scenario: Any, params: ParameterSet, rng: np.random.Generator, n: int | None
    ) -> Population: ...


@dataclass(frozen=True)
class SyntheticSource:
    """Employees drawn from the scenario's climate block."""

    key: str = "synthetic"

    def build(
        self, scenario: Any, params: ParameterSet, rng: np.random.Generator, n: int | None
    ) -> Population:
        return synthetic_population(scenario.organisation, scenario.climate, params, rng, n)


@dataclass(frozen=True, eq=False)
class SurveySource:
    """Employees resampled from survey respondents (scores on 1..5, CONSTRUCTS order)."""

    scores: np.ndarray
    heavy: np.ndarray | None = None
    group: np.ndarray | None = None
    group_names: tuple[str, ...] = ()
    key: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            digest = hashlib.sha256(np.ascontiguousarray(self.scores, dtype=float).tobytes())
            if self.heavy is not None:
                digest.update(np.asarray(self.heavy, dtype=bool).tobytes())
            if self.group is not None:
                digest.update(np.asarray(self.group, dtype=np.int64).tobytes())
                digest.update("|".join(self.group_names).encode())
            object.__setattr__(self, "key", "survey:" + digest.hexdigest()[:16])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SurveySource) and other.key == self.key

    def __hash__(self) -> int:
        return hash(self.key)

    def build(
        self, scenario: Any, params: ParameterSet, rng: np.random.Generator, n: int | None
    ) -> Population:
        return population_from_scores(
            scenario.organisation,
            scenario.climate,
            self.scores,
            params,
            rng,
            n,
            heavy=self.heavy,
            group=self.group,
            group_names=self.group_names,
        )


@dataclass(frozen=True, eq=False)
class FixedPopulation:
    """An already built population, reused across candidates (one search, one tornado)."""

    population: Population
    key: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", f"fixed:{id(self.population)}")

    def build(
        self,
        scenario: Any,  # noqa: ARG002 - the PopulationSource protocol's arguments:
        params: ParameterSet,  # noqa: ARG002 - a fixed population needs none of them
        rng: np.random.Generator,  # noqa: ARG002
        n: int | None,  # noqa: ARG002
    ) -> Population:
        return self.population


@dataclass(frozen=True)
class RunContext:
    """Everything but the scenario that decides a simulation's numbers."""

    params: ParameterSet = field(default_factory=default_parameters)
    source: PopulationSource = field(default_factory=SyntheticSource)
    seed: int = DEFAULT_SEED
    employees: int | None = None  # simulated sample; None: the headcount (capped)
    runs: int = DEFAULT_RUNS
    uncertainty: bool = True

    def __post_init__(self) -> None:
        if not 1 <= self.runs <= MAX_RUNS:
            raise ValueError(f"runs must be between 1 and {MAX_RUNS}")

    @classmethod
    def for_scenario(cls, scenario: Any, **changes: Any) -> RunContext:
        """The default context, with the scenario's own seed when it has one."""
        if scenario.seed is not None and "seed" not in changes:
            changes["seed"] = scenario.seed
        return cls(**changes)

    def with_(self, **changes: Any) -> RunContext:
        return replace(self, **changes)

    def population(self, scenario: Any) -> Population:
        """The employees of this context for the scenario (same seed, same people)."""
        return self.source.build(scenario, self.params, population_rng(self.seed), self.employees)

    def sample(self, scenario: Any, runs: int | None = None) -> RunContext:
        """This context on a fixed sample of ``SAMPLE_EMPLOYEES``, built once for reuse."""
        size = min(SAMPLE_EMPLOYEES, scenario.organisation.employees)
        sized = self.with_(employees=size)
        return sized.with_(
            source=FixedPopulation(sized.population(scenario)), runs=runs or self.runs
        )

    def cache_key(self) -> tuple[Any, ...]:
        return (
            self.params.fingerprint(),
            self.source.key,
            self.seed,
            self.employees,
            self.runs,
            self.uncertainty,
        )
