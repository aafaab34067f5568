"""One vocabulary for every number Serre shows: each metric defined once.

A metric says what it counts (``kind``), of what (``denominator``), which
way is better, how a change is said (percentage points for shares and
probabilities, percent for counts) and what its P10-P90 range means. Cards,
charts, tables, the CLI, the HTML report and the deck read it from here, so
"48% of all staff" means the same thing everywhere. Counts that are mostly
zero in a year (leaks, chat incidents, a restriction going public) are shown
as the chance of at least one, with the expected number second.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from core import formatting as fmt
from core.i18n import translate

Kind = Literal["count", "share", "probability", "expected", "index"]

# The four numbers that matter first, and the ones compared across scenarios.
HEADLINE: tuple[str, ...] = (
    "ambassadors_creators",
    "monthly_unique_reach",
    "p_sensitive_leak_year",
    "always_on_share",
)
COMPARED: tuple[str, ...] = (
    "ambassadors_creators",
    "ambassadors_engaged",
    "monthly_unique_reach",
    "monthly_recruitment_reach",
    "negative_posts_per_year",
    "p_sensitive_leak_year",
    "expected_sensitive_leaks",
    "p_chat_incident_year",
    "reactance_share",
    "always_on_share",
)
# Rare events: the chance of at least one in a year, then the expected number.
RISK_PROBABILITIES: tuple[str, ...] = (
    "p_sensitive_leak_year",
    "p_chat_incident_year",
    "p_restriction_public_year",
)


@dataclass(frozen=True)
class Metric:
    """How one simulated number is named, shown, compared and explained."""

    key: str
    kind: Kind
    denominator: str  # catalogue key suffix of "of all staff", "per month", ...
    better: int  # +1 higher is better, -1 lower is better, 0 neither
    decimals: int = 0  # of a percentage on a card; tables use one more
    probability: str | None = None  # for a mostly-zero count: its P(at least one)
    expected: str | None = None  # for a probability: its expected count

    @property
    def is_share(self) -> bool:
        """Shares and probabilities are 0..1, shown in percent, changed in points."""
        return self.kind in ("share", "probability")

    def title(self, lang: str) -> str:
        return translate(f"metric.{self.key}.title", lang)

    def help(self, lang: str) -> str:
        return translate(f"metric.{self.key}.help", lang)

    def of(self, lang: str) -> str:
        """The denominator in words: 'of all staff', 'people a month', 'chance this year'."""
        return translate(f"denominator.{self.denominator}", lang)

    def unit(self, lang: str) -> str:
        """An axis title: '% of all staff', 'people a month'."""
        text = self.of(lang)
        return f"% {text}" if self.is_share else text

    def show(self, value: float, lang: str, precise: bool = False) -> str:
        """The value in its natural unit: '48%', '93,766', '0.25', '0.93'."""
        if self.is_share:
            return fmt.percent(value, lang, self.decimals + (1 if precise else 0))
        if self.kind == "index":
            return fmt.number(value, lang, 2 if abs(value) < 10 else 0)
        return fmt.count(value, lang)

    def band(self, low: float, high: float, lang: str) -> str:
        """'P10–P90: 16% – 35%' in the metric's unit."""
        return fmt.p10_p90(self.show(low, lang), self.show(high, lang), lang)

    def relative_change(self, delta: float, base: float | None) -> float | None:
        """Counts change in percent of the base; None when there is no base to divide by."""
        if self.is_share or not base:
            return None
        return delta / base

    def is_unchanged(self, delta: float, base: float | None = None) -> bool:
        """True when the change rounds to nothing as shown (drawn neutral)."""
        if self.is_share:
            return fmt.is_zero(delta * 100, 1)
        ratio = self.relative_change(delta, base)
        if ratio is not None:
            return fmt.is_zero(ratio * 100, 0)
        return fmt.is_zero(delta, fmt.auto_decimals(delta))

    def change(self, delta: float, lang: str, base: float | None = None) -> str:
        """A difference: '+3.2 points' for shares, '+35%' for counts (of ``base``)."""
        if self.is_share:
            return fmt.points(delta, lang)
        ratio = self.relative_change(delta, base)
        if ratio is not None:
            return fmt.relative(ratio, lang)
        return fmt.count(delta, lang, signed=True)

    def colour(
        self, delta: float, base: float | None = None
    ) -> Literal["normal", "inverse", "off"]:
        """st.metric's delta colour: green for better, red for worse, grey for no change."""
        if self.better == 0 or self.is_unchanged(delta, base):
            return "off"
        return "normal" if self.better > 0 else "inverse"


