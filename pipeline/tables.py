"""Tables without rules (found from text alignment) and tables continued across pages.

Ruled tables come from the drawn lines in :mod:`pipeline.layout`; this module
works on the document model only.
"""

from __future__ import annotations

import re
from dataclasses import replace
from statistics import median

from .document import BBox, Cell, Line, Page, Table


def _rows_of(lines: list[Line]) -> list[list[Line]]:
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda s: (s.bbox.bottom, s.bbox.x0)):
        if rows and abs(rows[-1][0].bbox.bottom - ln.bbox.bottom) <= 2.0:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    return [sorted(r, key=lambda s: s.bbox.x0) for r in rows]


def _split_labels(row: list[Line]) -> list[Line]:
    """Column labels set close together ("Cible 2024   Cible 2025   Cible
    2026", one segment for the page's layout) split at gaps much wider than
    a space, when the row looks like a header once split."""
    out: list[Line] = []
    for seg in row:
        parts: list[list] = [[seg.words[0]]] if seg.words else []
        for w in seg.words[1:]:
            prev = parts[-1][-1]
            if w.bbox.x0 - prev.bbox.x1 > 0.9 * max(w.size, prev.size):
                parts.append([w])
            else:
                parts[-1].append(w)
        if len(parts) < 2:
            out.append(seg)
            continue
        out += [Line(tuple(p), BBox.enclosing([w.bbox for w in p]), " ".join(w.text for w in p)) for p in parts]
    return out if len(out) > len(row) and _header_like(out) else row


_WRAPS = ("-", " de", " du", " des", " la", " le", " les", " à", " au", " aux", " et", " en", " avec", " sur", " pour",
          " d'", " l'")


def _header_like(row: list[Line]) -> bool:
    if len(row) < 2:
        return False
    for seg in row:
        if seg.text.rstrip().lower().endswith(_WRAPS):
            return False  # "Rencontre avec le ministère de" / "...": a heading wrapping, not a column label
        if re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.|\d{1,2}\s*[-–·,]\s*\d{1,2}(?:\s*[-–·,]\s*\d{1,2})*",
                        seg.text.strip()):
            return False  # "1.2 | Renforcer ...": a numbered heading, its number in a gutter; "10-14": days
        words = seg.text.split()
        if len(words) > 6 or len(seg.text) > 45 or seg.text.endswith((".", ",", ";")):
            return False
        if not (seg.bold or seg.text.isupper()):
            return False
    return True


def _rows_line_up(body: list[list[tuple[int, Line]]]) -> bool:
    """A grid's rows end together: where the first column leaves a gap
    between two rows, the other columns have no line either. Two columns of
    running text (a newsletter) break their paragraphs at unrelated heights."""
    segs = [(c, s) for r in body for c, s in r]
    first = sorted((s for c, s in segs if c == 0), key=lambda s: s.bbox.top)
    if len(first) < 2:
        return True
    line_h = median([s.bbox.height for _, s in segs]) or 10.0
    # where a new row starts in the first column, no line of another column runs across
    gaps = [b.bbox.top - 0.3 * line_h for a, b in zip(first, first[1:], strict=False)
            if b.bbox.top - a.bbox.bottom > 0.8 * line_h]
    if not gaps:
        return True
    clear = sum(1 for g in gaps if not any(c > 0 and s.bbox.top - 1 < g < s.bbox.bottom + 1 for c, s in segs))
    return clear >= 0.7 * len(gaps)


def _is_section_heading(text: str) -> bool:
    """A heading of its own ("Notre mission" beside "Nos valeurs",
    "ORIENTATION 1 :" beside "ORIENTATION 2 :": two columns of text), not a
    column label."""
    from .plan_items import starts_with_level_label  # local: they read the model this module builds
    from .plans import statement_kind

    return statement_kind(text) is not None or (starts_with_level_label(text) and any(c.isdigit() for c in text))


def _continues(row: list[Line], above: list[Line], tol: float) -> bool:
    """Every segment of ``row`` is the next line of a same-styled line just
    above it: wrapped headings side by side, not the header of a grid."""
    def cont(seg: Line) -> bool:
        return any(abs(a.bbox.x0 - seg.bbox.x0) <= tol and a.bold == seg.bold and abs(a.size - seg.size) < 0.5
                   and 0 <= seg.bbox.top - a.bbox.bottom < 0.8 * (seg.bbox.bottom - seg.bbox.top) for a in above)
    return all(cont(seg) for seg in row)


