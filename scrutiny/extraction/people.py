"""People as papers print them: honorifics, initials, posts in brackets, lists.

`clean_name("Mrs. H. J. Fryer CC")` -> "H. J. Fryer";
`split_people("Cllr Steve Mackay (Chairman), Cllr David Chambers (Vice Chairman) and Mr M Hughes")`
-> [Person("Steve Mackay", "Chairman"), Person("David Chambers", "Vice Chairman"),
    Person("M Hughes", None)].
"""
from __future__ import annotations

import re
from dataclasses import dataclass

HONORIFIC = (r"(?:County\s+)?(?:Councillors?|Cllrs?|Mrs|Mr|Ms|Miss|Mx|Dr|Prof(?:essor)?|Rev(?:erend|d)?|"
             r"Sir|Dame|Lord|Lady|Canon|Father|Baroness|Alderman|Alderwoman|(?:Chief\s+|Detective\s+)?Inspector|"
             r"(?:Chief\s+|Detective\s+)?Superintendent|Sergeant|Sgt|(?-i:PC|DCI|DI)|"
             r"Deputy(?=\s+[A-Z][a-z]+\s+[A-Z])(?!\s+(?:Chair|Leader|Mayor|Director|Chief|Head|Lieutenant)))")
_HON_RX = re.compile(rf"^(?:(?:the\s+)?{HONORIFIC}\.?:?\s+)+", re.I)
_HON_START = re.compile(rf"(?<![\w.])(?={HONORIFIC}\.?\s+[A-Z])")
_SUFFIX = re.compile(r"(?:\s*,?\s+(?:CC|MBE|OBE|CBE|JP|MP|QC|KC|DL))+\.?\s*$")
_PAREN = re.compile(r"\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)")
ROLE_WORDS = re.compile(
    r"^(?:chair(?:man|woman|person)?|vice[- ]chair(?:man|woman|person)?|deputy chair(?:man|woman)?|"
    r"co-?opted(?: member)?|substitute|ex[- ]officio|observer|vice[- ]?chair)$", re.I)
# Particles that can be lower case inside a name.
_PARTICLES = {"de", "van", "von", "der", "den", "du", "la", "le", "da", "di", "del", "bin", "al"}
# Words that never start a person's name in a list.
_NOT_NAME = re.compile(
    r"^(?:the|a|an|all|members?|officers?|co-?optees?|councillors?|representatives?|none|vacancy|"
    r"vacant|other|others|also|and|apologies|present|in|attendance|cabinet|portfolio|chief|director|"
    r"head|service|assistant|executive|strategic|democratic|committee|panel|board|council|county|"
    r"public|health|church|parent|governor|observers?|staff|young|children|local|item|minute|"
    r"there|no|nil|not|it|for|from|with|by|of|on|at|to|group|team|manager|lead|leader)\b(?!\.)", re.I)
# Words of headings and document titles, never of a person's name.
_HEADING_WORDS = {"papers", "documents", "business", "matters", "items", "item", "minutes", "agenda",
                  "available", "summary", "introduction", "background", "recommendations", "resolved",
                  "update", "report", "general", "questions", "declarations", "apologies", "present",
                  "attendance", "officers", "members", "membership", "councillors", "welcome", "notes",
                  "action", "actions", "plan", "strategy", "programme", "performance", "committee",
                  "panel", "board", "council", "services", "service", "first", "county", "children",
                  "education", "health", "care", "public", "policy", "review", "group", "partnership",
                  "trust", "school", "schools", "team", "unit", "office", "officer", "appendix",
                  "representative", "representatives", "co-opted", "church", "governor", "governors",
                  "vacancy", "substitutes", "substitute", "observers", "voting", "non-voting", "co-optees",
                  "co-optee", "chairman", "chair", "vice-chair", "vice-chairman", "deputy", "mayor",
                  "leader", "cabinet", "portfolio", "holder", "holders", "all", "none", "absent"}
_TOKEN = re.compile(r"^(?:[A-Z][a-z]?\.?|(?:[A-Z]\.){2,3}|[A-Z][\w'\u2019\-]*[a-z][\w'\u2019\-]*|[A-Z]{2,}[a-z]*|O'[A-Z]\w+|Mc[A-Z]\w+)$")


@dataclass
class Person:
    name: str
    description: str | None = None   # role or post as printed
    elected: bool = False             # printed as Councillor / Cllr


def clean_name(raw: str) -> str:
    """A person's name without honorifics, bracketed roles or post-nominals."""
    s = raw.replace("**", "").replace("\u2019", "'").strip(" \t,;:-\u2013\u2022*")
    s = _PAREN.sub("", s)
    s = _SUFFIX.sub("", s)
    prev = None
    while prev != s:
        prev = s
        s = _HON_RX.sub("", s).strip()
        s = _SUFFIX.sub("", s).strip()
    return re.sub(r"\s+", " ", s).strip(" ,.;:") if not s.endswith(".") or len(s.split()[-1]) > 2 \
        else re.sub(r"\s+", " ", s).strip(" ,;:")


