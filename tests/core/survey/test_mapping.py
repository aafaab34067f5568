"""Question text to construct, in Dutch and English, with reverse keying."""

from __future__ import annotations

import pytest

from core.survey import SurveyError, parse_mapping
from core.survey.mapping import suggest


@pytest.mark.parametrize(
    ("text", "target", "reverse"),
    [
        ("How satisfied are you with your job?", "satisfaction", False),
        ("Ik ben ontevreden over mijn werk", "satisfaction", True),
        ("I am proud to tell others I work here", "identification", False),
        ("Ik voel me niet trots op mijn organisatie", "identification", True),
        ("Mijn leidinggevende luistert naar mijn mening", "voice", False),
        ("I trust senior management", "trust", False),
        ("Ik heb weinig vertrouwen in de directie", "trust", True),
        ("I feel I have to be reachable in the evening", "always_on", False),
        ("Ik kan na de werkuren loskomen van mijn werk", "always_on", True),
        ("Ik kan niet loskomen van mijn werk", "always_on", False),
        ("I feel confident posting about work on LinkedIn", "social_media_skill", False),
        ("Do you follow our company page on LinkedIn?", "follows", False),
        ("Did you share posts from your employer?", "likes_shares", False),
        ("Heb je online kritiek gepost over je werkgever?", "posted_criticism", False),
        ("Hoe vaak gebruik je sociale media per dag?", "platform_use", False),
        ("Afdeling", "group", False),
    ],
)
def test_suggestions(text, target, reverse):
    s = suggest("col", text)
    assert s.target == target and s.confidence >= 0.5
    assert s.reverse == reverse


def test_unrelated_questions_stay_unmapped():
    assert suggest("fruits", "Please choose one of the fruits below").target is None
    assert suggest("Q7", "Hoeveel kilometer rij je naar het werk?").target is None


def test_item_codes():
    assert suggest("SAT2", "SAT2").target == "satisfaction"
    assert suggest("voice_3r", "voice_3r").reverse


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{not json", "not valid JSON"),
        ('{"items": {"Q1": {"target": "happiness"}}}', "items.Q1.target"),
        ('{"items": {"Q1": {"target": "voice", "points": 40}}}', "items.Q1.points"),
        ('{"items": [], "extra": 1}', "allowed targets"),
    ],
)
def test_bad_mapping_files(text, fragment):
    with pytest.raises(SurveyError) as info:
        parse_mapping(text)
    assert fragment in info.value.message("en")
