"""Plain text: UTF-8, with cp1252 / latin-1 detected."""
from __future__ import annotations

import hashlib

from .errors import EmptyPaper, UnsupportedPaper
from .text import Text, from_string

# Bytes that never occur in a text paper (C0 controls other than tab, LF, FF, CR).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def decode(data: bytes, source: str) -> str:
    """Decode a text paper.  UTF-8 (with or without BOM) first; then cp1252, whose
    curly quotes and pound signs are what Word-made text files hold; latin-1 last."""
    if not data.strip():
        raise EmptyPaper(source, "the file is empty")
    sample = data[:65536]
    controls = sum(sample.count(bytes([b])) for b in _CONTROL)
    if controls > max(8, len(sample) // 200):
        raise UnsupportedPaper(source, "this is not a text file (it holds binary data); "
                                       "Scrutiny reads text, PDF, HTML and Modern.gov XML papers")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_text(data: bytes, source: str) -> Text:
    text = decode(data, source)
    if not text.strip():
        raise EmptyPaper(source, "the file holds no text")
    return from_string(text, source, kind="text", sha256=hashlib.sha256(data).hexdigest())
