"""Meetings: where each meeting's part of a paper starts, and what its heading says.

An agenda pack holds the meeting it summons and, usually, the draft minutes of the one
before; a minutes document or a meeting web page holds one meeting.  A meeting heading is
recognised by its shape: a committee name (…Committee / Panel / Board / Commission) near a
full date, with labels such as "Date:", "Venue:", "Membership", or the word "Minutes".
"""
from __future__ import annotations

import re
from collections import Counter

from ..reading import Span, Text
from .dates import find_date, find_dates, find_times, parse_time
from .items import find_items, unnumbered_items
from .minutes import read_minutes
from .people import clean_name, looks_like_name, split_people, _HON_RX
from .records import Item, Meeting, Member
from .text_utils import clean

_LEAD = re.compile(r"^(?:(?:agenda|minutes|meeting|notice|attendance(?:\s+details)?)\s*(?:and\s+minutes\s*)?(?:of\s+)?[:\-]?\s*)?"
                   r"(?:(?:a|an|the)\s+)?(?:(?:special|extraordinary|annual|ordinary|reconvened|adjourned)\s+)?"
                   r"(?:meeting\s+of\s+)?(?:the\s+)?", re.I)
_VENUE_WORDS = re.compile(r"\b(?:Hall|Room|Chamber|Centre|Center|House|Offices?|Building|Suite|Library|"
                          r"Guildhall|Civic|Online|Virtual|Remote|Teams|Zoom|Council Chamber|Pavilion|"
                          r"Town Hall|County Hall|Shire Hall|Municipal)\b", re.I)
_LABEL = re.compile(r"^(date|time|date\s*/\s*time|date and time|venue|location|place|meeting|contact|email|"
                    r"tel|telephone|membership|quorum)\s*[:\-]\s*(.*)$", re.I)
_MINUTES_MARK = re.compile(r"^(?:draft\s+)?(?:minutes|minute)(?:\s+of\b.*)?$|^record of (?:the\s+)?(?:meeting|proceedings)",
                           re.I)
_DECISIONS_MARK = re.compile(r"^(?:record|schedule|notice|summary) of (?:the\s+)?decisions?\b|^decisions? (?:notice|list|sheet)\b", re.I)
# the heading of a meeting's web page (Modern.gov and others)
_PAGE_MARK = re.compile(r"^(?:agenda(?:,\s*decisions)?\s+and\s+(?:minutes|decisions)|decisions\s+and\s+minutes|"
                        r"agenda\s+item)\s*$", re.I)
_ITEMS_HEAD = re.compile(r"^(?:items\s+)?no\.?\s*\|?\s*item\b", re.I)
_AGENDA_MARK = re.compile(r"^(?:agenda|summons|notice of meeting)\b", re.I)
_END_MINUTES = re.compile(
    r"^(?:the\s+)?(?:meeting|committee|panel|board)\s+(?:rose|ended|closed|finished|concluded|terminated)\s+at\b|"
    r"^(?:the\s+)?meeting\s+(?:was\s+)?(?:closed|ended|concluded)\b|^(?:chair(?:man|person)?|CHAIR(?:MAN)?)\s*$|"
    r"^\d{1,2}[.:]\d\d\s*(?:[ap]\.?m\.?)?\s*[-\u2013]\s*\d{1,2}[.:]\d\d\s*[ap]\.?m\.?$", re.I)
_COUNCIL = re.compile(r"\b((?:[A-Z][a-z]+(?:[ -](?:upon|on|and|in|under|&)?\s?[A-Z][a-z]+)*)\s+"
                      r"(?:County|City|Borough|District|Metropolitan Borough|Town)\s+Council)\b"
                      r"|\b((?:Royal\s+)?(?:London\s+)?Borough\s+of\s+[A-Z][a-z]+(?:\s+(?:and|upon)\s+[A-Z][a-z]+)*)\b"
                      r"|\b((?:[A-Z][a-z]+\s+){1,3}Council)\b")
_NEXT = re.compile(r"\bnext\s+(?:scheduled\s+)?meeting\b|\bdate\s+of\s+(?:the\s+)?next\s+meeting\b", re.I)


_SUMMONS = re.compile(r"\bmeeting\s+of\s+(?:the\s+)?(.{5,120}?)\s+(?:to\s+be\s+|will\s+be\s+|which\s+will\s+be\s+)?held\b",
                      re.I)
