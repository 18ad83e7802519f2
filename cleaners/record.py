"""The article record shared by every way into Saring (see SCHEMA.md), error records, and the merging
of an article's pages into one record."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

#: Field order of the record as documented in SCHEMA.md.
RECORD_FIELDS = (
    "url", "canonical_url", "site", "title", "summary", "authors", "editors", "published", "updated",
    "section", "tags", "image_url", "image_caption", "source", "language", "body", "pages",
    "extractor", "warnings",
)


@dataclass(frozen=True)
class PageLinks:
    """Where a split article goes on: the next page, the page count, the all-pages URL."""

    next_url: str | None = None
    total_pages: int | None = None
    all_pages_url: str | None = None


@dataclass
class Article:
    url: str | None = None
    canonical_url: str | None = None
    site: str | None = None
    title: str | None = None
    summary: str | None = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    image_url: str | None = None
    image_caption: str | None = None
    source: str | None = None
    language: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    pages: int = 1
    extractor: str = "generic"
    warnings: list[str] = field(default_factory=list)
    #: Not part of the record: the page's pagination, when a profile read it (spiders follow it).
    page_links: PageLinks | None = field(default=None, repr=False, compare=False)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in RECORD_FIELDS if name != "body"}
        data = {k: list(v) if isinstance(v, list) else v for k, v in data.items()}
        data["body"] = self.body
        return {name: data[name] for name in RECORD_FIELDS}


def error_record(message: str, **extra: Any) -> dict[str, Any]:
    """A record for an input that could not be cleaned: every field empty, plus a one-line `error`."""
    record = Article(extractor="none").to_dict()
    record.update(extra)
    record["error"] = " ".join(message.split())
    return record


_PAGE_PARAM = re.compile(r"^(page|halaman|p)$", re.I)


def page_number(url: str | None) -> int | None:
    """The page a URL names (`?page=2` -> 2; `?page=all` -> 0, the whole article); None when it names none."""
    if not url:
        return None
    try:
        query = parse_qsl(urlsplit(url).query)
    except ValueError:
        return None
    for key, value in query:
        if _PAGE_PARAM.match(key):
            if value.lower() == "all":
                return 0
            if value.isdigit():
                return int(value)
    return None


def merge_pages(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """One record from the records of an article's pages, given in page order.

    The first page gives the metadata; each later page adds the paragraphs not seen yet (what every page
    repeats, such as the lead, the byline or the image caption, stands once); `pages` counts the pages.
    """
    pages = list(records)
    if not pages:
        raise ValueError("merge_pages needs at least one record")
    merged = dict(pages[0])
    paragraphs = [p for p in (merged.get("body") or "").split("\n\n") if p]
    known = set(paragraphs)
    for record in pages[1:]:
        for paragraph in (record.get("body") or "").split("\n\n"):
            if paragraph and paragraph not in known:
                known.add(paragraph)
                paragraphs.append(paragraph)
    merged["body"] = "\n\n".join(paragraphs)
    merged["pages"] = sum(int(r.get("pages") or 1) for r in pages)
    warnings = [w for r in pages for w in (r.get("warnings") or [])]
    merged["warnings"] = list(dict.fromkeys(warnings))
    return merged
