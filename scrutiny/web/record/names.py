"""People's names as council papers print them, and whether two of them are one person.

Pure functions (no Django), so the rules can be unit-tested on their own:

    >>> parse_name("Mrs. H. J. Fryer CC").display
    'H. J. Fryer'
    >>> compare(parse_name("Mrs. H. Fryer CC"), parse_name("H. J. Fryer")).certain
    True

The rules, in order:

* honorifics ("Councillor", "Cllr", "Mrs", "Dr", "County Councillor" ...), post-nominals
  ("CC", "OBE", "JP" ...) and a role in brackets ("(Chair)") are not part of a name;
* the last word is the surname; the words before it are given names or initials;
* same surname and compatible given names ("H. J." ~ "H.", "S J" ~ "Steve"), or the
  surname alone ("Councillor Madsen"), is the same person when only one person in the
  council fits;
* the same full first name and a surname spelt slightly differently ("Marian Humphreys"
  / "Marian Humphries") is the same person;
* anything weaker (nicknames like "Dave" / "David", initials with a misspelt surname) is
  only a *proposal*, for an officer to confirm or reject.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

# Letters from other alphabets that PDF conversions put in place of Latin ones.
_LOOKALIKE = str.maketrans({
    "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y",
    "\u0445": "x", "\u0456": "i", "\u0458": "j", "\u0455": "s", "\u04bb": "h", "\u0501": "d",
    "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041a": "K", "\u041c": "M", "\u041d": "H",
    "\u041e": "O", "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u0425": "X", "\u0406": "I",
    "\u03bf": "o", "\u039f": "O", "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0397": "H",
    "\u0399": "I", "\u039a": "K", "\u039c": "M", "\u039d": "N", "\u03a1": "P", "\u03a4": "T",
    "\u2019": "'", "\u2018": "'", "\u00b4": "'", "`": "'", "\u2010": "-", "\u2011": "-",
    "\u2013": "-", "\u00a0": " ",
})

_HONORIFIC_WORDS = {
    "councillor", "councillors", "cllr", "cllrs", "clr", "mr", "mrs", "ms", "miss", "mx", "dr",
    "prof", "professor", "sir", "dame", "lord", "lady", "rev", "revd", "reverend", "canon",
    "father", "hon", "honourable", "rt", "right", "the", "county", "borough", "district",
    "parish", "town", "city", "alderman", "baroness", "baron",
}
# Only dropped when they follow a name (a leading "County" is part of "County Councillor").
_POSTNOMINALS = {
    "cc", "mp", "mep", "ms", "mbe", "obe", "cbe", "kbe", "dbe", "jp", "dl", "qc", "kc", "phd",
    "bsc", "ba", "ma", "msc", "mba", "frcp", "frcs", "frsa", "fca", "aca", "ceng", "rn", "gc",
}
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SPLIT = re.compile(r"[\s,]+")

NICKNAMES = {
    "steve": "stephen", "steven": "stephen", "dave": "david", "mike": "michael",
    "mick": "michael", "chris": "christopher", "pete": "peter", "rob": "robert",
    "bob": "robert", "bobby": "robert", "jim": "james", "jimmy": "james", "tom": "thomas",
    "tony": "anthony", "andy": "andrew", "drew": "andrew", "liz": "elizabeth",
    "beth": "elizabeth", "lizzie": "elizabeth", "sam": "samuel", "kate": "katherine",
    "katie": "katherine", "cathy": "catherine", "matt": "matthew", "dan": "daniel",
    "danny": "daniel", "nick": "nicholas", "jon": "jonathan", "ben": "benjamin",
    "bill": "william", "will": "william", "phil": "philip", "tim": "timothy", "sue": "susan",
    "jenny": "jennifer", "jen": "jennifer", "pat": "patricia", "alex": "alexander",
    "ed": "edward", "ted": "edward", "eddie": "edward", "fred": "frederick",
    "ken": "kenneth", "les": "leslie", "ron": "ronald", "greg": "gregory", "jeff": "jeffrey",
    "joe": "joseph", "nat": "natalie", "val": "valerie", "bev": "beverley",
    "gill": "gillian", "jill": "gillian", "maggie": "margaret", "meg": "margaret",
    "pam": "pamela", "charlie": "charles", "chas": "charles", "jo": "joanne", "di": "diana",
    "viv": "vivienne", "ros": "rosalind", "rosie": "rosemary", "terry": "terence",
    "gerry": "gerald", "jerry": "gerald", "tina": "christina", "trish": "patricia",
    "debbie": "deborah", "deb": "deborah", "mandy": "amanda", "becky": "rebecca",
    "sandy": "sandra", "nicky": "nicola", "vicky": "victoria", "harry": "henry",
    "jack": "john", "johnny": "john", "dick": "richard", "rick": "richard",
    "rich": "richard", "stu": "stuart", "ray": "raymond", "frank": "francis",
    "pippa": "philippa", "phil": "philip", "toby": "tobias", "connie": "constance",
    "gaz": "gareth", "des": "desmond", "ros": "rosalind", "lesley": "leslie",
}


def fold(s: str) -> str:
    """Lower-case ASCII: accents and look-alike letters folded, so 'Zoë' == 'zoe'."""
    s = s.translate(_LOOKALIKE)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class Name:
    """A name taken apart: given names (full words or single-letter initials) and surname."""

    display: str                 # the name as printed, honorifics and post-nominals dropped
    given: tuple[str, ...]       # folded: ("marian",) or ("h", "j")
    surname: str                 # folded, hyphens kept: "simpson-vince"

    @property
    def key(self) -> str:
        """Folded form used to find exact repeats of a name."""
        return " ".join((*self.given, self.surname)).strip()

    @property
    def has_full_first_name(self) -> bool:
        return bool(self.given) and len(self.given[0]) > 1

    @property
    def fullness(self) -> tuple[int, int]:
        """How much a name says: full given names beat initials; used to pick the name a
        person's page shows."""
        return (sum(len(g) > 1 for g in self.given), len(self.given))


