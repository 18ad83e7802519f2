"""Line normalisation and the comparisons every reader needs ("the same text again")."""

from __future__ import annotations

import re
from functools import lru_cache

_SPACE = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+")


def normalize_line(line: str) -> str:
    """Collapse every kind of white space (NBSP and zero-width ones too) and strip."""
    return _SPACE.sub(" ", line).strip()


_NON_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Case, spaces and punctuation folded away: the key for "the same text again"."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def unique(items: list[str]) -> list[str]:
    """Items in order, each once, comparing case-folded; empty items dropped."""
    seen: set[str] = set()
    out = []
    for item in items:
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


def same_text(a: str | None, b: str | None) -> bool:
    """Equal after folding case, spaces and trailing punctuation (for repeated titles and captions)."""
    if not a or not b or abs(len(a) - len(b)) > max(len(a), len(b)) // 2 + 2:
        return False
    return fold(a) == fold(b)
