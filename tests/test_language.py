"""langdetect_rs gives langdetect's answers: the same language and the same probabilities, bit for bit.

cleaners.language uses langdetect_rs when it imports and keeps langdetect as the reference; these tests
compare the two on a corpus of bodies (fixtures, dev texts and golds, the Zyte pages' gold bodies and
trafilatura's bodies of them), titles and short texts, in the way cleaners.language calls them (seeded,
TRIALS trials on the first SAMPLE_CHARS characters) and with langdetect's defaults (`detect_langs`).
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import random
import subprocess
import sys
from functools import cache

import pytest

from cleaners.recognise import language

from .conftest import FIXTURES, ROOT, SHARED

MISSING = [name for name in (language.REFERENCE, language.FAST) if importlib.util.find_spec(name) is None]
needs_both = pytest.mark.skipif(bool(MISSING), reason=f"cannot compare: {', '.join(MISSING)} not installed")

SHORT = ["", " ", "1234", "2024-10-14 10:00", "12.345.678,90", "😀😀😀", "🇮🇩 🎉", "ok", "Hi!", "Jakarta",
         "JAKARTA, KOMPAS.com -", "Baca juga:", "Rp 1,2 triliun", "Selamat pagi", "Good morning",
         "Bonjour tout le monde", "Guten Morgen", "Привет мир", "こんにちは世界", "你好世界", "مرحبا بالعالم",
         "สวัสดีชาวโลก", "नमस्ते दुनिया", "Xin chào thế giới", "Halo dunia, apa kabar?", "(fyk/ash)",
         "0 Komentar", "http://example.com/a?b=c", "redaksi@example.co.id", "Ini the best banget sih",
         "KPK OTT", "ABC DEF GHI", "Kim Jong Un 김정은", "e\u0301e\u0301 a\u0300", "\x00\x01\x02"]


def _text(value: str | list[str]) -> str:
    return "\n\n".join(value) if isinstance(value, list) else value


@cache
def corpus() -> dict[str, list[str]]:
    """Texts by kind; the shared/ parts only where ../shared is beside the checkout."""
    bodies = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "text").glob("*.txt"))]
    titles = [json.loads(p.read_text(encoding="utf-8"))["title"] for p in sorted((FIXTURES / "expected").glob("*.json"))]
    if (SHARED / "dev").is_dir():
        bodies += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "dev" / "text").glob("*.txt"))]
        for path in sorted((SHARED / "dev" / "expected").glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            bodies.append(_text(record.get("body") or ""))
            titles.append(record.get("title") or "")
        for page in json.loads((SHARED / "dev" / "html" / "index.json").read_text(encoding="utf-8")):
            bodies.append(_text(page["gold"]))
            titles.append(page["title"])
    zyte = SHARED / "bench" / "zyte"
    if zyte.is_dir():
        import trafilatura

        truth = json.loads((zyte / "ground-truth.json").read_text(encoding="utf-8"))
        bodies += [truth[key]["articleBody"] for key in sorted(truth)]
        for path in sorted((zyte / "html").glob("*.html.gz")):
            bodies.append(trafilatura.extract(gzip.decompress(path.read_bytes()).decode("utf-8", "replace")) or "")
    rng = random.Random(12)
    long = [b for b in bodies if len(b) > 40]
    slices = []
    for _ in range(300):  # 5-30 characters cut anywhere from real bodies, of every language the Zyte set has
        body = rng.choice(long)
        start = rng.randrange(len(body) - 30)
        slices.append(body[start:start + rng.randint(5, 30)])
    return {"bodies": bodies, "titles": titles, "short": SHORT + slices}


def as_used(package, text: str, seed: object = 0) -> object:
    """What cleaners.language computes, without its letter threshold: every probability, or the error."""
    package.detector_factory.init_factory()
    package.DetectorFactory.seed = seed
    detector = package.detector_factory._factory.create()
    detector.n_trial = language.TRIALS
    detector.append(text[:language.SAMPLE_CHARS])
    try:
        return [(found.lang, found.prob) for found in detector.get_probabilities()]
    except package.LangDetectException as exc:
        return ("error", exc.code, str(exc))


def defaults(package, text: str) -> object:
    """langdetect's module-level call with its defaults (seven trials, 10,000 characters), seeded."""
    package.DetectorFactory.seed = 0
    try:
        return [(found.lang, found.prob) for found in package.detect_langs(text)]
    except package.LangDetectException as exc:
        return ("error", exc.code, str(exc))


