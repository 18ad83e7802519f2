"""Downloader middlewares: what may be fetched at all, complete bodies only, and retries that wait as the
server asks. (The known-article check lives with the store, `crawler.store.known`.)

- `RequestGuardMiddleware` checks every request before anything else sees it (robots.txt, the store,
  the download), redirects and retries included: only http(s), only the spider's hosts (`RequestPolicy`),
  no loopback or private address that the user did not give. Refusals are counted as
  `saring/refused/<reason>` (`scheme`, `private`, `offsite`).
- `StrictHttpCompressionMiddleware` decompresses as Scrapy's does, but a body cut short (or corrupt) is
  flagged, not passed on as a shorter page; `RetryAfterMiddleware` retries it, then drops it as
  `saring/dropped/truncated`.
- `RetryAfterMiddleware` waits before every retry: `Retry-After` when a 429/503 gives a usable one, else
  (and after timeouts, resets and refused connections) an exponential backoff.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import ipaddress
import logging
import re
import socket
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest, ResponseDataLossError
from scrapy.http import Request, Response
from scrapy.utils._compression import _DecompressionMaxSizeExceeded

logger = logging.getLogger(__name__)

SCHEMES = {"http": 80, "https": 443}
#: Response flags of a body that is not the whole page (Scrapy's `dataloss`, ours `truncated`).
INCOMPLETE = {"dataloss", "truncated"}


class Refused(IgnoreRequest):
    """A request the crawl must not make (counted as `saring/refused/<reason>`)."""


class Truncated(IgnoreRequest):
    """A body that stayed incomplete after every retry (counted as `saring/dropped/truncated`)."""


# ------------------------------------------------------------------------------------------ what may be fetched

def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host names literally, in any form a resolver accepts (`127.1`, `0x7f000001`,
    `2130706433`, `[::ffff:127.0.0.1]`), or None for a name."""
    host = host.strip("[]")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if not re.fullmatch(r"[0-9a-fx.]+", host):
            return None
        try:
            address = ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def is_private_host(host: str) -> bool:
    """Loopback, private, link-local, reserved or unspecified addresses, and `localhost` names: judged on the
    URL's host as written (a public name that resolves to a private address is not caught here)."""
    host = host.lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    address = _ip(host)
    return address is not None and not address.is_global


def _host_port(entry: str) -> tuple[str, int | None]:
    """`host` or `host:port` (an IPv6 host in brackets) from a user's list."""
    parts = urlsplit(f"//{entry.strip()}")
    try:
        port = parts.port
    except ValueError:
        port = None
    return (parts.hostname or "").rstrip("."), port


