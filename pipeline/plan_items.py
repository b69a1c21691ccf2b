"""The commitments of a strategic plan: issues, orientations, objectives,
strategies, actions, expected results, indicators, and their targets.

Plans print the same tree in many ways, so the document is first flattened
into *units* (one paragraph, list item, labelled value or heading each, with
its typography and, inside a grid, the level its column stands for), then one
walk gives each unit a level and a parent:

* a label gives the level ("Orientation 2", "OBJECTIF STRATÉGIQUE 1",
  "Indicateur :", "Cible :"); a label alone takes the next unit as its text;
* a column header gives it in grids ("ENJEUX | ORIENTATIONS | OBJECTIFS",
  "Objectif | Indicateur | Cible"), whose rows are read top to bottom and
  left to right, so each item follows the item it belongs to;
* a plural heading ("STRATÉGIES", "RÉSULTATS ATTENDUS") gives it to the list
  items under it;
* numbered outlines without labels ("1.", "1.1", "1.1.1") take the usual levels
  of a plan from the deepest up (objective, orientation, issue), an unnumbered
  heading over numbered items being one level up.

Parents come from codes when the parent's code is printed ("1.2" for
"1.2.1"), otherwise from the open items. Only the part of the document that
lists commitments is read: it opens at a heading naming levels or at a grid.
Vocabulary: ``models/plan_fr.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from typing import Any

from .dates import find_dates
from .document import BBox, Block, Document, Line, Table
from .layout import BULLETS, join_lines
from .normalize import normalize_target
from .resources import load_yaml
from .textnorm import collapse_ws

_CODE = re.compile(r"^(?:(?P<num>\d{1,2}(?:\.\d{1,2}){1,3}|\d{1,2}(?=[.)]))(?:[.)](?!\d))?|(?P<alnum>[A-Z]{1,4}-?\d{1,2}(?:\.\d{1,2})*)|(?P<letter>[A-LN-Za-z])(?=[.)]\s)[.)])(?=\s)\s*[:.–—-]?\s*")


# The code after a level label: "2", "1.2", "OS-3", "n° 4", and letters or
# roman numerals when a separator follows ("Orientation A —", "Axe II :",
# "Objectif B.2 —").
_LABEL_CODE = (r"(?:[A-Z]{0,3}-?\d{1,2}(?:\s?\.\s?\d{1,2})*"
               r"|[A-Z](?:\.\d{1,2})+(?=\s)|(?:[A-Z]|[IVX]{1,4})(?:\.\d{1,2})*(?=\s*(?:[:–—-]|$)))")

# A year between a label and its value: "Cible 2027 : 75 %".
_YEAR_COLON = r"\s*(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*:"

_TOC_LINE = re.compile(r"(?:\.\s?){3,}\s*\d+\s*$|\.{4,}")


@cache
def _lex() -> dict[str, Any]:
    lex = load_yaml("plan_fr.yaml")
    ordinal = rf"(?:(?:{lex['ordinal_words']})\s+)?"  # "Première orientation — ..."
    labels = {k: re.compile(rf"^{ordinal}(?:{v})\b", re.I) for k, v in lex["level_labels"].items()}
    return {
        "labels": labels,
        "rank": lex["level_rank"],
        "parents": lex["parent_kinds"],
        "default_levels": lex["default_levels"],
        "toc": re.compile(rf"^\W*(?:{lex['toc_headings']})\W*$", re.I),
        "zone": re.compile(rf"\b(?:{lex['plan_zone_words']})\b", re.I),
        "ignored": re.compile(rf"^\W*(?:{lex['ignored_labels']})\b", re.I),
        "no_value": re.compile(rf"\s*(?:{lex['no_value']})\s*", re.I),
        "inline_target": re.compile(lex["inline_target"], re.I),
        "code_prefixes": {k.upper(): v for k, v in lex["code_prefixes"].items()},
        "heading_children": set(lex["heading_children"]),
    }


@dataclass
class Unit:
    text: str  # cleaned text, prefix (bullet, code, label) removed
    raw: str
    page: int
    bbox: BBox
    size: float
    bold: bool
    code: str | None = None
    bullet: bool = False
    label: str | None = None  # level named by a label ("objective", "target", ...)
    label_only: bool = False  # the label (and code) is all the unit says
    column: str | None = None  # level of the grid column the unit sits in
    grid: bool = False
    code_first: bool = False  # "1.1 Indicateur : ...": the code before the label


@dataclass
class Item:
    kind: str | None  # None until resolved (numbered outline, group heading)
    code: str | None
    text: str
    page: int
    depth: int = 0  # components of the code, for unlabelled outlines
    heading: bool = False  # an unnumbered heading that may group numbered items
    parent: int | None = None
    targets: list[tuple[str, int, BBox]] = field(default_factory=list)
    ref: str | None = None  # the code of the item it names as its parent ("... Enjeu E1")
    bbox: BBox | None = None
    listed: bool = False  # a member of a list under a plural heading ("ACTIONS" over bullets)
    size: float = 0.0  # type size of its text
    code_first: bool = False  # its code printed before its label: maybe its parent's number


# --------------------------------------------------------------------------- units


def _label(text: str) -> tuple[str | None, int]:
    """(level, length of the label) when ``text`` starts with a level label
    followed by a code, a colon or nothing."""
    best: tuple[str | None, int] = (None, 0)
    for kind, rx in _lex()["labels"].items():
        m = rx.match(text)
        if m and m.end() > best[1]:
            rest = text[m.end():]
            if not rest.strip() or re.match(rf"\s*(?:n[°o]\s*)?(?:{_LABEL_CODE})(?![\d-])|\s*[:–—·-]|{_YEAR_COLON}", rest):
                best = (kind, m.end())
    return best


def _prefix_kind(code: str) -> str | None:
    """The level a code's letters name ("OBJ-1.2", "OS3" -> objective)."""
    m = re.match(r"([A-Za-z]+)-?\d", code)
    return _lex()["code_prefixes"].get(m.group(1).upper()) if m else None


