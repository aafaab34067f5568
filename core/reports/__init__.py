"""Outputs to leave behind: the draft policy text, an offline HTML report, a PPTX deck."""

from core.reports.deck import pptx_deck
from core.reports.html_report import html_report
from core.reports.policy_text import PolicyDocument, draft_policy, to_docx, to_markdown

__all__ = ["PolicyDocument", "draft_policy", "html_report", "pptx_deck", "to_docx", "to_markdown"]