_GENERIC = {"members", "member", "meeting", "meetings", "chairman", "chair", "this", "that", "said", "same",
            "whole", "full", "each", "any", "every", "our", "your", "relevant", "appropriate", "next"}
_BODY_RX = re.compile(r"\b(?:sub-committee|committee|panel|board|commission|forum|cabinet|group)\b", re.I)
_CONNECT = {"and", "of", "for", "the", "on", "in", "with", "&"}


_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_QUALIFIER = re.compile(r"\s*\((?-i:[A-Z])[\w'&,\- ]{2,60}\)|\s+(?:for|of)\s+(?-i:[A-Z])[\w'\-]*"
                        r"(?:\s+(?:and\s+|&\s+)?(?-i:[A-Z])[\w'\-]*){0,5}(?=\s*(?:[-\u2013,]|$))")


def committee_in(text: str) -> str | None:
    """The committee named in a heading line, without 'Minutes of the meeting of'."""
    low = text.lower()
    if not any(w in low for w in ("committee", "panel", "board", "commission", "forum", "cabinet", "group")):
        return None
    s = _LEAD.sub("", clean(text))
    m = _BODY_RX.search(s)
    if not m:
        return None
    # walk back from the body word over capitalised words and connectives
    words = s[:m.start()].split()
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() or words[k - 1].lower() in _CONNECT
                     or words[k - 1][:1] in "&"):
        if words[k - 1].lower().strip(",.:;") == "council":
            break                    # "THORNSHIRE COUNTY COUNCIL / CHILDREN'S ... COMMITTEE"
        if words[k - 1].endswith((",", ".", ":", ";")):
            # "Communities, Environment and Highways ... Committee": a list of remits
            if not (words[k - 1].endswith(",") and "and" in [w.lower() for w in words[k:]]
                    and find_date(words[k - 1]) is None and not _LEAD.fullmatch(words[k - 1].rstrip(","))
                    and words[k - 1].rstrip(",").lower() not in _DAYS):
                break
        k -= 1
    while k < len(words) and words[k].lower() in _CONNECT:
        k += 1
    kept = words[k:]
    # what qualifies the body after it: "Scrutiny Board (Children and Families)",
    # "Scrutiny Committee for Children's Services"
    tail = _QUALIFIER.match(s[m.end():])
    name = _LEAD.sub("", " ".join(kept + [m.group(0)])).strip(" ,-") + (tail.group(0).rstrip() if tail else "")
    caps = [w for w in name.split() if w.lower().strip("()") not in _CONNECT]
    if any(w.lower() in _GENERIC for w in caps):
        return None
    if name.lower() in ("cabinet", "the cabinet", "executive"):
        # the body on its own: "Cabinet - Tuesday, 4th March", not "Cabinet members in attendance"
        if re.match(r"^(?:the\s+)?(?:cabinet|executive)\s*(?:$|[-\u2013,:(]|\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day)",
                    s, re.I):
            return name[0].upper() + name[1:]
        return None
    if len(caps) < 2 or len(name) > 110 or not all(w.lstrip("(")[:1].isupper() for w in caps):
        return None
    if name.isupper():
        name = " ".join("-".join(p.capitalize() for p in w.split("-")) if w.lower() not in _CONNECT else w.lower()
                        for w in name.split())
    return name


_NOT_A_COUNCIL = re.compile(r"\b(?:youth|parish|town|community|schools?|children|young|students?|church|"
                            r"care|advisory|sports|arts|research|safeguarding|voluntary|in)\b", re.I)


def extract_council(text: Text, spans: list[Span]) -> str | None:
    """The council that published the paper.

    A council named in the paper's heading or sign-off (the first 40 spans, or a line of
    its own) counts three times; one named in passing in the body counts once, and a name
    met only once in passing ("partnered with Herefordshire Council") is not taken: a
    paper that does not name its council gets none rather than a neighbour's."""
    weights: Counter[str] = Counter()
    for k, sp in enumerate(spans[:4000]):
        if "Council" not in sp.text and "Borough of" not in sp.text and "COUNCIL" not in sp.text \
                and "BOROUGH OF" not in sp.text:
            continue
        line = clean(sp.text)
        if line.isupper():
            line = " ".join(w.lower() if w.lower() in ("of", "and", "upon", "on", "in", "under") else w.capitalize()
                            for w in line.split())
        for m in _COUNCIL.finditer(line):
            name = m.group(1) or m.group(2) or m.group(3)
            first = name.split()[0]
            if first in {"The", "This", "A", "Full", "Each", "Every", "Our", "Any", "Whole", "Local",
                         "County", "City", "District", "Borough", "Parish", "Town", "Youth", "In", "At",
                         "Of", "For", "Children", "Care", "Cabinet", "Agenda", "Minutes"}:
                continue
            if m.group(3) and (_NOT_A_COUNCIL.search(name) or not re.search(
                    r"(shire|ham|ton|ford|bury|ley|field|wich|pool|mouth|borough|minster|ington|caster|"
                    r"chester|land|wood)\b", first, re.I)):
                continue
            heading = k < 40 or len(line) <= len(name) + 3
            weights[name] += 3 if heading else 1
    if not weights:
        return None
    name, weight = weights.most_common(1)[0]
    return name if weight >= 2 else None


