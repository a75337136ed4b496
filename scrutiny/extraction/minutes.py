"""What minutes record: declarations, resolutions and actions (attendance: attendance.py).

Everything is recognised from the standard phrasing of UK committee minutes ("declared an
interest", "RESOLVED", "It was agreed that", "requested", "would circulate") and from the
shape of the minutes (items, "Minutes:" and "Decision:" blocks, lettered clauses, lists
under "Actions:"), never from a council's name or layout switch.
"""
from __future__ import annotations

import re

from ..reading import Span
from .attendance import (_H_PARENT, _H_PRESENT, _WHO, _WITNESSES, _attendance_block, _attendance_sections,
                         _sentence_attendance, _witnesses)
from .people import _HON_RX, clean_name, looks_like_name, split_people
from .records import Action, Declaration, Item, Meeting, Resolution
from .text_utils import clean, sentences, similarity

# ---------------------------------------------------------------- declarations
_NO_DECL = re.compile(r"^(?:none\.?|nil\.?|there\s+were\s+(?:none|no\b.*)|no\s+(?:declarations|interests)\b.*)$", re.I)
_DECLARED = re.compile(
    rf"(?P<who>{_WHO})\s+(?:each\s+|both\s+|also\s+)?"
    r"(?:declared|disclosed|registered|made\s+a\s+declaration\s+of)\s+(?:an?\s+)?(?P<kind>(?:[\w\-]+\s+){0,4}?)interests?\b"
    r"(?P<rest>[^.]*)")
_DECLARED_MANY = re.compile(
    r"\b(?:Councillors|Cllrs)\s+(?P<who>[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*)?(?:(?:,\s*|\s+and\s+)[A-Z][\w.'\-]*"
    r"(?:\s+[A-Z][\w.'\-]*)?)+)\s+(?:each\s+|both\s+)?(?:declared|disclosed)\b")
_DECL_ITEM = re.compile(r"\b(?:agenda\s+)?(?:item|minute)\s+(?:no\.?\s*|number\s+)?((?-i:[A-Z]{2,6}) \d{1,4}|"
                        r"[\w/().]*\d[\w/()]*?)(?=[\s,.;)]|$)", re.I)
_DECL_TITLE = re.compile(r"declaration|disclosure|interests?\b", re.I)
# in the declarations item: "Councillor X asked it be noted that she was a member of ...",
# "Councillor A. Smith - Item 16 - personal interest as a school governor."
_DECL_PERSON = re.compile(
    r"^(?P<who>(?:County\s+)?(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3})"
    r"(?P<rest>.*)$")
_DECL_WORDS = re.compile(r"interest|declared|members? of|governor|trustee|employ|director of|shareholder|owner|carer|"
                         r"partner|relative|spouse|husband|wife|son|daughter|lives|resident|volunteer|\blets\b|landlord|"
                         r"tenant|take\s+no\s+part|family|payment|works?\s+(?:for|at)", re.I)
_NO_INTEREST = re.compile(r"\bno(?:thing)?\s+(?:interests?|to\s+declare)\b|\bdid\s+not\s+have\s+an?\s+interest", re.I)


def _declaration_sentence(sent: str) -> Declaration | None:
    lead = re.match(r"^(?:in\s+relation\s+to|with\s+(?:regard|respect)\s+to|regarding|on)\s+(?:agenda\s+)?"
                    r"(?:item|minute)\s+(?P<item>[\w/.]*\d[\w/]*),\s*", sent.strip(), re.I)
    if lead:
        # "In relation to item C15, Councillor Ahmed Latif said that his son ..."
        d = _declaration_sentence(sent.strip()[lead.end():])
        if d:
            d.item = d.item or lead["item"]
        return d
    sent = re.sub(r"^(?:for\s+(?:openness|transparency|the\s+record|the\s+avoidance\s+of\s+doubt|completeness)|"
                  r"in\s+the\s+interests?\s+of\s+(?:openness|transparency)),\s*", "", sent.strip(), flags=re.I)
    m = _DECL_PERSON.match(sent)
    if not m or not _DECL_WORDS.search(m["rest"]) or _NO_INTEREST.search(m["rest"]):
        return None
    who = clean_name(m["who"])
    if not looks_like_name(who, True):
        return None
    im = _DECL_ITEM.search(m["rest"])
    interest = re.sub(r"^\s*[-\u2013,:]\s*(?:(?:agenda\s+)?item\s+[\w/()]+\s*[-\u2013,:]\s*)?", "", m["rest"],
                      flags=re.I).strip(" .")
    return Declaration(who, im.group(1) if im else None, interest or None)

_ROLE_SUBJECT = re.compile(r"^(?:the\s+)?(?P<role>(?:vice[- ]?)?chair(?:man|woman|person)?)\s+(?P<rest>(?:declared|said|"
                           r"informed|advised|reminded|mentioned|reported|indicated)\b.*)$", re.I)
_PLURAL_SUBJECT = re.compile(r"^(?P<who>(?:Councillors|Cllrs)\s+[A-Z][^.]{2,120}?\s+and\s+[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*)?)"
                             r"\s+(?P<rest>(?:both\s+|each\s+)?(?:declared|said|informed|advised|reminded|mentioned|"
                             r"reported|indicated)\b.*)$")


def _declarations_by(sent: str, meeting: Meeting) -> list[Declaration]:
    """Declarations in a sentence of the declarations item: a named member, a member named
    by their role in the chair ("The Vice-Chair declared ..."), a co-opted member listed as
    present without an honorific, or several councillors together."""
    d = _declaration_sentence(sent)
    if d:
        return [d]
    sent = sent.strip()
    present = meeting.attendance.present
    if m := _ROLE_SUBJECT.match(sent):
        role = re.sub(r"[\s-]", "", m["role"].lower()).replace("man", "").replace("woman", "").replace("person", "")
        holder = next((p for p in present if p.description and
                       re.sub(r"[\s-]", "", p.description.lower()).replace("man", "").replace("woman", "")
                       .replace("person", "") == role), None)
        if holder and (d := _declaration_sentence(f"Councillor {holder.name} {m['rest']}")):
            d.member = holder.name
            return [d]
    if m := _PLURAL_SUBJECT.match(sent):
        out = []
        for p in split_people(m["who"]):
            if d := _declaration_sentence(f"Councillor {p.name} {m['rest']}"):
                d.member = p.name
                out.append(d)
        return out
    for p in present:
        if sent.startswith(p.name + " ") and (d := _declaration_sentence(f"Mr {sent}")):
            d.member = p.name              # "Joy Okafor reminded the Committee that she is a governor ..."
            return [d]
    return []


