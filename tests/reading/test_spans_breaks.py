from scrutiny.reading import from_string


def test_sentence_cut_by_a_page_break_before_a_capital_is_joined():
    text = from_string("Councillor Ann Lee declared an interest in item 6 as a governor of\n\nPage 4\n\n"
                       "Holmfleet Primary School.\nNext paragraph here.\n", "t.txt")
    spans = text.spans()
    assert spans[0].text.endswith("governor of Holmfleet Primary School.")
    assert spans[0].line_at(len(spans[0].text) - 3) == 5       # the part after the break cites its own line
    assert spans[1].text == "Next paragraph here."


def test_heading_before_a_page_break_is_not_joined():
    text = from_string("Performance Monitoring\n\nPage 4\n\nThe Panel received a report.\n", "t.txt")
    assert [s.text for s in text.spans()] == ["Performance Monitoring", "The Panel received a report."]
