"""No small group is ever shown, not even by subtraction; identifying columns out."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.survey import SurveyError
from core.survey.privacy import (
    breakdown,
    identifying_values,
    is_identifying_name,
    is_metadata_name,
)


@pytest.mark.parametrize(
    "name",
    ["Email", "E-mailadres", "RecipientEmail", "IPAddress", "IP-adres", "LocationLatitude",
     "Längengrad des Standorts", "ResponseId", "Response ID", "RespondentID", "Name", "Naam",
     "Voornaam", "ExternalReference", "EmployeeNumber", "Telefoonnummer", "ID"],
)  # fmt: skip
def test_identifying_names(name):
    assert is_identifying_name(name)


@pytest.mark.parametrize("name", ["Department", "I trust management.", "Age group", "Afdeling"])
def test_not_identifying(name):
    assert not is_identifying_name(name)


def test_identifying_values_and_metadata():
    assert identifying_values(pd.Series(["a@b.be", "c@d.nl", "x"]))
    assert identifying_values(pd.Series(["10.0.0.1", "192.168.1.20"]))
    assert not identifying_values(pd.Series(["Agree", "Disagree"]))
    assert is_metadata_name("Duration (in seconds)") and is_metadata_name("Tijdstempel")


def test_breakdown_hides_small_and_complementary_groups():
    groups = pd.DataFrame({"dept": ["A"] * 20 + ["B"] * 12 + ["C"] * 3})
    scores = pd.DataFrame({"voice": np.arange(35, dtype=float)})
    rows = {r.group: r for r in breakdown(scores, groups, "dept", ["voice"], threshold=5)}
    assert rows["C"].hidden and rows["C"].means is None and rows["C"].n is None
    assert rows["B"].hidden  # complementary: else C = total - A - B
    assert not rows["A"].hidden and rows["A"].n == 20


def test_a_cell_needs_answers_not_members():
    """Legal has 6 people but one answered voice: that cell is hidden, its trust cell shown."""
    groups = pd.DataFrame({"dept": ["Legal"] * 6 + ["Sales"] * 20 + ["IT"] * 20})
    voice = np.r_[[1.75], [np.nan] * 5, np.linspace(1, 5, 40)]
    trust = np.linspace(1, 5, 46)
    scores = pd.DataFrame({"voice": voice, "trust": trust})
    rows = {r.group: r for r in breakdown(scores, groups, "dept", ["voice", "trust"], threshold=5)}
    assert rows["Legal"].means["voice"] is None and rows["Legal"].answers["voice"] is None
    assert rows["Legal"].means["trust"] == pytest.approx(trust[:6].mean())
    assert 1.75 not in {v for r in rows.values() if r.means for v in r.means.values()}


def test_blank_group_is_protected_from_overall_minus_groups():
    """One respondent left the department blank: the others cannot all be shown."""
    groups = pd.DataFrame({"dept": [""] + ["A"] * 10 + ["B"] * 10})
    scores = pd.DataFrame({"voice": np.arange(21, dtype=float)})
    rows = breakdown(scores, groups, "dept", ["voice"], threshold=5)
    assert [r.group for r in rows] == ["A", "B"]
    assert sum(not r.hidden for r in rows) == 1


def test_threshold_floor():
    with pytest.raises(SurveyError):
        breakdown(
            pd.DataFrame({"voice": [1.0]}), pd.DataFrame({"g": ["A"]}), "g", ["voice"], threshold=2
        )