def _declaration_row(text: str) -> Declaration | None | bool:
    """A row of a declarations table ("Sian Cadwaladr   5   Personal - Governor of ...");
    None for its header row; False when the text is not a table row."""
    cells = [c.strip() for c in re.split(r"\t+|\s{2,}", text.strip()) if c.strip()]
    if len(cells) < 2:
        return False
    if len(cells) >= 3 and re.search(r"nature|interest|reason", cells[-1], re.I) and \
            not any(ch.isdigit() for ch in cells[1]):
        return None
    had = bool(_HON_RX.match(cells[0]))
    name = clean_name(cells[0])
    if not looks_like_name(name, had) or len(cells[0].split()) > 5:
        return False
    num = re.match(r"^(?:item\s+|minute\s+)?([\w/()]*\d[\w/().]*)(?:\s*[-\u2013:]\s+\S.*)?$", cells[1], re.I) \
        if len(cells) >= 3 else None
    item = num.group(1) if num else None
    rest = cells[2:] if item else cells[1:]
    return Declaration(name, re.sub(r"^(?:item|minute)\s+", "", item, flags=re.I) if item else None,
                       " ".join(rest).strip(" -\u2013") or None)


# ---------------------------------------------------------------- resolutions
_RESOLVED = re.compile(
    r"^(?:it\s+was\s+)?(?:(?:unanimously|further)\s+)?(?P<mark>RESOLVED|Resolved|AGREED|Agreed|DECIDED|Decided|DECISION|"
    r"Decision|RECOMMENDED|Recommended|RECOMMENDATIONS?(?=\s*:?\s*$)|Recommendations?(?=\s*:?\s*$)|RECOMMENDATION|CONCLUDED|Outcome)\b(?:\s*(?:\(.*?\))?\s*[:\-\u2013.,]\s*(?:that\s*:\s*)?|\s+(?=that\b)|\s*$|"
    r"\s+to\s*:\s*|"
    r"(?:(?<=RESOLVED)|(?<=DECIDED)|(?<=AGREED))\s+(?=to\s+[a-z]+\b))",
    re.I)
_CLAUSE = re.compile(r"^(?:\(?[a-z]\)|\(?[ivx]{1,4}\)|\(?\d{1,2}[.)]|\d{1,2}\s)\s*")
_APPROVAL = re.compile(
    r"\bminutes\b.*?\b(?:were|was|be|are|been)\s+(?:\w+\s+){0,3}?(?:agreed|approved|confirmed|signed|accepted|"
    r"taken\s+as\s+read|adopted)\b|"
    r"\b(?:agreed|approved|confirmed|accepted)\s+(?:that\s+)?the\s+minutes\b.*?\b(?:correct|accurate|true)\s+record\b", re.I)
_NOTED = re.compile(
    r"^(?:the\s+)?(?:[\w\-]+\s+){0,3}?(?:committee|panel|board|commission|sub-committee|forum)\s+(?:\w+\s+)?(?:noted|agreed|endorsed|"
    r"approved|resolved|supported|accepted)\b(?!\s+that)|"
    r"\bit\s+was\s+agreed\s+that\b[^.]*\bbe\s+(?:approved|noted|endorsed|adopted|accepted|agreed)\b|"
    r"^(?:members|the\s+(?:committee|panel|board|sub-committee|commission))\s+(?:unanimously\s+)?agreed\s+(?:to\s+"
    r"(?:endorse|note|support|approve|recommend)\b|(?:the|its)\s+(?:forward\s+)?work\s*programme\b)|"
    r"\b(?:the\s+)?(?:report|update|presentation|work\s*programme|information|contents?|recommendations?)\s+"
    r"(?:was|were|is|be|being)\s+(?:duly\s+)?(?:noted|endorsed|agreed|approved|accepted)\b", re.I)

# ---------------------------------------------------------------- actions
_V = (r"provide|circulate|share|report\s+back|report|write|send|come\s+back|get\s+back|look\s+into|"
      r"confirm|publish|clarify|check|explore|obtain|prepare|raise|seek|chase|email|"
      r"respond|update|invite|arrange|include|forward|follow\s+up|investigate|liaise|bring|supply|"
      r"feed\s+back|pass\s+on|add|distribute|issue|organise|organize|set\s+up|produce|finali[sz]e|submit|draft|"
      r"pick\s+(?:this|it|that|these)\s+up|take\s+(?:this|it|that)\s+(?:up|forward)|find\s+out|advise")
