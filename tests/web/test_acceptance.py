"""Issue 3's acceptance checks, after `scrutiny ingest ../shared/seeds` (the seed papers,
read and extracted by the real extractor)."""
from __future__ import annotations

import re
from html import unescape

import pytest

WORCS = "Worcestershire County Council"
WARKS = "Warwickshire County Council"


def page(client, url) -> str:
    r = client.get(url)
    assert r.status_code == 200, url
    return unescape(r.content.decode())


def section(html: str, heading: str) -> str:
    """The HTML from a heading to the next heading of the same or a higher level."""
    m = re.search(rf"<h([23])[^>]*>{re.escape(heading)}[^<]*</h\1>", html)
    assert m, f"no heading {heading!r}"
    level = int(m.group(1))
    rest = html[m.end():]
    end = re.search(rf"<h[1-{level}][\s>]", rest)
    return rest[:end.start()] if end else rest


@pytest.fixture
def worcs_meeting(client, seeded):
    """Council -> committee -> meeting of 3 November 2022, as a visitor walks it."""
    home = page(client, "/")
    m = re.search(rf'href="([^"]+)">{WORCS}</a>', home)
    assert m, f"{WORCS} is not listed on the home page"
    council = page(client, m.group(1))
    committee_url = re.search(r'href="([^"]+)">Children and Families Overview and Scrutiny '
                              r'Panel</a>', council)
    assert committee_url
    committee = page(client, committee_url.group(1))
    meeting_url = re.search(r'href="([^"]+/meetings/2022-11-03/)"', committee)
    assert meeting_url, "the meeting of 3 November 2022 is not listed on the committee page"
    return page(client, meeting_url.group(1))


PRESENT = ["Steve Mackay", "David Chambers", "Dan Boatright", "Kyle Daisley", "Nathan Desmond",
           "Matt Jenkins", "Jo Monk", "Tony Muir", "M Hughes"]
APOLOGIES = ["David Ross", "Tim Reid", "Andy Roberts", "Karen May", "Tina Russell"]
OFFICERS = ["Liz Altay", "Emma Brittain", "Daniel Gray", "Paul Kinsella", "Tim Rice",
            "Maria White", "Samantha Morris", "Alyson Grice"]


def names_in(html: str) -> list[str]:
    return re.findall(r'<a class="govuk-link" href="/people/\d+/">([^<]+)</a>', html)


def test_worcestershire_3_november_2022_attendance(worcs_meeting):
    present = names_in(section(worcs_meeting, "Present"))
    assert len(present) == 9 and set(present) == set(PRESENT)
    apologies = names_in(section(worcs_meeting, "Apologies"))
    assert len(apologies) == 5 and set(apologies) == set(APOLOGIES)
    officers = names_in(section(worcs_meeting, "Officers"))
    assert set(OFFICERS) <= set(officers)


def test_worcestershire_3_november_2022_items(worcs_meeting):
    agenda = section(worcs_meeting, "Agenda")
    numbers = re.findall(r'<td class="govuk-table__cell">(\d{3})', agenda)
    assert numbers == [str(n) for n in range(549, 558)]
    for title in ("Apologies and Welcome", "Domestic Abuse and Children",
                  "Performance Monitoring", "Work Programme"):
        assert title in agenda


def test_worcestershire_3_november_2022_agreements_and_requests(worcs_meeting):
    actions = section(worcs_meeting, "Actions and requests")
    for words in ("domestic abuse training opportunities would be circulated",
                  "Panel would receive a further update",
                  "Chairman would write to the Cabinet Member",
                  "children missing education"):
        assert words in actions, words
    assert len(re.findall(r'class="govuk-link scrutiny-cite"', actions)) >= 10
    resolutions = section(worcs_meeting, "Resolutions")
    assert "agreed as a correct record" in resolutions


def test_warwickshire_marian_humphreys_member_2022_chair_2024(client, seeded):
    from scrutiny.web.record.models import Committee, Membership

    com = Committee.objects.get(council__name=WARKS)
    roles = {(m.role_label, m.from_date.year) for m in Membership.objects.filter(
        committee=com, person__name="Marian Humphreys")}
    assert ("Member", 2022) in roles and ("Chair", 2024) in roles
    html = page(client, com.get_absolute_url())
    grid = section(html, "Members")
    years = re.findall(r'<th scope="col" class="govuk-table__header">(\d{4})</th>', grid)
    row = re.search(r'>Marian Humphreys</a></th>(.*?)</tr>', grid, re.S)
    assert row, "Marian Humphreys is not in the members table"
    cells = re.findall(r'<td class="govuk-table__cell">([^<]*)</td>', row.group(1))
    by_year = dict(zip(years, cells))
    assert "Member" in by_year["2022"] and "Chair" in by_year["2024"]
    # one person, whatever the spelling in the minutes ("Humphries")
    assert com.council.people.filter(name__startswith="Marian Humphr").count() == 1
