"""`scrutiny extract` on bad input: a non-zero exit and one line on stderr naming the file
and the problem, never a traceback.  Through typer's CliRunner, and through the real
command in a subprocess where the environment matters (the size limit)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scrutiny.cli import app

FIXTURES = Path(__file__).resolve().parent / "fixtures"
if str(FIXTURES) not in sys.path:
    sys.path.insert(0, str(FIXTURES))

import paper_factory as pf  # noqa: E402


def _command() -> list[str]:
    script = Path(sys.executable).parent / "scrutiny"
    return [str(script)] if script.exists() else [sys.executable, "-m", "scrutiny.cli"]


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("bad")
    pdf = pf.minutes_pdf()
    files = {
        "empty.txt": b"",
        "junk.bin": bytes(range(256)) * 64,
        "junk.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 64,
        "cut.pdf": pdf[: len(pdf) // 2],
        "locked.pdf": pf.encrypted(pdf),
        "scan.pdf": pf.scanned_pdf(),
        "blank.html": b"<html><body><script>x()</script></body></html>",
    }
    out = {}
    for name, data in files.items():
        (d / name).write_bytes(data)
        out[name] = d / name
    (d / "a folder").mkdir()
    out["a folder"] = d / "a folder"
    out["missing.pdf"] = d / "missing.pdf"
    return out


@pytest.mark.parametrize("name, problem", [
    ("empty.txt", "the file is empty"),
    ("junk.bin", "this is not a text file"),
    ("junk.pdf", "this PDF is truncated or damaged"),
    ("cut.pdf", "this PDF is truncated or damaged"),
    ("locked.pdf", "this PDF is encrypted with a password"),
    ("scan.pdf", "this PDF has no text layer (it is scanned images); it needs OCR"),
    ("blank.html", "this page has no readable text"),
    ("a folder", "is a folder, not a paper"),
    ("missing.pdf", "no such file"),
])
def test_bad_input_is_one_line_and_exit_2(bad, name, problem):
    result = CliRunner().invoke(app, ["extract", str(bad[name]), "--json"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    err = result.stderr.splitlines()
    assert len(err) == 1, result.stderr
    assert err[0].startswith("scrutiny: ") and name in err[0] and problem in err[0]
    assert "Traceback" not in result.output
    assert result.stdout == ""


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(_command() + args, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **env})


def test_over_the_size_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"Minutes of the meeting\n" * 70_000)          # about 1.5 MB
    done = _run(["extract", str(big)], SCRUTINY_MAX_PAPER_MB="1")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "scrutiny: big.txt: the file is 1.5 MB, over the 1 MB limit (SCRUTINY_MAX_PAPER_MB)"]
    assert done.stdout == ""


def test_truncated_pdf_through_the_real_command(bad):
    done = _run(["extract", str(bad["cut.pdf"]), "--json"])
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith("scrutiny: ") and "cut.pdf: this PDF is truncated or damaged" in line
    assert "Traceback" not in done.stderr


def test_good_papers_print_json(tmp_path):
    (tmp_path / "minutes.pdf").write_bytes(pf.minutes_pdf())
    for paper in (tmp_path / "minutes.pdf", FIXTURES / "borsetshire_meeting.html",
                  FIXTURES / "borsetshire_getmeeting.xml"):
        result = CliRunner().invoke(app, ["extract", str(paper), "--json"])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["schema"] == "scrutiny.extract/1"
        assert data["source"] == paper.name
        assert data["meetings"], paper.name
