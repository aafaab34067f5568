"""Reach: activity x network x the audience of a personal post, with repeats and overlap.

Impressions add up; people do not. A personal post is seen by a share of the
author's connections (Bernstein et al. 2013, not brand-page reach), some of
them more than once. Colleagues' networks overlap, so the distinct audience
an organisation can reach saturates with the number of active employees,
and repeated posts reach the same people again, so unique reach saturates
with impressions. Recruitment reach is the same for vacancy posts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from core.parameters import Parameter
from core.population import Population
from core.scenario import PLATFORMS

F32 = np.float32
LINKEDIN = PLATFORMS.index("linkedin")
OTHERS = [i for i, p in enumerate(PLATFORMS) if p != "linkedin"]
LARGE_ORGANISATION = 10_000  # LinkedIn Elevate's size split for click-through


@dataclass(frozen=True)
class Networks:
    """Employees' connections grouped into classes, so per-run weights act on classes.

    A class is (on LinkedIn, number of other platforms, heavy user): within a
    class, LinkedIn's share of an employee's work posts and the heavy-user
    multipliers are the same, so a run's weights apply to class sums and one
    matrix product per behaviour replaces per-employee arithmetic.
    """

    onehot: np.ndarray  # (N, C) float32 class membership
    order: np.ndarray  # (N,) employees sorted by class
    bounds: np.ndarray  # (C + 1,) where each class starts in ``order``
    per_platform: np.ndarray  # (N, P) connections per platform, in ``order``
    connections: np.ndarray  # (N, C) total connections, masked by class
    on_linkedin: np.ndarray  # (C,) 0/1
    other_count: np.ndarray  # (C,) other platforms
    heavy: np.ndarray  # (C,) 0/1


def networks(pop: Population) -> Networks:
    on = pop.on_platform.astype(F32)
    count = on[:, OTHERS].sum(axis=1)
    key = on[:, LINKEDIN] * 100 + count * 10 + pop.heavy
    classes, index = np.unique(key, return_inverse=True)
    onehot = (index[:, None] == np.arange(len(classes))[None, :]).astype(F32)
    per_platform = np.empty_like(pop.network, dtype=F32)
    per_platform[:, LINKEDIN] = pop.network[:, LINKEDIN]
    safe = np.where(count > 0, count, 1.0)
    per_platform[:, OTHERS] = pop.network[:, OTHERS] / safe[:, None]
    order = np.argsort(index, kind="stable")
    return Networks(
        onehot=onehot,
        order=order,
        bounds=np.searchsorted(index[order], np.arange(len(classes) + 1)),
        per_platform=np.ascontiguousarray(per_platform[order]),
        connections=(onehot * pop.network.sum(axis=1, keepdims=True)).astype(F32),
        on_linkedin=(classes // 100).astype(F32),
        other_count=((classes % 100) // 10).astype(F32),
        heavy=(classes % 10).astype(F32),
    )


def linkedin_allocation(net: Networks, weight: np.ndarray) -> np.ndarray:
    """(R, C) share of a class's work posts that go to LinkedIn."""
    w = np.asarray(weight, dtype=F32).reshape(-1, 1) * net.on_linkedin
    total = w + net.other_count
    return np.divide(w, total, out=np.zeros_like(w), where=total > 0)


def class_scale(net: Networks, heavy_factor: np.ndarray) -> np.ndarray:
    """(R, C) per-run multiplier for heavy-user classes (1 for light users)."""
    return 1.0 + (np.asarray(heavy_factor).reshape(-1, 1) - 1.0) * net.heavy


def class_exposure(indicator: np.ndarray, net: Networks) -> np.ndarray:
    """(R, C, P) connections of the employees marked in ``indicator``, by class and platform.

    Each employee is in one class, so this is a product per class over that
    class's employees only: C times less work than one product with an
    (N, C * P) matrix that is zero outside each employee's class.
    """
    marked = indicator[:, net.order].astype(F32)
    out = np.empty((indicator.shape[0], len(net.heavy), len(PLATFORMS)), dtype=F32)
    for c in range(len(net.heavy)):
        lo, hi = net.bounds[c], net.bounds[c + 1]
        out[:, c, :] = marked[:, lo:hi] @ net.per_platform[lo:hi]
    return out


def platform_exposure(
    by_class: np.ndarray, to_linkedin: np.ndarray, scale: np.ndarray
) -> np.ndarray:
    """(R, P) exposure: LinkedIn gets its share of posts, the rest is spread evenly."""
    weights = np.repeat((1.0 - to_linkedin)[:, :, None], len(PLATFORMS), axis=2)
    weights[:, :, LINKEDIN] = to_linkedin
    return np.einsum("rcp,rcp,rc->rp", by_class, weights, scale, dtype=np.float64)


def audience_factors(
    theta: Mapping[str, np.ndarray], params: Mapping[str, Parameter]
) -> np.ndarray:
    """(R, P) audience share of a post x network-size uncertainty, per run and platform.

    The median scales every network; a wider log spread raises the mean
    network by exp((s^2 - s0^2) / 2) relative to the population's own draw.
    """
    cols = []
    for p in PLATFORMS:
        median = theta[f"network_median_{p}"] / params[f"network_median_{p}"].value
        s, s0 = theta[f"network_sigma_{p}"], params[f"network_sigma_{p}"].value
        spread = np.exp((s**2 - s0**2) / 2.0)
        relative = theta.get(f"audience_relative_{p}", 1.0)
        cols.append(theta["post_audience_share"] * relative * median * spread)
    return np.stack(cols, axis=1)


def distinct_pool(
    active_connections: np.ndarray, headcount: int, per_employee: np.ndarray
) -> np.ndarray:
    """Distinct people the active employees can reach: saturates through overlap."""
    ceiling = headcount * per_employee
    return ceiling * -np.expm1(-active_connections / ceiling)


def unique_reach(people_reached: np.ndarray, pool: np.ndarray) -> np.ndarray:
    """Distinct people among ``people_reached`` reach events spread over ``pool``."""
    safe = np.where(pool > 0, pool, 1.0)
    return np.where(pool > 0, pool * -np.expm1(-people_reached / safe), 0.0)


def click_parameter(headcount: int) -> str:
    """The parameter for the click advantage of employee shares at this size."""
    size = "large" if headcount >= LARGE_ORGANISATION else "small"
    return f"employee_click_multiplier_{size}"


def click_multiplier(headcount: int, theta: Mapping[str, np.ndarray]) -> np.ndarray:
    """Click-through of employee shares vs company shares, by organisation size (R,)."""
    return theta[click_parameter(headcount)]