def parse_name(raw: str) -> Name:
    """'Mrs. H. J. Fryer CC (Chairman)' -> Name('H. J. Fryer', ('h', 'j'), 'fryer')."""
    text = _BRACKETS.sub(" ", raw.translate(_LOOKALIKE))
    # "M. Delahay - Head of Performance", "Liz Altay, Interim Director": the post goes
    text = re.split(r"\s[-\u2013\u2014]\s|,|;", text)[0]
    text = text.replace("*", " ").replace("_", " ")
    # "H.J.Fryer" -> "H. J. Fryer"
    text = re.sub(r"\b([A-Za-z])\.(?=[A-Za-z])", r"\1. ", text)
    words = [w for w in _SPLIT.split(text.strip()) if w.strip(".-'")]
    # honorifics in front
    while len(words) > 1 and fold(words[0]).strip(".") in _HONORIFIC_WORDS:
        words.pop(0)
    # post-nominals behind
    while len(words) > 1 and fold(words[-1]).strip(".") in _POSTNOMINALS:
        words.pop()
    if not words:
        return Name(raw.strip(), (), fold(raw.strip()))
    display = " ".join(words)
    given: list[str] = []
    shouting = display.isupper()          # "JO BARKER": capitals are not initials
    for w in words[:-1]:
        bare = w.strip(".")
        if not shouting and re.fullmatch(r"[A-Z]{2,3}", bare):
            given.extend(fold(c) for c in bare)          # "HJ Fryer"
        else:
            given.extend(fold(p) for p in bare.split(".") if p)
    surname = fold(words[-1].strip(".,"))
    return Name(display, tuple(g for g in given if g), surname)


@dataclass(frozen=True)
class Match:
    score: float        # 0-100
    certain: bool       # safe to treat as the same person without asking
    reason: str


NO_MATCH = Match(0.0, False, "")


