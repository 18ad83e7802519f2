"""Split articles: where the next page is, how many pages there are, and how to ask for all of them."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml import etree

from ..record import PageLinks
from ..sites.profile import SiteProfile
from .css import select

_COUNT = re.compile(r"(\d+)\s*(?:/|dari)\s*(\d+)")


def read_page_links(tree: etree._Element, url: str | None, profile: SiteProfile,
                    select: Callable[[etree._Element, str], list[etree._Element]] = select) -> PageLinks:
    """The pagination a family's profile declares, read from a parsed page (empty for single pages);
    `select`: how to select with CSS (a `PageIndex`'s, when the page has one)."""
    rules = profile.html
    if rules is None:
        return PageLinks()
    next_url = None
    for node in select(tree, rules.next_page):
        href = node.get("href")
        if href:
            next_url = urljoin(url or "", href)
            break
    total = None
    for node in select(tree, rules.page_count):
        match = _COUNT.search(" ".join(node.itertext()))
        if match:
            total = int(match.group(2))
            break
    all_url = None
    if url and profile.all_pages_url and (next_url or (total and total > 1)):
        parts = urlsplit(url)
        all_url = profile.all_pages_url.format(url=urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")))
    return PageLinks(next_url, total, all_url)
