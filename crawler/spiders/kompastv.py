"""Kompas TV: its RSS feed (sites.md §3: no index page or sitemap is documented, so a date range reaches
only as far back as the feed does)."""

from __future__ import annotations

from collections.abc import Iterable

import scrapy
from scrapy.http import Response

from .base import ArticleSpider, rss_items


class KompastvSpider(ArticleSpider):
    name = "kompastv"
    profile_name = "kompastv"
    allowed_domains = ["kompas.tv"]
    rss_url = "https://www.kompas.tv/rss"

    def latest_requests(self) -> Iterable[scrapy.Request]:
        yield self.listing_request(self.rss_url, self.parse_feed)

    def parse_feed(self, response: Response):
        for link, day in rss_items(response):
            if self.in_window(day):
                yield self.article_request(link)
