"""Database-backed commands (ingest, stats, serve, ...) are registered on `cli.app` here."""