class _Header:
    def __init__(self, index: int, committee: str | None, date: str | None, record: str,
                 labelled: bool, line: int) -> None:
        self.index, self.committee, self.date = index, committee, date
        self.record, self.labelled, self.line = record, labelled, line


def _header_at(spans: list[Span], i: int) -> _Header | None:
    """Is spans[i] the start of a meeting heading?  Look at it and the few spans after."""
    s = clean(spans[i].text)
    if (len(s) > 260 and not (len(s) < 480 and _SUMMONS.search(s))) or s.endswith(("?",)):
        return None
    if s.count(")") > s.count("("):
        return None          # the end of a bracket begun on the line before: "... Care Board)"
    low = s.lower()
    committee = committee_in(s) if len(s) < 200 else None
    if committee is None and (sm := _SUMMONS.search(s)):
        committee = committee_in(sm.group(1))     # a long summons sentence
    if committee is None and i + 1 < len(spans) and len(s) < 120 and not s.endswith("."):
        # "Minutes of the Children and Families Overview and Scrutiny" / "Panel"
        committee = committee_in(s + " " + clean(spans[i + 1].text)) if len(spans[i + 1].text) < 40 else None
    if committee is None:
        return None
    # a heading line is the committee (with a prefix and a date/place at most), not prose
    rest = _LEAD.sub("", s)
    summons = _SUMMONS.search(s)
    if summons:
        # "... a meeting of the OVERVIEW AND SCRUTINY COMMITTEE to be held in ... on <date>"
        committee = committee_in(summons.group(1)) or committee
    elif not re.match(r"^(?:\W*)" + re.escape(committee.split()[0]), rest, re.I):
        return None
    window = [clean(spans[j].text) for j in range(max(0, i - 3), min(len(spans), i + 9))]
    here = [clean(spans[j].text) for j in range(i, min(len(spans), i + 9))]
    date = None
    for t in here:
        f = find_date(t)
        if f:
            date = f.value
            break
    if date is None:
        return None
    record = "agenda"
    if any(_MINUTES_MARK.match(t) for t in window) or re.match(r"^(?:draft\s+)?minutes\b", low):
        record = "minutes"
    if any(_DECISIONS_MARK.match(t) for t in window):
        record = "decisions"
    if any(re.match(r"^attendance(?:\s+details)?$", t, re.I) for t in window[:4]) and any(
            _ATT_TABLE_HEAD.match(spans[j].text.strip()) for j in range(i, min(len(spans), i + 12))):
        record = "minutes"       # an attendance page: the record of who came
    if any(_PAGE_MARK.match(t) for t in window):
        record = "page"          # a meeting web page: decided by its content
    labelled = any(_LABEL.match(t) or t.lower() in ("membership", "present", "present:", "attendance",
                                                  "agenda", "items", "items on the agenda: -")
                   or _AGENDA_MARK.match(t) for t in window)
    return _Header(i, committee, date, record, labelled, spans[i].first)


def _headers(spans: list[Span]) -> list[_Header]:
    found: list[_Header] = []
    seen_dates: set[str] = set()
    for i, sp in enumerate(spans):
        if len(sp.text) > 480:
            continue
        h = _header_at(spans, i)
        if not h:
            continue
        if h.date in seen_dates:
            continue
        if found and h.record == "agenda" and not h.labelled:
            continue               # a report's cover naming the committee and a date
        if found and h.record == "agenda" and found[-1].record == "agenda":
            continue
        found.append(h)
        seen_dates.add(h.date)
    return found


