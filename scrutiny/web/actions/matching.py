"""Text matching for the tracker, without the database: recommendations and their
addressee, the topic words of an action, item or sentence (weighted by how rare they are
in the committee's papers), and the phrases of later papers that say something was done,
refer back to a request, or report progress."""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ...extraction.text_utils import clean, sentences
from ..record.names import fold
from .due import MONTHS

# --------------------------------------------------------------------------- recommendations
_BODY = (r"(?:the\s+)?(?P<to>(?:Cabinet|Executive)(?:\s+Member(?:s)?(?:\s+(?:for|with\s+responsibility\s+for)"
         r"\s+[A-Z][\w'&,\- ]*?)?)?|Leader(?:\s+of\s+the\s+Council)?|(?:Executive\s+|City\s+|Elected\s+)?Mayor|"
         r"Portfolio\s+Holder(?:\s+for\s+[A-Z][\w'&,\- ]*?)?|"
         r"(?:NHS\s+[A-Z][\w'&\- ]*?|[A-Z][\w'&\- ]*?\s+)?(?:Integrated\s+Care\s+Board|ICB|Clinical\s+Commissioning\s+Group|CCG)|"
         r"NHS\s+[A-Z][\w'&\- ]*?|[A-Z][\w'&\- ]*?NHS\s+(?:Foundation\s+)?Trust|"
         r"[A-Z][\w'&\- ]*?Health\s+and\s+Wellbeing\s+Board|(?:Full\s+|County\s+)?Council)")
_END = r"(?=\s*(?:[,.;:]|\s+(?:that|to|on|for|at|in|and|when|setting|with|be|asking|including|about)\b|$))"
_RECOMMEND = [
    re.compile(r"\b(?i:recommends?)\s+to\s+" + _BODY + _END),
    re.compile(r"\b(?i:recommend(?:s|ed|ation)?)\s+(?:that\s+)?" + _BODY + r"\s+(?:should|be\s+asked|be\s+requested|to)\b"),
    re.compile(r"\b(?i:recommendations?)\s+(?:be\s+|are\s+|is\s+)?(?:made|submitted|sent|forwarded|referred|reported)"
               r"\s+to\s+" + _BODY + _END),
    re.compile(r"\b(?i:comments|views|findings|observations|report)\s+(?:of\s+the\s+\w+\s+)?(?:be|are)\s+"
               r"(?:submitted|sent|forwarded|referred|reported|passed)\s+to\s+" + _BODY + _END),
    re.compile(r"\b(?i:asks|requests|urges)\s+" + _BODY + r"\s+to\b"),
    re.compile(r"\b(?i:asks|requests|urges)\s+that\s+(?:[^.;]{0,80}?,\s*)?" + _BODY +
               r"\s+(?:acknowledges?|considers?|agrees?|notes?|ensures?|reviews?|provides?|writes?|"
               r"identif(?:y|ies)|commits?|adopts?|includes?|prioritises?|reconsiders?|supports?)\b"),
    re.compile(r"\b(?i:that)\s+" + _BODY + r"\s+be\s+(?:asked|requested|recommended|urged)\s+to\b"),
]


def recommendation_addressee(text: str) -> str | None:
    """'... recommends to the Cabinet that ...' -> 'Cabinet'; None if the text is not a
    recommendation to the executive or a partner body."""
    t = " ".join(text.split())
    for rx in _RECOMMEND:
        m = rx.search(t)
        if m:
            to = m.group("to").strip(" ,")
            if to.lower() in ("council",) and "recommend" not in m.group(0).lower():
                continue
            return to[:300]
    return None