def starts_with_level_label(text: str) -> bool:
    """The text opens with a plan level's label ("Orientation 2", "Objectif
    1.1 :"), not a target's."""
    label, _ = _label(text.strip())
    return label is not None and label != "target"


def _make_unit(lines: list[Line], page: int, vocab: set[str], column: str | None = None,
               grid: bool = False) -> Unit | None:
    raw = collapse_ws(join_lines([ln.text for ln in lines], vocab))
    if not raw:
        return None
    text, code, bullet, code_first = raw, None, False, False
    if text[0] in BULLETS and (len(text) == 1 or text[1] == " "):
        text, bullet = text[1:].lstrip(), True
    label, n = _label(text)
    label_only = False
    if label == "target" and re.match(_YEAR_COLON, text[n:]):
        text, label_only = text, False  # "Cible 2027 : 75 %": the whole badge is the target
    elif label:
        text = text[n:].lstrip()
        m = re.match(rf"(?:n[°o]\s*)?({_LABEL_CODE})\.?\s*", text)
        if m and (m.end() == len(text) or text[m.end() - 1].isspace() or text[m.end():m.end() + 1] in ":–—-"):
            code, text = re.sub(r"\s", "", m.group(1)), text[m.end():]
        text = text.lstrip(" :–—·-").strip()
        label_only = not text
    else:
        m = _CODE.match(text + " ")
        if m and m.end() < len(text) + 1 and re.match(r"[A-Za-zÀ-ÿ«\"']", (text + " ")[m.end():m.end() + 1] or " "):
            code, text = (m.group("num") or m.group("alnum") or m.group("letter")), text[m.end():].strip()
            label, n = _label(text)  # "A. Enjeu – La qualité ...": the label after the code
            if label and re.match(r"\s*[:–—.-]", text[n:]):
                text = text[n:].lstrip(" :–—.-").strip()
                code_first = True
            else:
                label = None
    bbox = BBox(min(ln.bbox.x0 for ln in lines), min(ln.bbox.top for ln in lines),
                max(ln.bbox.x1 for ln in lines), max(ln.bbox.bottom for ln in lines))
    bold = all(ln.bold for ln in lines)
    size = max(ln.size for ln in lines)
    return Unit(text.strip(), raw, page, bbox, size, bold, code, bullet, label, label_only, column, grid, code_first)


def _starts_unit(ln: Line) -> bool:
    t = ln.text.lstrip()
    return bool(t) and ((t[0] in BULLETS and (len(t) == 1 or t[1] == " "))
                        or bool(_CODE.match(t + " ")) or _label(t)[0] is not None)


def _label_alone(text: str) -> bool:
    t = text.strip().rstrip(" :")
    label, n = _label(t)
    return label is not None and n >= len(t)


