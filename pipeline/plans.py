"""Strategic plans: statements, the hierarchy of plan items, their targets.

This first part finds the statements (mission, vision, ambition, values) from
their headings and the typography that follows them. Plan items and targets
come with issue #4.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from . import plan_items
from .document import BBox, Block, Classification, Document, Line, Page, Table
from .resources import load_yaml
from .textnorm import collapse_ws

_LEAD = r"^[\s\d.)•\-–]*"


def _body_size(doc: Document) -> float:
    sizes: Counter[float] = Counter()
    for _, item in doc.iter_items():
        lines = item.lines if isinstance(item, Block) else [ln for c in item.cells for ln in c.lines]
        for ln in lines:
            sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _is_heading(block: Block, body: float) -> bool:
    words = block.text.split()
    return 0 < len(words) <= 8 and (block.bold or block.size >= body + 1.5 or block.text.isupper()) \
        and not block.text.rstrip().endswith((".", ",", ";"))


def statement_kind(text: str) -> str | None:
    heads = load_yaml("plan_fr.yaml")["statement_headings"]
    t = collapse_ws(re.sub(_LEAD, "", text)).rstrip(" :").lower()
    t = re.sub(r"\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?$", "", t)  # "AMBITION 2030"
    for kind, pat in heads.items():
        if re.fullmatch(pat, t, re.I):
            return kind
    return None


def _split_heads(items: list) -> list:
    """A statement heading set close over its text ("Valeurs" / "Respect —
    ..."), one block for the layout: the heading and its text apart."""
    from .layout import join_lines

    out = []
    for page, item in items:
        if isinstance(item, Block) and len(item.lines) > 1 and item.lines[0].bold and not item.lines[1].bold \
                and statement_kind(item.lines[0].text):
            for part in ([item.lines[0]], list(item.lines[1:])):
                out.append((page, Block(tuple(part), BBox.enclosing([ln.bbox for ln in part]),
                                        join_lines([ln.text for ln in part]))))
        else:
            out.append((page, item))
    return out


def _sections(doc: Document, body: float):
    """(kind, heading block, page, following items) for each statement heading."""
    items = _split_heads(list(doc.iter_items()))
    for i, (page, item) in enumerate(items):
        if not isinstance(item, Block) or not _is_heading(item, body):
            continue
        kind = statement_kind(item.text)
        if kind is None:
            continue
        following: list[tuple[Page, Block | Table]] = []
        for page2, nxt in items[i + 1:]:
            if isinstance(nxt, Block) and len(nxt.text.strip()) <= 1:
                continue  # a decorative initial in a badge
            if isinstance(nxt, Table):
                if kind == "value" and not following:
                    following.append((page2, nxt))  # values laid out side by side, name over description
                break
            # value names are small bold headings, maybe just a little smaller than "NOS VALEURS"
            if _is_heading(nxt, body) and (nxt.size >= item.size - (0.25 if kind == "value" else 0.5)
                                           or statement_kind(nxt.text)
                                           or (kind != "value" and following)):
                break  # value names are small bold headings; a mission or vision has none
            if plan_items.starts_with_level_label(nxt.text) or _inline_label(nxt.text):
                break  # "Mission : ..." is a statement of its own
            following.append((page2, nxt))
        if kind == "value":
            # values as chips on the heading's own line ("NOS VALEURS  [Intégrité] [Compétence] ..."),
            # however the page's columns cut that line
            row = [(page, b) for b in page.blocks if b is not item and len(b.lines) == 1
                   and abs(b.bbox.top - item.bbox.top) < 0.6 * item.size and b.bbox.x0 > item.bbox.x1
                   and len(b.text.split()) <= 4]
            if len(row) >= 2:
                following = sorted(row, key=lambda pb: pb[1].bbox.x0)
        yield kind, item, page, following


def _lines(following: list[tuple[Page, Block]], body: float) -> list[tuple[Page, Line]]:
    """The section's lines, footnotes (small print) left out."""
    return [(p, ln) for p, b in following for ln in b.lines if ln.size >= 0.85 * body]


def _bold_run(line: Line) -> str | None:
    """The value name printed in bold on a line: the whole line, or its bold tail
    after a lead-in ("L'Ordre agit avec **Rigueur**")."""
    words = list(line.words)
    if not words or not words[-1].bold:
        return None
    i = len(words)
    while i > 0 and words[i - 1].bold:
        i -= 1
    run = " ".join(w.text for w in words[i:])
    return run if len(run.split()) <= 5 and not re.search(r"[\d|]", run) else None


def _values_table(page: Page, table: Table) -> list[dict[str, Any]]:
    """Values side by side: in each column, a name in bold (or the first
    row) over its description; a column may hold several (cards in a grid)."""
    from .layout import join_lines

    rows = _value_rows(page, table)
    if rows:
        return rows
    out = []
    for col in range(table.n_cols):
        cells = sorted((c for c in table.cells if c.col == col and c.text.strip()), key=lambda c: c.row)
        lines = [ln for c in cells for ln in c.lines]
        if not lines:
            continue
        if any(ln.bold for ln in lines) and not all(ln.bold for ln in lines):
            current = None
            for ln in lines:
                if ln.bold and len(ln.text.split()) <= 5:
                    current = {"name": collapse_ws(ln.text).rstrip(" :."), "text": [], "page": page.number,
                               "boxes": [ln.bbox]}
                    out.append(current)
                elif current is not None:
                    current["text"].append(ln.text)
                    current["boxes"].append(ln.bbox)
            continue
        if cells[0].row != 0 or len(cells[0].text.split()) > 4:
            return []
        out.append({"name": collapse_ws(cells[0].text).rstrip(" :"), "text": [c.text for c in cells[1:]],
                    "page": page.number, "boxes": [c.bbox for c in cells if c.bbox is not None]})
    out.sort(key=lambda v: (round(v["boxes"][0].top / 3), v["boxes"][0].x0))  # reading order: row by row
    return [{"name": v["name"], "text": join_lines(v["text"]) or None, "page": v["page"],
             **BBox.enclosing(v["boxes"]).as_row()} for v in out] if len(out) >= 2 else []


def _value_rows(page: Page, table: Table) -> list[dict[str, Any]]:
    """Values one per row of a two-column table: a short name beside its
    description, under an optional header row ("Valeur | Ce qu'elle
    signifie")."""
    if table.n_cols != 2:
        return []
    by_row: dict[int, dict[int, Any]] = {}
    for c in table.cells:
        if c.text.strip():
            by_row.setdefault(c.row, {})[c.col] = c
    rows = [by_row[r] for r in sorted(by_row)]
    if rows and 0 in rows[0] and 1 in rows[0] and len(rows) > 2 and (
            statement_kind(rows[0][0].text) == "value"
            or all(ln.bold for c in rows[0].values() for ln in c.lines)
            and not (1 in rows[1] and all(ln.bold for ln in rows[1][1].lines))):
        rows = rows[1:]  # the header row
    body = [r for r in rows if 0 in r and 1 in r and len(r[0].text.split()) <= 4 and len(r[1].text.split()) >= 5]
    if len(body) < 2 or len(body) < 0.8 * len(rows):
        return []
    return [{"name": collapse_ws(r[0].text).rstrip(" :."), "text": collapse_ws(r[1].text), "page": page.number,
             **BBox.enclosing([c.bbox for c in r.values() if c.bbox is not None]).as_row()} for r in body]


def _values(following, body: float) -> list[dict[str, Any]]:
    if following and isinstance(following[0][1], Table):
        return _values_table(*following[0])
    out: list[dict[str, Any]] = []
    name_size = text_size = None
    for page, ln in _lines(following, body):
        name = _bold_run(ln)
        if name and len(name.strip()) <= 1:
            continue  # a decorative initial
        if name:
            size = max(w.size for w in ln.words if w.bold)
            if name_size is not None and size > name_size + 1:
                break  # a bigger heading: the next section
            name_size = name_size or size
            out.append({"name": name.rstrip(" :"), "text": [], "page": page.number, "boxes": [ln.bbox]})
        elif out:
            if text_size is not None and abs(ln.size - text_size) > 0.35:
                if not out[-1]["text"] and len(out) > 1:
                    out.pop()  # that bold line headed something else ("Comment lire ce plan")
                break  # other typography: the values are over
            text_size = text_size or ln.size
            out[-1]["text"].append(ln.text)
            if page.number == out[-1]["page"]:
                out[-1]["boxes"].append(ln.bbox)
    if out:
        from .layout import join_lines

        return [{"name": v["name"], "text": join_lines(v["text"]) or None, "page": v["page"],
                 **BBox.enclosing(v["boxes"]).as_row()} for v in out]
    # No names in bold: one value per list item or paragraph, "Respect : nous ..."
    from .layout import BULLETS

    named = []
    for k, (page, block) in enumerate(following):
        text = block.text.lstrip()
        while text[:1] in BULLETS and text[1:2] == " ":
            text = text[1:].lstrip()
        m = re.match(r"([A-ZÀ-Ý][\w'’-]*(?: [\w'’-]+){0,3})\s?(?:[:–—.]|\s-)\s+(\S.*)", text)
        if not m:
            if k == 0 and len(following) > 2:
                continue  # a sentence introducing the values
            break
        named.append({"name": m.group(1), "text": m.group(2).strip(), "page": page.number, **block.bbox.as_row()})
    if len(named) >= 2:
        return named
    # A list of names only: "• Bienveillance", "• Intégrité", ...
    names = []
    for page, block in following:
        for ln in block.lines:
            text = ln.text.strip()
            bullet = text[:1] in BULLETS and text[1:2] == " "
            text = text[1:].strip() if bullet else text
            if not (bullet or len(block.lines) > 1) or not text[:1].isupper() or len(text.split()) > 4 \
                    or text.endswith((".", ",", ";", ":")):
                break
            names.append({"name": text, "text": None, "page": page.number, **ln.bbox.as_row()})
        else:
            continue
        break
    if len(names) >= 2:
        return names
    # An inline list "Courage, collaboration, cohérence, engagement."
    if following:
        page, block = following[0]
        conj = "|".join(re.escape(c) for c in load_yaml("plan_fr.yaml")["list_conjunctions"])
        parts = [p.strip(" .;:") for p in re.split(rf",|;|[·•|/]|\s(?:{conj})\s", block.text)]
        parts = [p for p in parts if p]
        prose = _values_in_prose(following)
        if prose:
            return prose  # "L'Ordre agit avec prudence, intégrité et respect.": a sentence, not a list
        if len(parts) >= 2 and all(len(p.split()) <= 4 for p in parts):
            return [{"name": p[0].upper() + p[1:], "text": None, "page": page.number, **block.bbox.as_row()}
                    for p in parts]
        return []
    return []


def _values_in_prose(following) -> list[dict[str, Any]]:
    """Values named by a sentence ("Nos valeurs sont la bienveillance,
    l'accessibilité et la qualité."), each described by the sentences of the
    next paragraphs that open with its name ("La bienveillance implique ...")."""
    lex = load_yaml("plan_fr.yaml")["values_in_prose"]
    page, block = following[0]
    first = re.split(r"(?<=[.!?])\s+", block.text)[0]
    m = re.search(rf"(?:{lex['intro']})\s+(?P<list>[^.:;!?]+?)\s*[.!?]?$", first, re.I)
    if not m:
        return []
    article = rf"^(?:{lex['articles']})\s*"
    conj = "|".join(re.escape(c) for c in load_yaml("plan_fr.yaml")["list_conjunctions"])
    parts = [re.sub(article, "", p.strip(), flags=re.I) for p in re.split(rf",|\s(?:{conj})\s", m.group("list"))]
    parts = [p.strip() for p in parts if p.strip()]
    if not 2 <= len(parts) <= 8 or any(len(p.split()) > 3 for p in parts):
        return []
    values = [{"name": p[0].upper() + p[1:], "text": [], "page": page.number, **block.bbox.as_row()} for p in parts]
    keys = [p.casefold() for p in parts]
    rest = block.text[len(first):].strip()
    texts = [rest] + [b.text for _, b in following[1:]]
    def opens(sentence: str) -> int | None:
        head = " ".join(sentence.split()[:5]).casefold()
        return next((k for k, key in enumerate(keys) if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", head)), None)

    current = None
    for text in texts:
        sentences = [x.strip() for x in re.split(r"(?<=[.!?])\s+", text) if x.strip()]
        if sentences and current is not None and opens(sentences[0]) is None:
            break  # a paragraph about something else
        for sentence in sentences:
            hit = opens(sentence)
            current = hit if hit is not None else current
            if current is not None:
                values[current]["text"].append(sentence)
    return [{**v, "text": " ".join(v["text"]) or None} for v in values]


def statements(doc: Document) -> list[dict[str, Any]]:
    from .layout import join_lines

    body = _body_size(doc)
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for kind, _, _page, following in _sections(doc, body):
        if kind in seen:
            continue  # a later "Vision" heading (e.g. in a table of contents) is not a second statement
        if following and isinstance(following[0][1], Block) and statement_kind(_inline_head(following[0][1])[0] or ""):
            continue  # "Notre raison d'être" over "**Mission.** ...", "**Vision.** ...": the labels inside tell
        if kind == "value":
            found = _values(following, body)
            rows += [{"kind": "value", **v} for v in found]
        else:
            lines = _lines(following, body)
            text = join_lines([ln.text for _, ln in lines])
            found = [text] if text else []
            if found:
                first = lines[0][0].number
                rows.append({"kind": kind, "name": None, "text": text, "page": first,
                             **BBox.enclosing([ln.bbox for p, ln in lines if p.number == first]).as_row()})
        if found:
            seen.add(kind)
    rows += _inline_statements(doc, body, seen)
    rows += _table_statements(doc, seen)
    return [
        {"doc_id": doc.doc_id, "statement_id": f"{doc.doc_id}-s{i:03d}", **r}
        for i, r in enumerate(rows, start=1)
    ]


def _table_statements(doc: Document, seen: set[str]) -> list[dict[str, Any]]:
    """Statements laid out as a table whose header names them ("Mission |
    Vision | Valeurs"): each column's text; a values column lists names, one
    a line (or "Name : description")."""
    from .layout import join_lines

    rows: list[dict[str, Any]] = []
    for page, item in doc.iter_items():
        if not isinstance(item, Table):
            continue
        by_row = {c.row: statement_kind(c.text) for c in item.cells if c.col == 0}
        if item.n_cols >= 2 and sum(1 for k in by_row.values() if k) >= 2:
            # laid out by rows: "Mission | text", "Vision | text"
            for row, kind in sorted(by_row.items()):
                cells = [c for c in item.cells if c.row == row and c.col > 0 and c.text.strip()]
                if kind is None or kind in seen or not cells:
                    continue
                lines = [ln for c in cells for ln in c.lines]
                if kind == "value":
                    conj = "|".join(re.escape(c) for c in load_yaml("plan_fr.yaml")["list_conjunctions"])
                    parts = [ln.text.strip().lstrip("•▪-– ") for ln in lines]
                    if all(" : " not in p for p in parts):  # "Prévention · Intégrité · ..." on a line
                        parts = [q.strip(" .") for p in parts for q in re.split(rf"[,;·•|]|\s(?:{conj})\s", p)]
                        parts = [q[0].upper() + q[1:] for q in parts if q]
                    rows += [{"kind": "value", "name": p.split(" : ")[0].strip(" .:"),
                              "text": (p.split(" : ", 1)[1].strip() if " : " in p else None),
                              "page": page.number, **item.bbox.as_row()} for p in parts if p]
                else:
                    rows.append({"kind": kind, "name": None, "text": join_lines([c.text for c in cells]),
                                 "page": page.number, **BBox.enclosing([ln.bbox for ln in lines]).as_row()})
                seen.add(kind)
            continue
        heads = {c.col: statement_kind(c.text) for c in item.cells if c.row == 0}
        if sum(1 for k in heads.values() if k) < 2:
            continue
        for col, kind in sorted(heads.items()):
            if kind is None or kind in seen:
                continue
            cells = sorted((c for c in item.cells if c.col == col and c.row > 0 and c.text.strip()),
                           key=lambda c: c.row)
            lines = [ln for c in cells for ln in c.lines]
            if not lines:
                continue
            box = BBox.enclosing([ln.bbox for ln in lines]).as_row()
            if kind == "value":
                for ln in lines:
                    name, _, desc = ln.text.strip().lstrip("•▪-– ").partition(" : ")
                    if len(name.split()) <= 4:
                        rows.append({"kind": "value", "name": name.strip(" .:"), "text": desc.strip() or None,
                                     "page": page.number, **ln.bbox.as_row()})
            else:
                rows.append({"kind": kind, "name": None, "text": join_lines([ln.text for ln in lines]),
                             "page": page.number, **box})
            seen.add(kind)
    return rows


def _inline_label(text: str) -> str | None:
    """The statement a paragraph opens with a label for ("Nos valeurs : ...")."""
    head, sep, rest = collapse_ws(text).partition(":")
    return statement_kind(head) if sep and rest.strip() and len(head.split()) <= 4 else None


def _inline_head(block: Block) -> tuple[str | None, str]:
    """The label a paragraph opens with and the text after it: "Mission :
    ...", or a run-in label in bold ("**Vision.** Être ...")."""
    text = collapse_ws(block.text)
    head, sep, rest = text.partition(":")
    if sep and len(head.split()) <= 4:
        return head, rest
    words = list(block.lines[0].words) if block.lines else []
    n = next((k for k, w in enumerate(words) if not w.bold), len(words))
    lead = " ".join(w.text for w in words[:n])
    if 0 < n <= 4 and n < len(words) and lead.rstrip().endswith((".", "—", "–")) and text.startswith(lead):
        return lead.rstrip(" .—–"), text[len(lead):]
    return None, text


def _inline_statements(doc: Document, body: float, seen: set[str]) -> list[dict[str, Any]]:
    """Statements printed after their label on one line: "Mission : Protéger
    le public ...", "Nos valeurs : intégrité, rigueur et audace."""
    conj = "|".join(re.escape(c) for c in load_yaml("plan_fr.yaml")["list_conjunctions"])
    rows: list[dict[str, Any]] = []
    for page, item in doc.iter_items():
        if not isinstance(item, Block) or item.size < 0.85 * body:
            continue
        head, rest = _inline_head(item)
        kind = statement_kind(head) if head else None
        if kind is None or kind in seen or not rest.strip():
            continue
        rest = rest.strip()
        if kind == "value":
            parts = [p.strip(" .;:") for p in re.split(rf",|;|[·•|/]|\s(?:{conj})\s", rest)]
            parts = [p for p in parts if p]
            if len(parts) < 2 or any(len(p.split()) > 4 for p in parts):
                continue
            rows += [{"kind": "value", "name": p[0].upper() + p[1:], "text": None, "page": page.number,
                      **item.bbox.as_row()} for p in parts]
        else:
            rows.append({"kind": kind, "name": None, "text": rest, "page": page.number, **item.bbox.as_row()})
        seen.add(kind)
    return rows


def extract(doc: Document, cls: Classification) -> dict[str, list[dict[str, Any]]]:
    """Rows of ``statements``, ``plan_items`` and ``targets`` for one document."""
    if cls.doc_type != "strategic_plan":
        return {"statements": [], "plan_items": [], "targets": []}
    items, targets = plan_items.extract(doc, _body_size(doc))
    return {"statements": statements(doc), "plan_items": items, "targets": targets}
