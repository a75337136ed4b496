"""The search index: one row per passage that public search may return.

`SearchEntry` copies what a hit shows and what the filters need (council, committee,
meeting date, kind of document) onto the passage, so a query reads one table.  Its `text`
is the passage with personal data (e-mail addresses, telephone numbers) masked; the
keyword index is built over it by the database itself:

* SQLite: the FTS5 table `search_fts` (external content: this table, rowid = `id` =
  the passage's id), kept in step by triggers;
* PostgreSQL: a stored, generated `tsv` tsvector column with a GIN index.

Both are created by migration 0001 in SQL of each vendor (`backends.py` queries them).
Passages of exempt items (Schedule 12A) and of superseded papers have no row here.
`vector` is the passage's all-MiniLM-L6-v2 embedding, quantised to int8 (`vectors.py`).
"""
from __future__ import annotations

from django.db import models

from ..record.models import Committee, Council, Document, Meeting, Passage


class SearchEntry(models.Model):
    id = models.BigAutoField(primary_key=True, help_text="The passage's id")
    passage = models.OneToOneField(Passage, on_delete=models.CASCADE, related_name="search_entry")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    committee = models.ForeignKey(Committee, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    council = models.ForeignKey(Council, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    date = models.DateField(null=True, blank=True, help_text="Date of the meeting")
    kind = models.CharField(max_length=20, help_text="Kind of document the passage is in: "
                                                     "agenda, minutes, report, appendix ...")
    context = models.CharField(max_length=400, blank=True,
                               help_text="Title of the item or report the passage is in")
    text = models.TextField(help_text="The passage, personal data masked")
    vector = models.BinaryField(null=True, blank=True,
                                help_text="Embedding: float32 scale + 384 int8 components")

    class Meta:
        verbose_name_plural = "search entries"
        indexes = [models.Index(fields=["council", "date"], name="search_council_date"),
                   models.Index(fields=["committee", "date"], name="search_committee_date")]

    def __str__(self) -> str:
        return f"passage {self.id}"


class SearchState(models.Model):
    """A token changed by every write to the index, in the same transaction: a process
    that holds vectors in memory reloads them when the token differs."""

    key = models.CharField(max_length=20, primary_key=True)
    token = models.CharField(max_length=32)
    updated = models.DateTimeField(auto_now=True)
