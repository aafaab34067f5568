"""Reach: activity x network size x organic reach, with overlap and saturation.

Impressions add up; people do not. Colleagues' networks overlap, so the
distinct audience an organisation can reach saturates with the number of
active employees, and repeated posts reach the same people again, so unique
reach saturates with impressions. Recruitment reach is the same for vacancy
posts.
"""

from __future__ import annotations

import numpy as np

from core.parameters import ParameterSet
from core.population import Population
from core.scenario import PLATFORMS

F32 = np.float32


def platform_weights(pop: Population, linkedin_work_weight: float) -> np.ndarray:
    """(N, P) connections reached per unit of activity, before organic reach.

    An employee spreads work posts over the platforms they are on, LinkedIn
    weighted up for work content; the weight times the network size gives
    the audience exposed to one post on each platform.
    """
    preference = np.ones(len(PLATFORMS), dtype=F32)
    preference[PLATFORMS.index("linkedin")] = linkedin_work_weight
    pref = pop.on_platform * preference
    total = pref.sum(axis=1, keepdims=True)
    allocation = np.divide(pref, total, out=np.zeros_like(pref, dtype=F32), where=total > 0)
    return (allocation * pop.network).astype(F32)


def reach_factors(theta: dict[str, np.ndarray], params: ParameterSet) -> np.ndarray:
    """(R, P) organic reach x network-size uncertainty, per run and platform."""
    cols = []
    for p in PLATFORMS:
        scale = theta[f"network_median_{p}"] / params[f"network_median_{p}"].value
        cols.append(theta[f"organic_reach_{p}"] * scale)
    return np.stack(cols, axis=1)


def distinct_pool(active_connections: np.ndarray, headcount: int, per_employee: np.ndarray):
    """Distinct people the active employees can reach: saturates through overlap."""
    ceiling = headcount * per_employee
    return ceiling * -np.expm1(-active_connections / ceiling)


def unique_reach(impressions: np.ndarray, pool: np.ndarray) -> np.ndarray:
    """Distinct people reached by ``impressions`` spread over ``pool`` (repeats saturate)."""
    safe = np.where(pool > 0, pool, 1.0)
    return np.where(pool > 0, pool * -np.expm1(-impressions / safe), 0.0)
