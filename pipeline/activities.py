"""Activity reports: every dated entry (meeting, webinar, publication...) with
its dates and the persons and institutions it names.

Entries come from three layouts:

* activity tables, whose columns are told apart by their headers
  (``models/activities_fr.yaml``): one body row is one activity; inside the
  activity cell, lines that start with a date are its dates, the bold lines its
  title, the rest its details; dated bullets of a results column ("• 13-03-2020
  : ...") date it too; a row with no date and no title continues the row
  before (a table broken across pages); columns headed like plan levels
  (strategies, actions) give the plan context of the rows under them;
* dated list items ("• 13-03-2020 : Publication ...");
* prose, where each sentence that gives a date opens an entry ("Le 12 mai
  2022, la présidente a rencontré ..."; "Le lendemain, ...").
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from . import entities
from .dates import Span, YearHint, find_dates, month_alone, period_hint
from .document import BBox, Block, Cell, Classification, Document, Line, Table
from .layout import BULLETS, join_lines
from .resources import load_yaml
from .textnorm import collapse_ws


@cache
def _lex() -> dict[str, Any]:
    lex = load_yaml("activities_fr.yaml")
    return {
        "roles": {k: re.compile(rf"^\W*(?:{v})", re.I) for k, v in lex["column_roles"].items()},
        "plan_as_activity": lex["plan_as_activity_when_alone"],
        "max_span": lex["max_prose_span_days"],
        "followup": re.compile(rf"^\W*(?:{lex['followup_openers']})\b", re.I),
        "period_openers": re.compile(rf"^\W*(?:{lex['period_openers']})\s*", re.I),
        "narrative_sections": re.compile(rf"^\W*(?:\d+\.?\s*)?(?:{lex['narrative_sections']})", re.I),
        "sentence_end": re.compile(lex["sentence_end"]),
        "abbreviations": set(lex["abbreviations"]) | set(load_yaml("persons_fr.yaml")["honorifics"]),
    }


@dataclass
class Entry:
    page: int
    section: str | None
    title: str
    description: list[str] = field(default_factory=list)
    date_text: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    span_locs: list[tuple[int, BBox]] = field(default_factory=list)  # (page, box) of each span's text
    text: list[str] = field(default_factory=list)  # everything the entry says, for entities
    boxes: list[tuple[int, BBox]] = field(default_factory=list)  # (page, box) of each text line
    cols: list[int] = field(default_factory=list)  # table column of each text line (-1 outside tables)
    lines: list[Line] = field(default_factory=list)  # the activity cell's lines (table entries)
    plan_context: str | None = None
    source: str = "table"  # table, list or prose


def _strip_bullet(text: str) -> str:
    t = text.lstrip()
    while t and t[0] in BULLETS and (len(t) == 1 or t[1] == " "):
        t = t[1:].lstrip()
    return t


def _leading_date(text: str, hint: YearHint) -> list[Span] | None:
    """The dates a line opens with ("13-03-2020 : ...", "18, 23 et 30 mars
    2020"), or None when it does not open with one."""
    t = _strip_bullet(text)
    spans = [s for s in find_dates(t, hint) if s.precision in ("day", "span", "week", "month")]
    if (not spans or spans[0].pos > 4) and t[:1].isupper():
        # "Octobre   Série de balados ...": a month alone heads the entry, the report gives its year
        first = t.split(maxsplit=1)[0].rstrip(" :.–—-,")
        alone = month_alone(first, hint)
        if alone is not None and len(t.split()) > 2:
            return [alone]
    if not spans or spans[0].pos > 4:
        return None
    return spans


def _date_share(text: str, spans: list[Span]) -> float:
    t = _strip_bullet(text).strip(" ,;.")
    covered = {k for s in spans for k in range(s.pos, s.end_pos)}  # "18, 23 et 30 mars": one text, three days
    return len(covered) / max(len(t), 1)


# --------------------------------------------------------------------------- tables


def _roles(table: Table) -> tuple[dict[int, str], bool] | None:
    """Role of each column, and whether row 0 is a header."""
    lex = _lex()
    roles: dict[int, str] = {}
    for c in table.cells:
        if c.row != 0:
            continue
        text = c.text.strip()
        if not text or len(text) > 60:
            continue
        for role, rx in lex["roles"].items():
            if rx.match(text):
                roles[c.col] = role
                break
    kinds = set(roles.values())
    if "activity" not in kinds and lex["plan_as_activity"] and "date" in kinds:
        for col, role in sorted(roles.items()):
            if role == "plan":
                roles[col] = "activity"
                break
    kinds = set(roles.values())
    if "activity" not in kinds and "date" not in kinds:
        return _roles_from_content(table)
    return roles, True


def _roles_from_content(table: Table) -> tuple[dict[int, str], bool] | None:
    """A table without a header whose first column dates its rows ("12 mai
    2022 | Rencontre ...") is an activity table too."""
    if table.n_cols < 2 or table.n_rows < 2:
        return None
    first = [c for c in table.cells if c.col == 0 and c.text.strip()]
    dated = [c for c in first if _leading_date(c.text, 2000) is not None]
    if len(dated) < max(2, 0.6 * len(first)):
        return None
    widest = max(range(1, table.n_cols), key=lambda k: sum(len(c.text) for c in table.cells if c.col == k))
    roles = {0: "date", widest: "activity"}
    for k in range(1, table.n_cols):
        roles.setdefault(k, "result")
    return roles, False


def _cell_right(cell: Cell) -> float:
    if cell.bbox is not None:
        return cell.bbox.x1
    return max((ln.bbox.x1 for ln in cell.lines), default=0.0)


def _hard_break(line: Line, nxt: Line, right: float) -> bool:
    """The line ends before the cell's edge with room for the next word: the
    author broke the line; the text did not wrap."""
    if not nxt.words:
        return False
    w = nxt.words[0].bbox.x1 - nxt.words[0].bbox.x0
    return line.bbox.x1 + w + 0.5 * line.size < right - 8


def _groups(act: list[Line], hint: YearHint) -> list[list[Line]]:
    """A cell listing several dated entries, each dates then a bold title,
    cut into one group per entry."""
    leads = [_leading_date(ln.text, hint) is not None for ln in act]
    groups: list[list[Line]] = [[]]
    titled = False
    for i, ln in enumerate(act):
        if leads[i] and titled and (i == 0 or not leads[i - 1]):
            nxt = next((act[k] for k in range(i + 1, len(act)) if not leads[k]), None)
            # None: dates closing a cell whose entries open with their dates; their title is on the next page
            if nxt.bold if nxt is not None else leads[0]:
                groups.append([])
                titled = False
        groups[-1].append(ln)
        if ln.bold and not leads[i]:
            titled = True
    return [g for g in groups if g]


def _row_entries(cells: dict[str, list[Cell]], page: int, section: str | None, hint: YearHint,
                 vocab: set[str], period: tuple[date, date] | None = None) -> list[Entry]:
    """Entries of one table row; none when the row has nothing of its own."""
    act = [ln for c in cells.get("activity", []) for ln in c.lines]
    other = [ln for role in ("result", "participants") for c in cells.get(role, []) for ln in c.lines]
    right = max((_cell_right(c) for c in cells.get("activity", [])), default=0.0)
    col_of = {id(ln): c.col for cs in cells.values() for c in cs for ln in c.lines}
    out: list[Entry] = []
    for k, group in enumerate(_groups(act, hint) or [[]]):
        e = _entry_of(group, other if k == 0 else [], [ln for c in cells.get("date", []) for ln in c.lines]
                      if k == 0 else [], right, page, section, hint, vocab, period)
        if e is not None:
            e.cols = [col_of[id(ln)] for ln in group] + [col_of[id(ln)] for ln in (other if k == 0 else [])]
            e.lines = group
            out.append(e)
    return out


def _entry_of(act: list[Line], other: list[Line], date_lines: list[Line], right: float, page: int,
              section: str | None, hint: YearHint, vocab: set[str],
              period: tuple[date, date] | None = None) -> Entry | None:
    spans: list[Span] = []
    locs: list[tuple[int, BBox]] = []
    date_text: list[str] = []
    title: list[str] = []
    details: list[str] = []
    title_done = False
    for i, ln in enumerate(act):
        lead = _leading_date(ln.text, hint)
        if lead and lead[0].precision == "month" and i and re.search(r"\b\d{1,2}(?:er)?$", act[i - 1].text.strip()):
            lead = None  # "... – 12" / "octobre 2022": a day wrapped away from its month
        if lead is not None and (not title or _date_share(ln.text, lead) >= 0.6):
            spans += lead
            locs += [(page, ln.bbox)] * len(lead)
            date_text.append(ln.text)
            continue
        if ln.bold and not title_done and not details:
            title.append(ln.text)
            nxt = act[i + 1] if i + 1 < len(act) else None
            if nxt is not None and nxt.bold and _hard_break(ln, nxt, right):
                title_done = True
            continue
        if title:
            title_done = True
        details.append(ln.text)
    if date_lines:  # a date column: its lines read together ("semaine du 14 / novembre 2022")
        joined = collapse_ws(" ".join(ln.text for ln in date_lines))
        got = [s for s in find_dates(joined, hint) if s.precision != "year"]
        spans += got
        locs += [(page, BBox.enclosing([ln.bbox for ln in date_lines]))] * len(got)
        if got:
            date_text.append(joined)
    if not title and details:
        # no bold title: the first paragraph of the cell, as far as its lines wrap
        plain = [ln for ln in act if _leading_date(ln.text, hint) is None]
        n = 1
        while n < len(plain) and not _hard_break(plain[n - 1], plain[n], right):
            n += 1
        title, details = details[:n], details[n:]
    for k, ln in enumerate(other):
        lead = _leading_date(ln.text, hint)
        prev = other[k - 1].text.rstrip() if k else ""
        if lead is not None and k and _strip_bullet(ln.text) == ln.text.lstrip() \
                and not prev.endswith((".", "!", "?", ":", ";")):
            lead = None  # the text wrapped so that a line opens with a date: no dated bullet
        if lead is not None and period is not None and not any(period[0] <= sp.start <= period[1] for sp in lead):
            lead = None
        if lead is not None:
            spans += lead
            locs += [(page, ln.bbox)] * len(lead)
            date_text.append(_strip_bullet(ln.text).split(":")[0].strip())
    if spans and other and period is not None:
        # the follow-up text dates the activity's own later meetings ("une rencontre de suivi a eu
        # lieu le 26 avril"); a date outside the report's period, or cited, is a reference
        joined = join_lines([ln.text for ln in other], vocab)
        known = {(sp.start, sp.end) for sp in spans}
        for sp in find_dates(joined, hint):
            if sp.precision in ("day", "span", "week") and period[0] <= sp.start <= period[1] \
                    and (sp.start, sp.end) not in known:
                spans.append(sp)
                locs.append((page, BBox.enclosing([ln.bbox for ln in other])))
                date_text.append(sp.text)
                known.add((sp.start, sp.end))
    for source in (act, other):
        if spans:
            break
        # no line opens with a date: dates inside the text ("Rencontre avec le MSSS - 12 mai 2022"),
        # first the activity's own cell, then its results (references and durations never count)
        if not source:
            continue
        joined = join_lines([ln.text for ln in source], vocab)  # a date may wrap onto the next line
        got = [sp for sp in find_dates(joined, hint) if sp.precision in ("day", "span", "week")]
        spans += got
        locs += [(page, BBox.enclosing([ln.bbox for ln in source]))] * len(got)
        date_text += [sp.text for sp in got]
    if not spans and not (title and any(ln.bold for ln in act)):
        return None
    if not title and other:  # only dates in the activity cell: the results text names it
        first = _lex()["sentence_end"].split(join_lines([ln.text for ln in other], vocab))[0]
        words = _strip_bullet(first).split()
        title = [" ".join(words[:12])]
    entry = Entry(page, section, collapse_ws(join_lines(title, vocab)).strip(" :;,"))
    entry.spans, entry.span_locs = spans, locs
    entry.date_text = date_text
    entry.description = [t for t in [join_lines(details, vocab), join_lines([ln.text for ln in other], vocab)] if t]
    entry.text = [ln.text for ln in act] + [ln.text for ln in other]
    entry.boxes = [(page, ln.bbox) for ln in act] + [(page, ln.bbox) for ln in other]
    return entry


_DAY_CELL = re.compile(r"(?:(?:du|le|les)\s+)?\d{1,2}(?:er|re)?(?:\s*(?:,|et|au|à|-|–)\s*\d{1,2}(?:er|re)?)*", re.I)


def _table_entries(table: Table, roles: dict[int, str], has_header: bool, page: int, section: str | None,
                   hint: YearHint, vocab: set[str], plan_state: dict[int, str], last: Entry | None,
                   period: tuple[date, date] | None = None, month_state: dict[str, str] | None = None) -> list[Entry]:
    out: list[Entry] = []
    month_state = {} if month_state is None else month_state
    header_row = 0 if has_header else -1
    # the last row's dates, for a blank date cell under it (from the page before for a continued table)
    ditto: tuple[list[Span], list[tuple[int, BBox]], list[str]] | None = \
        (last.spans, last.span_locs, last.date_text) if table.continued and last is not None and last.spans else None
    for r in range(table.n_rows):
        if r == header_row:
            continue
        row = [c for c in table.cells if c.row == r]
        filled = [c for c in row if c.text.strip()]
        if len(filled) == 1:
            month = _month_heading(filled[0].text, hint)
            if month:  # a row across the table naming the month of the days under it ("SEPTEMBRE 2024")
                month_state["month"] = month
                continue
        if month_state.get("month"):
            # "4", "17-18", "1er" in the date column: days of the month row above
            row = [replace(c, lines=tuple(replace(ln, text=f"{ln.text.strip()} {month_state['month']}")
                                          for ln in c.lines), text=f"{c.text.strip()} {month_state['month']}")
                   if roles.get(c.col) == "date" and _DAY_CELL.fullmatch(c.text.strip()) else c for c in row]
        by_role: dict[str, list[Cell]] = {}
        for c in row:
            role = roles.get(c.col, "result")
            by_role.setdefault(role, []).append(c)
            if role == "plan" and c.text.strip():
                plan_state[c.col] = _strip_bullet(collapse_ws(join_lines([ln.text for ln in c.lines], vocab)))
        got = _row_entries(by_role, page, section, hint, vocab, period)
        prev = out[-1] if out else last
        act_lines = [ln for c in by_role.get("activity", []) for ln in c.lines]
        own_title = bool(got and act_lines and act_lines[0].bold and act_lines[0].text.lstrip()[:1].isupper()
                         and last is not None and last.title and last.lines and last.lines[0].bold)
        if table.continued and not out and r <= header_row + 1 and last is not None and (not got or not got[0].spans) \
                and not own_title:
            # the row broken by the page: no dates of its own (a row opening on a bold title of its own,
            # like the titles above it, is a new row under a date cell spanning the break)
            if not last.title and act_lines and act_lines[0].bold:
                # dates closed the cell on the page before; the title they date opens this one
                other = [ln for role in ("result", "participants") for c in by_role.get(role, []) for ln in c.lines]
                right = max((_cell_right(c) for c in by_role.get("activity", [])), default=0.0)
                n_old = len(last.lines)  # those dates' lines are on the page before
                for k, group in enumerate(_groups(last.lines + act_lines, hint)):
                    e = _entry_of(group, other if k == 0 else [], [], right, last.page if k == 0 else page,
                                  last.section, hint, vocab, period)
                    if e is None:
                        continue
                    e.plan_context, e.lines = last.plan_context, group
                    if k == 0:
                        e.boxes = [(last.page if j < n_old else page, b) for j, (_, b) in enumerate(e.boxes)]
                        e.span_locs = [(last.page if any(b == ln.bbox for ln in last.lines) else page, b)
                                       for _, b in e.span_locs]
                        vars(last).update(vars(e))  # in place: the entry is already listed
                    else:
                        out.append(e)
                if last.title:
                    continue
            got = []
        if not got:
            cells = [c for role in ("activity", "result", "participants") for c in by_role.get(role, [])
                     if c.text.strip()]
            if prev is not None and cells:
                prev.description += [join_lines([ln.text for ln in c.lines], vocab) for c in cells]
                for c in cells:  # each cell goes on where its column's text stopped
                    at = max((k + 1 for k, col in enumerate(prev.cols) if col == c.col), default=len(prev.text))
                    prev.text[at:at] = [ln.text for ln in c.lines]
                    prev.boxes[at:at] = [(page, ln.bbox) for ln in c.lines]
                    prev.cols[at:at] = [c.col] * len(c.lines)
            continue
        date_cells = [c for c in by_role.get("date", []) if c.text.strip()]
        if "date" in roles.values() and not date_cells and got and not got[0].spans and ditto:
            # a blank date cell under a dated row: the same date ("" under "2024-04-09")
            got[0].spans, got[0].span_locs = list(ditto[0]), list(ditto[1])
            got[0].date_text = list(ditto[2])
        elif date_cells and got and got[0].spans:
            ditto = (got[0].spans, got[0].span_locs, got[0].date_text)
        plan = [plan_state[c] for c in sorted(plan_state)]
        for entry in got:
            entry.plan_context = " > ".join(plan) or None
        out += got
    return out


# --------------------------------------------------------------------------- lists and prose


def _sentences(text: str) -> list[str]:
    """Sentences, not cut after an abbreviation ("M. Olivier", "c.o. et")."""
    abbrev = _lex()["abbreviations"]
    out: list[str] = []
    for piece in _lex()["sentence_end"].split(text):
        last = out[-1].split()[-1] if out and out[-1].split() else ""
        if out and (last in abbrev or re.fullmatch(r"(?:\w\.)+", last)):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _lead_end(text: str, lead: list[Span]) -> int:
    """Where the dates an entry opens with end ("20, 23 mars 2020 1er, 3 et 6
    avril 2020"); a date told later in its text is not part of them."""
    end = lead[0].end_pos
    for sp in lead[1:]:
        if sp.pos < end or re.fullmatch(r"[\s,;&]*(?:et|à|au|ou)?[\s,;]*", text[end:sp.pos], re.I):
            end = max(end, sp.end_pos)
        else:
            break
    return end


def _is_list_item(text: str, lead: list[Span]) -> bool:
    """A bullet, or a date set off by a separator ("13-03-2023 : ...")."""
    t = _strip_bullet(text)
    return t != text.lstrip() or bool(re.match(r"\s*[:–—-]", t[_lead_end(t, lead):]))


_LIST_NUMBER = re.compile(r"\d{1,3}[.)]\s+")


def _bold_lead(block: Block) -> str | None:
    first = block.lines[0]
    words = list(first.words)
    n = 0
    while n < len(words) and words[n].bold:
        n += 1
    if n == 0 or n == len(words) and len(block.lines) == 1:
        return None
    if n == len(words):  # a bold first line over plain text
        return first.text
    lead = " ".join(w.text for w in words[:n])
    return None if _LIST_NUMBER.fullmatch(lead + " ") else lead


def _styled_lead(block: Block) -> str | None:
    """A run-in title set in bold or italics at the start of a paragraph
    ("*Rencontre avec le Curateur public.* La bâtonnière a ..."), over as many
    lines as it runs."""
    words = [w for ln in block.lines for w in ln.words]
    if not words or not (words[0].bold or words[0].italic):
        return None
    style = (words[0].bold, words[0].italic)
    n = 0
    while n < len(words) and (words[n].bold, words[n].italic) == style:
        n += 1
    if n == len(words):
        return None
    lead = " ".join(w.text for w in words[:n])
    if _LIST_NUMBER.fullmatch(lead + " "):
        return None  # "1." of a numbered list, set in its own style
    return lead.strip(" .:;,–—-") or None


def _as_block(lines: list[Line], vocab: set[str]) -> Block:
    return Block(tuple(lines), BBox.enclosing([ln.bbox for ln in lines]), join_lines([ln.text for ln in lines], vocab))


def _with_run_in_titles(items: list, vocab: set[str]) -> list:
    """A title in bold ending with a period, set on its own line right over
    its paragraph ("Consultation de l'INESSS." / "Le 6 décembre, ..."), is
    the paragraph's run-in title: the two are one block."""
    out: list = []
    for page, item in items:
        prev = out[-1][1] if out else None
        if isinstance(item, Block) and isinstance(prev, Block) and out[-1][0] is page \
                and len(prev.lines) <= 2 and all(ln.bold for ln in prev.lines) \
                and prev.text.rstrip().endswith(".") and item.lines and not item.lines[0].bold \
                and abs(item.bbox.x0 - prev.bbox.x0) < 3 \
                and 0 <= item.bbox.top - prev.bbox.bottom < 0.8 * max(ln.size for ln in prev.lines):
            out[-1] = (page, _as_block(list(prev.lines) + list(item.lines), vocab))
            continue
        out.append((page, item))
    return out


_BADGE_DAY = re.compile(r"\d{1,2}(?:er)?(?:\s*[-–·,]\s*\d{1,2})*")


def _with_date_badges(items: list, vocab: set[str]) -> list:
    """A date badge prints its day over its month ("12" / "JANV."), two
    blocks for the layout, read in any order: one block "12 JANV.", set just
    before the title beside it so that it dates the entry."""
    months = set(load_yaml("dates_fr.yaml")["months"])

    def is_day(b) -> bool:
        return isinstance(b, Block) and bool(_BADGE_DAY.fullmatch(b.text.strip()))

    def is_month(b) -> bool:
        return isinstance(b, Block) and b.text.strip().lower().rstrip(".") in months

    badges: dict[int, tuple[Block, int]] = {}  # index of the block it goes before -> (badge, page)
    used: set[int] = set()
    for i, (page, day) in enumerate(items):
        if not is_day(day):
            continue
        month = next((j for j, (pg, b) in enumerate(items) if pg is page and j not in used and is_month(b)
                      and 0 <= b.bbox.top - day.bbox.bottom < 1.5 * max(day.size, b.size)
                      and min(day.bbox.x1, b.bbox.x1) > max(day.bbox.x0, b.bbox.x0)), None)
        if month is None:
            continue
        m = items[month][1]
        badge = _as_block(list(day.lines) + list(m.lines), vocab)
        days = re.split(r"\s*·\s*", day.text.strip())
        if len(days) > 1:  # "5·12·19" / "MARS": "5, 12 et 19 MARS"
            badge = replace(badge, text=f"{', '.join(days[:-1])} et {days[-1]} {m.text.strip()}")
        beside = [(abs(b.bbox.top - day.bbox.top), j) for j, (pg, b) in enumerate(items)
                  if pg is page and isinstance(b, Block) and j not in (i, month)
                  and 0 < b.bbox.x0 - badge.bbox.x1 < 6 * badge.size
                  and b.bbox.top <= badge.bbox.bottom and b.bbox.bottom >= badge.bbox.top - badge.size]
        if not beside:
            continue
        target = min(beside)[1]
        if target in badges:
            continue
        badges[target] = (badge, i)
        used.update((i, month))
    out: list = []
    for j, (page, item) in enumerate(items):
        if j in badges:
            out.append((page, badges[j][0]))
        if j not in used:
            out.append((page, item))
    return out


def _month_heading(text: str, hint: YearHint) -> str | None:
    """A heading that is a month ("Septembre 2023", "MARS"): the month the
    entries under it date by their day alone."""
    t = collapse_ws(text).strip(" :.–—-")
    spans = find_dates(t, hint)
    if len(spans) == 1 and spans[0].precision == "month" and _date_share(t, spans) >= 0.9:
        return spans[0].text
    return None


def _date_heading(block: Block, hint: YearHint) -> list[Span] | None:
    """A line that is only a date ("Jeudi 8 septembre 2022", "Du mardi 20 au
    jeudi 22 septembre"): it dates the paragraphs under it."""
    if len(block.lines) > 2:
        return None
    text = _strip_bullet(block.text).strip(" :.;,–—-")
    spans = [s for s in find_dates(text, hint) if s.precision in ("day", "span", "week")]
    if any(s.end and (s.end - s.start).days >= 28 for s in spans):
        return None  # "Septembre 2023 à février 2024" under a title: the period covered
    return spans if spans and _date_share(text, spans) >= 0.8 else None


def _dated_entry(dated: tuple[list[Span], int, Block], block: Block, page: int, section: str | None,
                 hint: YearHint, period: tuple[date, date] | None, title: str | None = None) -> Entry:
    """The entry a date heading opens with the paragraph (or title line) under it."""
    spans, head_page, head = dated
    text = block.text
    if title is None:
        title = _styled_lead(block) or _sentences(text)[0]
    e = Entry(head_page, section, collapse_ws(title).strip(" :;,."), source="dated")
    e.spans, e.date_text = list(spans), [head.text]
    e.span_locs = [(head_page, head.bbox)] * len(spans)
    e.text, e.boxes = [ln.text for ln in block.lines], [(page, ln.bbox) for ln in block.lines]
    e.description = [text] if title != text else []
    _more_dates(e, text, page, block.bbox, hint, period)
    return e


def _more_dates(e: Entry, text: str, page: int, box: BBox, hint: YearHint,
                period: tuple[date, date] | None) -> None:
    """Later meetings of the same activity told in its text ("Une seconde
    rencontre a eu lieu le 15 décembre"), inside the report's period."""
    known = {(sp.start, sp.end) for sp in e.spans}
    for sp in find_dates(text, hint):
        if sp.precision in ("day", "span", "week") and (sp.start, sp.end) not in known and \
                (period is None or period[0] <= sp.start <= period[1]):
            e.spans.append(sp)
            e.span_locs.append((page, box))
            e.date_text.append(sp.text)
            known.add((sp.start, sp.end))


_DAYS_ONLY = re.compile(r"^\W*?((?:(?:du|le|les)\s+)?\d{1,2}(?:er|re)?(?:\s*(?:,|et|au|à)\s*\d{1,2}(?:er|re)?)*)"
                        r"(?=\s*[—–:-])", re.I)


def _with_month(text: str, month: str | None) -> str:
    """"12 — Rencontre ..." under the heading "Septembre 2023": the days a
    calendar prints, given the heading's month ("12 Septembre 2023 — ...")."""
    if not month:
        return text
    t = _strip_bullet(text)
    m = _DAYS_ONLY.match(t)
    if not m or re.match(r"\s+\w", t[m.end():]):
        return text
    return t[:m.end(1)] + " " + month + t[m.end(1):]


def _styled_after(block: Block, skip: int) -> str | None:
    """The bold or italic run that opens the text after the first ``skip``
    words ("• 12 — **Rencontre avec ... citoyenneté** québécoise." over lines)."""
    words = [w for ln in block.lines for w in ln.words][skip:]
    while words and not re.search(r"\w", words[0].text):
        words = words[1:]  # the separator
    if not words or not (words[0].bold or words[0].italic):
        return None
    style = (words[0].bold, words[0].italic)
    n = 0
    while n < len(words) and (words[n].bold, words[n].italic) == style:
        n += 1
    if n == len(words):
        return None
    return " ".join(w.text for w in words[:n]).strip(" .:;,–—-") or None


def _opening_period(sentence: str, hint: YearHint) -> list[Span]:
    """A sentence that opens on a month or a season ("En novembre 2023, l'Ordre
    a transmis ...", "À l'automne 2023, ..."): the span it dates."""
    m = _lex()["period_openers"].match(sentence)
    if not m:
        return []
    spans = find_dates(sentence[:m.end() + 40], hint)
    if not spans:  # "En février, l'Ordre a ...": the report's period gives the year
        word = re.match(r"[^\W\d_]+", sentence[m.end():])
        alone = month_alone(word.group(0), hint) if word else None
        return [replace(alone, pos=m.end(), end_pos=m.end() + len(alone.text))] if alone else []
    return [s for s in spans[:1] if s.precision in ("month", "season") and s.pos <= m.end() + 1]


def _block_entries(block: Block, page: int, section: str | None, hint: YearHint,
                   month: str | None = None) -> list[Entry]:
    text = _with_month(block.text, month)
    numbered = _LIST_NUMBER.match(text)
    if numbered and find_dates(text[numbered.end():numbered.end() + 60], hint):
        text = text[numbered.end():]  # "1. Le 4 septembre 2024, la présidente ...": an item of a numbered list
    lead = _leading_date(text, hint)
    if lead is not None and not _is_list_item(text, lead):
        lead = None  # "Le 12 mai 2022, la présidente ...": prose
    if lead is not None:
        end = _lead_end(_strip_bullet(text), lead)
        rest = _strip_bullet(text)[end:].lstrip(" :–—-,.")
        skip = len(_strip_bullet(text)[:end].split()) + (len(block.text.split()) - len(text.split())) \
            + (1 if _strip_bullet(block.text) != block.text.lstrip() else 0)
        bold = _styled_after(block, max(0, skip)) or _bold_lead(block)
        if bold is None and len(_sentences(rest)) > 1:
            bold = _sentences(rest)[0]  # "19 et 26 — Comité de révision du Code. Deux séances ...": its first sentence
        e = Entry(page, section, (bold or rest).strip(" :;,."), description=[rest] if bold else [], source="list")
        e.spans, e.date_text, e.text = lead, [lead[0].text], [ln.text for ln in block.lines]
        e.span_locs = [(page, block.lines[0].bbox)] * len(lead)
        e.boxes = [(page, ln.bbox) for ln in block.lines]
        return [e]
    spans = [s for s in find_dates(text, hint) if s.precision in ("day", "span", "week")]
    if not spans and not any(_opening_period(x, hint) for x in _sentences(text)):
        return []
    if spans and all(s.end and (s.end - s.start).days > _lex()["max_span"] for s in spans):
        return []
    bold = _styled_lead(block) or _bold_lead(block)
    entries: list[Entry] = []
    pos = 0
    last: Span | None = None
    for sentence in _sentences(text):
        start = text.find(sentence, pos)
        pos = start + len(sentence)
        got = [s for s in find_dates(sentence, hint) if s.precision in ("day", "span", "week")] \
            or _opening_period(sentence, hint)
        if not got and last is not None:
            # "Le lendemain, ...": relative to the date just given
            probe = f"{last.text} . {sentence}"
            rel = [s for s in find_dates(probe, hint) if s.pos > len(last.text)]
            got = [s for s in rel if s.precision in ("day", "week")]
        if got and entries and (bold or _lex()["followup"].match(sentence)):
            # a paragraph under a run-in title is one entry, whatever dates its sentences give; so is
            # a later meeting told after it ("Une rencontre de suivi a eu lieu le 12 décembre")
            e = entries[-1]
            e.spans += got
            e.date_text += [s.text for s in got]
            e.span_locs += [(page, block.bbox)] * len(got)
            e.description.append(sentence)
            e.text.append(sentence)
            e.boxes.append((page, block.bbox))
            last = got[-1] if got[-1].precision == "day" else last
        elif got:
            title = bold if (bold and not entries) else sentence
            e = Entry(page, section, collapse_ws(title).strip(" :;,."), source="prose")
            # the run-in title is text of the entry too ("Santé Canada. Le 30 janvier, ...")
            e.spans, e.date_text = got, [s.text for s in got]
            e.text = [text[:start + len(sentence)]] if bold and not entries else [sentence]
            e.span_locs, e.boxes = [(page, block.bbox)] * len(got), [(page, block.bbox)]
            if bold and not entries:
                e.description = [sentence]
            entries.append(e)
            last = got[-1] if got[-1].precision == "day" else last
        elif entries:
            entries[-1].description.append(sentence)
            entries[-1].text.append(sentence)
            entries[-1].boxes.append((page, block.bbox))
    return entries


def _is_heading(block: Block, body: float, hint: YearHint) -> bool:
    """A section heading; a list item or a dated line in bold is an entry."""
    return (block.bold or block.size >= body + 1.5) and len(block.text.split()) <= 25 \
        and not block.text.rstrip().endswith((".", ";")) and _strip_bullet(block.text) == block.text.lstrip() \
        and (_leading_date(block.text, hint) is None or _month_heading(block.text, hint) is not None)


# --------------------------------------------------------------------------- document


def entries_of(doc: Document, cls: Classification) -> list[Entry]:
    from .plans import _body_size

    body = _body_size(doc)
    hint = period_hint(cls.period_start, cls.period_end)
    period = _report_window(doc, cls, hint)
    vocab = {w.lower().strip(".,;:()«»\"") for _, it in doc.iter_items() if isinstance(it, Block)
             for w in it.text.split()}
    out: list[Entry] = []
    section: str | None = None
    outer: str | None = None
    minor = False
    roles_prev: dict[int, str] | None = None
    ncols_prev = 0
    plan_state: dict[int, str] = {}
    month_state: dict[str, str] = {}  # the month a table's month rows give to its day cells
    heading_month: str | None = None  # "Septembre 2023" over a calendar's days
    dated: tuple[list[Span], int, Block] | None = None  # a date heading waiting for its paragraph
    under: Entry | None = None  # the entry a date heading opened: the paragraphs after it go on with it
    for page, item in _with_date_badges(_with_run_in_titles(list(doc.iter_items()), vocab), vocab):
        if isinstance(item, Table):
            dated = under = None
            found = _roles(item)
            if item.continued and roles_prev and item.n_cols == ncols_prev and (found is None or not found[1]):
                found = roles_prev, False  # the table goes on from the previous page, without its header
            if found is None:
                roles_prev = None
                continue
            roles, has_header = found
            if roles is not roles_prev:
                plan_state = {} if not item.continued else plan_state
            if not item.continued:
                month_state = {}
            got = _table_entries(item, roles, has_header, page.number, section, hint, vocab, plan_state,
                                 out[-1] if out and item.continued else None, period, month_state)
            out += got
            roles_prev, ncols_prev = roles, item.n_cols
            continue
        if len(item.lines) > 1 and dated is None:
            head = _as_block([item.lines[0]], vocab)
            if _date_heading(head, hint) is not None and not item.lines[1].text.lstrip()[:1].islower():
                # a date heading set close over a paragraph in the same weight: one block for the layout
                dated, under = (_date_heading(head, hint), page.number, head), None
                item = _as_block(list(item.lines[1:]), vocab)
        if len(item.lines) > 1 and dated is None and _month_heading(item.lines[0].text, hint) \
                and not item.lines[1].text.lstrip()[:1].islower():
            # a month heading set close over its first entry ("Décembre 2023" / "Consultation ...")
            heading_month = _month_heading(item.lines[0].text, hint)
            outer, section, under = section, collapse_ws(item.lines[0].text), None
            item = _as_block(list(item.lines[1:]), vocab)
        heads = _date_heading(item, hint)
        if heads is not None:
            dated, under = (heads, page.number, item), None
            continue
        if dated is not None:
            small = _is_heading(item, body, hint) and item.size <= body + 1
            e = _dated_entry(dated, item, page.number, section, hint, period, item.text if small else None)
            out.append(e)
            dated, under = None, e
            continue
        if _is_heading(item, body, hint):
            under = None
            heading_month = _month_heading(item.text, hint)
            minor = item.size <= body + 1 and len(item.text.split()) <= 15
            outer, section = section, collapse_ws(item.text)[:200]
            continue
        if under is not None:
            under.description.append(item.text)
            under.text += [ln.text for ln in item.lines]
            under.boxes += [(page.number, ln.bbox) for ln in item.lines]
            _more_dates(under, item.text, page.number, item.bbox, hint, period)
            continue
        if out and out[-1].source == "prose" and _lex()["followup"].match(item.text):
            # "Une rencontre de suivi a eu lieu le 12 décembre ...": a later meeting of the entry before
            prev = out[-1]
            prev.description.append(item.text)
            prev.text += [ln.text for ln in item.lines]
            prev.boxes += [(page.number, ln.bbox) for ln in item.lines]
            _more_dates(prev, item.text, page.number, item.bbox, hint, period)
            continue
        host = out[-1] if out and out[-1].boxes else None
        hang = host is not None and host.source == "list" and host.boxes[-1][0] == page.number \
            and item.bbox.x0 > host.boxes[0][1].x0 + 3 and 0 <= item.bbox.top - host.boxes[-1][1].bottom < 2 * item.size \
            and _leading_date(item.text, hint) is None
        if hang or out and item.text[:1].islower() and out[-1].source in ("prose", "list", "dated") and out[-1].text \
                and not out[-1].text[-1].rstrip().endswith((".", "!", "?", ":")):
            # the entry goes on: its details set under its bullet, or its text after a page or column break
            prev = out[-1]
            prev.description.append(item.text)
            prev.text += [ln.text for ln in item.lines]
            prev.boxes += [(page.number, ln.bbox) for ln in item.lines]
            _more_dates(prev, item.text, page.number, item.bbox, hint, period)
            continue
        got = _block_entries(item, page.number, section, hint, heading_month)
        if period is not None:
            # a dated sentence wholly outside the report's period cites a date (a deadline, a law, a
            # budget); one that spans the period states what the report covers
            slack = 31 if (period[0].month, period[0].day, period[1].month, period[1].day) == (1, 1, 12, 31) else 1
            lo, hi = period[0] - timedelta(days=slack), period[1] + timedelta(days=slack)
            got = [e for e in got if any(lo <= sp.start <= hi for sp in e.spans)
                   and not (e.spans and _covers_period(e.spans[0], period))]
            for e in got:  # beside the entry's own dates, one outside the period is cited ("le rapport déposé le ...")
                keep = [k for k, sp in enumerate(e.spans) if lo <= sp.start <= hi]
                if len(keep) < len(e.spans):
                    e.spans = [e.spans[k] for k in keep]
                    e.span_locs = [e.span_locs[k] for k in keep if k < len(e.span_locs)]
        if len(got) == 1 and minor and got[0].source == "prose" and _styled_lead(item) is None:
            # a bold line of body size over a narrated meeting is its title, not a section
            got[0].description.insert(0, got[0].title)
            got[0].title = section or got[0].title
            section = outer
            for e in got:
                e.section = section
        minor = False
        out += got
    narrative = _lex()["narrative_sections"]
    # sentences narrated in a message or a foreword tell; they are not entries
    return [e for e in out if e.title and not (e.source == "prose" and e.section and narrative.match(e.section))]


def _report_window(doc: Document, cls: Classification, hint: YearHint) -> tuple[date, date] | None:
    """The days the report covers: a span printed in its title or at the top
    of its first page ("1er avril au 30 juin 2023", "mars à juin 2020",
    "2022-2023"), else the whole years of its period."""
    if not cls.period_start:
        return None
    years = (date(cls.period_start, 1, 1), date(cls.period_end or cls.period_start, 12, 31))
    first = next((p for p in doc.pages if p.blocks), None)
    texts = [cls.title or ""] + [b.text for b in (first.blocks[:12] if first else ())]
    for text in texts:
        # a range of days or months; a single month or a "2022-2023" may be an issue date or a season
        for sp in find_dates(text, hint):
            if sp.precision == "span" and sp.end and (sp.end - sp.start).days >= 45 \
                    and years[0] <= sp.start and sp.end <= years[1]:
                return sp.start, sp.end
    return years


def _covers_period(sp: Span, period: tuple[date, date]) -> bool:
    if not sp.end or (sp.end - sp.start).days < 28:
        return False
    overlap = (min(sp.end, period[1]) - max(sp.start, period[0])).days
    return overlap >= 0.6 * (period[1] - period[0]).days


def _date_rows(activity_id: str, doc_id: str, e: Entry) -> list[dict[str, Any]]:
    seen: set[tuple[date, date]] = set()
    rows = []
    for k, sp in enumerate(e.spans):
        end = sp.end or sp.start
        if (sp.start, end) in seen:
            continue
        seen.add((sp.start, end))
        page, box = e.span_locs[k] if k < len(e.span_locs) else (e.page, None)
        rows.append({"doc_id": doc_id, "activity_id": activity_id, "date_start": sp.start.isoformat(),
                     "date_end": end.isoformat(), "precision": sp.precision, "text": sp.text, "page": page,
                     **(box.as_row() if box else {})})
    return sorted(rows, key=lambda r: (r["date_start"], r["date_end"]))


def _entry_box(e: Entry) -> dict[str, float]:
    boxes = [b for p, b in e.boxes if p == e.page]
    return BBox.enclosing(boxes).as_row() if boxes else {}


def _entity_text(e: Entry) -> str:
    """The entry's lines for the recognizer, a name broken at its hyphen
    ("Dufresne-" / "Aubin") put back together; same length as the plain
    join, so offsets still find their line."""
    return re.sub(r"(?<=\w)-\n((?:[dl]['’])?\w+)", lambda m: "-" + m.group(1) + "\n"
                  if re.match(r"(?:[dl]['’])?[A-ZÀ-Ý]", m.group(1)) else m.group(0), "\n".join(e.text))


def _line_at(e: Entry, offset: int) -> tuple[int, BBox | None]:
    """(page, box) of the text line holding ``offset`` of "\n".join(e.text)."""
    pos = 0
    for k, t in enumerate(e.text):
        if offset < pos + len(t) + 1:
            return e.boxes[k] if k < len(e.boxes) else (e.page, None)
        pos += len(t) + 1
    return (e.page, None)


def extract(doc: Document, cls: Classification) -> dict[str, list[dict[str, Any]]]:
    """Rows of ``activities``, ``activity_dates`` and ``activity_entities``
    (with the entity mentions to canonicalize) for one document."""
    empty: dict[str, list[dict[str, Any]]] = {"activities": [], "activity_dates": [], "activity_entities": [],
                                              "mentions": []}
    if cls.doc_type != "activity_report":
        return empty
    entries = entries_of(doc, cls)
    recognizer = entities.Recognizer.for_document(doc, cls)
    acts, dates, links, mentions = [], [], [], []
    t0 = time.perf_counter()
    recognizer.prepare([_entity_text(e) for e in entries])
    nlp_seconds, nlp_words = time.perf_counter() - t0, 0
    for i, e in enumerate(entries, start=1):
        aid = f"{doc.doc_id}-a{i:03d}"
        acts.append({"doc_id": doc.doc_id, "activity_id": aid, "page": e.page, "section": e.section,
                     "plan_context": e.plan_context, "title": _strip_bullet(e.title),
                     "description": _strip_bullet(collapse_ws(" ".join(e.description))) or None,
                     "date_text": " ; ".join(dict.fromkeys(collapse_ws(t) for t in e.date_text)) or None,
                     **_entry_box(e)})
        dates += _date_rows(aid, doc.doc_id, e)
        seen: set[str] = set()
        text = _entity_text(e)
        t0 = time.perf_counter()
        found = recognizer.find(text)
        nlp_seconds += time.perf_counter() - t0
        nlp_words += len(text.split())
        for m in found:
            if m["entity_id"] in seen:
                continue
            seen.add(m["entity_id"])
            page, box = _line_at(e, m.get("start", 0))
            links.append({"doc_id": doc.doc_id, "activity_id": aid, "entity_id": m["entity_id"],
                          "mention": m["mention"], "role": m.get("role"), "page": page,
                          **(box.as_row() if box else {})})
            mentions.append(m)
    return {"activities": acts, "activity_dates": dates, "activity_entities": links, "mentions": mentions,
            "stats": {"entities_seconds": nlp_seconds, "entities_words": nlp_words}}
