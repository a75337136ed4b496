"""The tracker: what ingest's actions become, and which later papers answer them.

`track_committee(committee)` runs after every ingest (for the committees the paper
touched) and from `scrutiny followups`.  For each action of the committee it:

1. resolves the due date from the action's words (`due.py`), relative to the meeting and
   the committee's later meetings;
2. matches the owner to a person: a name to the council's people, a role (Chair,
   "Head of Performance and Intelligence") to the person who held it at that meeting;
3. recognises recommendations to the executive or a partner body, with the response due
   `TrackerSettings.response_months` after the meeting;
4. proposes follow-ups for open actions (`detect_followups`): a later agenda item or report
   of the same committee on the action's topic, or a sentence in a later paper saying the
   information had been circulated, or referring back to the request.  Proposals wait for
   an officer; nothing here changes an action's status.

Fields an officer corrected (`locked_fields`) are never overwritten.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db import transaction
from rapidfuzz import fuzz

from ...extraction.text_utils import clean
from ..record.models import (AgendaItem, Attendance, Committee, Council, Document,
                             DocumentSection, Meeting, MeetingDocument, Membership,
                             PersonName, Resolution)
from ..record.names import compare, fold, normalise_role, parse_name
from .due import Due, add_months, resolve_due
from .matching import (ANAPHORIC_ACTION, ANAPHOR, ASKS, BACKREF, CONTACT, CONTACTED, DONE,
                       ITEM_REF, NEGATED, PROCEDURAL, PROGRESS, Candidate, Weights,
                       dates_in, paragraphs, recommendation_addressee, shown, topic_words)
from .models import Action, FollowUp, Recommendation, TrackerSettings

# --------------------------------------------------------------------------- settings


def settings_for(council: Council | int) -> TrackerSettings:
    council_id = council if isinstance(council, int) else council.pk
    s = TrackerSettings.objects.filter(council_id=council_id).first()
    return s or TrackerSettings(council_id=council_id)


# --------------------------------------------------------------------------- owners
_ROLE_WORDS = re.compile(
    r"\b(?:chair\w*|vice[- ]chair\w*|director|head|manager|officers?|lead|clerk|cabinet|"
    r"portfolio|member\s+for|leader|mayor|executive|team|service|department|board|trust|"
    r"partnership|commissioner|adviser|advisor|coordinator|co-ordinator|principal|"
    r"headteacher|democratic|scrutiny|council|nhs|icb|group|panel|forum|secretary|"
    r"representative|business\s+partner|analyst|consultant|deputy|assistant)\b", re.I)
_OWNER_TAIL = re.compile(r"\s+(?:be|to\s+be|would|will|should|had|has|have|was|were|is|are|"
                         r"reminded|advised|confirmed|said|explained|agreed|undertook|offered|"
                         r"responded|reported|stated|noted|felt|added|hoped)\b.*$", re.I)
_NAME_SUBJECT = re.compile(
    r"^(?:(?:Councillor|Cllr\.?|County\s+Councillor|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Professor|Revd?\.?)"
    r"\s+)?(?P<o>(?:[A-Z]\.\s*){0,3}[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,2})\s+"
    r"(?:undertook|agreed|offered|promised|confirmed|said|would|will)\b")
_CHAIR = re.compile(r"^(?:the\s+)?(?P<vice>vice[- ]?)?chair(?:man|woman|person)?$", re.I)


@dataclass
class Owner:
    person: object | None = None
    role: str = ""


class OwnerMatcher:
    """The people of a committee's council, and who held which post at its meetings."""

    def __init__(self, committee: Committee) -> None:
        self.committee = committee
        self.names = [(parse_name(pn.name), pn.person) for pn in
                      PersonName.objects.filter(person__council_id=committee.council_id)
                      .select_related("person")]
        self.memberships = [m for m in Membership.objects.filter(committee=committee)
                            .select_related("person") if m.role]
        self.posts: list[tuple[dt.date, str, object]] = []
        printed: dict[str, str] = {}
        for a in (Attendance.objects.filter(meeting__committee=committee)
                  .exclude(description="").select_related("person", "meeting")):
            self.posts.append((a.meeting.date, fold(a.description), a.person))
            desc = a.description.strip(" ,.;:")
            if len(desc.split()) >= 2 and _ROLE_WORDS.search(desc) and \
                    not desc.lower().startswith(("substitut", "co-opted", "vice", "chair")):
                printed.setdefault(fold(desc), desc)
        # "The Head of Performance and Intelligence would ...": a post the papers name
        self.post_rx = None
        if printed:
            alts = "|".join(re.escape(k) for k in sorted(printed, key=len, reverse=True))
            self.post_rx = re.compile(rf"(?:^|\bthe\s+)(?P<post>{alts})\s*,?\s+(?:would|will|undertook|"
                                      rf"agreed\s+to|offered|to\s+(?!be)|be\s+(?:asked|requested)\s+to|"
                                      rf"confirmed\s+(?:that\s+)?(?:she|he|they)\s+would)\b")
            self.printed = printed

    def match(self, owner_text: str, text: str, when: dt.date) -> Owner:
        owner = _OWNER_TAIL.sub("", (owner_text or "").strip(" ,.;:"))
        if not owner and self.post_rx is not None:
            m = self.post_rx.search(fold(clean(text)))
            if m:
                owner = self.printed[m.group("post")]
        if not owner:
            m = _NAME_SUBJECT.match(clean(text))
            if m and not _ROLE_WORDS.search(m.group("o")):
                owner = m.group("o")
        if not owner:
            return Owner()
        owner = re.sub(r"^the\s+", "", owner, flags=re.I)
        if owner.lower() in ("members", "the committee", "committee", "it", "this"):
            return Owner()
        if _ROLE_WORDS.search(owner):
            role = owner[:1].upper() + owner[1:]
            return Owner(self.holder(role, when), role[:300])
        return Owner(self.person_named(owner), "")

    def person_named(self, raw: str):
        n = parse_name(raw)
        if not n.surname:
            return None
        found = {}
        for other, person in self.names:
            if other.key == n.key:
                return person
            m = compare(n, other)
            if m.certain:
                found[person.pk] = person
        return next(iter(found.values())) if len(found) == 1 else None

    def holder(self, role: str, when: dt.date):
        """The person who held `role` at the meeting on `when` (or nearest to it)."""
        chair = _CHAIR.match(role.strip())
        if chair:
            want = "vice-chair" if chair.group("vice") else "chair"
            cands = [m for m in self.memberships
                     if normalise_role(m.role).lower().replace("man", "").replace(
                         "woman", "").replace("person", "") == want]
            current = [m for m in cands if m.from_date <= when <= m.to_date]
            if len({m.person_id for m in current}) == 1:
                return current[0].person
            posts = [(d, p) for d, desc, p in self.posts
                     if desc.replace("man", "").replace("person", "") == want and d == when]
            if len({p.pk for _, p in posts}) == 1:
                return posts[0][1]
            return None
        key = fold(role)
        hits = [(abs((d - when).days), p) for d, desc, p in self.posts
                if desc == key or (len(key) > 12 and fuzz.token_sort_ratio(desc, key) >= 92)]
        if not hits:
            # "Director" alone fits several posts: only a unique holder counts
            hits = [(abs((d - when).days), p) for d, desc, p in self.posts
                    if len(key.split()) >= 2 and key in desc]
        if not hits:
            return None
        hits.sort(key=lambda h: h[0])
        nearest = hits[0][0]
        people = {p.pk: p for dd, p in hits if dd == nearest}
        return next(iter(people.values())) if len(people) == 1 else None


