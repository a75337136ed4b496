"""The seeds' performance reports in the database: Leicestershire's dashboard and
Warwickshire's key business measures."""
from collections import Counter
from decimal import Decimal

from scrutiny.web.performance.models import Indicator, IndicatorValue


def council_indicators(name):
    return list(Indicator.objects.filter(council__name=name).prefetch_related("values"))


def test_leicestershire_dashboard_24_indicators_with_both_periods(seeded):
    inds = council_indicators("Leicestershire County Council")
    assert len(inds) == 24
    for ind in inds:
        values = list(ind.values.all())
        assert len(values) == 2, ind.name                  # previous and latest period
        prev, latest = values                               # ordered by period end
        assert prev.period_end < latest.period_end
        assert all(v.document_id and v.line and v.page for v in values)   # cited
        assert all(v.meeting and v.meeting.date.isoformat() == "2022-09-06" for v in values)
        assert ind.service_area in {"CFWS", "SEND", "Social Care", "Early Years", "Education"}
    by_name = {i.name: i for i in inds}
    cp = list(by_name["Child protection cases which were reviewed within timescales"]
              .values.all())
    assert [(v.period, v.value) for v in cp] == [("Q4 2021/22", "86.30"), ("Q1 2022/23", "76.00")]
    latest = cp[-1]
    assert (latest.target, latest.target_op, latest.target_number) == (">97.2", ">",
                                                                       Decimal("97.2"))
    assert (latest.status, latest.rag, latest.direction) == ("Red", "R", "Decrease")
    assert (latest.quartile, latest.statistical_neighbours) == (4, Decimal("92.3"))
    assert by_name["Child protection cases which were reviewed within timescales"].polarity \
        == "higher"


def test_leicestershire_targets_rag_and_comparators_where_printed(seeded):
    """Where the dashboard prints them (ten rows print N/A for all four): targets on 10
    rows, RAG on 12, comparators on 14 -- "From 14 measures that have a national
    benchmark, three are in the top quartile, six are in the second quartile, three are
    in the third quartile and two are in the fourth quartile" (paragraph 7)."""
    latest = [list(i.values.all())[-1] for i in
              council_indicators("Leicestershire County Council")]
    assert sum(1 for v in latest if v.target) == 10
    assert sum(1 for v in latest if v.rag) == 12
    with_comparators = [v for v in latest if v.quartile is not None]
    assert len(with_comparators) == 14
    assert all(v.statistical_neighbours is not None for v in with_comparators)
    assert Counter(v.quartile for v in with_comparators) == {1: 3, 2: 6, 3: 3, 4: 2}


def test_warwickshire_kbms_2022_and_2024_with_status(seeded):
    values = IndicatorValue.objects.filter(indicator__council__name="Warwickshire County Council")
    q3_2022 = values.filter(period="Q3 2021/22")
    assert q3_2022.count() == 10
    assert Counter(v.status for v in q3_2022) == {"On Track": 5, "Not on Track": 5}
    assert all(v.value == "" and v.number is None for v in q3_2022)   # no invented values
    q1_2024 = values.filter(period="Q1 2024/25").exclude(status="")
    assert q1_2024.count() == 10
    assert Counter(v.status for v in q1_2024) == {"On Track": 7, "Not on Track": 3}
    assert all(v.number is not None for v in q1_2024)
    # the same key business measure across the two years is one indicator
    early_help = Indicator.objects.get(council__name="Warwickshire County Council",
                                       names__name="No. of children open to an Early Help "
                                                   "Pathway")
    assert [(v.period, v.value, v.status) for v in early_help.values.all()] == [
        ("Q3 2021/22", "", "On Track"), ("Q1 2024/25", "3046", "On Track")]


def test_every_value_is_cited_or_imported(seeded):
    assert not IndicatorValue.objects.filter(document__isnull=True, source_file="").exists()
    assert not IndicatorValue.objects.filter(period_end__isnull=True,
                                             period_kind__in=["quarter", "month"]).exists()
