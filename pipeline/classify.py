"""Document-level facts: type, publishing organization, period covered, title."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from .document import Block, Classification, Document
from .resources import load_csv, load_yaml
from .textnorm import collapse_ws

GENRES = ("strategic_plan", "activity_report", "minutes", "other")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("'", "'")


# --------------------------------------------------------------------------- title


def _first_page_blocks(doc: Document) -> list[Block]:
    for page in doc.pages:
        if page.blocks:
            return list(page.blocks)
    return []


def title_of(doc: Document) -> str | None:
    junk = [re.compile(p, re.I) for p in load_yaml("doc_types.yaml")["junk_titles"]]
    meta = collapse_ws(doc.metadata.get("Title", ""))
    if len(meta) > 3 and not any(j.search(meta) for j in junk):
        return meta
    blocks = [b for b in _first_page_blocks(doc) if len(b.text) > 2]
    if not blocks:
        return None
    biggest = max(b.size for b in blocks)
    parts = [b.text for b in blocks if b.size >= biggest - 2.5 and len(b.text) < 200]
    return collapse_ws(" ".join(parts[:3])) or None


# --------------------------------------------------------------------------- type


def doc_type_of(doc: Document, title: str | None) -> str:
    cfg = load_yaml("doc_types.yaml")
    first = _first_page_blocks(doc)
    # The title, the big text of the cover, then any line of the first page.
    def cue(texts: list[str]) -> str | None:
        for text in texts:
            hits = []
            for kind, pats in cfg["types"].items():
                for p in pats:
                    m = re.search(p, text, re.I)
                    if m:
                        hits.append((m.start(), kind))
            if hits:
                return min(hits)[1]
        return None

    found = cue([title or ""] + [b.text for b in first[:6] if b.size >= 13])
    if found:
        return found
    # a section heading naming the genre ("Les activités du Bureau"), before any line of the first page
    for kind, pats in cfg.get("heading_types", {}).items():
        for b in (b for p in doc.pages[:2] for b in p.blocks if len(b.text.split()) <= 8):
            if any(re.search(p, collapse_ws(b.text), re.I) for p in pats):
                return kind
    found = cue([b.text for b in first[:30]])
    if found:
        return found
    # No title cue: the section headings of the first pages must show the
    # genre's skeleton (several distinct cues), not just its vocabulary.
    headings = [
        b.text for p in doc.pages[:6] for b in p.blocks
        if len(b.text) < 80 and (b.bold or b.size >= 13)
    ]
    headings += [c.text for p in doc.pages[:6] for t in p.tables for c in t.cells if c.row == 0]
    best, best_n = "other", 0
    for kind, pats in cfg["body"].items():
        n = sum(1 for pat in pats if any(re.search(pat, h, re.I) for h in headings))
        if n > best_n:
            best, best_n = kind, n
    if best_n < 3 and _dated_entries(doc) >= 6:
        return "activity_report"  # a calendar, an agenda, a newsletter of dated items
    return best if best_n >= 3 else "other"


def _dated_entries(doc: Document) -> int:
    """Short blocks of the first pages that are a date or a month alone
    ("4 DÉC.", "Mardi 12 mars 2024", "JANV."): the entries of a dated list."""
    months = _month_re()
    day_month = re.compile(rf"^(?:\w+\s+)?\d{{1,2}}(?:er)?(?:\s*[-–]\s*\d{{1,2}})?\s+(?:{months})\.?(?:\s+(?:19|20)\d\d)?$", re.I)
    month_alone = re.compile(rf"^(?:{months})\.?$", re.I)
    n = 0
    for p in doc.pages[:4]:
        for b in p.blocks:
            t = collapse_ws(b.text).strip(" :–—-")
            if len(t.split()) <= 4 and (day_month.match(t) or month_alone.match(t)):
                n += 1
    return n


# --------------------------------------------------------------------------- organization


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[list[tuple[str, str, str]], dict[str, list[str]]]:
    """(folded form, canonical name, acronym) sorted longest first; acronym -> names."""
    forms: list[tuple[str, str, str]] = []
    by_acr: dict[str, list[str]] = {}
    for row in load_csv("institutions.csv"):
        name, acr = row["name"].strip(), (row.get("acronym") or "").strip()
        for form in [name] + [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]:
            forms.append((_fold(form), name, acr))
        if acr:
            by_acr.setdefault(acr, []).append(name)
    forms.sort(key=lambda t: -len(t[0]))
    return forms, by_acr


@lru_cache(maxsize=1)
def _org_head_re() -> re.Pattern[str]:
    heads = load_yaml("institution_patterns.yaml")["heads"]
    alt = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(rf"^(?:L[ae]s? |L')?(?:{alt})\b", re.I)


def acronym_fits(acr: str, name: str) -> bool:
    """OCCOQ fits "Ordre des Conseillers et Conseillères d'Orientation du Québec":
    the acronym's letters are the initials of the name's content words, in order."""
    connectors = {_fold(c).strip() for c in load_yaml("institution_patterns.yaml")["connectors"]}
    words = [w for w in re.split(r"[\s\-']+", _fold(name)) if w and w not in connectors]
    initials = [w[0] for w in words]
    letters = _fold(acr)
    i = 0
    for ch in initials:
        if i < len(letters) and ch == letters[i]:
            i += 1
    return i == len(letters) and len(letters) >= 2 and initials[:1] == [letters[:1]]


_POSTAL = re.compile(r"\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b")


def organization_of(doc: Document) -> tuple[str | None, str | None]:
    forms, by_acr = _gazetteer()
    head_re = _org_head_re()
    false_heads = load_yaml("institution_patterns.yaml").get("false_heads", [])
    # 1. A short block on the cover that starts like an institution name.
    printed = None
    for page in doc.pages[:2]:
        for b in page.blocks[:8]:
            # a letterhead's name over its address: the name stops where the address starts
            lines = []
            for ln in b.lines:
                if re.match(r"\s*(?:\d|C\.\s?P\.|Case postale|Bureau\b)", ln.text) or _POSTAL.search(ln.text):
                    break
                lines.append(ln.text)
            text = collapse_ws(" ".join(lines)) if lines and len(lines) < len(b.lines) else collapse_ws(b.text)
            if (head_re.match(text) and len(text.split()) <= 16 and not text.endswith(".")
                    and not any(re.match(f, text, re.I) for f in false_heads)):
                printed = re.sub(r"^(?:L[ae]s? |L')", "", text).strip()
                printed = printed[0].upper() + printed[1:]
                break
        if printed:
            break
    # 2. Running headers, metadata and the first pages, matched to the gazetteer.
    zones = [(3, " \n ".join(r for p in doc.pages for r in p.removed[:4])),
             (3, doc.metadata.get("Author", "")),
             (2, doc.metadata.get("Title", "") + " " + doc.metadata.get("Subject", "")),
             (1, "\n".join(b.text for p in doc.pages[:2] for b in p.blocks))]
    scores: Counter[str] = Counter()
    acronyms: dict[str, str] = {}
    for weight, text in zones:
        folded = _fold(text)
        for form, name, acr in forms:
            if len(form) > 3 and form in folded:
                scores[name] += weight * folded.count(form)
                acronyms[name] = acr
        for acr, names in by_acr.items():
            if len(names) == 1 and re.search(rf"\b{re.escape(acr)}\b", text):
                scores[names[0]] += weight * len(re.findall(rf"\b{re.escape(acr)}\b", text))
                acronyms[names[0]] = acr
    known = scores.most_common(1)[0][0] if scores else None
    if printed:
        name = printed
        folded = _fold(printed)
        acr = next((a for f, n, a in forms if f == folded), None)
        if acr is None and known and _fold(known) == folded:
            acr = acronyms.get(known)
    elif known:
        name, acr = known, acronyms.get(known) or None
    else:
        author = collapse_ws(doc.metadata.get("Author", ""))
        name = author if head_re.match(author) else None
        acr = None
    if name and name.isupper():
        name = _as_printed_in_text(doc, name, forms)
    if name and not acr:
        acr = _acronym_in_text(doc, name)
    return name, acr or None


def _as_printed_in_text(doc: Document, upper: str, forms) -> str:
    """A name printed in capitals on the cover ("ORDRE DES INGÉNIEURS DU
    QUÉBEC"), as the gazetteer or the document's own text writes it in
    lower case."""
    folded = _fold(upper)
    for form, name, _ in forms:
        if form == folded:
            return name
    text = doc.text + "\n" + "\n".join(r for p in doc.pages for r in p.removed)
    pattern = r"\s+".join(re.escape(w) for w in upper.split())
    for m in re.finditer(pattern, text, re.I):
        if not m.group(0).isupper():
            return collapse_ws(m.group(0))
    return upper


def _acronym_in_text(doc: Document, name: str) -> str | None:
    text = doc.text + "\n" + "\n".join(r for p in doc.pages for r in p.removed)
    m = re.search(re.escape(name) + r"\s*\(([A-ZÉÈ][A-Za-zÉÈé]{1,9})\)", text)
    if m:
        return m.group(1)
    counts = Counter(re.findall(r"\b[A-ZÉ]{2,9}\b", text))
    for token, _ in counts.most_common():
        if acronym_fits(token, name):
            return token
    return None


# --------------------------------------------------------------------------- period


def _month_re() -> str:
    months = load_yaml("dates_fr.yaml")["months"]
    return "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))


def _years_in(text: str, prefer_span: bool, dated_only: bool = False) -> tuple[int, int] | None:
    months = _month_re()
    # "mars à juin 2020", "juin à octobre 2021", "avril 2020 à mars 2021"
    month_span = re.search(
        rf"\b(?:{months})\.?\s*((?:19|20)\d\d)?\s*(?:à|au|-|–)\s*(?:{months})\.?\s+((?:19|20)\d\d)\b",
        text, re.I,
    )
    year_range = re.search(r"\b((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)?\d\d)\b", text)
    short_range = re.search(r"\b(\d\d)\s*[-–]\s*(\d\d)\b", text)
    single = re.search(rf"\b(?:{months})?\s*((?:19|20)\d\d)\b", text, re.I)

    def from_range(m: re.Match[str]) -> tuple[int, int] | None:
        a = int(m.group(1))
        b_txt = m.group(2)
        b = int(b_txt) if len(b_txt) == 4 else (a // 100) * 100 + int(b_txt)
        return (a, b) if 0 <= b - a <= 10 else None

    candidates = []
    # "2024-2025 à 2027-2028": fiscal years, from the first one's start to the last one's end
    fiscal_span = re.search(r"\b((?:19|20)\d\d)\s*[-–]\s*(?:(?:19|20)?\d\d)\s*(?:à|au|-|–)\s*"
                            r"(?:19|20)\d\d\s*[-–]\s*((?:19|20)?\d\d)\b", text)
    if fiscal_span and from_range(fiscal_span):
        candidates.append(("range", from_range(fiscal_span)))
    if month_span:
        end = int(month_span.group(2))
        start = int(month_span.group(1)) if month_span.group(1) else end
        candidates.append(("months", (start, end)))
    if year_range and from_range(year_range):
        candidates.append(("range", from_range(year_range)))
    if short_range:
        a, b = int(short_range.group(1)), int(short_range.group(2))
        if 0 < b - a <= 10 and 10 <= a <= 60:
            candidates.append(("short", (2000 + a, 2000 + b)))
    if single:
        y = int(single.group(1))
        candidates.append(("single", (y, y)))
    if not candidates:
        return None
    order = ["range", "short", "months", "single"] if prefer_span else ["months", "range", "single", "short"]
    candidates.sort(key=lambda c: order.index(c[0]))
    if dated_only and candidates[0][0] == "single" and single is not None and \
            re.search(rf"\b(?:{months})\.?\s*$", text[:single.start(1)], re.I):
        return None  # "Mémoire ..., février 2024": the date it was written, not a period it covers
    return candidates[0][1]


def period_of(doc: Document, doc_type: str, title: str | None) -> tuple[int | None, int | None]:
    prefer_span = doc_type == "strategic_plan"
    sources = [title or ""]
    sources.append(" ".join(b.text for b in _first_page_blocks(doc)[:15]))
    sources.append(doc.metadata.get("Subject", ""))
    for text in sources:
        found = _years_in(text, prefer_span, dated_only=doc_type == "other")
        if found:
            if found[0] == found[1] and doc_type == "activity_report":
                # "de décembre à mars" in an issue dated 2025: the period starts the year before
                months = load_yaml("dates_fr.yaml")["months"]
                wrap = re.search(rf"\b(?:de|d['’]|du mois de)\s*({_month_re()})\.?\s+(?:à|au)\s+({_month_re()})\b(?!\.?\s+(?:19|20)\d\d)",
                                 " ".join(sources), re.I)
                if wrap and months[wrap.group(1).lower()] > months[wrap.group(2).lower()]:
                    return found[0] - 1, found[1]
            return found
    return None, None


def classify(doc: Document) -> Classification:
    title = title_of(doc)
    genre = doc_type_of(doc, title)
    # minutes are a genre of their own for readers, an "other" document for the tables' contract
    doc_type = genre if genre in ("strategic_plan", "activity_report") else "other"
    org, acr = organization_of(doc)
    start, end = period_of(doc, doc_type, title)
    return Classification(
        doc_type=doc_type,
        genre=genre,
        organization=org,
        organization_acronym=acr,
        period_start=start,
        period_end=end,
        title=title,
    )
