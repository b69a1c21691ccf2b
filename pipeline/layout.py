"""PDF -> Document: words with fonts, lines, blocks in reading order, tables.

The only module that imports pdfplumber. Everything downstream reads the
:mod:`pipeline.document` model.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from . import ocr
from .document import BBox, Block, Cell, Document, Line, Page, Table, Word
from .resources import load_yaml
from .tables import column_starts, find_unruled, mark_continuations
from .textnorm import normalize_text

BOLD_RE = re.compile(r"bold|black|heavy|demi|semibold|extrabold", re.I)
ITALIC_RE = re.compile(r"italic|oblique", re.I)
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
BULLETS = "•●▪■◦○►▶➢➤→–—-*>✓✔❖◆◊"


class LayoutError(Exception):
    """The PDF cannot be read at all; the message is meant for the user."""


@dataclass(frozen=True)
class LayoutOptions:
    x_tolerance: float = 1.5
    y_tolerance: float = 3.0
    margin_zone: float = 0.1  # top/bottom share of the page where running lines live
    min_gutter: float = 9.0  # narrowest white column that separates text columns
    segment_gap_em: float = 1.4  # a gap wider than this (in font sizes) splits a line
    min_repeat_pages: int = 2
    ocr: bool = True  # read pages without a text layer with Tesseract, when installed
    ocr_dpi: int = 300


def _lex() -> dict[str, Any]:
    return load_yaml("layout_fr.yaml")


# --------------------------------------------------------------------------- open


def open_pdf(path: Path) -> pdfplumber.PDF:
    """Open a PDF, turning every pdfminer failure into a clear LayoutError."""
    data_head = b""
    try:
        with open(path, "rb") as fh:
            data_head = fh.read(1024)
    except OSError as exc:
        raise LayoutError(f"cannot read file: {exc.strerror or exc}") from exc
    if not data_head:
        raise LayoutError("empty file (0 bytes)")
    if b"%PDF-" not in data_head:
        kind = _sniff(data_head)
        raise LayoutError(f"not a PDF file ({kind})")
    try:
        pdf = pdfplumber.open(path)
        _ = pdf.pages  # forces the page tree to be read
    except PdfminerException as exc:
        raise LayoutError(_explain(exc.args[0] if exc.args else exc)) from exc
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise LayoutError(_explain(exc)) from exc
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        raise LayoutError(_explain(exc)) from exc
    return pdf


def _sniff(head: bytes) -> str:
    low = head.lstrip().lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low[:200]:
        return "looks like HTML"
    if head.startswith(b"\x89PNG"):
        return "looks like a PNG image"
    if head.startswith(b"\xff\xd8"):
        return "looks like a JPEG image"
    if head.startswith(b"PK"):
        return "looks like a ZIP/Office file"
    return "no %PDF header"


def _explain(exc: object) -> str:
    if isinstance(exc, PDFPasswordIncorrect):
        return "encrypted PDF: a password is required to open it"
    if isinstance(exc, PDFEncryptionError):
        return f"encrypted PDF with unsupported encryption: {exc}"
    if isinstance(exc, PDFSyntaxError):
        return f"damaged PDF (syntax error: {exc})"
    name = type(exc).__name__
    text = str(exc) or name
    return f"damaged or unreadable PDF ({name}: {text})"[:300]


# --------------------------------------------------------------------------- words


def _words(page: Any, opts: LayoutOptions) -> list[Word]:
    raw = page.extract_words(
        x_tolerance=opts.x_tolerance,
        y_tolerance=opts.y_tolerance,
        keep_blank_chars=False,
        use_text_flow=False,
        extra_attrs=["fontname", "size"],
    )
    words = []
    for w in raw:
        if not w.get("upright", True):
            continue
        text = normalize_text(w["text"])
        if not text.strip():
            continue
        font = w.get("fontname", "")
        base = font.split("+", 1)[-1]
        words.append(
            Word(
                text=text,
                bbox=BBox(w["x0"], w["top"], w["x1"], w["bottom"]),
                font=base,
                size=round(float(w.get("size", 0.0)), 2),
                bold=bool(BOLD_RE.search(base)),
                italic=bool(ITALIC_RE.search(base)),
            )
        )
    return words


def _superscript_hosts(words: list[Word]) -> dict[int, int]:
    """Small raised words (superscripts) and the word each one touches on its
    left: they belong to that word's line, whatever else shares their height
    on the page (a second column, a neighbouring cell)."""
    hosts: dict[int, int] = {}
    by_right = sorted(range(len(words)), key=lambda k: words[k].bbox.x1)
    rights = [words[k].bbox.x1 for k in by_right]
    for i, w in enumerate(words):
        lo = bisect.bisect_left(rights, w.bbox.x0 - 2.0)
        for k in by_right[lo:]:
            o = words[k]
            if o.bbox.x1 > w.bbox.x0 + 2.0:
                break
            if k != i and w.size < 0.85 * o.size and o.bbox.top - 0.5 * o.size <= w.bbox.top \
                    and o.bbox.top < w.bbox.bottom < o.bbox.bottom - 0.1 * o.size:
                hosts[i] = k
                break
    return hosts


def _rows(words: list[Word]) -> list[list[Word]]:
    """Group words sharing a baseline band, left to right."""
    hosts = _superscript_hosts(words)
    hosts = {i: k for i, k in hosts.items() if k not in hosts}  # a host is a word of a line itself
    rows: list[list[Word]] = []
    for w in sorted((w for i, w in enumerate(words) if i not in hosts),
                    key=lambda w: (round(w.bbox.bottom, 1), w.bbox.x0)):
        if rows:
            last = rows[-1]
            # compared with the row's word nearest to it across: words of another column may
            # share the row on slightly different baselines
            ref = min(last, key=lambda x: (max(0.0, x.bbox.x0 - w.bbox.x1, w.bbox.x0 - x.bbox.x1), -x.size))
            tol = max(2.0, 0.45 * max(ref.size, w.size))
            if abs(ref.bbox.bottom - w.bbox.bottom) <= tol or _raised_next_to(w, last):
                last.append(w)
                continue
        rows.append([w])
    rows = _attach_raised_rows(rows)
    if hosts:
        row_of = {id(w): r for r in rows for w in r}
        for i, k in sorted(hosts.items()):
            row_of[id(words[k])].append(words[i])
    return [sorted(r, key=lambda w: w.bbox.x0) for r in rows]


def _attach_raised_rows(rows: list[list[Word]]) -> list[list[Word]]:
    """A row made only of small raised words (superscripts sorted ahead of their
    line because their baseline is higher) belongs to the line it sits in."""
    out: list[list[Word]] = []
    for i, row in enumerate(rows):
        size = max(w.size for w in row)
        top, bottom = min(w.bbox.top for w in row), max(w.bbox.bottom for w in row)
        host = None
        for j in (i + 1, i - 1):
            if 0 <= j < len(rows):
                other = rows[j]
                o_size = max(w.size for w in other)
                o_top = min(w.bbox.top for w in other)
                o_bottom = max(w.bbox.bottom for w in other)
                if size < 0.85 * o_size and top >= o_top - 2 and bottom < o_bottom and any(
                    abs(w.bbox.x0 - o.bbox.x1) < 2.0 for w in row for o in other
                ):
                    host = j
                    break
        if host is not None and host < i and out:
            out[-1].extend(row)
        elif host is not None and host > i:
            rows[host] = rows[host] + row
        else:
            out.append(row)
    return out


def _raised_next_to(w: Word, row: list[Word]) -> bool:
    """A small raised word (superscript) touching a word of the row."""
    for o in row:
        if (
            w.size < 0.85 * o.size
            and o.bbox.top - 1 <= w.bbox.top <= o.bbox.bottom
            and w.bbox.bottom < o.bbox.bottom
            and abs(w.bbox.x0 - o.bbox.x1) < 2.0
        ):
            return True
    return False


def _merge_superscripts(row: list[Word]) -> list[Word]:
    """'1' + raised 'er' -> '1er'; raised footnote digits are dropped."""
    ordinals = set(_lex()["ordinal_suffixes"])
    out: list[Word] = []
    for w in row:
        prev = out[-1] if out else None
        if (
            prev is not None
            and w.size < 0.85 * prev.size
            and w.bbox.bottom < prev.bbox.bottom - 0.12 * prev.size
            and w.bbox.x0 - prev.bbox.x1 < 1.5
        ):
            if prev.text[-1:].isdigit() and w.text.lower() in ordinals:
                out[-1] = replace(prev, text=prev.text + w.text, bbox=prev.bbox.union(w.bbox))
                continue
            if re.fullmatch(r"[\d,*†‡]+", w.text) and not prev.text[-1:].isdigit():
                # footnote call: dropped, but its room stays part of the word so
                # the punctuation after it does not look detached
                out[-1] = replace(prev, bbox=prev.bbox.union(w.bbox))
                continue
        out.append(w)
    return [_strip_unicode_footnote(w) for w in out]


def _letterspaced_pair(a: Word, b: Word) -> bool:
    """Two short capital words close enough to be letters of one spaced-out
    word, or of the next word after a space (a space there is wider)."""
    gap = b.bbox.x0 - a.bbox.x1
    return len(a.text) <= 3 and len(b.text) <= 3 and abs(a.size - b.size) < 0.5 and 0 <= gap < 1.8 * a.size \
        and all(ch.isupper() or ch.isdigit() or ch in ".'’-" for ch in a.text + b.text)


def _merge_letterspaced(row: list[Word]) -> list[Word]:
    """"O R I E N TAT I O N 1" (capitals set with wide letter spacing, each
    letter its own word) -> "ORIENTATION 1": a run of short capital words with
    even gaps is one word; a gap clearly wider than the others is a space."""
    out: list[Word] = []
    i = 0
    while i < len(row):
        j = i
        while j + 1 < len(row) and _letterspaced_pair(row[j], row[j + 1]):
            j += 1
        run = row[i:j + 1]
        i = j + 1
        if len(run) < 3 or sum(len(w.text) == 1 and w.text.isalpha() for w in run) < 3:
            out.extend(run)
            continue
        gaps = [run[k + 1].bbox.x0 - run[k].bbox.x1 for k in range(len(run) - 1)]
        letter = sorted(gaps)[len(gaps) // 2]
        pieces: list[list[Word]] = [[run[0]]]
        for k, gap in enumerate(gaps):
            if gap > 1.5 * letter + 0.5:
                pieces.append([run[k + 1]])
            else:
                pieces[-1].append(run[k + 1])
        for piece in pieces:
            out.append(replace(piece[0], text="".join(w.text for w in piece),
                               bbox=BBox.enclosing([w.bbox for w in piece])))
    return out


def _strip_unicode_footnote(w: Word) -> Word:
    text = w.text.rstrip(SUPERSCRIPT_DIGITS)
    if text != w.text and sum(c.isalpha() for c in text) >= 3:
        return replace(w, text=text)
    return w


def _join_words(words: list[Word]) -> str:
    parts: list[str] = []
    prev: Word | None = None
    for w in words:
        if prev is not None:
            gap = w.bbox.x0 - prev.bbox.x1
            parts.append(" " if gap > 0.12 * max(prev.size, w.size, 1.0) else "")
        parts.append(w.text)
        prev = w
    return "".join(parts)


def _make_line(words: list[Word]) -> Line:
    return Line(tuple(words), BBox.enclosing([w.bbox for w in words]), _join_words(words))


_LIST_CODE = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}[.)]?|[A-Za-z][.)]|[IVX]{1,4}\.|[A-Z]{1,4}-?\d{1,2}(?:\.\d{1,2}){0,3}")


def _gutters(rows: list[list[Word]]) -> list[set[int]]:
    """For each row, the word indexes after which a narrow white gutter runs:
    a gap (wider than a space) that the rows just above and below leave white
    too, no word of theirs crossing it (two columns set close together)."""
    gaps = [[(k, a.bbox.x1, b.bbox.x0) for k, (a, b) in enumerate(zip(r, r[1:], strict=False))
             if b.bbox.x0 - a.bbox.x1 > 0.8 * min(a.size, b.size)] for r in rows]
    out: list[set[int]] = []
    for i, row in enumerate(rows):
        found: set[int] = set()
        for k, lo, hi in gaps[i]:
            mid = (lo + hi) / 2
            white = crossed = 0
            size = max(w.size for w in row)
            for j in range(max(0, i - 4), min(len(rows), i + 5)):
                if j == i or abs(rows[j][0].bbox.top - row[0].bbox.top) > 6 * row[0].size \
                        or max(w.size for w in rows[j]) > 1.3 * size:
                    continue  # a heading across the columns says nothing of their gutter
                if any(w.bbox.x0 - 1 < mid < w.bbox.x1 + 1 for w in rows[j]):
                    crossed += 1
                else:
                    white += 1  # a gap there, or the row's words all on one side
            if white >= 3 and not crossed:
                found.add(k)
        out.append(found)
    return out


def _segments(row: list[Word], opts: LayoutOptions, gutters: set[int] | frozenset[int] = frozenset()) -> list[Line]:
    """Split a row at gaps wide enough to be a column gutter or a tab stop."""
    segs: list[list[Word]] = [[row[0]]]
    for k, w in enumerate(row[1:]):
        prev = segs[-1][-1]
        gap = w.bbox.x0 - prev.bbox.x1
        lone_bullet = len(segs[-1]) == 1 and prev.text in BULLETS and gap <= 3 * max(prev.size, w.size)
        # a list number hanging in its own gutter ("1.1   Encadrer ...") opens the text beside it
        lone_code = len(segs) == 1 and len(segs[-1]) == 1 and _LIST_CODE.fullmatch(prev.text) is not None \
            and gap <= 4 * max(prev.size, w.size) and not _LIST_CODE.fullmatch(w.text)
        if k in gutters and not lone_bullet and not lone_code:
            segs.append([w])
            continue
        big_day = re.compile(r"\d{1,2}(?:[-–]\d{1,2})?")
        if gap > 0.2 * min(w.size, prev.size) and (
                prev.size > 1.4 * w.size and len(segs[-1]) == 1 and big_day.fullmatch(prev.text)
                or w.size > 1.4 * prev.size and big_day.fullmatch(w.text)):
            segs.append([w])  # a day in large type in a badge ("12" over "JANV.") beside the text
            continue
        if len(segs[-1]) == 1 and gap > 0.2 * w.size and (
                len(prev.text) == 1 and prev.size > 1.4 * w.size
                or prev.size > 1.25 * w.size and re.fullmatch(r"[A-Z]{1,3}-?\d{1,2}", prev.text)):
            segs.append([w])  # an initial in a badge ("P" in a coloured disc) beside the text
            continue
        inner = sorted(b.bbox.x0 - a.bbox.x1 for a, b in zip(segs[-1], segs[-1][1:], strict=False))
        med = inner[len(inner) // 2] if len(inner) >= 3 else 0.0
        if med >= 0.5 * prev.size and gap <= min(1.3 * med, 2.2 * prev.size):
            segs[-1].append(w)  # justified text: its spaces are all stretched alike
            continue
        if gap > max(opts.segment_gap_em * max(prev.size, w.size), opts.min_gutter * 0.8) and not lone_bullet \
                and not lone_code:
            segs.append([w])
        else:
            segs[-1].append(w)
    return [_make_line(s) for s in segs]


# --------------------------------------------------------------------------- tables


def _tables_from_edges(page: Any, edges: list[dict[str, Any]]) -> list[Any]:
    """pdfplumber tables built from rules seen on a scanned page."""
    from pdfplumber.table import Table as PTable
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

    if not edges:
        return []
    merged = merge_edges(edges, snap_x_tolerance=3, snap_y_tolerance=3, join_x_tolerance=3, join_y_tolerance=3)
    cells = intersections_to_cells(edges_to_intersections(merged, 3, 3))
    return [PTable(page, tuple(c)) for c in cells_to_tables(cells)]


_LINES = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def _ruled_tables(page: Any) -> list[Any]:
    """pdfplumber's ruled tables, with a row cut open by a page break closed:
    the column rules run on past the table's last (or before its first)
    horizontal rule, so a rule is added where they end."""
    found = page.find_tables(_LINES)
    extra = []
    verticals = [e for e in page.edges if e["orientation"] == "v"]
    for t in found:
        x0, top, x1, bottom = t.bbox
        inside = [e for e in verticals if x0 - 2 <= e["x0"] <= x1 + 2]
        # the column rules run on past the last horizontal rule (or start before the first)
        below = [e["bottom"] for e in inside if e["top"] < bottom + 2 and e["bottom"] > bottom + 8]
        above = [e["top"] for e in inside if e["bottom"] > top - 2 and e["top"] < top - 8]
        for ys in (below, above):
            if len(ys) >= 2:
                y = max(ys) if ys is below else min(ys)
                extra.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0,
                              "orientation": "h", "object_type": "line"})
    if not extra:
        return found
    return page.find_tables(dict(_LINES, explicit_horizontal_lines=extra))


def _not_background(obj: dict[str, Any]) -> bool:
    """Rules are strokes or thin filled bars; a filled area (a shaded row, a
    coloured panel) is a background, and its edges do not make a table."""
    return not (obj.get("object_type") == "rect" and obj.get("fill") and not obj.get("stroke")
                and min(obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]) > 3)


def _tables(page: Any, words: list[Word], page_no: int, found: list[Any] | None = None) -> tuple[list[Table], list[Word]]:
    """Ruled tables found from the page's drawn lines (or, for a scan, the
    rules seen on its image); returns tables and leftover words."""
    try:
        if found is None:
            found = _ruled_tables(page.filter(_not_background))
    except Exception:  # a malformed drawing must not lose the page's text
        return [], words
    tables: list[Table] = []
    used: set[int] = set()
    for t in found:
        rows = [r.cells for r in t.rows]
        n_rows = len(rows)
        n_cols = max((len(r) for r in rows), default=0)
        n_cells = sum(1 for r in rows for c in r if c is not None)
        if n_rows < 1 or n_cols < 2 or n_cells < 2:
            continue  # a framed box, not a table
        tb = BBox(*t.bbox)
        # Only the table's own words are candidates for its cells.
        candidates = [i for i, w in enumerate(words) if i not in used and tb.contains_center(w.bbox, 0.5)]
        cells: list[Cell] = []
        taken: set[int] = set()
        for ri, r in enumerate(rows):
            for ci, c in enumerate(r):
                if c is None:
                    continue
                cb = BBox(*c)
                inside = [i for i in candidates if i not in taken and cb.contains_center(words[i].bbox, 0.5)]
                taken.update(inside)
                cell_words = [words[i] for i in inside]
                lines = tuple(
                    _make_line(_merge_letterspaced(_merge_superscripts(r2))) for r2 in _rows(cell_words)
                ) if cell_words else ()
                cells.append(Cell(ri, ci, join_lines([ln.text for ln in lines]), cb, lines))
        if not any(c.text for c in cells) or sum(1 for c in cells if c.text) == 1 and all(
                c.bbox is not None and c.bbox.width < 0.1 * tb.width for c in cells if not c.text):
            continue  # a framed box (a panel with a coloured bar at its side): its words stay text
        used.update(taken)
        head = _header_above(rows, tb, words, used, page)
        if head:
            used.update(i for i, _ in head)
            cells = [Cell(0, ci, join_lines([ln.text for ln in lns]), BBox.enclosing([ln.bbox for ln in lns]),
                          tuple(lns)) for ci, lns in _by_column(head, rows)] \
                + [Cell(c.row + 1, c.col, c.text, c.bbox, c.lines) for c in cells]
            n_rows += 1
            tb = tb.union(BBox.enclosing([w.bbox for _, w in head]))
        tables.append(Table(page_no, tb, tuple(cells), n_rows, n_cols, ruled=True))
    rest = [w for i, w in enumerate(words) if i not in used]
    return tables, rest


def _column_spans(rows: list[list[Any]]) -> list[tuple[float, float]]:
    """Each column's left and right edges: its narrowest cell (a merged cell spans several)."""
    spans = []
    for ci in range(max(len(r) for r in rows)):
        cs = [c for r in rows if ci < len(r) and (c := r[ci]) is not None]
        c = min(cs, key=lambda c: c[2] - c[0]) if cs else None
        spans.append((c[0], c[2]) if c else (math.inf, -math.inf))
    return spans


