"""`scrapy crawl`, exiting with status 3 when a crawl monitor failed (crawler.monitors), so that a cron job
learns of a layout change from the exit status."""

from __future__ import annotations

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler

from ..monitors import MONITOR_FAILED_EXIT


class Command(ScrapyCrawl):
    def short_desc(self) -> str:
        return "Run a spider of the current project, by name (exit status 3 when a monitor failed)"

    def _create_crawler(self, spidercls) -> Crawler:
        self._crawler = super()._create_crawler(spidercls)
        return self._crawler

    def run(self, args, opts) -> None:
        self._crawler: Crawler | None = None
        super().run(args, opts)
        stats = self._crawler.stats if self._crawler is not None else None
        if self.exitcode == 0 and stats is not None and stats.get_value("saring/monitor/failed"):
            self.exitcode = MONITOR_FAILED_EXIT
