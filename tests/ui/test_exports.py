"""The Scenarios page writes its documents from the chosen baseline and proposal."""

from __future__ import annotations

import io

from docx import Document
from pptx import Presentation

from core.reports import draft_policy, to_docx
from core.scenario import Policy
from tests.ui.test_pages import app

GAG = Policy(no_work_posts=True, confidentiality_rules=True)


def _words(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def test_policy_text_and_deck_follow_a_saved_proposal_not_the_current_mix():
    at = app("pages/5_Scenarios.py")
    at.session_state["mix"] = GAG
    at.run()
    at.text_input(key="save_name").set_value("Gag option").run()
    at.button[0].click().run()  # saved with the gag as its mix
    at.session_state["mix"] = Policy(share_permission=True, voice_channels=True)
    at.session_state["export_proposal"] = "Gag option"
    at.session_state["export_baseline"] = "__today__"
    at.run()
    next(b for b in at.button if b.label == "Prepare the documents").click().run()
    assert not at.exception, [e.value for e in at.exception]
    exports = at.session_state["exports"]
    policy = _words(exports["docx"])
    current = _words(to_docx(draft_policy(at.session_state["scenario"].model_copy(
        update={"policy": at.session_state["mix"]}), "en")))  # fmt: skip
    assert policy != current
    assert any("Do not post about your work" in p for p in policy)
    assert not any("Do not post about your work" in p for p in current)
    deck = Presentation(io.BytesIO(exports["pptx"]))
    first = deck.slides[0].shapes[1].text_frame.text
    assert "Gag option compared with Today's policy" in first
    assert exports["pdf"][:5] == b"%PDF-"
