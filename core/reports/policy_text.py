"""A draft social media policy written from a scenario's policy mix.

Structured like a good policy: purpose and scope, the positive stance
first, confidentiality with the reason for each rule, conduct, chat group
norms, voluntary ambassadorship and rewards, training, internal voice,
right to disconnect, monitoring and review. Only the sections the mix
supports appear, written for this organisation (name, sector).

A text never says two things at once: under a gag ("do not post about your
work") every invitation to share (share permission, ambassadorship, ready
content, vacancies) is left out, and the contradiction is listed with the
mix's other conflicts under "points to decide", so a board sees it instead
of adopting it unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from core.conflicts import find_conflicts
from core.exports import neutralise
from core.i18n import normalise_language, translate
from core.scenario import LEVER_VALUES, Scenario
from core.text import markdown_literal, one_line, xml_safe
from core.yaml_files import load_yaml

TEXTS = Path(__file__).with_name("policy_texts.yaml")
DISCONNECT_HEADCOUNT = 20


@cache
def _texts() -> dict:
    with TEXTS.open(encoding="utf-8") as handle:
        return load_yaml(handle)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    paragraphs: tuple[str, ...]


@dataclass
class PolicyDocument:
    """The draft: title, introduction, numbered sections, and a rules-at-a-glance table."""

    lang: str
    title: str
    intro: str
    sections: list[Section] = field(default_factory=list)
    glance: list[tuple[str, str]] = field(default_factory=list)
    glance_header: tuple[str, str] = ("", "")
    glance_title: str = ""
    org: str = ""  # the organisation's name as the user typed it (plain text)
    open_title: str = ""
    open_intro: str = ""
    open_points: list[str] = field(default_factory=list)  # conflicts to decide, most serious first

    @property
    def keys(self) -> list[str]:
        return [s.key for s in self.sections]


def draft_policy(scenario: Scenario, lang: str = "en") -> PolicyDocument:
    """The policy text for ``scenario``'s mix in Dutch or English."""
    lang = normalise_language(lang)
    text = _texts()[lang]
    p, org = scenario.policy, scenario.organisation
    name = one_line(scenario.organisation_name(lang)) or "the organisation"
    fill = {
        "org": name,
        "data": _texts()["data"][lang][org.sector],
        "platforms": text[f"scope.{p.platform_scope}"],
    }

    def w(key: str) -> str:
        return text[key].format(**fill)

    doc = PolicyDocument(lang=lang, title=w("title"), intro=w("intro"), org=name)
    add = lambda key, *parts: doc.sections.append(Section(key, w(f"{key}.title"), parts))  # noqa: E731
    add("purpose", w("purpose.text"))
    invites = not p.no_work_posts  # a gag and an invitation to share never stand side by side
    if p.no_work_posts:
        doc.sections.append(Section("stance", w("stance.title_gag"), (w("stance.gag"),)))
    else:
        add("stance", *([w("stance.share")] if p.share_permission else []), w("stance.proud"))
    if p.confidentiality_rules:
        rules = [w("confidentiality.rule")]
        rules += [w("confidentiality.reason")] if p.explain_rules else []
        add("confidentiality", *rules)
    if p.work_time_ban:
        add("worktime", w("worktime.rule"), *([w("worktime.reason")] if p.explain_rules else []))
    if p.visual_guidelines:
        add("conduct", w("conduct.photos"), w("conduct.screen"), w("conduct.respect"))
    if p.chat_group_norms:
        add("chats", w("chats.purpose"), w("chats.conduct"), w("chats.leave"))
    if invites and p.ambassador_programme == "voluntary":
        parts = [w("ambassador.text")]
        if p.rewards != "none":
            parts.append(w(f"rewards.{p.rewards}"))
        add("ambassador", *parts)
    if p.training != "none":
        add("training", w(f"training.{p.training}"))
    if invites and p.content_support:
        add("content", w("content.text"))
    if invites and p.vacancy_requests != "none":
        add("vacancies", w(f"vacancies.{p.vacancy_requests}"), w("vacancies.voluntary"))
    if p.voice_channels:
        add("voice", w("voice.text"))
    if p.mute_norms:
        law = [w("disconnect.law")] if org.employees >= DISCONNECT_HEADCOUNT else []
        add("disconnect", w("disconnect.text"), *law)
    add("monitoring", w("monitoring.text"))
    add("review", w("review.text"))
    doc.glance_title = w("glance.title")
    doc.glance_header = (w("glance.rule"), w("glance.decision"))
    doc.glance = [
        (
            translate(f"lever.{lever}", lang),
            translate(f"value.{lever}.{str(getattr(p, lever)).lower()}", lang),
        )
        for lever in LEVER_VALUES
    ]
    conflicts = find_conflicts(p, org, scenario.climate)
    doc.open_title, doc.open_intro = w("open.title"), w("open.intro")
    doc.open_points = [c.message(lang) for c in conflicts if c.severity != "info"]
    return doc


