"""The vectorised SimHash gives the values of the pure-Python one the stored fingerprints were made with."""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re

import pytest

from cleaners.rules import metrics
from cleaners.rules.metrics import word_count, word_runs
from crawler.store import fingerprint
from crawler.store.fingerprint import bands, body_hash, simhash

from .conftest import FIXTURES, SHARED

# ---------------------------------------------------------------- a copy of the pure-Python version (d003a8f)
_WORD = re.compile(r"\w+", re.UNICODE)
_MASK = (1 << 64) - 1


def _mix(value: int) -> int:
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9 & _MASK
    value = (value ^ (value >> 27)) * 0x94D049BB133111EB & _MASK
    return value ^ (value >> 31)


def old_simhash(body: str) -> int:
    words = _WORD.findall(body.casefold())
    if not words:
        return 0
    cache: dict[str, int] = {}
    ids = []
    for word in words:
        value = cache.get(word)
        if value is None:
            value = cache[word] = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")
        ids.append(value)
    if len(ids) < 3:
        ids += [0] * (3 - len(ids))
    hashes = [_mix(a ^ (b * 0x9E3779B97F4A7C15 & _MASK) ^ (c * 0xC2B2AE3D27D4EB4F & _MASK))
              for a, b, c in zip(ids, ids[1:], ids[2:], strict=False)]
    rows = [format(h, "064b") for h in hashes]
    half = len(rows) / 2
    value = 0
    for position, column in enumerate(zip(*rows, strict=True)):
        if column.count("1") > half:
            value |= 1 << (63 - position)
    return value


def old_body_hash(body: str) -> str:
    return hashlib.sha1(" ".join(_WORD.findall(body.casefold())).encode("utf-8")).hexdigest()


def old_bands(value: int) -> list[int]:
    return [(value >> (i * 10)) & ((1 << 10) - 1) for i in range(6)]


# ------------------------------------------------------------------------------------------------- bodies
def _bodies() -> list[str]:
    bodies = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "text").glob("*.txt"))]
    for path in sorted((FIXTURES / "expected").glob("*.json")):
        bodies.append("\n\n".join(json.loads(path.read_text(encoding="utf-8"))["body"]))
    zyte = SHARED / "bench" / "zyte"
    if zyte.is_dir():
        truth = json.loads((zyte / "ground-truth.json").read_text(encoding="utf-8"))
        bodies += [truth[key]["articleBody"] for key in sorted(truth)]
        for path in sorted((zyte / "html").glob("*.html.gz"))[:12]:  # whole pages: markup, scripts, numbers
            bodies.append(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
    rng = random.Random(5)
    vocabulary = ["pemerintah", "warga", "Jakarta", "banjir", "harga", "2024", "Rp", "naik", "ÉTÉ", "straße",
                  "İstanbul", "ﬁle", "日本", "한국어", "٣٤٥", "x_y", "_", "a", "the", "Ⅻ", "ǅemal", "K"]
    for size in [0, 1, 2, 3, 4, 5, 7, 64, 65, 127, 128, 129, 1000, 5000] + [rng.randrange(1, 400) for _ in range(60)]:
        bodies.append(" ".join(rng.choice(vocabulary) for _ in range(size)))
        bodies.append(rng.choice(["", ". ", "\n\n"]).join(rng.choice(vocabulary) for _ in range(size)))
    # The same word over and over (every gram equal: all rows agree), and words that differ only in case.
    bodies += ["", " ", "...", "1", "satu", "satu dua", "Satu SATU satu", "kata " * 3, "kata " * 1000,
               "a b", "A b", "\u0130 i\u0307", "😀 😀", "\x00"]
    return bodies


BODIES = _bodies()


def test_same_simhash_as_the_pure_python_version():
    differences = [(n, body[:60]) for n, body in enumerate(BODIES) if simhash(body) != old_simhash(body)]
    assert differences == []
    assert len(BODIES) > 150


def test_same_body_hash_and_bands():
    for body in BODIES:
        assert body_hash(body) == old_body_hash(body)
        value = old_simhash(body)
        assert bands(value) == old_bands(value)
        assert fingerprint.fingerprint(body) == (old_body_hash(body), value)


def test_known_values():
    """Values computed by the pure-Python version: a change here invalidates every stored fingerprint."""
    assert simhash("") == 0
    assert simhash("satu") == 0xEC68D35408BEAD9D
    assert simhash("Pemerintah daerah memberikan bantuan kepada warga yang terdampak banjir.") == 0x5E6EB70E3F0911BD


@pytest.mark.parametrize("limit", [1, 3, 50])
def test_word_cache_limit_keeps_values(monkeypatch, limit):
    """A full word cache is cleared and refilled; the values do not depend on what it held."""
    monkeypatch.setattr(fingerprint, "WORD_CACHE_LIMIT", limit)
    monkeypatch.setattr(fingerprint, "_WORD_DIGESTS", {})
    for body in BODIES[:80]:
        assert simhash(body) == old_simhash(body)
    assert len(fingerprint._WORD_DIGESTS) <= max(limit, max(len(set(_WORD.findall(b.casefold()))) for b in BODIES[:80]))


def test_words_are_the_regex_runs():
    """`words`, and the line measures' `word_runs` and `word_count` it shares (a fast path for text that is
    ASCII but for common punctuation), give what `\\w+` finds, on real bodies and on text made of the
    characters where the two ways could part: the punctuation turned into spaces, other non-ASCII
    punctuation, letters and digits outside ASCII, combining marks, casefolds that become ASCII, separators
    that `str.split` cuts but the regex does not know, lone surrogates."""
    for body in BODIES:
        assert fingerprint.words(body) == _WORD.findall(body.casefold())
        assert word_runs(body) == _WORD.findall(body)
        assert word_count(body) == len(_WORD.findall(body))
    rng = random.Random(11)
    alphabet = ["a", "Z", "_", "7", " ", "-", ",", ".", "'", '"', "\n", "\t", "\x00", "\x1c", "\x85", "\u2028",
                *metrics._PUNCTUATION, "é", "É", "ß", "ﬁ", "İ", "\u0301", "\u200b", "٣", "Ⅻ", "日", "😀",
                "\ud800", "‹", "¿", "§"]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert fingerprint.words(text) == _WORD.findall(text.casefold()), repr(text)
        assert word_runs(text) == _WORD.findall(text), repr(text)
        assert word_count(text) == len(_WORD.findall(text)), repr(text)
    assert not any(_WORD.fullmatch(char) for char in metrics._PUNCTUATION)
