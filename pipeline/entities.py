"""Persons and institutions: recognition in activity texts, and one entity
per real-world name across documents.

Institutions come from the gazetteer (``models/institutions.csv``: names,
variants, acronyms), from acronyms the document defines ("... supérieur
(MESS)"), and from a rule: a head word ("Ministère", "Ordre", "Fédération",
"Université"...) followed by the words a French name is made of. Committees,
tables, events and internal units are left out
(``models/institution_patterns.yaml``).

Persons come from spaCy's French NER (fr_core_news_md) and from a first-name
lexicon (``models/first_names.txt``); a candidate is kept when its first name
is known, or when a title, a role or an honorific vouches for it. Titles and
roles are split from the name ("Julie Tremblay-Roy, c.o." -> Julie Tremblay-Roy,
c.o.; ``models/persons_fr.yaml``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from .document import Classification, Document
from .resources import MODELS_DIR, load_csv, load_yaml
from .textnorm import collapse_ws


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
        g = groups.setdefault(eid, {"entity_id": eid, "kind": kind, "forms": {}, "acronyms": set(), "titles": set(),
                                    "printed": set()})
        g["forms"][name] = g["forms"].get(name, 0) + 1
        printed = collapse_ws(m.get("mention") or "")
        if printed and printed != m.get("acronym"):
            g["printed"].add(printed)
        if m.get("acronym"):
            g["acronyms"].add(m["acronym"])
        for t in m.get("titles") or ():
            g["titles"].add(t)
    rows = []
    for eid in sorted(groups):
        g = groups[eid]
        # most frequent printed form, ties broken by the longer (fuller) then alphabetical
        name = sorted(g["forms"], key=lambda f: (-g["forms"][f], -len(f), f))[0]
        aliases = sorted((set(g["forms"]) | g["printed"]) - {name}) + sorted(g["acronyms"])
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


# --------------------------------------------------------------------------- recognition

_TOKEN = re.compile(r"\n|[OD]['’][A-Z]\w+(?:-\w+)*|(?:[dlDLjJnNsScC]|[qQ]u)'(?=\w)|\w+(?:-[dlDL]['’]\w+|[-.]\w+)*|[^\w\s]")
_ACRONYM = re.compile(r"(?<![\w])[A-ZÀ-Ý][A-ZÀ-Ý0-9&]{1,9}(?![\w])")


def fold(text: str) -> str:
    """Lower case without accents, one character for one (offsets survive)."""
    return "".join(unicodedata.normalize("NFD", c)[0].lower()[:1] or c for c in text)


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@cache
def _lex() -> dict[str, Any]:
    pat = load_yaml("institution_patterns.yaml")
    per = load_yaml("persons_fr.yaml")
    names_file = MODELS_DIR / "first_names.txt"
    first = {fold(n.strip()) for n in names_file.read_text(encoding="utf-8").splitlines()} if names_file.exists() else set()
    rows = load_csv("institutions.csv")
    forms: dict[str, tuple[str, str]] = {}
    by_acr: dict[str, set[str]] = {}
    for row in rows:
        name, acr = row["name"].strip(), (row.get("acronym") or "").strip()
        for form in [name] + [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]:
            forms.setdefault(fold(form), (name, acr))
        if acr:
            by_acr.setdefault(acr, set()).add(name)
    alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return {
        "heads": {fold(h.split()[0]) for h in pat["heads"]},
        "head_aliases": {fold(k): v for k, v in pat.get("head_aliases", {}).items()},
        "acronym_heads": pat.get("acronym_heads", {}),
        "first_connectors": {fold(c).strip() for c in pat.get("first_connectors", [])},
        "place_heads": {fold(h) for h in pat.get("place_heads", [])},
        "participles": tuple(pat.get("participle_endings", [])),
        "lower_heads": {fold(h) for h in pat["lowercase_heads"]},
        "not_inst": {fold(h.split()[0]) for h in pat["not_institutions"]},
        "units": {fold(h) for h in pat["unit_heads"]},
        "false_heads": [re.compile(f, re.I) for f in pat.get("false_heads", [])],
        "connectors": {fold(c).strip() for c in pat["connectors"]},
        "connectors_exact": {c.replace("’", "'").strip() for c in pat["connectors"]},
        "stop": {w.lower() for w in pat["name_stop_words"]},
        "determiners": {w.lower() for w in pat.get("determiners", [])},
        "prenominal": {w.lower() for w in pat.get("prenominal_adjectives", [])},
        "adj": tuple(sorted(pat["adjective_endings"], key=len, reverse=True)),
        "forms": forms,
        "forms_re": re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])") if alt else None,
        "by_acr": {a: next(iter(n)) for a, n in by_acr.items() if len(n) == 1},
        "first": first,
        "postnominals": set(per["postnominals"]),
        "roles": sorted(per["roles"], key=len, reverse=True),
        "role_words": {r.lower() for r in per["roles"] if " " not in r},
        "honorifics": set(per["honorifics"]),
        "particles": {p.lower() for p in per["particles"]},
        "not_names": set(per["not_names"]),
        "not_after_break": set(per["not_surnames_after_break"]),
    }


@cache
def _nlp():
    import spacy

    return spacy.load("fr_core_news_md", exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler",
                                                  "senter"])


def _content_words(name: str) -> list[str]:
    connectors = _lex()["connectors"]
    return [w for w in re.split(r"[\s'’,-]+", fold(name)) if w and w not in connectors and w + "'" not in connectors]


def _shortened_form_of(printed: str, known: list[tuple[str, str]]) -> tuple[str, str | None] | None:
    """The known name that ``printed`` shortens ("Ordre des psychologues" ->
    "Ordre des psychologues du Québec"): same head word, its words in order,
    at least half of them."""
    words = _content_words(printed)
    if len(words) < 2:
        return None
    best: tuple[float, int, str, str | None] | None = None
    prefixed: set[tuple[str, str | None]] = set()
    for name, acr in known:
        full = _content_words(name)
        if not full or full[0] != words[0] or len(full) <= len(words):
            continue
        if full[:len(words)] == words:
            prefixed.add((name, acr or None))  # "ministère de l'Environnement" opens the ministry's full name
        it = iter(full)
        if all(w in it for w in words):
            cover = len(words) / len(full)
            if cover >= 0.5 and (best is None or (cover, -len(name)) > (best[0], best[1])):
                best = (cover, -len(name), name, acr or None)
    if best is None and len({n for n, _ in prefixed}) == 1:
        return next(iter(prefixed))
    return (best[2], best[3]) if best else None


def _role_text(piece: str) -> str:
    """"sous-ministre adjointe au ministère de l'Emploi" -> "sous-ministre
    adjointe": the role stops where an institution's name begins."""
    lex = _lex()
    words = piece.split()[:10]
    out = words[:1]
    for w in words[1:]:
        f = fold(w.split("'")[-1])
        if w[:1].isupper() or "'" in w and w.split("'")[-1][:1].isupper() or f in lex["heads"] \
                or f in lex["not_inst"]:
            break
        out.append(w)
    while len(out) > 1 and fold(out[-1]) in lex["connectors"] | {"au", "aux", "a"}:
        out.pop()
    return " ".join(out)


