"""The Django side of Scrutiny: the database, the portal and the officer pages.

`setup()` configures Django for the command line; `migrate()` brings a database's schema
up to date (every database-backed command calls it, so a new, empty database just works).
"""
from __future__ import annotations

import os


def setup(database_url: str | None = None) -> None:
    """Configure Django (once).  `database_url` overrides DATABASE_URL."""
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.web.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


def migrate(verbosity: int = 0) -> None:
    """Create or update the schema of the configured database, quietly."""
    from django.conf import settings
    from django.core.management import call_command

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3") and db["NAME"] and not str(db["NAME"]).startswith(
            ("file:", ":memory:")):
        from pathlib import Path
        Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return                                    # already up to date
    call_command("migrate", interactive=False, verbosity=verbosity)
