"""The example papers in examples/ agree with their own answers (examples/fenmoor/expected.json).

These tests check the examples, not the extractor: that every paper reads as UTF-8, that
every line number in expected.json points at a line holding the stated text, and that the
story across meetings hangs together (an action marked answered names a later paper and
item that exist).  Extraction quality is measured elsewhere against the same answers.
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
EXPECTED = EXAMPLES / "fenmoor" / "expected.json"
SEEDS = ROOT.parent / "shared" / "seeds"

STATUSES = {"answered", "open", "deferred"}
KINDS = {"agenda", "minutes", "report", "meeting-page"}


# --------------------------------------------------------------------------- helpers

def norm(text: str) -> str:
    """Lower case, one space between words, curly quotes straightened."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


_cache: dict[str, list[str]] = {}


def lines_of(rel: str) -> list[str]:
    if rel not in _cache:
        _cache[rel] = (EXAMPLES / rel).read_text(encoding="utf-8").split("\n")
    return _cache[rel]


def line_at(rel: str, no: int) -> str:
    lines = lines_of(rel)
    assert isinstance(no, int) and 1 <= no <= len(lines), f"{rel}: line {no} out of range"
    return lines[no - 1]


def window(rel: str, no: int, size: int) -> str:
    return norm(" ".join(lines_of(rel)[no - 1:no - 1 + size]))


def surname(name: str) -> str:
    return re.split(r"[\s.]+", name.strip())[-1]


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def all_meetings(expected):
    for rel, paper in expected["papers"].items():
        for m in paper["record"]["meetings"]:
            yield rel, paper, m


def paper_files() -> list[Path]:
    return sorted(p for d in ("fenmoor", "modgov") for p in (EXAMPLES / d).glob("*.txt"))


# --------------------------------------------------------------------------- the files

def test_there_are_papers():
    names = [p.name for p in paper_files()]
    assert sum(n.endswith("-minutes.txt") for n in names) == 6
    assert sum(n.endswith("-agenda.txt") for n in names) == 6
    assert len(list((EXAMPLES / "modgov").glob("*.txt"))) == 2


