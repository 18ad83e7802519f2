"""Label lines after the article: "Sumber: X" (the credited source) and "Topik"/"Tags" (the tags)."""

from __future__ import annotations

import re

from ..rules.metrics import MAX_META_CHARS, word_count

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
