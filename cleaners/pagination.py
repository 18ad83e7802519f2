"""Split articles: where the next page is, how many pages there are, and how to ask for all of them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from .html import parse_html, profile_for_html, select


@dataclass(frozen=True)
class PageLinks:
    next_url: str | None = None
    total_pages: int | None = None
    all_pages_url: str | None = None


_COUNT = re.compile(r"(\d+)\s*(?:/|dari)\s*(\d+)")


def page_links(html: str, url: str) -> PageLinks:
    """The pagination a family's profile declares, read from a page (empty for single-page articles)."""
    profile = profile_for_html(url, html)
    if profile is None or profile.html is None:
        return PageLinks()
    tree = parse_html(html)
    rules = profile.html
    next_url = None
    for node in select(tree, rules.next_page):
        href = node.get("href")
        if href:
            next_url = urljoin(url, href)
            break
    total = None
    for node in select(tree, rules.page_count):
        match = _COUNT.search(" ".join(node.itertext()))
        if match:
            total = int(match.group(2))
            break
    all_url = None
    if profile.all_pages_url and (next_url or (total and total > 1)):
        parts = urlsplit(url)
        all_url = profile.all_pages_url.format(url=urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")))
    return PageLinks(next_url, total, all_url)