def _split(lines: list[Line]) -> list[list[Line]]:
    """Lines of one block or grid column into units: a new unit at a bullet, a
    code, a label, a change of weight, a paragraph gap."""
    groups: list[list[Line]] = []
    for ln in lines:
        if groups:
            prev = groups[-1][-1]
            gap = ln.bbox.top - prev.bbox.bottom
            same_row = abs(ln.bbox.top - prev.bbox.top) < 2  # "Cible :" | value
            label_alone = len(groups[-1]) == 1 and _label_alone(groups[-1][0].text)
            new = _starts_unit(ln) or (ln.bold != prev.bold and not same_row and not label_alone) or \
                gap > 0.9 * max(prev.bbox.bottom - prev.bbox.top, 1)
            if not new or (same_row and (label_alone or not _starts_unit(ln))):
                groups[-1].append(ln)
                continue
        groups.append([ln])
    return groups


def _column_kinds(table: Table) -> tuple[list[str | None], list[str], dict[int, int], int] | None:
    """Levels named by the header row of a grid, with what each header adds
    after its label ("CIBLE 2023-2024" -> target, "2023-2024"), and the
    header's row (a title row spanning the table may come first), or None
    for another table."""
    for row in range(min(3, table.n_rows)):
        found = _header_kinds(table, row)
        if found is not None:
            return (*found, row)
    return None


def _header_kinds(table: Table, row: int) -> tuple[list[str | None], list[str], dict[int, int]] | None:
    """Kinds and notes of a header row, and for each cell how many of its
    lines the header takes: a header whose rule below was not drawn comes
    merged with the first row's text ("OBJECTIFS" / "3.1 Favoriser ...")."""
    head = [c for c in table.cells if c.row == row]
    kinds: list[str | None] = [None] * table.n_cols
    notes = [""] * table.n_cols
    taken: dict[int, int] = {}
    for c in head:
        lines = list(c.lines) or [None]
        for k in range(len(lines), 0, -1):
            text = collapse_ws(" ".join(ln.text for ln in lines[:k]) if lines[0] is not None else c.text).strip()
            label, n = None, 0
            for kind, rx in _lex()["labels"].items():
                m = rx.match(text)
                if m and m.end() > n:
                    label, n = kind, m.end()
            rest = text[n:].strip(" :()–-")
            if label and (len(rest) <= 1 or re.fullmatch(r"\(?(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?\)?", rest)):
                kinds[c.col] = label
                notes[c.col] = rest if len(rest) > 1 else ""
                taken[c.col] = k
                break
    levels = [k for k in kinds if k is not None]
    if len(levels) < 2 or all(k == "target" for k in levels):
        return None  # only targets: nothing in the table to hold them
    return kinds, notes, taken


def _row_kinds(table: Table) -> dict[int, str] | None:
    """Levels named in the first column of a grid laid out by rows."""
    kinds = {}
    for c in table.cells:
        if c.col == 0:
            label, n = _label(c.text.strip())
            if label and n >= len(c.text.strip().rstrip(" :")) - 1:
                kinds[c.row] = label
    return kinds if len(kinds) >= 2 and table.n_cols >= 2 else None


def _grid_row_order(row_units: list[tuple[int, Unit]]) -> list[Unit]:
    """Units of one grid row, each right after the unit of a column to its
    left that it sits against: the nearest one starting above it (or level
    with it). A cell centred vertically may start above the text it belongs
    to; it then goes with the first unit on its left."""
    keys: dict[int, tuple[float, ...]] = {}
    for col in sorted({c for c, _ in row_units}):
        left = list(keys)
        for i, (c, u) in enumerate(row_units):
            if c != col:
                continue
            if not left:
                keys[i] = (round(u.bbox.top / 3),)
                continue
            above = [j for j in left if row_units[j][1].bbox.top <= u.bbox.top + 3]
            anchor = max(above, key=lambda j: (row_units[j][1].bbox.top, row_units[j][0])) if above else \
                min(left, key=lambda j: (row_units[j][1].bbox.top, row_units[j][0]))
            keys[i] = keys[anchor] + (col, u.bbox.top)
    return [row_units[i][1] for i in sorted(keys, key=lambda i: keys[i])]