def _fields(spans: list[Span], h: _Header, end: int, meeting: Meeting, begin: int = 0) -> None:
    """Time and venue from the heading (labelled or run together on the date line).  A
    labelled "Venue:" may stand a few lines above the heading (a page's details block),
    but never above the end of the previous meeting (``begin``)."""
    window = range(max(begin, h.index - 8), min(end, h.index + 10))
    for j in window:
        s = clean(spans[j].text)
        m = _LABEL.match(s)
        if j < h.index - 2 and not m:
            continue
        if m:
            label, value = m.group(1).lower().replace(" ", ""), m.group(2).strip()
            if label in ("time", "date/time", "dateandtime", "date") and not meeting.time:
                meeting.time = parse_time(value)
            if label in ("venue", "location", "place") and value and not meeting.venue:
                value = re.sub(r"\.?\s*view\s+directions\b.*$", "", value, flags=re.I)
                meeting.venue = value.strip(" .")
            continue
        d = find_date(s)
        if d and d.value == meeting.date:
            times = find_times(s)
            if times and not meeting.time and (len(s) < 160 or _LEAD.match(s)):
                meeting.time = times[0].value
            # "Friday, 14 September 2018, 2.00 pm County Hall, Worcester" / "held at X on <date>"
            held = re.search(r"\bheld (?:at|in) (?!\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\b|noon\b)(.+?) on\b", s, re.I)
            if held and not meeting.venue:
                meeting.venue = re.sub(r"^the\s+", "", held.group(1).strip(" ,"), flags=re.I)
            tail_from = max([d.end] + [t.end for t in times])
            tail = s[tail_from:].strip(" ,.-\u2013")
            tail = re.sub(r"^(?:(?:at|in)\s+)?(?:the\s+)?", "", tail, flags=re.I)
            if tail and _VENUE_WORDS.search(tail) and len(tail) < 100 and not meeting.venue:
                meeting.venue = tail
        elif (not meeting.venue and j > h.index and len(s) < 90 and _VENUE_WORDS.search(s)
              and not committee_in(s) and not s.endswith(".") and "@" not in s and ":" not in s
              and "http" not in s.lower() and not _HON_RX.match(s)):
            meeting.venue = s.strip(" ,")
    # A sign-off "2.00 - 3.24 pm" gives the start time of minutes that print none above.
    if meeting.record == "minutes" and not meeting.time:
        for j in range(h.index, end):
            s = spans[j].text.strip()
            if re.fullmatch(r"\d{1,2}[.:]\d\d\s*(?:[ap]\.?m\.?)?\s*[-\u2013]\s*\d{1,2}[.:]\d\d\s*[ap]\.?m\.?", s, re.I):
                meeting.time = parse_time(s)
                break
            m = re.search(r"\bmeeting (?:commenced|began|started|opened) at\s+(\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\.?|noon|"
                          r"\d{1,2}[.:]\d\d)", s, re.I)
            if m:
                meeting.time = parse_time(m.group(1))
                break


_MEMBERSHIP_START = re.compile(r"^(?:membership|members(?: of the (?:committee|panel|board|sub-committee))?|"
                               r"committee members(?:hip)?|councillors)\s*(?::\s*(?P<rest>.*)|-|)$", re.I)
_MEMBERSHIP_STOP = re.compile(
    r"^(?:items? on the agenda|agenda\b|items\b|please note|quorum|contact|email|tel\b|date of issue|"
    r"substitutes?\b|notes?\b|information\b|webcasting|apologies|public|to:|dear|this document|"
    r"item\s*no|no\.\s*item|enquiries|published|issued)", re.I)


_RESERVES = re.compile(r"^(?:reserve|named\s+substitute|standing\s+substitute)s?(?:\s+members?)?\s*[:\-]", re.I)
_ORG_DASH_NAME = re.compile(r"^(?P<org>[A-Z][^\-\u2013]{2,80}?)\s+[-\u2013]\s+(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?"
                            r"[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){1,3})$")


