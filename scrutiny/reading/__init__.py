"""Reading: bytes of a council paper -> Text (pages of lines, furniture flagged).

No Django here: `from scrutiny.reading import read_path` works in any Python program.
"""
from __future__ import annotations

import os
from pathlib import Path

from .errors import EmptyPaper, NeedsOCR, ReadError, TooLarge, UnsupportedPaper
from .text import Line, Span, Text, from_string

# The largest paper Scrutiny reads.  Real agenda packs run to a few hundred pages and
# 20-30 MB; anything beyond this is refused rather than read slowly into memory.
MAX_BYTES = int(os.environ.get("SCRUTINY_MAX_PAPER_MB", "100")) * 1024 * 1024

__all__ = ["Line", "Span", "Text", "ReadError", "EmptyPaper", "UnsupportedPaper", "TooLarge",
           "NeedsOCR", "MAX_BYTES", "read_path", "read_bytes", "sniff", "from_string"]


def _mb(size: int) -> str:
    mb = size / 1048576
    return f"{mb:.1f} MB" if mb < 10 else f"{mb:.0f} MB"


def sniff(data: bytes) -> str:
    """The format of a paper from its first bytes: pdf, html, xml or text."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data[:1024].lstrip().startswith(b"%PDF-") or b"%pdf-" in data[:1024].lower():
        return "pdf"
    if head.startswith(b"<?xml"):
        return "html" if b"<html" in data[:4096].lower() else "xml"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<!--")):
        return "html"
    return "text"


def read_bytes(data: bytes, source: str) -> Text:
    """Read a paper's bytes (any supported format) into a Text."""
    if len(data) > MAX_BYTES:
        raise TooLarge(source, f"the file is {_mb(len(data))}, over the "
                               f"{MAX_BYTES // 1048576} MB limit (SCRUTINY_MAX_PAPER_MB)")
    if not data.strip():
        raise EmptyPaper(source, "the file is empty")
    kind = sniff(data)
    if kind == "pdf":
        from .pdf import read_pdf
        return read_pdf(data, source)
    if kind in ("html", "xml"):
        from .markup import read_markup
        return read_markup(data, source)
    from .plain import read_text
    return read_text(data, source)


def read_path(path: str | os.PathLike) -> Text:
    """Read a paper from a file."""
    p = Path(path)
    name = p.name
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise ReadError(str(path), "no such file") from None
    except OSError as exc:
        raise ReadError(str(path), f"cannot be read ({exc.strerror})") from None
    if p.is_dir():
        raise ReadError(str(path), "is a folder, not a paper")
    if size > MAX_BYTES:
        raise TooLarge(name, f"the file is {_mb(size)}, over the "
                             f"{MAX_BYTES // 1048576} MB limit (SCRUTINY_MAX_PAPER_MB)")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(str(path), f"cannot be read ({exc.strerror})") from None
    return read_bytes(data, name)
