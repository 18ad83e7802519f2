"""Downloader middlewares: retries that wait as the server asks. (The known-article check lives with the
store, `crawler.store.known`.)"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response

logger = logging.getLogger(__name__)


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
