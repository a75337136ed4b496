"""Officers' corrections to indicators: merge two into one, split some values off into a
new one, edit the fields the papers cannot give (polarity, definition, service area).
Every change is written to `IndicatorAudit` with the user, the time, before and after.
Edited fields are locked: reading the papers again never overwrites them.
"""
from __future__ import annotations

from django.db import transaction
from rapidfuzz import fuzz, process

from . import identity
from .ingest import add_name, refresh_polarity
from .mentions import rescan
from .models import Indicator, IndicatorAudit, IndicatorMention, NarrativeFigure

EDITABLE = ("name", "unit", "ref", "polarity", "definition", "service_area")


def snapshot(ind: Indicator) -> dict:
    return {"id": ind.pk, **{f: getattr(ind, f) for f in EDITABLE},
            "names": sorted(ind.names.values_list("name", flat=True)),
            "values": [{"id": v.pk, "period": v.period, "value": v.value,
                        "name": v.name_printed}
                       for v in ind.values.order_by("period_end", "period")]}


def _audit(ind, action, user, summary, before, after) -> None:
    IndicatorAudit.objects.create(indicator=ind, council=ind.council, action=action,
                                  user=user if getattr(user, "pk", None) else None,
                                  summary=summary[:500], before=before, after=after)


@transaction.atomic
def merge(source: Indicator, target: Indicator, user) -> Indicator:
    """`source`'s values, names and mentions join `target`; `source` is deleted.  A
    period both hold keeps `target`'s row, with `source`'s figure noted if it differs."""
    if source.pk == target.pk or source.council_id != target.council_id:
        raise ValueError("merge two different indicators of the same council")
    before = {"merged": snapshot(source), "into": snapshot(target)}
    have = {v.period: v for v in target.values.all()}
    for v in list(source.values.all()):
        mine = have.get(v.period)
        if mine is None:
            v.indicator = target
            v.save(update_fields=["indicator"])
            continue
        if (mine.value or "") != (v.value or ""):
            mine.other_printings = (mine.other_printings or []) + [{
                "value": v.value, "document": v.document_id, "line": v.line, "page": v.page,
                "meeting": v.meeting_id, "name": v.name_printed, "source_file": v.source_file,
                "source_row": v.source_row}]
        for f in ("target", "status", "rag", "direction", "comparators", "meeting"):
            if not getattr(mine, f) and getattr(v, f):
                setattr(mine, f, getattr(v, f))
        mine.save()
        NarrativeFigure.objects.filter(value=v).update(value=mine)
        v.delete()
    for n in source.names.all():
        add_name(target, n.name)
    fill = [f for f in ("definition", "service_area", "ref", "unit")
            if not getattr(target, f) and getattr(source, f)]
    for f in fill:
        setattr(target, f, getattr(source, f))
    target.save()
    IndicatorAudit.objects.filter(indicator=source).update(indicator=target)
    IndicatorMention.objects.filter(indicator=source).delete()
    source.delete()
    refresh_polarity([target])
    rescan(target)
    _audit(target, IndicatorAudit.MERGE, user,
           f"“{before['merged']['name']}” merged into “{target.name}”", before, snapshot(target))
    return target


