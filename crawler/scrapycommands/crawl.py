"""`scrapy crawl` (and `saring crawl`, which runs it), exiting with status 3 when a crawl monitor failed
(crawler.monitors), so that a cron job learns of a layout change from the exit status, and 1 when the store
failed during the crawl (crawler.store.known.fail_crawl).

The spider's name and its `-a` arguments are checked first, before anything starts (before Scrapy's
start-up log, too): a problem is one line on standard error, naming the argument and the form it takes,
and exit status 2; no traceback, nothing fetched or written (`crawler.arguments`)."""

from __future__ import annotations

import argparse
import os
import sys

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.crawler import Crawler
from scrapy.spiderloader import get_spider_loader

from ..arguments import spider_argument_problem
from ..monitors import MONITOR_FAILED_EXIT
from ..store.known import STORE_FAILED

#: The environment variable `saring crawl` sets to its own name, for the messages.
PROG = "SARING_CRAWL_PROG"


class Command(ScrapyCrawl):
    def short_desc(self) -> str:
        return "Run a spider of the current project, by name (exit status 3 when a monitor failed)"

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)  # parses -a into opts.spargs, -o/-O into FEEDS
        if len(args) == 1:
            problem = self._problem(args[0], opts.spargs)
            if problem:
                command = os.environ.get(PROG, "scrapy crawl")  # `saring crawl` says its own name
                print(f"{command} {args[0]}: {problem}", file=sys.stderr)
                raise SystemExit(2)

    def _problem(self, name: str, arguments: dict[str, str]) -> str | None:
        assert self.settings is not None
        loader = get_spider_loader(self.settings)
        try:
            spidercls = loader.load(name)
        except KeyError:
            return f"no such spider; the spiders: {', '.join(sorted(loader.list()))}"
        return spider_argument_problem(spidercls, arguments)

    def _create_crawler(self, spidercls) -> Crawler:
        self._crawler = super()._create_crawler(spidercls)
        return self._crawler

    def run(self, args, opts) -> None:
        self._crawler: Crawler | None = None
        super().run(args, opts)
        stats = self._crawler.stats if self._crawler is not None else None
        if self.exitcode == 0 and stats is not None and stats.get_value(STORE_FAILED):
            self.exitcode = 1  # the store failed during the crawl (crawler.store.known.fail_crawl)
        if self.exitcode == 0 and stats is not None and stats.get_value("saring/monitor/failed"):
            self.exitcode = MONITOR_FAILED_EXIT
