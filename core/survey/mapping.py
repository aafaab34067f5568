"""Which construct or behaviour each question measures, from its text (NL/EN).

A transparent lexicon suggests a target with a confidence and detects
reverse-keyed wording; users review it and may save it as a plain JSON
mapping file and pass it back (``--mapping FILE``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from core.scenario import CONSTRUCTS
from core.survey.errors import SurveyError
from core.survey.likert import normalise

BEHAVIOURS: tuple[str, ...] = (
    "follows",
    "likes_shares",
    "posts_work",
    "posted_criticism",
    "platform_use",
    "chat_groups",
)
TARGETS: tuple[str, ...] = (*CONSTRUCTS, *BEHAVIOURS, "group", "ignore")
MAPPING_SCHEMA = "serre-mapping/1"
AUTO_CONFIDENCE = 0.5

# (target, pattern, weight, polarity): polarity -1 means the wording points the other way.
LEXICON: list[tuple[str, str, float, int]] = [
    (
        "satisfaction",
        r"satisf|tevreden|werkplezier|plezier in (mijn|het) werk|enjoy (my|working)|happy (with|in) my (job|work)|graag .*werk|job satisfaction|well-?being|welzijn|morale|voel me goed|feel good at work",
        0.9,
        1,
    ),
    ("satisfaction", r"ontevreden|dissatisf|unhappy", 0.9, -1),
    (
        "satisfaction",
        r"quit(ting)?\b|ontslag|another (job|employer)|(andere|nieuwe) (job|baan|werkgever)|leave (this|my) (job|employer|organi)|look(ing)? for (a |an )?(new |other |another )?job|uitkijken naar|solliciteren|vertrekken|weggaan",
        0.7,
        -1,
    ),
    (
        "satisfaction",
        r"look forward to|kijk .*uit naar|zin in mijn werk|fulfil|voldoening|content with",
        0.7,
        1,
    ),
    (
        "identification",
        r"\bproud\b|\bpride\b|\bfier|\btrots|(my|mijn) (own )?(values|waarden)|(values|waarden) (of|van) (this|the|my|our|deze|de|mijn|onze) (organi|company|employer|bedrijf|werkgever)|identif|wij-gevoel|we-feeling|\bbelong|hoor bij|deel van (deze|onze|de|mijn) organisatie|bij (deze|onze|de|mijn) organisatie hoor|part of (this|the|my|our) (organi[sz]ation|company)|loyal|loyaal|success(es)? of (this|my|our|the) (organi[sz]ation|company)|succes(sen)? van (deze|mijn|onze|de) organisatie|my own success",
        0.9,
        1,
    ),
    (
        "voice",
        r"speak up|speaking up|spreak .*uit|uitspreken|say so|zeggen wat|suggesti|ideeën|ideas are|raise (a )?concerns?|aankaarten|aan te kaarten|bespreekbaar|inspraak|voice (my|concerns|opinions?)|my (opinion|ideas?|mening) (count|matter|telt)|mijn mening|(wordt|worden) .*geluisterd|listens? to|\bcomplaints?\b|bring up (problems|issues)|klachten|kan .*(melden|kwijt)|can .*(report|raise)|concerns",
        0.9,
        1,
    ),
    ("trust", r"\btrust|vertrouw", 0.9, 1),
    ("trust", r"distrust|wantrouw|mistrust|twijfel|doubt|sceptic|skeptic|sceptisch", 0.9, -1),
    (
        "trust",
        r"believe what|geloof wat|integrity|integer|transparen|rely on|reken(en)? op",
        0.7,
        1,
    ),
    ("trust", r"(keeps?|houdt) .*(promises|beloftes|woord)|honest|eerlijk|betrouwba", 0.6, 1),
    (
        "always_on",
        r"reachable|bereikbaar|late at night|days? off|vrije dag|verlof|off-?hours|replies|e-?mails? .*(evening|night|weekend)|mails? .*('s avonds|weekend)|after (work|working) hours|outside (of )?(work|working) hours|buiten (de )?werkuren|na (de )?werkuren|na werktijd|always on|altijd aan|in the evening|'s avonds|weekends?|holidays?|vakantie|expected to (answer|respond|reply)|verwacht .*(antwoord|reageer|reageren)",
        0.9,
        1,
    ),
    (
        "always_on",
        r"disconnect|afschakelen|loskomen|los te komen|switch off|\bmute\b|dempen|uitzetten",
        0.9,
        -1,
    ),
    (
        "social_media_skill",
        r"(confident|comfortable|skilled|handy|handig|vaardig|weet .*hoe|know how|zeker|goed in|easy|makkelijk|gemakkelijk|understand|begrijp).*(social media|sociale media|linkedin|instagram|facebook|posten|posting|a post|een post|algorit)|social media skills|socialemediavaardig|privacy ?(settings|instellingen)|privacyinstellingen",
        0.9,
        1,
    ),
    (
        "follows",
        r"\b(follow|volg)(s|t|en|ing|de|ed)?\b.*(organi[sz]ation|employer|werkgever|company|bedrijf|organisatie|account|pagina|page|linkedin|instagram|facebook|us\b|ons\b)",
        0.9,
        1,
    ),
    (
        "likes_shares",
        r"\b(like|liked|liken|share|shared|delen|gedeeld|geliket|deelde|repost(ed)?|retweet(ed)?|doorgestuurd|aangeklikt)\b.*(post|bericht|content|nieuws|news|vacanc|vacature)|(post|bericht|nieuws|news).*\b(geliket|gedeeld|liked|shared|doorgedeeld)\b",
        0.85,
        1,
    ),
    (
        "posts_work",
        r"(post|posted|gepost|geplaatst|plaats|written|wrote|geschreven|schreef).*(about|over) (my|mijn|your|je|jouw|our|onze|ons) (work|werk|job|organi|employer|werkgever|team|vak)|own (content|posts?) about|eigen (berichten|inhoud|foto)",
        0.9,
        1,
    ),
    (
        "posted_criticism",
        r"(critic|kritiek|kritisch|negatie|negative|klaag|complain|ongenoegen|frustrat).*(online|social media|sociale media|posted|gepost|internet)|(posted|gepost|geplaatst|geuit|voiced|aired|vented).*(critic|kritiek|kritisch|negati)",
        0.95,
        1,
    ),
    (
        "platform_use",
        r"how (often|much|many hours).*(use|on).*(social media|sociale media)|hoe (vaak|veel).*(sociale media|social media)|(social media|sociale media) ?(use|gebruik)|gebruik .*sociale media",
        0.9,
        1,
    ),
    (
        "chat_groups",
        r"(member|lid|deel uit).*(chat|whatsapp|telegram|groep|group)|work chat group|werkchatgroep|whatsapp-?groep",
        0.9,
        1,
    ),
    (
        "group",
        r"^(department|afdeling|dienst|team|site|locatie|vestiging|campus|age( group| band)?|leeftijd( ?(groep|categorie))?|leeftijdsgroep|leeftijdscategorie|gender|geslacht|tenure|anci[eë]nniteit|years of service|function|functie|job ?role|role|rol|region|regio|business unit|workarea|work area|institute|division|divisie|department name)$",
        0.9,
        1,
    ),
]
# Short item codes like SAT1, voice_2, AON3.
CODE_PREFIX = {
    "sat": "satisfaction",
    "iden": "identification",
    "ident": "identification",
    "voi": "voice",
    "voice": "voice",
    "tru": "trust",
    "trust": "trust",
    "aon": "always_on",
    "always": "always_on",
    "sms": "social_media_skill",
    "skill": "social_media_skill",
}
_CODE = re.compile(r"^([a-z]+)[ _\-.]?(\d{1,2})(r|_r)?$")
_NEGATION = re.compile(
    r"\b(durf niet|not|never|no one|nobody|niet|nooit|geen|niemand|hardly|nauwelijks|rarely|zelden|weinig|don't|do not|can't|cannot|afraid|bang)\b"
)
_COMPILED = [(t, re.compile(p), w, pol) for t, p, w, pol in LEXICON]


@dataclass(frozen=True)
class Suggestion:
    """A suggested target for one column, how sure, and whether it is reverse-keyed."""

    column: str
    target: str | None
    confidence: float
    reverse: bool
    alternatives: tuple[str, ...] = ()


def suggest(column: str, question: str) -> Suggestion:
    """The best target for a question from its text (and its code, if any)."""
    text = normalise(question)
    code = _CODE.match(normalise(column).replace(" ", ""))
    if code and code.group(1) in CODE_PREFIX:
        target = CODE_PREFIX[code.group(1)]
        from_text = _from_text(column, text)
        reverse = from_text.reverse if from_text.target == target else bool(code.group(3))
        return Suggestion(column, target, 0.95, reverse)
    return _from_text(column, text)


def _from_text(column: str, text: str) -> Suggestion:
    scores: dict[str, tuple[float, int]] = {}
    for target, pattern, weight, polarity in _COMPILED:
        hit = pattern.search(text) or (target == "group" and pattern.search(normalise(column)))
        best = scores.get(target, (0.0, 0))[0]
        # the negative wording of a target is more specific ("dissatisfied" over "satisf")
        if hit and (weight > best or (weight == best and polarity < 0)):
            scores[target] = (weight, polarity)
    if not scores:
        return Suggestion(column, None, 0.0, False)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1][0])
    target, (weight, polarity) = ranked[0]
    confidence = weight if len(ranked) == 1 else weight - 0.5 * ranked[1][1][0]
    negations = len(_NEGATION.findall(text)) if target in CONSTRUCTS else 0
    reverse = polarity * (-1) ** negations < 0
    return Suggestion(
        column, target, round(max(confidence, 0.05), 2), reverse, tuple(t for t, _ in ranked[1:])
    )


class ItemMapping(BaseModel):
    """One column's role in the analysis."""

    model_config = ConfigDict(extra="forbid")
    target: Literal[TARGETS]  # type: ignore[valid-type]
    reverse: bool = False
    points: int | None = Field(default=None, ge=2, le=11)


