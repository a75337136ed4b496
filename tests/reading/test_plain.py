"""Plain-text papers: encodings, and page furniture on the real seed papers.

The seeds are read from ../shared/seeds at test time; no seed text is copied here.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from scrutiny.reading import EmptyPaper, UnsupportedPaper, read_bytes, read_path

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SAMPLE = "Chair\u2019s report \u2013 \u00a3250,000 for the \u201cFamily Hubs\u201d programme"


def _lines(text):
    return [ln.text for ln in text.lines]


def test_utf8():
    text = read_bytes(f"Minutes\n{SAMPLE}\n".encode("utf-8"), "a.txt")
    assert text.kind == "text"
    assert _lines(text) == ["Minutes", SAMPLE]


def test_utf8_with_bom():
    text = read_bytes(b"\xef\xbb\xbf" + f"Minutes\r\n{SAMPLE}\r\n".encode("utf-8"), "b.txt")
    assert _lines(text) == ["Minutes", SAMPLE]


def test_cp1252_curly_quotes_and_pound():
    data = f"Minutes\n{SAMPLE}\n".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert _lines(read_bytes(data, "c.txt")) == ["Minutes", SAMPLE]


def test_latin1_that_is_not_cp1252():
    # 0x81 is unassigned in cp1252: only latin-1 decodes it.
    data = "Caf\u00e9 r\u00e9sum\u00e9 \u00a35".encode("latin-1") + b" \x81\n"
    assert _lines(read_bytes(data, "d.txt")) == ["Caf\u00e9 r\u00e9sum\u00e9 \u00a35 \x81"]


def test_line_numbers_are_input_lines():
    text = read_bytes(b"one\n\nthree\r\nfour\rfive", "e.txt")
    assert [(ln.no, ln.text) for ln in text.lines] == [
        (1, "one"), (2, ""), (3, "three"), (4, "four"), (5, "five")]


def test_form_feeds_break_pages():
    text = read_bytes(b"Agenda\n1. Apologies\n\x0cMinutes\n2 - 4\n", "f.txt")
    assert [(ln.page, ln.text.strip()) for ln in text.lines] == [
        (1, "Agenda"), (1, "1. Apologies"), (2, "Minutes"), (2, "2 - 4")]


def test_empty_and_binary():
    with pytest.raises(EmptyPaper):
        read_bytes(b" \n\t\n", "g.txt")
    with pytest.raises(UnsupportedPaper) as err:
        read_bytes(bytes(range(32)) * 50, "h.txt")
    assert "not a text file" in str(err.value)


# --- furniture on the real seed papers --------------------------------------------------

_PAGE_LINE = re.compile(r"^Page \d+(?: Page \d+)?$")


def _seed(name: str) -> Path:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"seed paper {name} is not in {SEEDS}")
    return path


@pytest.mark.parametrize("name", ["000_a8ae63858d2dd160.txt", "001_90f808d3d9b7cb94.txt"])
def test_printed_page_numbers_in_seeds_are_furniture_and_end_pages(name):
    text = read_path(_seed(name))
    numbered = [ln for ln in text.lines if _PAGE_LINE.match(ln.text.strip())]
    assert len(numbered) >= 5
    assert all(ln.furniture for ln in numbered)
    for ln in numbered:
        if ln.no < len(text.lines):
            assert text.line(ln.no + 1).page == ln.page + 1
    # Text around the page numbers is content, not furniture.
    before = [next(x for x in reversed(text.lines[:ln.no - 1]) if not x.blank) for ln in numbered]
    assert sum(1 for ln in before if not ln.furniture) >= len(before) // 2
    assert text.page_count > numbered[-1].page


@pytest.mark.parametrize("name", ["002_904572338a83fb72.txt", "003_5cb4e3c9281c3fdf.txt"])
def test_blank_page_notices_in_seeds_are_furniture(name):
    text = read_path(_seed(name))
    notices = [ln for ln in text.lines if "intentionally left blank" in ln.text.lower()]
    assert notices
    assert all(ln.furniture for ln in notices)
    assert not any(ln.furniture for ln in text.lines
                   if ln.text.strip().upper().startswith(("RESOLVED", "MINUTES OF")))


def test_seed_minutes_have_no_false_furniture():
    text = read_path(_seed("004_492692d4b457f793.txt"))
    numbered_items = [ln for ln in text.lines if re.match(r"^5[45]\d ", ln.text)]
    assert len(numbered_items) >= 9
    assert not any(ln.furniture for ln in numbered_items)
    assert all(not ln.furniture for ln in text.lines if len(ln.text) > 40)