def _table_units(table: Table, page: int, vocab: set[str]) -> tuple[list[Unit], bool]:
    """Units of a table, and whether it is a grid of plan levels."""
    found = _column_kinds(table)
    if found is not None:
        kinds, notes, taken, header = found
        units: list[Unit] = []
        for r in range(header):  # a title row over the grid ("Orientation 1 – ...")
            lines = sorted((ln for c in table.cells if c.row == r for ln in c.lines),
                           key=lambda ln: (ln.bbox.top, ln.bbox.x0))
            units += [u for grp in _split(lines) if (u := _make_unit(grp, page, vocab))]
        code_col = next((c.col for c in table.cells if c.row == header
                         and re.fullmatch(r"n[o°º]\.?|#|numéros?|réf\.?|codes?", collapse_ws(c.text).lower())), None)
        for r in range(header, table.n_rows):
            row_units = []
            row_code = next((collapse_ws(c.text) for c in table.cells if c.row == r and c.col == code_col
                             and re.fullmatch(r"[A-Z]{0,3}-?\d{1,2}(?:\.\d{1,2})*", collapse_ws(c.text))), None)
            for c in (c for c in table.cells if c.row == r):
                if c.col == code_col:
                    continue  # "No | Indicateur": the number goes to the row's item
                label_unit: Unit | None = None  # "ENJEU 1" over its text in the same cell
                lines = sorted(c.lines, key=lambda ln: (ln.bbox.top, ln.bbox.x0))
                if r == header:
                    lines = lines[taken.get(c.col, len(lines)):]  # the first row, merged into the header
                for grp in _split(lines):
                    u = _make_unit(grp, page, vocab, kinds[c.col] or "description", grid=True)
                    if u and kinds[c.col] == "target" and _lex()["no_value"].fullmatch(u.raw):
                        continue  # "–" under "CIBLE 2024-2025": no target that year
                    if u and notes[c.col] and kinds[c.col] == "target" and not find_dates(u.text, years=True):
                        u.text = f"{u.text} ({notes[c.col]})"  # a value under "CIBLE 2024-2025"
                    if u and label_unit is not None and not (u.label or u.code or u.bullet):
                        label_unit.text, label_unit.label_only = u.text, False
                        label_unit.bbox = label_unit.bbox.union(u.bbox)
                        label_unit = None
                        continue
                    if u:
                        row_units.append((c.col, u))
                        label_unit = u if u.label_only else None
            ordered = _grid_row_order(row_units)
            if row_code:
                first = next((u for u in ordered if u.column not in ("target", "description") and not u.code), None)
                if first is not None:
                    first.code = row_code
            units += ordered
        return units, True
    rows = _row_kinds(table)
    if rows is not None:
        units = []
        for r, kind in sorted(rows.items()):
            lines = [ln for c in table.cells if c.row == r and c.col > 0 for ln in c.lines]
            for grp in _split(sorted(lines, key=lambda ln: (ln.bbox.top, ln.bbox.x0))):
                u = _make_unit(grp, page, vocab, kind, grid=True)
                if u:
                    units.append(u)
        return units, True
    # Another table: text laid out in columns, read one column after the other.
    units = []
    for col in range(table.n_cols):
        lines = [ln for c in sorted(table.cells, key=lambda c: c.row) if c.col == col for ln in c.lines]
        for grp in _split(lines):
            u = _make_unit(grp, page, vocab)
            if u:
                units.append(u)
    return units, False


def _vocab(doc: Document) -> set[str]:
    return {w.lower().strip(".,;:()«»\"") for _, it in doc.iter_items() if isinstance(it, Block)
            for w in it.text.split()}


def units_of(doc: Document) -> list[tuple[Unit | None, bool]]:
    """(unit, opens the plan part) in reading order; a ``None`` unit marks the
    end of a grid."""
    vocab = _vocab(doc)
    out: list[tuple[Unit | None, bool]] = []
    toc_page = None
    for page, item in doc.iter_items():
        if page.number == toc_page:
            continue
        if not isinstance(item, Table) and item.lines and _lex()["toc"].match(item.lines[0].text):
            toc_page = page.number  # the rest of the page lists titles, not commitments
            continue
        if isinstance(item, Table):
            units, is_grid = _table_units(item, page.number, vocab)
            out += [(u, is_grid) for u in units]
            out.append((None, False))
        else:
            for grp in _split(list(item.lines)):
                u = _make_unit(grp, page.number, vocab)
                if u:
                    out.append((u, False))
    return _badges_to_items(out)


_BADGE = re.compile(r"[A-Z]{0,3}-?\d{1,2}(?:\.\d{1,2}){0,3}")


