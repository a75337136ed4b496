"""The committee record: councils, committees, people, meetings, items, papers.

Names follow the language of councils.  Every row that was read from a paper keeps its
citation (the paper, the line it starts on, the line it ends on, the page), and every row
an officer may correct has `locked_fields`: the names of fields an officer edited, which a
later ingest of the papers never overwrites.
"""
from __future__ import annotations

from functools import lru_cache

from django.db import models
from django.urls import get_script_prefix, reverse
from django.utils.text import slugify


@lru_cache(maxsize=256)
def _url_template(name: str, kinds: tuple[bool, ...], script_prefix: str) -> tuple[str, list]:
    sentinels = [str(987650 + i) if is_int else f"zq{i}qz" for i, is_int in enumerate(kinds)]
    url = reverse(name, args=sentinels)
    parts, order = [], []
    rest = url
    while True:
        hits = [(rest.find(s), i) for i, s in enumerate(sentinels) if rest.find(s) >= 0]
        if not hits:
            parts.append(rest)
            break
        pos, i = min(hits)
        parts.append(rest[:pos])
        order.append(i)
        rest = rest[pos + len(sentinels[i]):]
    return parts, order


def fast_reverse(name: str, *args) -> str:
    """`reverse()` for the portal's links, from a cached template of each URL pattern: a
    list page builds hundreds of them."""
    parts, order = _url_template(name, tuple(isinstance(a, int) for a in args),
                                 get_script_prefix())
    out = [parts[0]]
    for k, i in enumerate(order):
        out.append(str(args[i]))
        out.append(parts[k + 1])
    return "".join(out)


class Lockable(models.Model):
    """Fields named in `locked_fields` were edited by an officer: ingest leaves them be."""

    locked_fields = models.JSONField(default=list, blank=True,
                                     help_text="Fields corrected by an officer; re-reading the "
                                               "papers never overwrites them.")

    class Meta:
        abstract = True

    def is_locked(self, field: str) -> bool:
        return field in (self.locked_fields or ())

    def lock(self, *fields: str) -> None:
        self.locked_fields = sorted(set(self.locked_fields or ()) | set(fields))


class Cited(models.Model):
    """Where in which paper a row was read: the paper, its first and last line, the page."""

    document = models.ForeignKey("record.Document", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    line = models.PositiveIntegerField(null=True, blank=True)
    end_line = models.PositiveIntegerField(null=True, blank=True)
    page = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def citation_url(self) -> str | None:
        return citation_url(self.document_id, self.line, self.end_line)


def citation_url(document_id: int | None, line: int | None, end_line: int | None = None) -> str | None:
    """`/documents/12/?lines=87-90#L87`: the document page, scrolled to and highlighting
    the cited lines."""
    if not document_id:
        return None
    base = fast_reverse("record:document", int(document_id))
    if not line:
        return base
    last = end_line if end_line and end_line > line else line
    rng = f"{line}" if last == line else f"{line}-{last}"
    return f"{base}?lines={rng}#L{line}"


# --------------------------------------------------------------------------- councils
class Council(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return fast_reverse("record:council", self.slug)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Council, self.name)
        super().save(*args, **kwargs)


class Committee(Lockable):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="committees")
    name = models.CharField(max_length=300)
    key = models.CharField(max_length=300, help_text="Name folded for matching papers to it")
    slug = models.SlugField(max_length=200)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["council__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["council", "key"], name="committee_unique_key"),
            models.UniqueConstraint(fields=["council", "slug"], name="committee_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return fast_reverse("record:committee", self.council.slug, self.slug)


# --------------------------------------------------------------------------- people
class Person(Lockable):
    """A councillor, co-opted member, officer or guest, within one council."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(max_length=200, help_text="The name the portal shows")
    surname = models.CharField(max_length=100, db_index=True, help_text="Folded, for matching")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["surname", "name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return fast_reverse("record:person", self.pk)


class PersonName(models.Model):
    """One way a person's name was printed ("Mrs. H. J. Fryer CC", "H. Fryer")."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, db_index=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["person", "name"],
                                               name="personname_unique")]

    def __str__(self) -> str:
        return self.name


class MergeProposal(models.Model):
    """Two people who may be one: an officer confirms (merge) or rejects."""

    OPEN, CONFIRMED, REJECTED = "open", "confirmed", "rejected"
    STATUS = [(OPEN, "Waiting for an officer"), (CONFIRMED, "Merged"), (REJECTED, "Not the same")]

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="merge_proposals")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+",
                               help_text="The person created from the new paper")
    candidate = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+",
                                  help_text="The person already known who may be the same")
    score = models.FloatField()
    reason = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=STATUS, default=OPEN)
    created = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["-score", "created"]
        constraints = [models.UniqueConstraint(fields=["person", "candidate"],
                                               name="mergeproposal_unique_pair")]

    def __str__(self) -> str:
        return f"{self.person} / {self.candidate}"


