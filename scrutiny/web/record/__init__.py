"""Committees, people, meetings, items, papers and passages; the portal and ingest."""
