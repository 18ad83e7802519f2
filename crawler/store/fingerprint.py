"""Body fingerprints: an exact hash and a 64-bit SimHash for near-duplicates (syndicated copies)."""

from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"\w+", re.UNICODE)
#: Near-duplicates differ in at most this many of the 64 SimHash bits.
NEAR_BITS = 4
#: Bands of the SimHash kept as indexed columns: two records within NEAR_BITS share at least one band.
BANDS = 6


def normalized(body: str) -> str:
    return " ".join(_WORD.findall(body.casefold()))


def body_hash(body: str) -> str:
    return hashlib.sha1(normalized(body).encode("utf-8")).hexdigest()


_MASK = (1 << 64) - 1


def _mix(value: int) -> int:
    """splitmix64's finaliser: spreads a combined value over all 64 bits."""
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9 & _MASK
    value = (value ^ (value >> 27)) * 0x94D049BB133111EB & _MASK
    return value ^ (value >> 31)


def simhash(body: str) -> int:
    """SimHash over word 3-grams (datelines and a changed sentence move few bits).

    Each distinct word is hashed once (blake2b, stable across processes); a gram's hash mixes its words'
    hashes with their positions, which costs a few integer operations instead of hashing the gram's text.
    """
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
    # One mix per gram: the words' hashes, multiplied by odd constants per position, then mixed.
    hashes = [_mix(a ^ (b * 0x9E3779B97F4A7C15 & _MASK) ^ (c * 0xC2B2AE3D27D4EB4F & _MASK))
              for a, b, c in zip(ids, ids[1:], ids[2:], strict=False)]
    # Each gram's hash as a row of "0"/"1"; a bit is set where most rows have it. Transposing the rows lets
    # C count the columns (a per-bit Python loop would cost milliseconds on a long article).
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
