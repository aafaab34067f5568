"""Documents open with their own libraries and hold what the mix says, nothing more."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from core.context import RunContext
from core.i18n import translate
from core.levers import LEVER_VALUES
from core.reports import draft_policy, html_report, to_docx, to_markdown
from core.reports.policy_text import PolicyDocument
from core.reports.word import FONT
from core.scenario import Policy, Scenario, load_scenario, with_policy
from core.simulate import simulate
from tests.conftest import SAMPLES

GREENHOUSE = Policy(
    confidentiality_rules=True, work_time_ban=False, explain_rules=True, share_permission=True,
    platform_scope="all", ambassador_programme="voluntary", rewards="equal_with_alternatives",
    training="voluntary_certificate", voice_channels=True, mute_norms=True, content_support=True,
    visual_guidelines=True, chat_group_norms=True,
)  # fmt: skip
ALL_SECTIONS = [
    "purpose", "stance", "confidentiality", "conduct", "chats", "ambassador",
    "training", "content", "voice", "disconnect", "monitoring", "review",
]  # fmt: skip


@pytest.fixture(scope="module")
def hospital() -> Scenario:
    return load_scenario(SAMPLES / "university_hospital.json")


def test_full_mix_has_every_section_in_order(hospital):
    doc = draft_policy(with_policy(hospital, GREENHOUSE), "en")
    assert doc.keys == ALL_SECTIONS
    text = to_markdown(doc)
    assert (
        "whenever we post something on our official accounts, you may always share it"
        in text.lower()
    )
    assert "patient information" in text and "University hospital" in text
    assert "Why:" in text  # restrictions come with their reason
    assert "law of 3 October 2022" in text
    assert "messaging apps" in text


def test_levers_that_are_off_leave_no_section(hospital):
    bare = draft_policy(with_policy(hospital, Policy()), "nl")
    assert bare.keys == ["purpose", "stance", "monitoring", "review"]
    text = to_markdown(bare)
    assert (
        "altijd delen" not in text and "Vertrouwelijkheid" not in text.split("In één oogopslag")[0]
    )
    unexplained = draft_policy(with_policy(hospital, Policy(confidentiality_rules=True)), "en")
    assert "confidentiality" in unexplained.keys and "Why:" not in to_markdown(unexplained)


def test_gag_order_replaces_the_positive_stance(hospital):
    gag = to_markdown(draft_policy(with_policy(hospital, Policy(no_work_posts=True)), "en"))
    assert "Do not post about your work" in gag and "you may always share" not in gag


INVITATIONS = {
    "en": ("you may always share", "invite you to share", "share the vacancy",
           "ready-to-share", "ambassador programme", "welcome to share"),
    "nl": ("mag jij het altijd delen", "nodigen je uit", "vacature te delen", "deelklare",
           "ambassadeursprogramma", "delen is welkom"),
}  # fmt: skip
GAG = {"en": "Do not post about your work", "nl": "Post niets over je werk"}


@settings(max_examples=60, deadline=None)
@given(
    values=st.fixed_dictionaries({lever: st.sampled_from(v) for lever, v in LEVER_VALUES.items()}),
    lang=st.sampled_from(["en", "nl"]),
)
def test_a_policy_text_never_forbids_posting_and_invites_sharing_at_once(values, lang):
    """Invariant: for any mix, the text either forbids posting about work or invites sharing,
    never both; a mix that asks for both lists that conflict under the points to decide."""
    hospital = load_scenario(SAMPLES / "university_hospital.json")
    policy = Policy.model_validate(values)
    doc = draft_policy(with_policy(hospital, policy), lang)
    body = to_markdown(doc).split(f"## {doc.glance_title}")[0]
    invites = [phrase for phrase in INVITATIONS[lang] if phrase.lower() in body.lower()]
    assert not (GAG[lang] in body and invites), invites
    contradiction = translate("conflict.gag_vs_stimulation", lang)
    asks_both = policy.no_work_posts and (
        policy.share_permission or policy.content_support
        or policy.ambassador_programme != "none" or policy.vacancy_requests != "none"
        or policy.rewards != "none"
    )  # fmt: skip
    assert (contradiction in doc.open_points) == asks_both


def test_points_to_decide_appear_in_markdown_and_docx(hospital):
    mixed = Policy(no_work_posts=True, share_permission=True, ambassador_programme="voluntary")
    doc = draft_policy(with_policy(hospital, mixed), "nl")
    assert doc.open_points and "Te beslissen voor goedkeuring" in to_markdown(doc)
    word = Document(io.BytesIO(to_docx(doc)))
    texts = [p.text for p in word.paragraphs]
    assert "Te beslissen voor goedkeuring" in texts
    assert translate("conflict.gag_vs_stimulation", "nl") in texts
    assert "2. Onze houding: werk blijft van sociale media" in texts  # the stance heading
    assert not any(("Vrijwillig ambassadeurschap" in t or "Vacatures delen" in t) for t in texts)


def test_small_employers_are_not_told_about_the_disconnect_law():
    small = Scenario(name="Bakery", organisation={"employees": 12}, policy=Policy(mute_norms=True))
    text = to_markdown(draft_policy(small, "en"))
    assert "mute work chats" in text and "3 October 2022" not in text


def test_docx_opens_with_the_expected_headings(hospital):
    doc = draft_policy(with_policy(hospital, GREENHOUSE), "nl")
    word = Document(io.BytesIO(to_docx(doc)))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0].startswith("Socialemediabeleid van Universitair ziekenhuis")
    assert "3. Vertrouwelijkheid" in headings and "10. Recht op deconnectie" in headings
    table = word.tables[0]
    assert len(table.rows) == 1 + len(LEVER_VALUES)
    assert table.cell(1, 0).text == "Vertrouwelijkheidsregels"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_policy_docx_is_a4_in_one_font_and_its_table_stays_whole(hospital, lang):
    """Word showed Letter paper, a serif body and a table cut across pages without its header."""
    word = Document(io.BytesIO(to_docx(draft_policy(with_policy(hospital, GREENHOUSE), lang))))
    assert len(word.sections) == 1
    page = word.sections[0]
    assert (round(page.page_width.mm), round(page.page_height.mm)) == (210, 297)
    runs = [r for p in word.paragraphs for r in p.runs]
    runs += [r for row in word.tables[0].rows for c in row.cells for r in c.paragraphs[0].runs]
    assert {r.font.name for r in runs} == {FONT}
    rows = [row._tr.trPr for row in word.tables[0].rows]
    assert all(r.find(qn("w:cantSplit")) is not None for r in rows)
    assert rows[0].find(qn("w:tblHeader")) is not None  # repeats on the next page
    assert rows[1].find(qn("w:tblHeader")) is None
    glance = next(p for p in word.paragraphs if p.text == draft_policy(hospital, lang).glance_title)
    assert glance.paragraph_format.keep_with_next  # the heading travels with its table


def test_docx_cells_that_look_like_formulas_are_neutralised():
    doc = PolicyDocument(
        "en", "t", "i", [], [("=SUM(A1:A9)", "+1"), ("@cmd", "-2 ok")], ("Rule", "What"), "Glance"
    )
    table = Document(io.BytesIO(to_docx(doc))).tables[0]
    cells = [c.text for row in table.rows[1:] for c in row.cells]
    assert cells == ["'=SUM(A1:A9)", "'+1", "'@cmd", "'-2 ok"]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


@pytest.fixture(scope="module")
def results(hospital):
    return [
        ("Today", simulate(hospital, RunContext(runs=100, seed=2))),
        ("Greenhouse", simulate(with_policy(hospital, GREENHOUSE), RunContext(runs=100, seed=2))),
    ]


def test_html_report_loads_offline_without_errors(results, tmp_path: Path, browser):
    path = tmp_path / "report.html"
    path.write_text(html_report(results, "nl"), encoding="utf-8")
    page = browser.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_selector(".js-plotly-plot .main-svg")
    assert not errors
    assert all(u.startswith(("file:", "data:", "about:", "blob:")) for u in requests), requests
    text = page.inner_text("body")
    for heading in (
        "Samenvatting",
        "Scenario's vergeleken",
        "Grafieken",
        "Aannames en bronnen",
        "Vertrouwelijkheid",
    ):
        assert heading in text
    assert page.locator(".js-plotly-plot").count() == 6
    page.close()


@pytest.fixture(scope="module")
def hospital_rec(hospital):
    from core.recommend import recommend

    return recommend(hospital, context=RunContext(runs=100), search_runs=32)


def test_html_report_with_recommendation_and_personas(results, hospital_rec):
    text = html_report(results, "en", hospital_rec)
    assert "Recommended policy mix" in text
    assert "The decision" in text and "The first three moves" in text and "Guard rails" in text
    first = hospital_rec.first_moves[0]
    assert translate(f"lever.{first.lever}", "en") in text
    assert text.count("<script") >= 6
    assert not re.search(
        r"<(script|link|img)[^>]+(src|href)=[\"']?https?:", text
    )  # nothing external


def test_report_carries_the_decision_in_dutch(results, hospital_rec):
    """Confidence, first moves and guard rails in Dutch, with Dutch digit grouping."""
    text = html_report(results, "nl", hospital_rec)
    assert "De beslissing" in text and "De eerste drie stappen" in text and "Vangrails" in text
    assert re.search(r"[+-]?€\u00a0\d{1,3}(\.\d{3})+", text)  # € 12.345, not 12,345
