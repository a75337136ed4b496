"""Who was there: attendance sections, tables and sentences of minutes.

"Present" / "Officers" / "Also present" sections (with a roll call marked "* = present",
"Org: Name (Post)" lines, tables of name, role and attendance), "Witnesses:" under an
item, and sentences ("Apologies were received from", "X sent apologies", "Y substituted
for X", "Z attended for this item").  No Django here.
"""
from __future__ import annotations

import re

from ..reading import Span
from .people import Person, _HON_RX, clean_name, looks_like_name, split_people
from .records import Attendee, Meeting, Member, Substitute
from .text_utils import clean


# ---------------------------------------------------------------- attendance headings
_H_PRESENT = re.compile(r"^(?:(?:elected\s+|voting\s+)?members\s+)?present|^(?:committee|panel|board)\s+members(?:\s+present)?|"
                        r"^councillors\s+present|^members\s+(?:in\s+attendance|attending)|^attendees", re.I)
_H_OFFICERS = re.compile(r"^(?:officers?|staff)(?:\s+(?:present|in\s+attendance|attending))?\b|"
                         r"^in\s+attendance\s*\(officers?\)|"
                         r"^the\s+following\s+officers?\s+(?:were\s+)?(?:in\s+attendance|present|attended)", re.I)
_H_ALSO = re.compile(r"^(?:others?\s+present|also\s+(?:present|attended|in\s+attendance|attending)|"
                     r"(?:cabinet|executive|portfolio)\s+(?:members?|holders?)\s+(?:present|in\s+attendance|attending)|"
                     r"in\s+attendance|other\s+(?:members|councillors)\s+present|other\s+attendees|"
                     r"observers?|guests?)\b", re.I)
_H_APOLOGIES = re.compile(r"^apologies(?:\s+for\s+absence)?\s*(?::|-|\u2013)\s*(?P<rest>.*)$", re.I)
_H_SUBS = re.compile(r"^substitutes?(?:\s+members?)?\s*:\s*(?P<rest>.*)$", re.I)
# a roll call: the committee's members, those present marked "(* = present at the meeting)"
_H_ROLL = re.compile(r"^(?:elected\s+|committee\s+)?members(?:hip)?(?:\s+of\s+the\s+(?:committee|panel|board))?\s*:?$", re.I)
_STAR_LEGEND = re.compile(r"^\(?\s*\*\s*(?:=|denotes|indicates)?\s*(?:members?\s+)?(?:present|attended|in\s+attendance)\b",
                          re.I)
_ORG_PREFIX = re.compile(r"^(?P<org>[A-Z][^:()]{2,80}):\s+(?P<rest>\S.*)$")
_H_PARENT = re.compile(r"^attendance\s*:?$", re.I)
_HEADING_REST = re.compile(r"^(?P<head>[^:]{3,40}):\s*(?P<rest>.+)$")

_ELECTED = re.compile(r"\b(?:Cllrs?|Councillors?|County\s+Councillor|Cabinet\s+Member|Portfolio\s+Holder|"
                      r"Leader\s+of\s+the\s+Council|Deputy\s+Leader|MP\b|Mayor)\b", re.I)

_APOLOGIES = re.compile(
    r"\bapolog(?:ies|y)(?:\s+for\s+(?:absence|lateness))?\s+(?:were|was|had\s+been|have\s+been)?\s*(?:also\s+)?"
    r"(?:received|submitted|given|noted|tendered|reported|presented|sent|made)?\s*"
    r"(?:from|on\s+behalf\s+of|by)\s+(?P<who>.+)$", re.I)
# a person as minutes name them: "Councillor Ann Lee", "Mrs H. Quayle", "Bo Hill"
_WHO = r"(?:(?:Councillor|Cllr|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}"
# "Councillors Ahmed and Brown sent their apologies."
_APOLOGIES_AFTER = re.compile(
    r"^(?P<who>(?:(?:Councillors?|Cllrs?|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w.'\-]*(?:(?:\s+|,\s*|\s+and\s+|\s*\([^)]*\)\s*)"
    r"(?:(?:Councillor|Cllr|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w.'\-]*){0,12}(?:\s*\([^)]*\))?)\s+(?:had\s+)?(?:sent|gave|given|tendered|"
    r"submitted|offered|sends|gives)\s+(?:(?:their|his|her)\s+)?apolog", re.I)