def to_markdown(doc: PolicyDocument) -> str:
    """Markdown; the organisation's name is escaped so it reads as plain text."""
    lines = [f"# {doc.title}", "", f"*{doc.intro}*", ""]
    for number, section in enumerate(doc.sections, start=1):
        lines += [f"## {number}. {section.title}", ""]
        lines += [p + "\n" for p in section.paragraphs]
    lines += [
        f"## {doc.glance_title}",
        "",
        f"| {doc.glance_header[0]} | {doc.glance_header[1]} |",
        "|---|---|",
    ]
    lines += [f"| {rule} | {decision} |" for rule, decision in doc.glance]
    if doc.open_points:
        lines += ["", f"## {doc.open_title}", "", doc.open_intro, ""]
        lines += [f"- {point}" for point in doc.open_points]
    text = "\n".join(lines) + "\n"
    return text.replace(doc.org, markdown_literal(doc.org)) if doc.org else text


def to_docx(doc: PolicyDocument) -> bytes:
    """A Word document on A4 in the house look; cells that look like formulas are neutralised."""
    from core.reports import word as w

    doc = _xml_safe_document(doc)
    body = 10.5
    word = w.new_document(doc.title, doc.lang, body=body)
    w.title(word, doc.title)
    w.paragraph(word, doc.intro, body, italic=True, colour=w.MUTED, after=8)
    for number, section in enumerate(doc.sections, start=1):
        w.heading(word, f"{number}. {section.title}", 13)
        for paragraph in section.paragraphs:
            w.paragraph(word, paragraph, body, after=5)
    w.heading(word, doc.glance_title, 13)
    rows = [(str(neutralise(rule)), str(neutralise(decision))) for rule, decision in doc.glance]
    header = tuple(str(neutralise(text)) for text in doc.glance_header)
    w.table(word, header, rows, (70.0, 104.0), 9.5, numeric=(False, False))
    if doc.open_points:
        w.heading(word, doc.open_title, 13)
        w.paragraph(word, doc.open_intro, body, after=4)
        w.bullets(word, doc.open_points, body)
    return w.to_bytes(word)


def _xml_safe_document(doc: PolicyDocument) -> PolicyDocument:
    """The document with characters XML cannot hold removed (Word would refuse them)."""
    return PolicyDocument(
        lang=doc.lang,
        title=xml_safe(doc.title),
        intro=xml_safe(doc.intro),
        sections=[
            Section(s.key, xml_safe(s.title), tuple(xml_safe(p) for p in s.paragraphs))
            for s in doc.sections
        ],
        glance=[(xml_safe(a), xml_safe(b)) for a, b in doc.glance],
        glance_header=(xml_safe(doc.glance_header[0]), xml_safe(doc.glance_header[1])),
        glance_title=xml_safe(doc.glance_title),
        org=xml_safe(doc.org),
        open_title=xml_safe(doc.open_title),
        open_intro=xml_safe(doc.open_intro),
        open_points=[xml_safe(p) for p in doc.open_points],
    )
