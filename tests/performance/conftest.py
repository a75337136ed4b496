"""Fixtures: the fictional council's year of papers ingested once per test module."""
import pytest

from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def fenmoor_module(django_db_setup, django_db_blocker, example_papers):
    """examples/fenmoor ingested (as `scrutiny ingest examples/fenmoor` does), inside a
    transaction rolled back when the module is done."""
    from django.db import transaction

    from tests.conftest import ingest_papers

    names = {p.name for p in (EXAMPLES / "fenmoor").glob("*.txt")}
    papers = [(t, r) for t, r in example_papers if t.source in names]
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            results = ingest_papers(papers)
            assert all(r.ok for r in results), [r.message for r in results if not r.ok]
            yield results
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def fenmoor(fenmoor_module, db):
    return fenmoor_module
