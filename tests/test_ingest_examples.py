"""The fictional council's year (examples/) across meetings: the same people however
their names are printed, roles over time, minutes confirmed at the next meeting."""
from __future__ import annotations

from html import unescape

import pytest

from tests.conftest import ingest_papers

FENMOOR = "Fenmoor County Council"


@pytest.fixture(scope="module")
def examples_module(django_db_setup, django_db_blocker, example_papers):
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            results = ingest_papers(example_papers)
            assert all(r.ok for r in results), [r.message for r in results if not r.ok]
            yield results
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def fenmoor(examples_module, db):
    from scrutiny.web.record.models import Council
    return Council.objects.get(name=FENMOOR)


def people_named(council, *variants):
    from scrutiny.web.record.names import parse_name
    shown = {parse_name(v).display for v in variants}
    return set(council.people.filter(names__name__in=shown).values_list("pk", flat=True))


def test_six_meetings_with_agenda_and_minutes(fenmoor):
    from scrutiny.web.record.models import Meeting
    meetings = list(Meeting.objects.filter(committee__council=fenmoor).order_by("date"))
    assert [str(m.date) for m in meetings] == ["2025-06-10", "2025-07-15", "2025-09-16",
                                               "2025-11-18", "2026-01-20", "2026-03-17"]
    assert {m.agenda_status for m in meetings} == {"approved"}
    # each meeting's minutes are confirmed at the next one
    assert [m.minutes_status for m in meetings] == ["approved"] * 5 + ["draft"]


@pytest.mark.parametrize("variants", [
    ("Councillor Desmond Okafor-Reid", "Councillor D. Okafor Reid"),
    ("Councillor Gareth Penhaligon", "Councillor Gareth Penhalligon"),
    ("Councillor Martin Dunmore-Price", "Cllr Martin Dunmore Price"),
    ("Councillor Rosalind Achterberg", "Councillor R. Achterberg"),
    ("Councillor Philippa Threlfall", "Cllr P. Threlfall"),
])
def test_one_person_whatever_the_spelling(fenmoor, variants):
    assert len(people_named(fenmoor, *variants)) == 1


@pytest.mark.parametrize("doubtful,known", [
    ("Councillor Pippa Threlfall", "Councillor Philippa Threlfall"),
    ("M. Delahay", "Marcus Delahaye"),
])
def test_doubtful_spellings_wait_for_an_officer(fenmoor, doubtful, known):
    from scrutiny.web.record.models import MergeProposal
    (a,), (b,) = people_named(fenmoor, doubtful), people_named(fenmoor, known)
    assert MergeProposal.objects.filter(person_id=a, candidate_id=b, status="open").exists()


def test_chair_and_vice_chair_over_the_year(fenmoor):
    from scrutiny.web.record.models import Membership

    def roles(name):
        return [(m.role_label, str(m.from_date), str(m.to_date)) for m in Membership.objects
                .filter(person__council=fenmoor, person__name=name).order_by("from_date")]

    achterberg = roles("Rosalind Achterberg")
    assert achterberg[0][:2] == ("Chair", "2025-06-10") and achterberg[-1][2] < "2025-11-18"
    okafor = roles("Desmond Okafor-Reid")
    assert okafor[0][:2] == ("Vice-Chair", "2025-06-10")
    assert okafor[-1] == ("Chair", "2025-11-18", "2026-03-17")
    assert roles("Hazel Quennell")[-1][0] == "Vice-Chair"


def test_exempt_business_in_march(client, fenmoor):
    from scrutiny.web.record.models import Meeting
    march = Meeting.objects.select_related("committee__council").get(
        committee__council=fenmoor, date="2026-03-17")
    exempt = march.items.get(exempt=True)
    page = unescape(client.get(march.get_absolute_url()).content.decode())
    assert "Exempt item (Schedule 12A paragraph 3)" in page
    assert exempt.title not in page
