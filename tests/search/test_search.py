"""Search over the real papers: the index built on ingest, keyword / semantic / hybrid
ranking, filters, snippets, exempt items and personal data kept out, quality on the
query set.  Runs on SQLite and on PostgreSQL (the suite's second run)."""
from __future__ import annotations

import re

import pytest

from scrutiny.web.search.quality import answers, load_queries
from scrutiny.web.search.service import SearchError, make_filters, rrf, search

pytestmark = pytest.mark.django_db

QUERIES = {q["id"]: q for q in load_queries()}


def test_the_backend_is_the_database_s_own(corpus):
    from django.db import connection

    from scrutiny.web.search.backends import keyword_backend
    assert keyword_backend().name == {"sqlite": "sqlite-fts5",
                                      "postgresql": "postgresql"}[connection.vendor]


def test_every_public_passage_is_indexed_with_its_vector(corpus):
    from scrutiny.web.record.models import Passage
    from scrutiny.web.search.models import SearchEntry

    seeds = Passage.objects.filter(document__source_name__regex=r"^00\d_")
    entries = SearchEntry.objects.filter(document__source_name__regex=r"^00\d_")
    assert entries.count() == seeds.exclude(text="").count() > 2000
    assert not entries.filter(vector__isnull=True).exists()
    e = entries.select_related("passage", "committee", "council").filter(
        kind="minutes").first()
    assert e.id == e.passage_id and e.date and e.committee and e.council


@pytest.mark.parametrize("qid", ["w24-ap-academy", "wo18-elearning", "l22-music-festival"])
def test_keyword_search_finds_the_lines(corpus, qid):
    q = QUERIES[qid]
    hits = search(q["q"], mode="keyword", limit=10).hits
    assert any(answers(h, q) for h in hits[:3]), [(h.source, h.line_start) for h in hits]
    top = hits[0]
    assert top.url == f"/documents/{top.document_id}/?lines=" + (
        f"{top.line_start}" if top.line_start == top.line_end
        else f"{top.line_start}-{top.line_end}") + f"#L{top.line_start}"


def test_semantic_search_finds_a_paraphrase_keyword_search_cannot(corpus):
    q = QUERIES["wo18-cdop"]            # "died": the paper says "deaths"
    assert not any(answers(h, q) for h in search(q["q"], mode="keyword").hits)
    assert any(answers(h, q) for h in search(q["q"], mode="semantic", limit=5).hits)
    assert any(answers(h, q) for h in search(q["q"], mode="hybrid", limit=10).hits)


def test_hits_carry_their_citation_and_meeting(corpus):
    hits = search("foster carers recruitment", limit=10).hits
    assert len(hits) == 10
    for h in hits:
        assert h.source and h.document and h.page >= 1 and h.line_start <= h.line_end
        assert h.kind and h.council
    minutes = [h for h in hits if h.kind == "minutes"]
    assert minutes and all(re.fullmatch(r"\d{4}-\d\d-\d\d", h.meeting_date) and h.committee
                           for h in minutes)
    # ranked: scores never rise
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_snippets_mark_the_words_and_escape_the_rest(corpus):
    hits = search("foster carers", mode="keyword", limit=5).hits
    assert hits and all('<mark class="scrutiny-mark">' in h.snippet_html for h in hits)
    assert all("<mark" not in h.snippet and "\ue000" not in h.snippet for h in hits)
    for h in search("<script>alert(1)</script> foster", limit=5).hits:
        assert "<script" not in h.snippet_html


@pytest.mark.parametrize("mode", ["keyword", "semantic", "hybrid"])
def test_filters(corpus, mode):
    from scrutiny.web.record.models import Committee, Council

    leics = Council.objects.get(name__icontains="Leicestershire")
    hits = search("children's social care", mode=mode, limit=20, council=leics.slug).hits
    assert hits and {h.council for h in hits} == {leics.name}
    warks = Council.objects.get(name__icontains="Warwickshire")
    com = Committee.objects.filter(council=warks).first()
    hits = search("children's social care", mode=mode, limit=20, committee=com.slug,
                  council=warks.slug, date_from="2024-01-01", date_to="2024-12-31").hits
    assert hits and all(h.committee == com.name and h.meeting_date.startswith("2024")
                        for h in hits)
    hits = search("children's social care", mode=mode, limit=20, kind="minutes").hits
    assert hits and {h.kind for h in hits} == {"minutes"}
    assert not search("children's social care", mode=mode, date_from="2031-01-01").hits


def test_bad_filters_are_refused(corpus):
    with pytest.raises(SearchError):
        make_filters(council="nowhere")
    with pytest.raises(SearchError):
        make_filters(date_from="6 June")
    with pytest.raises(SearchError):
        make_filters(kind="novel")
    with pytest.raises(SearchError):
        search("x", mode="psychic")
    assert search("   ").hits == []
    assert search('"" * ( : -', mode="keyword").hits == []
    # the query language's own words and signs are plain words here, never a syntax error
    assert search('NEAR(children "foster AND OR NOT * ^ :', mode="keyword").hits


def test_reciprocal_rank_fusion():
    fused = rrf([[1, 2, 3], [3, 1, 4]])
    assert [pk for pk, _ in fused] == [1, 3, 2, 4]
    assert fused[0][1] == pytest.approx(1 / 61 + 1 / 62)


