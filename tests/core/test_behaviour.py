"""The seed's advice must come out of the mechanisms: validity invariants as property tests.

Each test compares two policies (or climates) for organisations hypothesis
draws, simulated with common random numbers and the parameters at their
central values, so a difference is the mechanism and nothing else. Each
docstring states the invariant and where it comes from.
"""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from core import behaviour as bh
from core.context import RunContext
from core.levers import LEVER_VALUES
from core.population import synthetic_population
from core.scenario import CONSTRUCTS, load_scenario, validate_scenario, with_overrides
from core.simulate import simulate
from tests.conftest import SAMPLES

SETTINGS = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CENTRAL = RunContext(runs=8, seed=17, employees=800, uncertainty=False)
share = st.floats(0.0, 1.0)
mean = st.floats(1.5, 4.5)


@st.composite
def scenarios(draw, **fixed_policy):
    policy = {k: draw(st.sampled_from(v)) for k, v in LEVER_VALUES.items()}
    policy.update(fixed_policy)
    data = {
        "organisation": {
            "employees": draw(st.integers(50, 50_000)),
            "sensitive_access_share": draw(st.floats(0.05, 1.0)),
            "public_scrutiny": draw(share),
            "heavy_user_share": draw(st.floats(0.0, 0.6)),
            "work_chat_groups": draw(share),
            "open_vacancies": draw(st.integers(1, 200)),
        },
        "climate": {c: {"mean": draw(mean), "sd": draw(st.floats(0.3, 1.2))} for c in CONSTRUCTS},
        "policy": policy,
    }
    return validate_scenario(data)


def run(scenario, context=CENTRAL):
    return {k: float(v.mean()) for k, v in simulate(scenario, context).metrics.items()}


def policy(scenario, **levers):
    return with_overrides(scenario, {f"policy.{k}": v for k, v in levers.items()})


def engaged_or_more(m):
    return m["ambassadors_engaged"] + m["ambassadors_creators"]


EPS = 1e-9


@SETTINGS
@given(scenarios(), st.sampled_from(["identification", "satisfaction", "trust"]))
def test_climate_raises_ambassadorship(scenario, construct):
    """Identification, satisfaction and trust raise ambassadorship (Men 2014; Soens & Claeys).

    Under a gag, own posts about work are partly defiance (reactance falls as
    trust rises), so there the invariant is on engagement only.
    """
    now = getattr(scenario.climate, construct).mean
    assume(now <= 4.5)
    up = with_overrides(scenario, {f"climate.{construct}.mean": now + 0.5})
    assert engaged_or_more(run(up)) >= engaged_or_more(run(scenario)) - EPS
    if not scenario.policy.no_work_posts:
        assert run(up)["ambassadors_creators"] >= run(scenario)["ambassadors_creators"] - EPS


@SETTINGS
@given(scenarios())
def test_identification_raises_neither_leaks_nor_criticism(scenario):
    """Pride raises positive voice and does not raise leaks or criticism (evidence.md)."""
    now = scenario.climate.identification.mean
    assume(now <= 4.5)
    up = with_overrides(scenario, {"climate.identification.mean": now + 0.5})
    a, b = run(scenario), run(up)
    assert b["p_sensitive_leak_year"] <= a["p_sensitive_leak_year"] + EPS
    assert b["critics_share"] <= a["critics_share"] + EPS


@SETTINGS
@given(scenarios(), st.sampled_from(["work_time_ban", "no_work_posts"]))
def test_restrictions_raise_reactance(scenario, lever):
    """A restriction threatens freedom: reactance rises, run by run, whatever the draws."""
    assume(not getattr(scenario.policy, lever))
    wide = RunContext(runs=8, seed=17, employees=800)
    restricted = policy(scenario, **{lever: True})
    before = simulate(scenario, wide).metrics["mean_reactance"]
    after = simulate(restricted, wide).metrics["mean_reactance"]
    assert np.all(after >= before)