def _upper_count(s: str) -> int:
    return sum(1 for c in s if c.isupper())


def _capital_name(name: str) -> str:
    name = collapse_ws(name)
    return name[:1].upper() + name[1:]


class Recognizer:
    """Finds persons and institutions in the texts of one document."""

    def __init__(self, acronyms: dict[str, str], org: str | None, org_acronym: str | None):
        self.acronyms = acronyms  # acronym -> canonical name, defined in the document
        self.org = org
        self.org_acronym = org_acronym
        self._parsed: dict[str, Any] = {}

    def prepare(self, texts: list[str]) -> None:
        """Run the NER over many texts at once (batched: several times faster
        than one call per text); ``find`` then uses the results."""
        flat = list(dict.fromkeys(t.replace("\n", " ") for t in texts))
        self._parsed.update(zip(flat, _nlp().pipe(flat, batch_size=64), strict=True))

    @classmethod
    def for_document(cls, doc: Document, classification: Classification) -> Recognizer:
        rec = cls({}, classification.organization, classification.organization_acronym)
        lex = _lex()
        for m in re.finditer(r"\(([A-ZÀ-Ý][A-ZÀ-Ý0-9&]{1,9})\)", doc.text):
            acr = m.group(1)
            before = doc.text[max(0, m.start() - 160):m.start()].rstrip()
            found = [s for s in rec._institution_spans(before) if s[1] >= len(before) - 1]
            if found:
                rec.acronyms.setdefault(acr, found[-1][2])
        # a list of acronyms ("SCTR  Société canadienne des thérapeutes respiratoires")
        from .classify import acronym_fits

        for page in doc.pages:
            lines = [ln for it in list(page.blocks) + [c for t in page.tables for c in t.cells] for ln in it.lines]
            for ln in lines:
                rec._learn_glossary_line(ln, lines, acronym_fits)
        if classification.organization_acronym and classification.organization:
            rec.acronyms.setdefault(classification.organization_acronym, classification.organization)
        del lex
        return rec

    def _learn_glossary_line(self, ln, lines, acronym_fits) -> None:
        """"SCTR  Société canadienne des thérapeutes respiratoires": on one
        line, or the acronym in a column and its name beside it."""
        text = ln.text
        if re.fullmatch(r"\s*[A-ZÀ-Ý][A-ZÀ-Ý0-9&]{1,9}\s*", text):
            beside = sorted((o for o in lines if o is not ln and abs(o.bbox.top - ln.bbox.top) < 2
                             and 0 < o.bbox.x0 - ln.bbox.x1 < 120), key=lambda o: o.bbox.x0)
            if not beside:
                return
            text = f"{text.strip()} {beside[0].text}"
        m = re.match(r"\s*([A-ZÀ-Ý][A-ZÀ-Ý0-9&]{1,9})\s*(?:[:–—=-]\s*)?(\S.*)$", text)
        if not m or m.group(1) in self.acronyms:
            return
        found = self._institution_spans(m.group(2).strip())
        if found and found[0][0] == 0 and acronym_fits(m.group(1), found[0][2]):
            self.acronyms[m.group(1)] = found[0][2]

    # ---------------------------------------------------------------- institutions

    def _canonical(self, printed: str) -> tuple[str, str | None]:
        lex = _lex()
        printed = collapse_ws(printed)
        first = printed.split()[0]
        if fold(first) in lex["head_aliases"]:
            printed = lex["head_aliases"][fold(first)] + printed[len(first):]
        hit = lex["forms"].get(fold(printed))
        if hit:
            return hit[0], hit[1] or None
        first = printed.split()[0]
        if first in lex["acronym_heads"] and len(printed.split()) > 1:
            # "CIUSSS de la Capitale-Nationale" -> "Centre intégré universitaire ... de la Capitale-Nationale"
            return lex["acronym_heads"][first] + printed[len(first):], None
        for acr, name in self.acronyms.items():
            if fold(name) == fold(printed):
                return _capital_name(name), acr
        own = [(n, a) for a, n in self.acronyms.items()]
        # the names this document prints first: of two ministries opened by "ministère de l'Environnement",
        # the one the report names
        best = _shortened_form_of(printed, own) or _shortened_form_of(printed, own + list(lex["forms"].values()))
        if best:
            return best
        return _capital_name(printed), None

    def _rule_spans(self, text: str) -> list[tuple[int, int]]:
        lex = _lex()
        toks = _tokens(text)
        out = []
        i = 0
        while i < len(toks):
            t = toks[i]
            f = fold(t.text)
            is_head = f in lex["heads"] and (t.text[0].isupper() or f in lex["lower_heads"])
            if f in lex["head_aliases"]:
                nxt2 = [w for w in toks[i + 1:i + 5] if w.text != "\n"][:2]
                if len(nxt2) == 2 and fold(nxt2[0].text) in ("de", "du", "des", "d'") \
                        and (nxt2[1].text[:1].isupper() or fold(nxt2[1].text) in ("la", "l'")):
                    is_head = True
            if not is_head:
                i += 1
                continue
            if t.text.isupper() and len(t.text) > 1:
                # "CISSS de Laval", "CIUSS Montérégie"; not "les CHSLD du réseau"
                nxt = next((w for w in toks[i + 1:i + 6] if w.text[:1].isalpha()
                            and fold(w.text) not in lex["connectors"] and w.text + "'" not in lex["connectors"]), None)
                if nxt is None or not nxt.text[:1].isupper():
                    i += 1
                    continue
            j, last, after_conn, lower_run, conj = i + 1, i, False, 0, False
            while j < len(toks):
                w = toks[j]
                fw = fold(w.text)
                lw = w.text.lower().replace("’", "'")
                if w.text == "\n":
                    nxt = toks[j + 1] if j + 1 < len(toks) else None
                    if nxt is not None and (after_conn or nxt.text[:1].islower()):
                        j += 1
                        continue
                    break
                if lw in lex["connectors_exact"]:
                    if last == i and not after_conn and fold(lw).strip() not in lex["first_connectors"]:
                        break  # "l'Ordre sur le rôle de ...": no name follows the head
                    if lw in ("le", "la", "les", "l'") and not after_conn:
                        break  # "l'Office des professions du Québec le projet ...": the sentence goes on
                    nxt_word = next((x for x in toks[j + 1:j + 3] if x.text != "\n"), None)
                    if fold(lw) in ("a", "au", "aux") and fold(t.text) not in lex["place_heads"] and (
                            nxt_word is None or nxt_word.text[:1].isupper() or fold(lw) == "au"
                            or fold(lw) == "a" and fold(nxt_word.text) not in ("la", "l'")):
                        # "Barreau de l'Abitibi à Rouyn-Noranda", "... au sujet de"; but "Université du Québec
                        # à Montréal", "Centre d'aide aux victimes", "Secrétariat à la condition féminine"
                        break
                    after_conn = True
                    conj = conj or lw in ("et", "ou")
                    j += 1
                    continue
                if w.text == "," and fold(toks[i].text) == "ministere" and j + 1 < len(toks) and \
                        fold(toks[j + 1].text) in ("de", "du", "des", "d'"):
                    j += 1
                    continue
                if not w.text[:1].isalnum():
                    break
                if w.text[0].isupper() or w.text[0].isdigit():
                    if (fw in lex["heads"] and fw not in lex["units"] or fw in lex["not_inst"]) and conj:
                        break  # "Université Laval et de la Fédération ...": the next institution
                    last, after_conn, lower_run, conj = j, False, 0, False
                elif lw in lex["stop"] and not after_conn:
                    break
                elif after_conn:
                    if lw in lex["determiners"] or lw in lex["prenominal"]:
                        break  # "le Barreau pour la nouvelle législature": no name goes on
                    if fold(toks[j - 1].text) in ("d'", "de", "pour") and fw.endswith(("er", "ir", "oir")) \
                            and len(fw) > 4:
                        break  # "l'Ordre d'offrir ...", "l'Ordre pour accélérer ...": a verb, not a name
                    last, after_conn, lower_run, conj = j, False, 1, False
                elif lower_run < 3 and lw.endswith(lex["adj"]) and not (last == i and lw.endswith(lex["participles"])):
                    # "Conseil interprofessionnel", "Ordre des évaluateurs agréés"; not "l'Ordre animé par"
                    last, lower_run = j, lower_run + 1
                else:
                    break
                j += 1
            if last > i:
                out.append((t.start, toks[last].end))
            i = max(i + 1, last + 1)
        return out

    def _institution_spans(self, text: str) -> list[tuple[int, int, str, str | None, str]]:
        """(start, end, canonical name, acronym, printed) of each institution."""
        lex = _lex()
        cands: list[tuple[int, int, str, str | None, str, int]] = []
        if lex["forms_re"] is not None:
            folded = fold(text.replace("\n", " "))
            for m in lex["forms_re"].finditer(folded):
                printed = text[m.start():m.end()]
                form = fold(printed.replace("\n", " "))
                name, acr = lex["forms"][form]
                if not printed[:1].isupper() and not printed[:1].isdigit() \
                        and fold(printed.split()[0]) not in lex["lower_heads"]:
                    continue  # "la presse écrite" is not La Presse
                if _upper_count(printed) < _upper_count(name) - 1:
                    continue
                cands.append((m.start(), m.end(), name, acr or None, printed, 2))
        for s, e in self._rule_spans(text):
            printed = collapse_ws(text[s:e])
            head = fold(printed.split()[0])
            if head in lex["not_inst"] or head in lex["units"] or any(r.match(printed) for r in lex["false_heads"]):
                continue
            if len(printed.split()) < 2:
                continue
            name, acr = self._canonical(printed)
            cands.append((s, e, name, acr, printed, 1))
        for m in _ACRONYM.finditer(text):
            acr = m.group(0)
            name = self.acronyms.get(acr) or lex["by_acr"].get(acr)
            if name:
                cands.append((m.start(), m.end(), self._canonical(name)[0], acr, acr, 3))
        cands.sort(key=lambda c: (-(c[1] - c[0]), -c[5], c[0]))
        chosen: list[tuple[int, int, str, str | None, str]] = []
        for s, e, name, acr, printed, _ in cands:
            if any(s < ce and cs < e for cs, ce, *_ in chosen):
                continue
            chosen.append((s, e, name, acr, printed))
        return sorted(chosen)

    # ---------------------------------------------------------------- persons

    def _is_first(self, word: str) -> bool:
        parts = [p for p in re.split(r"[-\s]", word) if p]
        return bool(parts) and all(fold(p) in _lex()["first"] for p in parts)

    def _person_tokens(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Trim a candidate span to the name proper, or None if it is no name."""
        lex = _lex()
        if "\n" in text[start:end]:
            # a name does not run from one line onto the next line's text, unless the line
            # ends on the first name ("Animation : Mathieu" / "Lavallée")
            head, _, tail = text[start:end].partition("\n")
            tail = tail.lstrip()
            if not (len(_tokens(head.strip())) == 1 and self._is_first(head.strip()) and tail[:1].isupper()
                    and tail.split()[0].strip(",.;:") not in lex["not_after_break"]):
                end = start + text[start:end].index("\n")
        toks = [t for t in _tokens(text[start:end]) if t.text != "\n"]
        while toks and (toks[0].text in lex["honorifics"] or toks[0].text.rstrip(".") in lex["honorifics"]):
            toks = toks[1:]
        while toks and (toks[-1].text in lex["not_names"] or not toks[-1].text[:1].isalpha()
                        or toks[-1].text in lex["postnominals"] or toks[-1].text + "." in lex["postnominals"]
                        or toks[-1].text.lower() in lex["role_words"]):
            toks = toks[:-1]
        if len(toks) < 2 or len(toks) > 5:
            return None
        for k, t in enumerate(toks):
            if t.text in lex["not_names"] or fold(t.text) in lex["heads"] or fold(t.text) in lex["not_inst"]:
                return None
            if any(ch.isdigit() for ch in t.text):
                return None
            if not t.text[0].isupper() and not (0 < k < len(toks) - 1 and t.text.lower() in lex["particles"]):
                return None
        return start + toks[0].start, start + toks[-1].end

    def _titles_after(self, text: str, end: int) -> tuple[list[str], str | None]:
        lex = _lex()
        rest = text[end:end + 120]
        titles: list[str] = []
        roles: list[str] = []
        while True:
            m = re.match(r"\s*,\s*", rest)
            if not m:
                break
            piece_m = re.match(r"[^,;()\n]*(?:\n[a-zà-ÿ][^,;()\n]*)?", rest[m.end():])
            piece = collapse_ws(piece_m.group(0) if piece_m else "")
            piece = re.split(r"\s+et\s+", piece)[0].strip()
            first = piece.split()[0] if piece.split() else ""
            if first in lex["postnominals"] or first.rstrip(".") + "." in lex["postnominals"]:
                titles.append(first)
                rest = rest[m.end() + len(first):]
                continue
            role = next((r for r in lex["roles"] if piece.lower().startswith(r.lower())), None)
            if role:
                roles.append(_role_text(piece))
                rest = rest[m.end() + len(piece):]
                continue
            break
        return titles, ("; ".join(titles + roles) or None)

    def _vouched(self, text: str, s: int, e: int) -> bool:
        lex = _lex()
        before = text[max(0, s - 12):s].split()
        if before and (before[-1] in lex["honorifics"] or before[-1].rstrip(":").lower() in ("avec", "animatrice",
                                                                                               "animateur")):
            return True
        titles, role = self._titles_after(text, e)
        return bool(role)

    def _person_spans(self, text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, list[str], str | None]]:
        lex = _lex()
        cands: list[tuple[int, int, bool]] = []
        flat = text.replace("\n", " ")
        doc = self._parsed.pop(flat, None) or _nlp()(flat)
        for ent in doc.ents:
            if ent.label_ == "PER":
                cands.append((ent.start_char, ent.end_char, True))
        toks = _tokens(text)
        for k, t in enumerate(toks):
            if not t.text[:1].isupper() or not self._is_first(t.text):
                continue
            j = k + 1
            if j + 1 < len(toks) and toks[j].text == "\n" and toks[j + 1].text[:1].isupper() \
                    and toks[j + 1].text not in lex["not_after_break"]:
                j += 1  # the first name ends its line, the surname opens the next
            while j < len(toks) and toks[j].text != "\n" and (
                    (toks[j].text[:1].isupper() and toks[j].text not in lex["not_names"]
                     and fold(toks[j].text) not in lex["heads"])
                    or (toks[j].text.lower() in lex["particles"] and j + 1 < len(toks)
                        and toks[j + 1].text[:1].isupper())) and j - k < 4:
                j += 1
            if j - k >= 2:
                cands.append((t.start, toks[j - 1].end, False))
        out: list[tuple[int, int, list[str], str | None]] = []
        for s, e, from_ner in sorted(cands, key=lambda c: (c[0], -(c[1] - c[0]))):
            span = self._person_tokens(text, s, e)
            if span is None:
                continue
            s, e = span
            first = _tokens(text[s:e])[0].text
            if not self._is_first(first) and not (from_ner and self._vouched(text, s, e)):
                continue
            if any(s < te and ts < e for ts, te in taken) or any(s < oe and os_ < e for os_, oe, *_ in out):
                continue
            titles, role = self._titles_after(text, e)
            out.append((s, e, titles, role))
        return out

    # ---------------------------------------------------------------- all

    def find(self, text: str) -> list[dict[str, Any]]:
        """Mentions in ``text``: dicts with kind, name, key, acronym, titles,
        mention (as printed), role and entity_id, in text order."""
        found: list[tuple[int, dict[str, Any]]] = []
        insts = self._institution_spans(text)
        for s, _e, name, acr, printed in insts:
            found.append((s, {"kind": "institution", "name": name, "key": name, "acronym": acr, "titles": [],
                              "mention": collapse_ws(printed), "role": None, "start": s,
                              "entity_id": entity_id("institution", name_key(name))}))
        for s, e, titles, role in self._person_spans(text, [(a, b) for a, b, *_ in insts]):
            name = collapse_ws(text[s:e])
            found.append((s, {"kind": "person", "name": name, "key": name, "acronym": None, "titles": titles,
                              "mention": name, "role": role, "start": s,
                              "entity_id": entity_id("person", name_key(name))}))
        return [m for _, m in sorted(found, key=lambda x: x[0])]