_REQUEST = re.compile(
    r"(?<!\bhad\s)(?<!\bhave\s)(?<!\bonce\s)(?<!\bwhen\s)(?<!\bif\s)(?<!\bwhere\s)(?<!\bas\s)"
    r"\b(?:requested|requests\s+that|^requests?\s+(?:that|the|a|an|further|additional|officers?)\b|called\s+for|asked\s+that|asked\s+(?:for\s+)?(?:[\w']+\s+){1,8}?"
    r"to\s+be\s+\w+(?:ed|en)\b|asked\s+(?:the\s+)?(?:officers?|director|chair\w*|cabinet\s+member|council)\s+to\b|"
    r"asked\s+the\s+(?:[\w&'\-]+\s+){0,5}?(?:officer|manager|director|lead|head|clerk|icb|trust|board|service)s?\s+"
    r"to\s+(?!(?:explain|comment|outline|describe|elaborate|introduce|present|summarise|respond|answer|"
    r"expand|speak|give)\b)\w+|"
    r"sought\s+(?:further|more|additional)\b|"
    r"asked\s+for\s+(?:an?\s+|the\s+)?(?:further\s+|more\s+|additional\s+|detailed\s+|written\s+|regular\s+|next\s+)*"
    r"(?:report|update|briefing|breakdown|figures|data|paper|note)\b|"
    r"recommends?\s+to\s+(?:the\s+)?(?:[\w&'\-]+\s+){0,8}?(?:cabinet|executive|council|mayor|leader|cabinet\s+member|"
    r"portfolio\s+holder|board|icb|trust|government|minister|secretary\s+of\s+state)\b|"
    r"\binvited\s+(?:the\s+)?(?:[\w\-]+\s+){1,5}?to\s+(?:come\s+back|return|report\s+back|attend\s+a\s+future|bring)\b|"
    r"\b(?:committee|panel|board|commission)\s+recommends?\s+that\b|"
    r"\basks?\s+that\b|\bbe\s+recommended\s+to\b|\basked\s+to\s+be\s+kept\s+(?:informed|updated|up\s+to\s+date)\b|"
    r"\bwould\s+(?:also\s+)?welcome\s+sight\s+of\b|"
    r"\bsubject\s+to\s+(?:the\s+)?[\w\s'\-]{3,80}?\s+being\s+invited\b|"
    r"^(?:to\s+)?ask\s+(?:the\s+)?(?:[\w&'\-]+\s+){1,8}?to\s+\w+|"
    r"\b(?:committee|panel|board|sub-committee|commission)\s+(?:to\s+)?receives?\s+(?:a|an)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:report|update|briefing)\b|"
    r"\b(?:members|the\s+(?:committee|panel|board|commission|sub-committee|(?:vice[- ])?chair\w*))\s+(?:would\s+like|"
    r"were\s+keen|was\s+keen|wished)\s+to\s+(?:see|receive|have)\b|"
    r"\bwanted\s+(?:the\s+)?(?:next|future|a|an|further)\s+(?:[\w\-]+\s+){0,3}?(?:reports?|updates?|briefings?)\s+to\s+"
    r"(?:show|include|set\s+out|cover)\b|\basked\s+to\s+(?:see|receive|have\s+sight\s+of)\b|"
    r"(?:cabinet|executive|council|mayor|leader|cabinet\s+member|portfolio\s+holder)\s+be\s+recommended\s+to\b|"
    r"(?<!\bwould\s)(?<!\bwill\s)(?<!\bto\s)(?<!\bcould\s)(?<!\bshould\s)"
    r"\bbe\s+(?:\w+\s+and\s+)?(?:submitted|referred|forwarded|reported)\s+to\s+(?:the\s+)?(?:cabinet|executive|council|"
    r"mayor|leader)\b|\bbe\s+(?:asked|requested)\s+to\s+\w+|"
    r"(?:cabinet|executive|mayor|leader|cabinet\s+member|portfolio\s+holder)\s+be\s+(?:advised|informed|notified)\s+"
    r"(?:that|of)\b|\basks?\s+(?:the\s+)?(?:cabinet|executive|mayor|leader|cabinet\s+member|portfolio\s+holder)\s+to\b|"
    r"^recommends?\s+that\s+(?:the\s+)?(?:cabinet|executive|council|mayor|leader|portfolio\s+holder|director|"
    r"officers?|government|secretary\s+of\s+state|nhs|icb|integrated\s+care)\b|"
    r"recommendations?\s+be\s+(?:made|submitted|sent|forwarded|referred)\s+to\b|"
    r"(?:comments|views|findings)\b[^.;]{0,200}?\bbe\s+(?:submitted|sent|forwarded|referred|reported)\s+to\b|"
    r"\brequests?\s+(?:an?\s+)?(?:further|additional|more\s+detailed)\s+(?:update|report|briefing|information)\b|"
    r"(?:^|\band\s+)to\s+write\s+to\s+(?:the\s+)?(?-i:[A-Z])|"
    r"(?:subject\s+to|with)\s+the\s+addition\s+of\s+(?:an?\s+)?(?:report|item|update|session|briefing|review)\b)", re.I)
# who commits: a person, a post, officers, or a pronoun standing for them
_SUBJ = (r"(?:\b(?:he|she|they|we|officers?|(?:the\s+)?(?:chair\w*|director|cabinet\s+member|portfolio\s+holder|"
         r"head|manager|lead|officer|department|service|team|clerk|democratic\s+services)\b(?:\s+(?:of|for|with)"
         r"(?:\s+[\w'&]+){1,6}?)?)|(?-i:\b[A-Z][a-z]+(?:\s+[A-Z][\w'\-]+){1,2}))")
_COMMIT = re.compile(
    rf"{_SUBJ}\s+(?:(?:also|then|now|still|later)\s+)?(?:would|will|shall)\s+(?:\w+\s+){{0,4}}?(?:{_V})\b|"
    rf"{_SUBJ}(?:\s+\w+)?\s+(?:agreed|offered|undertook|promised|hoped|committed)\s+to\s+"
    rf"(?:\w+\s+){{0,2}}?(?:{_V}|review|discuss|meet)\b|"
    rf"\band\s+(?:agreed|offered|undertook|promised)\s+to\s+(?:\w+\s+){{0,2}}?(?:{_V}|review|discuss|meet)\b|"
    rf"(?-i:\b[A-Z]{{2,3}})\s+(?:agreed|offered|undertook|promised)\s+to\s+(?:{_V})\b|"
    r"\b(?:agreed|offered|undertook|promised)\s+to\s+let\s+(?:him|her|them|members|the\s+\w+|councillor\s+\w+)\s+"
    r"(?:know|have)\b|"
    r"\band\s+would\s+(?:\w+\s+){0,2}?(?:provide|circulate|share|send|forward|supply|write|e-?mail|confirm)\b|"
    rf"\b(?:was|were|be)\s+asked\s+to\s+(?:\w+\s+){{0,2}}?(?:{_V}|review)\b|"
    rf"\b(?:undertook|promised|pledged)\s+to\b|"
    r"\bpromised\s+(?:a|an|to\s+send\s+a)\s+(?:written\s+)?(?:note|briefing|response|reply|update|report)\b|"
    r"\bto\s+ask\s+(?:the\s+)?(?:[\w&'\-]+\s+){1,8}?to\s+(?:report|provide|circulate|consider|review|bring|write)\b|"
    rf"\baim\s+to\s+(?:{_V})\b", re.I)
