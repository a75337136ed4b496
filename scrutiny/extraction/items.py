"""Agenda and minute items: numbered headings recognised by shape and sequence.

An item heading is a short line that starts with an item number ("4.", "(2)", "549",
"CYP/12/25", "58." on a line of its own with the title on the next) followed by a
title.  Numbered paragraphs and lists inside reports have the same shape, so a heading
is only accepted when it continues the sequence (4 after 3, (2) after (1)); the longest
such chain in a part of the paper is its list of items.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..reading import Span
from .records import Item
from .text_utils import clean

_PAGES = re.compile(
    r"(?:\s*\|?\s*\(?\s*(?:pages?|pp?\.?)\s*(?P<a>\d{1,4})\s*(?:[-\u2013]|to)\s*(?P<b>\d{1,4})\s*\)?\s*\|?\s*$)"
    r"|(?:(?:\t|\s{2,}|\s*\|\s*|\s+)(?P<c>\d{1,4})\s*[-\u2013]\s*(?P<d>\d{1,4})\s*\|?\s*$)"
    r"|(?:\s*\|?\s*\(?\s*(?:page|p\.)\s*(?P<e>\d{1,4})\s*\)?\s*\|?\s*$)", re.I)
_PAGES_ONLY = re.compile(r"^\(?\s*(?:pages?\s*)?(\d{1,4})\s*[-\u2013]\s*(\d{1,4})\s*\)?$", re.I)
_NUM = (r"(?P<num>\(\d{1,2}\)|\([a-z]\)|\d{1,3}\(?[a-h]\)?(?=[.)\s]|$)|\d{1,3}(?:\.\d{1,2})?(?=[.)\s]|$)|[A-Z]{1,6}\s?/\s?\d{1,4}\s?/\s?\d{2,4}"
        r"|\d{1,3}/\d{2,4}|[A-Z]{2,6}/\d{1,4}(?=[.)\s]|$)|(?-i:[A-Z]{2,6})\.\d{1,4}(?=[.)\s]|$)|(?!(?i:part|page|appendix|annex|section|table|stage|phase|item|room|year|ward|level|step|key|week)\b)(?-i:[A-Z]{2,6}) \d{1,4}(?=[.:]?(?:\s|$))|[A-Z]{1,4}\d{1,3})")
_ITEM = re.compile(rf"^(?:item\s+|minute\s+|no\.?\s*)?{_NUM}[.):]?(?:\t+|\s+|(?<=[.)])(?=[A-Z]))(?P<title>\S.*)$", re.I)
_NUM_ONLY = re.compile(rf"^(?:item\s+|minute\s+)?{_NUM}[.):]?$", re.I)
_DEBRIS = re.compile(r"\s*(?:pdf icon\s*)?PDF\s+\d[\d.,]*\s*[KM]B\b|\s*\bpdf icon\b", re.I)
_REPORT_BY = re.compile(
    r"\.\s+((?:(?:Joint\s+)?(?:Report\s+(?:of|by)\s+)?(?:the\s+)?)(?:Director|Chief\s+Executive|Head\s+of|Assistant\s+Director|"
    r"Executive\s+Director|Strategic\s+Director|Cabinet\s+Member|Lead\s+Member|Leader|Monitoring\s+Officer|"
    r"Corporate\s+Director|Chief\s+Officer|Service\s+Director|County\s+Solicitor|Treasurer)\b[^.]*)$")
_EXEMPT = re.compile(r"(?:exempt|confidential|not for publication|schedule\s*12a|"
                     r"paragraph\s+\d\s+of\s+(?:part\s+1\s+of\s+)?schedule)", re.I)
_EXEMPT_PARA = re.compile(r"paragraphs?\s+(\d(?:\s*(?:,|and)\s*\d)*)", re.I)


@dataclass
class Candidate:
    span_index: int
    number: str
    title: str
    pages: str | None
    line: int
    page: int
    sub: bool            # "(1)"-style sub-item
    key: tuple           # for sequence checks
    weak: bool = False   # shaped like a numbered sentence: an item only where the sequence needs it


def _number_key(num: str) -> tuple | None:
    if m := re.fullmatch(r"([A-Z]{2,6}) (\d{1,4})", num.strip()):
        return ("ref", m.group(1), "", int(m.group(2)))          # "OSC 45"
    n = num.replace(" ", "")
    if m := re.fullmatch(r"\((\d{1,2})\)", n):
        return ("sub", int(m.group(1)))
    if m := re.fullmatch(r"\(([a-z])\)", n):
        return ("sub", ord(m.group(1)) - 96)
    if m := re.fullmatch(r"(\d{1,3})", n):
        return ("top", int(m.group(1)))
    if m := re.fullmatch(r"\d{1,3}\(?([a-h])\)?", n):
        return ("sub", ord(m.group(1)) - 96)            # "12a", "12(b)": parts of item 12
    # "1.1", "2.3": numbered paragraphs of reports, never agenda items
    if m := re.fullmatch(r"([A-Za-z]{1,6})/(\d{1,4})/(\d{2,4})", n):
        return ("ref", m.group(1).upper(), m.group(3), int(m.group(2)))
    if m := re.fullmatch(r"(\d{1,3})/(\d{2,4})", n):
        return ("ref", "", m.group(2), int(m.group(1)))
    if m := re.fullmatch(r"([A-Z]{1,4})(\d{1,3})", n):
        return ("ref", m.group(1), "", int(m.group(2)))
    if m := re.fullmatch(r"([A-Z]{2,6})[/.](\d{1,4})", n):
        return ("ref", m.group(1), "/", int(m.group(2)))          # "OSC/12", "JHOSC.14"
    return None


def split_pages(title: str) -> tuple[str, str | None]:
    m = _PAGES.search(title)
    if not m:
        return title, None
    a, b = (m["a"], m["b"]) if m["a"] else (m["c"], m["d"]) if m["c"] else (m["e"], None)
    head = title[:m.start()].rstrip(" \t|")
    if not head:
        return title, None
    return head, f"{a} - {b}" if b else a


def clean_title(title: str) -> tuple[str, str | None]:
    """Title without link debris, trailing punctuation or 'Report by' tail."""
    title = _DEBRIS.sub("", title)
    title = title.replace("|", " ").replace("\t", " ")
    title = clean(title)
    report_by = None
    m = _REPORT_BY.search(title)
    if m and m.start() > 8:
        report_by = m.group(1).strip()
        title = title[:m.start()]
    return title.strip(" .;:-\u2013"), report_by


def _candidate(spans: list[Span], i: int) -> Candidate | None:
    raw = spans[i].text
    s = clean(raw.replace("|", " ").strip()) if raw.lstrip().startswith("|") else raw.strip()
    s = re.sub(r"^(?:[-\u2022\u00b7*]\s+)+", "", s).replace("**", "")
    # words of a heading split into tab cells: "8.\tDate\tof\tthe\tnext\tmeeting"
    cells = [c for c in s.split("\t") if c.strip()]
    if len(cells) > 3 and all(len(c.split()) == 1 for c in cells[1:]):
        s = cells[0] + " " + " ".join(cells[1:])
    m = _ITEM.match(s)
    title = None
    if m:
        num, title = m["num"], m["title"]
    else:
        m = _NUM_ONLY.match(s)
        if not m or i + 1 >= len(spans):
            return None
        num = m["num"]
        title = spans[i + 1].text.strip()
        if _ITEM.match(title) or _NUM_ONLY.match(title):
            return None
    key = _number_key(num)
    if key is None:
        return None
    if key[0] == "sub" and (re.search(r";\s*(?:and|or)?\s*$", raw) or (
            i > 0 and spans[i - 1].text.rstrip().endswith(":")
            and re.search(r"\b(?:that|resolved|agreed|following|recommend\w*)\b", spans[i - 1].text, re.I))):
        return None           # a clause of the resolution above it, not an item
    title, pages = split_pages(title.strip())
    if "\t" in title:
        cells = [c.strip() for c in title.split("\t") if c.strip()]
        # "Title\t<description of participation rules>" -> first cell is the title
        title = cells[0] if cells else title
    title, _ = clean_title(title)
    if not title or not (title[0].isupper() or title[0].isdigit() or title[0] in "'\"\u2018\u201c("):
        return None
    if title.endswith((":", ",")) or re.search(r"[;]", title):
        return None
    if re.match(r"^that\b", title, re.I):
        return None                       # a clause of a resolution
    weak = False
    if len(title) > 160 or len(title.split()) > 26:
        title, weak = _title_head(title), True
        if not title:
            return None
        # a table row whose title cell runs on into a note ("Date of Next Meeting The next ...")
        weak = "\t" not in raw
    elif "\t" in raw and len(title.split()) > 10 and (head := _title_head(title)) and re.match(
            r"(?:The|This|These|A|An|It|Members|To|Not|Report|Please|Any|No)\b", title[len(head):].strip()):
        title = head              # a table cell holding the title and a note after it
    # a sentence with a final full stop is more likely a numbered paragraph
    elif raw.rstrip().endswith(".") and len(title.split()) > 14:
        weak = True
    number = num if re.fullmatch(r"[A-Z]{2,6} \d{1,4}", num) else num.replace(" ", "")
    return Candidate(i, number, title, pages, spans[i].first, spans[i].page,
                     key[0] == "sub", key, weak)


_CONNECTIVE = {"and", "of", "the", "for", "on", "in", "to", "a", "an", "with", "by", "at", "or", "&", "-"}


def _title_head(text: str) -> str | None:
    """An item title run into its description ('Public Participation Members of the public
    wishing to ...'): the leading run of title-case words before the sentence starts."""
    toks = text.split()
    caps = 0
    while caps < len(toks) and (toks[caps].isupper() or toks[caps] in ("&", "-", "\u2013")) \
            and any(ch.isalpha() for ch in toks[caps]) | (toks[caps] in ("&", "-", "\u2013")):
        caps += 1
    if caps >= 2 and caps < len(toks):
        return " ".join(toks[:caps])          # "HOUSING REPAIRS PERFORMANCE Report of ..."
    for k in range(1, min(len(toks) - 3, 16)):
        if toks[k][:1].isupper() and all(t[:1].islower() for t in toks[k + 1:k + 4]):
            head = toks[:k]
            if len(head) >= 2 and all(t[:1].isupper() or t.lower() in _CONNECTIVE or t[:1].isdigit()
                                      for t in head):
                return " ".join(head)
            return None
    return None


def _stronger_later(cands: list[Candidate], n: int) -> bool:
    """Is there a well-shaped heading with the same number before the sequence moves on?"""
    c = cands[n]
    for d in cands[n + 1:]:
        if d.key == c.key and not d.weak:
            return True
        if d.sub == c.sub and d.key != c.key and _follows(c.key, d.key):
            return False
    return False


def _follows(prev: tuple, key: tuple) -> bool:
    if key[0] == "top":
        return prev[0] == "top" and key[1] == prev[1] + 1
    if key[0] == "dec":
        return (prev[0] == "dec" and prev[1] == key[1] and key[2] == prev[2] + 1) or \
               (prev[0] == "dec" and key[1] == prev[1] + 1 and key[2] == 1)
    if key[0] == "ref":
        return prev[0] == "ref" and prev[1] == key[1] and prev[2] == key[2] and key[3] == prev[3] + 1
    return False


def find_items(spans: list[Span], start: int, end: int, *, max_gap: int | None = None,
               stop=None, earliest: bool = False) -> list[Item]:
    """The longest consistent chain of item headings among spans[start:end] (or, for an
    agenda front sheet, the first chain of three or more: contents lists of reports follow
    the agenda and can be longer)."""
    cands: list[Candidate] = []
    for i in range(start, end):
        if stop and stop(spans[i]):
            end = i
            break
        c = _candidate(spans, i)
        if c:
            cands.append(c)
    best: list[Candidate] = []
    tops = [k for k, c in enumerate(cands) if not c.sub and not c.weak]
    for k0 in tops[:60]:
        chain = [cands[k0]]
        last_top = cands[k0].key
        last_sub: tuple | None = None
        for n, c in enumerate(cands[k0 + 1:], k0 + 1):
            if max_gap is not None and c.span_index - chain[-1].span_index > max_gap:
                break
            if c.weak and (c.sub or _stronger_later(cands, n)):
                continue
            if c.sub:
                want = 1 if last_sub is None else last_sub[1] + 1
                prefix = re.match(r"\d+", c.number)
                if prefix and not (last_top[0] == "top" and int(prefix.group(0)) == last_top[1]):
                    continue                  # "4a" belongs under item 4 only
                if c.key[1] == want:
                    chain.append(c)
                    last_sub = c.key
            elif _follows(last_top, c.key):
                chain.append(c)
                last_top, last_sub = c.key, None
        if len(chain) > len(best):
            best = chain
        if earliest and len(best) >= 3:
            break
    if len(best) < 2:
        # items numbered "(1)", "(2)", ... with no numbers above them
        subs = [k for k, c in enumerate(cands) if c.sub and c.key[1] == 1 and not c.weak]
        for k0 in subs[:60]:
            chain = [cands[k0]]
            for c in cands[k0 + 1:]:
                if max_gap is not None and c.span_index - chain[-1].span_index > max_gap:
                    break
                if c.sub and not c.weak and c.key[1] == chain[-1].key[1] + 1 \
                        and c.number[:1] == chain[-1].number[:1]:
                    chain.append(c)
            if len(chain) > max(len(best), 2):
                best = [dataclasses.replace(c, sub=False) for c in chain]
    while best and best[-1].weak:          # a numbered sentence after the last item
        best.pop()
    if len(best) < 2 and not (best and best[0].key[0] in ("top", "ref")):
        return []
    items: list[Item] = []
    parent = None
    for c in best:
        if not c.sub:
            parent = c.number.rstrip(".")
        items.append(Item(number=c.number, title=c.title, pages=c.pages, line=c.line,
                          page=c.page, parent=parent if c.sub else None))
        # the title span of a number-only line is consumed; pages on their own line follow
    _attach_loose_pages(spans, best, items, end)
    _mark_exempt(spans, best, items, end)
    return items


def _attach_loose_pages(spans: list[Span], chain: list[Candidate], items: list[Item], end: int) -> None:
    """'5 - 14' printed on its own line after an item's heading is that item's pages."""
    for k, c in enumerate(chain):
        if items[k].pages:
            continue
        stop = chain[k + 1].span_index if k + 1 < len(chain) else min(end, c.span_index + 4)
        for j in range(c.span_index + 1, min(stop, c.span_index + 6)):
            m = _PAGES_ONLY.match(clean(spans[j].text))
            if m:
                items[k].pages = f"{m.group(1)} - {m.group(2)}"
                break


_EXCLUSION = re.compile(r"exclusion\s+of\s+(?:the\s+)?(?:press|public)|^private\s+(?:business|session)", re.I)
# Modern.gov prints this line under an item held in private
_RESTRICTED = re.compile(r"\bview\s+the\s+reasons\s+(?:why\s+)?(?:item\s+)?[\w./()]*\s*is\s+restricted\b", re.I)


_PUBLIC_AFTER = re.compile(r"^(?:date\s+of\s+(?:the\s+)?next\s+meeting|(?:any\s+)?other\s+business|urgent\s+business|"
                           r"close\s+of\s+(?:the\s+)?meeting|re-?admission\s+of)", re.I)


def _excluded(items: list[Item], k: int, exclusion: tuple[int, str | None, set[str], bool]) -> bool:
    """Is items[k] one of those the exclusion resolution at items[exclusion[0]] covers?"""
    at, _, named, single = exclusion
    if named:
        number = (items[k].number or "").rstrip(".")
        return number in named or (items[k].parent or "") in named
    if _PUBLIC_AFTER.search(items[k].title):
        return False
    return k == at + 1 or not single


def _mark_exempt(spans: list[Span], chain: list[Candidate], items: list[Item], end: int) -> None:
    """An item whose heading or description says it is exempt under Schedule 12A, or
    that comes after the resolution excluding the press and public."""
    excluded_from: tuple[int, str | None, set[str]] | None = None
    for k, c in enumerate(chain):
        stop = chain[k + 1].span_index if k + 1 < len(chain) else min(end, c.span_index + 3)
        text = " ".join(spans[j].text for j in range(c.span_index, min(stop, c.span_index + 3)))
        head = items[k].title
        if _EXCLUSION.search(head):
            body = " ".join(spans[j].text for j in range(c.span_index, min(stop, c.span_index + 15)))
            para = _EXEMPT_PARA.search(body)
            named = {n for run in re.findall(r"\b(?:items?|minutes?)\s+(?:nos?\.?\s*)?((?:[\w/]*\d[\w/]*"
                                             r"(?:\s*(?:,|and|&)\s*)?)+)", body, re.I)
                     for n in re.split(r"\s*(?:,|and|&)\s*", run) if any(ch.isdigit() for ch in n)}
            # "for the following item of business": the next item only
            single = bool(re.search(r"\bfollowing\s+item\b(?!s)", body, re.I))
            excluded_from = (k, para.group(1) if para else None, named, single)
            continue
        paragraph = None
        after = excluded_from is not None and _excluded(items, k, excluded_from)
        if _EXEMPT.search(head) or _RESTRICTED.search(text) or re.search(
                r"\b(exempt|confidential)\b.*\bschedule\s*12a\b|"
                r"paragraph\s+\d\s+of\s+(part\s+1\s+of\s+)?schedule\s*12a", text, re.I):
            m = _EXEMPT_PARA.search(text)
            paragraph = m.group(1) if m else (excluded_from[1] if excluded_from else None)
        elif after and excluded_from is not None:
            paragraph = excluded_from[1]
        else:
            continue
        items[k].exempt = True
        items[k].exempt_paragraph = paragraph


_MINUTES_LABEL = re.compile(r"^(?:minutes|decision)\s*:\s*(?P<rest>.*)$", re.I)
_DESCRIPTION = re.compile(r"^(?:to\s|additional documents|report of|this item|the (?:committee|panel|board) "
                          r"(?:is|will|are)|members are|appendix|link:|enclosure)", re.I)


def unnumbered_items(spans: list[Span], start: int, end: int) -> list[Item]:
    """Items of a meeting page that prints no numbers: each "Minutes:" block belongs to the
    nearest title-shaped line above it (skipping the agenda's description of the item)."""
    marks = [j for j in range(start, end) if _MINUTES_LABEL.match(spans[j].text.strip())
             or re.search(r"\s+Minutes:\s+\S", spans[j].text)]
    if len(marks) < 2:
        return []
    items: list[Item] = []
    floor = start
    for j in marks:
        text = spans[j].text.strip()
        inline = re.search(r"\s+Minutes:\s+\S", text)
        title_span = None
        if inline and not _MINUTES_LABEL.match(text):
            head = clean(_DEBRIS.sub(" ", text[:inline.start()]).replace("|", " "))
            head = re.sub(r"\s*Additional documents:?\s*", " ", head).strip()
            title = _title_head(head) or (head if len(head.split()) <= 12 else "")
            title_span = j
        else:
            title = ""
            for k in range(j - 1, floor - 1, -1):
                s = clean(spans[k].text.replace("|", " "))
                if not s or _DESCRIPTION.match(s) or (s.endswith(".") and len(s.split()) > 6):
                    continue
                t, _ = clean_title(s)
                if t and t[0].isupper() and len(t.split()) <= 16 and not t.endswith(("."),):
                    title, title_span = t, k
                break
        if title and title_span is not None:
            title, pages = split_pages(clean_title(title)[0])
            items.append(Item(number=None, title=title, pages=pages, line=spans[title_span].first,
                              page=spans[title_span].page))
        floor = j + 1
    return items
