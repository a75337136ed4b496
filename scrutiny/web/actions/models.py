"""Actions and recommendations, tracked to closure.

An `Action` is a request or commitment recorded in minutes (read by ingest, with its
citation).  The tracker (`tracker.py`) gives it a due date read from its words, an owner
matched to a person where it can, and proposes `FollowUp`s: later agenda items, reports or
minutes that look like the answer.  An officer confirms or rejects each proposal;
confirming closes the action with that evidence.  Nothing closes an action without
`Evidence`.  Every change an officer makes is an `AuditEntry` (who, when, before, after);
every change of status is also a `StatusChange`.

A `Recommendation` is a resolution or clause addressed to the executive or a partner body
(the Cabinet, a Cabinet Member, an NHS body): it waits for a response, due a set number of
months after the meeting (`TrackerSettings.response_months`, two by default).
"""
from __future__ import annotations

from django.conf import settings
from django.db import models

from ..record.models import Cited, Lockable


class Action(Lockable, Cited):
    OPEN, IN_PROGRESS, DONE, DROPPED = "open", "in_progress", "done", "dropped"
    STATUS = [(OPEN, "Open"), (IN_PROGRESS, "In progress"), (DONE, "Done"),
              (DROPPED, "Dropped")]
    ACTIVE = (OPEN, IN_PROGRESS)
    CLOSED = (DONE, DROPPED)
    KINDS = [("request", "Request for information"), ("commitment", "Commitment"),
             ("letter", "Letter"), ("work_programme", "Work programme"),
             ("circulate", "To be circulated"), ("report", "Report to come")]

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
    status = models.CharField(max_length=12, choices=STATUS, default=OPEN)
    # read by the tracker (an officer's correction locks them)
    owner_person = models.ForeignKey("record.Person", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="actions_owned",
                                     help_text="The person the owner is, where known")
    owner_role = models.CharField(max_length=300, blank=True,
                                  help_text="The post or role that owns it (Chair, Director of "
                                            "...), when the owner is a role")
    due_date = models.DateField(null=True, blank=True)
    due_words = models.CharField(max_length=200, blank=True,
                                 help_text="The words the due date was read from")
    due_rule = models.CharField(max_length=200, blank=True,
                                help_text="How the due date was worked out")
    closed_on = models.DateField(null=True, blank=True,
                                 help_text="When it was done (from the evidence) or dropped")

    class Meta:
        ordering = ["meeting", "line", "seq"]
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    def is_overdue(self, on=None) -> bool:
        import datetime as dt
        on = on or dt.date.today()
        return self.is_active and self.due_date is not None and self.due_date < on

    @property
    def owner_label(self) -> str:
        if self.owner_person_id and self.owner_person:
            role = self.owner_role
            return f"{self.owner_person.name} ({role})" if role else self.owner_person.name
        return self.owner_role or self.owner

    def get_absolute_url(self) -> str:
        from django.urls import reverse
        return reverse("actions:action", args=[self.pk])


