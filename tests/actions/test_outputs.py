"""The "Matters arising" action log (HTML, PDF, DOCX, CSV), its text checked; the PDF
rendered to PNG with pdftoppm (poppler-utils) for a look; impact figures."""
from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.actions.test_examples import action_at, expected, year  # noqa: F401  (fixture)

MARCH = dt.date(2026, 3, 17)
SLUG = "fenmoor-county-council/children-and-young-people-overview-and-scrutiny-committee"
ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts"


@pytest.fixture
def fenmoor(year, db, django_user_model):
    """The example year, with one action closed by an officer in January 2026 (after the
    November meeting, before the one in March)."""
    from scrutiny.web.actions.changes import add_evidence
    from scrutiny.web.record.models import Committee

    n4 = action_at(expected("N4")["paper"], expected("N4")["line"])      # briefing note
    add_evidence(n4, django_user_model.objects.create_user("olive"), kind="note",
                 note="Briefing note circulated to members", close=True,
                 closed_on=dt.date(2026, 1, 10))
    return Committee.objects.get(council__name="Fenmoor County Council")


def test_matters_arising_for_the_march_meeting(fenmoor):
    from scrutiny.web.actions.outputs import matters_arising

    ma = matters_arising(fenmoor, MARCH)
    assert ma.title == ("Matters arising: Children and Young People Overview and Scrutiny "
                        "Committee, 17 March 2026")
    assert ma.since == dt.date(2026, 1, 20)
    texts = [r.text for r in ma.outstanding]
    assert any("first-time entrants" in t for t in texts)                    # B4
    b4 = next(r for r in ma.outstanding if "first-time entrants" in r.text)
    assert b4.overdue and b4.due == dt.date(2025, 9, 30) and b4.source == "2025-07-15-minutes.txt"
    # nothing raised at or after the meeting itself
    assert all(r.raised < MARCH for r in ma.rows)
    # closed before the January meeting: reported then, not again
    assert not any("briefing note" in r.text for r in ma.rows)
    jan = matters_arising(fenmoor, dt.date(2026, 1, 20))
    done = [r for r in jan.completed if "briefing note" in r.text]
    assert done and done[0].status == "Done" and "circulated to members" in done[0].update


def test_pdf_text_and_rendering(fenmoor):
    from pypdf import PdfReader

    from scrutiny.web.actions.outputs import matters_arising, render_log_pdf

    pdf = render_log_pdf(matters_arising(fenmoor, MARCH))
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    assert "Matters arising: Children and Young People Overview and Scrutiny Committee, 17 March 2026" in text
    assert "Fenmoor County Council" in text and "Outstanding (" in text
    assert "first-time entrants to the youth justice system" in text
    assert "2025-07-15-minutes.txt, line 127" in text
    assert "Overdue" in text and "Page 1 of" in text
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "matters-arising.pdf").write_bytes(pdf)
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (Debian poppler-utils) is not installed; .ci/run installs it")
    out = ARTIFACTS / "matters-arising"
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1",
                    str(ARTIFACTS / "matters-arising.pdf"), str(out)], check=True)
    png = next(ARTIFACTS.glob("matters-arising-*1.png"))
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width > height > 300                # A4 landscape at 50 dpi: about 585 x 413
    # the page is not blank: the rendered text darkens a fair share of it
    from PIL import Image
    img = Image.open(png).convert("L")
    dark = sum(img.histogram()[:128]) / (width * height)
    assert 0.01 < dark < 0.5, dark


def test_docx_text(fenmoor):
    from docx import Document

    from scrutiny.web.actions.outputs import matters_arising, render_log_docx

    doc = Document(io.BytesIO(render_log_docx(matters_arising(fenmoor, MARCH))))
    paras = "\n".join(p.text for p in doc.paragraphs)
    assert "Matters arising: Children and Young People Overview and Scrutiny Committee, 17 March 2026" in paras
    assert "Outstanding (" in paras and "Completed since the last meeting (" in paras
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Ref", "Raised", "Action", "Owner", "Due",
                                                     "Status", "Update"]
    cells = [[c.text for c in row.cells] for row in table.rows[1:]]
    b4 = next(r for r in cells if "first-time entrants" in r[2])
    assert b4[4].startswith("30 Sep 2025") and b4[5] == "Open – overdue"
    assert "[2025-07-15-minutes.txt, line 127]" in b4[2]


def test_csv_and_html(fenmoor, client, django_user_model):
    from scrutiny.web.actions.changes import grant

    u = django_user_model.objects.create_user("viewer")
    grant(u, "viewer")
    client.force_login(u)
    base = f"/workspace/committees/{SLUG}/matters-arising/?meeting=2026-03-17"
    rows = list(csv.DictReader(io.StringIO(client.get(base + "&format=csv").content.decode())))
    b4 = next(r for r in rows if "first-time entrants" in r["action"])
    assert (b4["due"], b4["overdue"], b4["source"], b4["line"]) == (
        "2025-09-30", "yes", "2025-07-15-minutes.txt", "127")
    page = client.get(base).content.decode()
    assert "Matters arising" in page and "format=pdf" in page and "format=docx" in page
    for fmt, kind in (("pdf", "application/pdf"), ("docx", "wordprocessingml")):
        r = client.get(f"{base}&format={fmt}")
        assert r.status_code == 200 and kind in r["Content-Type"]
        assert "attachment" in r["Content-Disposition"]


def test_the_cli_writes_the_log(fenmoor, tmp_path):
    from typer.testing import CliRunner

    import scrutiny.commands  # noqa: F401
    from scrutiny.cli import app

    out = tmp_path / "log.docx"
    r = CliRunner().invoke(app, ["matters-arising", "--committee", SLUG, "--meeting",
                                 "2026-03-17", "--format", "docx", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.stat().st_size > 5000 and "outstanding" in r.stdout


def test_impact_figures(fenmoor):
    from scrutiny.web.actions.outputs import impact

    i = next(x for x in impact(MARCH) if x.committee.pk == fenmoor.pk)
    assert i.raised >= 40 and i.closed == 1 and i.closed_with_due == 1
    assert i.closed_on_time == 1                    # due 20 January 2026, closed 10 January
    assert i.median_days_to_close == (dt.date(2026, 1, 10) - dt.date(2025, 11, 18)).days
    assert i.overdue >= 2 and i.recommendations >= 3 and i.accepted == 0
