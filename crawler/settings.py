"""Scrapy settings for Saring: polite by default. Override any of them with `-s NAME=VALUE`."""

BOT_NAME = "saring"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
#: How sites can reach whoever runs the crawl: a URL or an e-mail address, put into the user agent
#: (`Saring/<version> (Indonesian news crawler; <contact>)`, crawler.useragent). `-s USER_AGENT=` overrides it all.
SARING_CONTACT = None
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
RETRY_BACKOFF_BASE = 2.0  # seconds; doubled on every retry when the server gives no Retry-After
RETRY_AFTER_MAX = 120.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
#: Child sitemaps followed per sitemap index (newest first); the rest count as saring/listing_skipped.
SARING_SITEMAP_CHILDREN = 100

DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.RequestGuardMiddleware": 40,   # first: nothing off the spider's hosts, only http(s)
    "crawler.store.known.KnownArticlesMiddleware": 50,  # before robots.txt: a known article waits for nothing
    "crawler.urlstats.UrlStatsMiddleware": 60,  # saring/urls/slowest and saring/urls/failed, after retries
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.RetryAfterMiddleware": 550,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "crawler.middlewares.StrictHttpCompressionMiddleware": 590,  # a cut gzip body is retried, not stored
}
#: Only http(s) is ever fetched (the guard refuses the rest first; these handlers are not even loaded).
DOWNLOAD_HANDLERS = {"file": None, "data": None, "ftp": None, "s3": None}
ITEM_PIPELINES = {
    "crawler.pipelines.ValidatePipeline": 100,
    "crawler.pipelines.DedupePipeline": 200,
    "crawler.pipelines.StorePipeline": 300,       # SQLite, when not in Redis mode
    "crawler.pipelines.RedisItemsPipeline": 300,  # the Redis list, in Redis mode
    "crawler.pipelines.StatsPipeline": 900,
    "crawler.monitors.FieldStatsPipeline": 910,  # saring/fields/<site>/<field>
}
ADDONS = {
    "crawler.addons.RedisFrontier": 0,
    "crawler.addons.OfflineMirror": 0,
    "crawler.useragent.UserAgent": 0,
}

#: The article store (SQLite). Known article URLs are not requested again unless `-a refresh=1`.
SARING_DB = "articles.db"
#: With `-s REDIS_URL=redis://host:port/db`, spiders share one request queue and dupefilter in Redis
#: (scrapy-redis) and push items to the Redis list `<spider>:items`; `saring ingest` stores them.
REDIS_URL = None

EXTENSIONS = {
    "spidermon.contrib.scrapy.extensions.Spidermon": 400,  # before StatsFile: the file has the monitors' verdict
    "crawler.extensions.StatsFile": 500,
}
#: Write the run's stats as JSON to this path when the spider closes (tests, `make demo`, monitoring).
SARING_STATS_FILE = None

#: Monitors at spider close (crawler.monitors, run by Spidermon): a family whose fallback share is above
#: the maximum, or whose items lack a required field more often than allowed, fails the run: reasons in
#: the log and the stats (saring/monitor/reasons), exit status 3 of `scrapy crawl`. Families with fewer
#: than SARING_MONITOR_MIN_ITEMS items are not judged.
SPIDERMON_ENABLED = True
SPIDERMON_SPIDER_CLOSE_MONITORS = ("crawler.monitors.SaringMonitors",)
SARING_MONITOR_MAX_FALLBACK_SHARE = 0.2
SARING_MONITOR_MIN_FIELDS = {"title": 1.0, "published": 0.5}
SARING_MONITOR_MIN_ITEMS = 1
#: `scrapy crawl` of this project checks the spider's arguments before the crawl starts (exit status 2) and
#: exits non-zero when a monitor failed (crawler.scrapycommands).
COMMANDS_MODULE = "crawler.scrapycommands"

#: Offline mirror (`saring mirror`, from a checkout): set to http://127.0.0.1:PORT to crawl it instead of the
#: real sites.
MIRROR_URL = None

FEED_EXPORT_ENCODING = "utf-8"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