class Membership(Lockable, Cited):
    """A person's place on a committee, with a role, over the dates the papers show it.

    `from_date` and `to_date` are the first and last meetings whose papers list the person
    in that role."""

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=200, blank=True,
                            help_text="Chair, Vice-Chair, Co-opted member ...; blank for member")
    from_date = models.DateField()
    to_date = models.DateField()

    class Meta:
        ordering = ["committee", "-to_date", "person__surname"]
        indexes = [models.Index(fields=["committee", "person"])]

    def __str__(self) -> str:
        return f"{self.person} ({self.role_label}) on {self.committee}"

    @property
    def role_label(self) -> str:
        return self.role or "Member"


# --------------------------------------------------------------------------- papers
class Document(models.Model):
    """One paper as published (an agenda pack, a set of minutes, a report), stored by the
    SHA-256 of its bytes."""

    KINDS = [("agenda_pack", "Agenda pack"), ("agenda", "Agenda"), ("minutes", "Minutes"),
             ("decisions", "Decisions"), ("report", "Report"), ("other", "Paper")]

    sha256 = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=20, choices=KINDS, default="other")
    title = models.CharField(max_length=400)
    source_name = models.CharField(max_length=400, db_index=True,
                                   help_text="File name the paper was read from")
    council = models.ForeignKey(Council, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="documents")
    file_format = models.CharField(max_length=20, default="text")
    pages = models.PositiveIntegerField(default=0)
    line_count = models.PositiveIntegerField(default=0)
    text = models.TextField()
    page_starts = models.JSONField(default=list, blank=True,
                                   help_text="First line of each page")
    superseded_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="supersedes",
                                      help_text="A later version of the same paper")
    ingested_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-ingested_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return fast_reverse("record:document", self.pk)


class DocumentSection(Cited):
    """A part of a paper: the agenda, the minutes, a report, an appendix."""

    in_document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(max_length=20)
    title = models.CharField(max_length=400)
    item_number = models.CharField(max_length=40, blank=True)
    end_page = models.PositiveIntegerField(null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["in_document", "order"]

    def __str__(self) -> str:
        return self.title


class Passage(models.Model):
    """A few consecutive lines of a paper: the unit that search returns, with its lines."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="passages")
    page = models.PositiveIntegerField()
    line_start = models.PositiveIntegerField()
    line_end = models.PositiveIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["document", "line_start"]
        indexes = [models.Index(fields=["document", "line_start"])]

    def __str__(self) -> str:
        return f"{self.document_id}:{self.line_start}-{self.line_end}"

    @property
    def citation_url(self) -> str | None:
        return citation_url(self.document_id, self.line_start, self.line_end)


# --------------------------------------------------------------------------- meetings
class Meeting(Lockable, Cited):
    """A meeting of a committee, known by its committee and date."""

    SCHEDULED, HELD, CANCELLED = "scheduled", "held", "cancelled"
    STATUS = [(SCHEDULED, "Scheduled"), (HELD, "Held"), (CANCELLED, "Cancelled")]
    NONE, DRAFT, APPROVED = "none", "draft", "approved"
    AGENDA_STATUS = [(NONE, "Not available"), (DRAFT, "Draft"), (APPROVED, "Published")]
    MINUTES_STATUS = [(NONE, "Not available"), (DRAFT, "Draft"), (APPROVED, "Approved")]

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    time = models.TimeField(null=True, blank=True)
    venue = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=STATUS, default=SCHEDULED)
    agenda_status = models.CharField(max_length=10, choices=AGENDA_STATUS, default=NONE)
    minutes_status = models.CharField(max_length=10, choices=MINUTES_STATUS, default=NONE)
    papers = models.ManyToManyField(Document, through="MeetingDocument", related_name="meetings")

    class Meta:
        ordering = ["-date"]
        constraints = [models.UniqueConstraint(fields=["committee", "date"],
                                               name="meeting_unique_date")]

    def __str__(self) -> str:
        return f"{self.committee.name}, {self.date:%-d %B %Y}"

    def get_absolute_url(self) -> str:
        return fast_reverse("record:meeting", self.committee.council.slug, self.committee.slug,
                            self.date.isoformat())


class MeetingDocument(models.Model):
    """A paper that records a meeting: its agenda, or its minutes (often as the draft
    minutes inside the next meeting's agenda pack).  `line`/`end_line` give where in the
    paper that meeting's part is."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="meeting_papers")
    paper = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="meeting_papers")
    record = models.CharField(max_length=10, choices=[("agenda", "Agenda"),
                                                      ("minutes", "Minutes"),
                                                      ("decisions", "Decisions")])
    line = models.PositiveIntegerField(null=True, blank=True)
    end_line = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "record"]
        constraints = [models.UniqueConstraint(fields=["meeting", "paper", "record"],
                                               name="meetingdocument_unique")]

    @property
    def citation_url(self) -> str | None:
        return citation_url(self.paper_id, self.line, self.end_line)