# --------------------------------------------------------------------------- exempt
def _exempt_lines():
    """(document id, first line, last line) of every exempt item's business."""
    from scrutiny.web.record.models import AgendaItem
    out = []
    for it in AgendaItem.objects.filter(exempt=True).select_related("meeting"):
        for doc_id, line, attr in ((it.document_id, it.line, "line"),
                                   (it.minutes_document_id, it.minutes_line, "minutes_line")):
            if not doc_id or not line:
                continue
            later = sorted(getattr(o, attr) for o in it.meeting.items.all()
                           if getattr(o, attr) and getattr(o, attr) > line)
            out.append((doc_id, line, (later[0] - 1) if later else line + 15))
    return out


def test_exempt_business_is_never_returned(corpus):
    """The March minutes record an exempt item (Schedule 12A paragraph 3): a contract
    award discussed in private.  Its words are searched for in every mode; no hit is
    within its lines, and none of its passages is in the index."""
    from scrutiny.web.record.models import Passage
    from scrutiny.web.search.models import SearchEntry

    ranges = _exempt_lines()
    assert ranges, "the example papers should hold an exempt item"
    inside = set()
    for doc_id, a, b in ranges:
        inside |= set(Passage.objects.filter(document_id=doc_id, line_start__lte=b,
                                             line_end__gte=a).values_list("pk", flat=True))
    assert inside
    assert not SearchEntry.objects.filter(passage_id__in=inside).exists()
    query = ("evaluation of bids for the dynamic purchasing system for children's "
             "residential placements, price and quality of the homes")
    for mode in ("keyword", "semantic", "hybrid"):
        hits = search(query, mode=mode, limit=50).hits
        assert hits, mode
        assert not {h.passage_id for h in hits} & inside, mode
        assert not any(h.document_id == d and h.line_start <= b and a <= h.line_end
                       for h in hits for d, a, b in ranges)


def test_an_item_marked_exempt_later_leaves_the_index(corpus):
    from scrutiny.web.record.models import AgendaItem
    from scrutiny.web.search.indexing import index_paper
    from scrutiny.web.search.models import SearchEntry

    q = QUERIES["wo22-refuges"]
    assert any(answers(h, q) for h in search(q["q"], limit=10).hits)
    item = AgendaItem.objects.filter(minutes_document__source_name=q["file"],
                                     minutes_line__lte=84).order_by("-minutes_line").first()
    item.exempt = True
    item.save()
    index_paper(item.minutes_document)
    assert not SearchEntry.objects.filter(document=item.minutes_document,
                                          passage__line_start__gte=item.minutes_line,
                                          passage__line_end__lte=84).exists()
    for mode in ("keyword", "semantic", "hybrid"):
        assert not any(answers(h, q) for h in search(q["q"], mode=mode, limit=50).hits)


def test_a_paper_not_for_publication_is_left_out_whole(corpus):
    from scrutiny.reading import from_string
    from scrutiny.web.record.ingest import ingest_text
    from scrutiny.web.search.models import SearchEntry

    text = from_string(
        "NOT FOR PUBLICATION\n\nThis report contains exempt information as defined in "
        "paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.\n\n"
        "The prices tendered by the xylophonic providers were compared.\n", "exempt.txt")
    result = ingest_text(text)
    assert result.ok, result.message
    assert not SearchEntry.objects.filter(document_id=result.document_id).exists()
    for mode in ("keyword", "hybrid"):
        assert not search("xylophonic providers tendered prices", mode=mode).hits or all(
            h.document_id != result.document_id
            for h in search("xylophonic providers tendered prices", mode=mode).hits)


def test_personal_data_is_not_indexed(corpus):
    """The papers print officers' e-mail addresses and telephone numbers; the index holds
    neither, so search can never return them."""
    from scrutiny.web.record.models import Passage
    from scrutiny.web.search.models import SearchEntry
    from scrutiny.web.search.text import _EMAIL, _PHONE

    printed = [p.text for p in Passage.objects.filter(text__contains="@")]
    assert any(_EMAIL.search(t) for t in printed)
    assert any(_PHONE.search(p.text) for p in Passage.objects.filter(text__regex=r"\d{5}"))
    for text in SearchEntry.objects.values_list("text", flat=True):
        assert not _EMAIL.search(text) and not _PHONE.search(text)
    for h in search("contact telephone number email address", limit=30).hits:
        assert not _EMAIL.search(h.snippet) and not _PHONE.search(h.snippet)


# --------------------------------------------------------------------------- transactions
def test_a_failed_ingest_leaves_no_index_rows(corpus, monkeypatch):
    from scrutiny.reading import from_string
    from scrutiny.web.record import ingest
    from scrutiny.web.search.models import SearchEntry

    def index_then_fail(doc):
        from scrutiny.web.search.indexing import index_paper
        assert index_paper(doc) > 0
        raise RuntimeError("the disk is full")

    before = SearchEntry.objects.count()
    monkeypatch.setattr(ingest, "index_paper", index_then_fail)
    text = from_string("Borsetshire County Council\n\nA zanzibarian quokka census was "
                       "reported to the committee.\n", "quokka.txt")
    result = ingest.ingest_text(text)
    assert result.status == "failed" and "disk is full" in result.message
    assert SearchEntry.objects.count() == before
    assert not search("zanzibarian quokka", mode="keyword").hits


def test_reindex_rebuilds_the_same_index(corpus):
    from scrutiny.web.search.indexing import reindex
    from scrutiny.web.search.models import SearchEntry

    before = set(SearchEntry.objects.values_list("id", "kind", "date", "committee_id"))
    q = QUERIES["wo22-sanctuary"]
    first = [h.passage_id for h in search(q["q"], limit=10).hits]
    assert reindex() == len(before)
    assert set(SearchEntry.objects.values_list("id", "kind", "date", "committee_id")) == before
    assert [h.passage_id for h in search(q["q"], limit=10).hits] == first
