"""What every Saring spider shares: arguments, article requests, cleaning, multi-page merging, stats.

Arguments (`-a name=value`):
  since=YYYY-MM-DD [until=YYYY-MM-DD]   every article published in the window (walks the family's dated
                                        listings back from `until`, stops once past `since`)
  urls=URL,URL / url_file=PATH          exactly those articles (a URL naming a page, `?page=2`, is fetched
                                        as that page only)
  refresh=1                             fetch articles already in the store again (and update them)
  (none)                                the latest articles

What is fetched: only http(s) URLs on the family's hosts (its profile's `hosts` patterns and the spider's
`allowed_domains`), on the default ports, redirects included; everything else is refused and counted as
`saring/refused/<reason>` (`crawler.middlewares.RequestGuardMiddleware`). The `news` spider's hosts are
those of the URLs it is given (see its own arguments).

Sitemap indexes: a `<sitemapindex>` is followed to at most SARING_SITEMAP_CHILDREN (default 100) child
sitemaps, newest `lastmod` first (children older than `since` are not needed); the others are counted as
`saring/listing_skipped`. Listings that fail to parse count as `saring/listing_errors`.

With `-s JOBDIR=...` (and the store on), a journal of the job's article requests lets a crawl resumed after
a kill ask again for every article the store lacks (`crawler.store.known.PendingArticles`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import AsyncIterator, Iterable
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError

from cleaners import BadHtml, NotText, clean, merge_pages
from cleaners.sites import SiteProfile, profile_by_name, profile_for
from cleaners.urls import canonical_url

from ..arguments import ArgumentProblem, flag, window
from ..items import ArticleItem
from ..middlewares import Refused, RequestPolicy, Truncated
from ..store.known import STORE_FAILED, KnownArticle, PendingArticles

logger = logging.getLogger(__name__)

#: Statuses of a listing that is not there (a day the site does not hold): counted, not errors.
MISSING = [404, 410]


def _urls(value: str | None) -> list[str]:
    """`-a urls=URL,URL`: each an http(s) URL with a host."""
    given = [u.strip() for u in (value or "").split(",") if u.strip()]
    for url in given:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ArgumentProblem(f"-a urls= takes http(s) URLs separated by commas, and {url!r} is not one")
    return given


def _url_file(path: str) -> list[str]:
    """`-a url_file=PATH`: one URL a line; blank lines and `#` comments are skipped."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ArgumentProblem(f"-a url_file= takes a UTF-8 file of URLs, one a line; {path}: {reason}") from None
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


