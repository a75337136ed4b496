"""Actions: what a meeting asked someone to do, tracked to closure (issue 4 deepens it)."""
