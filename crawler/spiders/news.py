"""Any news URLs (`-a urls=` or `-a url_file=`, required): a family's profile when one matches, the generic
path otherwise. Also takes `refresh=1`."""

from __future__ import annotations

from collections.abc import Iterable

import scrapy

from .base import ArticleSpider


class NewsSpider(ArticleSpider):
    name = "news"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.given_urls:
            raise ValueError("the news spider needs -a urls=URL,URL or -a url_file=PATH")

    def latest_requests(self) -> Iterable[scrapy.Request]:
        return []
