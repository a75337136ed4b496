"""Performance indicators reported to committees, and their values by period."""
from __future__ import annotations

from django.db import models

from ..record.models import Cited, Lockable


class Indicator(Lockable):
    council = models.ForeignKey("record.Council", on_delete=models.CASCADE,
                                related_name="indicators")
    name = models.CharField(max_length=500)
    key = models.CharField(max_length=500, help_text="Name folded for matching")
    unit = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["council", "name"]
        constraints = [models.UniqueConstraint(fields=["council", "key"],
                                               name="indicator_unique_key")]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(Lockable, Cited):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period = models.CharField(max_length=60, blank=True, help_text="As printed: '2022/23 Q1'")
    value = models.CharField(max_length=60, help_text="As printed, without % or separators")
    number = models.FloatField(null=True, blank=True, help_text="The value as a number")
    unit = models.CharField(max_length=40, blank=True)
    target = models.CharField(max_length=60, blank=True)
    status = models.CharField(max_length=60, blank=True, help_text="RAG / On Track as printed")
    meeting = models.ForeignKey("record.Meeting", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="indicator_values",
                                help_text="The meeting whose papers reported it")

    class Meta:
        ordering = ["indicator", "period"]
        constraints = [models.UniqueConstraint(fields=["indicator", "period"],
                                               name="indicatorvalue_unique_period")]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.period})"
