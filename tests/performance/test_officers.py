"""Officers merge, split and edit indicators: sign-in required, CSRF enforced, audited;
what they set survives the papers being read again."""
import pytest
from django.test import Client

from scrutiny.web.performance.models import Indicator, IndicatorAudit, IndicatorValue


@pytest.fixture
def officer(django_user_model):
    return django_user_model.objects.create_user("officer", password="a-long-passphrase-1")


@pytest.fixture
def signed_in(officer):
    c = Client()
    c.force_login(officer)
    return c


def _two(fenmoor):
    a = Indicator.objects.get(council__name="Fenmoor County Council",
                              names__name="Re-referrals within 12 months")
    b = Indicator.objects.get(council__name="Fenmoor County Council",
                              names__name="Single assessments completed within 45 working days")
    return a, b


def paths(ind, other):
    base = f"/officers/indicators/{ind.council.slug}/{ind.pk}/"
    return {"merge": (base + "merge/", {"into": other.pk}),
            "split": (base + "split/", {"value": ind.values.first().pk}),
            "edit": (base + "edit/", {"polarity": "higher", "name": "Renamed"})}


@pytest.mark.parametrize("action", ["merge", "split", "edit"])
def test_anonymous_users_cannot_change_anything(fenmoor, client, action):
    a, b = _two(fenmoor)
    before = (Indicator.objects.count(), IndicatorValue.objects.count(), a.name, a.polarity)
    url, data = paths(a, b)[action]
    r = client.post(url, data)
    assert r.status_code == 302 and r["Location"].startswith("/accounts/login/")
    a.refresh_from_db()
    assert (Indicator.objects.count(), IndicatorValue.objects.count(), a.name,
            a.polarity) == before
    assert not IndicatorAudit.objects.exists()
    assert client.get(f"/officers/indicators/{a.council.slug}/{a.pk}/").status_code == 302
    assert client.get("/officers/indicators/").status_code == 302


@pytest.mark.parametrize("action", ["merge", "split", "edit"])
def test_csrf_is_enforced(fenmoor, officer, action):
    a, b = _two(fenmoor)
    c = Client(enforce_csrf_checks=True)
    c.force_login(officer)
    url, data = paths(a, b)[action]
    assert c.post(url, data).status_code == 403
    assert not IndicatorAudit.objects.exists()


def test_merge_moves_values_and_is_audited(fenmoor, signed_in, officer):
    a, b = _two(fenmoor)
    na, nb = a.values.count(), b.values.count()
    r = signed_in.post(f"/officers/indicators/{a.council.slug}/{a.pk}/merge/", {"into": b.pk})
    assert r.status_code == 302
    assert not Indicator.objects.filter(pk=a.pk).exists()
    b.refresh_from_db()
    # the same five periods on both sides: one row each, a's figures kept as other printings
    assert b.values.count() == max(na, nb)
    assert all(v.other_printings for v in b.values.all() if v.period_end)
    assert "Re-referrals within 12 months" in set(b.names.values_list("name", flat=True))
    audit = IndicatorAudit.objects.get(action="merge")
    assert audit.user == officer and audit.indicator == b and audit.at
    assert audit.before["merged"]["id"] == a.pk and audit.before["into"]["id"] == b.pk
    assert audit.after["id"] == b.pk


def test_split_and_edit(fenmoor, signed_in, officer):
    a, _ = _two(fenmoor)
    first = a.values.order_by("period_end").first()
    r = signed_in.post(f"/officers/indicators/{a.council.slug}/{a.pk}/split/",
                       {"value": [first.pk]})
    assert r.status_code == 302
    new = Indicator.objects.exclude(pk=a.pk).get(values=first)
    assert a.values.count() == 4 and new.values.count() == 1
    assert IndicatorAudit.objects.filter(action="split", user=officer).count() == 2
    # splitting everything off is refused
    r = signed_in.post(f"/officers/indicators/{new.council.slug}/{new.pk}/split/",
                       {"value": [first.pk]}, follow=True)
    assert "Leave at least one value" in r.content.decode()
    r = signed_in.post(f"/officers/indicators/{a.council.slug}/{a.pk}/edit/",
                       {"polarity": "higher", "definition": "Re-referrals / referrals",
                        "name": a.name, "unit": a.unit, "ref": "CYP-CS02",
                        "service_area": "Children's social care"})
    a.refresh_from_db()
    assert (a.polarity, a.polarity_source, a.ref) == ("higher", "set by an officer", "CYP-CS02")
    assert {"polarity", "definition", "ref", "service_area"} <= set(a.locked_fields)
    edit = IndicatorAudit.objects.get(action="edit")
    assert edit.before["polarity"] == "lower" and edit.after["polarity"] == "higher"
    assert signed_in.post(f"/officers/indicators/{a.council.slug}/{a.pk}/edit/",
                          {"polarity": "sideways"}, follow=True).status_code == 200
    a.refresh_from_db()
    assert a.polarity == "higher"


def test_officers_polarity_survives_reading_the_papers_again(fenmoor, signed_in):
    from scrutiny.reading import read_path
    from scrutiny.web.record.ingest import ingest_text
    from tests.conftest import EXAMPLES

    a, _ = _two(fenmoor)
    signed_in.post(f"/officers/indicators/{a.council.slug}/{a.pk}/edit/",
                   {"polarity": "higher"})
    r = ingest_text(read_path(EXAMPLES / "fenmoor" / "2025-11-18-performance-q2.txt"),
                    force=True)
    assert r.ok
    a.refresh_from_db()
    assert a.polarity == "higher"


def test_officer_pages(fenmoor, signed_in):
    a, _ = _two(fenmoor)
    page = signed_in.get(f"/officers/indicators/{a.council.slug}/{a.pk}/").content.decode()
    assert "Merge into another indicator" in page and "Split off" in page
    assert signed_in.get("/officers/indicators/").status_code == 200
