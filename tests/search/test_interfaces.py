"""The ways in: `scrutiny search` (--json), `scrutiny reindex`, the /search page and the
/api/search endpoint."""
from __future__ import annotations

import json
import re
from html import unescape

import pytest
from typer.testing import CliRunner

pytestmark = pytest.mark.django_db

QUESTION = "How many families did the family wellbeing service work with in the first quarter?"


def run_cli(*args):
    from scrutiny.cli import app
    from scrutiny import commands  # noqa: F401  (registers the database commands)
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_cli_json(corpus):
    r = run_cli("search", QUESTION, "--limit", "5", "--json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["query"] == QUESTION and data["mode"] == "hybrid" and data["semantic"]
    hits = data["hits"]
    assert len(hits) == 5
    for h in hits:
        assert {"document", "source", "page", "line_start", "line_end", "snippet", "score",
                "meeting_date", "committee"} <= set(h)
        assert isinstance(h["page"], int) and isinstance(h["line_start"], int)
        assert h["line_start"] <= h["line_end"] and isinstance(h["score"], float)
        assert re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt|[\w.-]+\.txt", h["source"])
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert any(h["source"] == "002_904572338a83fb72.txt" and h["line_start"] <= 534 <=
               h["line_end"] for h in hits)


@pytest.mark.parametrize("mode", ["keyword", "semantic"])
def test_cli_modes_and_filters(corpus, mode):
    r = run_cli("search", "foster carers", "--mode", mode, "--json", "-n", "3",
                "--kind", "minutes")
    assert r.exit_code == 0, r.output
    hits = json.loads(r.stdout)["hits"]
    assert len(hits) == 3 and {h["kind"] for h in hits} == {"minutes"}


def test_cli_readable_output_and_errors(corpus):
    r = run_cli("search", "foster carers", "-n", "2")
    assert r.exit_code == 0
    assert "page" in r.stdout and ("line " in r.stdout or "lines " in r.stdout)
    r = run_cli("search", "foster carers", "--council", "nowhere")
    assert r.exit_code == 2 and "no council 'nowhere'" in r.output
    assert "Traceback" not in r.output


def test_cli_reindex(corpus):
    from scrutiny.web.search.models import SearchEntry
    n = SearchEntry.objects.count()
    r = run_cli("reindex")
    assert r.exit_code == 0, r.output
    assert f"{n} passages indexed with vectors" in r.stdout
    assert SearchEntry.objects.count() == n


def test_search_page(client, corpus):
    page = client.get("/search/")
    assert page.status_code == 200
    html = page.content.decode()
    assert '<form method="get" action="/search/"' in html and 'name="q"' in html
    for name in ("council", "committee", "from", "to", "kind", "mode"):
        assert f'name="{name}"' in html
    page = client.get("/search/", {"q": QUESTION})
    html = page.content.decode()
    links = re.findall(r'<a class="govuk-link scrutiny-cite" href="([^"]+)"', html)
    assert len(links) == 20
    assert all(re.fullmatch(r"/documents/\d+/\?lines=\d+(-\d+)?#L\d+", unescape(u))
               for u in links)
    assert '<mark class="scrutiny-mark">' in html
    # the first result's link lands on its lines, highlighted
    url = unescape(links[0])
    first = re.search(r"#L(\d+)", url).group(1)
    doc = client.get(url).content.decode()
    assert re.search(rf'class="scrutiny-line scrutiny-line--cited" id="L{first}"', doc)
    # a second page of results
    assert 'rel="next"' in html
    page2 = client.get("/search/", {"q": QUESTION, "page": 2}).content.decode()
    assert 'start="21"' in page2


def test_search_page_filters_and_errors(client, corpus):
    from scrutiny.web.record.models import Council
    leics = Council.objects.get(name__icontains="Leicestershire")
    html = client.get("/search/", {"q": "foster carers", "council": leics.slug,
                                   "kind": "minutes", "mode": "keyword"}).content.decode()
    assert f'value="{leics.slug}" selected' in html and 'value="minutes" selected' in html
    metas = re.findall(r'scrutiny-hit-meta">([^<]+)</p>', html)
    assert metas and all(m.startswith(leics.name) for m in metas)
    html = client.get("/search/", {"q": ""}).content.decode()
    assert "There is a problem" in html and "Enter what you are looking for" in html
    html = client.get("/search/", {"q": "x", "from": "last year"}).content.decode()
    assert "There is a problem" in html and "is not a date" in html
    html = client.get("/search/", {"q": "zzqqxxyy"}).content.decode()
    assert "No passages found" in html


def test_api(client, corpus):
    r = client.get("/api/search", {"q": QUESTION, "limit": 3})
    assert r.status_code == 200
    data = r.json()
    assert data["mode"] == "hybrid" and len(data["hits"]) == 3
    h = data["hits"][0]
    assert {"document", "source", "page", "line_start", "line_end", "snippet", "score",
            "meeting_date", "committee", "url"} <= set(h)
    assert client.get(h["url"]).status_code == 200
    r = client.get("/api/search", {"q": "foster", "mode": "keyword", "kind": "minutes",
                                   "date_from": "2022-01-01", "date_to": "2022-12-31"})
    assert r.status_code == 200 and r.json()["hits"]
    assert all(x["kind"] == "minutes" and x["meeting_date"].startswith("2022")
               for x in r.json()["hits"])
    assert client.get("/api/search", {"q": "x", "council": "nowhere"}).status_code == 422
    assert client.get("/api/search", {"q": "x", "limit": 0}).status_code == 422
    assert client.get("/api/search", {"q": "x", "mode": "psychic"}).status_code == 422
    assert client.get("/api/search").status_code == 422
    spec = client.get("/api/openapi.json").json()
    assert "/api/search" in spec["paths"]
