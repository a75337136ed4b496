"""People matching: the rules of names.py, and PeopleIndex against the database."""
import pytest

from scrutiny.web.record.names import (compare, normalise_committee, normalise_role,
                                       parse_name)


@pytest.mark.parametrize("raw,display,given,surname", [
    ("Mrs. H. J. Fryer CC", "H. J. Fryer", ("h", "j"), "fryer"),
    ("Mrs. H. Fryer CC (Chairman)", "H. Fryer", ("h",), "fryer"),
    ("Councillor Marian Humphreys", "Marian Humphreys", ("marian",), "humphreys"),
    ("Cllr Steve Mackay", "Steve Mackay", ("steve",), "mackay"),
    ("County Councillor Jill Simpson-Vince", "Jill Simpson-Vince", ("jill",), "simpson-vince"),
    ("Mr M Hughes", "M Hughes", ("m",), "hughes"),
    ("S J Mackay", "S J Mackay", ("s", "j"), "mackay"),
    ("HJ Fryer", "HJ Fryer", ("h", "j"), "fryer"),
    ("Dr Penny-Anne O\u2019Donnell OBE", "Penny-Anne O'Donnell", ("penny-anne",), "o'donnell"),
    ("Zo\u00eb Smith", "Zo\u00eb Smith", ("zoe",), "smith"),
    ("Councillor J\u043e Barker", "Jo Barker", ("jo",), "barker"),      # Cyrillic o
])
def test_parse_name(raw, display, given, surname):
    n = parse_name(raw)
    assert (n.display, n.given, n.surname) == (display, given, surname)


@pytest.mark.parametrize("a,b", [
    ("Marian Humphreys", "Marian Humphries"),
    ("Mrs. H. J. Fryer CC", "Mrs. H. Fryer CC"),
    ("Mrs. H. Fryer CC", "H. J. Fryer"),
    ("S J Mackay", "Steve Mackay"),
    ("Councillor Tracey Onslow", "T L Onslow"),
    ("Cllr Jo Barker", "Jo Barker"),
    ("Councillor Humphreys", "Marian Humphreys"),   # surname only: certain if unique
    ("Cllr Martin Dunmore Price", "Martin Dunmore-Price"),
    ("Councillor D. Okafor Reid", "Desmond Okafor-Reid"),
    ("Gareth Penhalligon", "Gareth Penhaligon"),
    ("M. Delahaye \u2013 Head of Performance and Intelligence", "Marcus Delahaye"),
    ("Liz Altay, Interim Director of Public Health", "Liz Altay"),
])
def test_same_person_certain(a, b):
    m = compare(parse_name(a), parse_name(b))
    assert m.certain, (a, b, m)


@pytest.mark.parametrize("a,b", [
    ("Marian Humphreys", "Dave Humphreys"),
    ("Tim Rice", "Tim Reid"),
    ("David Ross", "David Rose"),
    ("Karen May", "Karen Mayo"),
    ("Jerry Roodhouse", "Heather Timms"),
])
def test_different_people(a, b):
    m = compare(parse_name(a), parse_name(b))
    assert m.score == 0 and not m.certain, (a, b, m)


@pytest.mark.parametrize("a,b", [
    ("Dave Chambers", "David Chambers"),       # short form: ask an officer
    ("M. Humphries", "Marian Humphreys"),      # initial and a spelling variant
    ("Councillor Pippa Threlfall", "Philippa Threlfall"),
    ("Councillor Threlfal", "Philippa Threlfall"),
    ("M. Delahay", "Marcus Delahaye"),
])
def test_uncertain_pairs_are_proposals(a, b):
    m = compare(parse_name(a), parse_name(b))
    assert m.score > 0 and not m.certain, (a, b, m)


def test_roles_and_committee_names():
    assert normalise_role("Vice Chairman") == "Vice-Chairman"
    assert normalise_role("vice-chair") == "Vice-Chair"
    assert normalise_role("Chair") == "Chair"
    assert normalise_role(None) == ""
    assert normalise_role("Member") == ""
    assert normalise_committee("Children & Young People O&S Committee") == \
        normalise_committee("Children and Young People Overview and Scrutiny Committee")


# ---------------------------------------------------------------- against the database
@pytest.fixture
def council(db):
    from scrutiny.web.record.models import Council
    return Council.objects.create(name="Borsetshire County Council")