@pytest.mark.parametrize("path", sorted(EXAMPLES.rglob("*")), ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_every_file_is_utf8_text(path: Path):
    if path.is_dir() or "__pycache__" in path.parts:
        return
    data = path.read_bytes()
    text = data.decode("utf-8")                      # raises if not UTF-8
    assert not data.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    assert "\r" not in text, "LF line endings only"
    bad = [c for c in text if ord(c) < 32 and c not in "\t\n"]
    assert not bad, f"control characters {sorted(set(bad))!r}"
    assert text.endswith("\n")


@pytest.mark.parametrize("path", paper_files(), ids=lambda p: p.name)
def test_papers_have_no_placeholders(path: Path):
    text = path.read_text(encoding="utf-8")
    for marker in ("TODO", "TBC", "XXX", "lorem ipsum", "[name]", "<name>", "Councillor X ",
                   "Councillor Y ", "placeholder"):
        assert marker.lower() not in text.lower(), marker


@pytest.mark.parametrize("path", sorted((EXAMPLES / "fenmoor").glob("*-minutes.txt")),
                         ids=lambda p: p.name)
def test_minutes_are_full_length(path: Path):
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert 150 <= n <= 400, f"{path.name} has {n} lines"


def test_expected_lists_every_paper(expected):
    listed = set(expected["papers"])
    on_disk = {str(p.relative_to(EXAMPLES)) for p in paper_files()}
    assert listed == on_disk
    for rel, paper in expected["papers"].items():
        assert paper["kind"] in KINDS, rel
        assert paper["layout"] in expected["layouts"], rel
        assert paper["record"]["schema"] == "scrutiny.extract/1"
        date.fromisoformat(paper["meeting_date"])
        assert rel.split("/")[-1].startswith(paper["meeting_date"]), "files are named by date"


# --------------------------------------------------------------------------- the records

def test_meetings_have_the_contract_shape(expected):
    keys = {"committee", "date", "time", "venue", "record", "members", "items", "attendance",
            "declarations", "resolutions", "actions", "next_meeting"}
    for rel, paper, m in all_meetings(expected):
        assert keys <= set(m), rel
        assert m["record"] in ("agenda", "minutes", "decisions")
        date.fromisoformat(m["date"])
        if m["next_meeting"]:
            assert date.fromisoformat(m["next_meeting"]) > date.fromisoformat(m["date"])
        if m["time"]:
            assert re.fullmatch(r"\d\d:\d\d", m["time"]), m["time"]
        assert set(m["attendance"]) == {"present", "apologies", "substitutes", "officers",
                                        "also_present"}


def test_dates_times_and_venues_are_in_the_papers(expected):
    for rel, paper, m in all_meetings(expected):
        text = norm(" ".join(lines_of(rel)[:40]))
        d = date.fromisoformat(m["date"])
        assert str(d.year) in text and d.strftime("%B").lower() in text, rel
        if m["venue"]:
            assert norm(m["venue"]) in text, (rel, m["venue"])
        if m["time"]:
            h, mi = map(int, m["time"].split(":"))
            printed = f"{(h - 1) % 12 + 1}.{mi:02d} {'am' if h < 12 else 'pm'}"
            assert printed in text, (rel, printed)


def test_item_lines(expected):
    for rel, paper, m in all_meetings(expected):
        last = 0
        for it in m["items"]:
            line = line_at(rel, it["line"])
            assert it["line"] > last, f"{rel}: items out of order at {it}"
            last = it["line"]
            assert str(it["number"]) in line, (rel, it)
            assert norm(it["title"]) in window(rel, it["line"], 5), (rel, it)
            if it["pages"]:
                assert it["pages"] in line, (rel, it)


def test_resolution_lines(expected):
    for rel, paper, m in all_meetings(expected):
        numbers = {it["number"] for it in m["items"]}
        for r in m["resolutions"]:
            assert r["item"] in numbers, (rel, r["item"])
            head = " ".join(norm(r["text"]).split()[:3])
            assert head in norm(line_at(rel, r["line"])), (rel, r["line"], head)
            assert norm(r["text"]) in window(rel, r["line"], 15), (rel, r["line"])
        if paper["kind"] in ("minutes", "meeting-page"):
            assert paper["resolutions_count"] == len(m["resolutions"])


def test_action_lines(expected):
    for rel, paper, m in all_meetings(expected):
        numbers = {it["number"] for it in m["items"]}
        for a in m["actions"]:
            assert a["item"] in numbers, (rel, a)
            assert norm(a["text"]) in norm(line_at(rel, a["line"])), (rel, a["id"], a["line"])
        if paper["kind"] in ("minutes", "meeting-page"):
            assert paper["actions_count"] == len(m["actions"])


def test_declaration_lines(expected):
    count = 0
    for rel, paper, m in all_meetings(expected):
        numbers = {it["number"] for it in m["items"]}
        for d in m["declarations"]:
            count += 1
            line = line_at(rel, d["line"])
            assert surname(d["member"]) in line, (rel, d)
            assert "declared" in line and "interest" in line, (rel, d)
            # the item named in the declaration is a later minute of the same meeting
            assert d["item"] in line or re.search(rf"\bitem {re.escape(d['item'])}\b", line)
            assert d["item"] in numbers or any(
                it["number"] == d["item"] for it in m["items"]), (rel, d)
    assert count >= 2, "at least two real declarations across the year"


def test_people_named_in_records_are_in_the_papers(expected):
    for rel, paper, m in all_meetings(expected):
        text = "\n".join(lines_of(rel))
        names = [x["name"] for x in m["members"]]
        att = m["attendance"]
        names += att["present"] + att["apologies"] + att["officers"] + att["also_present"]
        names += [s["member"] for s in att["substitutes"]]
        names += [s["substituting_for"] for s in att["substitutes"] if s["substituting_for"]]
        for name in names:
            assert name in text or surname(name) in text, (rel, name)
            assert not name.lower().startswith(("councillor", "cllr", "mr ", "mrs ", "dr ")), name


def test_indicator_lines(expected):
    for rel, paper, m in [(r, p, None) for r, p in expected["papers"].items()]:
        inds = paper["record"]["indicators"]
        if paper["kind"] != "report":
            assert inds == [], rel
            continue
        assert inds, rel
        for ind in inds:
            line = line_at(rel, ind["line"])
            cells = [c.replace("%", "") for c in line.split("\t")]
            assert line.startswith(ind["measure"] + "\t"), (rel, ind)
            assert ind["name"] == line.split("\t")[1], (rel, ind)
            assert ind["value"] in cells, (rel, ind)
            header = next(ln for ln in reversed(lines_of(rel)[:ind["line"] - 1])
                          if ln.startswith("Ref\t"))
            assert ind["period"] in line.split("\t") or ind["period"] in header.split("\t"), ind
            if ind["target"]:
                assert ind["target"] in cells, (rel, ind)
            if ind["status"]:
                assert ind["status"] in line.split("\t"), (rel, ind)
        counts = {}
        for ind in inds:
            if ind["status"]:
                counts[ind["status"]] = counts.get(ind["status"], 0) + 1
        assert counts == paper["rag_counts"], rel


# --------------------------------------------------------------------------- the story

def papers_by_date(expected) -> dict[str, str]:
    return {rel: paper["meeting_date"] for rel, paper in expected["papers"].items()}


def check_ref(expected, ref: dict, after: str, what: str):
    rel = ref["paper"]
    assert rel in expected["papers"], (what, rel)
    assert expected["papers"][rel]["meeting_date"] > after, f"{what}: {rel} is not later"
    assert norm(ref["text"]) in norm(line_at(rel, ref["line"])), (what, rel, ref["line"])
    if ref["item"] is not None:
        items = [it["number"] for m in expected["papers"][rel]["record"]["meetings"]
                 for it in m["items"]]
        assert ref["item"] in items, (what, rel, ref["item"])


def test_every_action_is_tracked_once(expected):
    in_records = {a["id"]: (rel, a) for rel, _, m in all_meetings(expected) for a in m["actions"]}
    tracked = [t["id"] for t in expected["actions"]]
    assert len(tracked) == len(set(tracked))
    assert set(tracked) == set(in_records)
    for t in expected["actions"]:
        rel, a = in_records[t["id"]]
        assert (t["paper"], t["line"], t["text"], t["item"]) == (rel, a["line"], a["text"], a["item"])


def test_answered_actions_name_a_later_paper_and_item(expected):
    for t in expected["actions"]:
        assert t["status"] in STATUSES, t["id"]
        if t["status"] == "answered":
            assert t["answered_by"], f"{t['id']} is answered but names no answer"
            assert t["answered_on"] >= t["meeting_date"], t["id"]
        else:
            assert not t["answered_by"] and not t["answered_on"], t["id"]
        for ref in t["answered_by"] + t["progress"]:
            check_ref(expected, ref, t["meeting_date"], t["id"])
        if "follows" in t:
            earlier = next(x for x in expected["actions"] if x["id"] == t["follows"])
            assert earlier["meeting_date"] < t["meeting_date"], t["id"]


def test_overdue_and_late_flags(expected):
    end = {"fenmoor": expected["year_end"],
           "modgov": max(p["meeting_date"] for r, p in expected["papers"].items()
                         if r.startswith("modgov/"))}
    for t in expected["actions"]:
        due = t["due_date"]
        if due:
            date.fromisoformat(due)
        overdue = bool(t["status"] != "answered" and due and due <= end[t["paper"].split("/")[0]])
        assert t["overdue_at_year_end"] == overdue, t["id"]
        assert t["answered_late"] == bool(t["answered_on"] and due and t["answered_on"] > due)


def test_the_year_has_a_story(expected):
    acts = expected["actions"]
    fen = [t for t in acts if t["paper"].startswith("fenmoor/")]
    assert sum(t["status"] == "answered" for t in fen) >= 15
    assert any(t["overdue_at_year_end"] for t in fen), "some actions stay unanswered past due"
    assert any(t["answered_late"] for t in fen), "some actions are answered late"
    assert any(t["status"] == "deferred" for t in fen)
    # answers arrive in different ways: minutes, a later agenda item, a report
    kinds = {expected["papers"][r["paper"]]["kind"] for t in fen for r in t["answered_by"]}
    assert {"minutes", "agenda", "report"} <= kinds
    # the minutes chain from meeting to meeting
    minutes = sorted((p["meeting_date"], p) for r, p in expected["papers"].items()
                     if r.startswith("fenmoor/") and p["kind"] == "minutes")
    for (d1, p1), (d2, _) in zip(minutes, minutes[1:]):
        assert p1["record"]["meetings"][0]["next_meeting"] == d2


def test_membership_changes(expected):
    def chair(rel):
        m = expected["papers"][rel]["record"]["meetings"][0]
        return next(x["name"] for x in m["members"] if x["role"] == "Chair")
    assert surname(chair("fenmoor/2025-06-10-agenda.txt")) == "Achterberg"
    assert surname(chair("fenmoor/2025-11-18-agenda.txt")) == "Okafor-Reid"
    for change in expected["membership_changes"]:
        ev = change["evidence"]
        assert norm(ev["text"]) in norm(line_at(ev["paper"], ev["line"]))


def test_spelling_variants(expected):
    for person in expected["people"]:
        texts = {v["text"] for v in person["variants"]}
        assert len(texts) >= 2, person["name"]
        for v in person["variants"]:
            assert v["text"] in line_at(v["paper"], v["line"]), (person["name"], v)


def test_measure_names_drift_and_worsen(expected):
    measures = expected["measures"]
    assert any(len({n["name"] for n in names}) >= 3 for names in measures.values())
    for ref, names in measures.items():
        for n in names:
            assert line_at(n["paper"], n["line"]).split("\t")[1] == n["name"], ref
    latest = {}
    for rel, paper in expected["papers"].items():
        for ind in paper["record"]["indicators"]:
            if "england" in ind:
                latest[(rel, ind["measure"])] = ind.get("direction")
    assert expected["worse_two_periods_running"]
    for run in expected["worse_two_periods_running"]:
        for rel in run["papers"]:
            assert latest[(rel, run["measure"])] == "Worsening", run


def test_narrative_figure_differs_from_table(expected):
    assert expected["discrepancies"]
    for d in expected["discrepancies"]:
        n, t = d["narrative"], d["table"]
        assert d["narrative_value"] in line_at(n["paper"], n["line"])
        cells = [c.replace("%", "") for c in line_at(t["paper"], t["line"]).split("\t")]
        assert t["value"] in cells and d["narrative_value"] not in cells
        for key in ("raised_in", "resolved_in"):
            r = d[key]
            assert norm(r["text"]) in norm(line_at(r["paper"], r["line"]))


def test_exempt_item(expected):
    agenda = expected["papers"]["fenmoor/2026-03-17-agenda.txt"]
    ex = agenda["exempt_item"]
    line = line_at("fenmoor/2026-03-17-agenda.txt", ex["resolution_line"])
    assert "100A(4)" in line and "paragraph 3" in window(
        "fenmoor/2026-03-17-agenda.txt", ex["resolution_line"], 1)
    minutes = expected["papers"]["fenmoor/2026-03-17-minutes.txt"]["record"]["meetings"][0]
    assert any("Schedule 12A" in r["text"] and "paragraph 3" in r["text"]
               for r in minutes["resolutions"])


def test_at_least_two_layouts_of_minutes(expected):
    layouts = {p["layout"] for p in expected["papers"].values() if p["kind"] == "minutes"}
    assert len(layouts) >= 2
    numbers = [it["number"] for _, p, m in all_meetings(expected) if p["kind"] == "minutes"
               for it in m["items"]]
    assert any(re.fullmatch(r"\d+", n) for n in numbers)
    assert any(re.fullmatch(r"CYP/\d+/\d\d", n) for n in numbers)


# Names every council uses, which the examples share with the real papers by necessity.
STANDARD_PHRASES = (
    "children becoming subject to a child protection plan for a second or subsequent time",
    "children and young people overview and scrutiny committee",
)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the real seed papers are not available")
def test_no_text_copied_from_the_seed_papers():
    """No run of twelve words from a real paper appears in an example, apart from the
    standard names of a national indicator and of the committee."""
    def words(text):
        text = " ".join(re.findall(r"[a-z0-9']+", text.lower()))
        for phrase in STANDARD_PHRASES:
            text = text.replace(phrase, " | ")
        return text.split()

    def grams(w):
        return {" ".join(w[i:i + 12]) for i in range(len(w) - 11)}
    seed = set()
    for p in SEEDS.glob("*.txt"):
        seed |= grams(re.findall(r"[a-z0-9']+", p.read_text(encoding="utf-8", errors="replace").lower()))
    for p in paper_files():
        shared = grams(words(p.read_text(encoding="utf-8"))) & seed
        assert not shared, (p.name, sorted(shared)[:3])
