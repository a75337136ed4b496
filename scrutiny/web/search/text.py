"""Text for the index and for queries: personal data masked, query words, highlighting.

No Django here.  Highlighted snippets are built with two private-use sentinels around
each match (`MARK_START`, `MARK_END`): the database's own snippet functions (FTS5
`snippet()`, PostgreSQL `ts_headline`) and `highlight()` below all produce them, and
`snippet_html()` / `snippet_text()` turn them into <mark> or plain text after escaping.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html import escape

MARK_START, MARK_END = "\ue000", "\ue001"

# ---------------------------------------------------------------------- personal data
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# UK telephone numbers as papers print them: 01905 843543, 01926 412 345, 0116 305 6000,
# 07700 900123, +44 (0)1905 843543, (01905) 843543, 0300-123-4567
_PHONE = re.compile(r"(?<![\w/])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}"
                    r"(?![\w/])")
EMAIL_MASK = "[email address]"
PHONE_MASK = "[telephone number]"


def mask_personal_data(text: str) -> str:
    """E-mail addresses and telephone numbers are never indexed for public search."""
    text = _EMAIL.sub(EMAIL_MASK, text)
    return _PHONE.sub(PHONE_MASK, text)


# ---------------------------------------------------------------------- queries
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves
said say says tell told hear heard anything something thing things did does done get got
much many any ever
""".split())

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*", re.UNICODE)
_PHRASE = re.compile(r'"([^"]+)"')


def query_words(query: str, *, keep_stopwords: bool = False) -> list[str]:
    """The words of a query, lower-cased, in order, without repeats; stopwords dropped
    unless nothing else is left."""
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(query or "")]
    words = [w.split("'")[0] if w.endswith(("'s", "'")) else w for w in words]
    seen, out = set(), []
    for w in words:
        if w and w not in seen:
            seen.add(w)
            out.append(w)
    if keep_stopwords:
        return out
    content = [w for w in out if w not in STOPWORDS]
    return content or out


def query_phrases(query: str) -> list[list[str]]:
    """"quoted phrases" of a query, as lists of words."""
    return [[w.lower() for w in _WORD.findall(p)] for p in _PHRASE.findall(query or "")]


# ---------------------------------------------------------------------- highlighting
@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude stem for highlighting only: 'meetings' and 'meeting' share 'meet'."""
    w = word.lower()
    for suffix in ("ational", "ations", "ation", "ness", "ments", "ment", "ings", "ing",
                   "ies", "ied", "ed", "es", "s", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: len(w) - len(suffix)]
    return w


def highlight(text: str, words: list[str], max_chars: int = 320) -> str:
    """The passage with the query's words marked (sentinels), cut around the first match
    to about `max_chars`."""
    stems = {_stem(w) for w in words if len(w) > 1}
    flat = " ".join(text.split())
    if not stems:
        return _cut(flat, 0, max_chars)
    out, first = [], None
    pos = 0
    for m in _WORD.finditer(flat):
        out.append(flat[pos:m.start()])
        token = m.group(0)
        st = _stem(token)
        if st in stems or any(len(s) >= 4 and st.startswith(s) for s in stems):
            if first is None:
                first = sum(len(p) for p in out)
            out.append(MARK_START + token + MARK_END)
        else:
            out.append(token)
        pos = m.end()
    out.append(flat[pos:])
    marked = "".join(out)
    return _cut(marked, first or 0, max_chars)


def _cut(s: str, at: int, max_chars: int) -> str:
    if len(s) <= max_chars:
        return s
    start = max(0, min(at - max_chars // 4, len(s) - max_chars))
    if start:
        sp = s.find(" ", start)
        start = sp + 1 if 0 <= sp < start + 30 else start
    end = start + max_chars
    if end < len(s):
        sp = s.rfind(" ", start, end)
        end = sp if sp > start + max_chars // 2 else end
    piece = s[start:end]
    # never leave a mark open
    if piece.count(MARK_START) > piece.count(MARK_END):
        piece += MARK_END
    return ("…" if start else "") + piece + ("…" if end < len(s) else "")


def snippet_html(marked: str) -> str:
    """Escaped HTML with <mark> around the matches."""
    return (escape(marked).replace(MARK_START, '<mark class="scrutiny-mark">')
            .replace(MARK_END, "</mark>"))


def snippet_text(marked: str) -> str:
    return marked.replace(MARK_START, "").replace(MARK_END, "")


def snippet_terms(marked: str) -> list[str]:
    """The words that were marked."""
    return re.findall(re.escape(MARK_START) + "(.*?)" + re.escape(MARK_END), marked)
