"""JatimTIMES network: each host's /sitemap.xml for the latest, the paged /sitemap/allNews/<n>.xml archive
for date ranges (sites.md §4.5).

Arguments (`-a name=value`): those of every Saring spider (`crawler.spiders.base`): `since`, `until`,
`urls`, `url_file`, `refresh`, and `hosts=a.com,b.com`: the network sites to
crawl (default jatimtimes.com and www.malangtimes.com; the hosts named are fetched besides the family's own).
A `/sitemap.xml` that is a sitemap index is followed to its children (see `crawler.spiders.base`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from functools import cached_property
from typing import Any

import scrapy
from scrapy.http import Response

from ..arguments import ArgumentProblem
from ..middlewares import RequestPolicy
from .base import ArticleSpider, sitemap_children, sitemap_items

DEFAULT_HOSTS = ("jatimtimes.com", "www.malangtimes.com")
HOST = re.compile(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


class JatimtimesSpider(ArticleSpider):
    name = "jatimtimes"
    profile_name = "jatimtimes"
    allowed_domains = ["jatimtimes.com", "malangtimes.com"]
    #: Archive pages walked at most (150 articles each).
    max_archive_pages = 200

    def __init__(self, hosts: str | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.hosts = [h.strip() for h in hosts.split(",") if h.strip()] if hosts else list(DEFAULT_HOSTS)
        for host in self.hosts:
            if not HOST.fullmatch(host):
                raise ArgumentProblem(f"-a hosts= takes host names separated by commas (e.g. jatimtimes.com,"
                                      f"www.malangtimes.com), and {host!r} is not one")

    @cached_property
    def request_policy(self) -> RequestPolicy:
        policy = super().request_policy
        return replace(policy, hosts=policy.hosts | {h.lower() for h in self.hosts})

    def latest_requests(self) -> Iterable[scrapy.Request]:
        for host in self.hosts:
            yield self.listing_request(f"https://{host}/sitemap.xml", self.parse_sitemap)

    def parse_sitemap(self, response: Response):
        children = sitemap_children(response)
        if children is not None:
            yield from self.follow_sitemap_index(response, children, self.parse_sitemap)
            return
        for loc, day in sitemap_items(response):
            if self.in_window(day):
                yield self.article_request(loc)

    def range_requests(self) -> Iterable[scrapy.Request]:
        for host in self.hosts:
            yield self.listing_request(f"https://{host}/sitemap/allNews/1.xml", self.parse_archive, host=host, n=1)

    def parse_archive(self, response: Response):
        items = sitemap_items(response)
        for loc, day in items:
            if self.in_window(day):
                yield self.article_request(loc)
        dated = [day for _, day in items if day]
        # Newest first: once a page reaches past `since`, older pages hold nothing for the window.
        if items and (not dated or min(dated) >= self.since) and response.meta["n"] < self.max_archive_pages:
            n = response.meta["n"] + 1
            host = response.meta["host"]
            yield self.listing_request(f"https://{host}/sitemap/allNews/{n}.xml", self.parse_archive, host=host, n=n)
