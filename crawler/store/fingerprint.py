"""Body fingerprints: an exact hash and a 64-bit SimHash for near-duplicates (syndicated copies)."""

from __future__ import annotations

import hashlib

import numpy as np

from cleaners.rules.metrics import word_runs

#: Near-duplicates differ in at most this many of the 64 SimHash bits.
NEAR_BITS = 4
#: Bands of the SimHash kept as indexed columns: two records within NEAR_BITS share at least one band.
BANDS = 6


def words(body: str) -> list[str]:
    r"""`\w+` runs of the casefolded body, as `re.findall` gives them (cleaners.rules.metrics.word_runs: in
    well under half its time on news text)."""
    return word_runs(body.casefold())


def normalized(body: str) -> str:
    return " ".join(words(body))


def body_hash(body: str) -> str:
    return hashlib.sha1(normalized(body).encode("utf-8")).hexdigest()


#: Word -> its 8-byte blake2b digest, shared by all bodies of a process (news vocabulary repeats); cleared
#: when full, so its memory is bounded (about 8 MB).
_WORD_DIGESTS: dict[str, bytes] = {}
WORD_CACHE_LIMIT = 50_000
# The odd constants of the gram mix and splitmix64's finaliser, as numpy scalars (uint64 arithmetic wraps
# modulo 2**64, as the pure-Python version masks it).
_POSITION_1, _POSITION_2 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F)
_MIX_1, _MIX_2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
_SHIFT_30, _SHIFT_27, _SHIFT_31 = np.uint64(30), np.uint64(27), np.uint64(31)


def _word_hashes(tokens: list[str]) -> np.ndarray:
    """Each word's blake2b-64 (big-endian) as uint64, in order; a distinct word is hashed once."""
    cache = _WORD_DIGESTS
    # Nearly every article has a word not seen yet (a name, a number): look for them first, in C.
    missing = set(tokens).difference(cache)
    if missing:
        if len(cache) + len(missing) > WORD_CACHE_LIMIT:
            cache.clear()
            missing = set(tokens)
        blake2b = hashlib.blake2b
        for word in missing:
            cache[word] = blake2b(word.encode("utf-8"), digest_size=8).digest()
    digests = b"".join(map(cache.__getitem__, tokens))
    return np.frombuffer(digests, dtype=">u8").astype(np.uint64)


def _simhash_words(tokens: list[str]) -> int:
    if not tokens:
        return 0
    ids = _word_hashes(tokens)
    if len(ids) < 3:
        ids = np.concatenate([ids, np.zeros(3 - len(ids), dtype=np.uint64)])
    with np.errstate(over="ignore"):
        # One mix per gram: the words' hashes, multiplied by odd constants per position, then mixed.
        grams = ids[:-2] ^ (ids[1:-1] * _POSITION_1) ^ (ids[2:] * _POSITION_2)
        grams = (grams ^ (grams >> _SHIFT_30)) * _MIX_1
        grams = (grams ^ (grams >> _SHIFT_27)) * _MIX_2
        grams ^= grams >> _SHIFT_31
    # Bits of every gram hash, most significant first (a row per gram); a bit is set where most rows have it.
    rows = np.unpackbits(grams.astype(">u8").view(np.uint8).reshape(-1, 8), axis=1)
    ones = np.add.reduce(rows, axis=0, dtype=np.uint32)
    return int.from_bytes(np.packbits(2 * ones > len(grams)).tobytes(), "big")


def simhash(body: str) -> int:
    """SimHash over word 3-grams (datelines and a changed sentence move few bits).

    Each distinct word is hashed once (blake2b, stable across processes); a gram's hash mixes its words'
    hashes with their positions, which costs a few integer operations instead of hashing the gram's text.
    Vectorised with numpy; the values are those of the pure-Python version the stored fingerprints were made
    with (tests/test_fingerprint.py keeps a copy of it and compares).
    """
    return _simhash_words(words(body))


def fingerprint(body: str) -> tuple[str, int]:
    """`(body_hash(body), simhash(body))`, splitting the body into words once."""
    found = words(body)
    return hashlib.sha1(" ".join(found).encode("utf-8")).hexdigest(), _simhash_words(found)


def bands(value: int) -> list[int]:
    """Six 10-bit bands: two fingerprints within NEAR_BITS differing bits agree on at least one."""
    size = 64 // BANDS
    return [(value >> (i * size)) & ((1 << size) - 1) for i in range(BANDS)]


def distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()
