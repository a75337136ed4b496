"""Reading and extraction speed.

    .venv/bin/python bench/extract_bench.py [--runs N] [--roundtrip]

(a) read + extract of each seed paper in ../shared/seeds, best of N runs, per file and in
    total (one core; the target is under 1 s for the five).
(b) PDF reading speed in pages per second: Scrutiny's read_pdf against raw pypdfium2 text
    extraction (get_textpage().get_text_range() on every page) on the same PDF, made at
    bench time with WeasyPrint from the seed texts (about a hundred pages, their
    tab-separated tables drawn as ruled tables), and the ratio of the two in this run.
--roundtrip also makes a PDF of each seed and says whether extracting it gives the same
    record as extracting the seed's text (line and page numbers left out).
    tests/reading/test_roundtrip.py makes its PDFs with seed_html() and compares with
    strip_places(), as here.
"""
from __future__ import annotations

import argparse
import html
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT))

from scrutiny.extraction import extract  # noqa: E402
from scrutiny.reading import read_bytes, read_path  # noqa: E402

CSS = """@page { size: A4; margin: 2cm; @bottom-center { content: "Page " counter(page); } }
body { font: 10pt sans-serif; } p { margin: 0 0 5pt; }
table { border-collapse: collapse; margin: 4pt 0; }
td { border: 0.5pt solid #000; padding: 2pt; font-size: 8pt; vertical-align: top; }"""


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def seed_html(paths: list[Path]) -> str:
    """The seed texts as a document: paragraphs, and tab-separated rows as ruled tables."""
    parts: list[str] = []
    for path in paths:
        rows: list[list[str]] = []

        def flush() -> None:
            if rows:
                parts.append("<table>" + "".join(
                    "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>"
                    for r in rows) + "</table>")
                rows.clear()

        for line in path.read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                rows.append(line.split("\t"))
                continue
            flush()
            if line.strip():
                parts.append(f"<p>{html.escape(line)}</p>")
        flush()
        parts.append('<div style="break-after: page"></div>')
    return f"<html><head><style>{CSS}</style></head><body>{''.join(parts)}</body></html>"


def raw_pdfium(data: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    n = 0
    for i in range(len(doc)):
        page = doc[i]
        tp = page.get_textpage()
        n += len(tp.get_text_range())
        tp.close()
        page.close()
    doc.close()
    return n


def strip_places(obj):
    if isinstance(obj, dict):
        return {k: strip_places(v) for k, v in obj.items()
                if k not in ("line", "end_line", "page", "source", "documents")}
    if isinstance(obj, list):
        return [strip_places(x) for x in obj]
    return obj


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--roundtrip", action="store_true")
    args = ap.parse_args()
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        print(f"no seed papers in {SEEDS}", file=sys.stderr)
        return 1

    print(f"(a) read + extract of the seed papers, best of {args.runs} runs")
    total = 0.0
    for path in seeds:
        extract(read_path(path))                     # warm: imports, regex compilation
        t = best(lambda: extract(read_path(path)), args.runs)
        total += t
        lines = len(read_path(path).lines)
        print(f"    {path.name:28s} {lines:5d} lines  {t * 1000:7.1f} ms")
    print(f"    {'total':28s}        {total * 1000:7.1f} ms  "
          f"({'under' if total < 1 else 'OVER'} the 1 s target)")

    import weasyprint

    t = time.perf_counter()
    pdf = weasyprint.HTML(string=seed_html(seeds[:3])).write_pdf()
    made = time.perf_counter() - t
    text = read_bytes(pdf, "bench.pdf")
    pages = text.page_count
    print(f"\n(b) PDF reading: {pages} pages made from seeds {', '.join(p.name[:3] for p in seeds[:3])} "
          f"with WeasyPrint in {made:.1f} s; {len(text.tables)} pages hold ruled tables "
          f"({sum(len(v) for v in text.tables.values())} tables), {len(text.lines)} lines")
    runs = max(3, args.runs)
    t_raw = best(lambda: raw_pdfium(pdf), runs)
    t_ours = best(lambda: read_bytes(pdf, "bench.pdf"), runs)
    print(f"    raw pypdfium2 get_text_range  {t_raw * 1000:8.1f} ms  {pages / t_raw:8.0f} pages/s")
    print(f"    Scrutiny read_pdf             {t_ours * 1000:8.1f} ms  {pages / t_ours:8.0f} pages/s")
    print(f"    ratio read_pdf / raw          {t_ours / t_raw:8.2f}x  (best of {runs}, same run)")

    if args.roundtrip:
        print("\n(c) the same paper as PDF and as text: same record?")
        for path in seeds:
            pdf = weasyprint.HTML(string=seed_html([path])).write_pdf()
            a = strip_places(extract(read_bytes(pdf, path.name)).to_contract())
            b = strip_places(extract(read_path(path)).to_contract())
            same = {k: a[k] == b[k] for k in ("council", "meetings", "indicators")}
            n_ind = (len(a["indicators"]), len(b["indicators"]))
            agree = sum(1 for x in a["indicators"] if x in b["indicators"])
            print(f"    {path.name:28s} " + "  ".join(f"{k}: {'same' if v else 'DIFF'}"
                                                     for k, v in same.items())
                  + f"  (indicators pdf/text {n_ind[0]}/{n_ind[1]}, {agree} identical)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