# --------------------------------------------------------------------------- topic words
_STOP = set("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my no nor not now of off on once only or other our ours out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will
with would you your yours upon per via within whether however including include included includes
regarding around across along amongst among toward towards onto
committee committees members member report reports reported reporting requested request requests
requesting provide provided providing information detail details detailed number numbers update
updates updated meeting meetings next future officer officers director agreed agree would should
council councils county borough cabinet circulate circulated circulating share shared sharing
data figures figure further latest current copy chair chairman chairwoman chairperson councillor
councillors cllr head asked ask asks undertook undertake offered brought bring presented present
presentation item items agenda minutes resolved resolution noted note notes consider considered
considering considers setting set out ensure include may might must shall made make making
given give see seen receive received told ask advised advise confirmed confirm
january february march april may june july august september october november december
week weeks month months year years day days time
first second third last new one two three four five six seven eight nine ten
mr mrs ms dr miss cc
work programme added add addition working
showed shown show shows stated whereas said says explained explain welcomed thanked
""".split())
# titles of procedure, never the answer to an action
PROCEDURAL = re.compile(
    r"^(?:apolog|declarations?|disclosures?|(?:members'?\s+)?interests?\b|minutes\b|confirmation\s+of|"
    r"chair\w*'?s?\s+announcements|announcements|urgent|any\s+other|date\s+of\s+(?:the\s+)?next|"
    r"dates?\s+of\s+(?:future\s+)?meetings|question\s+time|questions?\b|public\s+(?:participation|"
    r"questions|speaking)|petitions?|presentation\s+of\s+petitions|exclusion\s+of|substitut|"
    r"membership|appointment\s+of|election\s+of|to\s+advise\s+of|matters\s+arising|actions?\s+log|"
    r"outstanding\s+actions|declarations?\s+of\s+the\s+party\s+whip)|"
    r"\bwork\s*programme\b|\bforward\s+plan\b", re.I)
_TOKEN = re.compile(r"\d+\.\d+|[a-z0-9][a-z0-9'\-]*")


SURFACE: dict[str, str] = {}      # a stem -> a word it was made from, for reasons shown


def stem(w: str) -> str:
    """Plural dropped, then cut to six letters: 'electively' and 'elective', 'educated'
    and 'education', 'assessments' and 'assessed' meet."""
    w = w.strip("'-").replace("'s", "")
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w[:6]


def topic_words(text: str) -> set[str]:
    """The words of `text` that say what it is about, stemmed (see `stem`)."""
    return set(_topic_words(text or ""))


@lru_cache(maxsize=20000)
def _topic_words(text: str) -> frozenset[str]:
    out = set()
    for w in _TOKEN.findall(fold(text or "")):
        if re.fullmatch(r"\d+\.\d+", w):          # "38.6", "5.1": a figure or paragraph
            out.add(w)
            continue
        for part in w.split("-"):
            part = part.replace("'s", "").strip("'")
            if len(part) < 2 or part in _STOP or part.isdigit():
                continue
            s = stem(part)
            if s not in _STOP and len(s) > 1:
                out.add(s)
                SURFACE.setdefault(s, part)
    return frozenset(out)


def shown(stems) -> str:
    return ", ".join(sorted(SURFACE.get(x, x) for x in stems))


class Weights:
    """Inverse document frequency over a committee's item titles and actions: 'children'
    counts for little in a children's committee, 'fostering' for a lot."""

    def __init__(self, docs: list[set[str]]) -> None:
        self.n = max(1, len(docs))
        self.df = Counter(w for d in docs for w in d)

    def __call__(self, words) -> float:
        return sum(self.w(x) for x in words)

    def w(self, word: str) -> float:
        return math.log((self.n + 1) / (self.df.get(word, 0) + 0.5)) + 0.2


# --------------------------------------------------------------------------- later papers
# a sentence saying something asked for was done
DONE = re.compile(
    r"\b(?:had|has|have)\s+(?:now\s+|since\s+|already\s+|duly\s+)?(?:been\s+)?"
    r"(?:circulated|provided|shared|sent|distributed|published|issued|emailed|supplied|"
    r"forwarded|arranged|completed|written|received|included|added|confirmed|considered|"
    r"agreed|accepted|responded|attended|held|made\s+available|placed\s+on)\b|"
    r"\b(?:was|were)\s+(?:now\s+|duly\s+)?(?:circulated|provided|shared|sent|distributed|"
    r"published|issued|emailed|supplied|forwarded|completed|received|made\s+available)\b|"
    r"\bhad\s+(?:written|replied|responded|confirmed|met|attended|visited|informed)\b|"
    r"\b(?:reply|response|answer)\s+(?:of|from|to)\b|\bincludes?,?\s+for\s+the\s+first\s+time\b|"
    r"\battended\s+(?:for\s+this\s+item|at\s+the\s+committee's\s+invitation)\b|"
    r"\bhad\s+taken\s+part\b", re.I)
# a sentence that asks or promises (a new action), not one that reports it done
ASKS = re.compile(
    r"\bit\s+was\s+(?:agreed|resolved|requested)\s+that\b|\b(?:members|the\s+committee|panel)\s+"
    r"(?:requested|asked)\s+(?:that|for)\b|\bundertook\s+to\b|\boffered\s+to\b|"
    r"\bpromised\s+to\b|\bwas\s+requested\s+(?:on|that)\b|^(?:resolved|agreed)\b", re.I)
# a sentence referring back to the request
BACKREF = re.compile(
    r"\b(?:as\s+(?:the\s+committee\s+)?(?:had\s+)?(?:requested|asked|agreed|resolved)|"
    r"(?:which|that)\s+the\s+(?:committee|panel|board|members)\s+had\s+(?:requested|asked|added)|"
    r"(?:requested|asked\s+for|sought)\s+(?:by\s+(?:the\s+)?(?:committee|panel|members)|at\s+(?:its|the|their)\s+"
    r"(?:last|previous|meeting)|in\s+" + "|".join(MONTHS) + r")|"
    r"(?:committee|panel|members)\s+(?:had\s+)?(?:asked|requested|resolved|agreed)\s+(?:in|at|on)\b|"
    r"at\s+its\s+meeting\s+on\b[^.]{0,40}\b(?:asked|requested|resolved|agreed)|"
    r"(?:had\s+been\s+)?requested\s+(?:at|by|on)\b)", re.I)
NEGATED = re.compile(
    r"\b(?:not\s+(?:yet\s+|now\s+|still\s+)?(?:been\s+)?(?:circulated|provided|received|sent|shared|"
    r"available|ready|published|arranged|completed|done|written|made|possible|forthcoming|supplied|"
    r"given|answered|replied)|still\s+(?:not|awaited|to\s+be)|awaiting|awaited|"
    r"(?:remained|remains|was\s+still|is\s+still)\s+outstanding|"
    r"would\s+be\s+(?:circulated|provided|sent|shared))\b", re.I)
# a sentence saying it is under way, not done
PROGRESS = re.compile(
    r"\b(?:had\s+been|has\s+been|was|were)\s+(?:arranged|scheduled|planned|booked|commissioned)\s+"
    r"(?:for|to)\b|\bbeing\s+(?:checked|prepared|finalised|collated|drafted|updated)\b|"
    r"\bremained?\s+scheduled\b|\b(?:deferred|postponed)\s+(?:to|until)\b|"
    r"\b(?:would|will)\s+be\s+(?:considered|reported|circulated|provided|brought|sent|shared)\b|"
    r"\bhad\s+sent\s+a\s+reminder\b", re.I)
# "The data had still not been received." after a sentence about the same request
ANAPHOR = re.compile(r"^(?:the\s+(?:data|information|figures|report|letter|reply|response|"
                      r"briefing|note|map|breakdown)|it|this|they|these)\b", re.I)
_DATE_IN = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>" + "|".join(MONTHS) +
                      r")(?:,?\s+(?P<year>20\d\d))?\b")