# "Apologies were received from Councillor Ali, with Councillor Ray substituting."
_WITH_SUB = re.compile(
    rf"(?P<b>{_WHO})(?:\s*\([^)]*\))?,?\s+with\s+"
    rf"(?P<a>{_WHO})\s+"
    r"(?:substituting|attending\s+as\s+(?:a\s+|their\s+|his\s+|her\s+)?substitute|as\s+(?:a\s+|their\s+|his\s+|her\s+)?substitute)")
_FOR_WHOM = re.compile(
    rf"(?P<b>{_WHO})(?:\s*\([^)]*\))?,?\s+for\s+whom\s+(?P<a>{_WHO})\s+"
    r"(?:substituted|was\s+substituting|attended\s+as\s+(?:a\s+)?substitute|deputised|attended)")
_NO_APOLOGIES = re.compile(r"\bno\s+apologies\b|\bthere\s+were\s+no\s+apologies\b", re.I)
_SUBSTITUTE = re.compile(
    rf"(?P<a>{_WHO})\s+"
    r"(?:substituted|was\s+(?:substituting|present\s+as\s+(?:a\s+)?substitute)|attended\s+as\s+(?:a\s+)?substitute|"
    r"was\s+(?:the\s+|a\s+)?substitute(?:\s+member)?|"
    r"was\s+appointed\s+to\s+the\s+(?:committee|panel|board)\s+in\s+place|deputised|"
    r"(?:attended|was\s+present|sat)\s+in\s+place|(?:had\s+been\s+)?appointed\s+.*?in\s+place)"
    rf"\s+(?:for|of)\s+(?P<b>{_WHO})")
_SUBSTITUTE_BARE = re.compile(rf"(?P<a>{_WHO})\s+(?:(?:attended|was\s+present|was\s+in\s+attendance)\s+as\s+(?:a|the)\s+"
                              r"substitute(?:\s+member)?|(?:attended|sat|was\s+present)\s+in\s+(?:his|her|their)\s+place)"
                              r"\s*(?:\.|$)")
_SUB_PAREN = re.compile(r"\(\s*(?:substitut(?:e|ing)\s+for|in\s+place\s+of|sub(?:stitute)?\s+for)\s+([^)]+)\)", re.I)
_ATTENDED = re.compile(
    r"^(?P<who>(?:(?:Councillor|Cllr|Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){1,3})\s+"
    r"(?:attended|was\s+(?:also\s+)?(?:in\s+attendance|present)|addressed\s+the\s+(?:meeting|committee|panel))\b")


# ---------------------------------------------------------------- attendance
def _person_line(s: str) -> Person | None:
    """One person per line: 'Name, Post' / 'Name (Post)'."""
    m = re.match(r"^(?P<name>[^,(\u2013\u2014]+?)\s*(?:\((?P<p1>.*)\)|(?:,|\s[-\u2013\u2014])\s*(?P<p2>.*))?$", s)
    if not m:
        return None
    had = bool(_HON_RX.match(m["name"]))
    name = clean_name(m["name"])
    if not looks_like_name(name, had):
        return None
    elected = bool(re.match(r"(?:the\s+)?(?:county\s+)?(?:councillor|cllr)\b", m["name"].strip(), re.I))
    return Person(name, (m["p1"] or m["p2"] or None), elected)


def _attendance_block(spans: list[Span], start: int, end: int, meeting: Meeting) -> None:
    a = meeting.attendance
    _attendance_sections(spans, start, end, meeting)
    # "Also attended" with no separate list of officers: the officers are in it
    if not a.officers:
        a.officers = [x for x in a.also_present if not x.elected]
        a.also_present = [x for x in a.also_present if x.elected]


# Modern.gov's attendance page: "Councillor Ann Lee<TAB>Chair<TAB>Present"
_ATT_STATUS = re.compile(r"^(?:present(?:\s+as\s+(?:a\s+)?substitute)?|apologies(?:\s+received)?|absent|"
                         r"in\s+attendance|attended|expected|virtual|present\s+virtually|"
                         r"attended\s+(?:virtually|remotely))$", re.I)
_ATT_HEAD = re.compile(r"^(?:attendee|name|member)\s*\t+\s*role\s*\t+\s*attendance\b", re.I)


