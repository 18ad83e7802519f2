"""Recognisers for the metadata lines of a news page: bylines, date lines, captions, source, tags.

They read one normalised line (or one HTML block's text) and say what it holds; they do not decide where
the line stands on the page. `cleaners.text` does that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .boilerplate import word_count
from .dates import PageDate, find_date

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


# ----------------------------------------------------------------------------------------------- bylines

AUTHOR_ROLES = ("penulis", "reporter", "pewarta", "wartawan", "kontributor", "jurnalis", "writer", "author")
EDITOR_ROLES = ("editor", "redaktur", "penyunting", "editing")
_ROLE_RE = "|".join(AUTHOR_ROLES + EDITOR_ROLES)
_BYLINE_START = re.compile(rf"^(?:{_ROLE_RE})\b\s*(?::|$)", re.I)
_ROLE_TOKEN = re.compile(rf"\b({_ROLE_RE})\b\s*:?", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|/|&|\bdan\b|\band\b)\s*", re.I)
_OUTLET = re.compile(r"(\.(com|co\.id|id|tv)\b|^(tim|redaksi)\b|\b(tribun\w*|kompas\w*|medcom|times)\b)", re.I)


@dataclass
class Byline:
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    #: Roles printed without a name; the name stands on the next line (`Editor:` / `Muhammad Barir`).
    open_roles: list[str] = field(default_factory=list)


def split_names(text: str) -> list[str]:
    names = []
    for part in _NAME_SPLIT.split(text.strip(" |-–—•·,")):
        part = part.strip(" |-–—•·,.")
        if part and not _OUTLET.search(part) and word_count(part) <= 6:
            names.append(part)
    return names


#: Metadata lines (bylines, dates, source) are short; longer lines are never read as one.
MAX_META_CHARS = 300


def is_byline(line: str) -> bool:
    """A line that starts with a role word: "Penulis: X", "Editor :", "Reporter" (a label alone)."""
    return len(line) <= MAX_META_CHARS and bool(_BYLINE_START.match(line)) and word_count(line) <= 24


def parse_byline(line: str) -> Byline:
    """"Penulis : A Editor : B", "Penulis: A | Editor: B", "Penulis : A - Editor : B", "Editor:" alone."""
    result = Byline()
    tokens = list(_ROLE_TOKEN.finditer(line))
    for index, token in enumerate(tokens):
        end = tokens[index + 1].start() if index + 1 < len(tokens) else len(line)
        role = token.group(1).lower()
        segment = line[token.end():end]
        names = split_names(segment)
        if not segment.strip(" |-–—•·,:"):
            result.open_roles.append(role)
        elif role in EDITOR_ROLES:
            result.editors.extend(names)
        else:
            result.authors.extend(names)
    return result


def add_names(byline: Byline, role: str, text: str) -> None:
    target = byline.editors if role in EDITOR_ROLES else byline.authors
    target.extend(split_names(text))


_LABEL_SEPARATOR = re.compile(r"^(?P<label>.*?)\s*(?P<sep>[•·|]|\s[-–—])\s*$")


@dataclass
class DateLine:
    date: PageDate
    label: str = ""
    #: The label before a bullet ("Marcheilla Ariesta • 18 Oktober 2024 13:11") may be the author.
    separator: str = ""
    updated: bool = False


_DATE_LABEL_WORDS = re.compile(
    r"\b(diperbarui|diperbaharui|diupdate|update[d]?|dipublikasikan|diterbitkan|terbit|published|posted|"
    r"pukul|jam|wib|wita|wit)\b\s*:?",
    re.I,
)
_UPDATED = re.compile(r"\b(diperbarui|diperbaharui|diupdate|updated?)\b", re.I)


def parse_date_line(line: str, max_label_words: int = 6) -> DateLine | None:
    """A line that is a date, maybe with a short label ("Kompas dunia | 11 Oktober 2024, 15:32 WIB")."""
    if len(line) > MAX_META_CHARS:
        return None
    found = find_date(line)
    if not found:
        return None
    before, after = line[: found.start], line[found.end:]
    label = _DATE_LABEL_WORDS.sub(" ", before).strip(" |-–—•·,:")
    if word_count(after.strip(" |-–—•·,.")) > 1 or word_count(label) > max_label_words:
        return None
    separator = ""
    match = _LABEL_SEPARATOR.match(before)
    if before.strip() and match:
        separator = match.group("sep").strip()
        label = _DATE_LABEL_WORDS.sub(" ", match.group("label")).strip(" |-–—•·,:")
    return DateLine(found, label, separator, bool(_UPDATED.search(before)))


# ---------------------------------------------------------------------------------------------- captions

_CREDIT_WORDS = re.compile(
    r"^(foto|sumber|dok|dok\.|dokumentasi|ilustrasi|istimewa|photo|image|gambar|kredit|credit|"
    r"tangkapan\s+layar|screenshot|capture|repro)\b|/",
    re.I,
)
_AGENCIES = re.compile(r"\b(AFP|AP|Reuters|ANTARA|Antara|Xinhua|Getty|EPA|Shutterstock|Freepik|Pixabay|Unsplash|"
                       r"Sputnik|Kremlin|Bernama|Anadolu|Instagram|YouTube|TikTok|Twitter)\b")
_ALL_CAPS = re.compile(r"^[A-Z][A-Z0-9 .&'-]{1,30}$")
_TRAILING_PARENS = re.compile(r"\(([^()]{1,160})\)\s*\.?$")


def has_photo_credit(line: str) -> bool:
    """A caption closing with a photo credit: "(Foto: X)", "(Sumber: X)", "(AFP)", "(KOMPAS.com/Nama)"."""
    match = _TRAILING_PARENS.search(line[-200:])
    if not match:
        return False
    inner = match.group(1).strip()
    return bool(_CREDIT_WORDS.search(inner) or _AGENCIES.search(inner) or _ALL_CAPS.match(inner))


def is_credit_line(line: str) -> bool:
    """A bare photo credit line ("Kolase tribunnews", "AP/Adel Hana", "istimewa")."""
    return 0 < word_count(line) <= 6 and not line.endswith((".", "?", "!"))


# ---------------------------------------------------------------------------------------- source and tags

_SOURCE = re.compile(r"^sumber\s*:\s*(?P<value>.{2,80})$", re.I)
_TAGS_LABEL = re.compile(
    r"^(topik|tags?|topik\s+terkait|kata\s+kunci|label|keywords?)\s*(?::\s*(?P<value>.*))?$", re.I)


def parse_source(line: str) -> str | None:
    match = _SOURCE.match(line) if len(line) <= MAX_META_CHARS else None
    if not match:
        return None
    value = match.group("value").strip(" .")
    return value if word_count(value) <= 8 else None


def parse_tags_label(line: str) -> str | None:
    """The inline part after a tags label ("" when the tags follow on the next line); None if no label."""
    match = _TAGS_LABEL.match(line)
    if not match or word_count(line) > 40:
        return None
    return match.group("value") or ""


def split_tags(text: str) -> list[str]:
    parts = re.split(r"\s*[,;|#]\s*", text)
    return [p.strip(" .") for p in parts if p.strip(" .") and word_count(p) <= 8]
