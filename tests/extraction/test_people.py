from hypothesis import given, strategies as st

from scrutiny.extraction.people import clean_name, looks_like_name, split_people
from tests.seeds import seed_lines


def names(text):
    return [p.name for p in split_people(text)]


def test_present_list_with_roles_from_real_minutes():
    lines = seed_lines("004")
    people = split_people(" ".join(lines[12:15]))
    assert [p.name for p in people][:2] == ["Steve Mackay", "David Chambers"]
    assert people[0].description == "Chairman"
    assert "M Hughes" in [p.name for p in people]
    assert len(people) == 9


def test_apologies_with_posts_containing_commas():
    lines = seed_lines("004")
    text = " ".join(lines[43:46]).split("received from", 1)[1]
    got = names(text)
    assert got == ["David Ross", "Tim Reid", "Andy Roberts", "Karen May", "Tina Russell"]


def test_two_column_membership_run_together():
    lines = seed_lines("000")
    assert names(lines[20]) == ["Justin Kerridge", "Jill Simpson-Vince", "Joseph Cannon"]
    assert names(lines[22]) == ["John McRoberts", "Elaine Scrivens"]
    lines = seed_lines("002")
    row = next(x for x in lines if x.startswith("Mr. M. Frisby CC"))
    assert names(row) == ["M. Frisby", "N. Lockyer"]


def test_honorifics_and_post_nominals_are_dropped():
    assert clean_name("Mrs. H. J. Fryer CC") == "H. J. Fryer"
    assert clean_name("Councillor Jo Barker") == "Jo Barker"
    assert clean_name("Dr Shade Agboola") == "Shade Agboola"
    assert clean_name("Rev. Elaine Scrivens") == "Elaine Scrivens"


def test_headings_and_vacancies_are_not_people():
    assert names("Vacancy") == []
    assert names("Available Papers") == []
    assert names("Co-opted Church Representatives (for education matters)") == []
    assert not looks_like_name("The Committee")


FIRST = st.sampled_from(["Ann", "Bilal", "Chloe", "Dafydd", "Eilidh", "Femi", "Gurpreet", "Hannah"])
LAST = st.sampled_from(["Okafor", "Smith", "O'Neill", "Jones-Price", "McAllister", "Whitcombe", "Patel"])
HON = st.sampled_from(["Councillor ", "Cllr ", "Mr ", "Mrs. ", "Dr ", ""])


@given(st.lists(st.tuples(HON, FIRST, LAST), min_size=1, max_size=8, unique_by=lambda t: (t[1], t[2])),
       st.sampled_from([", ", "; "]))
def test_any_printed_list_gives_back_its_people(people, sep):
    printed = [f"{h}{f} {s}" for h, f, s in people]
    text = sep.join(printed[:-1]) + (" and " if len(printed) > 1 else "") + printed[-1]
    assert names(text) == [f"{f} {s}" for _, f, s in people]


def test_plural_councillors_covers_bare_surnames():
    assert names("Councillors Smith (Chairman), Jones, Patel-Ward, O'Brien and McKenzie") == \
        ["Smith", "Jones", "Patel-Ward", "O'Brien", "McKenzie"]
    assert names("Councillors: R. Smith, T. Jones and Mrs P. Ward") == ["R. Smith", "T. Jones", "P. Ward"]
    assert names("Councillors:") == []
