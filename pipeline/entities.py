"""Persons and institutions: one entity per real-world name across documents.

Issue 5 adds recognition (spaCy + gazetteers); this module already owns the
batch-level canonicalization the runner calls.
"""

from __future__ import annotations

import hashlib
import unicodedata
from typing import Any


def name_key(name: str) -> str:
    """Accents, case, spaces and hyphens ignored: "Jean-Luc DeSerres" and
    "Jean Luc De Serres" share a key."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in folded if c.isalnum())


def entity_id(kind: str, key: str) -> str:
    return ("P" if kind == "person" else "I") + hashlib.sha256(f"{kind}:{key}".encode()).hexdigest()[:12]


def canonicalize(mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """mentions: dicts with kind, name, acronym?, titles? -> entities rows."""
    groups: dict[str, dict[str, Any]] = {}
    for m in mentions:
        kind, name = m["kind"], m["name"].strip()
        eid = entity_id(kind, name_key(m.get("key") or name))
        g = groups.setdefault(eid, {"entity_id": eid, "kind": kind, "forms": {}, "acronyms": set(), "titles": set()})
        g["forms"][name] = g["forms"].get(name, 0) + 1
        if m.get("acronym"):
            g["acronyms"].add(m["acronym"])
        for t in m.get("titles") or ():
            g["titles"].add(t)
    rows = []
    for eid in sorted(groups):
        g = groups[eid]
        # most frequent printed form, ties broken by the longer (fuller) then alphabetical
        name = sorted(g["forms"], key=lambda f: (-g["forms"][f], -len(f), f))[0]
        aliases = sorted(f for f in g["forms"] if f != name) + sorted(g["acronyms"])
        rows.append(
            {
                "entity_id": eid,
                "kind": g["kind"],
                "name": name,
                "acronym": sorted(g["acronyms"])[0] if g["acronyms"] else None,
                "aliases": " | ".join(aliases) or None,
                "titles": " | ".join(sorted(g["titles"])) or None,
            }
        )
    return rows
