"""The action tracker's cost (issue 4): ingest of a generated ten-year record with and
without the tracker, and a full tracking run (due dates, owners, recommendations, follow-up
detection) over it.

    .venv/bin/python bench/actions_bench.py [--years 10] [--json OUT]

Times are CPU seconds of this process (time.process_time), so that other work on the
machine does not count; the tracker's own share is measured directly, with a timer around
the ingest hook.
The record is bench/portal_bench.py's: one fictional council's scrutiny committee, eight
meetings a year, each a minutes paper with items, resolutions and actions, read through
the real ingest path into a fresh SQLite database in a temporary folder.  The seeds are
not added (they are other committees: the tracker's cost grows with one committee's
history).  Both builds run in this process, one after the other, on the same machine.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def build(db: Path, years: int, tracking: bool) -> tuple[float, float]:
    """Seconds to ingest the record, and seconds of that spent in the tracker."""
    from django.conf import settings
    from django.db import connections

    from scrutiny.web import migrate
    from scrutiny.web.actions import tracker

    connections.close_all()
    settings.DATABASES["default"]["NAME"] = str(db)
    connections["default"].settings_dict["NAME"] = str(db)
    migrate()
    real = tracker.after_ingest
    spent = [0.0]

    def timed(reconciler):
        t = time.process_time()
        try:
            return real(reconciler)
        finally:
            spent[0] += time.process_time() - t

    tracker.after_ingest = timed if tracking else (lambda reconciler: None)
    try:
        from portal_bench import generate
        t0 = time.process_time()
        generate(years=years)
        return time.process_time() - t0, spent[0]
    finally:
        tracker.after_ingest = real


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="scrutiny-actions-bench-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'off.sqlite3'}"
    from scrutiny.web import setup
    setup()
    off, _ = build(tmp / "off.sqlite3", args.years, tracking=False)
    on, in_tracker = build(tmp / "on.sqlite3", args.years, tracking=True)

    from scrutiny.web.actions.models import Action, FollowUp, Recommendation
    from scrutiny.web.actions.tracker import track_all
    from scrutiny.web.record.models import Meeting

    n_meetings, n_actions = Meeting.objects.count(), Action.objects.count()
    t0 = time.process_time()
    track_all()
    again = time.process_time() - t0
    FollowUp.objects.all().delete()
    t0 = time.process_time()
    r = track_all()
    fresh = time.process_time() - t0
    out = {
        "meetings": n_meetings, "actions": n_actions,
        "recommendations": Recommendation.objects.count(), "proposals": r.proposals,
        "ingest_seconds_without_tracker": round(off, 2),
        "ingest_seconds_with_tracker": round(on, 2),
        "seconds_in_tracker_during_ingest": round(in_tracker, 2),
        "tracker_ms_per_paper": round(1000 * in_tracker / max(n_meetings, 1), 1),
        "full_tracking_run_seconds": round(fresh, 3),
        "tracking_run_nothing_new_seconds": round(again, 3),
    }
    for k, v in out.items():
        print(f"{k:>34}: {v}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
