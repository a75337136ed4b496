"""HTML meeting pages and Modern.gov XML: rendered to text lines with lxml.

HTML (a council's meeting page, above all Modern.gov's "Agenda and minutes" page,
ieListDocuments.aspx) is rendered the way a browser's "save as text" renders it, so that
it reads like the text-saved meeting pages Scrutiny is scored on::

    Agenda and minutes

    Children's Services Scrutiny Committee - Tuesday, 22nd September, 2020 6.00 pm

    Venue: Council Chamber, Town Hall

    Items

    No. Item

    58.

    Apologies for Absence

    Minutes:

    There were no apologies for absence.

Block elements end lines and paragraphs are separated by a blank line; the cells of an
items table (a number cell and a cell of paragraphs) become separate blocks; other data
tables become tab-separated rows, the shape in which the text conversions show tables.
Scripts, styles, navigation, page headers and footers, forms and hidden elements are
dropped and never run; link debris such as "pdf icon PDF 211 KB" is removed.

Modern.gov's web-service XML (mgWebService.asmx GetMeeting: a <meeting> with its
committee, date, time, location, attendees and agenda items with their minutes) is
rendered into the same layout as the meeting page: a heading line "<Committee> -
<date> <time>", "Venue: ...", the attendance as "Present:" / "Apologies:" lines, then
"Items" and, for each item, its number, title, "Minutes:" and the minute text, so the same
extractor reads both.

Line numbers of an HTML or XML Text are the lines of this rendered text (1-based), and
every line is on page 1: a web page has no pages.  ``Text.as_string()`` gives the
rendered text, so a citation can always be followed back.

Safety: lxml parses with no network access, without loading DTDs or resolving entities,
and with libxml2's limits on depth and size left on (huge_tree off); the rendering walks
the tree without recursion.  HTML with no readable text raises ReadError.
"""
from __future__ import annotations

import hashlib
import html as htmllib
import re
from datetime import date, datetime

from lxml import etree

from .errors import ReadError, UnsupportedPaper
from .text import Line, Text

# --- element classes --------------------------------------------------------------------

_DROP = frozenset("""script style noscript template head title meta link base iframe frame
frameset object embed applet svg math canvas audio video source track map area nav button
select option optgroup input textarea datalist output progress meter dialog""".split())
_PARA = frozenset("p h1 h2 h3 h4 h5 h6 ul ol dl blockquote pre hr table figure address "
                  "fieldset details".split())
_LINE = frozenset("div li dt dd tr summary figcaption caption form main section article "
                  "aside header footer center legend body html thead tbody tfoot".split())
_BLOCKISH = _PARA | _LINE | {"td", "th", "br"}
_CHROME_WORDS = ("breadcrumb", "skiplink", "skip-link", "skip-to", "skiptocontent",
                 "cookie", "site-header", "site-footer", "sitefooter", "siteheader",
                 "masthead", "globalnav", "global-nav", "mgbreadcrumbs")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

_WS = re.compile(r"[ \t\n\r\f\v\u00a0\u200b\u2028\u2029]+")
# "pdf icon PDF 211 KB", "PDF 1 MB", "(PDF, 95KB)", "doc icon Word 40 KB": link debris.
_DEBRIS = re.compile(
    r"\s*\(?\b(?:pdf|doc|docx|word|excel|xls|xlsx|ppt|pptx|rtf|odt|csv|html?|zip|mp3|mp4)"
    r"\s+icon\b\)?"
    r"|\s*\(?\b(?:PDF|DOC|DOCX|Word|Excel|XLS|XLSX|PPT|PPTX|RTF|ODT|CSV|HTML?|ZIP|MP3|MP4)"
    r",?\s+\d+(?:\.\d+)?\s*(?:KB|MB|GB|kb|mb|bytes?)\b\)?", re.I)
_DEBRIS_HINT = re.compile(r"icon|\d\s*(?:kb|mb|gb|bytes?)\b", re.I)


def _undebris(s: str) -> str:
    return _DEBRIS.sub("", s) if _DEBRIS_HINT.search(s) else s


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def read_markup(data: bytes, source: str) -> Text:
    """Read an HTML page or a Modern.gov XML response into a Text."""
    from . import sniff

    kind = sniff(data)
    if kind == "xml":
        lines = _render_xml(data, source)
        text_kind = "modgov-xml"
    else:
        lines, warns = _render_html_document(data, source)
        text_kind = "html"
    lines = _tidy(lines)
    if not any(s.strip() for s in lines):
        raise ReadError(source, "this page has no readable text (nothing but markup, scripts "
                                "or hidden elements)")
    text = Text(source=source, lines=[Line(i, 1, s) for i, s in enumerate(lines, start=1)],
                kind=text_kind, sha256=hashlib.sha256(data).hexdigest())
    if text_kind == "html":
        text.warnings.extend(warns)
    return text