def _members(spans: list[Span], start: int, end: int) -> tuple[list[Member], int]:
    """The membership list of an agenda front sheet: (members, index after the list)."""
    k = None
    inline = None
    for j in range(start, min(end, start + 40)):
        if m := _MEMBERSHIP_START.match(clean(spans[j].text)):
            k, inline = j, (m.group("rest") or "").strip() or None
            break
    if k is None:
        return [], start
    out: list[Member] = []
    seen: set[str] = set()
    group_role: str | None = None
    j = k if inline else k + 1
    while j < end:
        s = inline if (inline and j == k) else clean(spans[j].text)
        if _MEMBERSHIP_STOP.match(s) or find_date(s) or re.match(r"^\(?\d{1,2}[.)]\s", s):
            break
        if len(s) > 400:
            break
        if _RESERVES.match(s):
            j += 1                      # reserve / substitute members are not members
            continue
        if (lab := re.match(r"^(?P<label>[^:]{3,60}):\s*(?P<rest>\S.*)$", s)) and not split_people(lab["label"]):
            # "Co-opted Member (non-voting): Beatrice Mwangi (Tenants' Federation)"
            group_role = re.sub(r"\s*\(.*?\)\s*", " ", lab["label"]).strip()
            s = lab["rest"]
        if (org := _ORG_DASH_NAME.match(s)) and looks_like_name(clean_name(org["name"]), False) \
                and not _HON_RX.match(org["org"]):
            # "Healthwatch Ravensholme - Pauline Greenhalgh": a seat held for an organisation
            name = clean_name(org["name"])
            if name.lower() not in seen:
                seen.add(name.lower())
                out.append(Member(name, f"{re.sub(r's$', '', group_role)} ({org['org']})" if group_role
                                  else org["org"], spans[j].first, spans[j].page))
            j += 1
            continue
        if re.search(r"[-\u2013:]\s*vacan(?:cy|t)\s*$|^vacan(?:cy|t)\b", s, re.I):
            j += 1                      # an empty seat
            continue
        people = split_people(s)
        if not people:
            # a group heading: "Co-opted Church Representatives (for education matters)"
            if len(s) < 90 and not s.endswith("."):
                g = re.sub(r"\s*\(.*?\)\s*", " ", s).strip(" :")
                group_role = None if re.fullmatch(r"(?:county\s+)?councillors?", g, re.I) else g
                j += 1
                continue
            break
        for p in people:
            key = p.name.lower().replace(".", "").replace(" ", "")
            if key in seen:
                continue
            seen.add(key)
            role = p.description
            if group_role and not role:
                role = re.sub(r"s$", "", group_role)
            out.append(Member(p.name, role, spans[j].line_at(spans[j].text.find(p.name.split()[-1]))
                              if p.name.split()[-1] in spans[j].text else spans[j].first, spans[j].page))
        j += 1
    return out, j


_AGENDA_ITEM = re.compile(r"^agenda\s+item\s*(?:no\.?\s*)?(?P<num>[\w/()]+)\s*$", re.I)
_REPORT_OF = re.compile(r"^(?:joint\s+)?report\s+(?:of|by|from)\b|^purpose\s+of\s+(?:the\s+)?report\b", re.I)


def _report_cover(spans: list[Span], i: int) -> Item | None:
    """A report's cover page at spans[i]: "Agenda Item 6", the title, "Report of ...".
    Returns the item it is (number may be None), or None if this is not a report cover."""
    window = [clean(spans[j].text) for j in range(max(0, i - 3), min(len(spans), i + 10))]
    if any(_MEMBERSHIP_START.match(t) or t.lower().startswith(("items on the agenda", "present"))
           or t.lower() in ("agenda", "items", "minutes") for t in window):
        return None
    found = next(((j, m["num"]) for j in range(max(0, i - 3), min(len(spans), i + 10))
                  if (m := _AGENDA_ITEM.match(clean(spans[j].text)))), None)
    number = found[1] if found else None
    if number is None and not any(_REPORT_OF.match(t) for t in window):
        return None
    title = None
    for j in range(i + 1, min(len(spans), i + 10)):
        t = clean(spans[j].text)
        if _AGENDA_ITEM.match(t) or find_date(t) and len(t) < 40 or committee_in(t) or _LABEL.match(t):
            continue
        if _REPORT_OF.match(t) or len(t) > 150:
            break
        title = t.strip(" .")
        break
    at = spans[found[0]] if found else spans[i]
    return Item(number=number, title=title or "Report", line=at.first, page=at.page)


def _next_meeting(spans: list[Span], start: int, end: int, date: str | None) -> str | None:
    for j in range(start, end):
        s = spans[j].text
        if not _NEXT.search(s):
            continue
        cands = [clean(s)] + [clean(spans[k].text) for k in range(j + 1, min(end, j + 3))]
        for t in cands:
            for f in find_dates(t, numeric=False):
                if date is None or f.value > date:
                    return f.value
    return None


