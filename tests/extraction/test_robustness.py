"""Any text gives a record, never an exception, and every citation points into the text."""
from hypothesis import given, settings, strategies as st

from scrutiny.extraction import extract
from scrutiny.reading import from_string

PHRASES = ["Minutes of the Scrutiny Committee", "Tuesday 4 March 2025", "Present:", "Councillor Ann Lee (Chair)",
           "Apologies were received from Councillor Bo Hill.", "RESOLVED:", "That the report be noted.",
           "1. Apologies", "(1) Minutes", "58.", "Minutes:", "It was agreed that officers would circulate the figures.",
           "Members requested a report.", "Measure\tQ1 2024/25\tQ2 2024/25\tTarget\tRAG", "Children in care\t45\t50%\t40\tRed",
           "Page 3", "This page is intentionally left blank", "Venue: Room 1, Town Hall", "", "\t\t", "(a) the", "|", "**",
           "Agenda and minutes", "No. Item", "Declarations of Interest", "Councillor Lee declared an interest in item 5."]


def citations(rec):
    for m in rec.meetings:
        yield from (x.line for x in m.items + m.declarations + m.resolutions + m.actions)
    yield from (i.line for i in rec.indicators)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PHRASES), st.text(max_size=80)), max_size=60))
def test_extract_never_fails_and_cites_real_lines(lines):
    text = from_string("\n".join(lines) + "\n", "fuzz.txt")
    rec = extract(text)
    n = len(text.lines)
    for line in citations(rec):
        assert line is None or 1 <= line <= n
    rec.to_contract()