def _badges_to_items(units: list[tuple[Unit | None, bool]]) -> list[tuple[Unit | None, bool]]:
    """A code printed alone in a badge ("E1" in a coloured box) beside a
    title is that title's code: the title is the first text to its right
    that reaches the badge's height."""
    out: list[tuple[Unit | None, bool]] = []
    drop: set[int] = set()
    for i, (u, _) in enumerate(units):
        if u is None or u.grid or i in drop or not _BADGE.fullmatch(u.raw.strip()):
            continue
        band = (u.bbox.top - u.size, u.bbox.bottom)
        right = [(j, v) for j, (v, _) in enumerate(units) if v is not None and j != i and j not in drop
                 and v.page == u.page and not v.grid and v.bbox.x0 > u.bbox.x1
                 and v.bbox.x0 - u.bbox.x1 < 6 * u.size and v.bbox.top <= band[1] and v.bbox.bottom >= band[0]]
        if right:
            j, v = min(right, key=lambda jv: (not jv[1].bold, jv[1].bbox.top))  # the title, in bold
            if v.code is None and v.label is None:
                v.code = u.raw.strip()
                drop.add(i)
    for i, pair in enumerate(units):
        if i not in drop:
            out.append(pair)
    return out


# --------------------------------------------------------------------------- levels


def _is_heading(u: Unit, body: float) -> bool:
    return (u.bold or u.size >= body + 1.5 or u.raw.isupper()) and len(u.raw.split()) <= 16 \
        and not u.raw.rstrip().endswith((".", ",", ";"))


def _next_section(u: Unit, opener: Unit | None, after: list[tuple[Unit | None, bool]]) -> bool:
    """A numbered heading is the document's next section ("5. Suivi" after
    "4. Orientations et objectifs" opened the plan part), not an item of an
    outline, when it numbers like the opener and nothing under it takes up
    its number ("5.1")."""
    if opener is None or not opener.code or opener.code.count(".") != u.code.count(".") \
            or not u.code.replace(".", "").isdigit():
        return False
    return not any(x is not None and x.code and x.code.startswith(u.code + ".") for x, _ in after)


def _plural(label_text: str) -> bool:
    first = label_text.split()[0].lower() if label_text.split() else ""
    return first.endswith(("s", "x"))


