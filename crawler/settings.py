"""Scrapy settings for Saring: polite by default. Override any of them with `-s NAME=VALUE`."""

BOT_NAME = "saring"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
#: `scrapy crawl` checks the spider's arguments before the crawl starts (crawler/scrapy_commands/crawl.py).
COMMANDS_MODULE = "crawler.scrapy_commands"

USER_AGENT = "Saring/0.1 (news corpus research crawler; +https://pypi.org/project/saring/)"
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
}
ADDONS = {
    "crawler.addons.RedisFrontier": 0,
    "crawler.addons.OfflineMirror": 0,
}

#: The article store (SQLite). Known article URLs are not requested again unless `-a refresh=1`.
SARING_DB = "articles.db"
#: With `-s REDIS_URL=redis://host:port/db`, spiders share one request queue and dupefilter in Redis
#: (scrapy-redis) and push items to the Redis list `<spider>:items`; `saring ingest` stores them.
REDIS_URL = None

EXTENSIONS = {"crawler.extensions.StatsFile": 500}
#: Write the run's stats as JSON to this path when the spider closes (tests, `make demo`, monitoring).
SARING_STATS_FILE = None

#: Offline mirror (`saring mirror`, from a checkout): set to http://127.0.0.1:PORT to crawl it instead of the
#: real sites.
MIRROR_URL = None

FEED_EXPORT_ENCODING = "utf-8"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
LOG_LEVEL = "INFO"
