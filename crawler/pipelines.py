"""Item pipelines: drop what is not an article (with a reason and a counter), dedupe, count by path."""

from __future__ import annotations

import logging
import re
import sqlite3

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

logger = logging.getLogger(__name__)

#: Interstitials that bot protection serves instead of the page.
BOT_CHALLENGE = re.compile(
    r"(just a moment\.\.\.|attention required!? \| cloudflare|checking your browser before accessing|"
    r"enable javascript and cookies to continue|verify you are (a )?human|ddos protection by)",
    re.I,
)


class _StatsPipeline:
    def __init__(self, crawler: Crawler) -> None:
        assert crawler.stats is not None
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        return cls(crawler)


class ValidatePipeline(_StatsPipeline):
    """Never emit an empty or non-article record: bot challenges, pages without a body, pages without a title."""

    def process_item(self, item: dict) -> dict:
        body = item.get("body") or ""
        if BOT_CHALLENGE.search(" ".join([item.get("title") or "", body[:500]])):
            return self._drop(item, "bot_challenge", "bot-protection page instead of the article")
        if not body.strip():
            return self._drop(item, "empty_body", "no article body")
        if not item.get("title"):
            return self._drop(item, "not_article", "no title: not an article page")
        return item

    def _drop(self, item: dict, key: str, reason: str) -> dict:
        self.stats.inc_value(f"saring/dropped/{key}")
        raise DropItem(f"{reason}: {item.get('url')}")


class DedupePipeline(_StatsPipeline):
    """One record per canonical URL within a run."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.seen: set[str] = set()

    def process_item(self, item: dict) -> dict:
        key = item.get("canonical_url") or item.get("url")
        if key in self.seen:
            self.stats.inc_value("saring/dropped/duplicate")
            raise DropItem(f"duplicate of an article already emitted: {key}")
        self.seen.add(key)
        return item


class StorePipeline(_StatsPipeline):
    """Every item into the article store (`-s SARING_DB=path`, default articles.db), committed in batches of
    100 items or 1 s (what a killed crawl scraped but did not commit is requested again on a JOBDIR resume,
    from its journal of requested articles); marks syndicated and
    exact copies with `duplicate_of`. Off in Redis mode, where `saring ingest` stores the items. A store
    that is not usable (not SQLite, corrupt, another program's database) stops the crawl at its start."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.crawler = crawler
        from .store import ArticleStore, StoreError
        from .store.known import stop_crawl

        path = crawler.settings.get("SARING_DB")
        if not path or crawler.settings.get("REDIS_URL"):
            raise NotConfigured
        try:
            self.store = ArticleStore(path, check=True)
        except StoreError as exc:
            stop_crawl(exc)
        self.failed = False

    def process_item(self, item: dict) -> dict:
        if self.failed:  # the spider is closing: what is still on its way goes to the feeds only
            return item
        try:
            stored = self.store.put_batched(dict(item))
        except sqlite3.DatabaseError as exc:
            from .store.known import fail_crawl

            self.failed = True
            self._count_stored()  # a batch SQLite rolled back is not counted
            fail_crawl(self.crawler, exc)
            return item
        self._count_stored()
        if stored.get("duplicate_of"):
            self.stats.inc_value("saring/stored_duplicates")
        item["duplicate_of"] = stored.get("duplicate_of")
        return item

    def close_spider(self) -> None:
        # The store file alone holds every item from here on; the connection closes last (after the
        # known-article middleware's), so that SQLite also removes the -wal and -shm files.
        try:
            self.store.checkpoint()
        except sqlite3.DatabaseError as exc:
            logger.warning("store %s: could not fold the write-ahead log into the store: %s", self.store.path, exc)
        self.stats.set_value("saring/stored", self.store.committed)  # what the store holds of this crawl
        self.crawler.signals.connect(self._close_store, signal=signals.engine_stopped)

    def _count_stored(self) -> None:
        """`saring/stored`: the items committed, and those of the batch on its way (committed at the latest
        when the spider closes)."""
        self.stats.set_value("saring/stored", self.store.committed + self.store.pending)

    def _close_store(self) -> None:
        try:
            self.store.close()
        except sqlite3.DatabaseError as exc:  # a store that failed: what it committed stays
            logger.warning("store %s: could not be closed cleanly: %s", self.store.path, exc)


class RedisItemsPipeline:
    """In Redis mode (`-s REDIS_URL=`), items go to the Redis list `<spider>:items` (scrapy-redis), so that no
    SQLite file is written by two machines; `saring ingest` drains the list into the store."""

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        if not crawler.settings.get("REDIS_URL"):
            raise NotConfigured
        from scrapy_redis.pipelines import RedisPipeline

        return RedisPipeline.from_crawler(crawler)


class StatsPipeline(_StatsPipeline):
    """Items by extractor path and site; fallbacks per profile (a rising count means a layout changed)."""

    def process_item(self, item: dict) -> dict:
        self.stats.inc_value(f"saring/items/extractor/{item.get('extractor')}")
        self.stats.inc_value(f"saring/items/site/{item.get('site') or 'generic'}")
        self.stats.inc_value(f"saring/items/language/{item.get('language')}")
        if item.get("site") and item.get("extractor") == "generic":
            self.stats.inc_value(f"saring/fallbacks/{item['site']}")
            logger.warning("profile %s fell back to the generic path on %s: %s", item["site"], item.get("url"),
                           "; ".join(item.get("warnings") or []))
        if item.get("pages", 1) > 1:
            self.stats.inc_value("saring/pages_merged", item["pages"])
        return item
