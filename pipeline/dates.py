"""French date grammar: the dates and spans printed in reports and plans.

``find_dates`` returns every date expression of a text as a ``Span`` with its
precision: single days, enumerations sharing a month ("18, 23 et 30 mars
2020"), ranges ("du 17 avril au 27 mai"), weeks ("semaine du 12 septembre"),
numeric dates read day first ("13-03-2020", "20.04.2020") or ISO, months,
seasons, fiscal years ("2024-2025" = April to March) and, on request, bare
years. Dates printed without a year take the year of a neighbouring date, else
the caller's hint (the period the report covers). Relative references ("le
lendemain", "trois jours plus tard") are resolved against the date just given.
The vocabulary is in ``models/dates_fr.yaml``.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from .resources import load_yaml


@dataclass(frozen=True)
class Span:
    start: date
    end: date | None  # None: open-ended ("à partir de 2020")
    precision: str  # day, week, month, season, year, span
    text: str
    pos: int  # offset of the expression in the analysed text
    end_pos: int
    reference: bool = False  # "depuis le 24 avril dernier": cited, not an event date


YearHint = Callable[[int], int] | int | None


@dataclass
class _Cand:
    pos: int
    end_pos: int
    kind: str
    data: dict[str, Any]


def _opener(word: str) -> str:
    """A range's opening word ("du" 17 avril au 27 mai), or none at all
    ("1er avril au 30 juin"): then the day must not follow a digit or a comma."""
    return rf"{re.escape(word)}\s+" if word else r"(?<![\w,])"


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _grammar() -> dict[str, Any]:
    lex = load_yaml("dates_fr.yaml")
    month = rf"(?P<{{n}}>{_alt(lex['months'])})\.?"
    wd = rf"(?:(?:{_alt(lex['weekdays'])})\s+)?"
    day = rf"(?P<{{n}}>(?:1\s?(?:{_alt(lex['first_day_suffixes'])})|[0-3]?\d))(?!\d)"
    year = r"(?P<{n}>(?:19|20)\d\d)(?!\d)"

    def m(n):
        return month.format(n=n)

    def d(n):
        return wd + day.format(n=n)

    def y(n):
        return year.format(n=n)

    joiner = rf"\s*(?:,|{_alt(j for j in lex['enumeration_joiners'] if j != ',')})\s*(?:le\s+|les\s+)?"
    ranges = "|".join(
        rf"{_opener(a)}{d('d1')}(?:\s+{m('m1')}(?:\s+{y('y1')})?)?\s+{re.escape(b)}\s+{d('d2')}\s+{m('m2')}(?:\s+{y('y2')})?"
        .replace("(?P<d1>", f"(?P<d1_{i}>").replace("(?P<d2>", f"(?P<d2_{i}>")
        .replace("(?P<m1>", f"(?P<m1_{i}>").replace("(?P<m2>", f"(?P<m2_{i}>")
        .replace("(?P<y1>", f"(?P<y1_{i}>").replace("(?P<y2>", f"(?P<y2_{i}>")
        for i, (a, b) in enumerate(lex["range_patterns"])
    )
    month_ranges = "|".join(
        rf"{_opener(a)}{m(f'ma_{i}')}(?:\s+{y(f'ya_{i}')})?\s+{re.escape(b)}\s+{m(f'mb_{i}')}(?:\s+{y(f'yb_{i}')})?"
        for i, (a, b) in enumerate(lex["range_patterns"]) if a in ("", "de", "d'", "du") or a.startswith("entre")
    )
    flags = re.I
    return {
        "lex": lex,
        "iso": re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d/-])"),
        "numeric": re.compile(r"(?<![\d/.,-])(?P<d>[0-3]?\d)[-./](?P<m>[01]?\d)[-./](?P<y>(?:19|20)\d\d|\d\d)(?![\d/-]|\.\d)"),
        "range": re.compile(rf"\b(?:{ranges})", flags),
        "dash_range": re.compile(rf"(?<![\d/.-]){d('d1')}\s*[-–]\s*{day.format(n='d2')}\s+{m('m')}(?:\s+{y('y')})?", flags),
        "month_range": re.compile(rf"\b(?:{month_ranges})", flags),
        "week": re.compile(rf"\b(?:{_alt(lex['week_openers'])})\s+{d('d')}\s+{m('m')}(?:\s+{y('y')})?", flags),
        "enum": re.compile(
            rf"(?<![\d/.-]){d('d')}(?P<more>(?:{joiner}{wd}(?:1\s?(?:{_alt(lex['first_day_suffixes'])})|[0-3]?\d)(?!\d))*)"
            rf"\s+{m('m')}(?:\s+{y('y')})?", flags),
        "day_re": re.compile(rf"(1)\s?(?:{_alt(lex['first_day_suffixes'])})|([0-3]?\d)", flags),
        "season": re.compile(rf"\b(?P<s>{_alt(lex['seasons'])})\s+(?:de\s+l'année\s+|de\s+|d')?{y('y')}", flags),
        "month_year": re.compile(rf"\b{m('m')}\s+(?:de\s+l'année\s+)?{y('y')}", flags),
        "fiscal": re.compile(r"(?<![\d/.-])(?P<y1>(?:19|20)\d\d)\s*[-–/]\s*(?P<y2>(?:19|20)\d\d|\d\d)(?![\d/.-])"),
        "year": re.compile(rf"(?<![\d/.,-])(?P<y>(?:19|20)\d\d)(?![\d/,-]|\.\d|\s*(?:{_alt(lex['not_year_before'])})(?!\w))", flags),
        "relative_fixed": re.compile(rf"\b(?:{_alt(list(lex['relative_days']) + list(lex['relative_weeks']))})\b", flags),
        "relative_n": re.compile(
            rf"\b(?P<n>\d+|{_alt(lex['number_words'])})\s+(?P<u>{_alt(lex['relative_units'])})\s+"
            rf"(?P<dir>{_alt(lex['relative_later'] + lex['relative_earlier'])})\b", flags),
    }


def _month(word: str) -> int:
    return _grammar()["lex"]["months"][word.lower().rstrip(".")]


def month_alone(word: str, hint: YearHint) -> Span | None:
    """A month named without its year ("Octobre"), dated by the report's period."""
    m = _grammar()["lex"]["months"].get(word.lower().rstrip("."))
    y = _hint_year(hint, m) if m else None
    if not y:
        return None
    last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1))
    return Span(date(y, m, 1), last, "month", word, 0, len(word))


