"""Body fingerprints: an exact hash and a 64-bit SimHash for near-duplicates (syndicated copies)."""

from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"\w+", re.UNICODE)
#: Near-duplicates differ in at most this many of the 64 SimHash bits.
NEAR_BITS = 4
#: Bodies with more word-grams than this are fingerprinted on a content-chosen half of them.
SAMPLE_ABOVE = 150
#: Bands of the SimHash kept as indexed columns: two records within NEAR_BITS share at least one band.
BANDS = 6


def normalized(body: str) -> str:
    return " ".join(_WORD.findall(body.casefold()))


def body_hash(body: str) -> str:
    return hashlib.sha1(normalized(body).encode("utf-8")).hexdigest()


def simhash(body: str, width: int = 3) -> int:
    """SimHash over word `width`-grams (datelines and a changed sentence move few bits)."""
    words = _WORD.findall(body.casefold())
    grams = [" ".join(words[i:i + width]) for i in range(max(1, len(words) - width + 1))]
    # Each gram's 64-bit hash as a row of "0"/"1"; a bit is set where most rows have it. Transposing the
    # rows lets C count the columns (a per-bit Python loop costs ~3 ms on a 400-word article).
    hashes = [int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest(), "big") for g in grams]
    if len(hashes) > SAMPLE_ABOVE:
        # Long bodies: keep the grams whose hash is even. Chosen by content, not position, so a copy with
        # an inserted or dropped paragraph keeps the same sample of the text they share; half the cost.
        hashes = [h for h in hashes if not h & 1] or hashes
    rows = [format(h, "064b") for h in hashes]
    half = len(rows) / 2
    value = 0
    for position, column in enumerate(zip(*rows, strict=True)):
        if column.count("1") > half:
            value |= 1 << (63 - position)
    return value


def bands(value: int) -> list[int]:
    """Six 10-bit bands: two fingerprints within NEAR_BITS differing bits agree on at least one."""
    size = 64 // BANDS
    return [(value >> (i * size)) & ((1 << size) - 1) for i in range(BANDS)]


def distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()