def looks_like_name(name: str, had_honorific: bool = False) -> bool:
    """Is `name` (already cleaned) shaped like a person's name?"""
    if not name or len(name) > 60 or any(ch.isdigit() for ch in name):
        return False
    toks = name.split()
    if _NOT_NAME.match(name) and not had_honorific:
        return False
    if len(toks) > 5 or any(t.lower().strip(".,:") in _HEADING_WORDS for t in toks):
        return False
    if len(toks) == 1:
        return had_honorific and bool(_TOKEN.match(toks[0])) and len(toks[0]) > 2
    for t in toks:
        if t.lower() in _PARTICLES:
            continue
        if not _TOKEN.match(t):
            return False
    # a surname of at least two letters
    return len(toks[-1].strip(".")) >= 2


def _split_top(text: str, seps: str = ",;") -> list[str]:
    """Split on separators that are not inside brackets."""
    out, depth, cur = [], 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch in seps and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def _split_and(chunk: str) -> list[str]:
    """'A and B' -> ['A', 'B'] (outside brackets)."""
    parts, depth, last, i = [], 0, 0, 0
    low = chunk.lower()
    while i < len(chunk):
        ch = chunk[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (low.startswith(" and ", i) or low.startswith(" & ", i)):
            parts.append(chunk[last:i])
            i += 5 if low.startswith(" and ", i) else 3
            last = i
            continue
        i += 1
    parts.append(chunk[last:])
    return parts


def _split_run(chunk: str) -> list[str]:
    """A chunk holding several names in a row (a merged two-column list):
    split before each honorific, then split an over-long run of capitalised words."""
    cuts, depth = [], 0
    marks = {m.start() for m in _HON_START.finditer(chunk)}
    for k, ch in enumerate(chunk):
        if k in marks and depth == 0:
            cuts.append(k)              # an honorific outside brackets starts a new person
        depth += (ch == "(") - (ch == ")" and depth > 0)
    bounds = [0] + [c for c in cuts if c > 0] + [len(chunk)]
    pieces = [chunk[a:b] for a, b in zip(bounds, bounds[1:]) if chunk[a:b].strip()]
    out = []
    for p in pieces:
        tail = _PAREN.sub("", p).strip()
        hon = _HON_RX.match(tail)
        body = tail[hon.end():] if hon else tail
        body = _SUFFIX.sub("", body).strip()
        toks = body.split()
        # "Jill Simpson-Vince Joseph Cannon": four plain capitalised words, no initials
        if (len(toks) >= 4 and len(toks) % 2 == 0 and "(" not in p
                and all(_TOKEN.match(t) and len(t.strip(".")) > 1 for t in toks)):
            first = (hon.group(0) if hon else "") + " ".join(toks[:2])
            out.append(first)
            for k in range(2, len(toks), 2):
                out.append(" ".join(toks[k:k + 2]))
        else:
            out.append(p)
    return out


def split_people(text: str) -> list[Person]:
    """Every person in a printed list of people, with the role or post printed with them.

    Handles commas, 'and', bracketed roles, ', post' tails, post-nominals (CC), and names
    run together by a merged two-column layout."""
    text = text.replace("**", "").replace("\t", ", ")
    out: list[Person] = []
    chunks: list[str] = []
    for c in _split_top(text, ";"):
        chunks.extend(_split_top(c, ","))
    # ", post" tails: a chunk that is not a name describes the person before it
    pending_desc: list[str] = []
    plural = False
    for raw in chunks:
        for part in _split_and(raw):
            for piece in _split_run(part):
                s = piece.strip(" .:-\u2013\u2022*")
                if not s:
                    continue
                desc = None
                m = _PAREN.search(s)
                if m:
                    desc = m.group(1).strip()
                had_hon = bool(_HON_RX.match(s))
                name = clean_name(s)
                if re.match(r"(?:county\s+)?(?:councillors|cllrs)\b", s, re.I):
                    plural = True          # "Councillors A, B and C": all of them
                elif had_hon:
                    plural = False
                if looks_like_name(name, had_hon or plural):
                    elected = bool(re.match(r"(?:the\s+)?(?:county\s+)?(?:councillor|cllr)\b", s, re.I))
                    out.append(Person(name, desc, elected or plural))
                elif out and not had_hon:
                    pending_desc.append(s)
                    last = out[-1]
                    if last.description is None:
                        last.description = s
    return out


def role_of(description: str | None) -> str | None:
    """'Chairman', 'Vice-Chair' ... when the description is a committee role."""
    if not description:
        return None
    d = description.strip()
    return d if ROLE_WORDS.match(d) else None


def name_key(name: str) -> str:
    """A comparison key: lower-case tokens without honorifics and punctuation."""
    return " ".join(re.sub(r"[^a-z' -]", "", clean_name(name).lower()).split())
