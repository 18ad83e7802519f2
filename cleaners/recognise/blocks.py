"""Recognisers for the text of one HTML block on a news page of any site: a caption or photo credit, a
teaser card (a date and a linked headline), a date line with a reader counter.

One block in, one fact out, like the line recognisers; the generic path decides what to do with it.
"""

from __future__ import annotations

import re

from ..rules.metrics import word_count
from .dates import DAYS, DateLine, find_date, parse_date_line

#: A caption's trailing credit that names a photographer or a picture source: "(REUTERS / Nama)",
#: "(SITUS.com/NAMA)", "(Nama/situs)", "(Foto: X)", "(Dok. Humas)", "(Ilustrasi/iStock)".
_TRAILING_CREDIT = re.compile(r"\(([^()]{2,100})\)\s*\.?$")
_CREDIT_START = re.compile(r"^(foto|photo|dok\.?|dokumentasi|ilustrasi|istimewa|sumber\s+foto|image|gambar|"
                           r"tangkapan\s+layar|screenshot|getty|shutterstock|istock)\b", re.I)
#: Editor initials are not a credit: "(fyk/ash)", "(kpl/pur/tch)".
_INITIALS = re.compile(r"^[a-z]{2,5}(\s*/\s*[a-z]{2,5})+$", re.I)
#: A credit line standing alone: "Foto: Nama", "Fotografer: Nama", "SITUS.COM/NAMA", "© Situs/Nama".
_CREDIT_LINE = re.compile(
    r"^(?:(?:foto|fotografer|photo|photographer|pewarta\s+foto|kredit\s+foto|sumber\s+foto|photo\s+credit|"
    r"image|gambar)\s*:\s*.{2,80}|[\w.-]+\.(?:com|co\.id|id|net|tv|org)\s*/\s*[^/]{2,40})$", re.I)
#: Captions and credits at most this long; longer blocks are paragraphs.
CAPTION_MAX_WORDS = 45


def is_caption_block(text: str) -> bool:
    """A picture's caption or credit by its own shape: a trailing photographer credit, a credit line, a
    `©` notice, an "Ilustrasi ..." line."""
    words = word_count(text)
    if not words or words > CAPTION_MAX_WORDS:
        return False
    if _CREDIT_LINE.match(text):
        return True
    if "©" in text and words <= 25:
        return True
    if re.match(r"^ilustrasi\b", text, re.I) and words <= 30:
        return True
    tail = text[-120:]
    match = _TRAILING_CREDIT.search(tail)
    if not match:
        return False
    before = text[: len(text) - len(tail) + match.start()]
    inner = match.group(1).strip()
    if _INITIALS.match(inner):
        return False
    if _CREDIT_START.match(inner):
        return True
    # "Source / Name": letters on both sides of the slash (a date in parentheses, "(12/2/2016)", closes
    # sentences of the body), after one sentence (a wire credit closing a paragraph of several is text's).
    sides = inner.split("/")
    sentences = len(re.findall(r"[.!?](?=\s)", before))
    return len(sides) >= 2 and sentences <= 1 and all(re.search(r"[^\W\d_]{2}", side) for side in sides)


#: What may stand around the date of a teaser card: a rank number, separators, a zone.
_TEASER_NOISE = re.compile(rf"^[\d\s|•·,.–—-]+|\b(WIB|WITA|WIT|{'|'.join(sorted(DAYS, key=len, reverse=True))})\b",
                           re.I)
#: The signature line of an embedded post or a quote: "— Nama (@akun)", "- Nama, 2019".
_ATTRIBUTION = re.compile(r"^\s*[—–―-]{1,2}\s*\S")
_HANDLE = re.compile(r"\(@\w+\)|(?<!\w)@\w{2,}")
#: A teaser card's headline has at most this many words.
TEASER_MAX_WORDS = 22


def is_dated_teaser(text: str) -> bool:
    """A teaser card: a date (at the start or the end) and a headline, without a sentence of body text
    ("Kamis, 05/11/2015 09:25 WIB Judul Berita Lain", "02 Rabu, 4/11/2015 23:45 WIBJudul", "Judul Berita
    Lain 4 Nov 2015")."""
    if len(text) > 300 or _ATTRIBUTION.match(text) or _HANDLE.search(text):
        return False  # "— Nama (@akun) 18 November 2019": an embedded post's signature, not a card
    found = find_date(text)
    if found is None:
        return False
    before = _TEASER_NOISE.sub(" ", text[: found.start].lstrip("0123456789 ")).strip(" |•·,-–—")
    after = re.sub(r"^\s*(WITA|WIB|WIT)", " ", text[found.end:]).strip(" |•·,-–—")
    if before and after:
        return False  # a date in the middle of a line is a mention, not a card's date
    rest = before or after
    if find_date(rest) is not None:
        return False  # two dates: a period ("29 November 2018 | 20 January 2019"), not a headline
    words = word_count(rest)
    return 3 <= words <= TEASER_MAX_WORDS and not rest.endswith(".") and not _COUNTER_TAIL.match(f"| {rest}")


#: A reader counter after a date: "| 998 Views", "- dibaca 1.234 kali".
_COUNTER_TAIL = re.compile(r"\s*[|•·–—-]\s*(?:[\d.,]+\s*(?:views?|kali\s+dibaca|dibaca|pembaca|komentar|comments?)|"
                           r"(?:dibaca|dilihat)\s+[\d.,]+\s*kali)\s*$", re.I)
_AT_TIME = re.compile(r"\b(?:at|jam)\s+(?=\d{1,2}[:.]\d\d)", re.I)
_AM_PM = re.compile(r"\b(\d{1,2})([:.]\d\d)(?:[:.]\d\d)?\s*([ap])\.?m\.?\b", re.I)


def parse_block_date(text: str) -> DateLine | None:
    """A date line as pages print it in a block of its own: besides `parse_date_line`'s shapes, with a
    reader counter after it ("Selasa, 23 Februari 2016 15:06 WIB | 998 Views"), "on 16 Feb 2016 at 09:09
    WIB", and a 12-hour clock with am/pm ("Nov 20, 2019 2:10 PM")."""
    twelve = _AM_PM.sub(_to_24h, text)
    dated = parse_date_line(twelve)
    if dated is not None:
        return dated
    cleaned = _COUNTER_TAIL.sub("", twelve)
    cleaned = _AT_TIME.sub("pukul ", cleaned)
    cleaned = re.sub(r"^(on|pada)\s+", "", cleaned, flags=re.I)
    return parse_date_line(cleaned) if cleaned != text else None


def _to_24h(match: re.Match[str]) -> str:
    hour = int(match.group(1)) % 12 + (12 if match.group(3).lower() == "p" else 0)
    return f"{hour:02d}{match.group(2)}"
