"""The real papers (../shared/seeds): with both Leicestershire records ingested (the June
2022 minutes and the September 2022 agenda, in one pack), the June request for a SEND
report is proposed as answered by item 8 of September 2022, and the request for the number
of outstanding EHC assessments stays open.  Every tracked action cites its lines."""
from __future__ import annotations

import datetime as dt

LEICS = "Leicestershire County Council"


def leics_actions():
    from scrutiny.web.actions.models import Action
    return list(Action.objects.filter(meeting__committee__council__name=LEICS,
                                      meeting__date=dt.date(2022, 6, 7))
                .select_related("meeting", "document"))


def test_send_report_is_proposed_as_answered_by_item_8_of_september(seeded):
    send = [a for a in leics_actions() if "report would be presented at the next meeting" in a.text
            and "SEND" in a.text]
    assert len(send) == 1, [a.text for a in leics_actions()]
    a = send[0]
    assert a.due_date == dt.date(2022, 9, 6)          # "the next meeting ... in September"
    items = [f for f in a.followups.select_related("item__meeting") if f.kind == "item"]
    assert items, "no later item proposed"
    best = max(items, key=lambda f: f.score)
    assert best.item.number == "8" and best.item.title == "SEND and Inclusion"
    assert best.item.meeting.date == dt.date(2022, 9, 6)
    assert best.status == "proposed" and a.status == "open"


def test_request_for_outstanding_ehc_assessments_stays_open(seeded):
    ehc = [a for a in leics_actions() if "outstanding" in a.text and "assessments" in a.text]
    assert len(ehc) >= 1
    for a in ehc:
        assert a.status == "open"
        assert not [f for f in a.followups.all() if f.kind != "progress"], \
            [(f.kind, f.excerpt[:80]) for f in a.followups.all()]


def test_every_tracked_action_cites_its_lines(seeded):
    from scrutiny.web.actions.models import Action, Recommendation
    assert Action.objects.exists()
    assert not Action.objects.filter(document__isnull=True).exists()
    assert not Action.objects.filter(line__isnull=True).exists()
    for a in Action.objects.select_related("document"):
        assert 1 <= a.line <= (a.end_line or a.line) <= a.document.line_count
        assert a.citation_url.endswith(f"#L{a.line}")
    assert not Recommendation.objects.filter(document__isnull=True).exists()


def test_proposals_cite_lines_of_a_later_paper(seeded):
    from scrutiny.web.actions.models import FollowUp
    for f in FollowUp.objects.select_related("action__meeting", "meeting", "document"):
        assert f.meeting.date > f.action.meeting.date
        assert f.meeting.committee_id == f.action.meeting.committee_id
        assert f.document_id and f.line and f.line <= f.document.line_count


def test_a_rejected_proposal_is_not_made_again(seeded, django_user_model):
    from scrutiny.web.actions.changes import decide_followup
    from scrutiny.web.actions.models import FollowUp
    from scrutiny.web.actions.tracker import track_all

    f = FollowUp.objects.filter(status="proposed").first()
    decide_followup(f, django_user_model.objects.create_user("o"), confirm=False)
    track_all()
    assert FollowUp.objects.filter(action=f.action, key=f.key).count() == 1
    assert FollowUp.objects.get(pk=f.pk).status == "rejected"
