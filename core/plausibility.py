"""Valid but unusual inputs: warnings that never block, shown where the input is made.

A scenario can pass validation and still be a slip of the finger (a
million employees, a climate construct on which everybody answers the
same). Each rule returns a catalogue key with its parameters and the place
the input is made (``organisation`` or ``climate``), so the Organisation and
Climate pages show their own and the CLI prints all on stderr.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.scenario import CONSTRUCTS, PLATFORMS, Scenario

LARGE_HEADCOUNT = 100_000
SMALL_HEADCOUNT = 10
MIN_SPREAD = 0.05  # sd on a 1..5 scale: below this everybody answers the same
MAX_SPREAD = 1.6  # near 2, the largest spread a 1..5 scale allows
EXTREME_MEAN = (1.2, 4.8)


@dataclass(frozen=True)
class Plausibility:
    """One warning: catalogue key, its parameters, and the page where the input is made."""

    key: str
    area: str  # "organisation" or "climate"
    params: dict[str, object] = field(default_factory=dict)


def _organisation(scenario: Scenario) -> list[Plausibility]:
    org = scenario.organisation
    found = []
    if org.employees > LARGE_HEADCOUNT:
        found.append(Plausibility("plaus.huge_headcount", "organisation", {"n": org.employees}))
    elif org.employees < SMALL_HEADCOUNT:
        found.append(Plausibility("plaus.tiny_headcount", "organisation", {"n": org.employees}))
    if org.open_vacancies > org.employees:
        found.append(
            Plausibility(
                "plaus.vacancies_exceed_staff",
                "organisation",
                {"vacancies": org.open_vacancies, "n": org.employees},
            )
        )
    shares = [getattr(org.platforms, p) for p in PLATFORMS]
    if max(shares) == 0:
        found.append(Plausibility("plaus.no_platforms", "organisation"))
    elif org.heavy_user_share > max(shares):
        found.append(
            Plausibility(
                "plaus.heavy_above_platforms",
                "organisation",
                {"heavy": round(org.heavy_user_share * 100), "top": round(max(shares) * 100)},
            )
        )
    return found


def _climate(scenario: Scenario) -> list[Plausibility]:
    found = []
    for name in CONSTRUCTS:
        construct = getattr(scenario.climate, name)
        params = {"construct": name, "sd": round(construct.sd, 2), "mean": construct.mean}
        if construct.sd < MIN_SPREAD:
            found.append(Plausibility("plaus.zero_spread", "climate", params))
        elif construct.sd > MAX_SPREAD:
            found.append(Plausibility("plaus.wide_spread", "climate", params))
        if not EXTREME_MEAN[0] <= construct.mean <= EXTREME_MEAN[1]:
            found.append(Plausibility("plaus.extreme_mean", "climate", params))
    return found


def check(scenario: Scenario, respondents: int | None = None) -> list[Plausibility]:
    """Every warning for this scenario (and a survey's respondent count, if one is in use)."""
    found = _organisation(scenario) + _climate(scenario)
    if respondents is not None and respondents > scenario.organisation.employees:
        found.append(
            Plausibility(
                "plaus.survey_above_headcount",
                "climate",
                {"respondents": respondents, "n": scenario.organisation.employees},
            )
        )
    return found


def messages(
    scenario: Scenario, lang: str, area: str | None = None, respondents: int | None = None
) -> list[str]:
    """The warnings as sentences in ``lang`` (construct names translated)."""
    from core.i18n import translate

    texts = []
    for warning in check(scenario, respondents):
        if area is not None and warning.area != area:
            continue
        params = dict(warning.params)
        if "construct" in params:
            params["construct"] = translate(f"construct.{params['construct']}", lang)
        texts.append(translate(warning.key, lang, **params))
    return texts
