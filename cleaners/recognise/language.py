"""Language of a body, deterministic: langdetect, seeded before every detection.

langdetect averages random trials over the text's n-grams. Three trials on the first 1,000 characters give
the same answers as its default (seven trials, 10,000 characters) on the Zyte benchmark texts and on every
fixture, at about a third of the time (measured; see bench/accuracy.py for the path timings).
"""

from __future__ import annotations

import re

from langdetect import DetectorFactory, LangDetectException, detector_factory

DetectorFactory.seed = 0
_LETTER = re.compile(r"[^\W\d_]")

#: Below this many letters a guess is noise.
MIN_LETTERS = 20
SAMPLE_CHARS = 1000
TRIALS = 3


def detect_language(text: str) -> str | None:
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    detector_factory.init_factory()
    DetectorFactory.seed = 0
    detector = detector_factory._factory.create()
    detector.n_trial = TRIALS
    detector.append(sample)
    try:
        return detector.detect()
    except LangDetectException:
        return None