_PASSIVE = re.compile(
    r"(?<!\bnot\s)\bbe\s+(?:provided|circulated|shared|sent|passed\s+on|made\s+available|forwarded|included|conveyed|"
    r"referred\s+back|"
    r"added\s+to\s+the\s+(?:\w+\s+){0,2}?(?:work\s*programme|forward\s+plan|agenda)|invited(?:\s+back)?|"
    r"distributed|considered\s+at\s+(?:the|a|its)\s+(?:next|future|following)|scheduled|arranged|"
    r"reported\s+back|written)\b|"
    r"\b(?:would|will|should)\s+(?:come|return)\s+(?:back\s+)?to\s+(?:the|this|a|its)\s+(?:\w+\s+)?"
    r"(?:committee|panel|board|commission|meeting)\b|"
    r"\bbe\s+(?:presented|submitted|brought(?:\s+back|\s+forward)?|reported)\b(?:\s+[\w']+){0,6}?\s+"
    r"(?:to\s+(?:the|this|a|its)\s+(?:\w+\s+)?(?:committee|panel|board|members|scrutiny|commission|meeting)|"
    r"at\s+(?:the|a|its)\s+(?:next|future|following|\w+\s+meeting)|in\s+due\s+course|in\s+\w+\s+months)", re.I)
_AGREED_THAT = re.compile(r"\b(?:it\s+was|members|the\s+(?:committee|panel|board|chair\w*))\s+(?:also\s+)?agreed\s+that\b"
                          r"[^.]*\b(?:would|will|should|be)\b(?!\s+(?:approved|noted|endorsed|adopted|accepted|agreed|"
                          r"confirmed)\b)", re.I)
_DUE_COMMIT = re.compile(r"\b(?:would|will)\b[^.]{0,160}\bin\s+due\s+course\b|"
                         r"\bupdate\s+(?:the\s+)?(?:committee|panel|board|members)\b", re.I)
_NOT_ACTION = re.compile(
    r"(?<!\bbe\s)\b(?:confirmed|advised|reported|responded|circulated|provided|shared|explained)\s+(?:after|following|since)\s+the\s+meeting\b|"
    r"^[\"'\u201c\u2018]|^(?:question|supplementary\s+question)\b|"
    r"\b(?:as\s+soon\s+as|once|when|whenever|until|if)\b[^,;]{0,60}\b(?:was|were|is|are)\s+requested\b|"
    r"\blater\s+(?:responded|confirmed|advised|reported)\b|"
    r"\bhad\s+(?:already\s+)?(?:been\s+)?(?:requested|circulated|provided|shared|sent|asked)\b|"
    r"\bpress\s+and\s+(?:the\s+)?public\b|"
    r"\b(?:confirmed|explained|advised|said|stated|assured\s+\w+)\s+that\b[^.]{0,120}?\bwould\s+(?:continue\s+to\s+)?"
    r"be\s+(?:provided|available|offered|made\s+available)\s+(?!to\s+(?:the\s+)?(?:committee|members|panel|board|"
    r"councillors?)\b)|"
    r"\b(?:would|will)\s+be\s+(?:useful|helpful|beneficial|good|important|necessary|interesting|of\s+interest|"
    r"a\s+focus|key|welcome|an?\s+(?:good|useful|helpful|sensible|excellent|ideal|suitable)\b)\b|"
    r"\b(?:information|data|figures|details|report|briefing|update|analysis)\b[^.]{0,80}?(?<!\bwas\s)(?<!\bwere\s)"
    r"(?<!\bbe\s)(?<!\bbeen\s)\brequested\s+(?:at|by|from|in|during)\s+(?:the|a|an|its)\b", re.I)
# the words of a post's title after "of"/"for": capitalised words and their joining words
_TITLE_WORDS = r"[A-Z][\w'&\-]*(?:,?\s+(?:(?:and|&|of|for|the|with|in)\s+)*[A-Z][\w'&\-]*)*?"
# "ACTION: Head of Finance to circulate the figures." - an action point the minutes label
_ACTION_LABEL = re.compile(r"^(?:agreed\s+)?actions?(?:\s+point)?\s*(?:\(\w+\)\s*)?[:\-\u2013]\s*\S", re.I)
# "Councillor Jones asked whether the figures could be provided." - a question, not an action
_QUESTION = re.compile(r"\b(?:asked|queried|enquired|questioned|wondered|wanted\s+to\s+know)\s+(?:whether|if|how|why|what|when|"
                       r"where|which)\b",
                       re.I)
# "Actions/requests for further information:" - a heading over a list of actions
_ACTIONS_HEAD = re.compile(r"^(?:agreed\s+|key\s+|summary\s+of\s+)?(?:actions?(?:\s+points?)?|requests?\s+for\s+(?:further\s+)?"
                           r"information|actions?\s*/\s*(?:requests?|further\s+information)[\w ]{0,40}|"
                           r"actions?\s+(?:arising|agreed)|follow[- ]up\s+actions?)\s*:?$", re.I)
_LIST_MARK = re.compile(r"^(?:\(?[a-z]\)|\(?[ivx]{1,4}\)|\(?\d{1,2}[.)]|[-\u2022\u25aa\u25cf*\u2013])\s+")
# "The Committee RESOLVED that it: ..." - the body's own name before the decision
_SUBJECT_RESOLVED = re.compile(
    r"^(?:the\s+)?(?:[\w\-]+\s+){0,3}?(?:committee|panel|board|commission|forum|group|sub-committee)\s+"
    r"(?:(?:unanimously|then|therefore|also|further)\s+)?(?=(?-i:RESOLVED|AGREED|DECIDED|Resolved|resolved)\b)", re.I)
