"""Ingesting while the portal is being browsed raises no errors (issue 3, check 4)."""
from __future__ import annotations

import re
import threading
import time

import pytest

from tests.conftest import EXAMPLES, seed_files


def _papers():
    files = seed_files()
    if EXAMPLES.is_dir():
        files += sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".txt", ".html", ".xml"))
    return files


@pytest.mark.django_db(transaction=True)
def test_ingest_while_browsing(client):
    from django.db import connection

    from scrutiny.web.record.ingest import ingest_path
    from scrutiny.web.record.models import Document

    files = _papers()
    if len(files) < 3:
        pytest.skip("needs the seed papers or the examples")
    first, rest = files[:2], files[2:]
    for f in first:
        assert ingest_path(f).ok
    errors: list[BaseException] = []
    results = []
    done = threading.Event()

    def ingester():
        try:
            for f in rest:
                results.append(ingest_path(f))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()
            done.set()

    def browser(n: int):
        from django.test import Client
        c = Client()
        seen = 0
        try:
            while not done.is_set() or seen < 3:
                seen += 1
                home = c.get("/")
                assert home.status_code == 200
                for url in re.findall(r'href="(/councils/[^"/]+/)"', home.content.decode()):
                    page = c.get(url)
                    assert page.status_code == 200, url
                    for com in re.findall(r'href="(/councils/[^"]+/committees/[^"/]+/)"',
                                          page.content.decode())[:2]:
                        cp = c.get(com)
                        assert cp.status_code == 200, com
                        for m in re.findall(r'href="([^"]+/meetings/[\d-]+/)"',
                                            cp.content.decode())[:2]:
                            mp = c.get(m)
                            assert mp.status_code == 200, m
                            for d in re.findall(r'href="(/documents/\d+/)\?', mp.content.decode())[:1]:
                                assert c.get(d).status_code == 200, d
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    t0 = time.monotonic()
    threads = [threading.Thread(target=ingester)] + [
        threading.Thread(target=browser, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads), "a thread hung"
    assert not errors, errors
    failed = [r.message for r in results if not r.ok]
    assert not failed, failed
    assert Document.objects.count() == len(files)
    assert time.monotonic() - t0 < 300
