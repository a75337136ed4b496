"""The public portal on the real papers: every page type answers, shows what the papers
say, and cites them to the line."""
from __future__ import annotations

import re
from html import unescape

CITE = re.compile(r'href="(/documents/(\d+)/\?lines=(\d+)(?:-(\d+))?#L(\d+))"')


def get(client, url, status=200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code)
    return r.content.decode()


def test_home_council_committee_pages(client, seeded):
    from scrutiny.web.record.models import Committee, Council

    html = get(client, "/")
    for c in Council.objects.all():
        assert c.name in unescape(html)
        page = unescape(get(client, c.get_absolute_url()))
        for com in c.committees.all():
            assert com.name in page
    for com in Committee.objects.select_related("council"):
        page = unescape(get(client, com.get_absolute_url()))
        assert com.name in page
        for m in com.meetings.all():
            assert m.get_absolute_url() in page


def test_every_meeting_item_and_person_page(client, seeded):
    from scrutiny.web.record.models import AgendaItem, Meeting, Person

    for m in Meeting.objects.select_related("committee__council"):
        page = unescape(get(client, m.get_absolute_url()))
        for it in m.items.all():
            assert it.public_title in page
    for it in AgendaItem.objects.select_related("meeting__committee__council"):
        get(client, it.get_absolute_url())
    for p in Person.objects.all():
        assert p.name in unescape(get(client, p.get_absolute_url()))


def test_citations_land_on_their_lines(client, seeded):
    """Every citation on every meeting page opens the paper at the cited lines,
    highlighted."""
    from scrutiny.web.record.models import Document, Meeting

    checked = 0
    pages: dict[str, str] = {}
    for m in Meeting.objects.select_related("committee__council"):
        html = get(client, m.get_absolute_url())
        for url, doc_id, first, last, anchor in CITE.findall(html):
            assert first == anchor
            if url not in pages:
                pages[url] = get(client, unescape(url))
            page = pages[url]
            last = last or first
            doc = Document.objects.get(pk=doc_id)
            assert 1 <= int(first) <= int(last) <= doc.line_count
            for n in (first, last):
                assert f'class="scrutiny-line scrutiny-line--cited" id="L{n}"' in page
            checked += 1
    assert checked > 50


def test_document_page_has_an_anchor_per_line(client, seeded):
    from scrutiny.web.record.models import Document

    doc = Document.objects.order_by("line_count").first()
    page = get(client, doc.get_absolute_url())
    assert len(re.findall(r'<div class="scrutiny-line[^"]*" id="L\d+">', page)) == doc.line_count
    assert f'id="L{doc.line_count}"' in page and 'id="L1"' in page
    assert "scrutiny-line--cited" not in page
    for junk in ("?lines=abc", "?lines=99999999", "?lines=5-2"):
        get(client, doc.get_absolute_url() + junk)
    assert get(client, doc.get_absolute_url() + "?lines=5-2").count("scrutiny-line--cited") == 4


def test_person_page_attendance_statistics(client, seeded):
    from scrutiny.web.record.models import Attendance, Person

    a = Attendance.objects.filter(kind="present").select_related("person").first()
    page = unescape(get(client, a.person.get_absolute_url()))
    assert "Attendance statistics" in page and "Meetings expected" in page
    assert re.search(r"\d+%", page)
    assert a.meeting.get_absolute_url() in page
    assert isinstance(Person.objects.count(), int)


def test_pages_do_not_query_per_row(client, seeded, django_assert_max_num_queries):
    from scrutiny.web.record.models import AgendaItem, Committee, Council, Document, Meeting, \
        Person

    urls = ["/", Council.objects.first().get_absolute_url()]
    urls += [c.get_absolute_url() for c in Committee.objects.select_related("council")]
    urls += [m.get_absolute_url() for m in Meeting.objects.select_related("committee__council")]
    urls += [i.get_absolute_url() for i in AgendaItem.objects.select_related(
        "meeting__committee__council")[:10]]
    urls += [p.get_absolute_url() for p in Person.objects.all()[:20]]
    urls += [d.get_absolute_url() for d in Document.objects.all()]
    for url in urls:
        with django_assert_max_num_queries(12):
            client.get(url)


def test_unknown_pages_are_404(client, seeded):
    from scrutiny.web.record.models import Meeting

    m = Meeting.objects.select_related("committee__council").first()
    base = m.get_absolute_url().rsplit("/meetings/", 1)[0]
    get(client, base + "/meetings/1999-01-01/", 404)
    get(client, base + "/meetings/not-a-date/", 404)
    get(client, "/councils/nowhere/", 404)
    get(client, "/people/999999/", 404)
    get(client, "/documents/999999/", 404)
