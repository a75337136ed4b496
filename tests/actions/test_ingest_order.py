"""Follow-ups do not depend on the order papers are ingested in: the example year read
newest first still proposes the later item and the 'circulated' minutes, because a paper's
own actions are compared with every later paper already stored."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.actions.test_examples import action_at, closing, expected
from tests.conftest import ingest_papers


@pytest.fixture(scope="module")
def reversed_year(django_db_setup, django_db_blocker, example_papers):
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            results = ingest_papers(list(reversed(example_papers)))
            assert all(r.ok for r in results)
            yield results
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def test_newest_first_gives_the_same_answers(reversed_year, db):
    j5 = action_at(expected("J5")["paper"], expected("J5")["line"])
    assert ("2025-09-16", "6") in [(f.meeting.date.isoformat(), f.item.number)
                                   for f in closing(j5) if f.kind == "item"]
    j3 = action_at(expected("J3")["paper"], expected("J3")["line"])
    assert [f.line for f in closing(j3) if f.document.source_name == "2025-07-15-minutes.txt"] == [65]
    b4 = action_at(expected("B4")["paper"], expected("B4")["line"])
    assert b4.due_date == dt.date(2025, 9, 30) and not closing(b4)
    # "by the next meeting" resolved although the next meeting was stored first
    j7 = action_at(expected("J7")["paper"], expected("J7")["line"])
    assert j7.due_date == dt.date(2025, 7, 15)