@dataclass
class Candidate:
    kind: str
    meeting: object                     # record.Meeting
    words: set[str]
    title_words: set[str] = field(default_factory=set)
    item: object | None = None          # record.AgendaItem
    document_id: int | None = None
    line: int | None = None
    end_line: int | None = None
    excerpt: str = ""
    backref: bool = False
    done: bool = False
    dates: list[dt.date] = field(default_factory=list)
    text: str = ""


def dates_in(text: str, around: dt.date) -> list[dt.date]:
    out = []
    for m in _DATE_IN.finditer(text):
        month = MONTHS.index(m.group("month")) + 1
        years = [int(m.group("year"))] if m.group("year") else [around.year, around.year - 1]
        for y in years:
            try:
                d = dt.date(y, month, int(m.group("day")))
            except ValueError:
                continue
            if d <= around:
                out.append(d)
                break
    return out


ANAPHORIC_ACTION = re.compile(r"\b(?:the|this|that|these)\s+(?:information|letter|data|figures?|report|"
                               r"note|briefing|request|details|response|correction)\b(?!\s+(?:on|of|about|"
                               r"setting|explaining|showing|for))|\b(?:provide|circulate|send|share)\s+(?:it|this|them)\b",
                               re.I)
CONTACT = re.compile(r"\b(?:write|contact|invite|meet|visit|attend|raise|ask)\b", re.I)
CONTACTED = re.compile(r"\bhad\s+(?:written|contacted|met|visited|attended|invited|raised|asked)\b", re.I)
ITEM_REF = re.compile(r"\bItem\s+(\d{1,3}[a-z]?)\b")


def paragraphs(lines: list[str], first: int, last: int):
    """Each paragraph (a run of non-blank lines, or a list entry) of lines first..last, as
    a list of (sentence, first line, last line)."""
    para: list[tuple[int, str]] = []

    def split(para):
        text, starts = "", []
        for no, ln in para:
            starts.append((len(text), no))
            text += clean(ln) + " "
        out = []
        for off, sent in sentences(text):
            a = max(no for o, no in starts if o <= off)
            end = off + len(sent)
            b = max(no for o, no in starts if o < end)
            out.append((sent, a, b))
        return out

    for no in range(max(1, first), min(last, len(lines)) + 1):
        ln = lines[no - 1]
        if not ln.strip() or re.match(r"\s*(?:[-\u2022*]|\(?[a-z]\)|\(?\d{1,2}\))\s", ln):
            if para:
                yield split(para)
            para = [] if not ln.strip() else [(no, ln)]
            continue
        para.append((no, ln))
    if para:
        yield split(para)
