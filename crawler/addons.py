"""Scrapy add-ons: settings that follow from other settings, so that spiders never rewire the crawl.

- `RedisFrontier`: with `-s REDIS_URL=redis://host:port/db`, spiders on any number of machines share one
  request queue and dupefilter in Redis (scrapy-redis); items then go to the Redis list `<spider>:items`
  (`crawler.pipelines.RedisItemsPipeline`) instead of SQLite, and `saring ingest` stores them.
- `OfflineMirror`: with `-s MIRROR_URL=http://127.0.0.1:PORT`, requests go through the offline mirror
  (`saring mirror`, development tooling in `testing/`); without it nothing of the mirror is loaded. The
  mirror is on this machine, so the politeness delays are lifted (`DOWNLOAD_DELAY` 0, no AutoThrottle)
  unless they are set on the command line (`-s DOWNLOAD_DELAY=0.5`).
"""

from __future__ import annotations

from scrapy.settings import BaseSettings


class RedisFrontier:
    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get("REDIS_URL"):
            return
        settings.set("SCHEDULER", "scrapy_redis.scheduler.Scheduler", priority="addon")
        settings.set("DUPEFILTER_CLASS", "scrapy_redis.dupefilter.RFPDupeFilter", priority="addon")
        settings.set("SCHEDULER_PERSIST", True, priority="addon")


class OfflineMirror:
    def update_settings(self, settings: BaseSettings) -> None:
        if settings.get("MIRROR_URL"):
            # Before Scrapy's HttpProxyMiddleware (750), which then tunnels to the mirror.
            settings["DOWNLOADER_MIDDLEWARES"]["testing.mirror.MirrorMiddleware"] = 740
            # Over settings.py's values ("project"), under the command line's.
            settings.set("DOWNLOAD_DELAY", 0, priority="project")
            settings.set("AUTOTHROTTLE_ENABLED", False, priority="project")
