"""Image captions and photo credits."""

from __future__ import annotations

import re

from ..rules.metrics import word_count

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
    """A caption closing with a photo credit: "(Foto: X)", "(Sumber: X)", "(AFP)", "(NAMASITUS.com/Nama)"."""
    match = _TRAILING_PARENS.search(line[-200:])
    if not match:
        return False
    inner = match.group(1).strip()
    return bool(_CREDIT_WORDS.search(inner) or _AGENCIES.search(inner) or _ALL_CAPS.match(inner))


def is_credit_line(line: str) -> bool:
    """A bare photo credit line ("Kolase situs", "AP/Adel Hana", "istimewa")."""
    return 0 < word_count(line) <= 6 and not line.endswith((".", "?", "!"))
