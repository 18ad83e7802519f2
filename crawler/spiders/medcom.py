"""Medcom.id: its RSS feed (sites.md §2: no index pages or sitemaps are documented, so a date range reaches
only as far back as the feed does)."""

from __future__ import annotations

from collections.abc import Iterable

import scrapy
from scrapy.http import Response

from .base import ArticleSpider, rss_items


class MedcomSpider(ArticleSpider):
    name = "medcom"
    profile_name = "medcom"
    allowed_domains = ["medcom.id"]
    rss_url = "https://www.medcom.id/rss"

    def latest_requests(self) -> Iterable[scrapy.Request]:
        yield self.listing_request(self.rss_url, self.parse_feed)

    def parse_feed(self, response: Response):
        for link, day in rss_items(response):
            if self.in_window(day):
                yield self.article_request(link)