@dataclass(frozen=True)
class RequestPolicy:
    """Which URLs a spider may fetch: http(s) only; a host in `domains` (or a subdomain of one), matching
    one of `patterns` (full-match regexes), or named exactly in `hosts`; on the scheme's default port
    unless the exact `(host, port)` is in `origins`. Loopback and private addresses only when named
    exactly (`hosts`, `origins`)."""

    domains: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    hosts: frozenset[str] = frozenset()
    origins: frozenset[tuple[str, int]] = frozenset()
    _compiled: tuple[re.Pattern[str], ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_compiled", tuple(re.compile(p) for p in self.patterns))

    @classmethod
    def for_urls(cls, urls: list[str], widen: list[str] = ()) -> RequestPolicy:
        """The hosts of `urls` (each with its `www.` twin; a loopback or private address only on its own port),
        plus `widen` entries (`example.com`: it and its subdomains; `host:port`: that origin only)."""
        hosts, origins, domains = set(), set(), []
        for url in urls:
            parts = urlsplit(url)
            host = (parts.hostname or "").rstrip(".")
            if not host or parts.scheme not in SCHEMES:
                continue
            try:
                port = parts.port or SCHEMES[parts.scheme]
            except ValueError:
                continue
            origins.add((host, port))
            if not is_private_host(host):  # a loopback or private address: that origin only
                hosts.add(host)
                if not _ip(host):
                    hosts.add(host[4:] if host.startswith("www.") else f"www.{host}")
        for entry in widen:
            host, port = _host_port(entry)
            if port:
                origins.add((host, port))
            elif host:
                hosts.add(host)
                if not _ip(host):
                    domains.append(host)
        return cls(domains=tuple(domains), hosts=frozenset(hosts), origins=frozenset(origins))

    def refusal(self, url: str) -> str | None:
        """None when the URL may be fetched, else why not: `scheme`, `private` or `offsite`."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in SCHEMES:
            return "scheme"
        host = (parts.hostname or "").rstrip(".")
        try:
            port = parts.port or SCHEMES[scheme]
        except ValueError:
            return "offsite"
        if not host:
            return "offsite"
        if (host, port) in self.origins:
            return None
        if is_private_host(host) and host not in self.hosts:
            return "private"
        if port != SCHEMES[scheme]:
            return "offsite"
        if (host in self.hosts or any(host == d or host.endswith("." + d) for d in self.domains)
                or any(p.fullmatch(host) for p in self._compiled)):
            return None
        return "offsite"


class RequestGuardMiddleware:
    """Refuses every request its spider's `request_policy` (a `RequestPolicy`) does not allow, before
    robots.txt, the store or the network see it. Scrapy's redirects and retries are new requests that pass
    here again; a redirect to a scheme Scrapy does not follow (`file:`) is refused on the response."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self._logged: set[tuple[str, str]] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RequestGuardMiddleware:
        return cls(crawler)

    @property
    def policy(self) -> RequestPolicy:
        spider: Spider | None = self.crawler.spider
        return getattr(spider, "request_policy", None) or RequestPolicy()

    def refuse(self, url: str, reason: str, what: str = "request") -> Refused:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"saring/refused/{reason}")
        host = urlsplit(url).hostname or url[:40]
        level = logging.DEBUG if (reason, host) in self._logged else logging.WARNING
        self._logged.add((reason, host))
        logger.log(level, "refused %s %s (%s: not one of the spider's hosts, or not http(s))", what, url, reason)
        return Refused(f"refused ({reason}): {url}")

    def process_request(self, request: Request) -> None:
        reason = self.policy.refusal(request.url)
        if reason:
            raise self.refuse(request.url, reason)

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get(b"Location")
        if 300 <= response.status < 400 and location:
            target = urljoin(request.url, location.decode("latin-1").strip())
            reason = self.policy.refusal(target)
            if reason:
                raise self.refuse(target, reason, f"redirect from {request.url} to")
        return response


# ----------------------------------------------------------------------------------------------- whole bodies

class _Incomplete(Exception):
    pass


def _zlib_strict(data: bytes, wbits: int, max_size: int) -> bytes:
    """Inflate every member of a gzip/zlib stream; raise _Incomplete unless the last one ends properly."""
    out, size = [], 0
    while True:
        decompressor = zlib.decompressobj(wbits)
        chunk = decompressor.decompress(data, 65536)
        while True:
            size += len(chunk)
            if max_size and size > max_size:
                raise _DecompressionMaxSizeExceeded(size, max_size)
            out.append(chunk)
            if not decompressor.unconsumed_tail:
                break
            chunk = decompressor.decompress(decompressor.unconsumed_tail, 65536)
        if not decompressor.eof:
            raise _Incomplete("the compressed body ends before its end of stream")
        data = decompressor.unused_data
        if not data.strip(b"\0"):
            return b"".join(out)


class StrictHttpCompressionMiddleware(HttpCompressionMiddleware):
    """Scrapy's HttpCompressionMiddleware returns whatever a cut gzip stream inflates to, so a truncated
    transfer became a shorter article. Here a gzip or deflate body must end with its end-of-stream marker
    (and checksum), a brotli or zstd one must finish; otherwise the response is flagged `truncated`, its
    body left as it came, for `RetryAfterMiddleware` to retry."""

    def _decode(self, body: bytes, encoding: bytes, max_size: int) -> bytes:  # type: ignore[override]
        try:
            if encoding in (b"gzip", b"x-gzip"):
                return _zlib_strict(body, 16 + zlib.MAX_WBITS, max_size)
            if encoding == b"deflate":
                try:
                    return _zlib_strict(body, zlib.MAX_WBITS, max_size)
                except zlib.error:
                    return _zlib_strict(body, -zlib.MAX_WBITS, max_size)  # raw deflate, as some servers send
            if encoding == b"br":
                return self._brotli(body, max_size)
            if encoding == b"zstd":
                return self._zstd(body, max_size)
        except zlib.error as exc:
            raise _Incomplete(f"corrupt {encoding.decode()} body: {exc}") from exc
        return super()._decode(body, encoding, max_size)

    @staticmethod
    def _brotli(body: bytes, max_size: int) -> bytes:
        from scrapy.utils._compression import brotli

        decompressor = brotli.Decompressor()
        try:
            out = decompressor.process(body)
        except brotli.error as exc:
            raise _Incomplete(f"corrupt br body: {exc}") from exc
        if max_size and len(out) > max_size:
            raise _DecompressionMaxSizeExceeded(len(out), max_size)
        if not decompressor.is_finished():
            raise _Incomplete("the compressed body ends before its end of stream")
        return out

    @staticmethod
    def _zstd(body: bytes, max_size: int) -> bytes:
        from scrapy.utils._compression import zstd

        out = []
        while True:
            decompressor = zstd.ZstdDecompressor()
            try:
                out.append(decompressor.decompress(body))
            except zstd.ZstdError as exc:
                raise _Incomplete(f"corrupt zstd body: {exc}") from exc
            if max_size and sum(map(len, out)) > max_size:
                raise _DecompressionMaxSizeExceeded(sum(map(len, out)), max_size)
            if not decompressor.eof:
                raise _Incomplete("the compressed body ends before its end of stream")
            body = decompressor.unused_data
            if not body:
                return b"".join(out)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        try:
            return super().process_response(request, response)
        except _Incomplete as exc:
            logger.warning("incomplete body from %s: %s", response.url, exc)
            return response.replace(flags=[*response.flags, "truncated"])