def _column_of(seg: Line, starts: list[float], tol: float) -> int | None:
    """Index of the column a segment sits in, or None if it straddles a boundary."""
    col = None
    for i, x in enumerate(starts):
        if seg.bbox.x0 >= x - tol:
            col = i
    if col is None:
        return None
    if col + 1 < len(starts) and seg.bbox.x1 > starts[col + 1] - tol / 2:
        return None
    return col


def column_starts(table: Table) -> list[float]:
    """Left edge of each column of a table."""
    starts = []
    for col in range(table.n_cols):
        xs = [c.bbox.x0 for c in table.cells if c.col == col and c.bbox is not None]
        starts.append(min(xs) if xs else 0.0)
    return starts


def _body_rows(rows: list[list[Line]], j: int, starts: list[float], prev_bottom: float, tol: float):
    """Rows from ``j`` on whose text stays inside the columns."""
    body: list[list[tuple[int, Line]]] = []
    origins: set[int] = set()  # the segments read, before they were cut at the columns
    while j < len(rows):
        row = rows[j]
        gap = min(s.bbox.top for s in row) - prev_bottom
        if len(row) == 1 and row[0].bold and abs(row[0].bbox.x0 - starts[0]) <= 3 * tol and gap <= 60 \
                and j + 1 < len(rows) and len(rows[j + 1]) > 1:
            cols = [0]  # a title row across the grid ("Orientation 1 – ..."), in its first column, rows after it
        else:
            row = [piece for s in row for piece in _split_at_columns(s, starts, tol)]
            cols = [_column_of(s, starts, tol) for s in row]
        if None in cols or gap > 60:
            break
        origins.update(id(s) for s in rows[j])
        body.append(list(zip(cols, row, strict=True)))
        prev_bottom = max(s.bbox.bottom for s in row)
        j += 1
    return body, j, origins


def _split_at_columns(seg: Line, starts: list[float], tol: float) -> list[Line]:
    """A segment running over a column boundary, a word of it starting right
    at the next column ("1  Adoption des normes" under "No | Indicateur"):
    one piece per column."""
    cuts = [k for k, w in enumerate(seg.words) if k and any(abs(w.bbox.x0 - x) <= tol for x in starts)
            and w.bbox.x0 > seg.words[0].bbox.x0 + tol]
    if not cuts:
        return [seg]
    out, prev = [], 0
    for k in cuts + [len(seg.words)]:
        ws = seg.words[prev:k]
        out.append(Line(tuple(ws), BBox.enclosing([w.bbox for w in ws]), " ".join(w.text for w in ws)))
        prev = k
    return out


def find_unruled(lines: list[Line], page_no: int, tol: float = 4.0, carry: list[float] | None = None,
                 skip: set[int] | None = None) -> tuple[list[Table], list[Line]]:
    """Grids laid out with white space only: a header row of short bold or
    upper-case labels, then rows whose text stays inside the header's columns.
    ``carry``: the columns of a grid that closed the previous page; the rows
    that open this page inside them go on with it (a grid continued without
    its header)."""
    rows = [_split_labels(r) for r in _rows_of(lines)]
    tables: list[Table] = []
    used: set[int] = set()
    i = 0
    first = next((k for k, r in enumerate(rows) if not all(id(s) in (skip or ()) for s in r)), len(rows))
    if carry and first < len(rows) and not _header_like(rows[first]):
        body, i, origins = _body_rows(rows, first, carry, min(s.bbox.top for s in rows[first]), tol)
        if len(body) >= 2 and len({c for r in body for c, _ in r}) >= 2:
            tables.append(replace(_build([], body, carry, page_no), continued=True))
            used.update(id(seg) for r in body for _, seg in r)
            used.update(origins)
        else:
            i = 0
    while i < len(rows):
        head = rows[i]
        if not _header_like(head) or (i > 0 and _continues(head, rows[i - 1], tol)):
            i += 1
            continue
        starts = [s.bbox.x0 for s in head]
        body, j, origins = _body_rows(rows, i + 1, starts, max(s.bbox.bottom for s in head), tol)
        body_sizes = [s.size for r in body for _, s in r]
        used_cols = {c for r in body for c, _ in r}
        if (
            len(body) >= 2
            and len(used_cols) >= 2
            and max(s.size for s in head) <= 1.2 * median(body_sizes)
            and not any(_is_section_heading(s.text) for s in head)
            and _rows_line_up(body)
        ):
            tables.append(_build(head, body, starts, page_no))
            for seg in head:
                used.add(id(seg))
            for r in body:
                for _, seg in r:
                    used.add(id(seg))
            used.update(origins)
            i = j
        else:
            i += 1
    rest = [ln for ln in lines if id(ln) not in used]
    return tables, rest