class Corpus:
    """What a committee's papers offer as evidence: later items with their titles (and the
    opening of their reports), and the sentences of later papers that say something was
    done or refer back to a request."""

    def __init__(self, committee: Committee, meeting_ids: set[int] | None = None) -> None:
        """`meeting_ids`: only the papers of these meetings offer candidates (after an
        ingest, the meetings the new paper records); None: all of the committee's."""
        self.committee = committee
        self.meetings = list(committee.meetings.order_by("date"))
        self.by_id = {m.pk: m for m in self.meetings}
        items = list(AgendaItem.objects.filter(meeting__committee=committee))
        self.items_by_meeting: dict[int, list[AgendaItem]] = {}
        for it in items:
            self.items_by_meeting.setdefault(it.meeting_id, []).append(it)
        self.items: list[Candidate] = []
        self.sentences: list[Candidate] = []
        # how rare a word is: over the committee's item titles and actions
        self.weights = Weights([topic_words(it.title) for it in items]
                               + [topic_words(t) for t in Action.objects.filter(
                                   meeting__committee=committee).values_list("text", flat=True)])
        mds = list(MeetingDocument.objects.filter(meeting__committee=committee))
        if meeting_ids is not None:
            papers = {md.paper_id for md in mds if md.meeting_id in meeting_ids}
            mds = [md for md in mds if md.paper_id in papers]
            items = [it for it in items if it.meeting_id in meeting_ids]
        doc_ids = {md.paper_id for md in mds}
        docs = {d.pk: d for d in Document.objects.filter(pk__in=doc_ids, superseded_by__isnull=True)}
        sections = {}
        for s in DocumentSection.objects.filter(in_document_id__in=docs).order_by("order"):
            sections.setdefault(s.in_document_id, []).append(s)
        lines_of = {pk: d.text.split("\n") for pk, d in docs.items()}
        self.lines_of = lines_of
        self.sections_of = {pk: [(x.line, x.end_line or x.line, x.item_number) for x in ss
                                 if x.item_number and x.line and x.kind not in ("agenda", "minutes")]
                            for pk, ss in sections.items()}
        # report openings, by (meeting, item number)
        openings: dict[tuple[int, str], str] = {}
        segments = []       # (meeting, doc id, first line, last line, record)
        for pk, d in docs.items():
            own = [md for md in mds if md.paper_id == pk]
            agenda_meetings = {md.meeting_id for md in own if md.record == "agenda"}
            covered = []
            for md in own:
                first = md.line or 1
                last = md.end_line or len(lines_of[pk])
                segments.append((md.meeting_id, pk, first, last, md.record))
                covered.append((first, last))
            # reports and appendices after the parts the extractor placed: the agenda's
            if len(agenda_meetings) == 1:
                mid = next(iter(agenda_meetings))
                for s in sections.get(pk, []):
                    if s.kind in ("agenda", "minutes") or not s.line:
                        continue
                    body = [ln for ln in lines_of[pk][s.line - 1:(s.end_line or s.line)][:40]
                            if ln.strip()]
                    if s.item_number:
                        openings.setdefault((mid, s.item_number),
                                            s.title + " " + " ".join(body[:14]))
                    if not any(a <= s.line <= b for a, b in covered):
                        segments.append((mid, pk, s.line, s.end_line or s.line, "report"))
        for it in items:
            if it.exempt or PROCEDURAL.search(clean(it.title)):
                continue
            words = topic_words(it.title)
            if not words:
                continue
            opening = openings.get((it.meeting_id, it.number)) or ""
            self.items.append(Candidate(
                "item", self.by_id[it.meeting_id], words | topic_words(opening), words,
                item=it, document_id=it.document_id or it.minutes_document_id,
                line=it.line if it.document_id else it.minutes_line,
                excerpt=f"{it.display_number}. {it.title}".strip(". "),
                text=it.title))
        seen = set()
        for mid, pk, first, last, record in segments:
            if (mid, pk, first) in seen:
                continue
            seen.add((mid, pk, first))
            meeting = self.by_id.get(mid)
            if meeting is None:
                continue
            for para in paragraphs(lines_of[pk], first, last):
                for i, (sent, a, b) in enumerate(para):
                    nxt = para[i + 1][0] if i + 1 < len(para) else ""
                    if ASKS.search(sent):
                        continue
                    done, back = bool(DONE.search(sent)), bool(BACKREF.search(sent))
                    if PROGRESS.search(sent) or (
                            (done or back) and nxt and ANAPHOR.match(nxt) and NEGATED.search(nxt)):
                        kind = "progress"
                    elif not (done or back) or NEGATED.search(sent):
                        continue
                    else:
                        kind = "circulated" if done and record == "minutes" else "reference"
                    words = topic_words(sent)
                    item = self._item_at(meeting, pk, a, record)
                    ref = ITEM_REF.search(sent) if record != "minutes" else None
                    if ref:
                        named = next((it for it in self.items_by_meeting.get(meeting.pk, [])
                                      if it.number == ref.group(1)), None)
                        if named is not None:
                            item = named
                            words |= topic_words(named.title)
                    if len(words) < 2:
                        continue
                    self.sentences.append(Candidate(
                        kind, meeting, words, item=item, document_id=pk, line=a, end_line=b,
                        excerpt=sent[:600], backref=back, done=done,
                        dates=dates_in(sent, meeting.date), text=sent))

    def context_before(self, action: Action) -> str:
        """The words before an action on its line ("Members noted that the information on
        ... had still not been received."), or the line before: what "the information" or
        "the letter" is."""
        if action.document_id and action.document_id not in self.lines_of:
            text = Document.objects.filter(pk=action.document_id).values_list(
                "text", flat=True).first()
            self.lines_of[action.document_id] = text.split("\n") if text else []
        lines = self.lines_of.get(action.document_id)
        if not lines or not action.line or action.line > len(lines):
            return ""
        line = clean(lines[action.line - 1])
        head = clean(action.text)[:25]
        pos = line.find(head) if head else -1
        if pos > 0:
            return line[:pos]
        for no in range(action.line - 1, max(0, action.line - 4), -1):
            prev = lines[no - 1].strip()
            if prev:
                return "" if len(prev) < 40 else prev
        return ""

    def _item_at(self, meeting: Meeting, doc_id: int, line: int, record: str) -> AgendaItem | None:
        if record != "minutes":
            # inside a report for an item: that item
            for first, last, number in self.sections_of.get(doc_id, ()):
                if first <= line <= last:
                    it = next((i for i in self.items_by_meeting.get(meeting.pk, [])
                               if i.number == number), None)
                    if it is not None:
                        return it
        best = None
        for it in self.items_by_meeting.get(meeting.pk, []):
            if record == "minutes":
                at = it.minutes_line if it.minutes_document_id == doc_id else None
            else:
                at = it.line if it.document_id == doc_id else None
            if at and at <= line and (best is None or at > best[0]):
                best = (at, it)
        return best[1] if best else None


