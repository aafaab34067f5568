"""Sector presets: sensible organisation defaults to start from (and say so).

Typical values for a Belgian organisation of the sector; every one is
editable afterwards. They are starting points, not evidence.
"""

from __future__ import annotations

from typing import Any

from core.scenario import Organisation, Scenario, with_overrides

# sector -> (sensitive access, public scrutiny, heavy users, work chats, recruitment pressure,
#            platforms: linkedin, facebook, instagram, tiktok, x)
_PRESETS: dict[str, tuple[float, float, float, float, float, tuple[float, ...]]] = {
    "healthcare": (0.8, 0.6, 0.2, 0.8, 0.8, (0.45, 0.75, 0.5, 0.2, 0.08)),
    "finance": (0.7, 0.7, 0.15, 0.4, 0.5, (0.75, 0.6, 0.45, 0.12, 0.12)),
    "public_safety": (0.9, 0.9, 0.2, 0.85, 0.7, (0.3, 0.75, 0.5, 0.2, 0.1)),
    "education": (0.6, 0.6, 0.15, 0.9, 0.8, (0.3, 0.8, 0.45, 0.15, 0.05)),
    "media": (0.4, 1.0, 0.4, 0.6, 0.4, (0.6, 0.7, 0.7, 0.35, 0.35)),
    "retail": (0.05, 0.5, 0.25, 0.5, 0.9, (0.2, 0.8, 0.6, 0.4, 0.05)),
    "technology": (0.5, 0.3, 0.35, 0.7, 0.9, (0.9, 0.4, 0.5, 0.2, 0.3)),
    "manufacturing": (0.2, 0.4, 0.15, 0.5, 0.7, (0.35, 0.75, 0.45, 0.2, 0.05)),
    "public_administration": (0.5, 0.7, 0.15, 0.4, 0.5, (0.5, 0.7, 0.4, 0.1, 0.1)),
    "nonprofit": (0.3, 0.5, 0.2, 0.5, 0.5, (0.5, 0.75, 0.55, 0.15, 0.1)),
    "other": (0.3, 0.5, 0.2, 0.5, 0.5, (0.5, 0.7, 0.5, 0.2, 0.1)),
}


def preset_values(sector: str) -> dict[str, Any]:
    """Dotted scenario fields and values the preset of ``sector`` sets."""
    access, scrutiny, heavy, chats, pressure, platforms = _PRESETS[sector]
    values: dict[str, Any] = {
        "organisation.sector": sector,
        "organisation.sensitive_access_share": access,
        "organisation.public_scrutiny": scrutiny,
        "organisation.heavy_user_share": heavy,
        "organisation.work_chat_groups": chats,
        "organisation.recruitment_pressure": pressure,
    }
    names = ("linkedin", "facebook", "instagram", "tiktok", "x")
    values |= {f"organisation.platforms.{n}": v for n, v in zip(names, platforms, strict=True)}
    return values


def apply_preset(scenario: Scenario, sector: str) -> Scenario:
    """The scenario with the sector's defaults; size and vacancies are kept."""
    return with_overrides(scenario, preset_values(sector))


def preset_organisation(sector: str, employees: int = 500) -> Organisation:
    return apply_preset(
        Scenario(organisation=Organisation(employees=employees)), sector
    ).organisation