def _build(head: list[Line], body: list[list[tuple[int, Line]]], starts: list[float], page_no: int) -> Table:
    from .layout import join_lines  # local: layout imports this module

    n_cols = len(starts)
    groups: list[list[list[Line]]] = [[[s] for s in head]] if head else []
    line_h = median([s.bbox.height for r in body for _, s in r]) or 10.0
    last_first_bottom: float | None = None
    first_group: int | None = None  # the row whose first cell took the last first-column line
    for r in body:
        first = [s for c, s in r if c == 0]
        # a new row: a gap before its first cell, or before a value in a column the current row has filled
        # (one-line values against a first cell that wraps)
        top = min(s.bbox.top for _, s in r)
        # a value again after a gap in a column the current row has filled: a new row, even when
        # its first cell is blank ("same date as above")
        again = len(groups) > (1 if head else 0) and any(
            groups[-1][c] and top - groups[-1][c][-1].bbox.bottom > 0.8 * line_h for c, _ in r if c > 0)
        starts_row = (bool(first) and (last_first_bottom is None or first[0].bbox.top - last_first_bottom > 0.8 * line_h)
                      or again)
        prev_first_bottom = last_first_bottom
        if starts_row or len(groups) == (1 if head else 0):
            groups.append([[] for _ in range(n_cols)])
        if first:
            last_first_bottom = first[-1].bbox.bottom
        for c, s in r:
            if c == 0 and first_group is not None and first_group < len(groups) - 1 and prev_first_bottom is not None \
                    and s.bbox.top - prev_first_bottom < 0.5 * line_h:
                groups[first_group][0].append(s)  # the first cell wraps on beside the next row: it spans both
                continue
            if c == 0:
                first_group = len(groups) - 1
            groups[-1][c].append(s)
    cells: list[Cell] = []
    for ri, g in enumerate(groups):
        for ci, segs in enumerate(g):
            if not segs:
                continue
            bbox = BBox.enclosing([s.bbox for s in segs])
            cells.append(Cell(ri, ci, join_lines([s.text for s in segs]), bbox, tuple(segs)))
    all_boxes = [s.bbox for s in head] + [s.bbox for r in body for _, s in r]
    return Table(page_no, BBox.enclosing(all_boxes), tuple(cells), len(groups), n_cols, ruled=False)


def header_of(table: Table) -> tuple[str, ...]:
    return tuple(c.text.strip().lower() for c in table.cells if c.row == 0)


def mark_continuations(pages: list[Page]) -> list[Page]:
    """Flag a table that opens a page with the same columns as the table that
    closed the previous page: it is the same table, continued."""
    out: list[Page] = []
    prev_last: Table | None = None
    for page in pages:
        tables = list(page.tables)
        first_item = page.order[0] if page.order else None
        if tables and prev_last is not None and first_item == ("table", 0):
            t = tables[0]
            same_cols = t.n_cols == prev_last.n_cols and (
                header_of(t) == header_of(prev_last)
                or _same_grid(t, prev_last)
            )
            if same_cols:
                tables[0] = replace(t, continued=True)
        last_item = page.order[-1] if page.order else None
        prev_last = tables[-1] if tables and last_item == ("table", len(tables) - 1) else None
        out.append(replace(page, tables=tuple(tables)))
    return out


def _same_grid(a: Table, b: Table, tol: float = 3.0) -> bool:
    xa = sorted({round(c.bbox.x0) for c in a.cells if c.bbox is not None and c.row == 0})
    xb = sorted({round(c.bbox.x0) for c in b.cells if c.bbox is not None and c.row == 0})
    return len(xa) == len(xb) and all(abs(p - q) <= tol for p, q in zip(xa, xb, strict=True))