# --------------------------------------------------------------------------- scoring
ITEM_THRESHOLD = 0.55
SENTENCE_THRESHOLD = 0.5
MAX_PROPOSALS = 3


def score_item(action_words: set[str], c: Candidate, weights: Weights) -> tuple[float, str]:
    """How well a later item (title, and its report's opening) answers the action."""
    tw = c.title_words
    shared_t = tw & action_words
    if not shared_t:
        return 0.0, ""
    title_cover = weights(shared_t) / max(weights(tw), 1e-9)
    shared_all = c.words & action_words
    action_cover = weights(shared_all) / max(weights(action_words), 1e-9)
    if len(shared_t) >= 2 or len(tw) == 1:
        score = 0.75 * title_cover + 0.5 * action_cover
    else:
        # one word of the title in common: its report must say more
        score = 0.45 * title_cover + 0.8 * action_cover if len(shared_all) >= 4 else 0.0
    why = "title shares " + shown(shared_t)
    if shared_all - shared_t:
        why += "; report opening shares " + shown(sorted(shared_all - shared_t)[:6])
    return min(score, 1.0), why


def score_sentence(action: Action, action_words: set[str], c: Candidate, weights: Weights,
                   previous: dict[int, Meeting | None]) -> tuple[float, str]:
    shared = c.words & action_words
    if len(shared) < 2:
        return 0.0, ""
    cover = weights(shared) / max(weights(action_words), 1e-9)
    sent_cover = weights(shared) / max(weights(c.words), 1e-9)
    score = 0.65 * cover + 0.35 * sent_cover
    why = "shares " + shown(sorted(shared)[:8])
    d = action.meeting.date
    said = c.text
    refers = (f"{d.day} {d:%B}" in said) or (
        previous.get(c.meeting.pk) is not None and previous[c.meeting.pk].pk == action.meeting_id
        and re.search(r"\b(?:last|previous)\s+meeting\b", said, re.I)) or (
        re.search(rf"\bin\s+{d:%B}\b", said) is not None)
    if refers:
        score += 0.25
        why += f"; refers to the meeting of {d.day} {d:%B %Y}"
    if c.done:
        score += 0.05
    return min(score, 1.0), why


