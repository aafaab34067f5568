"""No small group is ever shown, not even by subtraction; identifying columns out."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.survey import SurveyError
from core.survey.privacy import (
    breakdown,
    identifying_values,
    is_identifying_name,
    is_metadata_name,
    suppressed_groups,
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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(1, 40), min_size=1, max_size=8), st.integers(3, 10))
def test_suppression_never_reveals_a_small_group(sizes, threshold):
    series = pd.Series(sizes, index=[f"g{i}" for i in range(len(sizes))])
    hidden = suppressed_groups(series, threshold)
    visible = [g for g in series.index if g not in hidden]
    assert all(series[g] >= threshold for g in visible)
    if hidden and len(hidden) < len(series):
        # the hidden total (overall minus visible) must not expose a single small group
        assert len(hidden) >= 2
        assert series[list(hidden)].sum() >= threshold


def test_breakdown_hides_small_and_complementary_groups():
    groups = pd.Series(["A"] * 20 + ["B"] * 12 + ["C"] * 3)
    scores = pd.DataFrame({"voice": np.arange(35, dtype=float)})
    rows = {r.group: r for r in breakdown(scores, groups, ["voice"], threshold=5)}
    assert rows["C"].hidden and rows["C"].means is None and rows["C"].n is None
    assert rows["B"].hidden  # complementary: else C = total - A - B
    assert not rows["A"].hidden and rows["A"].n == 20


def test_threshold_floor():
    with pytest.raises(SurveyError):
        breakdown(pd.DataFrame({"voice": [1.0]}), pd.Series(["A"]), ["voice"], threshold=2)
