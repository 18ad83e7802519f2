"""Language of a body, deterministic: langdetect is seeded once, before its first use."""

from __future__ import annotations

from langdetect import DetectorFactory, LangDetectException, detect

DetectorFactory.seed = 0

#: Below this many letters a guess is noise.
MIN_LETTERS = 20
#: langdetect works on n-grams of the whole input; a bounded sample keeps it fast and is ample for news.
SAMPLE_CHARS = 1500


def detect_language(text: str) -> str | None:
    if sum(ch.isalpha() for ch in text[:2000]) < MIN_LETTERS:
        return None
    DetectorFactory.seed = 0
    try:
        return detect(text[:SAMPLE_CHARS])
    except LangDetectException:
        return None