# "ACTION: Head of the Virtual School" - who owns the action written above it
_OWNER_LABEL = re.compile(r"^actions?\s*(?:by)?\s*[:\-\u2013]\s*(?P<who>(?!.*\bto\s+\w+)[^.;]{2,80}?)\.?$", re.I)
_OWNER = [
    re.compile(rf"\b(?:that\s+)?(?:the\s+)?(?P<o>(?:Vice[- ])?Chair(?:man|person|woman)?|(?:Interim\s+|Executive\s+|"
               rf"Assistant\s+|Strategic\s+|Corporate\s+)?Director(?:\s+(?:of|for)\s+{_TITLE_WORDS})?|"
               rf"Head\s+of\s+{_TITLE_WORDS}|Cabinet\s+Member(?:\s+(?:for|with)\s+{_TITLE_WORDS})?|"
               rf"Portfolio\s+Holder(?:\s+for\s+{_TITLE_WORDS})?|officers?|Cabinet|Scrutiny\s+Officer|"
               r"Democratic\s+Services(?:\s+Officer)?|Clerk)\s+(?:be\s+(?:requested|asked)\s+to|would|will|to\s+(?!be)|"
               r"agreed\s+to|undertook\s+to|offered\s+to|hoped\s+to|"
               r"(?:confirmed|said|stated|advised|explained|indicated|added)\s+(?:that\s+)?(?:they|he|she)\s+would)\b"),
    re.compile(r"\b(?P<o>[A-Z][a-z]+(?:\s+[A-Z][\w'\-]+){1,2})\s+(?:offered|undertook|agreed|promised|hoped)\s+to\b"),
    re.compile(r"\b(?:Councillor|Cllr)\s+(?P<o>[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?)\s+(?:responded|advised|confirmed|agreed)"
               r"[^.]*?\b(?:she|he|they)\s+would\b"),
    re.compile(r"\b(?i:requests?|recommends?)\s+that\s+(?:the\s+)?(?P<o>Cabinet(?:\s+Member[\w ,'&]*?)?|officers|Director[\w ,'&]*?)\s+"
               r"(?:\w+\s+)?(?:acknowledges?|identify|identifies|provides?|writes?|considers?|reviews?|reports?|ensures?)\b"),
]
_DUE = [
    re.compile(r"\bnext\s+meeting(?:\s+of\s+the\s+[\w &,'\-]+?(?:Committee|Panel|Board))?(?:\s+in\s+[A-Z][a-z]+)?", re.I),
    re.compile(r"\bin\s+due\s+course\b", re.I),
    re.compile(r"\b(?:[\w\-]+\s+(?:to\s+[\w\-]+\s+)?)months?'?\u2019?\s+time\b", re.I),
    re.compile(r"\b(?:following|after)\s+the\s+meeting\b", re.I),
    re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+20\d\d\b"),
    re.compile(r"\b(?:next\s+quarter|next\s+year|annually|quarterly|a\s+future\s+meeting|end\s+of\s+the\s+(?:month|year|quarter))\b", re.I),
    re.compile(r"\bthe\s+next\s+[\w &]+?\s+meeting\b", re.I),
    re.compile(r"\b(?:within|in)\s+(?:the\s+next\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
               r"twelve|a\s+few|a\s+couple\s+of)\s+(?:working\s+)?(?:days?|weeks?|months?)\b", re.I),
    re.compile(r"\b(?:the|its)\s+(?:January|February|March|April|May|June|July|August|September|October|"
               r"November|December)\s+meeting\b"),
    re.compile(r"\b(?:in|by)\s+the\s+new\s+year\b", re.I),
    re.compile(r"\b(?:by|before)\s+(?:the\s+end\s+of\s+)?(?:January|February|March|April|May|June|July|August|"
               r"September|October|November|December)\b"),
]
_KIND = [("letter", re.compile(r"\bwrite\b|\bletter\b", re.I)),
         ("work_programme", re.compile(r"work\s*programme|forward\s+plan", re.I)),
         ("circulate", re.compile(r"circulat|\bshared?\b|distribut|passed\s+on|\bsend\b|\bsent\b", re.I)),
         ("report", re.compile(r"\breport|update|presentation", re.I))]

# a commitment that answers the question before it: "... agreed to provide it / the figure"
_BACK_REFERENCE = re.compile(r"\b(?:it|this|these|them|the\s+(?:figures?|information|answer|data|details|number|"
                             r"breakdown|list|response|detail))\b", re.I)
# "Officers would circulate it": what "it" is, is in the sentence before
_PRONOUN_OBJECT = re.compile(rf"\b(?:{_V})\s+(?:it|them)\b(?!\s+(?:was|is|were|are|would)\b)", re.I)
# a sentence that answers the one before it: "It was agreed that this would ..."
_ANAPHORIC = re.compile(r"^(?:it\s+was\s+(?:agreed|confirmed|noted)\s+that\s+)?(?:this|these|it|they)\s+"
                        r"(?:would|will|should|could)\b|"
                        # "... asked for the modelling to be shared.  The Director agreed to share it."
                        r"^(?:the\s+)?[\w',\- ]{2,60}?\s+(?:agreed|undertook|offered|promised)\s+to\s+(?:\w+\s+){1,2}?"
                        r"(?:it|this|them|these|that)\b|"
                        r"^.{0,80}?\bwould\s+(?:provide|send|circulate|share|arrange)\s+(?:one|it|this|them|these)\b", re.I)
_INLINE_MINUTES = re.compile(r"\s(?:Minutes|Decision):\s+")
_DEBRIS = re.compile(r"^(?:audio\s+recording\b|video\s+recording\b|share\s+this\s+item|media$|additional\s+documents:?$|"
                     r"\.{3}\s*view\s+the\s+full\b|view\s+the\s+full\s+(?:minutes|agenda|decision)\s+text|"
                     r"webcast\b|\|+$)", re.I)