class MappingFile(BaseModel):
    """The plain JSON mapping users save and pass back (a template for the next wave).

    ``questions`` holds each column's question text, so the template
    re-applies when the next wave's export numbers its columns differently.
    """

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    schema_: str = Field(default=MAPPING_SCHEMA, alias="schema")
    items: dict[str, ItemMapping] = Field(default_factory=dict)
    questions: dict[str, str] = Field(default_factory=dict)
    unmapped: list[str] = Field(default_factory=list)  # left unmapped on purpose


@dataclass
class Mapping:
    """The mapping in use: per column a target (or none), reverse flag, scale points."""

    items: dict[str, ItemMapping] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)

    def columns_for(self, target: str) -> list[str]:
        return [c for c, m in self.items.items() if m.target == target]

    def to_json(
        self, questions: dict[str, str] | None = None, unmapped: list[str] | None = None
    ) -> str:
        """The mapping as a template file (with question texts when given)."""
        return json.dumps(
            self.to_file(questions, unmapped).model_dump(by_alias=True, exclude_none=True),
            indent=2,
            ensure_ascii=False,
        )

    def to_file(
        self, questions: dict[str, str] | None = None, unmapped: list[str] | None = None
    ) -> MappingFile:
        """The mapping as the user's choices: targets, and what stays unmapped."""
        left = list(unmapped or [])
        texts = {c: questions[c] for c in [*self.items, *left] if questions and c in questions}
        return MappingFile(items=dict(self.items), questions=texts, unmapped=left)