def evidence_date(c: Candidate, since: dt.date) -> dt.date:
    """When the evidence says it was done: a date in the sentence after the action's
    meeting, else the later meeting's date."""
    after = [d for d in c.dates if since < d <= c.meeting.date]
    return max(after) if after else c.meeting.date


# --------------------------------------------------------------------------- entry points
@dataclass
class TrackResult:
    actions: int = 0
    dated: int = 0
    owners: int = 0
    recommendations: int = 0
    proposals: int = 0


def track_committees(ids, *, detect: bool = True,
                     meeting_ids: set[int] | None = None) -> TrackResult:
    total = TrackResult()
    for c in Committee.objects.filter(pk__in=list(ids)).select_related("council"):
        r = track_committee(c, detect=detect, meeting_ids=meeting_ids)
        for f in ("actions", "dated", "owners", "recommendations", "proposals"):
            setattr(total, f, getattr(total, f) + getattr(r, f))
    return total


def track_all(*, detect: bool = True, committee: Committee | None = None) -> TrackResult:
    ids = [committee.pk] if committee else list(Committee.objects.values_list("pk", flat=True))
    return track_committees(ids, detect=detect)


@transaction.atomic
def track_committee(committee: Committee, *, detect: bool = True,
                    meeting_ids: set[int] | None = None) -> TrackResult:
    """Due dates, owners and recommendations for the committee's actions; follow-ups for
    its open ones.  With `meeting_ids` (after an ingest: the meetings the paper records),
    only what those meetings can change is done again: their own actions, the due dates
    that depend on the committee's later meetings ("next meeting", "the March meeting"),
    and follow-ups from those meetings' papers.  None: everything."""
    result = TrackResult()
    conf = settings_for(committee.council_id)
    dates = sorted(committee.meetings.values_list("date", flat=True))
    actions = list(Action.objects.filter(meeting__committee=committee)
                   .select_related("meeting", "item", "owner_person"))
    if meeting_ids is None:
        touched = actions
    else:
        new_dates = list(committee.meetings.filter(pk__in=meeting_ids)
                         .values_list("date", flat=True))
        first, latest = min(new_dates, default=None), max(new_dates, default=None)

        def may_move(a: Action) -> bool:
            # "by the next meeting" moves only if a meeting now known falls before the
            # date it has, or it had none to go by
            return bool(latest and a.meeting.date < latest and "meeting" in a.due_rule and (
                a.due_date is None or "not known" in a.due_rule or a.due_date >= first))
        touched = [a for a in actions if a.meeting_id in meeting_ids or may_move(a)]
    matcher = None
    for a in touched:
        result.actions += 1
        values: dict = {}
        addressee = recommendation_addressee(a.text)
        if not a.is_locked("due_date"):
            lenient = a.is_locked("due")
            due = resolve_due(a.due if lenient else a.text, a.meeting.date, dates,
                              next_meeting_months=conf.next_meeting_months, lenient=lenient)
            if due.date is None and not due.rule and a.due and not lenient:
                due = resolve_due(a.due, a.meeting.date, dates,
                                  next_meeting_months=conf.next_meeting_months)
            if due.date is None and not due.rule and addressee:
                due = Due(add_months(a.meeting.date, conf.response_months), "",
                          f"the executive's response period ({conf.response_months} months)")
            values.update(due_date=due.date, due_words=due.words[:200], due_rule=due.rule[:200])
        if not a.is_locked("owner_person") and not a.is_locked("owner_role") and (
                meeting_ids is None or a.meeting_id in meeting_ids):
            matcher = matcher or OwnerMatcher(committee)
            o = matcher.match(a.owner, a.text, a.meeting.date)
            values.update(owner_person_id=o.person.pk if o.person else None, owner_role=o.role)
        changed = [k for k, v in values.items() if getattr(a, k) != v]
        for k in changed:
            setattr(a, k, values[k])
        if changed:
            a.save(update_fields=changed)
    result.dated = sum(a.due_date is not None for a in actions)
    result.owners = sum(a.owner_person_id is not None for a in actions)
    result.recommendations = sync_recommendations(
        committee, [a for a in actions if meeting_ids is None or a.meeting_id in meeting_ids],
        conf, meeting_ids)
    if detect:
        result.proposals = detect_followups(committee, [a for a in actions if a.is_active],
                                            meeting_ids=meeting_ids)
    return result