_CLAUSE_ACTION = re.compile(
    rf"^(?:that\s+)?(?:the\s+)?(?:chair\w*|vice[- ]chair\w*|director[\w ,'&]*?|officers?|head\s+of[\w ,'&]*?|"
    rf"cabinet\s+member[\w ,'&]*?|scrutiny\s+officer|clerk)(?:\s+and\s+(?:the\s+)?vice[- ]chair\w*)?"
    rf"(?:,\s+in\s+consultation\s+with\s+[^,]{{3,80}},)?\s+(?:be\s+(?:asked|requested|invited|authori[sz]ed)\s+to\s+)?"
    rf"(?-i:(?:{_V})s?)\b",
    re.I)
_PARA_NO = re.compile(r"^\d{1,3}\.\d{1,2}\.?\s+(?=\S)")
_CLAUSE_SUBJUNCTIVE = re.compile(r"^(?:that\s+)?(?:the\s+)?(?-i:(?:(?!The\b)[A-Z][\w&'\-]*\s+){1,6})(?-i:provide|circulate|"
                                 r"share|report|write|send|supply|publish|review|consider|bring|produce|arrange)\b"
                                 r"(?!\s+(?:was|were|is|be|has|had)\b)", re.I)
_MEMBERS_AGREED = re.compile(r"^(?:members|the\s+(?:[\w\-]+\s+)?(?:committee|panel|board|sub-committee|commission))\s+"
                             r"(?:unanimously\s+)?agreed\s+(?:to\s+(?:endorse|note|support|approve|recommend)\b|"
                             r"(?:the|its)\s+(?:forward\s+)?work\s*programme\b)", re.I)
# "..., with the addition of a report on X": the addition is the action, not the whole decision
_ADDITION = re.compile(r"(?:subject\s+to|with)\s+the\s+addition\s+of\b.*$", re.I)
_MINUTES_LABEL = re.compile(r"^(?:minutes|decision|minute)\s*:$", re.I)
_SKIP_ITEM = re.compile(r"^(?:apolog|declarations?\b|disclosures?\b|(?:members'?\s+)?interests?\b|membership|"
                        r"substitut|attendance(?:\s+and\s+apologies)?$|(?:notification\s+of\s+)?substitut)", re.I)


def _owner(text: str) -> str | None:
    for rx in _OWNER:
        m = rx.search(text)
        if m:
            o = m.group("o").strip(" ,")
            if o.lower() in ("it", "this", "members", "the committee"):
                continue
            return o
    return None


def _due(text: str) -> str | None:
    for rx in _DUE:
        m = rx.search(text)
        if m:
            return m.group(0).strip()
    return None


def _kind(text: str, request: bool) -> str:
    for k, rx in _KIND:
        if rx.search(text):
            return k
    return "request" if request else "commitment"


def is_action(sentence: str) -> tuple[bool, bool]:
    """(is it an action?, is it a request rather than a commitment?)"""
    if _ACTION_LABEL.match(sentence) and not _OWNER_LABEL.match(sentence):
        return True, False
    if sentence.rstrip().endswith("?") or _NOT_ACTION.search(sentence):
        return False, False
    if _QUESTION.search(sentence) and not re.search(
            r"\b(?:agreed|undertook|offered|promised)\b|\band\s+(?:he|she|they|officers?|the\s+[\w ]{2,40}?)\s+(?:would|will)\b|"
            r"\b(?:said|confirmed|advised|explained)\s+(?:that\s+)?(?:he|she|they|officers?)\s+would\s+(?:\w+\s+)?"
            r"(?:provide|circulate|share|send|e-?mail|forward|write|confirm)\b",
            sentence[_QUESTION.search(sentence).end():], re.I):
        return False, False
    if _REQUEST.search(sentence):
        return True, True
    if _AGREED_THAT.search(sentence) or _PASSIVE.search(sentence) or _COMMIT.search(sentence) \
            or _DUE_COMMIT.search(sentence):
        return True, False
    return False, False


def _action(text: str, item: str | None, line: int, end_line: int, page: int, request: bool) -> Action:
    text = re.sub(r"^(?:\(?[a-z]\)|\(?[ivx]{1,4}\)|\(?\d{1,2}[.)])\s+", "", text)
    text = text[:1].upper() + text[1:]
    return Action(item=item, text=text, owner=_owner(text), due=_due(text), kind=_kind(text, request),
                  line=line, end_line=end_line, page=page)


# ---------------------------------------------------------------- the minutes
def _item_label(item: Item) -> str:
    num = item.number.rstrip(".") if item.number else ""
    if item.parent and not num.startswith(item.parent):
        return f"{item.parent}{num}"
    return num


def _resolution_block(spans: list[Span], j: int, end: int, inline: str) -> tuple[str, int, int, int]:
    """Text of a RESOLVED block starting at spans[j]; returns (text, first line, last line, next j)."""
    parts: list[str] = []
    first = spans[j].first
    last = spans[j].last
    if inline.strip():
        parts.append(inline.strip())
    k = j + 1
    while k < end:
        raw = spans[k].text.strip()
        s = clean(raw)
        if not parts:
            parts.append(s)
            first, last = spans[k].first, spans[k].last
            k += 1
            continue
        prev = parts[-1]
        if _CLAUSE.match(s) or re.match(r"^that\b", s, re.I) or s[:1].islower() or prev.endswith((":", ",", ";", " and", " or")):
            if _RESOLVED.match(s):
                break
            parts.append(s)
            last = spans[k].last
            k += 1
            continue
        break
    return " ".join(parts), first, last, k


def _clauses(text: str) -> list[tuple[int, str, str]]:
    """Lettered / numbered clauses of a resolution: (offset, clause without its marker, the
    marker's style).  The words before the first clause ("Cabinet be recommended to:") come
    first, with style "intro"."""
    marks = list(re.finditer(r"(?:(?<=\s)|^)(?:\(?[a-z]\)|\(?[ivx]{1,4}\)|[ivx]{1,4}\.|\(?\d{1,2}[.)]|\d{1,2}\.\d{1,2}\.?)"
                             r"\s+(?=[A-Za-z])", text))
    if len(marks) < 2:
        return [(0, text, "")]
    out = []
    intro = text[:marks[0].start()].strip()
    if intro:
        out.append((0, intro, "intro"))
    for k, mk in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        out.append((mk.end(), text[mk.end():end].strip(), _marker_style(mk.group(0))))
    return out


