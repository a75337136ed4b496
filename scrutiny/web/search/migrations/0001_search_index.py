"""The search index: SearchEntry, SearchState, and the keyword index in each database's
own SQL (FTS5 on SQLite, a generated tsvector column with a GIN index on PostgreSQL)."""
import django.db.models.deletion
from django.db import migrations, models


class VendorSQL(migrations.RunSQL):
    """RunSQL with SQL for each database vendor; vendors not named get none."""

    def __init__(self, forwards: dict, backwards: dict):
        super().__init__(sql="", reverse_sql="")
        self.forwards_by_vendor = forwards
        self.backwards_by_vendor = backwards

    def deconstruct(self):
        return (self.__class__.__name__, [], {"forwards": self.forwards_by_vendor,
                                              "backwards": self.backwards_by_vendor})

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        for statement in self.forwards_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        for statement in self.backwards_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)


SQLITE = [
    # external content: the text lives in search_searchentry; rowid = its id = passage id.
    # porter stemming over unicode61 ("meetings" finds "meeting"), accents folded.
    """CREATE VIRTUAL TABLE search_fts USING fts5(
           text, context, content='search_searchentry', content_rowid='id',
           tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchentry BEGIN
           INSERT INTO search_fts(rowid, text, context) VALUES (new.id, new.text, new.context);
       END""",
    """CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchentry BEGIN
           INSERT INTO search_fts(search_fts, rowid, text, context)
           VALUES ('delete', old.id, old.text, old.context);
       END""",
    """CREATE TRIGGER search_fts_update AFTER UPDATE OF text, context ON search_searchentry
       BEGIN
           INSERT INTO search_fts(search_fts, rowid, text, context)
           VALUES ('delete', old.id, old.text, old.context);
           INSERT INTO search_fts(rowid, text, context) VALUES (new.id, new.text, new.context);
       END""",
]
SQLITE_BACK = ["DROP TRIGGER IF EXISTS search_fts_update",
               "DROP TRIGGER IF EXISTS search_fts_delete",
               "DROP TRIGGER IF EXISTS search_fts_insert",
               "DROP TABLE IF EXISTS search_fts"]
POSTGRES = [
    """ALTER TABLE search_searchentry ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
           setweight(to_tsvector('english', text), 'A') ||
           setweight(to_tsvector('english', context), 'C')) STORED""",
    "CREATE INDEX search_searchentry_tsv ON search_searchentry USING gin (tsv)",
]
POSTGRES_BACK = ["DROP INDEX IF EXISTS search_searchentry_tsv",
                 "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS tsv"]


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("record", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchState",
            fields=[
                ("key", models.CharField(max_length=20, primary_key=True, serialize=False)),
                ("token", models.CharField(max_length=32)),
                ("updated", models.DateTimeField(auto_now=True)),
            ],
        ),
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(help_text="The passage's id", primary_key=True,
                                           serialize=False)),
                ("date", models.DateField(blank=True, help_text="Date of the meeting",
                                          null=True)),
                ("kind", models.CharField(help_text="Kind of document the passage is in: "
                                                    "agenda, minutes, report, appendix ...",
                                          max_length=20)),
                ("context", models.CharField(blank=True, help_text="Title of the item or "
                                             "report the passage is in", max_length=400)),
                ("text", models.TextField(help_text="The passage, personal data masked")),
                ("vector", models.BinaryField(blank=True, help_text="Embedding: float32 scale "
                                              "+ 384 int8 components", null=True)),
                ("committee", models.ForeignKey(blank=True, null=True,
                                                on_delete=django.db.models.deletion.SET_NULL,
                                                related_name="+", to="record.committee")),
                ("council", models.ForeignKey(blank=True, null=True,
                                              on_delete=django.db.models.deletion.SET_NULL,
                                              related_name="+", to="record.council")),
                ("document", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                               related_name="+", to="record.document")),
                ("meeting", models.ForeignKey(blank=True, null=True,
                                              on_delete=django.db.models.deletion.SET_NULL,
                                              related_name="+", to="record.meeting")),
                ("passage", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE,
                                                 related_name="search_entry",
                                                 to="record.passage")),
            ],
            options={
                "verbose_name_plural": "search entries",
                "indexes": [models.Index(fields=["council", "date"], name="search_council_date"),
                            models.Index(fields=["committee", "date"],
                                         name="search_committee_date")],
            },
        ),
        VendorSQL(forwards={"sqlite": SQLITE, "postgresql": POSTGRES},
                  backwards={"sqlite": SQLITE_BACK, "postgresql": POSTGRES_BACK}),
    ]