class ArticleSpider(scrapy.Spider):
    #: The family's profile name; None for the any-site spider.
    profile_name: str | None = None

    def __init__(self, since: str | None = None, until: str | None = None, urls: str | None = None,
                 url_file: str | None = None, refresh: str | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A bad value raises ArgumentProblem (one line); `scrapy crawl` checks them before the crawl starts.
        self.refresh = flag(refresh, "-a refresh=")
        self._requested: set[str] = set()
        self.since, until_day = window(since, until, "-a since=", "-a until=")
        if until_day is None and self.since and self.since > dt.date.today():
            raise ArgumentProblem(f"-a since={self.since} is after today ({dt.date.today()})")
        if until_day and not self.since:
            raise ArgumentProblem("-a until= needs -a since= as well (the window is since..until)")
        self.until = until_day or (dt.date.today() if self.since else None)
        #: `until` was not given: the walk starts today (on the offline mirror: at its last day).
        self.until_default = bool(self.since) and not until
        self._missing: dict[int, list[str]] = {}
        self.given_urls = _urls(urls) + (_url_file(url_file) if url_file else [])
        self.profile: SiteProfile | None = profile_by_name(self.profile_name) if self.profile_name else None
        self.journal: PendingArticles | None = None

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        # Before the engine opens Scrapy's queue: the journal discards it when the last run was killed.
        if settings.get("JOBDIR") and settings.get("SARING_DB") and not settings.get("REDIS_URL"):
            spider.journal = PendingArticles(settings["JOBDIR"])
            crawler.signals.connect(spider._close_journal, signal=signals.spider_closed)
        return spider

    def _close_journal(self, spider, reason: str) -> None:
        if self.journal is not None:
            # A store that lost items keeps the journal, so the next run asks again for what it lacks.
            lost = self.crawler.stats.get_value(STORE_FAILED)
            self.journal.close(finished=reason == "finished" and not lost)

    @cached_property
    def request_policy(self) -> RequestPolicy:
        """What this spider may fetch (checked on every request by `RequestGuardMiddleware`)."""
        return RequestPolicy(domains=tuple(self.allowed_domains or ()),
                             patterns=self.profile.hosts if self.profile else ())

    def refused(self, url: str) -> bool:
        """Count and log a URL the policy refuses, before any request is made for it."""
        reason = self.request_policy.refusal(url)
        if reason:
            self.crawler.stats.inc_value(f"saring/refused/{reason}")
            seen = self.__dict__.setdefault("_refusals_logged", set())
            level = logging.DEBUG if (reason, urlsplit(url).hostname) in seen else logging.WARNING
            seen.add((reason, urlsplit(url).hostname))
            logger.log(level, "refused %s (%s: not one of the spider's hosts, or not http(s))", url, reason)
        return reason is not None

    # ------------------------------------------------------------------------------------------ discovery

    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.journal is not None:
            for request in self.pending_requests():
                yield request
        if self.given_urls:
            for url in self.given_urls:
                request = self.article_request(url)
                if request is not None:
                    yield request
            return
        requests = self.range_requests() if self.since else self.latest_requests()
        for request in requests:
            yield request

    def pending_requests(self) -> Iterable[scrapy.Request]:
        """The journal's articles that the store does not hold (a resumed JOBDIR crawl asks for them first)."""
        from ..store import ArticleStore

        assert self.journal is not None
        path = Path(self.crawler.settings["SARING_DB"])
        store = ArticleStore(path, readonly=True) if path.exists() else None
        try:
            pending = self.journal.pending(None if self.refresh else store)
        finally:
            if store is not None:
                store.close()
        if pending:
            logger.info("resuming: %d article(s) asked for earlier are not in the store yet", len(pending))
        for url in pending:
            request = self.article_request(url)
            if request is not None:
                yield request

    def latest_requests(self) -> Iterable[scrapy.Request]:
        raise NotImplementedError

    def range_requests(self) -> Iterable[scrapy.Request]:
        """By default the latest listings, filtered by date; families with dated archives override it."""
        return self.latest_requests()

    def walk_days(self) -> Iterable[dt.date]:
        """The days of the window, newest first: from `until` (default today; on the offline mirror, its
        last day) back to `since`."""
        assert self.since is not None and self.until is not None
        days = (self.until - self.since).days + 1
        logger.info("walking the daily listings from %s back to %s (%d days)", self.until, self.since, days)
        for back in range(days):
            yield self.until - dt.timedelta(days=back)

    def listing_request(self, url: str, callback, **meta: Any) -> scrapy.Request:
        """Listings (feeds, index pages, sitemaps) are always fetched, also on incremental runs."""
        return scrapy.Request(url, callback=self.parse_listing, errback=self.listing_failed, dont_filter=True,
                              meta={**meta, "listing": callback.__name__, "handle_httpstatus_list": MISSING})

    def parse_listing(self, response: Response):
        """A listing that fails to parse is logged with its URL and counted; the crawl goes on. A day's
        listing that is not there (404, 410: a day the site does not hold) is counted, and summed up at the
        end; any other listing that is not there is an error (a feed or sitemap has moved).
        (The parser is named in meta, so requests stay serialisable for JOBDIR and Redis queues.)"""
        if response.status in MISSING:
            if response.meta.get("day"):
                self.crawler.stats.inc_value("saring/listing_missing")
                self._missing.setdefault(response.status, []).append(response.url)
                logger.debug("listing %s not found (HTTP %d)", response.url, response.status)
            else:
                self.crawler.stats.inc_value("saring/listing_errors")
                logger.error("listing %s failed: HTTP %d", response.url, response.status)
            return
        try:
            yield from getattr(self, response.meta["listing"])(response)
        except Exception as exc:  # noqa: BLE001 - any parse failure of one listing must not end the crawl
            self.crawler.stats.inc_value("saring/listing_errors")
            logger.error("listing %s could not be parsed: %s: %s", response.url, type(exc).__name__, exc)

    def listing_failed(self, failure) -> None:
        if failure.check(Refused):
            return  # counted as saring/refused/*
        self.crawler.stats.inc_value("saring/listing_errors")
        reason = (f"HTTP {failure.value.response.status}" if failure.check(HttpError)
                  else failure.getErrorMessage())
        logger.error("listing %s failed: %s", failure.request.url, reason)

    def closed(self, reason: str) -> None:
        """Missing listings, once per HTTP status (not one line per day)."""
        for status, urls in sorted(self._missing.items()):
            examples = ", ".join(urls[:2]) + (f" ... {urls[-1]}" if len(urls) > 2 else "")
            logger.info("%d listing(s) not found (HTTP %d), counted as saring/listing_missing: %s (days the site, "
                        "or the offline mirror, does not hold)", len(urls), status, examples)

    def follow_sitemap_index(self, response: Response, children: list[tuple[str, dt.date | None]], callback
                             ) -> Iterable[scrapy.Request]:
        """Requests for a sitemap index's children (to `callback`), newest first, at most
        SARING_SITEMAP_CHILDREN of them and two index levels deep; what is left out is counted."""
        limit = self.crawler.settings.getint("SARING_SITEMAP_CHILDREN", 100)
        depth = response.meta.get("sitemap_depth", 0) + 1
        wanted = [(loc, day) for loc, day in children if not self.since or day is None or day >= self.since]
        wanted.sort(key=lambda child: child[1] or dt.date.min, reverse=True)
        followed = wanted[:limit] if depth <= 2 else []
        skipped = len(wanted) - len(followed)
        if skipped:
            self.crawler.stats.inc_value("saring/listing_skipped", skipped)
            logger.warning("sitemap index %s: %d of its %d child sitemaps not followed (SARING_SITEMAP_CHILDREN=%d, "
                           "depth %d)", response.url, skipped, len(children), limit, depth)
        for loc, _ in followed:
            yield self.listing_request(response.urljoin(loc), callback, sitemap_depth=depth)

    def in_window(self, day: dt.date | None) -> bool:
        if day is None or not self.since:
            return True
        return self.since <= day <= (self.until or day)

    # ------------------------------------------------------------------------------------------- articles

    def article_request(self, url: str, **meta: Any) -> scrapy.Request | None:
        """The request for an article page, once per canonical URL in a run. Articles already in the store
        are skipped by `crawler.store.known` unless `-a refresh=1`."""
        if self.refused(url):
            return None
        profile = self.profile or profile_for(url=url)
        key = canonical_url(url, profile.canonical if profile else None)
        if key in self._requested:
            return None
        self._requested.add(key)
        if self.journal is not None:
            self.journal.add(url, key)
        meta = {**meta, "article_url": url, "canonical_url": key, "refresh": self.refresh}
        # With a Redis frontier the shared dupefilter splits article pages between processes; alone, the
        # store, the set above and the journal do (a JOBDIR resumed after a kill re-requests what was lost).
        # dont_filter bypasses Scrapy's offsite filter; RequestGuardMiddleware checks every request instead.
        dont_filter = not self.crawler.settings.get("REDIS_URL")
        query = dict(parse_qsl(urlsplit(url).query))
        if profile and profile.all_pages_url and "page" not in query:
            parts = urlsplit(url)
            all_url = profile.all_pages_url.format(url=urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")))
            return scrapy.Request(all_url, callback=self.parse_article, errback=self.all_pages_failed,
                                  meta={**meta, "paginate": True, "all_pages": True}, dont_filter=dont_filter)
        return scrapy.Request(url, callback=self.parse_article, errback=self.article_failed,
                              meta={**meta, "paginate": "page" not in query}, dont_filter=dont_filter)

    def all_pages_failed(self, failure):
        """No all-pages view (a 4xx for `?page=all`): read the article page by page from its own URL."""
        request = failure.request
        if failure.check(KnownArticle, Refused) or not (failure.check(HttpError)
                                                        and 400 <= failure.value.response.status < 500):
            self.article_failed(failure)
            return
        url = request.meta["article_url"]
        logger.info("no all-pages view for %s (HTTP %s); reading page by page", url, failure.value.response.status)
        yield scrapy.Request(url, callback=self.parse_article, errback=self.article_failed,
                             meta=self._own_meta(request.meta, paginate=True), dont_filter=True)

    def article_failed(self, failure) -> None:
        url = failure.request.url
        if failure.check(KnownArticle, Refused):
            return  # counted by the middlewares as saring/skipped/known, saring/refused/*
        if failure.check(Truncated):
            self.crawler.stats.inc_value("saring/article_errors")
            logger.error("article %s failed: %s", url, failure.getErrorMessage())
            return
        if failure.check(IgnoreRequest) and not failure.check(HttpError):
            self.crawler.stats.inc_value("saring/skipped/ignored")
            logger.info("article %s not fetched: %s", url, failure.getErrorMessage())
            return
        self.crawler.stats.inc_value("saring/article_errors")
        if failure.check(HttpError):
            logger.error("article %s failed: HTTP %s", url, failure.value.response.status)
        else:
            logger.error("article %s failed: %s", url, failure.getErrorMessage())

    @staticmethod
    def _own_meta(meta: dict[str, Any], **extra: Any) -> dict[str, Any]:
        """Only Saring's keys travel to the next request (Scrapy's own, like download_latency, do not)."""
        return {**{k: meta[k] for k in ("article_url", "paginate", "pages") if k in meta}, **extra}

    def parse_article(self, response: Response):
        cleaned = self.clean_response(response)
        if cleaned is None:
            return
        record, next_url = cleaned
        if next_url and response.meta.get("paginate"):
            yield self._next_page(response, next_url, [record])
            return
        yield ArticleItem.from_record(record)

    def _next_page(self, response: Response, url: str, pages: list[dict[str, Any]]) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_next_page, errback=self.next_page_failed,
                              meta=self._own_meta(response.meta, pages=pages), dont_filter=True)

    def parse_next_page(self, response: Response):
        """One more page of a split article; the pages become one item (`cleaners.merge_pages`)."""
        pages: list[dict[str, Any]] = response.meta["pages"]
        cleaned = self.clean_response(response)
        next_url = None
        if cleaned is not None:
            record, next_url = cleaned
            pages = [*pages, record]
        if next_url and len(pages) < 50:
            yield self._next_page(response, next_url, pages)
            return
        yield ArticleItem.from_record(merge_pages(pages))

    def next_page_failed(self, failure):
        pages: list[dict[str, Any]] = failure.request.meta["pages"]
        logger.warning("page %s of a split article failed (%s); keeping %d page(s)", failure.request.url,
                       failure.getErrorMessage(), len(pages))
        self.crawler.stats.inc_value("saring/article_errors")
        yield ArticleItem.from_record(merge_pages(pages))

    def clean_response(self, response: Response) -> tuple[dict[str, Any], str | None] | None:
        """The page's record and its next-page URL (read by the profile from the same parse), or None."""
        try:
            article = clean(response.body, url=response.url, charset=response.encoding
                            if hasattr(response, "encoding") else None)
        except (NotText, BadHtml, ValueError) as exc:
            self.crawler.stats.inc_value("saring/clean_errors")
            logger.error("could not clean %s: %s", response.url, exc)
            return None
        record = article.to_dict()
        record["fetched_at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        record["http_status"] = response.status
        if self.since and record.get("published"):
            day = dt.date.fromisoformat(record["published"][:10])
            if not self.in_window(day):
                self.crawler.stats.inc_value("saring/dropped/out_of_window")
                logger.info("published %s, outside the window: %s", day, response.url)
                return None
        return record, article.page_links.next_url if article.page_links else None


def rss_items(response: Response) -> list[tuple[str, dt.date | None]]:
    """(link, date) of an RSS 2.0 feed's items."""
    import email.utils

    response.selector.remove_namespaces()
    found = []
    for item in response.xpath("//item"):
        link = (item.xpath("link/text()").get() or "").strip()
        raw = (item.xpath("pubDate/text()").get() or "").strip()
        day = None
        if raw:
            try:
                day = email.utils.parsedate_to_datetime(raw).date()
            except (TypeError, ValueError):
                day = None
        if link:
            found.append((link, day))
    if not response.xpath("//rss|//feed"):
        raise ValueError("not an RSS feed")
    return found


def _day(raw: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(raw.strip()[:10]) if raw.strip() else None
    except ValueError:
        return None


def sitemap_children(response: Response) -> list[tuple[str, dt.date | None]] | None:
    """(loc, lastmod) of a `<sitemapindex>`'s child sitemaps; None when the document is not an index."""
    response.selector.remove_namespaces()
    if not response.xpath("/sitemapindex"):
        return None
    return [(loc, _day(node.xpath("lastmod/text()").get() or ""))
            for node in response.xpath("/sitemapindex/sitemap")
            if (loc := (node.xpath("loc/text()").get() or "").strip())]


def sitemap_items(response: Response) -> list[tuple[str, dt.date | None]]:
    """(loc, news:publication_date or lastmod) of a sitemap's URLs."""
    response.selector.remove_namespaces()
    if not response.xpath("/urlset"):
        raise ValueError("not a sitemap (no <urlset>)")
    found = []
    for node in response.xpath("//url"):
        loc = (node.xpath("loc/text()").get() or "").strip()
        raw = (node.xpath("news/publication_date/text()").get() or node.xpath("lastmod/text()").get() or "").strip()
        day = None
        try:
            day = dt.date.fromisoformat(raw[:10]) if raw else None
        except ValueError:
            day = None
        if loc:
            found.append((loc, day))
    return found


class FeedSpider(ArticleSpider):
    """A family whose latest articles come from RSS feeds (`feed_urls`); a date window filters the feed."""

    feed_urls: tuple[str, ...] = ()

    def latest_requests(self) -> Iterable[scrapy.Request]:
        for url in self.feed_urls:
            yield self.listing_request(url, self.parse_feed)

    def parse_feed(self, response: Response):
        for link, day in rss_items(response):
            if self.in_window(day):
                yield self.article_request(link)
