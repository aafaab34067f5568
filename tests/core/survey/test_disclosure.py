"""An attacker who sees every shown number cannot compute a small group's answers.

The attacker knows who is in which group and who answered (the worst case),
turns every shown mean into the sum it stands for, and solves by least
squares for the total of each individual and of each small set of people
(groups, the blank 'missing group', intersections and differences of
groups across columns). A zero residual means the total is exactly known.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.survey import ingest
from core.survey.disclosure import smallest_disclosed, suppress_until_safe
from core.survey.privacy import breakdown, group_labels, persona_cells
from tests.conftest import ROOT

SAMPLE = ROOT / "sample_data" / "surveys" / "serre_example_qualtrics_en.csv"


def known(released: list[np.ndarray], target: np.ndarray) -> bool:
    """Whether the total over ``target`` is a linear combination of the released sums."""
    if not released:
        return False
    matrix = np.asarray(released, dtype=float).T  # respondents x released sums
    coef, *_ = np.linalg.lstsq(matrix, target.astype(float), rcond=None)
    return bool(np.abs(matrix @ coef - target).max() < 1e-6)


def small_targets(answered: np.ndarray, labels: dict[str, np.ndarray], threshold: int):
    """Individuals and every small set an attacker might aim at (within the answers)."""
    sets = [np.eye(len(answered), dtype=bool)[i] for i in np.flatnonzero(answered)]
    groups = []
    for values in labels.values():
        for label in {v for v in values if isinstance(v, str)}:
            groups.append(values == label)
        groups.append(np.array([not isinstance(v, str) for v in values]))  # the blank group
    for a in groups:
        sets.append(a)
        for b in groups:
            sets += [a & b, a & ~b]
    for s in sets:
        s = s & answered
        if 0 < s.sum() < threshold:
            yield s


def release_of(scores, groups, measures, threshold, personas=None):
    """Every set whose sum the app and CLI reveal, per measure, from their outputs."""
    labels = {c: group_labels(groups[c]).to_numpy(dtype=object) for c in groups.columns}
    out = {}
    for m in measures:
        answered = scores[m].notna().to_numpy()
        sums = [answered] if answered.sum() >= threshold else []
        for column in groups.columns:
            for row in breakdown(scores, groups, column, measures, threshold):
                if row.means and row.means[m] is not None:
                    members = (labels[column] == row.group) & answered
                    assert members.sum() == row.answers[m] >= threshold
                    assert row.means[m] == np.mean(scores[m].to_numpy()[members])
                    sums.append(members)
        if personas is not None:
            shown = persona_cells(scores, groups, measures, personas, threshold)[m]
            sums += [(personas == p) & answered for p, ok in enumerate(shown) if ok]
        out[m] = (answered, sums)
    return out, labels


surveys = st.integers(12, 60).flatmap(
    lambda n: st.tuples(
        st.just(n),
        st.integers(3, 8),  # threshold
        st.lists(st.integers(0, 6), min_size=n, max_size=n),  # department (0 = blank)
        st.lists(st.integers(0, 3), min_size=n, max_size=n),  # site (0 = blank)
        st.lists(st.booleans(), min_size=n, max_size=n),  # answered voice
        st.lists(st.integers(0, 3), min_size=n, max_size=n),  # persona
    )
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(surveys, st.integers(0, 2**31 - 1))
def test_no_linear_combination_of_shown_numbers_isolates_a_small_group(survey, seed):
    """Invariant: no combination of the released counts and sums pins down fewer than
    ``threshold`` respondents, whatever the groups, blanks, personas and answers.
    """
    n, threshold, dept, site, voice_answered, persona = survey
    rng = np.random.default_rng(seed)
    groups = pd.DataFrame(
        {
            "dept": ["" if d == 0 else f"D{d}" for d in dept],
            "site": ["" if s == 0 else f"S{s}" for s in site],
        }
    )
    scores = pd.DataFrame(
        {
            "voice": np.where(voice_answered, rng.uniform(1, 5, n), np.nan),
            "trust": rng.uniform(1, 5, n),
        }
    )
    released, labels = release_of(scores, groups, ["voice", "trust"], threshold, np.array(persona))
    for answered, sums in released.values():
        for target in small_targets(answered, labels, threshold):
            assert not known(sums, target), f"{int(target.sum())} answers isolated"


def test_the_attacker_finds_what_a_naive_release_gives_away():
    """Showing every group of five or more (the old rule on members) leaks the blank one."""
    labels = np.array([None] + ["A"] * 10 + ["B"] * 10, dtype=object)
    answered = np.ones(21, dtype=bool)
    naive = [answered, labels == "A", labels == "B"]
    blank = np.array([v is None for v in labels])
    assert known(naive, blank)
    assert smallest_disclosed(naive).size == 1
    shown = suppress_until_safe([answered], naive[1:], 5)
    assert not known([answered] + [s for s, ok in zip(naive[1:], shown, strict=True) if ok], blank)


def test_group_a_minus_group_b_across_two_columns_is_blocked():
    """Operations (20) holds all of Ghent (19): showing both would give one person away."""
    ops = np.arange(40) < 20
    ghent = np.arange(40) < 19
    everyone = np.ones(40, dtype=bool)
    assert smallest_disclosed([everyone, ops, ghent]).size == 1
    shown = suppress_until_safe([everyone], [ops, ghent, ~ops, ~ghent], 5)
    sums = [everyone] + [s for s, ok in zip([ops, ghent, ~ops, ~ghent], shown, strict=True) if ok]
    assert smallest_disclosed(sums).size >= 5
    assert not known(sums, ops & ~ghent)


def test_cli_json_for_every_group_column_protects_the_blank_respondent():
    """`ingest --json --group X` for every X, with one respondent's department blank."""
    frame = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False, header=None)
    department = next(i for i in frame.columns if "Department" in " ".join(frame[i][:3]))
    data_rows = [i for i in range(len(frame)) if frame[department][i] in ("Sales", "IT")]
    frame.loc[data_rows[0], department] = ""  # the one respondent with a blank department
    raw = frame.to_csv(index=False, header=False).encode()
    result = ingest(raw, "export.csv")
    outputs = [json.loads(json.dumps(result.to_dict(group=g))) for g in result.group_candidates]
    measured = result.measured()
    labels = {c: group_labels(result.groups[c]).to_numpy(dtype=object) for c in result.groups}
    for m in measured:
        values = result.scores[m].to_numpy()
        answered = ~np.isnan(values)
        sums = [answered]
        assert outputs[0]["constructs"][m]["mean"] == np.mean(values[answered])
        for g, out in zip(result.group_candidates, outputs, strict=True):
            for row in out["breakdown"]["rows"]:
                if row["means"] and row["means"][m] is not None:
                    sums.append((labels[g] == row["group"]) & answered)
        for target in small_targets(answered, labels, result.threshold):
            assert not known(sums, target)
    blank = np.array([not isinstance(v, str) for v in labels[department_column(result)]])
    assert blank.sum() >= 1


def department_column(result) -> str:
    return next(c for c in result.groups if "department" in result.questions.get(c, c).lower())