@transaction.atomic
def split(ind: Indicator, names: list[str], value_ids: list[int], user) -> Indicator:
    """The values printed under `names`, and the values `value_ids`, become a new
    indicator (named after the first of them); the rest stay."""
    values = list(ind.values.all())
    chosen = [v for v in values if v.pk in set(value_ids) or (v.name_printed and
                                                               v.name_printed in names)]
    if not chosen and not names:
        raise ValueError("Choose the names or the values to split off.")
    if values and len(chosen) == len(values):
        raise ValueError("Leave at least one value with the indicator: choose fewer.")
    before = snapshot(ind)
    name = (names[0] if names else chosen[0].name_printed) or f"{ind.name} (split)"
    new = Indicator.objects.create(council=ind.council, name=name[:500],
                                   key=identity.key(name)[:500], unit=ind.unit, ref="",
                                   service_area=ind.service_area, definition="")
    for v in chosen:
        v.indicator = new
        v.save(update_fields=["indicator"])
    moved_names = set(names) | {v.name_printed for v in chosen if v.name_printed}
    still_used = set(ind.values.values_list("name_printed", flat=True))
    for n in list(ind.names.all()):
        if n.name in moved_names and (n.name not in still_used or n.name in names):
            n.delete()
    for n in moved_names:
        add_name(new, n)
    if not ind.names.exists():
        add_name(ind, ind.name)
    if ind.name in moved_names and ind.names.exists():
        ind.name = ind.names.first().name
        ind.save(update_fields=["name", "updated"])
    refresh_polarity([ind, new])
    rescan(ind)
    rescan(new)
    _audit(ind, IndicatorAudit.SPLIT, user, f"“{new.name}” split off “{ind.name}”", before,
           {"kept": snapshot(ind), "new": snapshot(new)})
    _audit(new, IndicatorAudit.SPLIT, user, f"“{new.name}” split off “{ind.name}”", before,
           {"kept": snapshot(ind), "new": snapshot(new)})
    return new


@transaction.atomic
def edit(ind: Indicator, data, user) -> Indicator:
    before = snapshot(ind)
    changed = []
    for f in EDITABLE:
        if f not in data:
            continue
        v = " ".join(str(data.get(f, "")).split()) if f != "definition" else \
            str(data.get(f, "")).strip()
        if f == "polarity" and v not in dict(Indicator.POLARITY):
            raise ValueError("Polarity must be higher, lower or not known.")
        if f == "name" and not v:
            raise ValueError("An indicator needs a name.")
        limit = Indicator._meta.get_field(f).max_length
        v = v[:limit] if limit else v
        if getattr(ind, f) != v:
            setattr(ind, f, v)
            changed.append(f)
    if not changed:
        return ind
    if "polarity" in changed:
        ind.polarity_source = "set by an officer"
        changed.append("polarity_source")
    if "name" in changed:
        ind.key = identity.key(ind.name)[:500]
        add_name(ind, ind.name)
    ind.lock(*changed)
    ind.save()
    _audit(ind, IndicatorAudit.EDIT, user, f"“{ind.name}”: {', '.join(changed)} edited",
           before, snapshot(ind))
    return ind


def similar(ind: Indicator) -> list[tuple[Indicator, float]]:
    """Other indicators of the council whose names are close (same unit), best first."""
    mine = [n.name for n in ind.names.all()] or [ind.name]
    out = []
    for other in Indicator.objects.filter(council=ind.council, unit=ind.unit).exclude(
            pk=ind.pk).prefetch_related("names"):
        names = [n.name for n in other.names.all()] or [other.name]
        s = max(identity.name_score(a, b).score for a in mine for b in names)
        if s >= 50:
            out.append((other, s))
    return sorted(out, key=lambda x: -x[1])


def possible_duplicates(low: float = 70):
    """Pairs of indicators of one council, same unit, whose names come close to the
    matching threshold without reaching it: for an officer to merge or leave."""
    by_council: dict[tuple, list[Indicator]] = {}
    for ind in Indicator.objects.select_related("council").order_by("council", "name"):
        by_council.setdefault((ind.council_id, ind.unit), []).append(ind)
    for inds in by_council.values():
        if len(inds) < 2:
            continue
        keys = [i.key or identity.key(i.name) for i in inds]
        matrix = process.cdist(keys, keys, scorer=fuzz.token_set_ratio, score_cutoff=low)
        for a in range(len(inds)):
            for b in range(a + 1, len(inds)):
                if matrix[a][b] < low:
                    continue
                s = identity.name_score(inds[a].name, inds[b].name).score
                if low <= s < identity.THRESHOLD:
                    yield inds[a], inds[b], s

