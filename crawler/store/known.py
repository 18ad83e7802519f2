"""Incremental and resumable crawls: article requests for canonical URLs already in the store are not sent
(`KnownArticlesMiddleware`), and a `JOBDIR` crawl keeps a journal of what it asked for (`PendingArticles`).

The check is a downloader middleware, so that spiders ask no store: a spider marks its article requests
with `meta["canonical_url"]` (and `meta["refresh"]` to fetch known ones again); feeds, index pages and
sitemaps carry no such key and are always fetched.

A crawl cannot go on without a usable store: an unreadable or corrupt one stops it with one line in the log
and exit status 1: at the start (the store is checked when it is opened) at once (`stop_crawl`), later by
closing the spider (`fail_crawl`), so that feeds are closed whole and the stats written.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from pathlib import Path
from typing import NoReturn

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request

from .db import ArticleStore, StoreError
from .writer import WriterGone

logger = logging.getLogger(__name__)


def _critical(error: Exception) -> None:
    if isinstance(error, WriterGone):  # the store may be fine; what it committed stays
        logger.critical("the article store's writer process failed: %s; the store keeps what it committed",
                        " ".join(str(error).split()))
        return
    reason = str(error) if isinstance(error, StoreError) else f"{type(error).__name__}: {error}"
    logger.critical("the article store cannot be used: %s (fix or move it, or set -s SARING_DB= to another path)",
                    " ".join(reason.split()))


def stop_crawl(error: Exception) -> NoReturn:
    """End the crawl process now, exit status 1, before it starts: one log line, no traceback."""
    _critical(error)
    raise SystemExit(1)


#: The stat that says the store failed during the crawl (`scrapy crawl` then exits 1).
STORE_FAILED = "saring/store_failed"


def fail_crawl(crawler: Crawler, error: Exception) -> None:
    """The store failed during the crawl: one log line (the first time), the stat STORE_FAILED, and the
    spider closed with reason `store_failed`. (A SystemExit raised in a pipeline or middleware is caught by
    Scrapy's deferreds and leaves the reactor running: such a crawl hung instead of stopping.)"""
    stats = crawler.stats
    assert stats is not None
    if stats.get_value(STORE_FAILED):
        return
    stats.set_value(STORE_FAILED, 1)
    _critical(error)
    engine = crawler.engine
    if engine is not None and engine.spider is not None:
        from scrapy.utils.defer import deferred_from_coro

        deferred_from_coro(engine.close_spider_async(reason="store_failed"))


def store_lost(crawler: Crawler, error: Exception) -> None:
    """The store lost items when the spider was already closing (its last batch): one log line, the stat
    STORE_FAILED (exit status 1, and a JOBDIR journal kept for the next run), once."""
    stats = crawler.stats
    assert stats is not None
    if not stats.get_value(STORE_FAILED):
        stats.set_value(STORE_FAILED, 1)
        _critical(error)


class KnownArticle(IgnoreRequest):
    """The article is already in the store (not an error: counted as `saring/skipped/known`)."""


class KnownArticlesMiddleware:
    """Skips article requests the store already holds, and says so: an INFO line at the start (how many
    articles the store knows), one at the end (how many were skipped), and a WARNING when a run that
    writes a feed (`-o`/`-O`) wrote nothing because every article it found was known."""

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
        middleware = cls(crawler, path)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def _size(self) -> int | None:
        """How many articles the store holds; None when it cannot say (the crawl is then stopped)."""
        try:
            return self.store.size() if self.store is not None else 0
        except sqlite3.DatabaseError as exc:
            fail_crawl(self.crawler, exc)
            return None

    def spider_opened(self, spider) -> None:
        known = self._size()
        if known is None:
            return
        if getattr(spider, "refresh", False):
            logger.info("store %s: %d known articles; -a refresh=1: found again, they are fetched again and "
                        "updated", self.path, known)
        elif known:
            logger.info("store %s: %d known articles will not be fetched again; -a refresh=1 to re-fetch, "
                        "-s SARING_DB= for none", self.path, known)
        else:
            logger.info("store %s: no known articles yet: every article found is fetched and stored "
                        "(-s SARING_DB= for no store)", self.path)

    def spider_closed(self, spider) -> None:
        stats = self.crawler.stats
        assert stats is not None
        skipped = stats.get_value("saring/skipped/known", 0)
        stored = stats.get_value("saring/stored", 0)
        held = self._size()
        logger.info("store %s: %d known articles skipped (not fetched again), %d stored; %s", self.path, skipped,
                    stored, f"it holds {held} articles" if held is not None else "it cannot be read")
        feeds = list(self.crawler.settings.getdict("FEEDS"))
        if feeds and skipped and not stats.get_value("item_scraped_count", 0):
            logger.warning("%s: no items, since all %d articles found are already in the store %s and were not "
                           "fetched again (-a refresh=1 fetches them again, -s SARING_DB= crawls without a store)",
                           ", ".join(map(str, feeds)), skipped, self.path)
        if self._store is not None:
            self._store.close()  # before the store pipeline's own close, which then removes the -wal file
            self._store = None

    @property
    def store(self) -> ArticleStore | None:
        if self._store is None and Path(self.path).exists():
            try:
                self._store = ArticleStore(self.path, readonly=True)
            except StoreError as exc:
                fail_crawl(self.crawler, exc)
        return self._store

    def process_request(self, request: Request) -> None:
        key = request.meta.get("canonical_url")
        if not key or request.meta.get("refresh") or self.store is None:
            return
        try:
            known = self.store.known(key)
        except sqlite3.DatabaseError as exc:
            fail_crawl(self.crawler, exc)
            raise IgnoreRequest(f"the store cannot be read: {key}") from None
        if known:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("saring/skipped/known")
            raise KnownArticle(f"already in the store: {key}")


class PendingArticles:
    """What a `JOBDIR` crawl asked for, so that a resumed crawl asks again for what the store lacks.

    Scrapy keeps a job's queue on disk, but writes its state only when the crawl stops cleanly: after a
    SIGKILL the queue can hand out requests twice, skip others, or not be read at all. So the store is the
    truth, and this journal (`JOBDIR/saring-pending.jsonl`) says what was wanted: every article request is
    appended (one JSON line, written through to the OS before the request is scheduled). On start:

    - if the previous run did not stop cleanly (its `saring.running` mark is still there), Scrapy's queue
      (`JOBDIR/requests.queue`) is discarded, since it cannot be trusted;
    - the journal's articles that the store does not hold are requested first (`pending()`); the
      listings are walked again as on any run, and articles already stored are skipped as on any run.

    A crawl that finishes deletes the journal; a clean stop (Ctrl-C once) keeps it and Scrapy's queue.
    """

    NAME = "saring-pending.jsonl"
    MARK = "saring.running"

    def __init__(self, jobdir: str | Path) -> None:
        self.jobdir = Path(jobdir)
        self.jobdir.mkdir(parents=True, exist_ok=True)
        self.path = self.jobdir / self.NAME
        mark = self.jobdir / self.MARK
        #: The previous run of this job was killed (or crashed) instead of stopping.
        self.killed = mark.exists()
        if self.killed:
            queue = self.jobdir / "requests.queue"
            if queue.exists():
                import shutil

                shutil.rmtree(queue)
            logger.warning("the previous run of %s did not stop cleanly: its request queue is discarded; the "
                           "listings are walked again and the articles the store lacks are requested again",
                           self.jobdir)
        mark.write_text("a crawl of this job is running (or was killed)\n", encoding="utf-8")
        self._entries = self._read()
        self._recorded = {key for _, key in self._entries}
        self._fd: int | None = None

    def _read(self) -> list[tuple[str, str]]:
        """(url, canonical URL) of every whole line (a line torn by a kill is ignored)."""
        if not self.path.exists():
            return []
        found: dict[str, str] = {}
        for line in self.path.read_bytes().split(b"\n"):
            try:
                entry = json.loads(line)
                found.setdefault(entry["key"], entry["url"])
            except (ValueError, KeyError, TypeError):
                continue
        return [(url, key) for key, url in found.items()]

    def pending(self, store: ArticleStore | None) -> list[str]:
        """The URLs of journal entries the store does not hold; the journal is rewritten with only those."""
        pending = [(url, key) for url, key in self._entries if store is None or not store.known(key)]
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text("".join(json.dumps({"url": url, "key": key}) + "\n" for url, key in pending),
                             encoding="utf-8")
        os.replace(temporary, self.path)
        self._recorded = {key for _, key in pending}
        return [url for url, _ in pending]

    def add(self, url: str, key: str) -> None:
        if key in self._recorded:
            return
        if self._fd is None:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        os.write(self._fd, (json.dumps({"url": url, "key": key}) + "\n").encode("utf-8"))
        self._recorded.add(key)

    def close(self, finished: bool) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if finished:
            self.path.unlink(missing_ok=True)
        (self.jobdir / self.MARK).unlink(missing_ok=True)