def test_reactance_concentrates_in_heavy_users(neutral, params):
    """Small for the average employee, several times larger in heavy users (the seed)."""
    pop = synthetic_population(
        neutral.organisation, neutral.climate, params, np.random.default_rng(0), 20000
    )
    theta = params.fixed().draw(np.random.default_rng(1), 4)
    terms = bh.policy_terms(policy(neutral, no_work_posts=True).policy, theta)
    state = bh.reactance_state(pop, terms.threat, theta)
    reactant = state >= bh.STRONG_REACTANCE
    heavy, light = reactant[:, pop.heavy].mean(), reactant[:, ~pop.heavy].mean()
    assert light < 0.15
    assert heavy > 2.0 * light


@SETTINGS
@given(scenarios(no_work_posts=False, confidentiality_rules=False, explain_rules=False))
def test_a_gag_protects_less_than_explained_confidentiality_rules(scenario):
    """Restrictions do not buy leak safety: explained confidentiality rules protect more."""
    gag = run(policy(scenario, no_work_posts=True))
    rules = run(policy(scenario, confidentiality_rules=True, explain_rules=True))
    assert rules["p_sensitive_leak_year"] < gag["p_sensitive_leak_year"]


@SETTINGS
@given(scenarios(no_work_posts=False, explain_rules=False))
def test_a_gag_backfires_where_heavy_users_are_many_and_trust_is_low(scenario):
    """Many heavy users, low trust: an unexplained gag raises negative posts, does not lower
    leak risk (the gag going public is counted apart, as a public incident)."""
    hostile = with_overrides(
        scenario, {"organisation.heavy_user_share": 0.5, "climate.trust.mean": 2.0}
    )
    a, b = run(hostile), run(policy(hostile, no_work_posts=True))
    assert b["negative_posts_per_year"] > a["negative_posts_per_year"]
    assert b["p_sensitive_leak_year"] >= a["p_sensitive_leak_year"] - EPS


def test_under_a_gag_reactant_staff_post_more_about_work():
    """The boomerang: with a gag, reactance raises posting about work (Brehm 1966)."""
    base = validate_scenario({"policy": {"no_work_posts": True}})
    fierce = RunContext(runs=8, seed=3, employees=3000, uncertainty=False)
    calm = fierce.with_(params=fierce.params.with_values({"gag_boomerang": 0.0}))
    assert run(base, fierce)["ambassadors_creators"] > run(base, calm)["ambassadors_creators"]
    assert run(base, fierce)["p_restriction_public_year"] > 0


def _ban_cost(scenario, heavy_share):
    s = with_overrides(scenario, {"organisation.heavy_user_share": heavy_share})
    a, b = run(s), run(policy(s, work_time_ban=True))
    lost = a["monthly_unique_reach"] - b["monthly_unique_reach"]
    return lost, lost / a["monthly_unique_reach"], b["critics_share"] - a["critics_share"]


@SETTINGS
@given(scenarios(work_time_ban=False, no_work_posts=False), st.floats(0.0, 0.15))
def test_a_ban_costs_more_with_more_heavy_users(scenario, low_share):
    """A ban's cost in reach (people) and in criticism grows with the share of heavy users."""
    few, many = _ban_cost(scenario, low_share), _ban_cost(scenario, 0.55)
    assert many[0] > few[0]
    assert many[2] > few[2]


def test_a_ban_costs_a_larger_share_of_reach_with_more_heavy_users(neutral):
    """In a neutral climate the ban also costs a larger share of reach when heavy users abound."""
    few, many = _ban_cost(neutral, 0.0), _ban_cost(neutral, 0.6)
    assert many[1] > few[1] + 0.02


@SETTINGS
@given(scenarios(work_time_ban=True))
def test_dropping_a_ban_never_raises_leak_risk(scenario):
    """A work-time ban buys no leak safety: dropping it never raises the leak probability."""
    a, b = run(scenario), run(policy(scenario, work_time_ban=False))
    assert b["p_sensitive_leak_year"] <= a["p_sensitive_leak_year"] + EPS


