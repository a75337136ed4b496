"""Split a pack into its documents (agenda, minutes, reports, appendices ...)."""
from __future__ import annotations

from ..reading import Span, Text
from .records import Document


def split_documents(text: Text, spans: list[Span]) -> list[Document]:
    return []