def sync_recommendations(committee: Committee, actions: list[Action],
                         conf: TrackerSettings, meeting_ids: set[int] | None = None) -> int:
    """Recommendations from the actions and resolutions addressed to the executive or a
    partner body (of `meeting_ids` only, when given)."""
    recs = Recommendation.objects.filter(meeting__committee=committee)
    resolutions = Resolution.objects.filter(meeting__committee=committee)
    if meeting_ids is not None:
        recs = recs.filter(meeting_id__in=meeting_ids)
        resolutions = resolutions.filter(meeting_id__in=meeting_ids)
    existing = {(r.meeting_id, r.source_key): r for r in recs}
    n = 0
    covered: dict[int, list[tuple[int, int]]] = {}

    def upsert(meeting_id, key, values):
        nonlocal n
        row = existing.get((meeting_id, key))
        if row is None:
            row = Recommendation(meeting_id=meeting_id, source_key=key, **values)
            row.save()
            existing[(meeting_id, key)] = row
        else:
            changed = [k for k, v in values.items()
                       if not row.is_locked(k.removesuffix("_id")) and getattr(row, k) != v]
            for k in changed:
                setattr(row, k, values[k])
            if changed:
                row.save(update_fields=[row._meta.get_field(k).name for k in changed])
        n += 1

    for a in actions:
        to = recommendation_addressee(a.text)
        if not to:
            continue
        upsert(a.meeting_id, f"action:{a.item_number}:{a.seq}", {
            "action_id": a.pk, "item_id": a.item_id, "item_number": a.item_number,
            "text": a.text, "addressee": to,
            "response_due": add_months(a.meeting.date, conf.response_months),
            "document_id": a.document_id, "line": a.line, "end_line": a.end_line,
            "page": a.page})
        covered.setdefault(a.meeting_id, []).append((a.line or 0, a.end_line or a.line or 0))
    for r in resolutions.select_related("meeting"):
        to = recommendation_addressee(r.text)
        if not to:
            continue
        first, last = r.line or 0, r.end_line or r.line or 0
        if any(a <= last and first <= b for a, b in covered.get(r.meeting_id, [])):
            continue
        upsert(r.meeting_id, f"resolution:{r.item_number}:{r.seq}", {
            "resolution_id": r.pk, "item_id": r.item_id, "item_number": r.item_number,
            "text": r.text, "addressee": to,
            "response_due": add_months(r.meeting.date, conf.response_months),
            "document_id": r.document_id, "line": r.line, "end_line": r.end_line,
            "page": r.page})
    return n


