"""Incremental crawls: article requests for canonical URLs already in the store are not sent.

The check is a downloader middleware, so that spiders ask no store: a spider marks its article requests
with `meta["canonical_url"]` (and `meta["refresh"]` to fetch known ones again); feeds, index pages and
sitemaps carry no such key and are always fetched.

A crawl cannot go on without a usable store: an unreadable or corrupt one stops it at once with one line
in the log and exit status 1 (`stop_crawl`), at the start (the store is checked when it is opened) or later.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import NoReturn

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request

from .db import ArticleStore, StoreError

logger = logging.getLogger(__name__)


def stop_crawl(error: Exception) -> NoReturn:
    """End the crawl process now, exit status 1: one log line, no traceback (a SystemExit leaves Scrapy's
    reactor as a SIGKILL would, which a JOBDIR resume handles)."""
    reason = str(error) if isinstance(error, StoreError) else f"{type(error).__name__}: {error}"
    logger.critical("the article store cannot be used: %s (fix or move it, or set -s SARING_DB= to another path)",
                    " ".join(reason.split()))
    raise SystemExit(1)


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
            try:
                self._store = ArticleStore(self.path, readonly=True)
            except StoreError as exc:
                stop_crawl(exc)
        return self._store

    def process_request(self, request: Request) -> None:
        key = request.meta.get("canonical_url")
        if not key or request.meta.get("refresh") or self.store is None:
            return
        try:
            known = self.store.known(key)
        except sqlite3.DatabaseError as exc:
            stop_crawl(exc)
        if known:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("saring/skipped/known")
            raise KnownArticle(f"already in the store: {key}")