def _differences(kind: str, compare) -> list[str]:
    reference, fast = language.load_backend(language.REFERENCE), language.load_backend(language.FAST)
    texts = corpus()[kind]
    assert texts
    return [f"{kind}[{n}] {text[:60]!r}: {a} != {b}" for n, text in enumerate(texts)
            if (a := compare(reference, text)) != (b := compare(fast, text))]


@needs_both
@pytest.mark.parametrize("kind", ["bodies", "titles", "short"])
def test_same_probabilities_as_used(kind):
    assert _differences(kind, as_used) == []


@needs_both
@pytest.mark.parametrize("kind", ["bodies", "titles", "short"])
def test_same_probabilities_with_langdetect_defaults(kind):
    assert _differences(kind, defaults) == []


@needs_both
def test_same_detect_language():
    """detect_language itself (letter threshold, top language) on both; every body is compared above."""
    reference, fast = language.load_backend(language.REFERENCE), language.load_backend(language.FAST)
    texts = corpus()["bodies"][:60] + corpus()["titles"] + corpus()["short"]
    assert [language.detect_language(t, reference) for t in texts] == [language.detect_language(t, fast) for t in texts]
    assert {language.detect_language(t, fast) for t in corpus()["bodies"][:5]} == {"id"}


@pytest.mark.skipif(language.FAST in MISSING, reason=f"{language.FAST} not installed")
def test_one_native_call_answers_as_detect():
    """detect_language's one-call use of langdetect_rs gives what its public `detect()` gives (None where
    that raises), on every text of the corpus, featureless ones included."""
    fast = language.load_backend(language.FAST)
    assert fast.__version__ == language.FAST_VERSION, "a new langdetect_rs: check _detect_in_one_call's internals"

    def detector(text: str):
        fast.detector_factory.init_factory()
        fast.DetectorFactory.seed = 0
        made = fast.detector_factory._factory.create()
        made.n_trial = language.TRIALS
        made.append(text[:language.SAMPLE_CHARS])
        return made

    def public(text: str) -> str | None:
        try:
            return detector(text).detect()
        except fast.LangDetectException:
            return None

    texts = [t for kind in ("bodies", "titles", "short") for t in corpus()[kind]]
    answers = [language._detect_in_one_call(detector(t)) for t in texts]
    assert answers == [public(t) for t in texts]
    assert None in answers and "id" in answers


@needs_both
def test_other_seeds_in_between_change_nothing():
    """Repeated calls agree, and calls with other seeds (or none) in between do not leak into seed 0."""
    fast = language.load_backend(language.FAST)
    texts = corpus()["bodies"][:40] + corpus()["short"][:40]
    first = [as_used(fast, t) for t in texts]
    for n, text in enumerate(texts):
        for seed in (1, 42, None, "x"):
            as_used(fast, texts[-1 - n], seed)
        assert as_used(fast, text) == first[n]
        assert defaults(fast, text) == defaults(fast, text)
    reference = language.load_backend(language.REFERENCE)
    for seed in (1, 42, "saring"):
        assert [as_used(reference, t, seed) for t in texts[:20]] == [as_used(fast, t, seed) for t in texts[:20]]


def _backend_in_subprocess(value: str | None, without_fast: bool = False) -> str:
    env = {k: v for k, v in os.environ.items() if k != "SARING_LANGDETECT"}
    if value is not None:
        env["SARING_LANGDETECT"] = value
    block = f"import sys; sys.modules[{language.FAST!r}] = None; " if without_fast else ""  # import fails
    code = block + "from cleaners.recognise import language; print(language.BACKEND.__name__)"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                          env=dict(env, PYTHONPATH=str(ROOT))).stdout.strip()


def test_environment_forces_the_reference():
    assert _backend_in_subprocess("python") == language.REFERENCE
    expected = language.REFERENCE if importlib.util.find_spec(language.FAST) is None else language.FAST
    assert _backend_in_subprocess(None) == expected
    assert _backend_in_subprocess(None, without_fast=True) == language.REFERENCE


def test_has_letters_counts_what_the_letter_class_finds():
    import re

    letter = re.compile(r"[^\W\d_]")
    # the same class on every code point (surrogates included: a str may hold them)
    assert all(bool(letter.fullmatch(c)) == (c.isalnum() and not c.isdecimal()) for c in map(chr, range(0x110000)))
    for text in ("", "a" * 19, "a" * 20, "1234 ___ ²½ " * 30 + "abc", "١٢٣ é" * 10, "x" + " 9" * 500, "日本語" * 7):
        for least in (1, 20, 21):
            assert language.has_letters(text, least) == (len(letter.findall(text)) >= least), (text[:20], least)