def test_index_matches_variants_and_proposes_doubtful(council):
    from scrutiny.web.record.models import MergeProposal, Person
    from scrutiny.web.record.people import PeopleIndex

    idx = PeopleIndex(council)
    marian = idx.resolve("Councillor Marian Humphreys")
    assert idx.resolve("Cllr Marian Humphries") == marian
    dave = idx.resolve("Councillor Dave Humphreys")
    assert dave != marian
    fryer = idx.resolve("Mrs. H. J. Fryer CC")
    assert idx.resolve("Mrs. H. Fryer CC") == fryer
    assert idx.resolve("H. J. Fryer") == fryer
    # a new index (the next paper) finds them by their stored name variants; a
    # surname that two people share is a question for an officer
    idx2 = PeopleIndex(council)
    assert idx2.resolve("Marian Humphries") == marian
    # "Councillor Humphreys" could be Marian or Dave: a new person, and two proposals
    who = idx2.resolve("Councillor Humphreys")
    assert who not in (marian, dave)
    proposed = set(MergeProposal.objects.filter(person=who).values_list("candidate", flat=True))
    assert proposed == {marian.pk, dave.pk}
    assert Person.objects.filter(council=council).count() == 4
    # one Madsen: "Councillor Madsen" is her
    madsen = idx2.resolve("Councillor Eileen Madsen")
    assert idx2.resolve("Councillor Madsen") == madsen
    # "P. Threlfall" fits both sides of an open proposal: it goes with the one kept
    philippa = idx2.resolve("Councillor Philippa Threlfall")
    pippa = idx2.resolve("Councillor Pippa Threlfall")
    assert pippa != philippa
    assert idx2.resolve("Cllr P. Threlfall") == philippa
    marian.refresh_from_db()
    assert marian.name == "Marian Humphreys"


def test_fuller_name_becomes_the_shown_name_unless_locked(council):
    from scrutiny.web.record.people import PeopleIndex

    idx = PeopleIndex(council)
    p = idx.resolve("Mrs. H. Fryer CC")
    assert p.name == "H. Fryer"
    idx.resolve("Mrs. H. J. Fryer CC")
    p.refresh_from_db()
    assert p.name == "H. J. Fryer"
    p.lock("name")
    p.save()
    idx = PeopleIndex(council)
    idx.resolve("Helen Jane Fryer")
    p.refresh_from_db()
    assert p.name == "H. J. Fryer"


def test_merge_moves_everything_to_the_kept_person(council):
    import datetime as dt

    from scrutiny.web.record.models import (Attendance, Committee, Meeting, MergeProposal,
                                            Membership, Person)
    from scrutiny.web.record.people import PeopleIndex, decide

    idx = PeopleIndex(council)
    david = idx.resolve("David Chambers")
    dave = idx.resolve("Dave Chambers")
    assert dave != david
    prop = MergeProposal.objects.get(person=dave, candidate=david)
    com = Committee.objects.create(council=council, name="Scrutiny", key="scrutiny",
                                   slug="scrutiny")
    m1 = Meeting.objects.create(committee=com, date=dt.date(2024, 1, 1))
    m2 = Meeting.objects.create(committee=com, date=dt.date(2024, 2, 1))
    Attendance.objects.create(meeting=m1, person=david, kind="present")
    Attendance.objects.create(meeting=m2, person=dave, kind="apologies")
    Attendance.objects.create(meeting=m1, person=dave, kind="present")     # duplicate
    Membership.objects.create(committee=com, person=dave, role="", from_date=m2.date,
                              to_date=m2.date)
    Membership.objects.create(committee=com, person=david, role="", from_date=m1.date,
                              to_date=m1.date)
    decide(prop, confirm=True)
    assert not Person.objects.filter(pk=dave.pk).exists()
    assert sorted(david.attendance.values_list("meeting__date", "kind")) == [
        (m1.date, "present"), (m2.date, "apologies")]
    ms = david.memberships.get()
    assert (ms.from_date, ms.to_date) == (m1.date, m2.date)
    assert set(david.names.values_list("name", flat=True)) == {"David Chambers", "Dave Chambers"}
    # the next paper: "Dave Chambers" is now a known variant of David
    assert PeopleIndex(council).resolve("Dave Chambers") == david


def test_rejected_proposal_is_not_asked_again(council):
    from scrutiny.web.record.models import MergeProposal
    from scrutiny.web.record.people import PeopleIndex, decide

    idx = PeopleIndex(council)
    a = idx.resolve("David Chambers")
    b = idx.resolve("Dave Chambers")
    decide(MergeProposal.objects.get(person=b, candidate=a), confirm=False)
    assert PeopleIndex(council).resolve("Dave Chambers") == b
    assert MergeProposal.objects.filter(status="open").count() == 0
