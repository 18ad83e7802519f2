"""The slowest and the failed URLs of a run, in the crawl stats (for `saring report --stats`):

- `saring/urls/slowest`: `[url, seconds, status]` of the slowest responses, slowest first
  (`SARING_SLOWEST_URLS`, default 20);
- `saring/urls/failed`: `[url, reason]` of the requests that failed for good: a final HTTP status of 400 or
  more, or a download error after the retries (`SARING_FAILED_URLS`, default 200, the first ones kept).

A downloader middleware placed before Scrapy's (low order number), so it sees what is left after retries;
requests that were not sent on purpose (robots.txt, articles already stored) are not failures, nor is a 4xx for
an all-pages view that the spider then reads page by page.
"""

from __future__ import annotations

import bisect

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response


class UrlStatsMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        assert crawler.stats is not None
        self.stats = crawler.stats
        self.keep_slowest = crawler.settings.getint("SARING_SLOWEST_URLS", 20)
        self.keep_failed = crawler.settings.getint("SARING_FAILED_URLS", 200)
        # Kept in the stats by reference, so the stats are current whenever they are written.
        self.slowest: list[list] = []
        self.failed: list[list] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> UrlStatsMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        latency = request.meta.get("download_latency")
        if latency is not None and self.keep_slowest > 0:
            entry = [response.url, round(float(latency), 3), response.status]
            if len(self.slowest) < self.keep_slowest or entry[1] > self.slowest[-1][1]:
                keys = [-e[1] for e in self.slowest]
                self.slowest.insert(bisect.bisect_right(keys, -entry[1]), entry)
                del self.slowest[self.keep_slowest:]
                if len(self.slowest) == 1:
                    self.stats.set_value("saring/urls/slowest", self.slowest)
        # A 4xx for an all-pages view (`?page=all`) is no failure: the spider reads the article page by page.
        if response.status >= 400 and not (request.meta.get("all_pages") and response.status < 500):
            self._failed(response.url, f"HTTP {response.status}")
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if not isinstance(exception, IgnoreRequest):
            self._failed(request.url, f"{type(exception).__name__}: {exception}".rstrip(": "))

    def _failed(self, url: str, reason: str) -> None:
        if len(self.failed) < self.keep_failed:
            self.failed.append([url, reason[:300]])
            if len(self.failed) == 1:
                self.stats.set_value("saring/urls/failed", self.failed)