def _attendance_table(spans: list[Span], start: int, end: int, meeting: Meeting) -> set[int]:
    """Rows of an attendance table (name, role, attendance); returns the spans read."""
    a = meeting.attendance
    used: set[int] = set()
    for j in range(start, end):
        sp = spans[j]
        if _ATT_HEAD.match(sp.text.strip()):
            used.add(j)
            continue
        cells = [c.strip() for c in sp.text.split("\t") if c.strip()]
        if len(cells) < 2 or not _ATT_STATUS.match(cells[-1]):
            continue
        had = bool(_HON_RX.match(cells[0]))
        name = clean_name(cells[0])
        if not looks_like_name(name, had):
            continue
        used.add(j)
        role = cells[1] if len(cells) > 2 else None
        status = cells[-1].lower()
        elected = had and bool(re.match(r"(?:county\s+)?(?:councillor|cllr)", cells[0], re.I))
        att = Attendee(name, role, sp.first, sp.page, elected)
        if status.startswith("present"):
            a.present.append(att)
            if "substitute" in status:
                a.substitutes.append(Substitute(name, None, sp.first, sp.page))
        elif status.startswith("apolog"):
            a.apologies.append(att)
        elif status.startswith(("in attendance", "attended", "virtual")):
            if elected or _ELECTED.search(role or ""):
                a.also_present.append(att)
            else:
                a.officers.append(att)
    return used


def _attendance_sections(spans: list[Span], start: int, end: int, meeting: Meeting) -> None:
    a = meeting.attendance
    section: str | None = None
    starred = False
    prev_open = False
    table = _attendance_table(spans, start, end, meeting)
    for j in range(start, end):
        if j in table:
            continue
        sp = spans[j]
        s = clean(sp.text)
        if not s:
            continue
        if (s.count("(") > s.count(")") or re.search(r"(?:,|\s(?:and|&))$", s)) and j + 1 < end \
                and j + 1 not in table and section in ("present", "officers", "also", "apologies", "subs") \
                or (s.count("(") > s.count(")") and j + 1 < end and j + 1 not in table):
            # "Martin Gale (Head of School" / "Organisation and Admissions) and Zoe Kimber (...)"
            s = f"{s} {clean(spans[j + 1].text)}"
            table = table | {j + 1}
        low = s.lower().rstrip(":").strip()
        inline = None
        m = _HEADING_REST.match(s)
        head = m["head"] if m else s
        if _H_ROLL.match(s) and any(_STAR_LEGEND.match(clean(spans[k].text)) for k in range(j + 1, min(end, j + 3))):
            section, starred = "roll", False
            continue
        if section == "roll":
            if _STAR_LEGEND.match(s):
                starred = True
                continue
            if starred and not (_H_PRESENT.match(head) or _H_OFFICERS.match(head) or _H_ALSO.match(head)
                                or _H_APOLOGIES.match(s) or _H_SUBS.match(s)):
                # "* Bernadette Fields (Chairman)" was there; "  Nigel Ashcombe" was not
                p = _person_line(s)
                if p:
                    meeting.members.append(Member(p.name, p.description, sp.first, sp.page))
                    if sp.text.lstrip().startswith("*"):
                        a.present.append(Attendee(p.name, p.description, sp.first, sp.page, True))
                continue
        for name, rx in (("present", _H_PRESENT), ("officers", _H_OFFICERS), ("also", _H_ALSO)):
            if rx.match(head) and len(head) < 45:
                section = name
                inline = m["rest"] if m and rx.match(m["head"]) else None
                break
        else:
            if _H_PARENT.match(s):
                section = "present"
                continue
            mm = _H_APOLOGIES.match(s)
            if mm:
                section = "apologies"
                inline = mm["rest"]
            else:
                mm = _H_SUBS.match(s)
                if mm:
                    section = "subs"
                    inline = mm["rest"]
        if inline is None and (section is None or low in ("present", "officers", "also present",
                                                           "others present", "also attended",
                                                           "in attendance", "committee members",
                                                           "apologies", "substitutes", "attendance")
                               or _H_PRESENT.match(low) or _H_OFFICERS.match(low) or _H_ALSO.match(low)):
            prev_open = False
            continue
        body = inline if inline is not None else s
        if not body.strip():
            continue
        if inline is None and (_APOLOGIES.search(s) or _APOLOGIES_AFTER.match(s) or _SUBSTITUTE.search(s)):
            section = None        # "Apologies were received from ..." after the lists: prose, not a list
            continue
        line = sp.first
        org = _ORG_PREFIX.match(body) if section in ("officers", "also", "present") and inline is None else None
        if org and not _HON_RX.match(org["org"]) and split_people(org["rest"]):
            # "Kelsey Hospitals NHS Foundation Trust: Martin Hollis (Chief Operating Officer)"
            body, inline = org["rest"], org["rest"]
        if section in ("officers", "also") and inline is None and "," not in body.rstrip(",")[:0]:
            if prev_open:              # "Post, Post,\nOrganisation" continuation of the previous line
                prev_open = body.rstrip().endswith(",")
                continue
            if len(re.findall(r"(?<![\w.])(?:Councillor|Cllr|Mr|Mrs|Ms|Dr)\b", body)) >= 2:
                people = split_people(body)     # two people run together on one line
            else:
                p = _person_line(body)
                people = [p] if p else []
            prev_open = body.rstrip().endswith(",")
        elif section == "subs" and "(" not in body and (fm := re.match(r"^(?P<a>.+?)\s+(?:for|in\s+place\s+of)\s+(?P<b>.+?)\.?$", body)):
            # "Substitute: Councillor Bill Sorrell for Councillor Colclough."
            a.substitutes.append(Substitute(clean_name(fm["a"]), clean_name(fm["b"]), line, sp.page))
            continue
        elif len(_HON_RX.findall(body)) <= 1 and re.search(r"\s[-\u2013]\s", body) and (one := _person_line(body)):
            people = [one]              # "Councillor L. Evans - Cabinet Member for Education and the Welsh Language"
            prev_open = False
        else:
            people = split_people(body)
            prev_open = False
        for p in people:
            att = Attendee(p.name, p.description, line, sp.page, p.elected)
            if section == "present":
                a.present.append(att)
                if p.description and (m2 := _SUB_PAREN.search("(" + p.description + ")")):
                    a.substitutes.append(Substitute(p.name, clean_name(m2.group(1)), line, sp.page))
            elif section == "officers":
                a.officers.append(att)
            elif section == "also":
                att.elected = bool(p.elected or _ELECTED.search(p.description or ""))
                a.also_present.append(att)
            elif section == "apologies":
                a.apologies.append(att)
            elif section == "subs":
                a.substitutes.append(Substitute(p.name, clean_name(p.description) if p.description else None,
                                                line, sp.page))
                if starred and not any(x.name == p.name for x in a.present):
                    a.present.append(att)         # substitute members listed beside a roll call came


