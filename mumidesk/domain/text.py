"""Text normalisation for search: case folding that works for Cyrillic, and ё read as е."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case (full Unicode case folding), ё→е, NFC, single spaces."""
    folded = unicodedata.normalize("NFC", text).casefold().replace("ё", "е")
    return _SPACE.sub(" ", folded).strip()


def search_terms(query: str) -> list[str]:
    """The words of a query, folded; quotes and search-syntax characters dropped."""
    cleaned = re.sub(r"[\"'*^():{}\[\]+]", " ", fold(query))
    return [w for w in cleaned.split(" ") if w]