def _first_names_agree(a: str, b: str) -> str:
    """'same' | 'initial' | 'nickname' | 'similar' | 'different'."""
    if a == b:
        return "same"
    if len(a) == 1 or len(b) == 1:
        return "initial" if a[0] == b[0] else "different"
    na, nb = NICKNAMES.get(a, a), NICKNAMES.get(b, b)
    if na == nb:
        return "nickname"
    if a[0] == b[0] and (a.startswith(b) or b.startswith(a)):
        return "nickname"              # "Jon" / "Jonathan"
    if a[0] == b[0] and fuzz.ratio(a, b) >= 80:
        return "similar"               # "Marian" / "Marion"
    return "different"


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> str:
    """Compare given names word by word: the weakest agreement wins."""
    if not a or not b:
        return "surname-only"
    order = ["same", "initial", "nickname", "similar", "different"]
    worst = "same"
    for x, y in zip(a, b):
        r = _first_names_agree(x, y)
        if order.index(r) > order.index(worst):
            worst = r
    # "David John Smith" vs "David Smith": extra middle names are fine.
    return worst


def surname_similarity(a: str, b: str) -> float:
    if a == b:
        return 100.0
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return 0.0
    return fuzz.ratio(a, b)


def _compound(a: Name, b: Name) -> Name:
    """'Martin Dunmore Price' read against 'Martin Dunmore-Price': the hyphen dropped."""
    if a.surname != b.surname and a.given and "-" in b.surname \
            and f"{a.given[-1]}-{a.surname}" == b.surname:
        return Name(a.display, a.given[:-1], b.surname)
    return a


def compare(a: Name, b: Name) -> Match:
    """Are `a` and `b` the same person?  (Within one council: the caller scopes.)"""
    if not a.surname or not b.surname:
        return NO_MATCH
    a, b = _compound(a, b), _compound(b, a)
    if a.key == b.key:
        return Match(100.0, True, "same name")
    sur = surname_similarity(a.surname, b.surname)
    if sur < 85:
        return NO_MATCH
    given = _given_compatible(a.given, b.given)
    if given == "different":
        return NO_MATCH
    if sur == 100:
        if given == "same":
            return Match(98.0, True, "same name, different middle names or initials")
        if given == "initial":
            return Match(95.0, True, "same surname, matching initials")
        if given == "surname-only":
            # "Councillor Madsen": the one Madsen the council has (PeopleIndex asks an
            # officer when there are two)
            return Match(75.0, True, "surname only")
        if given == "nickname":
            return Match(80.0, False, "same surname, first name may be a short form")
        return Match(70.0, False, "same surname, similar first name")
    # surname spelt differently
    if given == "same" and a.has_full_first_name and b.has_full_first_name:
        return Match(90.0, True, "same first name, surname spelt differently")
    if given in ("same", "initial", "nickname"):
        return Match(70.0, False, "surname spelt differently, first names only partly known")
    if given == "surname-only":
        return Match(60.0, False, "surname only, spelt differently")
    return NO_MATCH


def normalise_role(role: str | None) -> str:
    """'Chairman' -> 'Chairman', 'vice chair' -> 'Vice-Chair', None -> '' (member)."""
    if not role:
        return ""
    r = " ".join(role.replace("\u2013", "-").split()).strip(" ()")
    low = r.lower()
    if low in ("member", "members", "committee member"):
        return ""
    m = re.fullmatch(r"vice[\s-]*(chair(?:man|woman|person)?)", low)
    if m:
        return "Vice-" + m.group(1).capitalize()
    if low in ("chair", "chairman", "chairwoman", "chairperson"):
        return low.capitalize()
    return r[:1].upper() + r[1:]


def normalise_committee(name: str) -> str:
    """A committee's name for matching: '&' is 'and', 'O&S' is 'overview and scrutiny'."""
    s = fold(name)
    s = re.sub(r"\bo\s*&\s*s\b", "overview and scrutiny", s)
    s = s.replace("&", " and ")
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(s.split())
