"""Activity rows in a form tests compare: shared by the activity test modules."""

from __future__ import annotations

from pipeline.textnorm import collapse_ws


def dates(out, aid):
    return sorted((d["date_start"], d["date_end"]) for d in out["activity_dates"] if d["activity_id"] == aid)


def pairs(out, expected):
    """(title, dates) of every activity, the title replaced by the expected one
    when it contains it (so that ``==`` compares titles tolerantly)."""
    got = []
    for k, a in enumerate(out["activities"]):
        t = collapse_ws(a["title"] or "")
        if k < len(expected) and collapse_ws(expected[k][0]) in t:
            t = expected[k][0]
        got.append((t, dates(out, a["activity_id"])))
    return got


def day(*isos):
    return sorted((d, d) for d in isos)
