"""Test set-up shared by the whole suite: the database (SQLite or PostgreSQL) and the seeds.

The suite runs against whatever DATABASE_URL names, through pytest-django, which creates
and destroys its own test database:

* no DATABASE_URL: a throw-away SQLite file (a file, not memory, so that the threads of the
  concurrency and browser tests share it as a server would);
* DATABASE_URL=postgres://...: a test database on that server, named per run so that two
  runs on one server never collide.

`make test` runs the suite twice, the second time with SCRUTINY_TEST_POSTGRES=1 and
DATABASE_URL pointing at PostgreSQL.  When that server cannot be reached, every test of
that run is skipped with the reason, unless CI (or SCRUTINY_REQUIRE_POSTGRES) is set: then
the run fails, so CI can never pass without PostgreSQL.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"

_postgres_problem: str | None = None


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def _probe_postgres() -> str | None:
    """None when the PostgreSQL server of the settings answers, else why not."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if "postgresql" not in db["ENGINE"]:
        return (f"SCRUTINY_TEST_POSTGRES is set but DATABASE_URL does not name a PostgreSQL "
                f"database (engine {db['ENGINE']})")
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover
        return f"psycopg is not installed ({exc})"
    try:
        psycopg.connect(host=db.get("HOST") or None, port=db.get("PORT") or None,
                        user=db.get("USER") or None, password=db.get("PASSWORD") or None,
                        dbname="postgres", connect_timeout=5).close()
    except Exception as exc:  # noqa: BLE001
        where = f"{db.get('HOST') or 'local socket'}:{db.get('PORT') or 5432}"
        return f"no PostgreSQL server answers at {where} ({str(exc).strip().splitlines()[0]})"
    return None


def pytest_configure(config):
    global _postgres_problem
    if _flag("SCRUTINY_TEST_POSTGRES"):
        _postgres_problem = _probe_postgres()
        if _postgres_problem and (_flag("CI") or _flag("SCRUTINY_REQUIRE_POSTGRES")):
            raise pytest.UsageError(
                f"the PostgreSQL run of the suite is required here (CI) but {_postgres_problem}")


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    line = f"scrutiny: database engine {engine}"
    if _postgres_problem:
        line += f"; PostgreSQL run SKIPPED: {_postgres_problem}"
    return line


def pytest_collection_modifyitems(config, items):
    if _postgres_problem:
        skip = pytest.mark.skip(reason=f"PostgreSQL run skipped: {_postgres_problem}")
        for item in items:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter):
    if _postgres_problem:
        terminalreporter.write_line(
            f"PostgreSQL run SKIPPED: {_postgres_problem}. Start PostgreSQL (or set "
            f"TEST_POSTGRES=postgres://user@host:port/db for `make test`) to run it.",
            yellow=True)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix,
                                 tmp_path_factory):
    """A test database of this run's own: a SQLite file in a temporary folder, or a
    PostgreSQL database named after this process."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    test = db.setdefault("TEST", {})
    if db["ENGINE"].endswith("sqlite3"):
        test["NAME"] = str(tmp_path_factory.mktemp("db") / "scrutiny-test.sqlite3")
    else:
        test["NAME"] = f"test_scrutiny_{os.getpid()}"


# --------------------------------------------------------------------------- papers
def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.fixture(scope="session")
def seed_papers():
    """(Text, PaperRecord) for each seed paper, read and extracted once per run."""
    from scrutiny.extraction import extract
    from scrutiny.reading import read_path

    files = seed_files()
    if not files:
        pytest.skip(f"the real papers are not at {SEEDS}")
    out = []
    for f in files:
        text = read_path(f)
        out.append((text, extract(text)))
    return out


def ingest_papers(papers) -> list:
    from scrutiny.web.record.ingest import ingest_text

    return [ingest_text(text, record) for text, record in papers]


def example_files() -> list[Path]:
    if not EXAMPLES.is_dir():
        return []
    return sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".txt", ".html", ".xml")
                  and "tools" not in p.parts)


@pytest.fixture(scope="session")
def example_papers():
    """(Text, PaperRecord) for each example paper (examples/), read and extracted once."""
    from scrutiny.extraction import extract
    from scrutiny.reading import read_path

    files = example_files()
    if not files:
        pytest.skip(f"the example papers are not at {EXAMPLES}")
    return [(t, extract(t)) for t in map(read_path, files)]


@pytest.fixture(scope="module")
def seeded_module(django_db_setup, django_db_blocker, seed_papers):
    """The seed papers ingested (as `scrutiny ingest ../shared/seeds` does) once per test
    module, inside a transaction rolled back when the module is done.  Each test's own
    transaction is a savepoint inside it.  Not for transactional or live-server tests."""
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            results = ingest_papers(seed_papers)
            failed = [r.message for r in results if not r.ok]
            assert not failed, failed
            yield results
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def seeded(seeded_module, db):
    return seeded_module