def _day(text: str) -> int:
    m = re.match(r"\d+", text)
    return int(m.group(0)) if m else 0


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _g(m: re.Match, prefix: str) -> str | None:
    """The group named ``prefix`` or ``prefix_<i>`` that matched."""
    for k, v in m.groupdict().items():
        if v is not None and (k == prefix or k.startswith(prefix + "_")):
            return v
    return None


def _candidates(text: str, years: bool) -> list[_Cand]:
    g = _grammar()
    out: list[_Cand] = []

    def add(match, kind, **data):
        out.append(_Cand(match.start(), match.end(), kind, data))

    for m in g["iso"].finditer(text):
        add(m, "day", y=int(m["y"]), m=int(m["m"]), days=[int(m["d"])])
    for m in g["numeric"].finditer(text):
        y = int(m["y"])
        add(m, "day", y=y if y > 99 else 2000 + y, m=int(m["m"]), days=[int(m["d"])])
    numeric = sorted((c for c in out if c.kind == "day"), key=lambda c: c.pos)
    for a, b in zip(numeric, numeric[1:], strict=False):
        # "du 24/05/2023 au 26/05/2023": two numeric dates make a range
        opener = re.search(r"(?:du|de)\s+$", text[max(0, a.pos - 4):a.pos], re.I)
        if re.fullmatch(r"\s+(?:au|à)\s+", text[a.end_pos:b.pos]) and (opener or not text[:a.pos].strip(" •-–")):
            start = a.pos - (len(opener.group(0)) if opener else 0)
            out.append(_Cand(start, b.end_pos, "range", {"d1": a.data["days"][0], "m1": a.data["m"], "y1": a.data["y"],
                                                          "d2": b.data["days"][0], "m2": b.data["m"], "y2": b.data["y"]}))
    for m in g["range"].finditer(text):
        m2 = _month(_g(m, "m2"))
        m1 = _month(_g(m, "m1")) if _g(m, "m1") else m2
        y1, y2 = _g(m, "y1"), _g(m, "y2")
        add(m, "range", d1=_day(_g(m, "d1")), m1=m1, y1=int(y1) if y1 else None,
            d2=_day(_g(m, "d2")), m2=m2, y2=int(y2) if y2 else None)
    for m in g["dash_range"].finditer(text):
        mo = _month(m["m"])
        add(m, "range", d1=_day(m["d1"]), m1=mo, y1=None, d2=_day(m["d2"]), m2=mo,
            y2=int(m["y"]) if m["y"] else None)
    for m in g["month_range"].finditer(text):
        ya, yb = _g(m, "ya"), _g(m, "yb")
        add(m, "month_range", m1=_month(_g(m, "ma")), y1=int(ya) if ya else None,
            m2=_month(_g(m, "mb")), y2=int(yb) if yb else None)
    for m in g["week"].finditer(text):
        add(m, "week", y=int(m["y"]) if m["y"] else None, m=_month(m["m"]), days=[_day(m["d"])])
    for m in g["enum"].finditer(text):
        first = m.group("d")
        days = [_day(first)] + [int(a or b) for a, b in g["day_re"].findall(m.group("more") or "")]
        add(m, "day", y=int(m["y"]) if m["y"] else None, m=_month(m["m"]), days=days)
    for m in g["season"].finditer(text):
        add(m, "season", s=m["s"].lower(), y=int(m["y"]))
    for m in g["month_year"].finditer(text):
        add(m, "month", m=_month(m["m"]), y=int(m["y"]))
    if years:
        for m in g["fiscal"].finditer(text):
            y1, y2 = int(m["y1"]), m["y2"]
            y2i = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
            if y2i == y1 + 1:
                add(m, "fiscal", y=y1)
            elif y2i > y1:
                add(m, "years", y1=y1, y2=y2i)
        for m in g["year"].finditer(text):
            add(m, "year", y=int(m["y"]))
    for m in g["relative_fixed"].finditer(text):
        add(m, "relative", phrase=m.group(0).lower())
    for m in g["relative_n"].finditer(text):
        n = m["n"].lower()
        count = int(n) if n.isdigit() else g["lex"]["number_words"][n]
        days = count * g["lex"]["relative_units"][m["u"].lower()]
        sign = 1 if m["dir"].lower() in g["lex"]["relative_later"] else -1
        add(m, "relative", delta=sign * days)
    return out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Leftmost-longest, non-overlapping."""
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (c.pos, -(c.end_pos - c.pos))):
        if chosen and c.pos < chosen[-1].end_pos:
            continue
        chosen.append(c)
    return chosen


def _is_reference(text: str, c: _Cand) -> bool:
    lex = _grammar()["lex"]
    before = text[max(0, c.pos - 25):c.pos].lower().rstrip()
    before = re.sub(r"\s+(?:le|la|l'|les)$", "", before)
    after = text[c.end_pos:c.end_pos + 15].lower().lstrip()
    return any(re.search(rf"(?<!\w){re.escape(w)}$", before) for w in lex["reference_before"]) or \
        any(re.match(rf"{re.escape(w)}\b", after) for w in lex["reference_after"])


def _hint_year(hint: YearHint, month: int) -> int | None:
    if callable(hint):
        return hint(month)
    return hint


def _explicit_year(c: _Cand) -> tuple[int, int] | None:
    """(year, month) a candidate prints, to lend to its yearless neighbours."""
    d = c.data
    if c.kind in ("day", "week", "month", "season") and d.get("y"):
        return d["y"], d.get("m", 1)
    if c.kind == "range" and d.get("y2"):
        return d["y2"], d["m2"]
    if c.kind == "month_range" and d.get("y2"):
        return d["y2"], d["m2"]
    return None


def _in_period(hint: YearHint, year: int) -> bool:
    """The year is not before the report's period (a multi-year report's hint is its first year)."""
    if hint is None:
        return True
    return year >= (min(hint(1), hint(12)) if callable(hint) else hint)


def _infer(month: int, nxt: tuple[int, int] | None, prev: tuple[int, int] | None, hint: YearHint) -> int | None:
    if nxt is not None:
        y, m = nxt
        return y - 1 if month > m else y
    if prev is not None:
        y, m = prev
        return y + 1 if month < m and m - month >= 6 else y
    return _hint_year(hint, month)


def find_dates(text: str, year_hint: YearHint = None, years: bool = False,
               keep_references: bool = False) -> list[Span]:
    """Every date expression of ``text``, in order. ``years`` also returns
    bare years and fiscal years (useful for targets, not for event dates)."""
    chosen = _select(_candidates(text, years))
    spans: list[Span] = []
    explicit = [_explicit_year(c) for c in chosen]
    lex = _grammar()["lex"]
    for i, c in enumerate(chosen):
        before = text[max(0, c.pos - 14):c.pos].lower().rstrip()
        if c.kind in ("day", "range", "week") and any(re.search(rf"(?<!\w){re.escape(w)}\.?$", before)
                                                         for w in lex["not_day_after"]):
            # "numéro 6 Novembre 2023": a number, not a day; the month may still be a date
            rest = re.match(r"\d{1,2}\s+", text[c.pos:c.end_pos])
            if c.kind != "day" or not rest or not c.data.get("y") or len(c.data.get("days", [])) != 1:
                continue
            c = _Cand(c.pos + rest.end(), c.end_pos, "month", {"m": c.data["m"], "y": c.data["y"]})
        # a neighbour dated before the report's period (a law of 2019, a report filed last year)
        # lends no year to the report's own dates
        nxt = next((e for e in explicit[i + 1:i + 4] if e and _in_period(year_hint, e[0])), None)
        prev = next((e for e in reversed(explicit[max(0, i - 3):i]) if e and _in_period(year_hint, e[0])), None)
        if spans and prev is None and not callable(year_hint):  # a fiscal year says which year each month is
            prev = (spans[-1].start.year, spans[-1].start.month)
        got = _resolve(c, text, nxt, prev, year_hint, spans[-1] if spans else None)
        for s in got:
            if _is_reference(text, c):
                s = replace(s, reference=True)
            if keep_references or not s.reference:
                spans.append(s)
    return spans


def _resolve(c: _Cand, text: str, nxt, prev, hint: YearHint, last: Span | None) -> list[Span]:
    d, lex = c.data, _grammar()["lex"]
    raw = text[c.pos:c.end_pos]

    def span(start, end, precision):
        return Span(start, end, precision, raw, c.pos, c.end_pos)

    if c.kind in ("day", "week"):
        y = d["y"] or _infer(d["m"], nxt, prev, hint)
        if y is None:
            return []
        days = [x for x in (_safe(y, d["m"], n) for n in d["days"]) if x]
        if c.kind == "week":
            if not days:
                return []
            monday = days[0] - timedelta(days=days[0].weekday())
            return [span(monday, monday + timedelta(days=6), "week")]
        return [span(x, x, "day") for x in days]
    if c.kind == "range":
        y2 = d["y2"] or (d["y1"] if d["y1"] and d["m2"] >= d["m1"] else None) or _infer(d["m2"], nxt, prev, hint)
        if y2 is None:
            return []
        y1 = d["y1"] or (y2 - 1 if d["m1"] > d["m2"] else y2)
        a, b = _safe(y1, d["m1"], d["d1"]), _safe(y2, d["m2"], d["d2"])
        return [span(a, b, "span")] if a and b and a <= b else []
    if c.kind == "month_range":
        y2 = d["y2"] or d["y1"] or _infer(d["m2"], nxt, prev, hint)
        if y2 is None:
            return []
        y1 = d["y1"] or (y2 - 1 if d["m1"] > d["m2"] else y2)
        return [span(date(y1, d["m1"], 1), date(y2, d["m2"], monthrange(y2, d["m2"])[1]), "span")]
    if c.kind == "month":
        y, mo = d["y"], d["m"]
        return [span(date(y, mo, 1), date(y, mo, monthrange(y, mo)[1]), "month")]
    if c.kind == "season":
        (m1, d1), (m2, d2) = lex["seasons"][d["s"]]
        return [span(date(d["y"], m1, d1), date(d["y"], m2, d2), "season")]
    if c.kind == "fiscal":
        fm, fd = lex["fiscal_year_start"]
        start = date(d["y"], fm, fd)
        return [span(start, date(d["y"] + 1, fm, fd) - timedelta(days=1), "span")]
    if c.kind == "years":
        return [span(date(d["y1"], 1, 1), date(d["y2"], 12, 31), "span")]
    if c.kind == "year":
        return [span(date(d["y"], 1, 1), date(d["y"], 12, 31), "year")]
    if c.kind == "relative" and last is not None and last.precision == "day":
        if "delta" in d:
            x = last.start + timedelta(days=d["delta"])
            return [span(x, x, "day")]
        if d["phrase"] in lex["relative_days"]:
            x = last.start + timedelta(days=lex["relative_days"][d["phrase"]])
            return [span(x, x, "day")]
        weeks = lex["relative_weeks"][d["phrase"]]
        monday = last.start - timedelta(days=last.start.weekday()) + timedelta(weeks=weeks)
        return [span(monday, monday + timedelta(days=6), "week")]
    return []


def period_hint(start: int | None, end: int | None) -> YearHint:
    """Year for a date printed without one, from the period a report covers:
    a single year; for a fiscal year (two consecutive years) the month says
    which; otherwise the first year."""
    if start is None:
        return end
    if end == start + 1:
        fm = _grammar()["lex"]["fiscal_year_start"][0]
        return lambda month: start if month >= fm else end
    return start