class StatusChange(models.Model):
    """The history of an action's status."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12)
    changed_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["action", "changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} -> {self.to_status}"


class FollowUp(models.Model):
    """A later paper that may answer an action: proposed by the tracker, confirmed or
    rejected by an officer."""

    PROPOSED, CONFIRMED, REJECTED = "proposed", "confirmed", "rejected"
    STATUS = [(PROPOSED, "Waiting for an officer"), (CONFIRMED, "Confirmed"),
              (REJECTED, "Rejected")]
    ITEM, CIRCULATED, REFERENCE, PROGRESS = "item", "circulated", "reference", "progress"
    KINDS = [(ITEM, "A later agenda item on the topic"),
             (CIRCULATED, "Later minutes say it was done or circulated"),
             (REFERENCE, "A later paper refers back to the request"),
             (PROGRESS, "A later paper reports progress (confirming marks it in progress)")]

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="followups")
    key = models.CharField(max_length=120, help_text="What the proposal points at, for "
                                                     "proposing it once only")
    kind = models.CharField(max_length=12, choices=KINDS)
    meeting = models.ForeignKey("record.Meeting", on_delete=models.CASCADE, related_name="+",
                                help_text="The later meeting whose papers hold the evidence")
    item = models.ForeignKey("record.AgendaItem", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    document = models.ForeignKey("record.Document", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    line = models.PositiveIntegerField(null=True, blank=True)
    end_line = models.PositiveIntegerField(null=True, blank=True)
    excerpt = models.TextField(blank=True)
    evidence_date = models.DateField(null=True, blank=True,
                                     help_text="When the evidence says it was done")
    score = models.FloatField(default=0)
    reason = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=STATUS, default=PROPOSED)
    created = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["action", "-score"]
        constraints = [models.UniqueConstraint(fields=["action", "key"],
                                               name="followup_unique_key")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.excerpt[:60]}"

    @property
    def citation_url(self) -> str | None:
        from ..record.models import citation_url
        return citation_url(self.document_id, self.line, self.end_line)


class Evidence(models.Model):
    """Why an action is done: a later agenda item, lines of a document, or a note."""

    ITEM, DOCUMENT, NOTE = "item", "document", "note"
    KINDS = [(ITEM, "A later agenda item"), (DOCUMENT, "Lines of a paper"), (NOTE, "A note")]

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=10, choices=KINDS)
    item = models.ForeignKey("record.AgendaItem", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    document = models.ForeignKey("record.Document", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    line = models.PositiveIntegerField(null=True, blank=True)
    end_line = models.PositiveIntegerField(null=True, blank=True)
    note = models.TextField(blank=True)
    followup = models.ForeignKey(FollowUp, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["action", "added_at", "pk"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.summary

    @property
    def summary(self) -> str:
        if self.kind == self.ITEM and self.item_id and self.item:
            m = self.item.meeting
            return (f"Item {self.item.display_number or ''} {self.item.public_title}, "
                    f"{m.date:%-d %B %Y}").replace("  ", " ")
        if self.kind == self.DOCUMENT and self.document_id and self.document:
            where = f", line {self.line}" if self.line else ""
            if self.line and self.end_line and self.end_line > self.line:
                where = f", lines {self.line}-{self.end_line}"
            return f"{self.document.title}{where}" + (f": {self.note}" if self.note else "")
        return self.note

    @property
    def citation_url(self) -> str | None:
        from ..record.models import citation_url
        if self.kind == self.ITEM and self.item_id and self.item:
            return self.item.get_absolute_url()
        return citation_url(self.document_id, self.line, self.end_line)


class Recommendation(Lockable, Cited):
    """A recommendation to the executive or a partner body, and its response."""

    PENDING, ACCEPTED, PARTIAL, REJECTED = "pending", "accepted", "partial", "rejected"
    RESPONSES = [(PENDING, "Awaiting response"), (ACCEPTED, "Accepted"),
                 (PARTIAL, "Partially accepted"), (REJECTED, "Rejected")]
    RAG = [("", "Not assessed"), ("red", "Red"), ("amber", "Amber"), ("green", "Green"),
           ("implemented", "Implemented")]

    meeting = models.ForeignKey("record.Meeting", on_delete=models.CASCADE,
                                related_name="recommendations")
    item = models.ForeignKey("record.AgendaItem", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="recommendations")
    item_number = models.CharField(max_length=40, blank=True)
    source_key = models.CharField(max_length=60, help_text="The action or resolution it was "
                                                           "read from")
    action = models.OneToOneField(Action, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="recommendation")
    resolution = models.ForeignKey("record.Resolution", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="recommendations")
    text = models.TextField()
    addressee = models.CharField(max_length=300)
    response_due = models.DateField(null=True, blank=True)
    response = models.CharField(max_length=10, choices=RESPONSES, default=PENDING)
    response_date = models.DateField(null=True, blank=True)
    response_reasons = models.TextField(blank=True)
    implementation = models.CharField(max_length=12, choices=RAG, blank=True, default="")
    review_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "line"]
        constraints = [models.UniqueConstraint(fields=["meeting", "source_key"],
                                               name="recommendation_unique_source")]

    def __str__(self) -> str:
        return f"To {self.addressee}: {self.text[:60]}"

    def is_response_overdue(self, on=None) -> bool:
        import datetime as dt
        on = on or dt.date.today()
        return self.response == self.PENDING and self.response_due is not None \
            and self.response_due < on

    def get_absolute_url(self) -> str:
        from django.urls import reverse
        return reverse("actions:recommendation", args=[self.pk])


class TrackerSettings(models.Model):
    """A council's settings for tracking: the executive's response period for
    recommendations, and how far ahead 'the next meeting' is when no later meeting of the
    committee is known."""

    council = models.OneToOneField("record.Council", on_delete=models.CASCADE,
                                   related_name="tracker_settings")
    response_months = models.PositiveSmallIntegerField(
        default=2, help_text="Months the executive has to respond to a recommendation")
    next_meeting_months = models.PositiveSmallIntegerField(
        default=2, help_text="'The next meeting', when the committee's next meeting is not "
                             "known, is this many months after the meeting")

    class Meta:
        verbose_name_plural = "tracker settings"

    def __str__(self) -> str:
        return f"Tracker settings: {self.council}"


class AuditEntry(models.Model):
    """Who changed what, and when: the fields before and after."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    username = models.CharField(max_length=150, blank=True,
                                help_text="Kept if the account is deleted")
    object_type = models.CharField(max_length=40)
    object_id = models.PositiveBigIntegerField()
    action = models.ForeignKey(Action, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="audit")
    verb = models.CharField(max_length=40)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.username or 'system'} {self.verb} {self.object_type} {self.object_id}"
