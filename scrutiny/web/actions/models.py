"""Actions: commitments and requests recorded in minutes (minimal; tracking comes later)."""
from __future__ import annotations

from django.db import models

from ..record.models import Cited, Lockable


class Action(Lockable, Cited):
    OPEN, DONE, CLOSED = "open", "done", "closed"
    STATUS = [(OPEN, "Open"), (DONE, "Done"), (CLOSED, "Closed")]

    meeting = models.ForeignKey("record.Meeting", on_delete=models.CASCADE,
                                related_name="actions")
    item = models.ForeignKey("record.AgendaItem", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="actions")
    item_number = models.CharField(max_length=40, blank=True)
    seq = models.PositiveIntegerField(default=0, help_text="Order among the item's actions")
    text = models.TextField()
    owner = models.CharField(max_length=300, blank=True, help_text="Who must do it, as written")
    due = models.CharField(max_length=200, blank=True, help_text="When, as written")
    kind = models.CharField(max_length=20, default="request")
    status = models.CharField(max_length=10, choices=STATUS, default=OPEN)

    class Meta:
        ordering = ["meeting", "line", "seq"]

    def __str__(self) -> str:
        return self.text[:80]
