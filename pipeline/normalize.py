"""Normalisation of plan targets ("Cible : hiver 2021") into dates or quantities.

A target with a number that is not part of a date is a quantity, even with a
deadline in it ("augmentation de 20 % d'ici 2022" -> 20 %); otherwise a date
expression gives a span; anything else keeps its text with kind ``other`` and
no invented date. Rules follow ``../shared/corpus/README.md``; vocabulary is in
``models/plan_fr.yaml`` and ``models/dates_fr.yaml``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .dates import find_dates
from .resources import load_yaml
from .textnorm import collapse_ws

_NUMBER = r"(?<![\w.,])\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?(?![\w])"


@cache
def _lex() -> dict[str, Any]:
    plan = load_yaml("plan_fr.yaml")
    dates = load_yaml("dates_fr.yaml")
    return {
        "qualifiers": sorted(plan["quantity_qualifiers"], key=len, reverse=True),
        "stop": set(plan["quantity_stop_words"]),
        "stop_after_de": set(plan["quantity_not_after_de"]),
        "rate": re.compile(
            r"\b(?:par|chaque)\s+(?:" + "|".join(re.escape(p) for p in plan["rate_periods"]) + r")\b", re.I),
        "units": sorted(plan["compound_units"], key=len, reverse=True),
        "open_start": sorted(dates["open_start"], key=len, reverse=True),
        "end_of": sorted(dates["end_of"], key=len, reverse=True),
    }


def _mask_dates(text: str, spans) -> str:
    out = list(text)
    for s in spans:
        for i in range(s.pos, s.end_pos):
            out[i] = " "
    return "".join(out)


def _strip_qualifiers(text: str) -> str:
    lex = _lex()
    changed = True
    t = text.strip(" :;,.")
    while changed:
        changed = False
        for q in lex["qualifiers"]:
            if t.lower().startswith(q + " ") or (q.endswith("'") and t.lower().startswith(q)):
                t = t[len(q):].lstrip()
                changed = True
    return t


def quantity_of(text: str, spans=None) -> str | None:
    """The quantity a target states, as printed without qualifiers, or None."""
    lex = _lex()
    masked = _mask_dates(text, spans if spans is not None else find_dates(text, years=True))
    pct = re.search(rf"({_NUMBER})\s*%", masked)
    rate = lex["rate"].search(masked)
    if pct:
        if rate and not masked[pct.end():rate.start()].strip():
            return f"{pct.group(1)} % {rate.group(0)}"  # "100 % chaque année"
        return f"{pct.group(1)} %"
    num = re.search(_NUMBER, masked)
    if num:
        after = masked[num.end():].lstrip()
        compound = next((u for u in lex["units"] if after.lower().startswith(u + " ") or after.lower() == u), None)
        if compound and not (rate and rate.start() >= num.end()):
            return f"{num.group(0)} {after[:len(compound)]}"  # "10 points de pourcentage"
        words = after.split()
        unit: list[str] = []
        for w in words:
            lw = w.lower().strip(",;:.")
            if not re.match(r"\w", lw):
                break  # "19,6 M (2023-2024)": a bracket or a dash ends the unit
            elided = re.match(r"d['’](\w+)$", lw)
            if unit and elided and elided.group(1) not in lex["stop_after_de"] and len(unit) < 3:
                unit.append(w.strip(",;:."))  # "3 campagnes d'information"; not "d'ici 2026"
                continue
            if lw in lex["stop"] or "'" in lw and lw.split("'")[0] + "'" in lex["stop"] or len(unit) >= 3:
                break
            if unit and lw.endswith(("é", "ée", "és", "ées")) and len(lw) > 4:
                break  # "500 urbanistes formés à ...": the count, not what was done
            unit.append(w.strip(",;:."))
            if w.endswith((",", ";", ".")):
                break
        value = " ".join([num.group(0)] + unit)
        if rate and rate.start() >= num.end():
            value = collapse_ws(masked[num.start():rate.end()])
        return value
    if rate and _strip_qualifiers(masked[:rate.start()]).strip():
        return collapse_ws(_strip_qualifiers(masked[:rate.end()]))  # "un guide thématique par année"
    return None  # "chaque année" alone counts nothing


def normalize_target(text: str) -> dict[str, Any]:
    """kind (date / quantity / other), date_start, date_end (ISO strings or
    None) and value for one printed target."""
    text = collapse_ws(text)
    spans = find_dates(text, years=True)
    qty = quantity_of(text, spans)
    if qty:
        return {"kind": "quantity", "date_start": None, "date_end": None, "value": qty}
    if spans:
        start = min(s.start for s in spans)
        ends = [s.end for s in spans if s.end]
        end = max(ends) if ends else None
        before = re.sub(r"\s*(?:l['’]|le|la|les)$", "", text[:spans[0].pos].lower().rstrip())  # "à partir de l'automne"
        if any(before.endswith(w) for w in _lex()["open_start"]):
            end = None
        elif len(spans) == 1 and end and spans[0].precision in ("year", "month") and \
                any(re.search(rf"(?<!\w){re.escape(w)}$", before) for w in _lex()["end_of"]):
            start = end  # "d'ici la fin de 2026": its last day
        return {"kind": "date", "date_start": start.isoformat(), "date_end": end.isoformat() if end else None,
                "value": None}
    return {"kind": "other", "date_start": None, "date_end": None, "value": None}