def items_of(doc: Document, body: float) -> list[Item]:
    lex = _lex()
    vocab = _vocab(doc)
    items: list[Item] = []
    zone = False
    zone_size = 0.0
    context: str | None = None
    context_items: list[int] = []
    ctx_x: tuple[float, float | None] = (0.0, None)  # the context heading's and its bullets' left edges
    outer: list[tuple[str, list[int], tuple[float, float | None]]] = []  # contexts a nested list sits in
    pending: Item | None = None
    pending_target: Unit | None = None
    plain: list[Unit] = []  # paragraphs under a context heading, items if no list follows

    def flush_plain():
        nonlocal plain
        if context and plain and not context_items:
            for u in plain:
                items.append(Item(context, u.code, u.text, u.page, bbox=u.bbox, size=u.size))
        plain = []

    together: list[Item] = []  # items listed on one line ("Indicateurs : a ; b")

    def target(text: str, page: int, bbox: BBox):
        parts = [p.strip() for p in text.split(" ; ") if p.strip()] if " ; " in text else [text]
        if len(parts) > 1 and len(together) == len(parts) and together[-1] is (items[-1] if items else None):
            for it, part in zip(together, parts, strict=True):  # "Cibles : x ; y", in the same order
                it.targets.append((part, page, bbox))
        elif items:
            # after a bulleted list, a target printed apart is the list's parent's ("Échéance : 2026")
            host = items[-1]
            if host.listed:
                host = next((it for it in reversed(items) if not it.listed), host)
            host.targets.append((text, page, bbox))

    units = units_of(doc)
    opener: Unit | None = None  # the unlabelled heading that opened the plan part
    for ui, (u, opens) in enumerate(units):
        if u is None:  # end of a grid: its columns no longer give levels
            continue
        # "ORIENTATION 1", "ACTIONS" set small over what they name are no footnote
        # labelled lines set small ("Indicateur : ... — Cible : ...") are content too
        small = u.size < 0.85 * body and not (u.label and (u.code or u.label_only or re.match(r"\S+(?: \S+)?\s*[:·–—]", u.raw)))
        if small or _TOC_LINE.search(u.raw) or lex["ignored"].match(u.raw):
            continue  # footnotes, table-of-contents lines, baselines
        heading = _is_heading(u, body) and not u.grid
        if not zone:
            if opens or (heading and lex["zone"].search(u.raw)) or (u.label and u.label != "target" and u.code):
                zone, zone_size = True, u.size
                if heading and not u.label:
                    opener = u
                    continue
            else:
                continue
        elif heading and not u.label and u.size >= zone_size - 0.5 and not lex["zone"].search(u.raw) \
                and pending is None and (not u.code or _next_section(u, opener, units[ui + 1:ui + 40])):
            flush_plain()
            zone, context, outer = False, None, []  # another part of the document
            continue
        if pending_target is not None:
            label_unit, pending_target = pending_target, None
            if not (u.label or u.code or u.bullet) and u.page == label_unit.page:
                target(u.text, u.page, label_unit.bbox.union(u.bbox))  # "Cible :" | "automne 2024"
                continue
        if pending is not None:
            if u.label or u.code or u.bullet:
                pending = None
            else:
                pending.text = u.text
                if pending.page == u.page and pending.bbox is not None:
                    pending.bbox = pending.bbox.union(u.bbox)
                if pending.kind in ("issue", "orientation", "objective"):
                    zone_size = max(zone_size, u.size)  # the plan's own titles: a smaller heading stays inside
                pending = None
                continue
        kind = u.label or (u.column if u.column != "description" else None)
        # the item goes on after a page break: the last item, or in a grid the last one of its column
        host = next((it for it in reversed(items) if it.kind == kind), None) if u.grid and kind else \
            (items[-1] if items and not kind and not u.grid else None)
        below = host is not None and host.bbox is not None and u.page == host.page \
            and -0.3 * u.size <= u.bbox.top - host.bbox.bottom < 1.2 * u.size \
            and (abs(u.bbox.x0 - host.bbox.x0) < 20
                 or abs(u.size - host.size) < 0.5 and host.bbox.x0 < u.bbox.x0 < host.bbox.x0 + 0.3 * host.bbox.width)
        if host is not None and not u.code and not u.bullet and not u.label and u.text[:1].islower() \
                and (u.page == host.page + 1 or below and not u.grid
                     or not u.grid and u.page == host.page and host.bbox is not None  # at the next column's top
                     and u.bbox.top < host.bbox.top and u.bbox.x0 > host.bbox.x1 - 5) \
                and not host.text.rstrip().endswith((".", "!", "?", ":", ";")):
            host.text = join_lines([host.text, u.text], vocab)
            continue
        if kind == "target":
            if u.label_only and not u.grid:
                pending_target = u
            else:
                target(u.text or u.raw, u.page, u.bbox)
            continue
        if u.label and u.label_only and not u.code and _plural(u.raw) and not u.grid:
            flush_plain()
            if context and context_items and ctx_x[1] is not None and u.bbox.x0 > ctx_x[1] + 3:
                outer.append((context, context_items, ctx_x))  # "Résultats attendus" under an objective bullet
            else:
                outer = []
            context, context_items, ctx_x = u.label, [], (u.bbox.x0, None)  # "STRATÉGIES" over a list
            continue
        if kind:
            if not u.grid:
                flush_plain()
                context = None
            parts = [p.strip() for p in u.text.split(" ; ") if p.strip()] \
                if u.label and _plural(u.raw) and " ; " in u.text else [u.text]
            together = [Item(kind, u.code, part, u.page, bbox=u.bbox, size=u.size, code_first=u.code_first)
                        for part in parts]
            items.extend(together)
            if u.label_only:
                pending = together[-1]
            continue
        if u.column == "description":
            continue
        if context and u.code and not u.bullet and u.bbox.x0 < ctx_x[0] - 3:
            context, outer = None, []  # "1.2 Encadrer ..." set out of the list above: the next item
        if context and (u.bullet or u.code) and ctx_x[1] is not None and u.bbox.x0 > ctx_x[1] + 20 and not outer:
            continue  # far right of the list's bullets: a quote's attribution, a caption
        if context and (u.bullet or u.code):
            while outer and ctx_x[1] is not None and u.bbox.x0 < ctx_x[1] - 3:
                context, context_items, ctx_x = outer.pop()  # back out of a nested list
            if ctx_x[1] is None:
                ctx_x = (ctx_x[0], u.bbox.x0)
            items.append(Item(context, u.code, u.text, u.page, bbox=u.bbox, listed=True, size=u.size))
            context_items.append(len(items) - 1)
            continue
        if u.code and _prefix_kind(u.code):
            flush_plain()
            context = None  # "OBJ-1.2", "OS3": the prefix names the level
            items.append(Item(_prefix_kind(u.code), u.code, u.text, u.page, bbox=u.bbox, size=u.size))
            continue
        if u.code and "." not in u.code.strip(".") or (u.code and re.fullmatch(r"\d+(?:\.\d+)*", u.code)):
            flush_plain()
            context = None
            items.append(Item(None, u.code, u.text, u.page, depth=u.code.count(".") + 1, bbox=u.bbox, size=u.size))
            continue
        if heading:
            flush_plain()
            context = None
            items.append(Item(None, None, u.raw, u.page, heading=True, bbox=u.bbox, size=u.size))
            continue
        m = lex["inline_target"].search(u.text)
        if m and items and not context:
            target(m.group("target").strip(), u.page, u.bbox)  # "... avant-après. Cible : automne 2025"
            continue
        if context and not u.bullet:
            plain.append(u)
    flush_plain()
    return _resolve_levels(items)


