"""Incremental crawls: article requests for canonical URLs already in the store are not sent.

A downloader middleware, so that spiders ask no store: a spider marks its article requests with
`meta["canonical_url"]` (and `meta["refresh"]` to fetch known ones again); feeds, index pages and sitemaps
carry no such key and are always fetched.
"""

from __future__ import annotations

import logging
from pathlib import Path

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request

from .db import ArticleStore

logger = logging.getLogger(__name__)


class KnownArticle(IgnoreRequest):
    """The article is already in the store (not an error: counted as `saring/skipped/known`)."""


class KnownArticlesMiddleware:
    def __init__(self, crawler: Crawler, path: str) -> None:
        self.crawler = crawler
        self.path = path
        self._store: ArticleStore | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> KnownArticlesMiddleware:
        path = crawler.settings.get("SARING_DB")
        # With a Redis frontier the shared dupefilter remembers what was fetched; the store is not read.
        if not path or crawler.settings.get("REDIS_URL"):
            raise NotConfigured
        return cls(crawler, path)

    @property
    def store(self) -> ArticleStore | None:
        if self._store is None and Path(self.path).exists():
            self._store = ArticleStore(self.path, readonly=True)
        return self._store

    def process_request(self, request: Request) -> None:
        key = request.meta.get("canonical_url")
        if not key or request.meta.get("refresh") or self.store is None:
            return
        if self.store.known(key):
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("saring/skipped/known")
            raise KnownArticle(f"already in the store: {key}")