def _header_above(rows: list[list[Any]], tb: BBox, words: list[Word], used: set[int], page: Any) -> list[tuple[int, Word]]:
    """The words of a header row printed on a shaded band without rules just
    above a ruled table ("OBJECTIF | INDICATEUR | CIBLE"): one row of short
    labels on a fill, each inside a column, over at least half of the columns."""
    spans = _column_spans(rows)
    above = [(i, w) for i, w in enumerate(words) if i not in used and w.bbox.bottom <= tb.top + 1
             and tb.top - w.bbox.bottom < 1.5 * w.size and tb.x0 - 1 <= w.bbox.x0 and w.bbox.x1 <= tb.x1 + 1]
    if not above:
        return []
    try:
        fills = [r for r in page.rects if r.get("fill") and r["x0"] >= tb.x0 - 2 and r["x1"] <= tb.x1 + 2
                 and r["bottom"] >= tb.top - 2 - 3 * above[0][1].size]
    except Exception:  # a malformed drawing: no shaded header
        return []
    if not all(any(r["x0"] <= (w.bbox.x0 + w.bbox.x1) / 2 <= r["x1"] and r["top"] <= (w.bbox.top + w.bbox.bottom) / 2
                   <= r["bottom"] for r in fills) for _, w in above):
        return []
    top = min(w.bbox.top for _, w in above)
    if any(abs(w.bbox.top - top) > 0.6 * w.size for _, w in above):
        return []  # more than one line: a paragraph, not a header row
    cols = set()
    for _, w in above:
        inside = [ci for ci, (x0, x1) in enumerate(spans) if x0 - 1 <= w.bbox.x0 and w.bbox.x1 <= x1 + 1]
        if not inside:
            return []
        cols.add(inside[0])
    # the row must stand alone: nothing else on the page at that height
    if len(cols) < max(2, len(spans) / 2) or any(
            i not in used and abs(w.bbox.top - top) < 0.6 * w.size and (w.bbox.x1 < tb.x0 or w.bbox.x0 > tb.x1)
            for i, w in enumerate(words)):
        return []
    return sorted(above, key=lambda iw: iw[1].bbox.x0)