def detect_followups(committee: Committee, actions: list[Action] | None = None,
                     meeting_ids: set[int] | None = None) -> int:
    """Propose follow-ups for the committee's open actions.  Returns how many new
    proposals were made.  Existing proposals (confirmed, rejected or waiting) are kept and
    never proposed twice.  With `meeting_ids` (after an ingest), the older actions are
    compared with those meetings' papers only, and the actions of those meetings (new, or
    read again) with every later paper."""
    if actions is None:
        actions = list(Action.objects.filter(meeting__committee=committee,
                                             status__in=Action.ACTIVE).select_related("meeting", "owner_person"))
    if not actions:
        return 0
    if meeting_ids is None:
        return _detect(committee, actions, None)
    fresh = [a for a in actions if a.meeting_id in meeting_ids]
    rest = [a for a in actions if a.meeting_id not in meeting_ids]
    made = 0
    if fresh and committee.meetings.filter(
            date__gt=min(a.meeting.date for a in fresh)).exists():
        made += _detect(committee, fresh, None)
    if rest:
        made += _detect(committee, rest, meeting_ids)
    return made


def _detect(committee: Committee, actions: list[Action], meeting_ids: set[int] | None) -> int:
    corpus = Corpus(committee, meeting_ids)
    weights = corpus.weights
    previous: dict[int, Meeting | None] = {}
    for i, m in enumerate(corpus.meetings):
        previous[m.pk] = corpus.meetings[i - 1] if i else None
    known = {(f.action_id, f.key) for f in FollowUp.objects.filter(action__in=actions)}
    made = 0
    for a in actions:
        aw = topic_words(a.text) - topic_words(a.owner) - topic_words(a.owner_role)
        if a.owner_person_id and a.owner_person:
            aw -= topic_words(a.owner_person.name)
        if len(aw) < 3 or ANAPHORIC_ACTION.search(a.text):
            aw |= topic_words(corpus.context_before(a)) - topic_words(a.owner_role)
        if len(aw) < 2:
            continue
        found = []
        for c in corpus.items:
            if c.meeting.date <= a.meeting.date:
                continue
            s, why = score_item(aw, c, weights)
            if s >= ITEM_THRESHOLD:
                found.append((s, c, why))
        for c in corpus.sentences:
            if c.meeting.date <= a.meeting.date:
                continue
            if c.document_id == a.document_id and c.line and a.line and \
                    abs(c.line - a.line) <= 3:
                continue
            s, why = score_sentence(a, aw, c, weights, previous)
            if s >= SENTENCE_THRESHOLD:
                if c.kind == "progress" and c.done and CONTACT.search(a.text) \
                        and CONTACTED.search(c.text):
                    # "had written to the ICB to request the data. The data had still not
                    # been received": progress on the data, but the letter itself was sent
                    c = Candidate(**{**c.__dict__, "kind": "circulated"})
                found.append((s, c, why))
        # one later item: the first meeting that took the topic up (a topic that returns
        # every quarter would otherwise propose each time); then the best sentences
        items = [f for f in found if f[1].kind == "item"]
        if items:
            best = max(f[0] for f in items)
            first = min((f for f in items if f[0] >= best - 0.15),
                        key=lambda f: (f[1].meeting.date, -f[0]))
            found = [f for f in found if f[1].kind != "item"] + [first]
        found.sort(key=lambda x: (-x[0], x[1].meeting.date))
        taken = 0
        for s, c, why in found:
            if taken >= MAX_PROPOSALS:
                break
            key = f"{c.kind}:{c.item.pk if c.item and c.kind == 'item' else ''}:" \
                  f"{c.document_id or ''}:{c.line or ''}"[:120]
            taken += 1
            if (a.pk, key) in known:
                continue
            FollowUp.objects.create(
                action=a, key=key, kind=c.kind, meeting=c.meeting, item=c.item,
                document_id=c.document_id, line=c.line, end_line=c.end_line or c.line,
                excerpt=c.excerpt, evidence_date=evidence_date(c, a.meeting.date),
                score=round(s, 3), reason=why[:300])
            known.add((a.pk, key))
            made += 1
    return made


def after_ingest(reconciler) -> TrackResult | None:
    """Called by ingest, inside the paper's transaction, for the committees the paper
    touched.  A failure here is reported as a warning of the paper and leaves the paper
    stored (the tracking is redone by the next ingest or `scrutiny followups`)."""
    ids = set(getattr(reconciler, "touched_committees", ()) or ())
    if not ids:
        return None
    # only the new paper's meetings can hold new evidence: earlier papers were read for it
    # when they were ingested (`scrutiny followups` reads them all again)
    meetings = {m.pk for m in getattr(reconciler, "touched_meetings", ())}
    try:
        with transaction.atomic():
            return track_committees(ids, meeting_ids=meetings or None)
    except Exception as exc:  # noqa: BLE001 - the paper itself was read and stored
        reconciler.result.warnings.append(
            f"action tracking failed ({type(exc).__name__}: {exc}); run `scrutiny followups`")
        return None