# --- HTML ------------------------------------------------------------------------------

def _decode_html(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    m = _META_CHARSET.search(data[:4096])
    if m:
        enc = m.group(1).decode("ascii", "ignore").lower()
        if enc in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
            enc = "cp1252"          # what browsers do
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _parse_html(text: str):
    text = _XML_DECL.sub("", text.replace("\x00", ""), count=1)
    parser = etree.HTMLParser(recover=True, no_network=True, remove_comments=True,
                              remove_pis=True, huge_tree=False, default_doctype=False)
    try:
        root = etree.fromstring(text, parser)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    return root, parser


def _render_html_document(data: bytes, source: str) -> tuple[list[str], list[str]]:
    root, parser = _parse_html(_decode_html(data))
    if root is None:
        raise ReadError(source, "this page has no readable text (the HTML holds no elements)")
    warns = []
    if any("depth" in (e.message or "").lower() or "huge" in (e.message or "").lower()
           for e in parser.error_log):
        warns.append("the HTML is nested too deeply; the part of the page beyond that depth "
                     "was not read")
    _strip(root)
    return _render(_content_root(root)), warns


def render_html_fragment(markup: str) -> list[str]:
    """Lines of an HTML fragment (the minute text inside Modern.gov XML)."""
    root, _ = _parse_html(f"<html><body>{markup}</body></html>")
    if root is None:
        return []
    _strip(root)
    return _render(_content_root(root))


def _classes(el) -> str:
    return f"{el.get('id') or ''} {el.get('class') or ''}".lower()


_CSS_MEDIA = re.compile(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", re.S)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}", re.S)
_CSS_SIMPLE = re.compile(r"^[a-z0-9]*([.#])([\w-]+)$", re.I)


def _css_hidden(root) -> tuple[set[str], set[str]]:
    """Classes and ids that the page's own style sheets hide (simple selectors only:
    '.name', '#name', 'tag.name'; rules inside @media blocks are left alone)."""
    classes: set[str] = set()
    ids: set[str] = set()
    for style in root.iter("style"):
        css = _CSS_MEDIA.sub("", "".join(style.itertext()))
        for selectors, body in _CSS_RULE.findall(css[:200_000]):
            if not _HIDDEN_STYLE.search(body):
                continue
            for sel in selectors.split(","):
                m = _CSS_SIMPLE.match(sel.strip())
                if m:
                    (classes if m.group(1) == "." else ids).add(m.group(2).lower())
    return classes, ids


def _is_chrome(el, hidden: tuple[set[str], set[str]]) -> bool:
    tag = el.tag
    if tag in _DROP:
        return True
    if hidden[0] or hidden[1]:
        if (el.get("id") or "").lower() in hidden[1]:
            return True
        if hidden[0] and not hidden[0].isdisjoint((el.get("class") or "").lower().split()):
            return True
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    role = (el.get("role") or "").lower()
    if role in ("navigation", "banner", "contentinfo", "search"):
        return True
    if tag in ("header", "footer"):
        # A page's header or footer (not the header of an article inside the content).
        anc = el.getparent()
        while anc is not None:
            if anc.tag in ("article", "main", "section") or \
                    "modgov" in _classes(anc) or "mgcontent" in _classes(anc):
                return False
            anc = anc.getparent()
        return True
    names = _classes(el)
    return bool(names.strip()) and any(w in names for w in _CHROME_WORDS)


def _strip(root) -> None:
    """Remove scripts, styles, navigation, hidden elements and other chrome (their tails,
    the text that follows them, stay)."""
    doomed = []
    hidden = _css_hidden(root)
    for el in root.iter():
        if not isinstance(el.tag, str):          # comments, processing instructions, entities
            doomed.append(el)
        elif _is_chrome(el, hidden):
            doomed.append(el)
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        tail = el.tail
        prev = el.getprevious()
        if tail:
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(el)


def _content_root(root):
    for xp in ("//*[@id='modgov']", "//main", "//*[@role='main']",
               "//*[@id='content' or @id='main-content' or @id='maincontent' or @id='main']",
               "//body"):
        found = root.xpath(xp)
        if found:
            return found[0]
    return root


class _Out:
    """Lines being written: inline text gathers into the current line; blocks break it."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.cur: list[str] = []
        self.pre = 0

    def text(self, s: str | None) -> None:
        if s:
            self.cur.append(s)

    def newline(self) -> None:
        if self.cur:
            s = "".join(self.cur)
            self.cur = []
            if self.pre:
                self.lines.extend(x.rstrip() for x in s.split("\n"))
            else:
                s = _WS.sub(" ", s).strip()
                if s:
                    self.lines.append(s)

    def blank(self) -> None:
        self.newline()
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def hard_break(self) -> None:
        """<br>: end the line even if it is empty so far."""
        if self.pre:
            self.cur.append("\n")
        else:
            self.newline()


def _render(root) -> list[str]:
    out = _Out()
    _walk(root, out)
    out.newline()
    return out.lines


def _walk(root, out: _Out) -> None:
    """Render an element tree into `out` without recursion (libxml2 bounds the depth, but a
    Python recursion over hostile input is not worth the risk)."""
    # Stack entries: ("start", el) | ("end", el) | ("tail", el) | ("table", el)
    stack: list[tuple[str, object]] = [("start", root)]
    ol_counters: list[list] = []
    while stack:
        op, el = stack.pop()
        if op == "tail":
            out.text(el.tail)
            continue
        if op == "end":
            _end(el, out, ol_counters)
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "table":
            out.blank()
            _table(el, out)
            out.blank()
            continue
        _begin(el, out, ol_counters)
        if tag == "br":
            out.hard_break()
            continue
        if tag == "hr":
            out.blank()
            continue
        out.text(el.text)
        stack.append(("end", el))
        for child in reversed(el):
            stack.append(("tail", child))
            stack.append(("start", child))


def _begin(el, out: _Out, ols: list[list]) -> None:
    tag = el.tag
    if tag in _PARA:
        out.blank()
    elif tag in _LINE or tag in ("td", "th"):
        out.newline()
    if tag == "pre":
        out.pre += 1
    if tag == "ol":
        try:
            start = int(el.get("start") or 1)
        except ValueError:
            start = 1
        ols.append([start, (el.get("type") or "1")])
    elif tag == "ul":
        ols.append([0, None])
    elif tag == "li" and ols and ols[-1][1] is not None:
        n, kind = ols[-1]
        out.text(f"{_marker(n, kind)}. ")
        ols[-1][0] += 1


def _end(el, out: _Out, ols: list[list]) -> None:
    tag = el.tag
    if tag == "pre":
        out.newline()
        out.pre -= 1
    if tag in ("ol", "ul") and ols:
        ols.pop()
    if tag in _PARA:
        out.blank()
    elif tag in _LINE or tag in ("td", "th"):
        out.newline()


def _marker(n: int, kind: str) -> str:
    if kind in ("a", "A"):
        s = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            s = chr(97 + r) + s
        s = s or "a"
        return s.upper() if kind == "A" else s
    if kind in ("i", "I"):
        vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        s, k = "", max(n, 1)
        for v, r in vals:
            while k >= v:
                s, k = s + r, k - v
        return s.upper() if kind == "I" else s
    return str(n)


# --- tables ----------------------------------------------------------------------------

def _rows(table) -> list:
    """The table's own rows (not those of nested tables)."""
    rows = []
    for child in table:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(r for r in child if r.tag == "tr")
    return rows


def _cells(row) -> list:
    return [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]


def _inline_text(el) -> str:
    parts = []
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        if node is not el and node.tag in _BLOCKISH:
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        if node is not el and node.tail:
            parts.append(node.tail)
    return _clean(" ".join(["".join(parts)]))


def _is_layout(table, rows) -> bool:
    """A table that lays out paragraphs (Modern.gov's items table, a page grid) rather
    than holding data."""
    names = _classes(table)
    if "mgitemtable" in names or (table.get("role") or "").lower() == "presentation":
        return True
    if table.xpath(".//table"):
        return True
    for row in rows:
        for cell in _cells(row):
            blocks = [c for c in cell if isinstance(c.tag, str) and c.tag in _PARA | {"div"}
                      and _clean("".join(c.itertext()))]
            if len(blocks) >= 2:
                return True
            if len(_clean("".join(cell.itertext()))) > 400:
                return True
    return False


def _table(table, out: _Out) -> None:
    rows = _rows(table)
    caption = next((c for c in table if isinstance(c.tag, str) and c.tag == "caption"), None)
    if _is_layout(table, rows):
        if caption is not None:
            out.lines.extend([s for s in _render(caption) if s] + [""])
        for i, row in enumerate(rows):
            cells = _cells(row)
            if i == 0 and cells and all(c.tag == "th" for c in cells):
                head = " ".join(t for t in (_inline_text(c) for c in cells) if t)
                if head:
                    out.lines.extend([head, ""])
                continue
            for cell in cells:
                sub = _render(cell)
                if any(sub):
                    out.lines.extend(sub)
                    out.lines.append("")
        return
    if caption is not None:
        cap = _inline_text(caption)
        if cap:
            out.lines.append(cap)
    for row in rows:
        cells = []
        for cell in _cells(row):
            cells.append(_inline_text(cell).replace("\t", " "))
            try:
                span = min(int(cell.get("colspan") or 1), 50)
            except ValueError:
                span = 1
            cells.extend([""] * (span - 1))
        if any(cells):
            out.lines.append("\t".join(cells).rstrip())


# --- Modern.gov XML --------------------------------------------------------------------

def _local(tag) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child(el, *names: str):
    for c in el:
        if _local(c.tag) in names:
            return c
    return None


def _value(el, *names: str) -> str:
    """Text of the first child (or attribute) of that name, entities decoded (Modern.gov
    escapes its HTML once more inside the XML, so '&amp;amp;' arrives as '&amp;')."""
    if el is None:
        return ""
    for n in names:
        attr = el.get(n)
        if attr:
            return _clean(_unescape(attr))
        c = _child(el, n)
        if c is not None:
            return _clean(_unescape("".join(c.itertext())))
    return ""


def _unescape(s: str) -> str:
    for _ in range(2):
        if "&" not in s:
            break
        s = htmllib.unescape(s)
    return s


def _render_xml(data: bytes, source: str) -> list[str]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_comments=True,
                             remove_pis=True, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        msg = str(exc).splitlines()[0] if str(exc) else "malformed XML"
        raise ReadError(source, f"this XML file cannot be read ({msg})") from None
    except ValueError as exc:
        raise ReadError(source, f"this XML file cannot be read ({exc})") from None
    meeting = root if _local(root.tag) == "meeting" else next(
        (e for e in root.iter() if _local(e.tag) == "meeting" and _child(e, "agendaitems",
         "meetingdate", "meetingid") is not None), None)
    if meeting is None:
        raise UnsupportedPaper(source, "this XML file is not a Modern.gov meeting (GetMeeting) "
                                       "response; Scrutiny reads text, PDF, HTML and Modern.gov "
                                       "meeting XML papers")
    return _meeting_lines(meeting)


def _meeting_lines(m) -> list[str]:
    committee = _value(m, "committeetitle", "committeename", "committee") or "Meeting"
    when = " ".join(x for x in (_mg_date(_value(m, "meetingdate")),
                                _mg_time(_value(m, "meetingtime"))) if x)
    items = _child(m, "agendaitems")
    agenda = [] if items is None else [i for i in items if _local(i.tag) == "agendaitem"]
    has_minutes = any(_child(i, "minutesnonemptyhtmlbody", "minuteshtmlbody") is not None
                      and "".join(_child(i, "minutesnonemptyhtmlbody", "minuteshtmlbody")
                                  .itertext()).strip() for i in agenda)
    # The page title Modern.gov prints above the meeting's heading.
    lines = ["Agenda and minutes" if has_minutes else "Agenda", "",
             f"{committee} - {when}" if when else committee, ""]
    venue = _value(m, "meetinglocation", "meetingvenue", "venue", "location")
    if venue:
        lines += [f"Venue: {venue}", ""]
    status = _value(m, "meetingstatus")
    if status and status.lower() not in ("confirmed", "normal"):
        lines += [f"Status: {status}", ""]
    lines += _attendance_lines(_child(m, "attendees"))
    if agenda:
        lines += ["Items", "", "No. Item", ""]
    for item in agenda:
        if _value(item, "isdisplayallowed").lower() == "false":
            continue
        minutes = _html_value(item, "minutesnonemptyhtmlbody", "minuteshtmlbody", "minutes",
                              "minutestext")
        number = (_value(item, "minutesitemnumber") if minutes else "") or \
            _value(item, "agendaitemnumber", "itemnumber")
        if number:
            lines += [number + "." if number[-1].isdigit() else number, ""]
        title = _value(item, "agendaitemtitle", "title")
        if title:
            lines += [_clean(_undebris(title)), ""]
        if _value(item, "isrestricted").lower() == "true":
            lines += ["This item is exempt (confidential): it was considered in private.", ""]
        intro = _html_value(item, "agendatext", "agendaitemtext", "agendaitemdescription")
        if intro:
            lines += intro + [""]
        docs = _documents(item)
        if docs:
            lines += ["Documents:", ""] + docs + [""]
        if minutes:
            lines += ["Minutes:", ""] + minutes + [""]
        decision = _html_value(item, "decisionnonemptyhtmlbody", "decisionhtmlbody")
        if decision:
            lines += ["Decision:", ""] + decision + [""]
    return lines


def _html_value(el, *names: str) -> list[str]:
    for n in names:
        c = _child(el, n)
        if c is None:
            continue
        raw = "".join(c.itertext()).strip()
        if not raw:
            continue
        if "<" not in raw and "&lt;" in raw:       # escaped twice
            raw = htmllib.unescape(raw)
        if "<" in raw:
            return [s for s in render_html_fragment(raw)]
        return [_clean(htmllib.unescape(x)) for x in raw.splitlines() if x.strip()]
    return []


def _documents(item) -> list[str]:
    docs = _child(item, "linkeddocuments")
    if docs is None:
        return []
    out = []
    for d in docs:
        if _local(d.tag) not in ("linkeddoc", "document", "linkeddocument"):
            continue
        if _value(d, "isrestricted").lower() == "true":
            continue
        title = _clean(_undebris(_value(d, "title", "documenttitle")))
        if title and title not in out:
            out.append(title)
    return out


_GENERIC_ROLES = {"", "member", "committee member", "members", "councillor",
                  "substitute member", "co-optee", "officer"}


def _attendance_lines(attendees) -> list[str]:
    if attendees is None:
        return []
    groups: dict[str, list[str]] = {}
    order = ["Members", "Present", "Apologies", "Absent", "Also present",
             "Officers in attendance"]
    for a in attendees:
        if _local(a.tag) != "attendee":
            continue
        name = _value(a, "name", "fullname", "membername", "fullusername")
        if not name:
            continue
        role = _value(a, "roledescription", "role")
        attendance = _value(a, "attendance", "attendancetype").lower()
        member_type = _value(a, "membertype").lower()
        if "substitut" in attendance:
            # Printed minutes list a substitute among those present: "X (substitute for Y)".
            group = "Present"
            rep = _value(a, "representing", "substitutefor")
            role = f"substitute for {rep}" if rep else "substitute"
        elif "apolog" in attendance:
            group = "Apologies"
        elif "absent" in attendance:
            group = "Absent"
        elif "officer" in member_type and attendance:
            group = "Officers in attendance"
        elif "attendance" in attendance or "also" in attendance or "attended" in attendance:
            group = "Also present"
        elif attendance.startswith("present"):
            group = "Present"
        else:                       # "Expected" or not yet recorded: the membership
            group = "Members"
        label = name if role.lower() in _GENERIC_ROLES else f"{name} ({role})"
        groups.setdefault(group, []).append(label)
    lines: list[str] = []
    for g in order:
        if groups.get(g):
            lines += [f"{g}: " + ", ".join(groups[g]), ""]
    return lines


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _mg_date(s: str) -> str:
    """'22/09/2020' -> 'Tuesday, 22nd September, 2020' (Modern.gov's own style)."""
    s = s.strip()
    d: date | None = None
    m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})", s)
    try:
        if m:
            d = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        elif re.match(r"^\d{4}-\d{2}-\d{2}", s):
            d = datetime.fromisoformat(s[:10]).date()
    except ValueError:
        d = None
    if d is None:
        return s
    suffix = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return f"{_DAYS[d.weekday()]}, {d.day}{suffix} {_MONTHS[d.month - 1]}, {d.year}"


def _mg_time(s: str) -> str:
    """'18:00' -> '6.00 pm'; anything else as given."""
    m = re.match(r"^(\d{1,2})[:.](\d{2})(?::\d{2})?$", s.strip())
    if not m:
        return s.strip()
    h, mi = int(m.group(1)), int(m.group(2))
    if h > 23 or mi > 59:
        return s.strip()
    return f"{(h % 12) or 12}.{mi:02d} {'am' if h < 12 else 'pm'}"


# --- shared ----------------------------------------------------------------------------

def _clean(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _tidy(lines: list[str]) -> list[str]:
    """Drop link debris, collapse runs of blank lines, trim blank lines at the ends."""
    out: list[str] = []
    for s in lines:
        if s:
            s = s.replace("\u00ad", "")
            if "\t" in s:
                s = "\t".join(_clean(_undebris(c)) for c in s.split("\t")).rstrip()
            else:
                s = _undebris(s).rstrip()     # (inner spacing of <pre> text stays)
                if not s.strip():
                    s = ""
        if not s:
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(s)
    while out and out[-1] == "":
        out.pop()
    return out
