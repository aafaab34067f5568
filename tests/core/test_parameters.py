"""Parameters as data: every number has a range, a unit and a reference."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from core.errors import ParameterError
from core.parameters import EFFECT_UNITS, PARAMETER_DIR, load_parameters


def test_every_parameter_carries_its_evidence(params):
    assert len(params) > 60
    for p in params:
        q = params[p]
        assert q.low <= q.value <= q.high, p
        assert q.unit and q.label["en"] and q.label["nl"], p
        assert q.description["en"] and q.description["nl"], p
        assert q.references and all(r.title and r.year for r in q.references), p


def test_only_structure_is_fixed_and_it_says_why(params):
    """Monte Carlo varies every behavioural parameter; a fixed one states why it is fixed."""
    fixed = {n for n, p in params.items() if not p.uncertain}
    assert all(params[n].fixed_because for n in fixed), fixed
    assert all(params[n].family == "population" or n.endswith("headcount") for n in fixed), fixed


def test_weak_effects_allow_for_no_effect(params):
    """A C-graded effect (direction, analogy or assumption) has a range that includes zero."""
    for name, p in params.items():
        effect = p.unit.startswith(EFFECT_UNITS) or name.endswith("_reduction")
        if p.grade == "C" and effect and p.uncertain:
            assert p.low <= 0 <= p.high, name


def test_grades_and_support_are_stated(params):
    """Every parameter says what its reference supports; 'none' (assumption) is never above C."""
    for name, p in params.items():
        assert p.supports in ("magnitude", "direction", "analogy", "none"), name
        if p.supports in ("none", "analogy"):
            assert p.grade == "C", name


def test_draws_stay_in_range_and_centre_on_the_value(params):
    draws = params.draw(np.random.default_rng(1), 4000)
    for name, values in draws.items():
        p = params[name]
        assert values.min() >= p.low - 1e-12 and values.max() <= p.high + 1e-12
        if p.distribution == "log_triangular":
            continue
        mode_mean = (p.low + p.value + p.high) / 3
        assert values.mean() == pytest.approx(mode_mean, abs=0.05 * (p.high - p.low) + 1e-12)


def test_a_family_moves_together(params):
    """Draws within one mechanism family are correlated, oriented by the effect's sign."""
    draws = params.draw(np.random.default_rng(2), 4000)
    r = np.corrcoef(draws["effect_share_permission"], draws["effect_content_support"])[0, 1]
    assert 0.3 < r < 0.7
    other = np.corrcoef(draws["effect_share_permission"], draws["base_p_critic"])[0, 1]
    assert abs(other) < 0.1


def test_draws_are_reproducible(params):
    a = params.draw(np.random.default_rng(7), 10)
    b = params.draw(np.random.default_rng(7), 10)
    assert all(np.array_equal(a[k], b[k]) for k in a)


def test_fixed_and_overrides(params):
    fixed = params.fixed()
    draws = fixed.draw(np.random.default_rng(0), 5)
    assert np.all(draws["beta_identification"] == params["beta_identification"].value)
    changed = params.with_values({"beta_identification": 0.9})
    assert changed["beta_identification"].value == 0.9
    assert changed["beta_identification"].high >= 0.9
    with pytest.raises(ParameterError):
        params.with_values({"no_such_parameter": 1})


@pytest.mark.parametrize(
    ("edit", "fragment"),
    [
        (("value: 0.55\n    range: [0.3, 0.8]", "value: 0.9\n    range: [0.3, 0.8]"), "outside"),
        (("references: [men_2014, soens_claeys_2025]", "references: [nobody_2099]"), "nobody_2099"),
        (("    unit: log-odds per scale point\n    value: 0.55", "    value: 0.55"), "unit"),
    ],
)
def test_broken_files_fail_naming_file_and_key(tmp_path, edit, fragment):
    target = tmp_path / "parameters"
    shutil.copytree(PARAMETER_DIR, target)
    path = target / "ambassadorship.yaml"
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    with pytest.raises(ParameterError) as info:
        load_parameters(target)
    message = info.value.message("en")
    assert "ambassadorship.yaml" in message and fragment in message


def test_a_weak_effect_that_excludes_zero_is_refused(tmp_path):
    target = tmp_path / "parameters"
    shutil.copytree(PARAMETER_DIR, target)
    path = target / "negative.yaml"
    text = path.read_text(encoding="utf-8")
    assert "range: [0.0, 0.8]" in text  # exhaustion_negative, C-graded
    path.write_text(text.replace("range: [0.0, 0.8]", "range: [0.2, 0.8]", 1), encoding="utf-8")
    with pytest.raises(ParameterError) as info:
        load_parameters(target)
    assert "include 0" in info.value.message("en")


def test_unparseable_yaml_fails_loudly(tmp_path):
    target = tmp_path / "parameters"
    shutil.copytree(PARAMETER_DIR, target)
    (target / "risk.yaml").write_text("parameters: [unclosed", encoding="utf-8")
    with pytest.raises(ParameterError) as info:
        load_parameters(target)
    assert "risk.yaml" in info.value.message("nl")
