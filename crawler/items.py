"""The item a spider yields: the article record of SCHEMA.md (the fields of `cleaners.RECORD_FIELDS`, in
that order) plus what the crawl adds and the store marks."""

from __future__ import annotations

from typing import Any

import scrapy


class ArticleItem(scrapy.Item):
    # The record (SCHEMA.md).
    url = scrapy.Field()
    canonical_url = scrapy.Field()
    site = scrapy.Field()
    title = scrapy.Field()
    summary = scrapy.Field()
    authors = scrapy.Field()
    editors = scrapy.Field()
    published = scrapy.Field()
    updated = scrapy.Field()
    section = scrapy.Field()
    tags = scrapy.Field()
    image_url = scrapy.Field()
    image_caption = scrapy.Field()
    source = scrapy.Field()
    language = scrapy.Field()
    body = scrapy.Field()
    pages = scrapy.Field()
    extractor = scrapy.Field()
    warnings = scrapy.Field()
    # Added by the crawl.
    fetched_at = scrapy.Field()    # ISO 8601, UTC
    http_status = scrapy.Field()
    # Set by the store: the canonical URL of the article this one copies (exactly or nearly), else None.
    duplicate_of = scrapy.Field()

    @classmethod
    def from_record(cls, record: dict[str, Any], **extra: Any) -> ArticleItem:
        return cls({**record, **extra})
