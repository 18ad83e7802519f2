"""Dates as Indonesian news pages print them, and as their URLs carry them.

`find_date` finds the first date in a line ("Kamis, 1 Februari 2018 23:57 WIB", "11 Oktober 2024, 15:32 WIB",
"12 - Nov - 2024, 04:00", "18/01/2024, 11:40 WIB", "2024-10-11T15:32:00+07:00"); `PageDate.iso()` renders it
as SCHEMA.md asks: with a time and zone offset (WIB when none is shown), or as a bare date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone

from ..rules.base import ASCII_LETTER_LOOKALIKES
from ..rules.metrics import MAX_META_CHARS, word_count

ZONES = {"WIB": 7, "WITA": 8, "WIT": 9, "GMT": 0, "UTC": 0}
DEFAULT_ZONE = "WIB"

MONTHS = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "february": 2, "feb": 2, "pebruari": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}
DAYS = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "sen", "sel", "rab", "kam", "jum", "sab", "min", "mon", "tue", "wed", "thu", "fri", "sat", "sun")

#: The characters that IGNORECASE matches with an ASCII letter, as that letter: "5 Meı 2024" and "10:00 WİB"
#: match the patterns, so their names must find their keys.
_AS_ASCII = str.maketrans(ASCII_LETTER_LOOKALIKES, "IisK")
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_RE = "|".join(sorted((re.escape(d) for d in DAYS), key=len, reverse=True))
_ZONE_RE = "|".join(sorted(ZONES, key=len, reverse=True))
_TIME = r"(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?:[:.](?P<second>[0-5]\d))?"
_TAIL = rf"(?:\s*[,|–-]?\s*(?:pukul\s+)?{_TIME})?(?:\s*(?P<zone>{_ZONE_RE})\b)?"

_PATTERNS = [
    # ISO 8601, as in JSON-LD and meta tags.
    re.compile(
        r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
        r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\.\d+)?"
        r"(?P<offset>Z|[+-]\d{2}:?\d{2})?)?"
    ),
    # 11 Oktober 2024, 15:32 WIB / Kamis, 1 Februari 2018 23:57 WIB / 12 - Nov - 2024, 04:00
    re.compile(
        rf"(?:\b(?:{_DAY_RE})\s*,?\s*)?\b(?P<day>[0-3]?\d)(?:\s*-\s*|\s+)(?P<month_name>{_MONTH_RE})\.?"
        rf"(?:\s*-\s*|\s+)(?P<year>\d{{4}})\b{_TAIL}",
        re.I,
    ),
    # Oktober 11, 2024 (English order, seen on some aggregators)
    re.compile(
        rf"\b(?P<month_name>{_MONTH_RE})\.?\s+(?P<day>[0-3]?\d),\s*(?P<year>\d{{4}})\b{_TAIL}", re.I
    ),
    # 18/01/2024, 11:40 WIB (day first, as Indonesian pages print it)
    re.compile(rf"\b(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>\d{{4}})\b{_TAIL}", re.I),
]


#: The time zone of each offset met so far (a page's dates share one or two).
_ZONE_OF: dict[float, timezone] = {}


@dataclass(frozen=True)
class PageDate:
    year: int
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    second: int = 0
    offset_hours: float | None = None  # None: no zone shown
    start: int = 0
    end: int = 0

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    def with_hour(self, hour: int) -> PageDate:
        return replace(self, hour=hour)

    def iso(self) -> str:
        if not self.has_time:
            return date(self.year, self.month, self.day).isoformat()
        offset = ZONES[DEFAULT_ZONE] if self.offset_hours is None else self.offset_hours
        tz = _ZONE_OF.get(offset)
        if tz is None:
            tz = _ZONE_OF[offset] = timezone(timedelta(hours=offset))
        return datetime(self.year, self.month, self.day, self.hour, self.minute or 0, self.second,
                        tzinfo=tz).isoformat()


def _offset(match: re.Match[str]) -> float | None:
    groups = match.groupdict()
    if groups.get("zone"):
        return ZONES[groups["zone"].translate(_AS_ASCII).upper()]
    raw = groups.get("offset")
    if not raw:
        return None
    if raw == "Z":
        return 0
    sign = -1 if raw[0] == "-" else 1
    digits = raw[1:].replace(":", "")
    return sign * (int(digits[:2]) + int(digits[2:]) / 60)


def _build(match: re.Match[str]) -> PageDate | None:
    g = match.groupdict()
    month = MONTHS[g["month_name"].translate(_AS_ASCII).lower()] if g.get("month_name") else int(g["month"])
    try:
        day, year = int(g["day"]), int(g["year"])
        date(year, month, day)
    except ValueError:
        return None
    hour = int(g["hour"]) if g.get("hour") else None
    minute = int(g["minute"]) if g.get("minute") else None
    second = int(g["second"]) if g.get("second") else 0
    return PageDate(year, month, day, hour, minute, second, _offset(match), match.start(), match.end())


_YEAR = re.compile(r"(?:19|20)\d\d")


def find_date(text: str) -> PageDate | None:
    """The earliest valid date in `text`, with its span, or None."""
    if not _YEAR.search(text):
        return None  # every format we read carries a four-digit year
    best: PageDate | None = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found = _build(match)
            if found and (best is None or found.start < best.start):
                best = found
            if found:
                break
        if best is not None and best.start == 0:
            return best  # (no other format can start earlier: an ISO date of JSON-LD reads in one search)
    return best


def parse_date(text: str | None) -> str | None:
    """ISO rendering of the first date in `text` (see PageDate.iso), or None."""
    if not text:
        return None
    found = find_date(text)
    return found.iso() if found else None


#: The date news URLs carry in their path: `/2024/10/14/`.
URL_YMD = re.compile(r"/(?P<year>20\d\d|19\d\d)/(?P<month>[01]\d)/(?P<day>[0-3]\d)(?:/|$)")


@dataclass(frozen=True)
class UrlDate:
    year: int
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    second: int | None = None

    def iso_date(self) -> str:
        return date(self.year, self.month, self.day).isoformat()


def url_path(url: str) -> str:
    return re.sub(r"^[a-z]+://[^/]+", "", url).split("?")[0].split("#")[0]


def date_from_url(url: str | None, pattern: re.Pattern[str] | None = None) -> UrlDate | None:
    """The date a news URL carries in its path: by `pattern` first (a profile's URL date format, with
    `year`, `month`, `day` and optionally `hms` groups), else `/YYYY/MM/DD/`."""
    if not url:
        return None
    path = url_path(url)
    for candidate in (pattern, URL_YMD):
        m = candidate.search(path) if candidate else None
        if m is None:
            continue
        groups = m.groupdict()
        hms = groups.get("hms")
        clock = (int(hms[:2]), int(hms[2:4]), int(hms[4:6])) if hms else (None, None, None)
        found = UrlDate(int(m["year"]), int(m["month"]), int(m["day"]), *clock)
        try:
            date(found.year, found.month, found.day)
        except ValueError:
            return None
        return found
    return None


def resolve_12h_clock(page: PageDate, candidate_hours: Iterable[int]) -> PageDate:
    """Pick AM or PM for a 12-hour time printed without a marker: the first candidate hour (what the
    page's URL says, in the zones a profile names) that agrees with the printed hour modulo 12."""
    if not page.has_time or page.hour is None or page.hour > 12:
        return page
    for candidate in candidate_hours:
        if candidate % 12 == page.hour % 12:
            return page.with_hour(candidate)
    return page


# ----------------------------------------------------------------------------------------- date lines

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


#: The attribution under an embedded post, part of the quoted post and not the page's date: Twitter/X's
#: "— Name (@handle) October 9, 2018", Instagram's "A post shared by Name (@handle) on ..." and
#: "Sebuah kiriman dibagikan oleh Nama (@handle)".
_POST_ATTRIBUTION = re.compile(r"^(?:[—–-]\s*[^()]{1,80}\(@\w{1,30}\)|(?:a\s+post\s+shared\s+by|"
                               r"sebuah\s+kiriman\s+dibagikan\s+oleh)\b)", re.I)


def is_post_attribution(line: str) -> bool:
    return bool(_POST_ATTRIBUTION.match(line))


def parse_date_line(line: str, max_label_words: int = 6) -> DateLine | None:
    """A line that is a date, maybe with a short label ("Kabar dunia | 11 Oktober 2024, 15:32 WIB"). The
    attribution of an embedded post is not one (`is_post_attribution`)."""
    if len(line) > MAX_META_CHARS or is_post_attribution(line):
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