# "Witnesses:" / "In attendance for this item:" and a person a line under an item
_WITNESSES = re.compile(r"^(?:witnesses?|speakers?|(?:also\s+)?in\s+attendance\s+for\s+(?:this|the)\s+item|"
                        r"attending\s+for\s+(?:this|the)\s+item|invited\s+guests?)\s*:?$", re.I)
# a post outside the council: a partner body's people are "also present", not officers
_EXTERNAL = re.compile(r"\b(?:NHS|Trust|ICB|Integrated\s+Care|Healthwatch|Polic(?:e|ing)|Constabulary|Inspector|Constable|Partnership|"
                       r"Fire\s+and\s+Rescue|"
                       r"College|University|Association|Foundation|Charity|CIC|Ltd|Limited|plc|Hospital|Ambulance|"
                       r"Commission|Ofsted|CQC|Diocese|Federation|Society|Healthcare|Clinical|Voluntary|Citizens)\b")


def _witnesses(spans: list[Span], j: int, end: int, meeting: Meeting) -> int:
    """People listed under "Witnesses:", one a line; returns the span after the list."""
    a = meeting.attendance
    known = {x.name for x in a.present + a.officers + a.also_present}
    while j < end:
        sp = spans[j]
        p = _person_line(clean(sp.text))
        if p is None or not p.description:
            break
        if p.name not in known:
            elected = bool(p.elected or _ELECTED.search(p.description or ""))
            att = Attendee(p.name, p.description, sp.first, sp.page, elected)
            (a.also_present if elected or _EXTERNAL.search(p.description) else a.officers).append(att)
            known.add(p.name)
        j += 1
    return j


# "Dr Helena Marwood, Chief Medical Officer, and Simon Achebe, ..., attended the meeting for this item."
_ATTENDED_ITEM = re.compile(
    r"^(?P<who>(?:(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Inspector|Professor|Prof)\.?\s+)?[A-Z][^.]{2,300}?)\s+"
    r"(?:attended(?:\s+the\s+meeting)?\s+(?:for\s+(?:this|the)\s+item|to\s+(?:present|introduce|answer|speak)|"
    r"at\s+the\s+invitation)|was\s+(?:also\s+)?(?:present|in\s+attendance)\s+for\s+(?:this|the)\s+item|"
    r"(?:was|were)\s+also\s+(?:present|in\s+attendance)|attended(?:\s+the\s+meeting)?\s+for\s+(?:items?|minutes?)\s+"
    r"[\w/.]*\d)")