def _resolve_levels(items: list[Item]) -> list[Item]:
    """Levels of numbered items without labels, and of the unnumbered headings
    that group them; headings that group nothing are dropped."""
    lex = _lex()
    keep: list[Item] = []
    for i, it in enumerate(items):
        if it.heading:
            nxt = next((x for x in items[i + 1:] if x.kind is not None or x.depth or x.heading), None)
            if nxt is not None and not nxt.depth and nxt.kind in lex["heading_children"] \
                    and any(x.kind in ("orientation", "issue") for x in items[:i]):
                it.kind, it.heading = "objective", False  # a title in bold over its expected result, indicator ...
            elif nxt is None or not nxt.depth:
                continue
        keep.append(it)
    depths = sorted({it.depth for it in keep if it.kind is None and it.depth})
    if not depths:
        return [it for it in keep if it.kind]
    levels = (["heading"] if any(it.heading for it in keep) else []) + depths
    defaults = lex["default_levels"]
    names = {lvl: defaults[max(0, len(defaults) - len(levels) + j)] for j, lvl in enumerate(levels)}
    for it in keep:
        if it.kind is None:
            it.kind = names["heading" if it.heading else it.depth]
    return keep


def _split_references(items: list[Item]) -> None:
    """A title that ends by naming the item it answers to ("Garantir ...
    Enjeu E1", "... (enjeu 2)"): the reference leaves the text and gives the
    parent."""
    lex = _lex()
    codes = {(it.kind, it.code) for it in items if it.code}
    for it in items:
        if it.kind is None:
            continue
        m = next((m for words in (r"\w+", r"\w+\s\w+") if (m := re.search(
            rf"\s[(\[]?\s*(?P<label>{words})\s+(?:n[°o]\s*)?(?P<code>{_LABEL_CODE})\s*[)\]]?\s*$", it.text))
            and _label(m.group("label"))[1] == len(m.group("label"))), None)
        if not m or m.start() < 10:
            continue
        kind, n = _label(m.group("label"))
        code = re.sub(r"\s", "", m.group("code"))
        if kind in lex["parents"].get(it.kind, []) and n == len(m.group("label")) and (kind, code) in codes:
            it.text, it.ref = it.text[:m.start()].rstrip(" –—-,"), code


def _link(items: list[Item]) -> None:
    lex = _lex()
    rank, allowed = lex["rank"], lex["parents"]
    open_: dict[str, int] = {}
    by_code: dict[str, int] = {}
    for i, it in enumerate(items):
        parent = None
        ref = by_code.get(it.ref) if it.ref else None
        if ref is not None and items[ref].kind in allowed[it.kind]:
            parent = ref
        named = by_code.get(it.code) if it.code and it.code_first else None
        if named is not None and rank[items[named].kind] < rank[it.kind] and it.kind in allowed \
                and items[named].kind in allowed[it.kind]:
            # "1.1 Indicateur : ..." under objective 1.1: the number names its parent, not the item
            parent, it.code = named, None
        elif parent is None and it.code and "." in it.code:
            pc = it.code.rsplit(".", 1)[0]
            j = by_code.get(pc)
            if j is not None and rank[items[j].kind] < rank[it.kind]:
                parent = j
        if parent is None:
            # an item labelled on its own after a list belongs with the list's
            # parent, not with the list's last member
            cands = [open_[k] for k in allowed[it.kind] if k in open_ and (it.listed or not items[open_[k]].listed)]
            parent = max(cands) if cands else None
        it.parent = parent
        for k in [k for k in open_ if rank[k] >= rank[it.kind]]:
            del open_[k]
        open_[it.kind] = i
        if it.code:
            by_code[it.code] = i


