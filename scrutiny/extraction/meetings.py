"""Meetings (being written)."""
from __future__ import annotations

from ..reading import Span, Text
from .records import Document, Meeting


def extract_council(text: Text, spans: list[Span]) -> str | None:
    return None


def extract_meetings(text: Text, spans: list[Span], documents: list[Document]) -> list[Meeting]:
    return []