def _marker_style(marker: str) -> str:
    m = marker.strip()
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.?", m):
        return "decimal"
    if re.fullmatch(r"\(?[ivx]{1,4}\)|[ivx]{1,4}\.", m) and m.strip("().") not in ("v", "x"):
        return "roman"
    if re.fullmatch(r"\(?[a-z]\)", m):
        return "letter"
    return "number"


# "Cabinet be RECOMMENDED to:", "That the following recommendations be made to Cabinet:"
_INTRO_REQUEST = re.compile(r"\b(?:recommend(?:ed|s|ations?)?|request(?:ed|s)?|asks?|urges?|invites?|"
                            r"(?:following|with\s+the)\s+additions?)\b[^:]*:\s*$", re.I)


def read_minutes(spans: list[Span], start: int, end: int, meeting: Meeting) -> None:
    items = meeting.items
    item_idx: list[int] = []
    by_line = {sp.first: i for i, sp in enumerate(spans[start:end], start)}
    for it in items:
        item_idx.append(by_line.get(it.line, start))
    first_item = item_idx[0] if item_idx else end
    _attendance_block(spans, start + 1, first_item, meeting)
    if item_idx:
        # an "Attendance" block printed at the foot of a page, after the last item
        foot = next((k for k in range(item_idx[-1] + 1, end) if _H_PARENT.match(clean(spans[k].text))
                     and k + 1 < end and _H_PRESENT.match(clean(spans[k + 1].text))), None)
        if foot is not None:
            _attendance_block(spans, foot, end, meeting)
            end = foot

    bounds = [(item_idx[k], item_idx[k + 1] if k + 1 < len(items) else end, items[k])
              for k in range(len(items))]
    if not bounds:
        bounds = [(first_item, end, None)]
    for a, b, item in bounds:
        label = _item_label(item) if item else None
        attendance_item = bool(item and _SKIP_ITEM.search(item.title))
        declarations_item = bool(item and _DECL_TITLE.search(item.title))
        formal: list[Resolution] = []
        clause_actions: list[Action] = []
        narrative: list[Action] = []
        noted: list[Resolution] = []
        approval = False
        j = a + 1 if item else a
        # a meeting web page prints the agenda text, then "Decision:" and/or "Minutes:" and
        # what was decided and minuted (the decision repeats in the minutes: read the minutes)
        labels = [k for k in range(a, b) if _MINUTES_LABEL.match(spans[k].text.strip())]
        full = [k for k in labels if spans[k].text.strip().lower().startswith("minute")]
        # "Decision:" and no "Minutes:" after it (apologies and interests under it are not decisions)
        decision_first = bool(labels and not full) and not attendance_item and not declarations_item
        if full or labels:
            j = (full or labels)[0] + 1
        elif item is not None and (inl := _INLINE_MINUTES.search(spans[a].text)):
            # a table row holding title, agenda text and minutes: read from "Minutes:"
            sp0 = spans[a]
            spans = spans[:a] + [Span(sp0.text[inl.end():], sp0.first, sp0.last, sp0.page, sp0.parts)] + spans[a + 1:]
            j = a
        j0 = j
        if attendance_item:
            # "Members present:" / "In attendance:" / "Officers:" lists printed under the apologies item
            _attendance_sections(spans, a + 1, b, meeting)
        action_list = False
        question: tuple[str, int, int] | None = None   # the question a commitment may answer
        listed: list[Action] = []          # the minutes' own list of actions for the item
        while j < b:
            sp = spans[j]
            raw = clean(sp.text)
            if _DEBRIS.match(raw):
                j += 1
                continue
            raw = re.sub(r"^(?:minutes|decision)\s*:\s*", "", raw, flags=re.I)
            raw = _PARA_NO.sub("", raw)       # "5.9 RESOLVED - ...": the minute's paragraph number
            if _ACTIONS_HEAD.match(raw):
                action_list = True
                j += 1
                continue
            if _WITNESSES.match(raw):
                j = _witnesses(spans, j + 1, b, meeting)
                continue
            if action_list:
                if _LIST_MARK.match(raw):
                    listed.append(_action(_LIST_MARK.sub("", raw), label, sp.first, sp.last, sp.page,
                                          is_action(raw)[1]))
                    j += 1
                    continue
                action_list = False
            if sm := _SUBJECT_RESOLVED.match(raw):
                raw = raw[sm.end():]
            if decision_first and raw:
                decision_first = False
                if not _RESOLVED.match(raw):
                    raw = "RESOLVED: " + raw       # the words under "Decision:" are the decision
            nxt = _read_resolution(spans, j, b, raw, label, formal, clause_actions)
            if nxt is not None:
                j = nxt
                continue
            if item is None and meeting.items:
                j += 1
                continue
            for off, sent in sentences(raw):
                line = sp.line_at(_orig_offset(sp.text, raw, off))
                rm = _RESOLVED.match(sent)
                if rm and rm["mark"].isupper() and len(sent) > rm.end() + 10:
                    # "... discussion. RESOLVED - That the report be noted." inside a paragraph
                    formal.append(Resolution(label, sent[rm.end():].strip(), line, sp.last, sp.page))
                    continue
                if _sentence_attendance(sent, sp, off, meeting) and (attendance_item or "apolog" in sent.lower()):
                    continue
                d = _DECLARED.search(sent)
                if d:
                    many = _DECLARED_MANY.search(sent)
                    who_all = ([p.name for p in split_people("Councillors " + many["who"])] if many
                               else [clean_name(d["who"])])
                    if who_all and all(looks_like_name(w, bool(many) or bool(_HON_RX.match(d["who"]))) for w in who_all):
                        # the item may be named before the person: "In relation to item 9, Councillor ..."
                        im = _DECL_ITEM.search(d["rest"]) or _DECL_ITEM.search(sent[:d.start()])
                        interest = (d["kind"] + "interest" + d["rest"]).strip(" ,.")
                        for who in who_all:
                            meeting.declarations.append(Declaration(who, im.group(1) if im else None,
                                                                    interest, line, sp.page))
                        continue
                if declarations_item and (dt := _declaration_row(sp.text)) is not False:
                    if dt is not None:
                        dt.line, dt.page = sp.first, sp.page
                        meeting.declarations.append(dt)
                    break
                if declarations_item:
                    # "The following declarations were made: Councillor Patel - Item 7 - ..."
                    body = re.sub(r"^[^:]*\bdeclarations?\b[^:]*:\s*", "", sent, flags=re.I)
                    found = _declarations_by(body, meeting)
                    for dd in found:
                        dd.line, dd.page = line, sp.page
                        meeting.declarations.append(dd)
                    if found:
                        continue
                if _APPROVAL.search(sent) and not approval:
                    formal.append(Resolution(label, sent, line, sp.last, sp.page))
                    approval = True
                    continue
                if attendance_item:
                    continue
                if (ol := _OWNER_LABEL.match(sent)) and narrative:
                    narrative[-1].owner = clean(ol["who"])
                    continue
                ok, req = is_action(sent)
                asked = question if question and question[2] == j else None
                question = (sent, line, j) if not ok else None
                if ok and asked and (_QUESTION.search(asked[0]) and (_BACK_REFERENCE.search(sent) or len(sent.split()) < 12)
                                     or _PRONOUN_OBJECT.search(sent)):
                    # "X asked how many ... . The Head of Service agreed to provide the figure."
                    narrative.append(_action(f"{asked[0]} {sent}", label, asked[1], sp.last, sp.page, req))
                    narrative[-1].owner = narrative[-1].owner or _owner(sent)
                elif ok and narrative and narrative[-1].end_line == sp.last and _ANAPHORIC.match(sent):
                    # "X requested a review.  It was agreed that this would be considered ..."
                    prev = narrative[-1]
                    prev.text = f"{prev.text} {sent}"
                    prev.owner = prev.owner or _owner(sent)
                    prev.due = prev.due or _due(sent)
                elif ok:
                    narrative.append(_action(sent, label, line, sp.last, sp.page, req))
                    if _MEMBERS_AGREED.match(sent):
                        # "Members agreed the work programme, subject to the addition of ..."
                        noted.append(Resolution(label, sent, line, sp.last, sp.page))
                elif _NOTED.search(sent):
                    noted.append(Resolution(label, sent, line, sp.last, sp.page))
            j += 1
        if not formal and labels and labels[0] < j0 - 1 and not attendance_item and not declarations_item:
            # the page's "Decision:" holds the resolution its "Minutes:" do not repeat
            k = labels[0] + 1
            while k < j0 - 1:
                raw = _PARA_NO.sub("", clean(spans[k].text))
                if sm := _SUBJECT_RESOLVED.match(raw):
                    raw = raw[sm.end():]
                nxt = _read_resolution(spans, k, j0 - 1, raw, label, formal, clause_actions)
                if nxt is None and not formal and raw and not _DEBRIS.match(raw):
                    # "Decision:" is itself the mark: "The Committee agreed to recommend to Cabinet that: ..."
                    nxt = _read_resolution(spans, k, j0 - 1, "RESOLVED: " + raw, label, formal, clause_actions)
                k = nxt if nxt is not None else k + 1
        meeting.resolutions.extend(formal)
        if not any(r for r in formal if not _APPROVAL.search(r.text)) and not formal:
            meeting.resolutions.extend(noted[-1:])
        # the formal clauses supersede the narrative that led up to them
        kept = [x for x in narrative if not any(similarity(x.text, c.text) >= 0.40 for c in clause_actions)]
        if listed:
            kept = listed      # the item's list of actions is the record of what was agreed, one entry each
        meeting.actions.extend(sorted(kept + clause_actions, key=lambda x: x.line or 0))


