"""Kompas.com (www and the channel subdomains): the daily index `indeks.kompas.com` for the latest articles
and for date ranges (shared/research/sites.md §3b). No RSS feed or sitemap is documented for the site.

Arguments (`-a name=value`): those of every Saring spider (`crawler.spiders.base`): `since`, `until`,
`urls`, `url_file`, `refresh`. Without `since`, the index of the latest articles (`?site=all`) is read; with
`since`, the index of each day from `until` back to `since` (`?site=all&date=YYYY-MM-DD`). Either way an
index is read page after page (`&page=N`) until a page lists nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from urllib.parse import urlencode

import scrapy
from scrapy.http import Response

from .base import ArticleSpider

INDEX_URL = "https://indeks.kompas.com/"
#: Article links of an index page (sites.md §3b).
INDEX_LINKS = ".latest--indeks a.article__link::attr(href)"


class KompasSpider(ArticleSpider):
    name = "kompas"
    profile_name = "kompas"
    allowed_domains = ["kompas.com"]
    #: Index pages read at most per day (the site lists a few hundred articles a day, 15 or so a page).
    max_index_pages = 100

    @staticmethod
    def index_url(day: dt.date | None = None, page: int = 1) -> str:
        params = {"site": "all"}
        if day is not None:
            params["date"] = day.isoformat()
        if page > 1:
            params["page"] = str(page)
        return f"{INDEX_URL}?{urlencode(params)}"

    def latest_requests(self) -> Iterable[scrapy.Request]:
        yield self.listing_request(self.index_url(), self.parse_index, day=None, page=1)

    def range_requests(self) -> Iterable[scrapy.Request]:
        for day in self.walk_days():  # newest first; stop once past `since`
            yield self.listing_request(self.index_url(day), self.parse_index, day=day.isoformat(), page=1)

    def parse_index(self, response: Response):
        page = response.meta["page"]
        links = [response.urljoin(link.strip()) for link in response.css(INDEX_LINKS).getall() if link.strip()]
        if not links and page == 1 and not response.css(".latest--indeks"):
            # A day's first page always lists something: without the list, the layout has changed.
            raise ValueError("no index list (.latest--indeks) on the page")
        for link in dict.fromkeys(links):
            yield self.article_request(link)
        if links and page < self.max_index_pages:  # a page that lists nothing ends the index
            day = response.meta["day"]
            url = self.index_url(dt.date.fromisoformat(day) if day else None, page + 1)
            yield self.listing_request(url, self.parse_index, day=day, page=page + 1)
