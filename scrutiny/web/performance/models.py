"""Performance: the measures a council reports to its committees, and their values by
period, each value with its citation (the paper and line it was printed on, or the file
and row it was imported from).

* `Indicator` -- a measure of one council: name, unit, polarity, definition, service area.
  `IndicatorName` keeps every way the measure was printed, so that a renamed measure stays
  one indicator (see `identity.py`).
* `IndicatorValue` -- one period's figure: the period with its first and last day, the
  value (a number, or a grade such as "C+" or "Good"), the target, the status as printed,
  the RAG rating, the direction of travel, comparators (England, statistical neighbours,
  region, quartile), the meeting it was reported to.
* `NarrativeFigure` -- a figure printed in a report's text that differs from the table for
  the same measure and period: surfaced on the dashboards, never corrected.
* `IndicatorMention` -- a passage of a paper that mentions a measure (to list the agenda
  items where it was discussed).
* `IndicatorAudit` -- who merged, split or edited an indicator, when, before and after.
"""
from __future__ import annotations

from django.conf import settings
from django.db import models

from ..record.models import Cited, Lockable, fast_reverse


class Indicator(Lockable):
    HIGHER, LOWER, UNKNOWN = "higher", "lower", ""
    POLARITY = [(HIGHER, "Higher is better"), (LOWER, "Lower is better"),
                (UNKNOWN, "Not known")]

    council = models.ForeignKey("record.Council", on_delete=models.CASCADE,
                                related_name="indicators")
    name = models.CharField(max_length=500)
    key = models.CharField(max_length=500, db_index=True, help_text="Name folded for matching")
    unit = models.CharField(max_length=40, blank=True)
    ref = models.CharField(max_length=60, blank=True, help_text="The council's reference for "
                           "the measure, where it prints or imports one (\"CS04\")")
    polarity = models.CharField(max_length=10, choices=POLARITY, blank=True, default=UNKNOWN,
                                help_text="Whether a higher or a lower value is better")
    polarity_source = models.CharField(max_length=60, blank=True,
                                       help_text="How the polarity was worked out")
    definition = models.TextField(blank=True)
    service_area = models.CharField(max_length=200, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["council", "service_area", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return fast_reverse("performance:indicator", self.council.slug, self.pk)


class IndicatorName(models.Model):
    """One way the measure was printed (or imported)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=500)
    key = models.CharField(max_length=500, db_index=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["indicator", "name"],
                                               name="indicatorname_unique")]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(Lockable, Cited):
    RAG = [("R", "Red"), ("A", "Amber"), ("G", "Green"), ("", "None")]

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period = models.CharField(max_length=60, blank=True,
                              help_text="Canonical: 'Q1 2022/23', 'Sep 2021', '2022/23'")
    period_printed = models.CharField(max_length=100, blank=True)
    period_kind = models.CharField(max_length=20, blank=True)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    value = models.CharField(max_length=60, help_text="As printed, without % or separators")
    number = models.DecimalField(max_digits=24, decimal_places=8, null=True, blank=True,
                                 help_text="The value as a number (blank for a grade)")
    unit = models.CharField(max_length=40, blank=True)
    name_printed = models.CharField(max_length=500, blank=True,
                                    help_text="The measure's name where this value was printed")
    target = models.CharField(max_length=100, blank=True, help_text="As printed: '>97.2'")
    target_number = models.DecimalField(max_digits=24, decimal_places=8, null=True, blank=True)
    target_op = models.CharField(max_length=2, blank=True, help_text="<, >, <=, >= or blank")
    status = models.CharField(max_length=60, blank=True,
                              help_text="As printed: 'Red', 'Not on Track'")
    rag = models.CharField(max_length=1, choices=RAG, blank=True)
    direction = models.CharField(max_length=60, blank=True,
                                 help_text="Direction of travel as printed")
    comparators = models.JSONField(default=dict, blank=True,
                                   help_text="Every comparator as printed: {label: value}")
    england = models.DecimalField(max_digits=24, decimal_places=8, null=True, blank=True,
                                  help_text="England or national figure")
    statistical_neighbours = models.DecimalField(max_digits=24, decimal_places=8, null=True,
                                                 blank=True)
    region = models.DecimalField(max_digits=24, decimal_places=8, null=True, blank=True)
    region_name = models.CharField(max_length=100, blank=True)
    quartile = models.PositiveSmallIntegerField(null=True, blank=True,
                                                help_text="National quartile (1 = top)")
    meeting = models.ForeignKey("record.Meeting", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="indicator_values",
                                help_text="The meeting whose papers reported it")
    source_file = models.CharField(max_length=400, blank=True,
                                   help_text="For an imported value: the file")
    source_row = models.PositiveIntegerField(null=True, blank=True,
                                             help_text="For an imported value: its row")
    other_printings = models.JSONField(
        default=list, blank=True,
        help_text="Other papers that print this period with a different value")

    class Meta:
        ordering = ["indicator", "period_end", "period_start", "period"]
        constraints = [models.UniqueConstraint(fields=["indicator", "period"],
                                               name="indicatorvalue_unique_period")]
        indexes = [models.Index(fields=["indicator", "period_end"],
                                name="indicatorvalue_period_end")]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.period})"

    @property
    def display_value(self) -> str:
        if self.unit == "%":
            return f"{self.value}%"
        return self.value


class NarrativeFigure(Cited):
    """A figure in a report's text that differs from its table for the same measure and
    period.  Surfaced, never fixed."""

    value = models.ForeignKey(IndicatorValue, on_delete=models.CASCADE,
                              related_name="narrative_figures")
    figure = models.CharField(max_length=60, help_text="The figure as the text prints it")
    number = models.DecimalField(max_digits=24, decimal_places=8)
    sentence = models.TextField()

    class Meta:
        ordering = ["value", "line"]
        constraints = [models.UniqueConstraint(fields=["value", "document", "line", "figure"],
                                               name="narrativefigure_unique")]


class IndicatorMention(Cited):
    """A passage that names a measure: where it was discussed."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="mentions")
    item = models.ForeignKey("record.AgendaItem", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="indicator_mentions")
    meeting = models.ForeignKey("record.Meeting", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    snippet = models.TextField(blank=True)

    class Meta:
        ordering = ["indicator", "document", "line"]
        constraints = [models.UniqueConstraint(fields=["indicator", "document", "line"],
                                               name="indicatormention_unique")]


class IndicatorAudit(models.Model):
    MERGE, SPLIT, EDIT, IMPORT = "merge", "split", "edit", "import"
    ACTIONS = [(MERGE, "Merged"), (SPLIT, "Split"), (EDIT, "Edited"), (IMPORT, "Imported")]

    indicator = models.ForeignKey(Indicator, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="audit")
    council = models.ForeignKey("record.Council", on_delete=models.CASCADE, related_name="+")
    action = models.CharField(max_length=10, choices=ACTIONS)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    summary = models.CharField(max_length=500)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.summary}"
