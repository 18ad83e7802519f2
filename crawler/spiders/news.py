"""Any news URLs (`-a urls=` or `-a url_file=`, required): a family's profile when one matches, the generic
path otherwise. Also takes `refresh=1`, and `allow_hosts=a.com,b.com:8080`.

What is fetched: only the hosts of the given URLs (each with its `www.` twin), on their default ports, or
the exact `host:port` of a given URL; a loopback or private address (127.0.0.1, 10.x, localhost) only as the
exact `host:port` a given URL names. Redirects elsewhere, `file:`/`ftp:`/`data:` URLs and other ports are
refused and counted (`saring/refused/<reason>`). `allow_hosts=` widens this: `a.com` allows a.com and its
subdomains, `b.com:8080` that origin only."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

import scrapy

from ..arguments import ArgumentProblem
from ..middlewares import RequestPolicy
from .base import ArticleSpider


class NewsSpider(ArticleSpider):
    name = "news"

    def __init__(self, *args, allow_hosts: str | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.given_urls:
            raise ArgumentProblem("the news spider needs the pages to fetch: -a urls=URL,URL or -a url_file=PATH")
        self.allow_hosts = [h.strip() for h in (allow_hosts or "").split(",") if h.strip()]

    @cached_property
    def request_policy(self) -> RequestPolicy:
        return RequestPolicy.for_urls(self.given_urls, self.allow_hosts)

    def latest_requests(self) -> Iterable[scrapy.Request]:
        return []