def _m(key: str, kind: Kind, denominator: str, better: int, link: str | None = None) -> Metric:
    """A metric; ``link`` is a rare count's probability, or a probability's expected count."""
    if kind == "probability":
        return Metric(key, kind, denominator, better, expected=link)
    return Metric(key, kind, denominator, better, probability=link)


_ALL = (
    _m("ambassadors_passive", "share", "staff", +1),
    _m("ambassadors_engaged", "share", "staff", +1),
    _m("ambassadors_creators", "share", "staff", +1),
    _m("critics_share", "share", "staff", -1),
    _m("monthly_impressions", "count", "impressions_month", +1),
    _m("monthly_unique_reach", "count", "people_month", +1),
    _m("monthly_recruitment_reach", "count", "people_month", +1),
    _m("negative_posts_per_year", "count", "posts_year", -1),
    _m("expected_negative_posts", "expected", "posts_year", -1),
    _m("sensitive_leaks_per_year", "count", "leaks_year", -1, "p_sensitive_leak_year"),
    _m("expected_sensitive_leaks", "expected", "leaks_year", -1),
    _m("p_sensitive_leak_year", "probability", "chance_year", -1, "expected_sensitive_leaks"),
    _m("chat_incidents_per_year", "count", "incidents_year", -1, "p_chat_incident_year"),
    _m("expected_chat_incidents", "expected", "incidents_year", -1),
    _m("p_chat_incident_year", "probability", "chance_year", -1, "expected_chat_incidents"),
    _m("p_restriction_public_year", "probability", "chance_year", -1, "expected_restriction_public"),  # noqa: E501
    _m("expected_restriction_public", "expected", "times_year", -1),
    _m("reactance_share", "share", "staff", -1),
    _m("always_on_share", "share", "staff", -1),
    _m("followers_share", "share", "staff", +1),
    _m("likers_share", "share", "staff", +1),
    _m("sharers_share", "share", "staff", +1),
    _m("proactivists_share", "share", "staff", +1),
    _m("very_active_share", "share", "staff", +1),
    _m("unprompted_creators_share", "share", "creators", +1),
    _m("regretted_post_share", "share", "staff", -1),
    _m("vacancy_sharers_share", "share", "staff", +1),
    _m("trained_share", "share", "staff", +1),
    _m("mean_reactance", "index", "reactance_scale", -1),
    _m("careless_leak_share", "share", "leak_risk", 0),
    _m("monthly_recruitment_clicks_index", "index", "index", +1),
)  # fmt: skip
METRICS: Mapping[str, Metric] = {m.key: m for m in _ALL}


def metric(key: str) -> Metric:
    """The definition of ``key`` (a KeyError names a metric nobody defined)."""
    return METRICS[key]


def is_share(key: str) -> bool:
    """Shares and probabilities (0..1, shown in percent), as opposed to counts."""
    found = METRICS.get(key)
    if found is not None:
        return found.is_share
    return key.endswith("_share") or key.startswith(("p_", "ambassadors_"))


def headline_note(key: str, summary: Mapping[str, Mapping[str, float]], lang: str) -> str:
    """The line under a card: the denominator, or a probability's expected count."""
    m = metric(key)
    if m.expected and m.expected in summary:
        e = metric(m.expected)
        return translate(
            f"denominator.expected.{e.denominator}",
            lang,
            value=e.show(summary[m.expected]["mean"], lang),
        )
    return m.of(lang)
