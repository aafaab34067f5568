"""The recommendation's decision in plain sentences, for the HTML report and the deck.

One place turns confidence, the roadmap, optional levers, guard rails and
regret into translated lines, so every document says the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core import formatting as fmt
from core.i18n import translate
from core.levers import choice_words, setting_words, value_words
from core.recommend import Recommendation


def eur(value: float, lang: str, signed: bool = False) -> str:
    """Euros in the language's format (core.formatting.money): +€1,234 / +€ 1.234."""
    return fmt.money(value, lang, signed)


@dataclass(frozen=True)
class DecisionText:
    """Every sentence a board reads about the decision."""

    headline: str
    confidence: str
    moves: list[str]
    later: str = ""
    optional: str = ""
    guard_rails: list[str] = field(default_factory=list)
    regret: list[tuple[str, str]] = field(default_factory=list)


def decision_text(rec: Recommendation, lang: str = "en") -> DecisionText:
    v = rec.versus_today
    headline = translate(
        "report.decision_headline",
        lang,
        changes=len(rec.roadmap),
        value=eur(v.mean, lang, signed=True),
        chance=fmt.percent(v.p_better, lang),
    )
    confidence = translate(
        "report.decision_band",
        lang,
        low=eur(v.p10, lang, signed=True),
        high=eur(v.p90, lang, signed=True),
        tie=eur(rec.tie_threshold, lang),
    )
    moves = []
    for i, m in enumerate(rec.first_moves, start=1):
        line = translate(
            "report.decision_move",
            lang,
            number=i,
            lever=translate(f"lever.{m.lever}", lang),
            value=choice_words(m.lever, m.value, lang),
            gain=eur(m.gain.mean, lang, signed=True),
            effort=eur(m.effort, lang),
        )
        if m.with_levers:
            names = ", ".join(
                setting_words(lv, getattr(rec.policy, lv), lang) for lv in m.with_levers
            )
            line += " " + translate("decision.with_levers", lang, levers=names)
        if m.soil_first:
            line += " " + translate("decision.soil_first", lang)
        moves.append(line)
    later_moves = rec.roadmap[len(rec.first_moves) :]
    later = ""
    if later_moves:
        items = "; ".join(setting_words(m.lever, m.value, lang) for m in later_moves)
        later = f"{translate('decision.later', lang)} {items}"
    optional = ""
    if rec.optional:
        names = ", ".join(translate(f"lever.{lv}", lang) for lv in rec.optional)
        optional = translate("decision.optional", lang, levers=names)
    rails = [
        translate(
            "policy.guard_rail_override",
            lang,
            rule=translate(f"rule.{o.rule}", lang),
            lever=translate(f"lever.{o.lever}", lang),
            chosen=value_words(o.lever, o.chosen_value, lang),
            preferred=value_words(o.lever, o.model_value, lang),
        )
        for o in rec.overrides
    ] or [translate("policy.guard_rails_agree", lang)]
    regret = [
        (translate(f"decision.alt.{name}", lang), eur(value, lang))
        for name, value in sorted(rec.regret.items(), key=lambda kv: kv[1])
    ]
    return DecisionText(headline, confidence, moves, later, optional, rails, regret)
