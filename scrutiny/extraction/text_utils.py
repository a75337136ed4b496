"""Small text helpers shared by the extractors."""
from __future__ import annotations

import re

_MD = re.compile(r"\*\*|__|</?u>|</?b>|</?i>|</?strong>|</?em>|\[([^\]]*)\]\([^)]*\)")
_BULLET = re.compile(r"^(?:[-\u2022\u00b7*\u25aa\u25cf\u2013]\s*)+")
_WS = re.compile(r"\s+")
STOP = {"the", "a", "an", "of", "and", "to", "be", "that", "in", "on", "for", "with", "as",
        "at", "by", "it", "was", "were", "is", "would", "will", "this", "from", "or"}


# markup a conversion leaves behind, dropped before any structure is read: emphasis,
# markdown headings, links ("[Minutes](url)" -> "Minutes"), "[PDF 200 KB]" link labels,
# and the two spaces that end a markdown line
_MARKUP = re.compile(r"\*\*|(?<!\w)__|__(?!\w)|</?(?:u|b|i|strong|em)>|^#{1,6}\s+|\[([^\]]*)\]\([^)]*\)|"
                     r"\s*\[(?:pdf|docx?|xlsx?)\s+[\d.,]+\s*[KM]B\]|\s{2,}$", re.I)


def unmark(text: str) -> str:
    return _MARKUP.sub(lambda m: m.group(1) or "", text)


def unmark_span(span):
    """A span with conversion markup dropped, its line map kept (offsets moved)."""
    if "*" not in span.text and "_" not in span.text and "<" not in span.text \
            and "[" not in span.text and "#" not in span.text and not span.text.endswith("  "):
        return span
    from dataclasses import replace
    parts = span.parts or ((0, span.first),)
    bounds = [off for off, _ in parts] + [len(span.text)]
    pieces, new_parts, pos = [], [], 0
    for k, (off, no) in enumerate(parts):
        piece = unmark(span.text[off:bounds[k + 1]])
        new_parts.append((pos, no))
        pieces.append(piece)
        pos += len(piece)
    return replace(span, text="".join(pieces), parts=tuple(new_parts))


def clean(text: str) -> str:
    """Drop markdown residue and list bullets; collapse whitespace."""
    text = _MD.sub(lambda m: m.group(1) or "", text)
    text = text.replace("\u00a0", " ").replace("\u2019", "'").replace("\u2018", "'")
    text = _BULLET.sub("", text.strip())
    return _WS.sub(" ", text).strip()


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower())


def similarity(a: str, b: str) -> float:
    """Dice overlap of content words (0..1)."""
    from collections import Counter
    ca = Counter(w for w in words(a) if w not in STOP)
    cb = Counter(w for w in words(b) if w not in STOP)
    if not ca or not cb:
        return 0.0
    return 2.0 * sum((ca & cb).values()) / (sum(ca.values()) + sum(cb.values()))


_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|Rev|Revd|Prof|St|No|Nos|Cllrs|etc|e\.g|i\.e|approx|para|paras|"
                     r"vs|cf|Co|Ltd|Inc|Jr|Sr)\.|\b[A-Z]\.)$")


def sentences(text: str) -> list[tuple[int, str]]:
    """Split a paragraph into sentences: (offset, sentence)."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in re.finditer(r"[.!?][\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])", text):
        end = m.end()
        head = text[start:m.start() + 1]
        if _ABBREV.search(head):
            continue
        out.append((start, text[start:end].strip()))
        start = end
    if text[start:].strip():
        out.append((start, text[start:].strip()))
    return out
