"""Tribunnews (www, m., AMP, regional): the RSS feed for the latest, the daily index for date ranges
(shared/research/sites.md §1.5).

Arguments (`-a name=value`): those of every Saring spider (`crawler.spiders.base`): `since`, `until`,
`urls`, `url_file`, `refresh`; `since` walks the daily index pages."""

from __future__ import annotations

from collections.abc import Iterable

import scrapy
from scrapy.http import Response

from .base import FeedSpider


class TribunnewsSpider(FeedSpider):
    name = "tribunnews"
    profile_name = "tribunnews"
    allowed_domains = ["tribunnews.com"]
    feed_urls = ("https://www.tribunnews.com/rss",)
    index_url = "https://www.tribunnews.com/index-news?date={d.year}-{d.month}-{d.day}"

    def range_requests(self) -> Iterable[scrapy.Request]:
        for day in self.walk_days():  # newest first; stop once past `since`
            yield self.listing_request(self.index_url.format(d=day), self.parse_index, day=day)

    def parse_index(self, response: Response):
        links = response.css("ul.lsi li.ptb15 h3 a::attr(href), li.ptb15 h3 a::attr(href)").getall()
        if not links and not response.css("ul.lsi, div.paging"):
            raise ValueError("no index list (ul.lsi) on the page")
        for link in dict.fromkeys(links):
            yield self.article_request(response.urljoin(link))
        following = response.xpath("//div[contains(@class, 'paging')]//a[normalize-space()='Next' or @rel='next']"
                                   "/@href").get()
        if following:
            yield self.listing_request(response.urljoin(following), self.parse_index, day=response.meta.get("day"))
