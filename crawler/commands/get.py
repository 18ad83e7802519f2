"""`saring get URL...`: fetch and clean pages now, politely, through the same Scrapy machinery as
`scrapy crawl news` (robots.txt, the crawl's user agent, retries, throttling), and print their records.

The news spider runs in this process (a `CrawlerProcess` with the project's settings, found through
`SCRAPY_SETTINGS_MODULE=crawler.settings`, so any working directory will do). Nothing is stored unless
`--db` names a store; the crawl monitors do not judge a handful of URLs.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit


class _Reasons(logging.Handler):
    """The last log message (INFO and up) that names each URL: why it gave no record."""

    def __init__(self, urls: list[str]) -> None:
        super().__init__(logging.INFO)
        self.urls = urls
        self.found: dict[str, str] = {}

    def emit(self, record: logging.LogRecord) -> None:
        # The spiders' and pipelines' messages, and Scrapy's word on dropped items.
        if not record.name.startswith(("crawler.", "scrapy.core.scraper")):
            return
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return
        for url in self.urls:
            if url in message:
                self.found[url] = " ".join(re.sub(re.escape(url) + r"\S*", "", message).split()).strip(" :")


def _setting(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"-s takes NAME=VALUE, not {text!r}")
    return name, value


def run(args: argparse.Namespace) -> int:
    bad = [url for url in args.urls if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname]
    if bad:
        print(f"saring get: not an http(s) URL: {bad[0]}", file=sys.stderr)
        return 2
    os.environ["SCRAPY_SETTINGS_MODULE"] = "crawler.settings"  # the project, whatever the working directory
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    settings.setdict({"SARING_DB": args.db or None, "SPIDERMON_ENABLED": False, "SARING_STATS_FILE": None,
                      "LOG_LEVEL": "INFO" if args.verbose else "WARNING"}, priority="cmdline")
    if args.mirror:
        from .mirror import _testing

        _testing()  # the mirror's middleware lives in the checkout's testing/
        settings.set("MIRROR_URL", args.mirror, priority="cmdline")
    for name, value in args.set or []:
        settings.set(name, value, priority="cmdline")

    out = open(args.output, "w", encoding="utf-8") if args.output not in (None, "-") else sys.stdout  # noqa: SIM115
    got: set[str] = set()

    def scraped(item, response, spider) -> None:
        record = dict(item)
        got.add(response.meta.get("article_url") or record.get("url"))  # the URL as given (base.article_request)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()

    reasons = _Reasons(list(args.urls))
    logging.getLogger().addHandler(reasons)
    with tempfile.TemporaryDirectory(prefix="saring-get-") as work:
        url_file = Path(work) / "urls.txt"
        url_file.write_text("\n".join(args.urls) + "\n", encoding="utf-8")
        try:
            process = CrawlerProcess(settings)
            crawler = process.create_crawler("news")
            crawler.signals.connect(scraped, signal=signals.item_scraped)
            process.crawl(crawler, url_file=str(url_file))
            process.start()
        finally:
            logging.getLogger().removeHandler(reasons)
            if out is not sys.stdout:
                out.close()
    missing = [url for url in dict.fromkeys(args.urls) if url not in got]
    for url in missing:
        print(f"saring get: no record for {url}: {reasons.found.get(url) or 'see the log (-v)'}", file=sys.stderr)
    print(f"saring get: {len(got)} record(s) from {len(set(args.urls))} URL(s)", file=sys.stderr)
    return 1 if missing else 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "get", help="fetch and clean URLs now, as a crawl would",
        description="Fetch pages politely through the news spider (robots.txt, the crawl's user agent and "
                    "retries) and print one record per page as JSONL. Exit status 1 when a URL gave no record "
                    "(the reason is on stderr), 2 for usage errors.")
    p.add_argument("urls", nargs="+", metavar="URL")
    p.add_argument("-o", "--output", metavar="OUT.jsonl", help="write the records here (default: standard output)")
    p.add_argument("--mirror", metavar="URL", help="fetch through the offline mirror (saring mirror) at this URL")
    p.add_argument("--db", metavar="PATH", help="also put the records into this article store")
    p.add_argument("-s", "--set", action="append", type=_setting, metavar="NAME=VALUE",
                   help="a Scrapy setting, as for scrapy crawl (e.g. -s SARING_CONTACT=you@example.org)")
    p.add_argument("-v", "--verbose", action="store_true", help="Scrapy's log at INFO level")
    p.set_defaults(func=run)