def _sentence_attendance(text: str, sp: Span, off: int, meeting: Meeting) -> bool:
    """Attendance stated in a sentence.  True if the sentence was about attendance."""
    a = meeting.attendance
    if ";" in text:
        # "X sent his apologies; Y attended in his place."
        parts = [p.strip() for p in text.split(";") if p.strip()]
        if len(parts) > 1:
            found = [_sentence_attendance(p, sp, off + text.find(p), meeting) for p in parts]
            if any(found):
                return True
    line = sp.line_at(off)
    if _NO_APOLOGIES.search(text):
        return True
    m = _ATTENDED_ITEM.match(text)
    if m and (people := split_people(m["who"])):
        known = {x.name for x in a.present + a.officers + a.also_present}
        outside = bool(_EXTERNAL.search(m["who"]))
        for p in people:
            if p.name in known or _EXTERNAL.search(p.name) or re.search(r"\b(?:Council|Board|Borough|Integrated|"
                                                                       r"County)\b", p.name):
                continue              # an organisation's name split off a post ("NHS Lowfield and ...")
            elected = bool(p.elected or _ELECTED.search(p.description or ""))
            att = Attendee(p.name, p.description, line, sp.page, elected)
            (a.also_present if elected or outside else a.officers).append(att)
        return True
    m = _APOLOGIES.search(text) or _H_APOLOGIES.match(text) or _APOLOGIES_AFTER.match(text)
    if m:
        who = m["who"] if "who" in m.groupdict() else m["rest"]
        who = re.sub(r"\s+(?:for\s+(?:the|this)\s+meeting|for\s+absence)\b.*$", "", who).rstrip(" .")
        who = re.sub(r",?\s+and\s+(?:also\s+)?from\s+", " and ", who)     # "X, ..., and from Y"
        for rx in (_WITH_SUB, _FOR_WHOM):
            while (w := rx.search(who)) is not None:
                who = who[:w.start()] + w["b"] + who[w.end():]
                a.substitutes.append(Substitute(clean_name(w["a"]), clean_name(w["b"]), line, sp.page))
        for p in split_people(who):
            if not any(x.name == p.name for x in a.apologies):
                a.apologies.append(Attendee(p.name, p.description, line, sp.page))
            # "Councillor J. Green (substitute: Councillor P. White)", "(Councillor D. Whitfield substituting)"
            sm = re.match(r"^substitute(?:d\s+by)?\s*[:\-]?\s*(.+)$", p.description or "", re.I) or \
                re.match(r"^(.+?)\s+(?:substituting|substituted|as\s+(?:a\s+|the\s+)?substitute)$", p.description or "", re.I)
            if sm and looks_like_name(clean_name(sm.group(1)), True):
                a.substitutes.append(Substitute(clean_name(sm.group(1)), p.name, line, sp.page))
        return True
    m = _SUBSTITUTE_BARE.search(text)
    if m and looks_like_name(clean_name(m["a"]), True):
        # "Councillor Hall attended as a substitute." - for the one member who sent apologies
        for_ = a.apologies[0].name if len(a.apologies) == 1 else None
        a.substitutes.append(Substitute(clean_name(m["a"]), for_, line, sp.page))
        return True
    m = _SUBSTITUTE.search(text)
    if m:
        who, for_ = clean_name(m["a"]), clean_name(m["b"])
        if looks_like_name(who, True) and looks_like_name(for_, True):
            known = next((s for s in a.substitutes if s.member == who), None)
            if known is None:
                a.substitutes.append(Substitute(who, for_, line, sp.page))
            elif known.substituting_for is None:
                known.substituting_for = for_
            return True
    m = _ATTENDED.match(text)
    if m:
        had = bool(_HON_RX.match(m["who"]))
        who = clean_name(m["who"])
        if looks_like_name(who, had) and not _known(meeting, who):
            a.also_present.append(Attendee(who, None, line, sp.page))
        return True
    return False


def _known(meeting: Meeting, name: str) -> bool:
    a = meeting.attendance
    last = name.split()[-1].lower()
    return any(x.name.split()[-1].lower() == last and x.name.split()[0][0] == name.split()[0][0]
               for x in a.present + a.officers + a.also_present + a.apologies)