class AgendaItem(Lockable, Cited):
    """An item of business.  `number` is as printed on the agenda ("4", "(1)"),
    `minute_number` as printed in the minutes ("553").  The citation is the agenda's; the
    minutes' is in `minutes_document` / `minutes_line`."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    number = models.CharField(max_length=40, blank=True)
    minute_number = models.CharField(max_length=40, blank=True)
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=1000)
    pages = models.CharField(max_length=40, blank=True, help_text="Pages of the agenda pack")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="children")
    exempt = models.BooleanField(default=False, help_text="Taken in private (Schedule 12A)")
    exempt_paragraph = models.CharField(max_length=20, blank=True,
                                        help_text="Paragraph of Schedule 12A, Local Government "
                                                  "Act 1972")
    report_by = models.CharField(max_length=300, blank=True)
    minutes_document = models.ForeignKey(Document, null=True, blank=True,
                                         on_delete=models.SET_NULL, related_name="+")
    minutes_line = models.PositiveIntegerField(null=True, blank=True)
    minutes_page = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "order"]

    def __str__(self) -> str:
        return self.public_title

    @property
    def public_title(self) -> str:
        if self.exempt:
            para = f" paragraph {self.exempt_paragraph}" if self.exempt_paragraph else ""
            return f"Exempt item (Schedule 12A{para})"
        return self.title

    @property
    def display_number(self) -> str:
        return self.number or self.minute_number

    @property
    def minutes_citation_url(self) -> str | None:
        return citation_url(self.minutes_document_id, self.minutes_line)

    def get_absolute_url(self) -> str:
        m = self.meeting
        return fast_reverse("record:item", m.committee.council.slug, m.committee.slug,
                            m.date.isoformat(), self.pk)


class Attendance(Lockable, Cited):
    PRESENT, APOLOGIES, SUBSTITUTE, OFFICER, ALSO_PRESENT = (
        "present", "apologies", "substitute", "officer", "also_present")
    KINDS = [(PRESENT, "Present"), (APOLOGIES, "Apologies"), (SUBSTITUTE, "Substitute"),
             (OFFICER, "Officer"), (ALSO_PRESENT, "Also present")]

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendance")
    kind = models.CharField(max_length=15, choices=KINDS)
    description = models.CharField(max_length=300, blank=True,
                                   help_text="Role or post as printed")
    substituting_for = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL,
                                         related_name="substituted_by")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["meeting", "order"]
        verbose_name_plural = "attendance"
        constraints = [models.UniqueConstraint(fields=["meeting", "person"],
                                               name="attendance_unique_person")]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_kind_display()})"


class Declaration(Lockable, Cited):
    """A declaration of interest."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="declarations")
    member = models.CharField(max_length=200, help_text="Name as printed")
    item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="declarations")
    item_number = models.CharField(max_length=40, blank=True)
    interest = models.TextField(blank=True)
    seq = models.PositiveIntegerField(default=0, help_text="Order within the meeting")

    class Meta:
        ordering = ["meeting", "seq"]

    def __str__(self) -> str:
        return f"{self.member}: {self.interest[:60]}"


class Resolution(Lockable, Cited):
    """A decision of the committee (RESOLVED, AGREED, the minutes confirmed)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="resolutions")
    item = models.ForeignKey(AgendaItem, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="resolutions")
    item_number = models.CharField(max_length=40, blank=True)
    seq = models.PositiveIntegerField(default=0, help_text="Order among the item's resolutions")
    text = models.TextField()

    class Meta:
        ordering = ["meeting", "line", "seq"]

    def __str__(self) -> str:
        return self.text[:80]


def unique_slug(model, name: str, **scope) -> str:
    base = slugify(name)[:180] or "unnamed"
    slug, n = base, 2
    while model.objects.filter(slug=slug, **scope).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
