"""Caches keyed by a page's own texts (its paragraphs, its lines), emptied for every page.

Within a page they pay: nested candidates judge the same paragraphs again and readers fold the same lines
many times. Across pages such keys hardly repeat (on the 206 distinct pages of bench/throughput.py's dump,
a cache kept across pages adds 43 hits to 5,983 for paragraph values and 146 to 1,193 for folded lines), so a
cache that outlived its page would only hold memory: some 5 MB once full (measured with tracemalloc). Each
path's entry point calls `new_page()`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

F = TypeVar("F", bound=Callable)

_CLEARS: list[Callable[[], None]] = []


def per_page(maxsize: int = 4096) -> Callable[[F], F]:
    """`functools.lru_cache(maxsize)`, emptied by `new_page()`."""
    def wrap(function: F) -> F:
        cached = lru_cache(maxsize=maxsize)(function)
        _CLEARS.append(cached.cache_clear)
        return cached  # type: ignore[return-value]
    return wrap


def new_page() -> None:
    """Empty every per-page cache (a page's texts are of no use to the next one)."""
    for clear in _CLEARS:
        clear()
