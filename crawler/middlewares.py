"""Downloader middlewares: the offline mirror route, and retries that wait as the server asks."""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response

logger = logging.getLogger(__name__)

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class MirrorMiddleware:
    """With `-s MIRROR_URL=http://127.0.0.1:P`, every request for a real host goes through the offline mirror
    (`saring mirror`), used as an HTTP(S) proxy. Requests, responses, items and logs keep the real URLs;
    spiders do not know the mirror exists."""

    def __init__(self, mirror_url: str) -> None:
        self.mirror_url = mirror_url.rstrip("/")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> MirrorMiddleware:
        url = crawler.settings.get("MIRROR_URL")
        if not url:
            raise NotConfigured
        host = urlsplit(url).hostname
        if host not in LOOPBACK:
            raise NotConfigured(f"MIRROR_URL must be a loopback address, not {host}")
        logger.info("Routing requests through the offline mirror at %s", url)
        return cls(url)

    def process_request(self, request: Request) -> None:
        if urlsplit(request.url).hostname not in LOOPBACK:
            request.meta["proxy"] = self.mirror_url


class RetryAfterMiddleware(RetryMiddleware):
    """Retries as Scrapy's RetryMiddleware does, but first waits: `Retry-After` when a 429/503 gives one
    (capped by RETRY_AFTER_MAX), else an exponential backoff from RETRY_BACKOFF_BASE seconds."""

    def __init__(self, settings) -> None:
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 120.0)

    def delay_for(self, request: Request, response: Response) -> float:
        attempt = request.meta.get("retry_times", 0)
        header = response.headers.get(b"Retry-After")
        if response.status in (429, 503) and header:
            value = header.decode("latin-1").strip()
            if value.isdigit():
                return min(float(value), self.retry_after_max)
            parsed = email.utils.parsedate_to_datetime(value) if value else None
            if parsed is not None:
                return max(0.0, min(parsed.timestamp() - time.time(), self.retry_after_max))
        return min(self.backoff_base * (2 ** attempt), self.retry_after_max)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, f"{response.status}")
        if retry is None:
            return response
        delay = self.delay_for(request, response)
        if delay > 0:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("saring/retry_wait_seconds", int(round(delay)))
            await asyncio.sleep(delay)
        return retry