@SETTINGS
@given(scenarios(no_work_posts=False))
def test_voluntary_beats_mandatory(scenario):
    """Voluntary beats mandatory on reach, criticism and reactance (the seed's main advice).

    (A gag with a programme is incoherent and flagged; it is left out here.)
    """
    voluntary = run(policy(scenario, ambassador_programme="voluntary"))
    mandatory = run(policy(scenario, ambassador_programme="mandatory"))
    assert voluntary["monthly_unique_reach"] > mandatory["monthly_unique_reach"]
    assert voluntary["critics_share"] < mandatory["critics_share"]
    assert voluntary["reactance_share"] <= mandatory["reactance_share"]


@SETTINGS
@given(scenarios(share_permission=False, content_support=False, no_work_posts=False))
def test_vetted_content_adds_almost_no_leak_risk(scenario):
    """Vetted official content discloses nothing new; ready content lowers careless leaks.

    The chance of a leak stays within half a point where the soil is not poor (voice
    and trust at least 2.5): in poor soil, asking aggrieved staff to advocate provokes
    criticism, and critics leak deliberately (soil before greenhouse, tested on its
    own). Under a gag an invitation to share is incoherent and flagged; left out here.
    """
    assume(scenario.climate.voice.mean >= 2.5 and scenario.climate.trust.mean >= 2.5)
    a = run(scenario)
    shared = run(policy(scenario, share_permission=True))
    content = run(policy(scenario, content_support=True))
    assert shared["p_sensitive_leak_year"] - a["p_sensitive_leak_year"] < 0.005
    assert content["p_sensitive_leak_year"] - a["p_sensitive_leak_year"] < 0.005


@SETTINGS
@given(scenarios(share_permission=False))
def test_share_permission_moves_sharing_more_than_authoring(scenario):
    """'You may always share' acts mainly on sharing official content, not on own posts."""
    a, b = run(scenario), run(policy(scenario, share_permission=True))
    assert (
        b["sharers_share"] - a["sharers_share"]
        > b["ambassadors_creators"] - (a["ambassadors_creators"])
    )


@SETTINGS
@given(scenarios(training="none"))
def test_training_moves_authoring_more_than_sharing(scenario):
    """Skills and a shareable certificate act on own posts, not on sharing."""
    a, b = run(scenario), run(policy(scenario, training="voluntary_certificate"))
    assert (
        b["ambassadors_creators"] - a["ambassadors_creators"]
        > b["sharers_share"] - (a["sharers_share"])
    )


@SETTINGS
@given(scenarios(no_work_posts=False))
def test_rewards_crowd_out_by_contingency(scenario):
    """The more contingent and ranked the reward, the fewer own posts (Deci et al. 1999)."""
    creators = {
        r: run(policy(scenario, rewards=r))["ambassadors_creators"]
        for r in ("equal_with_alternatives", "equal", "tiered")
    }
    assert creators["tiered"] < creators["equal"] < creators["equal_with_alternatives"]


def test_best_climate_stays_below_published_maxima(neutral):
    """Creators stay below about 55% in the best climate; impressions exceed unique reach."""
    good = {f"climate.{c}.mean": 4.6 for c in CONSTRUCTS if c != "always_on"}
    best = policy(
        with_overrides(neutral, good),
        share_permission=True,
        content_support=True,
        ambassador_programme="voluntary",
        training="voluntary_certificate",
    )
    m = run(best, CENTRAL.with_(employees=4000))
    assert m["ambassadors_creators"] < 0.57
    assert m["monthly_impressions"] > 1.5 * m["monthly_unique_reach"]


def test_likes_carry_almost_no_reach(neutral, params):
    """Likes are rarely shown to one's connections: doubling them barely moves reach."""
    more = CENTRAL.with_(params=params.with_values({"likes_per_month": 4.0}))
    base = run(neutral)["monthly_unique_reach"]
    assert abs(run(neutral, more)["monthly_unique_reach"] / base - 1) < 0.03


