"""Performance indicators and their values (minimal; issue 5 deepens it)."""
