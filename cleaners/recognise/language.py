"""Language of a body, deterministic: langdetect's algorithm, seeded before every detection.

langdetect averages random trials over the text's n-grams. Three trials on the first 1,000 characters give
the same answers as its default (seven trials, 10,000 characters) on the Zyte benchmark texts and on every
fixture, at about a third of the time (measured; see bench/accuracy.py for the path timings).

Two implementations of the same algorithm: `langdetect_rs` (a Rust port that reproduces langdetect 1.0.9's
random walk and floating-point operations; about 25x faster per body, 7x faster to load its profiles, 48 MiB
less memory) when it imports, else `langdetect`, the reference. Both give the same languages and the same
probabilities, bit for bit (tests/test_language.py checks it on a corpus of bodies, titles and short texts).
`SARING_LANGDETECT=python` forces the reference.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType
from typing import Any

#: Below this many letters a guess is noise.
MIN_LETTERS = 20
SAMPLE_CHARS = 1000
TRIALS = 3
#: The reference implementation, and the fast one used when it imports.
REFERENCE, FAST = "langdetect", "langdetect_rs"


def load_backend(name: str) -> ModuleType:
    """The package `name` (langdetect or langdetect_rs); both have the same API and internals used here."""
    package = importlib.import_module(name)
    importlib.import_module(f"{name}.detector_factory")
    package.DetectorFactory.seed = 0
    return package


def _choose() -> ModuleType:
    if os.environ.get("SARING_LANGDETECT", "").strip().lower() in ("python", REFERENCE):
        return load_backend(REFERENCE)
    try:
        return load_backend(FAST)
    except ImportError:
        return load_backend(REFERENCE)


#: The implementation detect_language uses (its `__name__` says which).
BACKEND = _choose()


def has_letters(text: str, least: int) -> bool:
    r"""Whether `text` holds at least `least` letters, as `len(re.findall(r"[^\W\d_]", text)) >= least` says
    (an alphanumeric character that is not a decimal digit: the same on every code point, as
    tests/test_language.py checks), stopping at the `least`-th: a tenth of the regex's list of single
    characters on a body's first 1,000."""
    if least <= 0:
        return True
    count = 0
    for char in text:
        if char.isalnum() and not char.isdecimal():
            count += 1
            if count >= least:
                return True
    return False


def detect_language(text: str, backend: ModuleType | None = None) -> str | None:
    """The language code of `text`, or None when it has too few letters or no n-gram features."""
    sample = text[:SAMPLE_CHARS]
    if not has_letters(sample, MIN_LETTERS):
        return None
    package = backend or BACKEND
    factory = package.detector_factory
    factory.init_factory()  # loads the profiles once per process
    package.DetectorFactory.seed = 0
    detector = factory._factory.create()
    detector.n_trial = TRIALS
    detector.append(sample)
    if package.__name__ == FAST and package.__version__ == FAST_VERSION:
        return _detect_in_one_call(detector)
    try:
        return detector.detect()
    except package.LangDetectException:
        return None


#: The langdetect_rs whose internals `_detect_in_one_call` uses (pyproject.toml pins it).
FAST_VERSION = "0.1.0"


def _detect_in_one_call(detector: Any) -> str | None:
    """What langdetect_rs's `detector.detect()` returns (None for its "no features" exception), with one
    native call where its `_detect_block` makes two: the first only to learn whether the text has n-gram
    features, which the second reports too. A third of the detection's time; tests/test_language.py
    compares it with `detect()` on its corpus, featureless texts included."""
    from langdetect_rs._seed import seed_state

    detector.cleaning_text()
    langprob, error = detector._core.detect_block(detector.text, detector.alpha, TRIALS, None,
                                                  seed_state(detector.seed))
    if error == "features":
        return None
    if error is not None:
        raise error
    ranked = detector._sort_probability(langprob)
    return ranked[0].lang if ranked else detector.UNKNOWN_LANG