def test_vacancy_requests_are_graded(neutral):
    """Asking to share vacancies raises recruitment reach step by step, not as a switch."""
    reach = [
        run(policy(neutral, vacancy_requests=v))["monthly_recruitment_reach"]
        for v in ("none", "key_roles", "all_vacancies")
    ]
    assert reach[0] < reach[1] < reach[2]
    assert reach[1] - reach[0] > 0.2 * (reach[2] - reach[0])


@SETTINGS
@given(scenarios(voice_channels=False))
def test_voice_lowers_negative_posting(scenario):
    """Internal voice is a release valve; grievance raises criticism (ERC 2012; Lee 2022)."""
    assume(scenario.climate.voice.mean <= 4.5 and scenario.climate.satisfaction.mean >= 1.5)
    base = run(scenario)
    channels = run(policy(scenario, voice_channels=True))
    unhappy = with_overrides(
        scenario, {"climate.satisfaction.mean": scenario.climate.satisfaction.mean - 0.5}
    )
    assert channels["critics_share"] <= base["critics_share"]
    assert run(unhappy)["critics_share"] >= base["critics_share"]


@SETTINGS
@given(scenarios(mute_norms=False))
def test_always_on(scenario):
    """Always-on pressure and chat groups raise exhaustion; mute norms lower it."""
    assume(scenario.climate.always_on.mean <= 4.5)
    base = run(scenario)
    pressure = with_overrides(
        scenario, {"climate.always_on.mean": scenario.climate.always_on.mean + 0.5}
    )
    mute = policy(scenario, mute_norms=True)
    assert run(pressure)["always_on_share"] >= base["always_on_share"]
    assert run(pressure)["critics_share"] >= base["critics_share"] - EPS
    assert run(mute)["always_on_share"] <= base["always_on_share"]


def test_after_hours_expectation_effect_matches_evidence(neutral):
    """Low vs high always-on pressure: +10 to +30 points of exhaustion (UniSA 2020)."""
    low = run(with_overrides(neutral, {"climate.always_on.mean": 1.8}))["always_on_share"]
    high = run(with_overrides(neutral, {"climate.always_on.mean": 4.2}))["always_on_share"]
    assert 0.10 <= high - low <= 0.30


@SETTINGS
@given(scenarios(visual_guidelines=False))
def test_access_raises_and_photo_rules_lower_leaks(scenario):
    """More staff with sensitive access, more leaks; photo guidelines lower careless ones."""
    assume(scenario.organisation.sensitive_access_share <= 0.7)
    base = run(scenario)
    more = with_overrides(
        scenario,
        {"organisation.sensitive_access_share": scenario.organisation.sensitive_access_share + 0.3},
    )
    assert run(more)["p_sensitive_leak_year"] >= base["p_sensitive_leak_year"]
    assert (
        run(policy(scenario, visual_guidelines=True))["p_sensitive_leak_year"]
        <= (base["p_sensitive_leak_year"])
    )


def test_confidentiality_rules_cover_their_scope_and_work_best_explained(neutral):
    """Rules protect the channels in scope, and more when the reason is given."""
    sensitive = with_overrides(neutral, {"organisation.sensitive_access_share": 0.8})
    none = run(sensitive)["p_sensitive_leak_year"]
    rules = run(policy(sensitive, confidentiality_rules=True))["p_sensitive_leak_year"]
    explained = run(policy(sensitive, confidentiality_rules=True, explain_rules=True))
    everywhere = run(
        policy(sensitive, confidentiality_rules=True, explain_rules=True, platform_scope="all")
    )
    assert everywhere["p_sensitive_leak_year"] < explained["p_sensitive_leak_year"] < rules < none