def suggest_mapping(
    questions: dict[str, str], candidates: list[str]
) -> tuple[Mapping, list[Suggestion]]:
    """Suggestions for every candidate column; confident ones become the mapping."""
    mapping = Mapping()
    suggestions = []
    for column in candidates:
        s = suggest(column, questions.get(column, column))
        suggestions.append(s)
        if s.target is not None and s.confidence >= AUTO_CONFIDENCE:
            mapping.items[column] = ItemMapping(target=s.target, reverse=s.reverse)
            mapping.confidence[column] = s.confidence
    return mapping, suggestions


def parse_mapping(text: str | bytes) -> MappingFile:
    """Read a user's mapping file; problems name the item and the allowed values."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SurveyError("survey.mapping_json", detail=str(exc)[:120]) from exc
    try:
        return MappingFile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise SurveyError(
            "survey.mapping_invalid", field=where, allowed=", ".join(TARGETS), detail=err["msg"]
        ) from exc


def apply_mapping_file(
    mapping: Mapping,
    user: MappingFile,
    columns: list[str],
    questions: dict[str, str] | None = None,
) -> list[tuple[str, dict[str, Any]]]:
    """Overlay the user's choices on the suggestions; report unknown columns.

    A template column whose question text differs here, or which is
    missing, is found again by its question text (the next wave of the same
    survey may number its columns anew).
    """
    warnings = []
    by_text: dict[str, str] = {}
    for column, text in (questions or {}).items():
        by_text.setdefault(normalise(text), column)
    here = {c: normalise(t) for c, t in (questions or {}).items()}

    def find(column: str) -> str | None:
        text = normalise(user.questions[column]) if column in user.questions else None
        same = text is None or column not in here or here[column] == text
        found = column if column in columns and same else None
        if found is None and text is not None:
            found = by_text.get(text)
        if found is None:
            warnings.append(("survey.warn_mapping_unknown_column", {"column": column}))
        return found

    for column in user.unmapped:  # an empty cell: the user wants it unmapped
        found = find(column)
        if found is not None:
            mapping.items.pop(found, None)
            mapping.confidence.pop(found, None)
    for column, item in user.items.items():
        found = find(column)
        if found is not None:
            mapping.items[found] = item
            mapping.confidence[found] = 1.0
    return warnings


def _blank(value: object) -> bool:
    """None, NaN, an empty string or 'unmapped': the cell maps nothing."""
    if value is None:
        return True
    if isinstance(value, float) and value != value:
        return True
    return str(value).strip().lower() in ("", "nan", "none", "unmapped", "-")


def mapping_from_rows(rows: Iterable[dict[Any, Any]]) -> MappingFile:
    """The editor's rows (column, target, reverse[, points]) as a mapping file.

    An empty target cell means the column is left unmapped; anything else
    must be a known target, else a translated :class:`SurveyError`. Row keys
    are typed ``Any``: pandas' ``to_dict("records")`` types them ``Hashable``.
    """
    items: dict[str, ItemMapping] = {}
    unmapped: list[str] = []
    for row in rows:
        column, target = row.get("column"), row.get("target")
        if _blank(column):
            continue
        if _blank(target):
            unmapped.append(str(column))
            continue
        reverse = row.get("reverse")
        points = row.get("points")
        try:
            items[str(column)] = ItemMapping(
                target=str(target),
                reverse=False if _blank(reverse) else bool(reverse),
                points=None if points is None or _blank(points) else int(points),
            )
        except (ValidationError, TypeError, ValueError) as exc:
            raise SurveyError(
                "survey.mapping_invalid",
                field=f"items.{column}.target",
                allowed=", ".join(TARGETS),
                detail=str(target),
            ) from exc
    return MappingFile(items=items, unmapped=unmapped)


_BLOCK_ID = re.compile(r"^(.+?)[ _.\-](\d{1,3}|[a-z])$", re.I)
_BLOCK_TEXT = re.compile(r"^(.{8,}?)\s*(?:\[[^\]]+\]|\s-\s.+|:\s.+)$")


def question_blocks(questions: dict[str, str]) -> dict[str, list[str]]:
    """Columns that belong to one question block (a grid, or Q5_1, Q5_2, ...).

    A block is named after its shared question stem ('How much do you agree
    [row]' in Google Forms, 'Question - row' in Qualtrics and SurveyMonkey)
    or its shared id stem ('Q5' of Q5_1, Q5_2). Only blocks of two or more.
    """
    blocks: dict[str, list[str]] = {}
    for column, text in questions.items():
        stem = _BLOCK_TEXT.match(text.strip())
        code = _BLOCK_ID.match(column.strip())
        key = stem.group(1).strip() if stem else (code.group(1) if code else None)
        if key:
            blocks.setdefault(key, []).append(column)
    return {k: v for k, v in blocks.items() if len(v) >= 2}