def _drop_repeats(items: list[Item]) -> list[Item]:
    """A plan often repeats its tree in a summary table: a later item of the
    same kind, code and (nearly) text is the earlier one; its children and
    new targets go to the earlier one."""
    same: dict[int, int] = {}
    seen: dict[tuple[str | None, str | None], list[int]] = {}
    for i, it in enumerate(items):
        key = (it.kind, it.code)
        if it.code is None and _BADGE.fullmatch(it.text.strip()):
            # a grid naming an item by its code alone ("1.1 | Indicateur | Cible"): that item
            j = next(iter(seen.get((it.kind, it.text.strip()), [])), None)
            if j is not None:
                same[i] = j
                continue
        earlier = seen.get(key, [])
        if it.code and earlier and re.match(r"(?:\w+ )?\d", it.text) and not items[earlier[0]].text[:1].isdigit() \
                and normalize_target(it.text)["kind"] == "quantity":
            # "Objectif 1.2 : 90 % des demandes traitées en 60 jours" under "Cibles 2028": objective 1.2's target
            items[earlier[0]].targets.append((it.text, it.page, it.bbox or BBox(0, 0, 0, 0)))
            same[i] = earlier[0]
            continue
        for j in earlier:
            a, b = collapse_ws(items[j].text).casefold(), collapse_ws(it.text).casefold()
            ratio = 1.0 if a == b else min(SequenceMatcher(None, a, b, autojunk=False).ratio(),
                                           # word for word too: "Adoption du plan" is not "Adoption de la norme"
                                           SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio() + 0.1)
            parent = same.get(it.parent, it.parent) if it.parent is not None else None
            if ratio >= 0.9 or (it.code and ratio >= 0.6 and parent == items[j].parent):
                same[i] = j
                break
        else:
            seen.setdefault(key, []).append(i)
    if not same:
        return items
    for i, j in same.items():
        known = {t[0] for t in items[j].targets}
        items[j].targets += [t for t in items[i].targets if t[0] not in known]
    keep = [i for i in range(len(items)) if i not in same]
    new_index = {old: k for k, old in enumerate(keep)}
    out = []
    for i in keep:
        it = items[i]
        p = it.parent
        while p is not None and p in same:
            p = same[p]
        it.parent = new_index.get(p) if p is not None else None
        out.append(it)
    return out


def _split_inline_targets(items: list[Item]) -> None:
    """"Taux de satisfaction — Cible : 85 % en 2028", "(cible : printemps
    2026)": a target printed at the end of its item's text."""
    rx = _lex()["inline_target"]
    for it in items:
        m = rx.search(it.text)
        if m and m.start() > 0:
            it.targets.insert(0, (m.group("target").strip(), it.page, it.bbox))
            it.text = it.text[:m.start()].rstrip(" ,;:–—-")


def extract(doc: Document, body: float) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows of ``plan_items`` and ``targets``."""
    items = [it for it in items_of(doc, body) if it.text]
    _split_inline_targets(items)
    _split_references(items)
    _link(items)
    items = _drop_repeats(items)
    ids = [f"{doc.doc_id}-i{i:03d}" for i in range(1, len(items) + 1)]
    item_rows, target_rows = [], []
    for i, it in enumerate(items):
        item_rows.append({
            "doc_id": doc.doc_id, "item_id": ids[i], "parent_id": ids[it.parent] if it.parent is not None else None,
            "kind": it.kind, "code": it.code, "text": it.text, "page": it.page,
            **(it.bbox.as_row() if it.bbox else {}),
        })
        for text, page, bbox in it.targets:
            target_rows.append({"doc_id": doc.doc_id, "target_id": f"{doc.doc_id}-t{len(target_rows) + 1:03d}",
                                "item_id": ids[i], "text": text, **normalize_target(text), "page": page,
                                **bbox.as_row()})
    return item_rows, target_rows
