"""Crawl monitors: a layout change fails the run, so that a cron job learns of it from the exit status.

- `FieldStatsPipeline` counts, per site family and field, the items that have the field:
  `saring/fields/<site>/<field>` (`generic` for the generic path); the family's item count is
  `saring/items/site/<site>`. Fields: those of `FIELDS`, and `published_time` for a `published` with a time.
- `SaringMonitors` is a Spidermon suite run when the spider closes. For every family with at least
  `SARING_MONITOR_MIN_ITEMS` items it checks:
    * the fallback share (items of the family that went through the generic path, `saring/fallbacks/<site>`)
      is at most `SARING_MONITOR_MAX_FALLBACK_SHARE`;
    * each field of `SARING_MONITOR_MIN_FIELDS` (e.g. `{"title": 1.0, "published": 0.5}`) is present in at
      least that share of the family's items.
  The generic path is no family and is not judged.
- When a check fails, `FailRun` logs the reasons as an error and puts them in the stats
  (`saring/monitor/failed`: how many checks failed, `saring/monitor/reasons`: one line each; the stats file
  of `SARING_STATS_FILE` has them), and `scrapy crawl` exits with status 3 (`crawler.scrapycommands.crawl`).

Spidermon (scrapinghub's monitoring framework for Scrapy) runs the suite; the thresholds are ordinary
settings, so `-s SARING_MONITOR_MAX_FALLBACK_SHARE=0.1` or a spider's `custom_settings` tune them.
"""

from __future__ import annotations

import logging
import re
import warnings
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import ScrapyDeprecationWarning
from spidermon import Monitor, MonitorSuite, monitors
from spidermon.core.actions import Action

logger = logging.getLogger(__name__)

# Spidermon 1.27 logs through Spider.log(), which Scrapy 2.19 deprecates: one warning per crawl, not ours to fix.
warnings.filterwarnings("ignore", message=r"Spider\.log\(\) is deprecated", category=ScrapyDeprecationWarning,
                        module=r"spidermon\.")

#: The record fields counted per family (`published_time`: a `published` that has a time of day).
FIELDS = ("title", "summary", "authors", "editors", "published", "published_time", "updated", "section", "tags",
          "image_url", "image_caption", "source", "language")

#: Exit status of `scrapy crawl` when a monitor failed (1 stays Scrapy's own: the crawl could not start).
MONITOR_FAILED_EXIT = 3


def present(item: dict[str, Any], field: str) -> bool:
    if field == "published_time":
        published = item.get("published") or ""
        return len(published) > 10 and "T" in published
    value = item.get(field)
    return bool(value.strip()) if isinstance(value, str) else bool(value)


class FieldStatsPipeline:
    """`saring/fields/<site>/<field>`: how many of the family's items have the field."""

    def __init__(self, crawler: Crawler) -> None:
        assert crawler.stats is not None
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FieldStatsPipeline:
        return cls(crawler)

    def process_item(self, item: dict) -> dict:
        site = item.get("site") or "generic"
        for field in FIELDS:
            if present(item, field):
                self.stats.inc_value(f"saring/fields/{site}/{field}")
        return item


def families(stats: dict[str, Any], min_items: int) -> dict[str, int]:
    """Item counts of the profile families with at least `min_items` items."""
    found = {}
    for key, value in stats.items():
        if key.startswith("saring/items/site/") and isinstance(value, int):
            site = key.removeprefix("saring/items/site/")
            if site != "generic" and value >= max(1, min_items):
                found[site] = value
    return dict(sorted(found.items()))


class _SaringMonitor(Monitor):
    @property
    def settings(self):
        return self.data.crawler.settings

    def families(self) -> dict[str, int]:
        return families(self.data.stats, self.settings.getint("SARING_MONITOR_MIN_ITEMS", 1))


@monitors.name("Saring fallback share")
class FallbackShareMonitor(_SaringMonitor):
    @monitors.name("fallback share per family")
    def test_fallback_share(self):
        limit = self.settings.getfloat("SARING_MONITOR_MAX_FALLBACK_SHARE", 0.2)
        breaches = []
        for site, count in self.families().items():
            share = self.data.stats.get(f"saring/fallbacks/{site}", 0) / count
            if share > limit:
                breaches.append(f"{site}: {share:.0%} of {count} items fell back to the generic path "
                                f"(SARING_MONITOR_MAX_FALLBACK_SHARE={limit:g})")
        self.assertFalse(breaches, msg="; ".join(breaches))


@monitors.name("Saring field completeness")
class FieldCompletenessMonitor(_SaringMonitor):
    @monitors.name("required fields per family")
    def test_required_fields(self):
        required = self.settings.getdict("SARING_MONITOR_MIN_FIELDS")
        unknown = sorted(set(required) - set(FIELDS))
        self.assertFalse(unknown, msg=f"SARING_MONITOR_MIN_FIELDS names unknown fields: {', '.join(unknown)} "
                                      f"(known: {', '.join(FIELDS)})")
        breaches = []
        for site, count in self.families().items():
            for field, minimum in sorted(required.items()):
                share = self.data.stats.get(f"saring/fields/{site}/{field}", 0) / count
                if share < float(minimum):
                    breaches.append(f"{site}: {field} in {share:.0%} of {count} items "
                                    f"(SARING_MONITOR_MIN_FIELDS wants {float(minimum):.0%})")
        self.assertFalse(breaches, msg="; ".join(breaches))


def _reason(error: str | None) -> str:
    """The assertion message out of a monitor's traceback."""
    lines = [line for line in (error or "").strip().splitlines() if line.strip()]
    last = lines[-1] if lines else "failed"
    match = re.match(r"^AssertionError: (?:.*? : )?(.*)$", last)
    return match.group(1) if match else last


class FailRun(Action):
    """Mark the run failed: the reasons in the log and the stats; `scrapy crawl` then exits with 3."""

    def run_action(self):
        reasons = []
        for result in self.result.monitors_failed_results:
            for line in _reason(result.error).split("; "):
                reasons.append(f"{result.monitor.monitor_name}: {line}")
        stats = self.data.crawler.stats
        stats.set_value("saring/monitor/failed", len(reasons))
        stats.set_value("saring/monitor/reasons", reasons)
        for reason in reasons:
            logger.error("monitor failed: %s", reason)


class PassRun(Action):
    """Record that the monitors ran and passed (`saring/monitor/failed` = 0)."""

    def run_action(self):
        self.data.crawler.stats.set_value("saring/monitor/failed", 0)


class SaringMonitors(MonitorSuite):
    monitors = [FallbackShareMonitor, FieldCompletenessMonitor]
    monitors_passed_actions = [PassRun]
    monitors_failed_actions = [FailRun]
