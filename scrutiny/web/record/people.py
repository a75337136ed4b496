"""Finding people in the database by the names papers print, and merging two into one."""
from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .models import (Attendance, Council, Declaration, Membership, MergeProposal, Person,
                     PersonName)
from .names import Name, compare, parse_name


class PeopleIndex:
    """The people of one council, for matching the names of one paper against.

    `resolve(name)` returns the person a printed name belongs to: an existing person when
    the match is certain and unique, otherwise a new person, with merge proposals for an
    officer where the match is only possible."""

    def __init__(self, council: Council) -> None:
        self.council = council
        self.by_key: dict[str, Person] = {}
        self.entries: list[tuple[Name, Person]] = []
        self.variants: set[tuple[int, str]] = set()
        self.proposals_made = 0
        self.people_created = 0
        for pn in PersonName.objects.filter(person__council=council).select_related("person"):
            self._remember(parse_name(pn.name), pn.person)
            self.variants.add((pn.person_id, pn.name))

    def _remember(self, n: Name, person: Person) -> None:
        self.by_key.setdefault(n.key, person)
        self.entries.append((n, person))

    def resolve(self, raw: str | None) -> Person | None:
        if not raw or not raw.strip():
            return None
        n = parse_name(raw)
        if not n.surname or len(n.display) > 200:
            return None
        person = self.by_key.get(n.key)
        if person is not None:
            self._add_variant(person, n)
            return person
        best: dict[int, tuple[float, bool, str, Person]] = {}
        for other, p in self.entries:
            m = compare(n, other)
            if m.score and (p.pk not in best or m.score > best[p.pk][0]):
                best[p.pk] = (m.score, m.certain, m.reason, p)
        certain = [v for v in best.values() if v[1]]
        if len(certain) > 1:
            # "P. Threlfall" fits "Philippa" and "Pippa Threlfall", who are already proposed
            # as one person: the name belongs with the person the proposal would keep.
            ids = {v[3].pk for v in certain}
            proposed = set(MergeProposal.objects.filter(
                person_id__in=ids, candidate_id__in=ids, status=MergeProposal.OPEN)
                .values_list("person_id", flat=True))
            certain = [v for v in certain if v[3].pk not in proposed]
        if len(certain) == 1:
            person = certain[0][3]
            self._add_variant(person, n)
            return person
        person = Person.objects.create(council=self.council, name=n.display, surname=n.surname)
        self.people_created += 1
        self._add_variant(person, n)
        if len(certain) > 1:
            doubtful = [(s, f"{r}; more than one person fits", p) for s, _, r, p in certain]
        else:
            doubtful = [(s, r, p) for s, _, r, p in best.values()]
        for score, reason, candidate in doubtful:
            _, made = MergeProposal.objects.get_or_create(
                person=person, candidate=candidate,
                defaults={"council": self.council, "score": score, "reason": reason[:200]})
            self.proposals_made += made
        return person

    def _add_variant(self, person: Person, n: Name) -> None:
        if (person.pk, n.display) not in self.variants:
            PersonName.objects.get_or_create(person=person, name=n.display,
                                             defaults={"key": n.key})
            self.variants.add((person.pk, n.display))
            self._remember(n, person)
        if n.fullness > parse_name(person.name).fullness and not person.is_locked("name"):
            person.name = n.display
            person.save(update_fields=["name"])


@transaction.atomic
def merge_people(keep: Person, drop: Person) -> Person:
    """Make `drop` part of `keep`: its names, memberships, attendance and declarations
    move to `keep`, and `drop` is deleted."""
    if keep.pk == drop.pk:
        return keep
    for pn in drop.names.all():
        if not keep.names.filter(name=pn.name).exists():
            pn.person = keep
            pn.save(update_fields=["person"])
    keep_meetings = set(keep.attendance.values_list("meeting_id", flat=True))
    for att in drop.attendance.all():
        if att.meeting_id in keep_meetings:
            att.delete()
        else:
            att.person = keep
            att.save(update_fields=["person"])
    Attendance.objects.filter(substituting_for=drop).update(substituting_for=keep)
    Declaration.objects.filter(person=drop).update(person=keep)
    # every other record that points at a person (actions they own, ...) follows too
    handled = {(PersonName, "person"), (Attendance, "person"), (Attendance, "substituting_for"),
               (Declaration, "person"), (Membership, "person"), (MergeProposal, "person"),
               (MergeProposal, "candidate")}
    for rel in Person._meta.related_objects:
        if rel.one_to_many and (rel.related_model, rel.field.name) not in handled:
            rel.related_model._base_manager.filter(**{rel.field.name: drop}).update(**{rel.field.name: keep})
    for ms in drop.memberships.all():
        same = keep.memberships.filter(committee_id=ms.committee_id, role=ms.role).first()
        if same:
            same.from_date = min(same.from_date, ms.from_date)
            same.to_date = max(same.to_date, ms.to_date)
            same.save(update_fields=["from_date", "to_date"])
            ms.delete()
        else:
            ms.person = keep
            ms.save(update_fields=["person"])
    # proposals that named `drop` now name `keep`, unless that pairs keep with itself
    for prop in MergeProposal.objects.filter(person=drop) | MergeProposal.objects.filter(
            candidate=drop):
        other = prop.candidate if prop.person_id == drop.pk else prop.person
        if prop.status != MergeProposal.OPEN or other.pk == keep.pk or \
                MergeProposal.objects.filter(person=keep, candidate=other).exists():
            prop.delete()
            continue
        prop.person, prop.candidate = keep, other
        prop.save(update_fields=["person", "candidate"])
    if parse_name(drop.name).fullness > parse_name(keep.name).fullness \
            and not keep.is_locked("name"):
        keep.name = drop.name
        keep.save(update_fields=["name"])
    drop.delete()
    return keep


@transaction.atomic
def decide(proposal: MergeProposal, confirm: bool, user=None) -> None:
    """An officer's decision on a merge proposal."""
    proposal = MergeProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != MergeProposal.OPEN:
        return
    keep, drop = proposal.candidate, proposal.person
    proposal.status = MergeProposal.CONFIRMED if confirm else MergeProposal.REJECTED
    proposal.decided_at = timezone.now()
    proposal.decided_by = user if (user is not None and user.is_authenticated) else None
    if confirm:
        # record the decision on a row that survives the merge
        MergeProposal.objects.filter(pk=proposal.pk).delete()
        merge_people(keep, drop)
        return
    proposal.save(update_fields=["status", "decided_at", "decided_by"])

