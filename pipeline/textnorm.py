"""Character-level clean-up shared by every stage (no language knowledge)."""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u0132": "IJ",
    "\u0133": "ij",
}
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006"), " ")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_QUOTES = {ord("\u2019"): "'", ord("\u2018"): "'", ord("\u02bc"): "'", ord("\u00b4"): "'"}
_SUPERSCRIPT_LETTERS = {"ᵉ": "e", "ʳ": "r", "ᵈ": "d", "ˢ": "s", "ᵐ": "m", "ᵒ": "o", "ⁿ": "n"}
_PUA = re.compile("[\ue000-\uf8ff]")


def normalize_text(text: str) -> str:
    """NFC, ligatures expanded, odd spaces to plain ones, private-use glyphs
    (Wingdings/Symbol bullets) to '•', typographic apostrophes to "'"."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    for k, v in _LIGATURES.items():
        if k in text:
            text = text.replace(k, v)
    for k, v in _SUPERSCRIPT_LETTERS.items():
        if k in text:
            text = text.replace(k, v)
    text = text.translate(_SPACES).translate(_ZERO_WIDTH).translate(_QUOTES)
    text = _PUA.sub("•", text)
    return "".join(ch for ch in text if ch in "\t\n" or unicodedata.category(ch) != "Cc")


def collapse_ws(text: str) -> str:
    return " ".join(text.split())
