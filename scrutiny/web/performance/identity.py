"""Which printed name is which measure.

Councils rename measures from one quarter to the next ("Re-referrals within 12 months",
"Re-referrals to children's social care within 12 months of a previous referral (%)",
"Re-referrals to CSC within 12 months (%)").  A name is folded to a *key*: lower case,
common abbreviations of council performance reporting spelt out (CSC, CP, EHCP, NEET,
EET, CiC ...), unit markers ("(%)", "% of", "percentage of") and small words dropped,
plurals made singular.  Two names are the same measure when

* their keys are equal, or
* rapidfuzz's ``token_set_ratio`` of the keys reaches ``THRESHOLD`` (90), they print the
  same unit, and they do not conflict: no number of one is missing from the other when
  each has a number of its own ("2 year olds" / "3 year olds"), and when each has words of
  its own those words are not a different subject ("Primary schools ..." / "Secondary
  schools ...": ``token_sort_ratio`` must reach ``SORT_FLOOR`` too);
* or a figure says so: both print the same value for the same period (a report's
  "previous period" column repeats the last report's latest value), with names that are
  at least loosely alike (name score >= ``VALUE_THRESHOLD``);
* or the council's own reference says so ("CS04" in a Ref column), again with names at
  least loosely alike.  Two different references count against a match.

Within one paper, two rows are never one measure: names are assigned to indicators one
to one, best score first.  Officers merge and split what this gets wrong; a printed name
an officer has placed stays where it was placed (exact names are looked up first).

Pure Python: no Django import.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz

THRESHOLD = 90          # token_set_ratio for names alone
SORT_FLOOR = 60         # token_sort_ratio when each name has words of its own
VALUE_THRESHOLD = 50    # name score when a shared period has the same value
COVER_FLOOR = 0.6       # shared words / words of the longer name

# Abbreviations of English local-government performance reporting, spelt out.
ABBREVIATIONS = {
    "csc": "childrens social care",
    "cp": "child protection",
    "cpp": "child protection plan",
    "cpps": "child protection plan",
    "cic": "children in care",
    "cla": "children looked after",
    "lac": "looked after children",
    "ehcp": "ehc plan",
    "ehcps": "ehc plan",
    "ehc": "education health care",
    "sen": "special educational need",
    "send": "special educational need disability",
    "neet": "not in education employment or training",
    "eet": "education employment or training",
    "feee": "free early education entitlement",
    "icpc": "initial child protection conference",
    "icpcs": "initial child protection conference",
    "s47": "section 47",
    "uasc": "unaccompanied asylum seeking children",
    "ehm": "early help",
    "yrs": "years",
    "yr": "year",
    "mths": "months",
    "mth": "month",
    "wks": "weeks",
    "qtr": "quarter",
    "excl": "excluding",
    "incl": "including",
    "no": "number",
    "num": "number",
    "nos": "number",
    "avg": "average",
    "ave": "average",
    "yo": "year old",
}
STOPWORDS = {"the", "a", "an", "of", "in", "to", "for", "with", "by", "at", "on", "who",
             "which", "that", "their", "whose", "is", "are", "were", "was", "been", "be",
             "and", "or", "from", "as", "per", "cent", "percent", "percentage", "proportion",
             "rate", "pct", "had", "have", "has"}
_UNIT_WORDS = re.compile(r"\((?:%|per ?cent|percentage|rate per [\d,]+(?: \w+)?|number|no\.?|"
                         r"£|£m|£k|days?|weeks?)\)", re.I)


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def _singular(w: str) -> str:
    if w.isdigit() or len(w) <= 3:
        return w
    if w == "children":
        return "child"
    if w == "people":
        return "person"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("sses"):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def tokens(name: str) -> list[str]:
    """The words a name is compared by (see the module's docstring)."""
    s = _ascii(name or "").lower()
    s = s.replace("&", " and ").replace("\u2019", "'").replace("'s", "s")
    s = _UNIT_WORDS.sub(" ", s)
    s = re.sub(r"(?<=\d),(?=\d{3})", "", s)          # 10,000
    s = re.sub(r"(\d)\s*-\s*(year|yr)", r"\1 \2", s)  # 2-year-olds
    s = re.sub(r"[%£]", " ", s)
    s = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", s)      # re-referrals -> re referrals
    words = re.findall(r"[a-z0-9]+", s)
    out: list[str] = []
    for w in words:
        full = ABBREVIATIONS.get(w)
        for x in (full.split() if full else [w]):
            x = _singular(x)
            if x in STOPWORDS or x in ("s",):
                continue
            out.append(x)
    # "re referral" and "rereferral" alike
    joined: list[str] = []
    for w in out:
        if joined and joined[-1] == "re":
            joined[-1] = "re" + w
        else:
            joined.append(w)
    return joined


def key(name: str) -> str:
    """The folded name: equal keys are the same measure."""
    return " ".join(tokens(name))


def unit_key(unit: str | None) -> str:
    u = (unit or "").strip().lower().replace(",", "")
    return re.sub(r"\s+", " ", u)


def _numbers(ts: list[str]) -> set[str]:
    return {t for t in ts if t.isdigit()}


@dataclass
class Score:
    score: float          # 0..100
    reason: str


def name_score(a: str, b: str) -> Score:
    """How alike two printed names are, 0 to 100, with the reason; 0 when they conflict."""
    ta, tb = tokens(a), tokens(b)
    ka, kb = " ".join(ta), " ".join(tb)
    if not ka or not kb:
        return Score(0, "no words")
    if ka == kb:
        return Score(100, "same name")
    na, nb = _numbers(ta), _numbers(tb)
    if na - nb and nb - na:
        return Score(0, "different numbers")
    sa, sb = set(ta), set(tb)
    s = fuzz.token_set_ratio(ka, kb)
    # one name inside a longer one ("Children in care" / "Children in care placed more
    # than 20 miles from home") is a more specific measure unless the rest is small
    cover = len(sa & sb) / max(len(sa), len(sb))
    if cover < COVER_FLOOR:
        return Score(min(s, 100 * cover + 10), f"one name adds much ({cover:.0%} shared)")
    if sa - sb and sb - sa:
        sort = fuzz.token_sort_ratio(ka, kb)
        if sort < SORT_FLOOR:
            return Score(min(s, sort + 20), f"names differ ({sort:.0f} sorted)")
        # each adds words of its own: a different subject unless the rest agrees closely
        s = min(s, (s + sort) / 2 + 5)
    return Score(s, "similar names")


@dataclass
class Candidate:
    """An indicator already known, as the matcher sees it."""
    id: int
    names: list[str]                       # every way it was printed (and its own name)
    unit: str | None
    values: dict[str, str] = field(default_factory=dict)   # period label -> value
    ref: str | None = None


@dataclass
class Incoming:
    """One measure of a paper (or an import): its printed name, unit and values."""
    name: str
    unit: str | None
    values: dict[str, str] = field(default_factory=dict)
    ref: str | None = None


def _ref(r: str | None) -> str:
    return re.sub(r"[\s/.\-]", "", (r or "").upper())


def _same_value(a: str, b: str) -> bool:
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return (a or "").strip().lower() == (b or "").strip().lower()


def match_score(inc: Incoming, cand: Candidate) -> Score:
    if unit_key(inc.unit) != unit_key(cand.unit):
        return Score(0, "different units")
    best = max((name_score(inc.name, n) for n in cand.names), key=lambda s: s.score,
               default=Score(0, "no names"))
    shared = [p for p in inc.values if p in cand.values]
    same = sum(1 for p in shared if _same_value(inc.values[p], cand.values[p]))
    differ = len(shared) - same
    if best.score >= 100:
        return best
    ra, rb = _ref(inc.ref), _ref(cand.ref)
    if ra and rb and ra != rb:
        best = Score(best.score - 20, best.reason + f"; references differ ({inc.ref}, "
                                                    f"{cand.ref})")
    elif ra and ra == rb and not differ and best.score >= VALUE_THRESHOLD:
        return Score(max(best.score, THRESHOLD + 5), f"same reference {inc.ref}")
    if same and not differ and best.score >= VALUE_THRESHOLD:
        return Score(max(best.score, THRESHOLD + same), f"same value for {same} period(s)")
    if differ and not same:
        return Score(best.score - 10, best.reason + f"; a different value for {differ} period(s)")
    return best


def assign(incoming: list[Incoming], candidates: list[Candidate],
           exact: dict[str, int] | None = None) -> list[tuple[Incoming, int | None, Score]]:
    """Pair a paper's measures with known indicators, one to one, best score first.
    `exact` maps a printed name's key to the indicator that holds that printed name (an
    officer's placement wins).  Measures without a match get None."""
    exact = exact or {}
    result: dict[int, tuple[int | None, Score]] = {}
    taken: set[int] = set()
    for i, inc in enumerate(incoming):
        k = key(inc.name)
        if k in exact and exact[k] not in taken:
            cand = next((c for c in candidates if c.id == exact[k]), None)
            if cand is None or unit_key(cand.unit) == unit_key(inc.unit):
                result[i] = (exact[k], Score(100, "name already placed"))
                taken.add(exact[k])
    pairs = []
    for i, inc in enumerate(incoming):
        if i in result:
            continue
        for c in candidates:
            if c.id in taken:
                continue
            s = match_score(inc, c)
            if s.score >= THRESHOLD:
                pairs.append((s.score, i, c.id, s))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    for _, i, cid, s in pairs:
        if i in result or cid in taken:
            continue
        result[i] = (cid, s)
        taken.add(cid)
    return [(inc, *result.get(i, (None, Score(0, "new measure")))) for i, inc in
            enumerate(incoming)]
