"""HTML meeting pages and Modern.gov XML, rendered to text lines; hostile markup.

The Modern.gov-style page and XML are hand-written for an invented council
(tests/fixtures/borsetshire_meeting.html, borsetshire_getmeeting.xml).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from scrutiny.extraction import extract
from scrutiny.reading import ReadError, UnsupportedPaper, read_bytes, read_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGE = FIXTURES / "borsetshire_meeting.html"
XML = FIXTURES / "borsetshire_getmeeting.xml"


def _blocks(text) -> list[str]:
    return [ln.text for ln in text.lines if ln.text]


def _html(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


# --- the Modern.gov meeting page --------------------------------------------------------

def test_meeting_page_reads_like_a_saved_text_page():
    text = read_path(PAGE)
    assert text.kind == "html" and text.page_count == 1
    assert [ln.no for ln in text.lines] == list(range(1, len(text.lines) + 1))
    blocks = _blocks(text)
    assert blocks[:8] == [
        "Agenda and minutes",
        "Children's Services Scrutiny Committee - Tuesday, 22nd September, 2020 6.00 pm",
        "Browse the agenda",
        "Venue: The Council Chamber, County Hall, Felpersham, BO1 2XX",
        "Contact: Priya Lambert, Democratic Services Officer 01632 960 123",
        "Items",
        "No. Item",
        "58.",
    ]
    i = blocks.index("58.")
    assert blocks[i:i + 5] == ["58.", "Apologies for Absence", "To receive apologies for absence.",
                               "Minutes:", "Apologies for absence were received from Councillor "
                               "Helen Archer and Councillor Tom Forrest."]
    # Each block on its own line with a blank line between blocks.
    lines = [ln.text for ln in text.lines]
    j = lines.index("58.")
    assert lines[j:j + 4] == ["58.", "", "Apologies for Absence", ""]


def test_meeting_page_drops_chrome_scripts_hidden_text_and_link_debris():
    whole = read_path(PAGE).as_string()
    for gone in ("Skip to main content", "Bins and recycling", "Committee structure",
                 "Your council, your services", "Privacy", "Injected by script", "tracking",
                 "alert", "steal", "Hidden text", "Also hidden", "pdf icon", "PDF 211 KB",
                 "PDF 1 MB", "KB", "logo"):
        assert gone not in whole, gone
    blocks = _blocks(read_path(PAGE))
    assert "Minutes of the Previous Meeting" in blocks
    assert "Quarter 1 Performance Report 2020/21" in blocks
    assert "Appendix A - Performance Scorecard" in blocks


def test_data_table_inside_minutes_becomes_tab_separated_rows():
    lines = [ln.text for ln in read_path(PAGE).lines]
    rows = [ln for ln in lines if "\t" in ln]
    assert rows == ["Measure\tQ1 2020/21\tTarget\tRAG",
                    "Re-referrals to children's social care within 12 months\t21.4%\t18%\tRed",
                    "Single assessments completed within 45 days\t91.2%\t90%\tGreen"]
    k = lines.index(rows[0])
    assert lines[k:k + 3] == rows          # consecutive, no blank lines between rows


def test_meeting_page_record():
    [meeting] = extract(read_path(PAGE)).meetings
    assert meeting.date == "2020-09-22" and meeting.time == "18:00"
    assert [(i.number, i.title) for i in meeting.items] == [
        ("58", "Apologies for Absence"), ("59", "Declarations of Interest"),
        ("60", "Minutes of the Previous Meeting"), ("61", "Quarter 1 Performance Report 2020/21")]


# --- Modern.gov GetMeeting XML ----------------------------------------------------------

def test_getmeeting_xml_is_rendered_as_a_meeting_page():
    text = read_path(XML)
    assert text.kind == "modgov-xml" and text.page_count == 1
    blocks = _blocks(text)
    assert blocks[:7] == [
        "Agenda and minutes",
        "Children's Services Scrutiny Committee - Tuesday, 22nd September, 2020 6.00 pm",
        "Venue: The Council Chamber, County Hall, Felpersham, BO1 2XX",
        "Present: Councillor Jo Barker (Chair), Councillor Sam Hill (Vice-Chair), Councillor "
        "Ruth Pargetter, Councillor Lynda Snell (substitute for Councillor Helen Archer)",
        "Apologies: Councillor Helen Archer, Councillor Tom Forrest",
        "Also present: Councillor Brian Aldridge (Cabinet Member for Children and Families)",
        "Officers in attendance: Usha Franks (Head of Performance)",
    ]
    i = blocks.index("59.")
    assert blocks[i:i + 6] == [
        "59.", "Minutes of the Previous Meeting", "Documents:", "Minutes of 14 July 2020",
        "Minutes:", "RESOLVED: That the minutes of the meeting held on 14 July 2020 be confirmed "
                    "as a correct record."]
    whole = text.as_string()
    assert "alert" not in whole                      # script inside the minutes HTML
    assert "Fees" not in whole                       # a restricted document
    assert "&#39;" not in whole and "&amp;" not in whole


def test_getmeeting_xml_and_the_page_give_the_same_items():
    page = extract(read_path(PAGE)).meetings[0]
    xml = extract(read_path(XML)).meetings[0]
    assert (xml.committee, xml.date, xml.time, xml.venue) == \
        (page.committee, page.date, page.time, page.venue)
    assert [i.title for i in xml.items] == ["Apologies for Absence",
                                            "Minutes of the Previous Meeting",
                                            "Quarter 1 Performance Report 2020/21"]
    assert xml.attendance.apologies and xml.resolutions


def test_getmeeting_in_a_soap_envelope():
    inner = XML.read_bytes().split(b"?>", 1)[1]
    soap = (b'<?xml version="1.0" encoding="utf-8"?><soap:Envelope '
            b'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
            b'<GetMeetingResponse xmlns="http://moderngov.co.uk/namespaces"><GetMeetingResult>'
            + inner + b"</GetMeetingResult></GetMeetingResponse></soap:Body></soap:Envelope>")
    assert _blocks(read_bytes(soap, "soap.xml")) == _blocks(read_path(XML))


def test_agenda_only_meeting_xml():
    xml = b"""<?xml version="1.0"?><meeting><meetingid>9</meetingid>
      <committeetitle>Borsetshire Health Scrutiny Panel</committeetitle>
      <meetingdate>03/11/2025</meetingdate><meetingtime>10:30</meetingtime>
      <attendees><attendee name="Councillor Ed Grundy" roledescription="Chair" attendance="Expected"/></attendees>
      <agendaitems><agendaitem><agendaitemnumber>1</agendaitemnumber>
      <agendaitemtitle>Apologies</agendaitemtitle></agendaitem></agendaitems></meeting>"""
    assert _blocks(read_bytes(xml, "agenda.xml")) == [
        "Agenda", "Borsetshire Health Scrutiny Panel - Monday, 3rd November, 2025 10.30 am",
        "Members: Councillor Ed Grundy (Chair)", "Items", "No. Item", "1.", "Apologies"]


def test_other_xml_is_unsupported():
    with pytest.raises(UnsupportedPaper) as err:
        read_bytes(b'<?xml version="1.0"?><rss><channel><title>News</title></channel></rss>',
                   "feed.xml")
    assert str(err.value).startswith("feed.xml: this XML file is not a Modern.gov meeting")


def test_malformed_xml_is_a_read_error():
    with pytest.raises(ReadError) as err:
        read_bytes(b'<?xml version="1.0"?><meeting><agendaitems></meeting>', "bad.xml")
    assert str(err.value).startswith("bad.xml: this XML file cannot be read (")
    assert "\n" not in str(err.value)


# --- hostile and awkward HTML -----------------------------------------------------------

_LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">'
                     for i in range(2, 10)).replace("&lol1;", "&lol;")
           + "]>")


def test_billion_laughs_html_is_not_expanded():
    data = f'<?xml version="1.0"?>{_LAUGHS}<html><body><p>Minutes &lol9;</p></body></html>'
    text = read_bytes(data.encode(), "laughs.html")
    assert len(text.as_string()) < 1000
    assert "Minutes" in text.as_string() and "lollol" not in text.as_string()


def test_billion_laughs_xml_is_refused():
    data = f'<?xml version="1.0"?>{_LAUGHS}<meeting><meetingid>&lol9;</meetingid></meeting>'
    with pytest.raises(ReadError) as err:
        read_bytes(data.encode(), "laughs.xml")
    assert str(err.value).startswith("laughs.xml: this XML file cannot be read")


def test_external_entities_are_never_loaded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    xml = (f'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file://{secret}">]>'
           "<meeting><meetingid>1</meetingid><committeetitle>Panel &x;</committeetitle>"
           "<meetingdate>01/02/2024</meetingdate></meeting>")
    try:
        text = read_bytes(xml.encode(), "xxe.xml")
    except ReadError:
        return
    assert "TOP-SECRET" not in text.as_string()


def test_scripts_and_event_handlers_are_not_kept():
    body = ('<p onclick="alert(1)" onmouseover="steal()">Minutes of the panel</p>'
            '<script>document.write("evil")</script><noscript>Enable JavaScript</noscript>'
            '<a href="javascript:alert(2)">Agenda</a><iframe src="x">frame</iframe>'
            '<style>p { color: red }</style><template><p>template text</p></template>')
    assert _blocks(read_bytes(_html(body), "x.html")) == ["Minutes of the panel", "Agenda"]


def test_unclosed_tags_are_recovered():
    data = b"<html><body><h1>Agenda<p>1. Apologies<p>2. Minutes<table><tr><td>a<td>b<tr><td>c"
    assert _blocks(read_bytes(data, "open.html")) == ["Agenda", "1. Apologies", "2. Minutes",
                                                      "a\tb", "c"]


def test_deeply_nested_divs_give_text_or_a_clear_error():
    data = b"<html><body><p>Panel minutes</p>" + b"<div>" * 1_000_000 + b"deep"
    assert len(data) > 5_000_000
    try:
        text = read_bytes(data, "nested.html")
    except ReadError as exc:
        assert str(exc).startswith("nested.html: ") and "\n" not in str(exc)
        return
    assert "Panel minutes" in text.as_string()
    assert text.warnings


def test_html_with_no_readable_text():
    data = _html('<script>var a = 1;</script><div style="display:none">x</div>',
                 head="<title>Empty page</title>")
    with pytest.raises(ReadError) as err:
        read_bytes(data, "empty.html")
    assert str(err.value) == ("empty.html: this page has no readable text (nothing but markup, "
                              "scripts or hidden elements)")


def test_hidden_by_the_pages_own_css():
    head = "<style>.screen-hide, #gone { display: none } @media print { .keep { display: none } }</style>"
    body = '<p class="a screen-hide">one</p><p id="gone">two</p><p class="keep">three</p>'
    assert _blocks(read_bytes(_html(body, head), "css.html")) == ["three"]


def test_lists_breaks_and_preformatted_text():
    body = ("<p>Resolved:</p><ol><li>That the report be noted.</li><li>That a briefing be "
            'held.</li></ol><ol type="a" start="3"><li>third</li></ol>'
            "<ul><li>bullet one</li></ul><p>Line one<br>Line two</p><pre>a   b\n  c</pre>")
    assert _blocks(read_bytes(_html(body), "l.html")) == [
        "Resolved:", "1. That the report be noted.", "2. That a briefing be held.", "c. third",
        "bullet one", "Line one", "Line two", "a   b", "  c"]


@pytest.mark.parametrize("data, meta", [
    ("Chair\u2019s report \u2013 \u00a3250,000 \u201cagreed\u201d".encode("cp1252"), ""),
    ("Chair\u2019s report \u2013 \u00a3250,000 \u201cagreed\u201d".encode("cp1252"),
     '<meta charset="windows-1252">'),
    ("Chair\u2019s report \u2013 \u00a3250,000 \u201cagreed\u201d".encode("utf-8"),
     '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'),
])
def test_html_encodings(data, meta):
    page = b"<html><head>" + meta.encode() + b"</head><body><p>" + data + b"</p></body></html>"
    assert _blocks(read_bytes(page, "enc.html")) == [
        "Chair\u2019s report \u2013 \u00a3250,000 \u201cagreed\u201d"]