def test_leak_probability_grows_less_than_linearly_with_size(neutral):
    """Leak probability by size class, not linear per head: 100,000 staff stay below certainty."""
    p = {
        n: run(with_overrides(neutral, {"organisation.employees": n}))["p_sensitive_leak_year"]
        for n in (200, 2000, 100_000)
    }
    assert p[200] < p[2000] < p[100_000] < 0.95
    assert p[2000] < 10 * p[200]


@SETTINGS
@given(scenarios(platform_scope="professional", chat_group_norms=False))
def test_chat_incidents(scenario):
    """Chats outside the scope and without norms produce more public incidents."""
    base = run(scenario)["chat_incidents_per_year"]
    covered = run(policy(scenario, platform_scope="all", chat_group_norms=True))
    assert covered["chat_incidents_per_year"] <= base


def test_unique_reach_saturates(neutral, params):
    """Impressions add up, people do not: unique reach grows slower than impressions."""
    busy = CENTRAL.with_(
        params=params.with_values({"posts_per_creator_month": 1.2, "shares_per_engaged_month": 1.6})
    )
    quiet = CENTRAL.with_(
        params=params.with_values({"posts_per_creator_month": 0.3, "shares_per_engaged_month": 0.4})
    )
    a, b = run(neutral, quiet), run(neutral, busy)
    ratio_impressions = b["monthly_impressions"] / a["monthly_impressions"]
    ratio_unique = b["monthly_unique_reach"] / a["monthly_unique_reach"]
    assert 3.5 < ratio_impressions < 4.1
    assert ratio_unique < ratio_impressions


@SETTINGS
@given(scenarios())
def test_bounds_hold_everywhere(scenario):
    """Every metric is finite and non-negative; shares and probabilities stay within 0..1."""
    m = simulate(scenario, RunContext(runs=8, seed=5, employees=600)).metrics
    for name, values in m.items():
        assert np.all(np.isfinite(values)) and np.all(values >= 0), name
        if name.endswith("_share") or name.startswith(("ambassadors_", "p_")):
            assert np.all(values <= 1), name
    assert np.all(m["monthly_unique_reach"] <= m["monthly_impressions"] + 1e-6)


def test_soil_before_greenhouse(neutral):
    """Stimulation takes root where voice and trust are good; voice channels improve the soil,
    and asking aggrieved staff without a voice to advocate raises criticism."""
    greenhouse = {
        "policy.share_permission": True,
        "policy.content_support": True,
        "policy.ambassador_programme": "voluntary",
    }

    def effect(soil, channels):
        base = with_overrides(
            neutral,
            {
                "climate.voice.mean": soil,
                "climate.trust.mean": soil,
                "policy.voice_channels": channels,
            },
        )
        a, b = run(base), run(with_overrides(base, greenhouse))
        gain = b["monthly_unique_reach"] / a["monthly_unique_reach"] - 1
        return gain, b["critics_share"] - a["critics_share"]

    poor, rich, poor_with_voice = effect(2.0, False), effect(4.0, False), effect(2.0, True)
    assert rich[0] > poor[0] + 0.05
    assert poor_with_voice[0] > poor[0]
    assert poor[1] > rich[1] and poor[1] > poor_with_voice[1]


def test_reactance_saturates_so_no_run_explodes():
    """Invariant: reactance rises with the threat but never passes its ceiling, so the
    most restrictive mix in the most hostile sample gives leak counts of a plausible size
    in every run (a tail of 80,000 leaks a year came from an unbounded state)."""
    police = load_scenario(SAMPLES / "police_zone.json")
    harsh = policy(police, work_time_ban=True, ambassador_programme="mandatory", rewards="tiered")
    result = simulate(harsh, RunContext(runs=300, seed=5))
    expected = result.metrics["expected_sensitive_leaks"]
    assert expected.max() < 10 * max(float(np.median(expected)), 0.1)
    assert result.metrics["mean_reactance"].max() <= 4.0  # the ceiling's upper range
    gentle = simulate(police, RunContext(runs=300, seed=5)).metrics["mean_reactance"]
    assert result.metrics["mean_reactance"].mean() > gentle.mean()  # restrictions still bite