def _by_column(head: list[tuple[int, Word]], rows: list[list[Any]]) -> list[tuple[int, list[Line]]]:
    spans = _column_spans(rows)
    out: dict[int, list[Word]] = {}
    for _, w in head:
        ci = next(ci for ci, (x0, x1) in enumerate(spans) if x0 - 1 <= w.bbox.x0 and w.bbox.x1 <= x1 + 1)
        out.setdefault(ci, []).append(w)
    return [(ci, [_make_line(ws)]) for ci, ws in sorted(out.items())]


# --------------------------------------------------------------------------- reading order


def _xycut(items: list[tuple[BBox, Any]], min_gutter: float) -> list[Any]:
    """Recursive XY-cut: prefer a white vertical gutter (columns), else the widest
    horizontal gap. Iterative to survive pages with thousands of lines."""
    out: list[Any] = []
    stack: list[list[tuple[BBox, Any]]] = [items]
    while stack:
        group = stack.pop()
        if len(group) <= 1:
            out.extend(x for _, x in group)
            continue
        parts = _split_vertical(group, min_gutter) or _split_horizontal(group)
        if parts is None:
            out.extend(x for _, x in sorted(group, key=lambda t: (t[0].x0, t[0].top)))
            continue
        stack.extend(reversed(parts))
    return out