# -------------------------------------------------------------------------------------------------- retries

def retry_after_seconds(value: str, now: float | None = None) -> float | None:
    """The wait a `Retry-After` value asks for, or None when it gives none that can be used: anything but
    ASCII digits or an HTTP date, and a date that is not in the future."""
    value = value.strip()
    if re.fullmatch(r"[0-9]+", value):
        return float(value) if len(value) <= 9 else float("inf")
    if not re.search(r"[A-Za-z]{3}", value):  # "-5", "1.5": no date either
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000": a date in UTC
        when = when.replace(tzinfo=dt.UTC)
    delay = when.timestamp() - (time.time() if now is None else now)
    return delay if delay > 0 else None


class RetryAfterMiddleware(RetryMiddleware):
    """Retries as Scrapy's RetryMiddleware does (RETRY_HTTP_CODES, RETRY_EXCEPTIONS, RETRY_TIMES), but first
    waits: `Retry-After` when a 429/503 gives a usable one (capped by RETRY_AFTER_MAX), else an exponential
    backoff from RETRY_BACKOFF_BASE seconds (doubling per retry, same cap), also after timeouts, resets and
    refused connections. A body flagged incomplete (`truncated`, `dataloss`) is retried the same way."""

    def __init__(self, settings) -> None:
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 120.0)

    def backoff(self, request: Request) -> float:
        return min(self.backoff_base * (2 ** request.meta.get("retry_times", 0)), self.retry_after_max)

    def delay_for(self, request: Request, response: Response) -> float:
        header = response.headers.get(b"Retry-After")
        if response.status in (429, 503) and header:
            seconds = retry_after_seconds(header.decode("latin-1"))
            if seconds is not None:
                return min(seconds, self.retry_after_max)
            logger.info("unusable Retry-After %r from %s; backing off instead", header[:40], response.url)
        return self.backoff(request)

    async def _wait(self, delay: float) -> None:
        if delay > 0:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("saring/retry_wait_seconds", int(round(delay)))
            await asyncio.sleep(delay)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry", False):
            return response
        incomplete = INCOMPLETE.intersection(response.flags)
        if incomplete:
            retry = self._retry(request, "incomplete body")
            if retry is None:
                assert self.crawler.stats is not None
                self.crawler.stats.inc_value("saring/dropped/truncated")
                raise Truncated(f"incomplete body ({', '.join(sorted(incomplete))}) after every retry: {request.url}")
            await self._wait(self.backoff(request))
            return retry
        if response.status not in self.retry_http_codes:
            return response
        retry = self._retry(request, f"{response.status}")
        if retry is None:
            return response
        await self._wait(self.delay_for(request, response))
        return retry

    async def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:
        if request.meta.get("dont_retry", False) or not isinstance(exception, self.exceptions_to_retry):
            return None
        retry = self._retry(request, exception)
        if retry is None:
            if isinstance(exception, ResponseDataLossError):
                assert self.crawler.stats is not None
                self.crawler.stats.inc_value("saring/dropped/truncated")
            return None
        await self._wait(self.backoff(request))
        return retry

