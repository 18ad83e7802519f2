"""Item pipelines: drop what is not an article (with a reason and a counter), dedupe, count by path."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sqlite3
import sys
from collections import deque

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred, fail
from twisted.internet.error import ProcessExitedAlready
from twisted.internet.protocol import ProcessProtocol

from .store.writer import CHECKPOINT, WriterGone

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


#: A writer that has not answered the oldest request for this long (SQLite itself waits up to 30 s for a
#: lock), or has not ended this long after its input was closed, is killed (SQLite's journal keeps the store
#: whole) and the crawl fails.
STUCK_SECONDS = 90.0


class _WriterProtocol(ProcessProtocol):
    """The crawl's end of the store writer's pipes (crawler.store.writer): each request is a line sent, its
    answer the next line received; the answers come in the order of the requests."""

    def __init__(self, stuck_seconds: float = STUCK_SECONDS) -> None:
        from twisted.internet import reactor

        self._reactor = reactor
        self.stuck_seconds = stuck_seconds
        #: Each request's answer to come, with when it was asked.
        self.waiting: deque[tuple[Deferred, float]] = deque()
        self.received = b""
        self.gone: str | None = None
        self._ended = False
        self._enders: list[Deferred] = []
        #: The watch over the oldest request, and the deadline for ending once the input is closed.
        self._watch = reactor.callLater(stuck_seconds / 3, self._check)
        self._deadline = None

    def _check(self) -> None:
        """Every third of STUCK_SECONDS: a writer stuck on the oldest request is killed."""
        self._watch = None
        if self._ended:
            return
        if self.waiting and self._reactor.seconds() - self.waiting[0][1] > self.stuck_seconds:
            self._broken(f"the store writer process answered nothing for {self.stuck_seconds:.0f} s")
            return
        self._watch = self._reactor.callLater(self.stuck_seconds / 3, self._check)

    def _broken(self, why: str) -> None:
        """The writer cannot be trusted any more: every waiting request fails, the process is killed."""
        if self.gone is None:
            self.gone = why
        while self.waiting:
            self.waiting.popleft()[0].errback(WriterGone(self.gone))
        if not self._ended and self.transport is not None:
            with contextlib.suppress(ProcessExitedAlready):
                self.transport.signalProcess("KILL")

    def outReceived(self, data: bytes) -> None:
        *lines, self.received = (self.received + data).split(b"\n")
        for line in lines:
            try:
                answer = json.loads(line)
            except ValueError:
                self._broken(f"the store writer process said something that is not an answer: {line[:100]!r}")
                return
            if self.waiting:
                self.waiting.popleft()[0].callback(answer)

    def processEnded(self, reason) -> None:
        if self.gone is None:
            self.gone = f"the store writer process ended ({reason.value})"
        while self.waiting:
            self.waiting.popleft()[0].errback(WriterGone(self.gone))
        self._ended = True
        for call in (self._watch, self._deadline):
            if call is not None and call.active():
                call.cancel()
        for ender in self._enders:
            ender.callback(None)

    def expect(self) -> Deferred:
        """The next line the writer says without being asked (that it is ready)."""
        answer: Deferred = Deferred()
        self.waiting.append((answer, self._reactor.seconds()))
        return answer

    def request(self, line: bytes) -> Deferred:
        if self.gone is not None or self.transport is None:
            return fail(WriterGone(self.gone or "the store writer process is not running"))
        answer = self.expect()
        self.transport.write(line)
        return answer

    def finish(self) -> Deferred:
        """Close the writer's input (it commits, folds the write-ahead log and ends); fires when it has ended,
        or has been killed for not ending within STUCK_SECONDS."""
        ended: Deferred = Deferred()
        if self._ended:
            ended.callback(None)
            return ended
        self._enders.append(ended)
        if self.transport is not None:
            self.transport.closeStdin()
            if self._deadline is None:
                self._deadline = self._reactor.callLater(self.stuck_seconds, self._broken,
                                                 f"the store writer process did not end "
                                                 f"{self.stuck_seconds:.0f} s after the crawl")
        return ended


def _log_file_fd() -> int | None:
    """A copy of the descriptor of the file Scrapy logs to (`-s LOG_FILE=`), for the store writer's standard
    error: what it says (a traceback, should it crash) lands in the crawl's log beside the CRITICAL line
    that names its end, and stays writable after the crawl's process is gone (a pipe read by the crawl
    would not). A copy of the descriptor, not the path opened again: the two processes share one file
    offset, so neither overwrites the other's lines (Scrapy writes without O_APPEND when
    LOG_FILE_APPEND=False). None when Scrapy logs to no file (the writer then writes to the crawl's
    standard error)."""
    from scrapy.utils.log import get_scrapy_root_handler

    handler = get_scrapy_root_handler()
    stream = getattr(handler, "stream", None) if isinstance(handler, logging.FileHandler) else None
    if stream is None:
        return None
    try:
        stream.flush()
        return os.dup(stream.fileno())
    except (OSError, ValueError):
        return None


class StorePipeline(_StatsPipeline):
    """Every item into the article store (`-s SARING_DB=path`, default articles.db), committed in batches of
    100 items or 1 s (what a killed crawl scraped but did not commit is requested again on a JOBDIR resume,
    from its journal of requested articles); marks syndicated and
    exact copies with `duplicate_of`. Off in Redis mode, where `saring ingest` stores the items. A store
    that is not usable (not SQLite, corrupt, another program's database) stops the crawl at its start.

    The store is written by a child process (crawler.store.writer), items in the order they come: the crawl's
    process encodes each item and reads back its `duplicate_of`; the item goes on to the next pipelines then.
    The child ends after the crawl, having committed and folded the write-ahead log into the store (the crawl
    process waits for it); if the crawl process is killed, the child commits what it was sent and ends. The
    child's standard error goes to the crawl's LOG_FILE when one is set, else to the crawl's standard error."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.crawler = crawler
        from .store import ArticleStore, StoreError
        from .store.known import stop_crawl

        path = crawler.settings.get("SARING_DB")
        if not path or crawler.settings.get("REDIS_URL"):
            raise NotConfigured
        try:
            ArticleStore(path, check=True).close()  # made, checked and brought up to date before the writer opens it
        except StoreError as exc:
            stop_crawl(exc)
        self.path = path
        self.failed = False
        #: What the writer last said it committed, and held in the batch on its way.
        self.committed = self.pending = 0
        from twisted.internet import reactor

        self.writer = _WriterProtocol(self.stuck_seconds)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(entry for entry in sys.path if entry))
        command = self.writer_command(path)
        self.ready = self.writer.expect()  # its first line, once the store is open
        errors = _log_file_fd()
        try:
            reactor.spawnProcess(self.writer, command[0], command, env=env,
                                 childFDs={0: "w", 1: "r", 2: 2 if errors is None else errors})
        finally:
            if errors is not None:
                os.close(errors)  # (the writer has its own copy)
        # At the latest when the reactor stops (a forced shutdown does not reach engine_stopped).
        reactor.addSystemEventTrigger("before", "shutdown", self.writer.finish)

    #: See STUCK_SECONDS.
    stuck_seconds = STUCK_SECONDS

    def writer_command(self, path: str) -> list[str]:
        from .store.writer import command

        return command("crawler.store.writer", str(path))

    async def open_spider(self) -> None:
        """Wait for the writer to have opened the store (a few tenths of a second: it starts while Scrapy
        does), so that the first items do not pile up behind its start."""
        try:
            await maybe_deferred_to_future(self.ready)
        except WriterGone as exc:
            self._fail({}, exc)

    async def process_item(self, item: dict) -> dict:
        if self.failed:  # the spider is closing: what is still on its way goes to the feeds only
            return item
        try:
            answer = await maybe_deferred_to_future(self.writer.request(self._encoded(item)))
        except WriterGone as exc:
            return self._fail(item, exc)
        return self._answered(item, answer)

    @staticmethod
    def _encoded(item: dict) -> bytes:
        return json.dumps(dict(item), ensure_ascii=False).encode("utf-8") + b"\n"

    def _answered(self, item: dict, answer: dict) -> dict:
        if "error" in answer:
            self.committed, self.pending = answer["committed"] + answer["pending"], 0  # what it holds or will
            error_class = getattr(sqlite3, answer.get("type") or "", sqlite3.DatabaseError)
            return self._fail(item, error_class(answer["error"]))
        if answer.get("skipped"):  # sent before the store failed, answered after
            return item
        if "invalid" in answer:
            raise ValueError(answer["invalid"])
        self.committed, self.pending = answer["committed"], answer["pending"]
        # `saring/stored`: the items committed, and those of the batch on its way (committed at the latest
        # when the spider closes).
        self.stats.set_value("saring/stored", answer["committed"] + answer["pending"])
        if answer["duplicate_of"]:
            self.stats.inc_value("saring/stored_duplicates")
        item["duplicate_of"] = answer["duplicate_of"]
        return item

    def _fail(self, item: dict, error: Exception) -> dict:
        from .store.known import fail_crawl

        if not self.failed:
            self.failed = True
            self.stats.set_value("saring/stored", self.committed)  # a batch SQLite rolled back is not counted
            fail_crawl(self.crawler, error)
        return item

    async def close_spider(self) -> None:
        # The store file alone holds every item from here on; the writer closes its connection last (after
        # the known-article middleware's), so that SQLite also removes the -wal and -shm files.
        from .store.known import store_lost

        expected = self.committed + self.pending
        try:
            answer = await maybe_deferred_to_future(self.writer.request(CHECKPOINT))
        except WriterGone as exc:
            if not self.failed:  # what was not committed yet is lost: the crawl did not store it all
                self.failed = True
                store_lost(self.crawler, exc)
        else:
            if "warning" in answer and not self.failed:
                logger.warning("store %s: could not fold the write-ahead log into the store: %s", self.path,
                               answer["warning"])
            self.committed = answer["committed"]
            if self.committed < expected and not self.failed:
                self.failed = True
                store_lost(self.crawler, sqlite3.DatabaseError(
                    f"{expected - self.committed} stored items were not committed: {answer.get('warning')}"))
        self.stats.set_value("saring/stored", self.committed)  # what the store holds of this crawl
        self.crawler.signals.connect(self._close_store, signal=signals.engine_stopped)

    async def _close_store(self) -> None:
        await maybe_deferred_to_future(self.writer.finish())


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
