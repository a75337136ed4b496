"""The fictional council's year (examples/): actions answered at a later meeting are
proposed as followed up with the later item or lines as evidence, confirming one closes the
action, unanswered ones show as overdue after their due date.  Measured against the
tracker in examples/fenmoor/expected.json."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.conftest import EXAMPLES, ingest_papers

YEAR_END = dt.date(2026, 3, 17)
EXPECTED = json.loads((EXAMPLES / "fenmoor" / "expected.json").read_text()) \
    if (EXAMPLES / "fenmoor" / "expected.json").exists() else {"actions": []}


@pytest.fixture(scope="module")
def year(django_db_setup, django_db_blocker, example_papers):
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            results = ingest_papers(example_papers)
            assert all(r.ok for r in results), [r.message for r in results if not r.ok]
            assert not [w for r in results for w in r.warnings if "tracking failed" in w]
            yield results
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def examples(year, db):
    return year


def action_at(paper: str, line: int):
    """The tracked action read from `paper` nearest `line` (within 3 lines)."""
    from scrutiny.web.actions.models import Action
    name = paper.split("/")[-1]
    found = [a for a in Action.objects.filter(document__source_name=name).select_related(
        "meeting", "document") if a.line and abs(a.line - line) <= 3]
    found.sort(key=lambda a: abs(a.line - line))
    return found[0] if found else None


def expected(id_: str) -> dict:
    return next(a for a in EXPECTED["actions"] if a["id"] == id_)


def closing(action):
    return [f for f in action.followups.select_related("item__meeting", "document", "meeting")
            if f.kind != "progress"]


@pytest.mark.parametrize("id_,meeting,item", [
    ("J5", "2025-09-16", "6"),      # EHC recovery plan report requested in June: September item 6
    ("J8", "2025-11-18", "8"),      # CAMHS added to the work programme: November item 8
    ("B2", "2026-01-20", "7"),      # fostering recruitment report: January item 7
    ("S10", "2026-03-17", "6"),     # school attendance for March 2026: March item 6
])
def test_a_later_item_is_proposed_as_the_answer(examples, id_, meeting, item):
    e = expected(id_)
    a = action_at(e["paper"], e["line"])
    assert a is not None, f"{id_} was not extracted"
    items = [(f.meeting.date.isoformat(), f.item.number) for f in closing(a)
             if f.kind == "item" and f.item]
    assert (meeting, item) in items, (a.text, items)
    f = next(f for f in closing(a) if f.kind == "item" and f.item.number == item)
    assert f.status == "proposed" and a.status == "open"         # waits for an officer
    assert f.citation_url and f"#L{f.line}" in f.citation_url


def test_minutes_saying_it_was_circulated_are_proposed(examples):
    e = expected("J3")          # re-referrals breakdown, circulated per the July minutes
    a = action_at(e["paper"], e["line"])
    hits = [f for f in closing(a) if f.document and f.document.source_name == "2025-07-15-minutes.txt"]
    assert hits and hits[0].line == 65 and hits[0].kind == "circulated"
    assert hits[0].evidence_date == dt.date(2025, 6, 24)      # "circulated ... on 24 June 2025"


def test_confirming_closes_the_action_with_the_evidence(examples, django_user_model):
    from scrutiny.web.actions.changes import decide_followup
    from scrutiny.web.actions.models import Action, Evidence, StatusChange

    officer = django_user_model.objects.create_user("officer")
    e = expected("J5")
    a = action_at(e["paper"], e["line"])
    f = next(f for f in closing(a) if f.kind == "item" and f.item.number == "6")
    decide_followup(f, officer, confirm=True)
    a = Action.objects.get(pk=a.pk)
    assert a.status == "done" and a.closed_on == dt.date(2025, 9, 16)
    ev = Evidence.objects.get(action=a)
    assert ev.kind == "item" and ev.item_id == f.item_id and ev.added_by == officer
    assert StatusChange.objects.get(action=a).to_status == "done"
    # on time: due 16 September 2025 ("be brought to the meeting on 16 September 2025")
    assert a.due_date == dt.date(2025, 9, 16) and a.closed_on <= a.due_date


def test_unanswered_actions_show_as_overdue_after_their_due_date(examples):
    from scrutiny.web.actions.outputs import actions_qs

    b4 = action_at(expected("B4")["paper"], expected("B4")["line"])   # end of September 2025
    n2 = action_at(expected("N2")["paper"], expected("N2")["line"])   # before the next meeting
    assert b4.due_date == dt.date(2025, 9, 30)
    assert n2.due_date == dt.date(2026, 1, 20)
    assert not closing(b4) and not closing(n2)
    overdue = set(actions_qs(status="overdue", on=YEAR_END).values_list("pk", flat=True))
    assert {b4.pk, n2.pk} <= overdue
    # not before its due date
    assert b4.pk not in set(actions_qs(status="overdue", on=dt.date(2025, 9, 30))
                            .values_list("pk", flat=True))
    assert b4.is_overdue(YEAR_END) and not b4.is_overdue(dt.date(2025, 9, 1))
    # an action with no date is never overdue
    j2 = action_at(expected("J2")["paper"], expected("J2")["line"])
    assert j2.due_date is None and j2.pk not in overdue


def test_the_cli_lists_overdue_actions_with_their_source_lines(examples):
    from typer.testing import CliRunner

    from scrutiny.cli import app
    import scrutiny.commands  # noqa: F401

    r = CliRunner().invoke(app, ["actions", "--status", "overdue", "--as-of", "2026-03-17",
                                 "--format", "json",
                                 "--committee", "children-and-young-people-overview-and-scrutiny-committee"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    b4 = next(x for x in rows if "first-time entrants" in x["text"])
    assert b4 == {**b4, "meeting_date": "2025-07-15", "due": "2025-09-30", "status": "open",
                  "overdue": True, "source": "2025-07-15-minutes.txt", "line": 127,
                  "committee": "Children and Young People Overview and Scrutiny Committee"}
    assert set(b4) >= {"text", "meeting_date", "committee", "owner", "due", "status", "source",
                       "line"}
    csv_out = CliRunner().invoke(app, ["actions", "--status", "all", "--format", "csv"])
    assert csv_out.exit_code == 0 and csv_out.stdout.startswith("id,council,committee")
    bad = CliRunner().invoke(app, ["actions", "--status", "soon"])
    assert bad.exit_code == 2 and "--status" in bad.output


def test_recommendations_to_the_cabinet_wait_two_months_for_a_response(examples):
    from scrutiny.web.actions.models import Recommendation

    recs = list(Recommendation.objects.filter(meeting__committee__council__name="Fenmoor County Council")
                .select_related("meeting"))
    assert recs and all(r.addressee.startswith("Cabinet") for r in recs)
    b3 = next(r for r in recs if "Placement Sufficiency" in r.text or "final strategy" in r.text)
    assert b3.meeting.date == dt.date(2025, 7, 15) and b3.response_due == dt.date(2025, 9, 15)
    assert b3.response == "pending"


def test_owners_are_matched_to_people(examples):
    pairs = {"J1": "Farida Castellan", "J3": "Marcus Delahaye", "J6": "Rosalind Achterberg",
             "J2": "Priya Lindqvist"}
    for id_, name in pairs.items():
        a = action_at(expected(id_)["paper"], expected(id_)["line"])
        assert a.owner_person is not None and a.owner_person.name == name, (id_, a.owner,
                                                                           a.owner_role)


def test_follow_up_detection_against_the_expected_tracker(examples):
    """Of the extracted actions that a later paper answers, how many get a right proposal;
    and no action that stays open gets a proposal that would close it."""
    answered = right = 0
    wrongly_closing = []
    for e in EXPECTED["actions"]:
        if not e["paper"].startswith("fenmoor/") and not e["paper"].startswith("modgov/"):
            continue
        a = action_at(e["paper"], e["line"])
        if a is None:
            continue
        answers = {(b["paper"].split("/")[-1], b["line"]) for b in e["answered_by"]}
        items = {(b["paper"].split("/")[-1], b["item"]) for b in e["answered_by"]}

        def hit(f):
            if f.kind == "item" and f.item and f.item.document and \
                    (f.item.document.source_name, f.item.number) in items:
                return True
            return bool(f.document) and any(f.document.source_name == p and f.line and
                                            abs(f.line - line) <= 2 for p, line in answers)
        props = closing(a)
        if e["answered_by"]:
            answered += 1
            right += any(hit(f) for f in props)
        elif props:
            wrongly_closing.append((e["id"], [f.excerpt[:60] for f in props]))
    print(f"follow-ups: {right}/{answered} answered actions with a right proposal; "
          f"{len(wrongly_closing)} open actions with a closing proposal")
    assert answered >= 20
    assert right / answered >= 0.9
    assert not wrongly_closing
