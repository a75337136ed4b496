"""Portal latency at 20 concurrent clients (issue 3, check 5).

    .venv/bin/python bench/portal_bench.py [--clients 20] [--requests 1200] [--json OUT]

1. Builds a fresh SQLite database in a temporary folder: a generated ten-year record of one
   fictional council (Wessex County Council: one scrutiny committee, ~80 meetings, each
   with a minutes paper, items, attendance, declarations, resolutions and actions, read
   through the real ingest path), plus the seed papers in ../shared/seeds when present.
2. Serves it with `scrutiny serve` (waitress, its default threads) in a separate process on
   127.0.0.1 and a free port.
3. Runs N clients (stdlib threads + urllib) over the main page types -- home, council,
   committee, meeting, item, person, document -- and prints p50 / p95 latency per page
   type and overall.  Only loopback traffic; the run is bounded in requests and time.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT))

COUNCIL = "Wessex County Council"
COMMITTEE = "Children's Services Overview and Scrutiny Committee"
FIRST = ["Alice", "Bernard", "Carol", "Derek", "Elaine", "Frank", "Gwen", "Harold", "Irene",
         "James", "Kath", "Leonard", "Margaret", "Neil", "Olive", "Peter", "Rita", "Simon",
         "Tessa", "Victor", "Wendy", "Yusuf", "Zara", "Colin", "Priya", "Omar"]
LAST = ["Ashdown", "Blackmore", "Chalk", "Dorney", "Ebbesbourne", "Fontmell", "Gillingham",
        "Hazelbury", "Iwerne", "Knowlton", "Lulworth", "Melbury", "Netherbury", "Okeford",
        "Piddle", "Puncknowle", "Rampisham", "Shillingstone", "Tarrant", "Upwey", "Winterborne",
        "Yetminster", "Sturminster", "Cerne", "Bincombe", "Portesham"]
TOPICS = ["Children in care sufficiency", "Special educational needs and disabilities",
          "Youth justice plan", "Early help and family hubs", "School attendance",
          "Child and adolescent mental health services", "Fostering recruitment",
          "Performance monitoring, quarter {q}", "Complaints and compliments annual report",
          "Home to school transport", "Safeguarding partnership annual report",
          "Ofsted inspection action plan", "Care leavers' local offer", "Budget monitoring"]
OFFICERS = [("Hannah Stour", "Director of Children's Services"),
            ("Mark Frome", "Assistant Director, Education"),
            ("Ruth Piddle", "Head of Safeguarding"),
            ("Tom Allen", "Democratic Services Officer")]


def default_threads() -> int:
    from scrutiny.commands import SERVE_THREADS
    return SERVE_THREADS


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def generate(years: int = 10, per_year: int = 8, seed: int = 3) -> int:
    """Ingest a generated ten-year record through the real reconcile path."""
    from scrutiny.extraction.records import (Action, Attendance, Attendee, Declaration, Item,
                                             Meeting, Member, PaperRecord, Resolution)
    from scrutiny.reading import from_string
    from scrutiny.web.record.ingest import ingest_text

    rnd = random.Random(seed)
    pool = [f"{f} {l}" for f, l in zip(FIRST, LAST)]
    start = dt.date(2015, 6, 1)
    n = 0
    members = rnd.sample(pool, 12)
    for y in range(years):
        if y % 4 == 0 and y:                     # elections: a third of members change
            keep = members[:8]
            members = keep + rnd.sample([p for p in pool if p not in keep], 4)
        chair, vice = members[y % 3], members[(y % 3) + 3]
        for k in range(per_year):
            date = start + dt.timedelta(days=365 * y + 45 * k)
            lines: list[str] = []

            def add(s: str) -> int:
                lines.append(s)
                return len(lines)

            add(f"{COUNCIL}")
            add(f"Minutes of the meeting of the {COMMITTEE}")
            meeting_line = add(f"held on {date:%A %-d %B %Y} at 10.00 am, County Hall")
            add("")
            add("Present:")
            present, apologies = [], []
            for p in members:
                (apologies if rnd.random() < 0.15 else present).append(p)
            member_recs = []
            for p in members:
                role = "Chair" if p == chair else "Vice-Chair" if p == vice else None
                ln = add(f"Councillor {p}" + (f" ({role})" if role else ""))
                member_recs.append(Member(f"Councillor {p}", role, line=ln))
            att = Attendance()
            for p in present:
                att.present.append(Attendee(f"Cllr {p}", line=add(f"Cllr {p}")))
            add("Officers:")
            for name, post in OFFICERS:
                att.officers.append(Attendee(name, post, line=add(f"{name}, {post}")))
            items, resolutions, actions, declarations = [], [], [], []
            base = 100 + n * 10
            topics = rnd.sample(TOPICS, 6)
            standard = ["Apologies and substitutes", "Declarations of interest",
                        "Minutes of the previous meeting", "Public question time"]
            for i, title in enumerate(standard + topics):
                title = title.format(q=k % 4 + 1)
                number = str(base + i)
                add("")
                ln = add(f"{number} {title}")
                items.append(Item(number, title, line=ln))
                if i == 0 and apologies:
                    text = "Apologies were received from " + ", ".join(
                        f"Councillor {p}" for p in apologies) + "."
                    add(text)
                    att.apologies.extend(Attendee(p, line=ln + 1) for p in apologies)
                elif i == 1 and rnd.random() < 0.3:
                    who = rnd.choice(present)
                    dl = add(f"Councillor {who} declared an interest as a school governor.")
                    declarations.append(Declaration(f"Councillor {who}", number,
                                                    "School governor", line=dl))
                elif i == 2:
                    rl = add("RESOLVED that the minutes of the previous meeting be confirmed "
                             "as a correct record.")
                    resolutions.append(Resolution(number, lines[-1][9:], line=rl))
                elif i >= 4:
                    for _ in range(rnd.randint(3, 8)):
                        add(f"Members discussed {title.lower()}, asking about trends, "
                            f"budgets and the experience of children and families. " * 2)
                    rl = add(f"RESOLVED that the report on {title.lower()} be noted and "
                             f"the comments of the Committee be passed to the Cabinet Member.")
                    resolutions.append(Resolution(number, lines[-1][9:], line=rl))
                    if rnd.random() < 0.8:
                        al = add(f"It was agreed that further information on {title.lower()} "
                                 f"be circulated to members.")
                        actions.append(Action(number, lines[-1], owner=OFFICERS[0][0],
                                              due="next meeting", line=al))
                for _ in range(rnd.randint(0, 6)):
                    add("")
                    add("Page " + str(len(lines) // 40 + 1))
            meeting = Meeting(committee=COMMITTEE, date=date.isoformat(), time="10:00",
                              venue="County Hall", record="minutes", line=meeting_line,
                              members=member_recs, items=items, attendance=att,
                              declarations=declarations, resolutions=resolutions,
                              actions=actions)
            text = from_string("\n".join(lines) + "\n", f"wessex-{date}-minutes.txt")
            record = PaperRecord(source=text.source, sha256=text.sha256, council=COUNCIL,
                                 meetings=[meeting], lines=len(lines), pages=text.page_count)
            r = ingest_text(text, record)
            assert r.ok, r.message
            n += 1
    return n


def build(db: Path) -> dict:
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    from scrutiny.web import migrate, setup

    setup()
    migrate()
    t0 = time.monotonic()
    meetings = generate()
    seeds = 0
    if SEEDS.is_dir():
        from scrutiny.web.record.ingest import ingest_path
        for f in sorted(SEEDS.glob("*.txt")):
            seeds += ingest_path(f).ok
    from scrutiny.commands import counts
    c = counts()
    print(f"database: {meetings} generated meetings + {seeds} seed papers in "
          f"{time.monotonic() - t0:.1f}s: " + ", ".join(f"{v} {k}" for k, v in c.items()
                                                       if k in ("meetings", "items", "people",
                                                                "resolutions", "actions",
                                                                "passages")))
    return c


def url_sets() -> dict[str, list[str]]:
    from scrutiny.web.record.models import (AgendaItem, Committee, Council, Document,
                                            Meeting, Person)

    wessex = Council.objects.get(name=COUNCIL)
    meetings = list(Meeting.objects.select_related("committee__council"))
    items = list(AgendaItem.objects.select_related("meeting__committee__council")
                 .order_by("?")[:200])
    people = list(Person.objects.all())
    return {
        "home": ["/"],
        "council": [c.get_absolute_url() for c in Council.objects.all()],
        "committee": [c.get_absolute_url() for c in Committee.objects.select_related("council")]
        + [Committee.objects.get(council=wessex).get_absolute_url()] * 3,
        "meeting": [m.get_absolute_url() for m in meetings],
        "item": [i.get_absolute_url() for i in items],
        "person": [p.get_absolute_url() for p in people],
        "document": [d.get_absolute_url() + "?lines=20-24" for d in
                     Document.objects.only("id")],
    }


def start_server(db: Path, port: int, threads: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
    proc = subprocess.Popen([sys.executable, "-c", "from scrutiny.cli import main; main()",
                             "serve", "--port", str(port), "--threads", str(threads)],
                            env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start: " + proc.stderr.read().decode()[-2000:])


def run_clients(base: str, urls: dict[str, list[str]], clients: int, total: int,
                time_limit: float) -> dict[str, list[float]]:
    kinds = list(urls)
    lat: dict[str, list[float]] = {k: [] for k in kinds}
    errors: list[str] = []
    lock = threading.Lock()
    counter = iter(range(total))
    stop = time.monotonic() + time_limit

    def client(i: int) -> None:
        rnd = random.Random(i)
        while time.monotonic() < stop:
            with lock:
                n = next(counter, None)
            if n is None:
                return
            kind = kinds[n % len(kinds)]
            url = base + rnd.choice(urls[kind])
            t = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=30) as r:
                    r.read()
                    ok = r.status == 200
            except OSError as exc:
                ok = False
                with lock:
                    errors.append(f"{url}: {exc}")
            dt_ = time.perf_counter() - t
            if ok:
                with lock:
                    lat[kind].append(dt_)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        print(f"{len(errors)} failed requests, e.g. {errors[0]}")
    return lat


def pct(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=1400, help="total requests measured")
    ap.add_argument("--time-limit", type=float, default=300, help="seconds, at most")
    ap.add_argument("--threads", type=int, default=None,
                    help="server threads (default: as `scrutiny serve`)")
    ap.add_argument("--json", type=Path, help="write the figures here as JSON")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="scrutiny-bench-") as tmp:
        db = Path(tmp) / "bench.sqlite3"
        counts = build(db)
        urls = url_sets()
        port = free_port()
        server = start_server(db, port, args.threads or default_threads())
        base = f"http://127.0.0.1:{port}"
        try:
            run_clients(base, urls, args.clients, len(urls) * 5, 60)      # warm up
            single = run_clients(base, urls, 1, len(urls) * 15, 60)      # one client alone
            t0 = time.monotonic()
            lat = run_clients(base, urls, args.clients, args.requests, args.time_limit)
            elapsed = time.monotonic() - t0
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    every = [x for xs in lat.values() for x in xs]
    rows = []
    print(f"\n{args.clients} concurrent clients, {len(every)} requests in {elapsed:.1f}s "
          f"({len(every) / elapsed:.0f} requests/s), waitress "
          f"{args.threads or default_threads()} threads, SQLite")
    print(f"{'page':<10} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}"
          f"   {'alone p50':>9}")
    alone_all = [x for xs in single.values() for x in xs]
    for kind, xs in list(lat.items()) + [("all", every)]:
        alone = single.get(kind, alone_all)
        row = {"page": kind, "requests": len(xs), "p50_ms": round(pct(xs, 50), 1),
               "p95_ms": round(pct(xs, 95), 1),
               "max_ms": round(max(xs) * 1000, 1) if xs else None,
               "single_client_p50_ms": round(pct(alone, 50), 1)}
        rows.append(row)
        print(f"{kind:<10} {len(xs):>8} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['max_ms']:>8}"
              f"   {row['single_client_p50_ms']:>9}")
    if args.json:
        args.json.write_text(json.dumps({"clients": args.clients, "elapsed_s": elapsed,
                                         "counts": counts, "pages": rows,
                                         "mean_ms": statistics.mean(every) * 1000}, indent=1))


if __name__ == "__main__":
    main()
