"""Disclosure audit: what an attacker can compute by adding and subtracting shown numbers.

Every shown mean over a set of answers, times its count, is a sum an
attacker knows. Any linear combination of those sums is known too: overall
minus the visible groups, group A minus group B across two grouping columns,
a persona minus a department. A combination that adds up exactly the answers
of a set of people discloses that set's total. This module finds the
smallest such set, exactly, as a small mixed-integer program:

    minimise  sum(size_j * u_j)   over atoms j (people with identical membership)
    such that B^T y = u,  u in {0, 1},  sum(u) >= 1,  y real

where ``B`` holds which released set covers which atom. A release is safe
when that minimum is at least the confidentiality threshold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

_COEFFICIENT_BOUND = 1_000.0  # |y| never needs more for 0/1 sets of survey size


@dataclass(frozen=True)
class Finding:
    """The smallest set whose total the released sums give away."""

    size: int  # people in that set
    members: np.ndarray  # bool mask over respondents
    involved: tuple[int, ...]  # indices of the released sets the attacker combines


def atoms(sets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(membership pattern per atom as columns, atom index per respondent).

    ``sets`` is (released sets, respondents) bool; respondents in no set are
    never disclosed and get atom -1.
    """
    covered = sets.any(axis=0)
    patterns, inverse = np.unique(sets[:, covered].T, axis=0, return_inverse=True)
    index = np.full(sets.shape[1], -1)
    index[covered] = inverse.ravel()
    return patterns.T, index


def smallest_disclosed(sets: Sequence[np.ndarray]) -> Finding | None:
    """The smallest group of respondents whose total follows from sums over ``sets``.

    ``sets`` are bool masks over the same respondents (one per shown number).
    None when nothing is released.
    """
    if not len(sets):
        return None
    from scipy.optimize import Bounds, LinearConstraint, milp  # a quarter second: on first use

    matrix = np.asarray(sets, dtype=bool)
    if not matrix.any():
        return None
    pattern, index = atoms(matrix)
    n_sets, n_atoms = pattern.shape
    sizes = np.bincount(index[index >= 0], minlength=n_atoms).astype(float)
    cost = np.concatenate([np.zeros(n_sets), sizes])
    combine = np.hstack([pattern.T.astype(float), -np.eye(n_atoms)])
    constraints = [
        LinearConstraint(combine, 0.0, 0.0),
        LinearConstraint(np.concatenate([np.zeros(n_sets), np.ones(n_atoms)]), 1.0, np.inf),
    ]
    bounds = Bounds(
        np.concatenate([np.full(n_sets, -_COEFFICIENT_BOUND), np.zeros(n_atoms)]),
        np.concatenate([np.full(n_sets, _COEFFICIENT_BOUND), np.ones(n_atoms)]),
    )
    integrality = np.concatenate([np.zeros(n_sets), np.ones(n_atoms)])
    result = milp(cost, constraints=constraints, bounds=bounds, integrality=integrality)
    if result.x is None:  # cannot happen (each released set is itself a solution)
        raise RuntimeError(f"disclosure audit failed: {result.message}")
    chosen = np.round(result.x[n_sets:]).astype(bool)
    members = np.isin(index, np.flatnonzero(chosen))
    involved = tuple(int(i) for i in np.flatnonzero(np.abs(result.x[:n_sets]) > 1e-7))
    return Finding(int(members.sum()), members, involved)


def suppress_until_safe(
    fixed: Sequence[np.ndarray], candidates: Sequence[np.ndarray], threshold: int
) -> list[bool]:
    """Which ``candidates`` may be shown beside the ``fixed`` sets without disclosure.

    Candidates under the threshold never are; then, while some combination
    isolates fewer than ``threshold`` people, the smallest candidate it uses
    is hidden. ``fixed`` sets (already public) must be safe on their own.
    """
    shown = [int(c.sum()) >= threshold for c in candidates]
    while True:
        sets = list(fixed) + [c for c, s in zip(candidates, shown, strict=True) if s]
        finding = smallest_disclosed(sets)
        if finding is None or finding.size >= threshold:
            return shown
        visible = [i for i, s in enumerate(shown) if s]
        used = [visible[i - len(fixed)] for i in finding.involved if i >= len(fixed)]
        if not used:  # the fixed sets alone disclose: show nothing more
            return [False] * len(candidates)
        smallest = min(used, key=lambda i: (int(candidates[i].sum()), i))
        shown[smallest] = False
