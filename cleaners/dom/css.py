"""CSS selection with selectors compiled once (profiles use a few dozen, on every page)."""

from __future__ import annotations

from functools import lru_cache

from lxml import etree
from lxml.cssselect import CSSSelector


@lru_cache(maxsize=256)
def _selector(css: str) -> CSSSelector:
    return CSSSelector(css)


def select(tree: etree._Element, css: str) -> list[etree._Element]:
    return _selector(css)(tree) if css else []


def first(tree: etree._Element, css: str) -> etree._Element | None:
    found = select(tree, css)
    return found[0] if found else None
