"""Datelines: the lead paragraph of a news story opens with its place and outlet.

"JAKARTA, KABARKOTA.com - ...", "Mataram, NTB (ANTARA News) - ...", "Situs6.com, Jakarta - ...",
"KABARSOLO.COM, SOLO - ...", "KOTATIMES-Bupati ...", "Jakarta: ...", "ISTANBUL, 23 Februari 2016
(Antara/PRNewswire) -- ...". Such a line is the first paragraph of the body: never a title, never a
standfirst, and it marks where the body starts.
"""

from __future__ import annotations

import re

from ..rules.metrics import ends_like_sentence, word_count

_WORD = r"[A-Z][\w.'’&-]*"
_DASH_DATELINE = re.compile(
    rf"^(?P<prefix>{_WORD}(?:[ ,]+{_WORD}){{0,4}}"    # place and/or outlet, capitalised
    r"(?:\s*,?\s*\d{1,2}\s+[A-Za-z]+\s+\d{4})?"        # an optional date
    r"(?:\s*,?\s*\([^()]{2,40}\))?)"                     # (ANTARA News), (Antara/PRNewswire)
    r"\s*(?:-{1,2}|–|—)\s*(?P<rest>\S.*)$"
)
#: "Jakarta: ...", "Kyiv: ..." (a place of one or two words and a colon).
_COLON_DATELINE = re.compile(r"^(?P<prefix>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?):\s+(?P<rest>[A-Z“\"].*)$")
#: "Situs6.com, Jakarta <text>" without a dash: an outlet's domain and a place.
_OUTLET_PLACE = re.compile(r"^(?P<prefix>[\w-]+\.(?:com|co\.id|id|tv|net),\s*[A-Z][\w'’-]+)\s*[-–—]?\s+(?P<rest>\S.*)$")

#: The lead says something: a sentence, not a headline that happens to open with a label.
MIN_LEAD_WORDS = 8
#: A line this long is never a headline, sentence end or not (page texts may be cut mid-sentence).
LONG_LINE_WORDS = 30


def dateline_prefix(line: str) -> str | None:
    """The "PLACE, OUTLET -" prefix of a dateline lead, or None when the line is not one."""
    if word_count(line) < MIN_LEAD_WORDS:
        return None
    for pattern in (_DASH_DATELINE, _OUTLET_PLACE, _COLON_DATELINE):
        match = pattern.match(line)
        if match and word_count(match.group("rest")) >= MIN_LEAD_WORDS - 2 and (
                ends_like_sentence(line) or word_count(line) > LONG_LINE_WORDS):
            return match.group("prefix")
    return None


def is_dateline_lead(line: str) -> bool:
    return dateline_prefix(line) is not None
