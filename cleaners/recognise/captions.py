"""Image captions and photo credits."""

from __future__ import annotations

import re

from ..rules.metrics import word_count

_CREDIT_WORDS = re.compile(
    r"^(foto|sumber|dok|dok\.|dokumentasi|ilustrasi|istimewa|photo|image|gambar|kredit|credit|"
    r"tangkapan\s+layar|screenshot|capture|repro)\b|/",
    re.I,
)
# Photo and wire agencies, image banks and the platforms pictures are taken from. Not the institutions
# that appear in credits only as the photographer's employer or pool ("Kremlin Pool Photo via AP" is
# credited by "AP"): a government or a person's office is not an agency.
_AGENCIES = re.compile(r"\b(AFP|AP|Reuters|ANTARA|Antara|Xinhua|Getty|EPA|Shutterstock|Freepik|Pixabay|Unsplash|"
                       r"Sputnik|Bernama|Anadolu|Instagram|YouTube|TikTok|Twitter)\b")
_ALL_CAPS = re.compile(r"^[A-Z][A-Z0-9 .&'-]{1,30}$")
_TRAILING_PARENS = re.compile(r"\(([^()]{1,160})\)\s*\.?$")
#: A date in parentheses, as Indonesian news prints the day of the event: "(5/11/2024)", "(13/10)",
#: "(Senin, 5/11/2024)". It closes sentences of the body too, so it is never a photo credit.
_PAREN_DATE = re.compile(r"^(?:[A-Za-z']+,?\s*)?\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{2,4})?$")
#: Where a bare credit line names the picture's origin: a credit word first ("Foto kolase ...", "Dok.
#: Pemkab"), a "Source/Name" slash, a domain ("Kolase situsberita.com") or an agency.
_CREDIT_LINE_START = re.compile(
    r"^(foto|kolase|dok\.?|dokumentasi|ilustrasi|istimewa|tangkapan\s+layar|screenshot|capture|repro|"
    r"sumber\s*:|photo|image)\b", re.I)
_DOMAIN = re.compile(r"\b[\w-]+\.(com|co\.id|id|net|tv)\b", re.I)


def has_photo_credit(line: str) -> bool:
    """A caption closing with a photo credit: "(Foto: X)", "(Sumber: X)", "(AFP)", "(NAMASITUS.com/Nama)"."""
    match = _TRAILING_PARENS.search(line[-200:])
    if not match:
        return False
    inner = match.group(1).strip()
    if _PAREN_DATE.match(inner):
        return False
    return bool(_CREDIT_WORDS.search(inner) or _AGENCIES.search(inner) or _ALL_CAPS.match(inner))


def is_credit_line(line: str) -> bool:
    """A bare photo credit line ("Kolase situs", "AP/Adel Hana", "istimewa")."""
    return 0 < word_count(line) <= 6 and not line.endswith((".", "?", "!"))


def is_photo_credit_line(line: str) -> bool:
    """A bare credit line that says so by its shape, wherever it stands: "Foto kolase serambinews.com",
    "Dok. Humas Pemkab", "AP/Adel Hana", "SURYAMALANG.COM/Purwanto", "istimewa" (not just any short line)."""
    if not is_credit_line(line) or len(line) > 80:
        return False
    return bool(_CREDIT_LINE_START.match(line) or re.search(r"\w\s*/\s*\w", line) or _DOMAIN.search(line)
                or _AGENCIES.fullmatch(line.strip()))