# "Cabinet - Tuesday, 4th March, 2025 7.00 pm - CANCELLED", "This meeting has been cancelled."
_CANCELLED = re.compile(r"(?:^|[-\u2013(]\s*)(?:meeting\s+)?(?:cancel+ed|postponed)\b|"
                        r"^(?:this|the)\s+meeting\s+(?:has\s+been|was|is|will\s+be)\s+(?:cancel+ed|postponed)\b", re.I)
_ATT_TABLE_HEAD = re.compile(r"^(?:attendee|name|member)\s*\t+\s*role\s*\t+\s*attendance\b", re.I)
_LABEL_ALONE = re.compile(r"^(?:minutes|decision)\s*:$", re.I)


def _page_without_heading(spans: list[Span]) -> _Header | None:
    """A meeting page saved without its title line: "Agenda and minutes", "No. Item" and
    "Minutes:" blocks, but no committee and date above them."""
    labels = sum(1 for sp in spans if re.match(r"^(?:minutes|decision)\s*:", sp.text.strip(), re.I)
                 or re.search(r"\s(?:Minutes|Decision):\s", sp.text))
    marks = [i for i, sp in enumerate(spans[:60]) if _PAGE_MARK.match(clean(sp.text))
             or _ITEMS_HEAD.match(clean(sp.text))]
    if not marks or labels < 2:
        return None
    i = marks[0]
    committee = date = None
    for sp in spans[max(0, i - 5):i + 8]:
        t = clean(sp.text)
        date = date or (find_date(t).value if find_date(t) else None)
        committee = committee or committee_in(t)
    return _Header(i, committee, date, "page", True, spans[i].first)


def extract_meetings(text: Text, spans: list[Span]) -> list[Meeting]:
    heads = _headers(spans)
    if not heads:
        fallback = _page_without_heading(spans)
        heads = [fallback] if fallback else []
    meetings: list[Meeting] = []
    for n, h in enumerate(heads):
        end = heads[n + 1].index if n + 1 < len(heads) else len(spans)
        record = h.record
        if record == "agenda" and sum(1 for j in range(h.index, end)
                                      if _LABEL_ALONE.match(spans[j].text.strip())) >= 2:
            record = "page"        # a meeting page whose "Agenda and minutes" title is out of sight
        if record == "page":
            has_minutes = any(re.match(r"^(?:minutes|decision)\s*:", spans[j].text.strip(), re.I)
                              or re.search(r"\s(?:Minutes|Decision):\s", spans[j].text)
                              for j in range(h.index, end))
            record = "minutes" if has_minutes else "agenda"
        m = Meeting(committee=h.committee, date=h.date, record=record, line=h.line)
        _fields(spans, h, end, m, heads[n - 1].index + 1 if n else 0)
        m.cancelled = any(_CANCELLED.search(clean(spans[j].text)) for j in range(h.index, min(end, h.index + 6))
                          if j == h.index or len(spans[j].text) < 90)
        if record == "minutes" or record == "decisions":
            stop_at = end
            for j in range(h.index + 1, end):
                if _END_MINUTES.match(clean(spans[j].text)):
                    stop_at = j
                    break
            m.items = find_items(spans, h.index + 1, stop_at) or unnumbered_items(spans, h.index + 1, stop_at)
            read_minutes(spans, h.index, stop_at, m)
            m.next_meeting = _next_meeting(spans, h.index, min(end, stop_at + 3), m.date)
            m.end_line = spans[min(stop_at, len(spans) - 1)].last
        elif (report := _report_cover(spans, h.index)) is not None:
            # a report printed on its own: its cover names the meeting and its agenda item
            m.items = [report] if report.number else []
            m.end_line = spans[end - 1].last
        else:
            members, after = _members(spans, h.index, end)
            m.members = members
            m.items = find_items(spans, after, end, max_gap=None if h.record == "page" else 25, earliest=True)
            last = m.items[-1].line if m.items else spans[after].first if after < len(spans) else h.line
            stop = next((j for j in range(after, end) if spans[j].first > last), end)
            m.next_meeting = _next_meeting(spans, h.index, min(end, stop + 6), m.date)
            m.end_line = spans[end - 1].last if end > 0 else h.line
        meetings.append(m)
    return meetings
