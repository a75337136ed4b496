"""A measure renamed between quarters is one indicator; different measures stay apart."""
import itertools
import json

import pytest

from scrutiny.web.performance.identity import (THRESHOLD, Candidate, Incoming, assign, key,
                                               match_score, name_score)
from tests.conftest import EXAMPLES

EXPECTED = EXAMPLES / "fenmoor" / "expected.json"


def measures() -> dict[str, list[str]]:
    if not EXPECTED.exists():
        pytest.skip("examples/fenmoor/expected.json is missing")
    data = json.loads(EXPECTED.read_text())
    return {ref: [m["name"] for m in names] for ref, names in data["measures"].items()}


def test_names_of_different_measures_never_reach_the_threshold():
    all_names = [(ref, n) for ref, names in measures().items() for n in names]
    for (r1, a), (r2, b) in itertools.combinations(all_names, 2):
        if r1 != r2:
            assert name_score(a, b).score < THRESHOLD, (a, b)


def test_renamed_measures_match_by_name_or_by_a_shared_figure():
    """Each quarter's name matches the last quarter's, by name alone or, for a bigger
    rewording, because the new report's previous-period column repeats last report's
    figure (as the fenmoor reports do)."""
    for ref, names in measures().items():
        for a, b in zip(names, names[1:]):
            by_name = name_score(a, b).score >= THRESHOLD
            cand = Candidate(1, [a], "%", {"Q4 2024/25": "36.5"})
            inc = Incoming(b, "%", {"Q4 2024/25": "36.5"})
            assert by_name or match_score(inc, cand).score >= THRESHOLD, (ref, a, b)


@pytest.mark.parametrize("a,b", [
    ("Eligible 2 year olds taking up their FEEE", "Eligible 3 year olds taking up their FEEE"),
    ("Primary schools rated 'Good' or 'Outstanding'",
     "Secondary schools rated 'Good' or 'Outstanding'"),
    ("Children in care (rate per 10,000 children)",
     "Children in care placed more than 20 miles from home"),
    ("Care leavers in EET (aged 19-21)", "Care leavers in suitable accommodation (aged 19-21)"),
    ("Referrals to children's social care", "Re-referrals to children's social care within "
     "12 months of a previous referral (%)"),
])
def test_alike_names_of_different_measures_stay_apart(a, b):
    assert name_score(a, b).score < THRESHOLD


def test_abbreviations_are_spelt_out():
    assert key("Re-referrals to CSC within 12 mths (%)") == \
        key("Re-referrals to children's social care within 12 months")
    assert key("No. of children open to an Early Help Pathway") == \
        key("Number of children open to an Early Help Pathway")


def test_units_must_agree():
    cand = Candidate(1, ["Children in care"], "per 10,000")
    assert match_score(Incoming("Children in care", "%"), cand).score == 0


def test_a_paper_matches_one_to_one():
    """Two rows of one paper never land on one indicator, even when both are close."""
    cands = [Candidate(1, ["Care leavers in suitable accommodation (aged 19-21)"], "%")]
    incoming = [Incoming("Care leavers aged 19-21 in suitable accommodation (%)", "%"),
                Incoming("Care leavers in suitable accommodation aged 19 to 21", "%")]
    got = [ind for _, ind, _ in assign(incoming, cands)]
    assert sorted(got, key=str) == sorted([1, None], key=str)


def test_an_officers_placement_wins():
    cands = [Candidate(1, ["Re-referrals within 12 months"], "%"),
             Candidate(2, ["Re-referrals to CSC within 12 months"], "%")]
    inc = [Incoming("Re-referrals within 12 months", "%")]
    assert assign(inc, cands, exact={key("Re-referrals within 12 months"): 2})[0][1] == 2