def _gaps(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    intervals = sorted(intervals)
    gaps = []
    cur_end = intervals[0][1]
    for a, b in intervals[1:]:
        if a > cur_end:
            gaps.append((cur_end, a))
        cur_end = max(cur_end, b)
    return gaps


def _split_vertical(group, min_gutter):
    gaps = [g for g in _gaps([(b.x0, b.x1) for b, _ in group]) if g[1] - g[0] >= min_gutter]
    best = None
    for g in gaps:
        left = [t for t in group if t[0].x1 <= g[0] + 0.01]
        right = [t for t in group if t[0].x0 >= g[1] - 0.01]
        lt = (min(b.top for b, _ in left), max(b.bottom for b, _ in left))
        rt = (min(b.top for b, _ in right), max(b.bottom for b, _ in right))
        overlap = min(lt[1], rt[1]) - max(lt[0], rt[0])
        # Side by side only if the two sides share vertical extent; otherwise a
        # horizontal cut reads them in a better order.
        if overlap <= 0:
            continue
        if _label_column(left, right):
            bands = _label_bands(group, left)
            if bands:
                return bands  # rows of a form or a definition list: each title with the text beside it
        if best is None or g[1] - g[0] > best[0]:
            best = (g[1] - g[0], left, right)
    return [best[1], best[2]] if best else None


def _label_bands(group, left) -> list[list] | None:
    """The group cut into one band per label of the left column: from the top
    of a label (or a run of title lines) to the top of the next one."""
    lines = sorted((x for _, x in left if isinstance(x, Line)), key=lambda ln: ln.bbox.top)
    right = [t for t in group if t[0].x0 > max(ln.bbox.x1 for ln in lines)]

    def goes_on(k: int) -> bool:  # the line wraps the title above ("liés à l'insertion des" / "aiguilles")
        prev = lines[k - 1].text.rstrip().lower()
        return k > 0 and (lines[k].text[:1].islower() or prev.endswith((",", "-")) or
                          prev.rsplit(" ", 1)[-1] in ("de", "des", "du", "la", "le", "les", "à", "au", "aux", "et",
                                                      "en", "pour", "sur", "d'", "l'"))

    if all(any(abs(b.top - ln.bbox.top) < max(3.0, 0.4 * ln.size) for b, _ in right) for ln in lines) and \
            all(len(ln.text.split()) <= 4 or ln.text.rstrip().endswith(":") for ln in lines) and \
            not any(goes_on(k) for k in range(1, len(lines))):
        starts = [ln.bbox.top for ln in lines]  # a name (or a label) beside each description
    else:
        starts = [ln.bbox.top for k, ln in enumerate(lines)
                  if k == 0 or ln.bbox.top - lines[k - 1].bbox.bottom > 0.8 * ln.bbox.height
                  or ln.text.rstrip().endswith(":")]
    if len(starts) < 2:
        return None
    # a band opens at its label, or at the text beside it when that starts higher (a title by a badge)
    cuts = [min([t] + [b.top for b, _ in right if abs(b.top - t) < max(3.0, 0.4 * (b.bottom - b.top))]) - 2
            for t in starts[1:]]
    bands: list[list] = [[] for _ in range(len(cuts) + 1)]
    for t in group:
        k = sum(1 for c in cuts if t[0].top >= c)
        bands[k].append(t)
    bands = [b for b in bands if b]
    return bands if len(bands) >= 2 and len(bands) < len(group) else None


def _label_column(left, right) -> bool:
    """The left side is a column of labels whose values sit on the same
    baselines on the right: rows of a form ("Indicateur :" | "Nombre de
    ..."), names beside their descriptions ("Rigueur" | "Fonder nos ..."),
    titles in bold beside their text (a definition list), not two columns
    of text."""
    lines = sorted((x for _, x in left if isinstance(x, Line)), key=lambda ln: ln.bbox.top)
    right_lines = [x for _, x in right if isinstance(x, Line)]
    if len(lines) < 2 or len(lines) < len(left) or not right_lines:
        return False
    labels = [ln for ln in lines if ln.text.rstrip().endswith(":") and len(ln.text) <= 40]
    if len(labels) < 2 or len(labels) < 0.6 * len(left):
        if not all(ln.bold for ln in lines) or sum(ln.bold for ln in right_lines) > 0.3 * len(right_lines):
            return False
        beside = [ln for ln in lines if any(abs(b.top - ln.bbox.top) < max(3.0, 0.4 * ln.size) for b, _ in right)]
        if len(beside) >= 0.8 * len(lines):
            return True  # a name beside each description
        # bold titles, each opening a run of lines: the first line of each run beside a line of text
        labels = [ln for k, ln in enumerate(lines)
                  if k == 0 or ln.bbox.top - lines[k - 1].bbox.bottom > 0.8 * ln.bbox.height]
        if len(labels) < 2:
            return False
    partnered = sum(1 for ln in labels if any(abs(b.top - ln.bbox.top) < max(3.0, 0.4 * ln.size) for b, _ in right))
    return partnered >= 0.8 * len(labels)


def _split_horizontal(group):
    gaps = _gaps([(b.top, b.bottom) for b, _ in group])
    if not gaps:
        return None
    a, b = max(gaps, key=lambda g: g[1] - g[0])
    top = [t for t in group if t[0].bottom <= a + 0.01]
    bottom = [t for t in group if t[0].top >= b - 0.01]
    return [top, bottom]


# --------------------------------------------------------------------------- blocks


def _is_bullet_start(text: str) -> bool:
    return bool(text) and (text[0] in BULLETS and (len(text) == 1 or text[1] == " "))


def _group_blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    for ln in lines:
        # the block it goes on: the last one, or one just before a few lines set beside it (a badge, a
        # label in a side column read in the same band)
        target = None
        for back in range(1, min(3, len(blocks)) + 1):
            between = [x for b in blocks[len(blocks) - back + 1:] for x in b]
            if back > 1 and any(x.bbox.x0 < ln.bbox.x1 and ln.bbox.x0 < x.bbox.x1 or len(x.text.split()) > 2
                                or x.text.rstrip().endswith(":") or abs(x.bbox.top - ln.bbox.top) < 0.5 * ln.size
                                for x in between):
                break  # a block in its column stands between, or a label beside the line (a new row)
            if _goes_on(blocks[-back], ln):
                target = blocks[-back]
                break
        if target is None:
            blocks.append([ln])
        else:
            target.append(ln)
    return blocks


def _goes_on(block: list[Line], ln: Line) -> bool:
    prev = block[-1]
    same_col = ln.bbox.x0 < prev.bbox.x1 and prev.bbox.x0 < ln.bbox.x1
    vgap = ln.bbox.top - prev.bbox.bottom
    close = -2 <= vgap <= 0.75 * max(prev.size, ln.size, 1.0)
    # a paragraph opening with a run-in title in bold goes on in plain text on its next lines
    same_style = abs(prev.size - ln.size) <= 1.0 and (
        prev.bold == ln.bold or not prev.words[-1].bold and not ln.words[0].bold
        # the run-in title wraps: its end opens the next line, plain text after it
        or prev.bold and ln.words[0].bold and not ln.words[-1].bold and len(block) <= 3
        and all(x.bold for x in block))
    # a list item's wrapped lines hang under its text, whatever their weight
    # ("• 15-09-2022 : **Title in bold** — plain follow-up")
    head = block[0]
    hanging = _is_bullet_start(head.text) and abs(prev.size - ln.size) <= 1.0 and \
        ln.bbox.x0 > head.bbox.x0 + 0.3 * head.size and (len(head.words) < 2 or
                                                        abs(ln.bbox.x0 - head.words[1].bbox.x0) < 3)
    return same_col and close and (same_style or hanging) and not _is_bullet_start(ln.text)


_HYPHEN_END = re.compile(r"(\w+)[-\u00ad]$")


def join_lines(texts: list[str], vocab: set[str] | None = None) -> str:
    """Join the lines of a block, undoing line-break hyphenation."""
    lex = _lex()
    keep_prefixes = set(lex["hyphen_keep_prefixes"])
    elisions = tuple(lex["elisions"])
    out = ""
    for t in texts:
        t = t.strip()
        if not t:
            continue
        if not out:
            out = t
            continue
        m = _HYPHEN_END.search(out)
        if out.endswith("\u00ad"):
            out = out[:-1] + t
        elif m and t[0].isalnum():
            pre = m.group(1)
            nxt = re.match(r"[\w'’]+", t)
            post = nxt.group(0) if nxt else ""
            if _keep_hyphen(pre, post, keep_prefixes, elisions, vocab):
                out = out + t
            else:
                out = out[:-1] + t
        else:
            out = out + " " + t
    return out.replace("\u00ad", "")


def _keep_hyphen(pre: str, post: str, keep_prefixes, elisions, vocab) -> bool:
    if pre[-1:].isdigit() or post[:1].isupper() or post.lower().startswith(elisions):
        return True
    low_pre, low_post = pre.lower(), post.lower()
    if vocab:
        if f"{low_pre}-{low_post}" in vocab and f"{low_pre}{low_post}" not in vocab:
            return True
        if f"{low_pre}{low_post}" in vocab:
            return False
    return low_pre in keep_prefixes


# --------------------------------------------------------------------------- running lines


def _norm_running(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def _is_page_label(text: str) -> bool:
    lex = _lex()
    t = text.strip().lower().strip("-–— ").strip()
    words = "|".join(re.escape(w) for w in lex["page_label_words"])
    seps = "|".join(re.escape(s) for s in lex["page_label_separators"])
    return bool(re.fullmatch(rf"(?:(?:{words})\s*)?\d{{1,4}}(?:\s*(?:{seps})\s*\d{{1,4}})?", t))


def _running_keys(pages_lines: list[tuple[float, list[Line]]], opts: LayoutOptions) -> set[str]:
    counts: Counter[str] = Counter()
    for height, lines in pages_lines:
        seen = set()
        for ln in lines:
            if _in_margin(ln, height, opts):
                seen.add(_norm_running(ln.text))
        counts.update(seen)
    n = len(pages_lines)
    need = max(opts.min_repeat_pages, int(0.25 * n + 0.999))  # a quarter: odd and even pages may differ
    return {k for k, c in counts.items() if c >= need and n >= 2}


def _opens_body(ln: Line, segs: list[Line], height: float) -> bool:
    """A line in the top margin set right over the text below it ("AXE
    STRATÉGIQUE 2" over its title, a number changing from page to page): a
    label of the page's content, not a running header."""
    if ln.bbox.top > height / 2 or not any(ch.isdigit() for ch in ln.text):
        return False
    months = _months()
    # over a larger title, or a day over its month in a date badge ("18" / "MARS")
    return any(o is not ln and 0 <= o.bbox.top - ln.bbox.bottom < 0.8 * ln.bbox.height
               and o.bbox.x0 < ln.bbox.x1 and ln.bbox.x0 < o.bbox.x1
               and (o.size > ln.size * 1.2 or o.text.strip().lower().rstrip(".") in months) for o in segs)


@cache
def _months() -> frozenset[str]:
    return frozenset(load_yaml("dates_fr.yaml")["months"])


def _in_margin(ln: Line, height: float, opts: LayoutOptions) -> bool:
    return ln.bbox.bottom <= height * opts.margin_zone or ln.bbox.top >= height * (1 - opts.margin_zone)


# --------------------------------------------------------------------------- main


def extract(path: Path, doc_id: str, sha256: str, opts: LayoutOptions | None = None) -> Document:
    opts = opts or LayoutOptions()
    pdf = open_pdf(path)
    warnings: list[str] = []
    try:
        metadata = {
            str(k): normalize_text(str(v))
            for k, v in (pdf.metadata or {}).items()
            if isinstance(v, (str, bytes)) and k in ("Title", "Author", "Subject", "Creator", "Producer")
        }
        raw_pages = []
        for i, page in enumerate(pdf.pages, start=1):
            try:
                raw_pages.append(_read_page(page, i, opts))
            except (Exception, MemoryError) as exc:  # one bad page must not cost the document
                warnings.append(f"page {i}: {_page_error(exc)}"[:200])
                raw_pages.append(
                    (i, float(page.width or 0), float(page.height or 0), [], [], 0, False, False)
                )
            finally:
                page.close()  # frees the page's cached objects: memory stays flat
    finally:
        pdf.close()

    running = _running_keys([(raw[2], raw[3]) for raw in raw_pages], opts)
    vocab: set[str] = set()
    for raw in raw_pages:
        segs = raw[3]
        for ln in segs:
            vocab.update(w.lower().strip(".,;:()«»\"") for w in ln.text.split())

    pages: list[Page] = []
    for raw in raw_pages:
        carry = None
        if pages and pages[-1].order and pages[-1].order[-1][0] == "table":
            last = pages[-1].tables[pages[-1].order[-1][1]]
            carry = None if last.ruled else column_starts(last)
        pages.append(_assemble_page(raw, running, vocab, opts, carry))
    return Document(
        doc_id=doc_id,
        file_name=path.name,
        sha256=sha256,
        pages=tuple(mark_continuations(pages)),
        metadata=metadata,
        warnings=tuple(warnings),
    )


def _page_error(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, MemoryError) or "allocate" in text.lower():
        return ("memory limit exceeded while decoding the page's content "
                f"(a stream inflating to gigabytes? {text})")
    return text


def _assemble_page(raw, running: set[str], vocab: set[str], opts: LayoutOptions,
                   carry: list[float] | None = None) -> Page:
    """Running lines removed, tables found, the rest ordered and grouped into
    blocks. ``carry``: the columns of an unruled grid that closed the previous
    page, which this page may go on with."""
    number, width, height, segs, tables, n_images, has_text, ocr_done = raw
    # running lines are told before grids are found: a grid's header repeated at the top of
    # every page looks like one, and is needed to find the grid
    is_running = {id(ln) for ln in segs
                  if _in_margin(ln, height, opts) and (_norm_running(ln.text) in running or _is_page_label(ln.text))
                  and not _opens_body(ln, segs, height)}
    unruled, segs = find_unruled(segs, number, carry=carry if not tables else None, skip=is_running)
    tables = tables + unruled
    removed: list[str] = []
    kept: list[Line] = []
    for ln in segs:
        if id(ln) in is_running:
            removed.append(ln.text)
        else:
            kept.append(ln)
    items: list[tuple[BBox, Any]] = [(ln.bbox, ln) for ln in kept] + [(t.bbox, t) for t in tables]
    blocks: list[Block] = []
    tabs: list[Table] = []
    order: list[tuple[str, int]] = []
    pending: list[Line] = []
    for it in _xycut(items, opts.min_gutter) + [None]:
        if isinstance(it, Line):
            pending.append(it)
            continue
        for grp in _group_blocks(pending):
            text = join_lines([g.text for g in grp], vocab)
            blocks.append(Block(tuple(grp), BBox.enclosing([g.bbox for g in grp]), text))
            order.append(("block", len(blocks) - 1))
        pending = []
        if isinstance(it, Table):
            tabs.append(it)
            order.append(("table", len(tabs) - 1))
    return Page(
        number=number,
        width=width,
        height=height,
        blocks=tuple(blocks),
        tables=tuple(tabs),
        removed=tuple(removed),
        has_text=has_text or bool(segs) or bool(tables),
        image_count=n_images,
        order=tuple(order),
        ocr=ocr_done,
    )


def _drawn_bullets(page: Any, words: list[Word]) -> list[Word]:
    """List bullets drawn as small filled shapes (browsers and some word
    processors draw discs and squares instead of a "•" glyph), as bullet
    words, when a line of text starts just right of them."""
    out: list[Word] = []
    try:
        shapes = list(page.curves) + list(page.rects)
    except Exception:  # a malformed drawing: no bullets, the text stays
        return out
    for c in shapes:
        w, h = c["x1"] - c["x0"], c["bottom"] - c["top"]
        if not (1.5 <= w <= 8 and 1.5 <= h <= 8 and 0.6 <= w / h <= 1.6) or not c.get("fill"):
            continue
        cy = (c["top"] + c["bottom"]) / 2
        if any(wd.bbox.top <= cy <= wd.bbox.bottom and 0 < wd.bbox.x0 - c["x1"] <= 20 for wd in words):
            size = max((wd.size for wd in words if wd.bbox.top <= cy <= wd.bbox.bottom), default=10.0)
            out.append(Word(text="•", bbox=BBox(c["x0"], cy - size / 2, c["x1"], cy + size / 2), font="",
                            size=size, bold=False, italic=False))
    return out


def _fill_borders(page: Any) -> list[tuple[float, float, float]]:
    """(x, top, bottom) where two shaded areas of one height meet side by side:
    the cells of a table drawn with background colours and no rules."""
    try:
        fills = sorted((r for r in page.rects if r.get("fill") and not r.get("stroke")
                        and r["x1"] - r["x0"] > 20 and r["bottom"] - r["top"] > 6), key=lambda r: r["x0"])
    except Exception:  # a malformed drawing: no borders
        return []
    out = []
    for a in fills:
        for b in fills:
            if abs(a["x1"] - b["x0"]) <= 1 and abs(a["top"] - b["top"]) <= 1 and abs(a["bottom"] - b["bottom"]) <= 1:
                out.append((a["x1"], a["top"], a["bottom"]))
    return out


def _crossed_borders(row: list[Word], borders: list[tuple[float, float, float]]) -> set[int]:
    """Indexes after which a cell border of shaded cells runs between two words."""
    out: set[int] = set()
    for x, top, bottom in borders:
        for k, (a, b) in enumerate(zip(row, row[1:], strict=False)):
            if top <= (a.bbox.top + a.bbox.bottom) / 2 <= bottom and a.bbox.x1 <= x + 1 and b.bbox.x0 >= x - 1:
                out.add(k)
    return out


def _read_page(page: Any, number: int, opts: LayoutOptions):
    width, height = float(page.width), float(page.height)
    n_images = len(page.images)
    words = _words(page, opts)
    if words:
        words = words + _drawn_bullets(page, words)
    has_text = bool(words)
    ocr_done = False
    if not words and opts.ocr and n_images and ocr.unavailable_reason() is None:
        words, width, height, edges = ocr.read_page(page, opts.ocr_dpi)
        ocr_done = True
        tables, rest = _tables(page, words, number, _tables_from_edges(page, edges)) if words else ([], [])
    else:
        tables, rest = _tables(page, words, number) if words else ([], [])
    segs: list[Line] = []
    rows = [r for r in (_merge_letterspaced(_merge_superscripts(row)) for row in _rows(rest)) if r]
    borders = _fill_borders(page)
    for row, gutters in zip(rows, _gutters(rows), strict=True):
        segs.append(_segments(row, opts, gutters | _crossed_borders(row, borders)))
    for _ in range(2):  # a rejoined line vouches for its neighbours in turn
        segs = _rejoin_stretched(segs)
    return number, width, height, [seg for row in segs for seg in row], tables, n_images, has_text, ocr_done


def _rejoin_stretched(rows: list[list[Line]]) -> list[list[Line]]:
    """A wide gap that lines just above and below run across is no gutter:
    a justified line of a narrow column, its spaces stretched ("général,
    M.   Thomas"), is one line."""
    flat = [seg for row in rows for seg in row]
    out: list[list[Line]] = []
    for row in rows:
        merged = [row[0]]
        for seg in row[1:]:
            a = merged[-1]
            lo, hi = a.bbox.x1, seg.bbox.x0
            size = max(a.size, seg.size, 1.0)
            if hi - lo < 3.5 * size and max(a.size, seg.size) < 1.4 * max(min(a.size, seg.size), 1.0):
                crossing = sum(1 for o in flat if o is not a and o is not seg
                               and abs(o.bbox.top - a.bbox.top) < 4 * size and abs(o.bbox.top - a.bbox.top) > 0.5 * size
                               and o.bbox.x0 < lo - 1 and o.bbox.x1 > hi + 1)
                # or the line ends flush with the lines of its column, its last word pushed to the margin
                flush = len(seg.words) <= 2 and sum(
                    1 for o in flat if o is not a and o is not seg and abs(o.bbox.top - a.bbox.top) < 20 * size
                    and abs(o.bbox.x0 - a.bbox.x0) < 2 and abs(o.bbox.x1 - seg.bbox.x1) < 2) >= 2
                if crossing >= 2 or flush:
                    merged[-1] = _make_line(list(a.words) + list(seg.words))
                    continue
            merged.append(seg)
        out.append(merged)
    return out


def page_count(path: Path) -> int:
    with open_pdf(path) as pdf:
        return len(pdf.pages)


def text_of(path: Path) -> str:
    """Convenience for tests and notebooks: the document's text in reading order."""
    return extract(path, "", "").text


__all__ = ["LayoutError", "LayoutOptions", "extract", "join_lines", "open_pdf"]
