"""Parameters as data: every number has a range, a unit and a reference."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from core.errors import ParameterError
from core.parameters import PARAMETER_DIR, load_parameters


def test_every_parameter_carries_its_evidence(params):
    assert len(params) > 60
    for p in params:
        q = params[p]
        assert q.low <= q.value <= q.high, p
        assert q.unit and q.label["en"] and q.label["nl"], p
        assert q.description["en"] and q.description["nl"], p
        assert q.references and all(r.title and r.year for r in q.references), p


def test_behavioural_parameters_are_uncertain(params):
    """Monte Carlo varies every behavioural parameter except structural ones."""
    fixed = {n for n, p in params.items() if not p.uncertain}
    structural = ("corr_", "network_sigma_", "heavy_network", "heavy_platform", "heavy_skill")
    assert all(n.startswith(structural) for n in fixed), fixed


def test_draws_stay_in_range_and_centre_on_the_value(params):
    draws = params.draw(np.random.default_rng(1), 4000)
    for name, values in draws.items():
        p = params[name]
        assert values.min() >= p.low - 1e-12 and values.max() <= p.high + 1e-12
        mode_mean = (p.low + p.value + p.high) / 3
        assert values.mean() == pytest.approx(mode_mean, abs=0.05 * (p.high - p.low) + 1e-12)


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
        (("value: 0.6\n    range: [0.4, 0.8]", "value: 0.9\n    range: [0.4, 0.8]"), "outside"),
        (("references: [men_2014, soens_claeys_2025]", "references: [nobody_2099]"), "nobody_2099"),
        (("    unit: log-odds per scale point\n    value: 0.6", "    value: 0.6"), "unit"),
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


def test_unparseable_yaml_fails_loudly(tmp_path):
    target = tmp_path / "parameters"
    shutil.copytree(PARAMETER_DIR, target)
    (target / "risk.yaml").write_text("parameters: [unclosed", encoding="utf-8")
    with pytest.raises(ParameterError) as info:
        load_parameters(target)
    assert "risk.yaml" in info.value.message("nl")
