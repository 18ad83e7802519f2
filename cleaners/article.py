"""The article record shared by every way into Saring (see SCHEMA.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .pagination import PageLinks

#: Field order of the record as documented in SCHEMA.md.
RECORD_FIELDS = (
    "url", "canonical_url", "site", "title", "summary", "authors", "editors", "published", "updated",
    "section", "tags", "image_url", "image_caption", "source", "language", "body", "pages",
    "extractor", "warnings",
)


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
