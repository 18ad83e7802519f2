"""Kompas TV: its RSS feed (sites.md §3: no index page or sitemap is documented, so a date range reaches
only as far back as the feed does).

Arguments (`-a name=value`): those of every Saring spider (`crawler.spiders.base`): `since`, `until`,
`urls`, `url_file`, `refresh`.
"""

from .base import FeedSpider


class KompastvSpider(FeedSpider):
    name = "kompastv"
    profile_name = "kompastv"
    allowed_domains = ["kompas.tv"]
    feed_urls = ("https://www.kompas.tv/rss",)
