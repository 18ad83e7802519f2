"""Medcom.id: its RSS feed (sites.md §2: no index pages or sitemaps are documented, so a date range reaches
only as far back as the feed does).

Arguments (`-a name=value`): those of every Saring spider (`crawler.spiders.base`): `since`, `until`,
`urls`, `url_file`, `refresh`.
"""

from .base import FeedSpider


class MedcomSpider(FeedSpider):
    name = "medcom"
    profile_name = "medcom"
    allowed_domains = ["medcom.id"]
    feed_urls = ("https://www.medcom.id/rss",)