def _read_resolution(spans: list[Span], j: int, b: int, raw: str, label: str | None,
                     formal: list[Resolution], clause_actions: list[Action]) -> int | None:
    """A RESOLVED block starting at spans[j] (its cleaned text `raw`): the resolution, and an
    action for each clause that asks someone to act.  Returns the span after the block, or
    None when spans[j] does not start one."""
    m = _RESOLVED.match(raw)
    if not m or (m["mark"].lower() in ("agreed", "decision", "outcome") and raw[m.end():][:1].islower()
                 and not m["mark"].isupper()):
        return None
    sp = spans[j]
    text, first, last, nxt = _resolution_block(spans, j, b, raw[m.end():])
    if not text:
        return nxt
    formal.append(Resolution(label, text, first, last, sp.page))
    intro: tuple[str, str] | None = None     # a clause that asks, over the clauses under it
    for off, clause, style in _clauses(text):
        if clause.endswith(":") and _INTRO_REQUEST.search(clause):
            intro = (clause, style)
            continue
        if intro and style == intro[1]:
            intro = None
        if style == "intro":
            continue
        ok, req = is_action(clause)
        if not ok and (_CLAUSE_ACTION.search(clause) or _CLAUSE_SUBJUNCTIVE.match(clause)):
            ok, req = True, False
        if not ok and intro:
            ok, req = True, True          # "(a) that the proposed rent increase be ..."
        if ok:
            add = _ADDITION.search(clause)
            if add and add.start() > 0 and re.search(r"\bbe\s+(?:agreed|approved|noted|endorsed)\b", clause[:add.start()]):
                clause = clause[add.start():]
            cl = clean(re.sub(r"^that\s+", "That ", clause))
            line = first if off == 0 else _clause_line(spans, j, nxt, clause)
            clause_actions.append(_action(cl, label, line, last, sp.page, req))
    return nxt


def _clause_line(spans: list[Span], j: int, nxt: int, clause: str) -> int:
    head = clause[:30]
    for k in range(j, nxt):
        if head and head in clean(spans[k].text):
            return spans[k].first
    return spans[j].first


def _orig_offset(original: str, cleaned: str, off: int) -> int:
    """Map an offset in the cleaned text back to the span text (approximately)."""
    head = cleaned[off:off + 25]
    pos = original.find(head) if head else -1
    return pos if pos >= 0 else off
