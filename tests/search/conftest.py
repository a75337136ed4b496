"""Search tests: the seeds and the example council's March 2026 papers (which hold an
exempt item) ingested once per test module, inside a transaction rolled back after it."""
from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES

MARCH = ["fenmoor/2026-03-17-agenda.txt", "fenmoor/2026-03-17-minutes.txt"]


@pytest.fixture(scope="session")
def march_papers():
    from scrutiny.extraction import extract
    from scrutiny.reading import read_path

    files = [EXAMPLES / name for name in MARCH]
    if not all(f.exists() for f in files):
        pytest.skip(f"the example papers are not at {EXAMPLES}")
    return [(t, extract(t)) for t in map(read_path, files)]


@pytest.fixture(scope="module")
def corpus_module(django_db_setup, django_db_blocker, seed_papers, march_papers):
    from django.db import transaction

    from tests.conftest import ingest_papers

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            results = ingest_papers(seed_papers + march_papers)
            assert all(r.ok for r in results), [r.message for r in results if not r.ok]
            yield results
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def corpus(corpus_module, db):
    return corpus_module
