"""Line normalisation and the comparisons every reader needs ("the same text again")."""

from __future__ import annotations

import re

from ..memo import per_page
from ..rules import GLUED_PROMO_WORDS, GLUED_PROMOS
from ..rules.base import holds_ascii_words

_SPACE = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]+")
#: C0 controls that are neither white space nor a line break (str.splitlines breaks at VT, FF and
#: U+001C-U+001E; str.split separates at U+001C-U+001F), and the noncharacters U+FFFE and U+FFFF: never
#: text of a page. The HTML path deletes them before parsing (as trafilatura does); in a record they would
#: cut a body short in SQLite's text functions (the store's full-text index) and be refused by PostgreSQL.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1b\ufffe\uffff]")


def without_controls(text: str) -> str:
    """`text` without the characters `_NOT_TEXT` matches (itself when it holds none, as almost every text)."""
    return _NOT_TEXT.sub("", text) if _NOT_TEXT.search(text) else text



def normalize_line(line: str) -> str:
    """Collapse every kind of white space (NBSP and zero-width ones too) and strip."""
    if "\u200b" in line or "\u200c" in line or "\u200d" in line or "\u2060" in line or "\ufeff" in line:
        return _SPACE.sub(" ", line).strip()
    # Without a zero-width character, the same: `\s` and `str.split` both separate at exactly the
    # characters `str.isspace` accepts (tests/test_text_recognisers.py checks it on every code point), and
    # the split is a fifth of the substitution's time on a paragraph (which replaces each single space).
    return " ".join(line.split())


_NON_WORD = re.compile(r"[\W_]+")


@per_page(maxsize=4096)
def fold(text: str) -> str:
    """Case, spaces and punctuation folded away: the key for "the same text again"."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


#: How many characters `fold_head` folds.
HEAD_CHARS = 32


def fold_head(text: str) -> str:
    """`fold(text[:HEAD_CHARS])`, which starts `fold(text)`: case folding maps each character on its own, a
    run of non-word characters cut at the end still becomes one space, and that space is stripped. So a
    text whose fold does not start with this one's head is not the same text, known without folding a
    long paragraph (tests/test_text_recognisers.py checks the prefix on every code point)."""
    return fold(text[:HEAD_CHARS])


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


#: Two blocks that text extraction glued together without a break: a date line's time zone followed at
#: once by the next block's first word ("Kolom | 3 Mei 2023, 08:15 WIBOleh Sinta Dewi, ...").
_GLUED_AFTER_ZONE = re.compile(r"(?<=\d[:.]\d\d)(\s*(?:WITA|WIB|WIT))(?=[A-Z][a-z])")


def split_glued(line: str) -> list[str]:
    """A normalised line cut where two blocks were glued together (see `_GLUED_AFTER_ZONE`)."""
    match = _GLUED_AFTER_ZONE.search(line) if "WI" in line else None  # (each zone starts so)
    if not match:
        return [line]
    return [line[: match.end()].strip(), *split_glued(line[match.end():].strip())]


def strip_glued_promo(line: str) -> str:
    """The line without a link label glued to its last sentence ("... di tikungan. Klik di sini untuk m")."""
    if not holds_ascii_words(line, GLUED_PROMO_WORDS):
        return line
    for pattern in GLUED_PROMOS:
        match = pattern.search(line)
        if match and match.start() > 0:
            kept = line[: match.start()].rstrip()
            if len(_NON_WORD.sub(" ", kept).split()) >= 3:
                return kept
    return line
