"""Crawl safety against a misbehaving server (`testing.badserver`, real HTTP on 127.0.0.1): what is never
fetched, incomplete bodies, retries that wait, sitemap indexes, a store that cannot be used. Every crawl is a
real `scrapy crawl` subprocess; family spiders reach their real host names through the server as a proxy
(`-s MIRROR_URL=`), the `news` spider fetches the server directly."""

from __future__ import annotations

import datetime as dt
import email.utils
import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleaners import clean
from crawler.settings import ITEM_PIPELINES
from crawler.store import ArticleStore
from testing.badserver import BadServer, Drip, Page, Redirect, Reset, ShortBody, Status, TruncatedGzip, serve
from testing.builders.synthetic import FEED_URL, rss_feed, synthetic_page, synthetic_title

from .conftest import ROOT, load_expected, run_saring, scrapy_crawl
from .test_crawl import crawl

ENV = dict(os.environ, PYTHONPATH=str(ROOT))


@pytest.fixture
def bad():
    server = serve()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def canary():
    """A second server on another 127.0.0.1 port: nothing may ever reach it."""
    server = serve()
    yield server
    server.shutdown()
    server.server_close()


def xml(body: str) -> Page:
    return Page(body, content_type="application/xml; charset=utf-8")


# --------------------------------------------------------------------------- defect 1: never off the hosts

def test_family_spider_fetches_nothing_off_its_hosts(bad: BadServer, canary: BadServer, tmp_path):
    """A feed and redirects that point off the family's hosts, at a loopback port, at other schemes and
    ports: only the family's own article is fetched and stored; every refusal is counted."""
    good_url, good_html = synthetic_page(0)
    secret = f"{canary.origin}/secret"
    canary.script("/secret", [Page("secret")])
    canary.script("/x", [Page("secret")])
    links = [good_url, "https://evil.example/steal", secret, "file:///etc/passwd", "ftp://www.medcom.id/a",
             "data:text/html,<title>x</title><p>x</p>", "https://www.medcom.id:8443/other-port",
             "https://www.medcom.id@evil.example/userinfo", "http://2130706433/decimal-loopback",
             "https://m.medcom.id/r/offsite", "https://www.medcom.id/r/loopback", "https://www.medcom.id/r/file",
             "https://www.medcom.id/r/loop-a"]
    bad.script(FEED_URL, [xml(rss_feed(links))])
    bad.script(good_url, [Page(good_html)])
    bad.script("https://m.medcom.id/r/offsite", [Redirect("https://evil.example/redirected")])
    bad.script("https://www.medcom.id/r/loopback", [Redirect(f"{canary.origin}/x")])
    bad.script("https://www.medcom.id/r/file", [Redirect("file:///etc/passwd")])
    bad.script("https://www.medcom.id/r/loop-a", [Redirect("https://www.medcom.id/r/loop-b")])
    bad.script("https://www.medcom.id/r/loop-b", [Redirect("https://www.medcom.id/r/loop-a")])

    items, stats = crawl(bad, tmp_path, "medcom", settings=("REDIRECT_MAX_TIMES=5",))

    assert [item["url"] for item in items] == [good_url]
    assert canary.requested() == []
    hosts = {url.split("/")[2] for url in bad.requested()}
    assert hosts <= {"www.medcom.id", "m.medcom.id"}, hosts
    assert not any("8443" in url or "passwd" in url for url in bad.requested())
    # evil.example (feed), :8443, userinfo, the off-site redirect; 127.0.0.1 (feed), 2130706433, the
    # loopback redirect; file:, ftp:, data: (feed) and the redirect to file:.
    assert stats["saring/refused/offsite"] == 4
    assert stats["saring/refused/private"] == 3
    assert stats["saring/refused/scheme"] == 4
    # A redirect loop ends at REDIRECT_MAX_TIMES.
    loop = [url for url in bad.requested() if "/r/loop-" in url]
    assert 2 <= len(loop) <= 6
    assert stats["finish_reason"] == "finished"
    with ArticleStore(tmp_path / "articles.db", readonly=True) as store:
        assert [r["url"] for r in store.export()] == [good_url]


def test_news_spider_stays_on_the_given_origins(bad: BadServer, canary: BadServer, tmp_path):
    """The any-site spider given http://127.0.0.1:P/ URLs fetches that origin only: not another port of
    the same address, nor another host, nor a file; `-a allow_hosts=` widens it explicitly."""
    _, html = synthetic_page(1)
    canary.script("/landing", [Page(html)])
    bad.script("/a", [Page(html)])
    bad.script("/to-other-port", [Redirect(f"{canary.origin}/landing")])
    bad.script("/to-port-80", [Redirect("http://127.0.0.1/landing")])
    bad.script("/to-other-host", [Redirect("https://www.example.org/landing")])
    bad.script("/to-file", [Redirect("file:///etc/passwd")])
    urls = [f"{bad.origin}/{p}" for p in ("a", "to-other-port", "to-port-80", "to-other-host", "to-file")]

    items, stats = crawl(bad, tmp_path, "news", f"urls={','.join(urls)}", settings=("ROBOTSTXT_OBEY=0",))
    assert [item["url"] for item in items] == [f"{bad.origin}/a"]
    assert canary.requested() == []
    assert not any("example.org" in url for url in bad.requested())
    assert stats["saring/refused/offsite"] == 1  # the other host
    assert stats["saring/refused/private"] == 2  # 127.0.0.1 on another port and on port 80: not given
    assert stats["saring/refused/scheme"] == 1

    (tmp_path / "widened").mkdir()
    items, stats = crawl(bad, tmp_path / "widened", "news", f"urls={bad.origin}/to-other-port",
                         f"allow_hosts=127.0.0.1:{canary.server_address[1]}", settings=("ROBOTSTXT_OBEY=0",))
    assert [item["url"] for item in items] == [f"{canary.origin}/landing"]
    assert canary.requested() == [f"{canary.origin}/landing"]


# ------------------------------------------------------------------- defect 6: retries that wait, always

def _gaps(server: BadServer, key: str) -> list[float]:
    times = [t for t, _ in server.hits(key)]
    return [b - a for a, b in zip(times, times[1:], strict=False)]


@pytest.fixture
def fresh_connections():
    """A BadServer that closes every connection: a failure on a reused connection would be retried at once
    by Twisted's connection pool (legitimately), which would blur the waits measured here."""
    server = serve(keep_alive=False)
    yield server
    server.shutdown()
    server.server_close()


def test_retry_after_forms_and_exceptions_back_off(fresh_connections: BadServer, tmp_path):
    """Every form of Retry-After, usable or not, ends with the article stored after a wait; resets and
    bodies cut short are retried after the exponential backoff, not at once."""
    bad = fresh_connections
    # A different article on each path: pages that declare one canonical URL are one article to the store.
    pages = (synthetic_page(n)[1] for n in itertools.count(2))
    now = time.time()
    forms = {"soon": "soon", "decimal": "1.5", "negative": "-5", "superscript": "\u00b2", "fullwidth": "\uff13",
             "huge": "9" * 5000, "past": email.utils.formatdate(now - 3600, usegmt=True),
             "future": email.utils.formatdate(now + 3600, usegmt=True), "seconds": "1", "empty": ""}
    for name, value in forms.items():
        bad.script(f"/ra-{name}", [Status(503, retry_after=value), Page(next(pages))])
    bad.script("/ra-429", [Status(429, retry_after="soon"), Page(next(pages))])
    bad.script("/reset", [Reset(), Reset(), Page(next(pages))])
    html = next(pages)
    bad.script("/short", [ShortBody(html[:2000]), Page(html)])
    html = next(pages)
    bad.script("/drip", [Drip(html, chunk=100, interval=0.5), Page(html)])  # slower than DOWNLOAD_TIMEOUT
    paths = [*(f"/ra-{n}" for n in forms), "/ra-429", "/reset", "/short", "/drip"]
    urls = ",".join(bad.origin + p for p in paths)

    items, stats = crawl(bad, tmp_path, "news", f"urls={urls}",
                         settings=("ROBOTSTXT_OBEY=0", "RETRY_BACKOFF_BASE=1", "RETRY_AFTER_MAX=2", "RETRY_TIMES=3",
                                   "DOWNLOAD_TIMEOUT=5"))

    assert sorted(item["url"] for item in items) == sorted(bad.origin + p for p in paths)
    assert "saring/article_errors" not in stats
    for path in paths:
        gaps = _gaps(bad, path)
        assert gaps and all(gap >= 0.9 for gap in gaps), (path, gaps)  # waited the backoff (1 s) at least
    for path in ("/ra-huge", "/ra-future"):
        assert _gaps(bad, path)[0] >= 1.9, path  # waited as asked, up to RETRY_AFTER_MAX
    assert _gaps(bad, "/reset")[1] >= 1.9  # doubled on the second retry
    assert stats["saring/retry_wait_seconds"] >= len(paths)


# ----------------------------------------------------------------------- defect 13: whole bodies only

def test_truncated_gzip_is_retried_then_dropped_not_stored(bad: BadServer, tmp_path):
    _, html = synthetic_page(3)
    bad.script("/gz-cut", [TruncatedGzip(html, keep=0.6)])
    bad.script("/gz-once", [TruncatedGzip(html, keep=0.6), Page(html)])
    bad.script("/short", [ShortBody(html[:3000])])
    urls = ",".join(bad.origin + p for p in ("/gz-cut", "/gz-once", "/short"))

    items, stats = crawl(bad, tmp_path, "news", f"urls={urls}",
                         settings=("ROBOTSTXT_OBEY=0", "RETRY_BACKOFF_BASE=0.2", "RETRY_TIMES=2"))

    assert [item["url"] for item in items] == [f"{bad.origin}/gz-once"]
    assert items[0]["title"] == synthetic_title(3)
    whole = clean(html, url=f"{bad.origin}/gz-once").to_dict()["body"]
    assert items[0]["body"] == whole  # the whole article, not the part a cut stream gave
    assert len(bad.hits("/gz-cut")) == 3 and len(bad.hits("/short")) == 3  # first try and two retries
    assert stats["saring/dropped/truncated"] == 2
    assert stats["saring/article_errors"] == 2
    with ArticleStore(tmp_path / "articles.db", readonly=True) as store:
        assert [r["url"] for r in store.export()] == [f"{bad.origin}/gz-once"]


# ------------------------------------------------------------------------ defect 18: sitemap indexes

def test_sitemap_index_with_thousands_of_children(bad: BadServer, tmp_path):
    """An index of 3,000 child sitemaps: the newest SARING_SITEMAP_CHILDREN are followed, the rest counted
    as skipped; a broken child counts as a listing error, an off-site child is refused."""
    page = next(e for e in load_expected("html") if e["stem"] == "jatimtimes/desktop_v1")
    children = [f"https://jatimtimes.com/sitemap/news-{n}.xml" for n in range(3000)]
    lastmod = {url: (dt.date(2016, 1, 1) + dt.timedelta(days=n)).isoformat() for n, url in enumerate(children)}
    newest = sorted(children, key=lastmod.get, reverse=True)[:4]
    children.append("https://evil.example/sitemap.xml")
    lastmod[children[-1]] = "2024-12-31"
    index = "".join(f"<sitemap><loc>{url}</loc><lastmod>{lastmod[url]}</lastmod></sitemap>" for url in children)
    bad.script("https://jatimtimes.com/sitemap.xml", [xml(
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{index}</sitemapindex>")])
    bad.script(newest[0], [xml('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                               f'<url><loc>{page["url"]}</loc></url></urlset>')])
    bad.script(newest[1], [Page("<html><body>not a sitemap</body></html>")])
    for url in newest[2:]:
        bad.script(url, [xml('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                             "</urlset>")])
    bad.script(page["url"], [Page(Path(page["path"]).read_bytes())])

    items, stats = crawl(bad, tmp_path, "jatimtimes", "hosts=jatimtimes.com",
                         settings=("SARING_SITEMAP_CHILDREN=5",))

    assert [item["url"] for item in items] == [page["url"]]
    requested = set(bad.requested(lambda url: "/sitemap/news-" in url))
    assert requested == set(newest)
    assert stats["saring/listing_skipped"] == 3001 - 5
    assert stats["saring/listing_errors"] == 1
    assert stats["saring/refused/offsite"] == 1


# -------------------------------------------------------------------- defect 14: a store that cannot be used

def _malformed_store(path: Path) -> None:
    with ArticleStore(path) as store:
        for n in range(60):
            url, html = synthetic_page(n)
            store.put({"url": url, "canonical_url": url, "title": "t", "body": html[:3000]})
    data = bytearray(path.read_bytes())
    data[8192:-4096] = bytes((i * 7) & 0xFF for i in range(len(data) - 8192 - 4096))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("kind", ["not_sqlite", "malformed", "other_database"])
def test_unusable_store_stops_the_crawl_and_the_commands(tmp_path, kind):
    db = tmp_path / "articles.db"
    if kind == "not_sqlite":
        db.write_bytes(b"these are my notes, not a database\n" * 200)
    elif kind == "malformed":
        _malformed_store(db)
    else:
        import sqlite3

        with sqlite3.connect(db) as other:
            other.execute("CREATE TABLE invoices (id INTEGER)")
    before = db.read_bytes()
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "urls=http://127.0.0.1:9/a",
               "-s", f"SARING_DB={db}", "-s", "RETRY_TIMES=0", "-s", "LOG_LEVEL=INFO"]
    result = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "CRITICAL" in line]
    assert len(errors) == 1 and str(db) in errors[0], result.stderr[-2000:]
    assert "Spider opened" not in result.stderr  # stopped at the start, before any request
    assert db.read_bytes() == before
    for args in (["stats", str(db)], ["export", str(db), "-o", str(tmp_path / "out.jsonl")]):
        result = run_saring(*args)
        assert result.returncode == 2
        assert result.stdout == "" and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and str(db) in result.stderr
    assert not (tmp_path / "out.jsonl").exists()
    assert db.read_bytes() == before


def _crawl_with_failing_store(bad: BadServer, tmp_path, double: str, said: str) -> tuple[list, dict]:
    """A medcom crawl of 12 pages whose store pipeline is `testing.full_store.<double>` (failing after three
    articles); checks that it stops with exit status 1 within 120 s, with no traceback and one CRITICAL line
    holding `said`. Returns the pages and the crawl's stats."""
    pages = [synthetic_page(n) for n in range(12)]
    bad.script(FEED_URL, [xml(rss_feed([url for url, _ in pages]))])
    for url, html in pages:
        bad.script(url, [Page(html)])
    pipelines = {(f"testing.full_store.{double}" if path == "crawler.pipelines.StorePipeline" else path):
                 order for path, order in ITEM_PIPELINES.items()}
    started = time.monotonic()
    result = scrapy_crawl(bad.url, tmp_path, "medcom", settings=(
        f"ITEM_PIPELINES={json.dumps(pipelines)}", "SARING_TEST_FULL_AFTER=3", "CONCURRENT_REQUESTS=2",
        "LOG_LEVEL=INFO"))
    assert time.monotonic() - started < 120
    assert result.returncode == 1, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    critical = [line for line in result.stderr.splitlines() if "] CRITICAL:" in line]
    assert len(critical) == 1 and said in critical[0], critical
    return pages, json.loads((tmp_path / "medcom.stats.json").read_text())


def test_store_that_fails_during_the_crawl_stops_it_cleanly(bad: BadServer, tmp_path):
    """The store fills up after three articles (SQLite's own "database or disk is full", testing.full_store):
    the crawl stops with exit status 1 and one CRITICAL line, no traceback, instead of hanging (a SystemExit
    raised in the pipeline left the reactor running); the store keeps what it committed, the feed holds
    whole records, the stats say why."""
    pages, stats = _crawl_with_failing_store(bad, tmp_path, "FullStorePipeline", "database or disk is full")
    assert stats["finish_reason"] == "store_failed"
    assert stats["saring/stored"] == 3 and stats["saring/store_failed"] == 1
    with ArticleStore(tmp_path / "articles.db", readonly=True, check=True) as store:
        stored = [r["url"] for r in store.export()]
    assert len(stored) == 3 and set(stored) <= {url for url, _ in pages}
    items = [json.loads(line) for line in (tmp_path / "medcom.jsonl").read_text(encoding="utf-8").splitlines()]
    assert set(stored) <= {item["url"] for item in items}
    assert len(items) < len(pages)  # stopped, not crawled to the end


@pytest.mark.parametrize(("double", "said"), [("DyingWriterPipeline", "store writer process ended"),
                                               ("StuckWriterPipeline", "answered nothing for 3 s")])
def test_a_store_writer_that_dies_or_hangs_during_the_crawl_stops_it_cleanly(bad: BadServer, tmp_path, double,
                                                                             said):
    """The store's writer process (crawler.store.writer) ends after three articles without a word, as a killed
    one would, or stops answering (and is killed after the time the crawl gives it): the crawl stops with exit status 1 and one CRITICAL line naming it, no traceback and no hang;
    the store stays readable and holds at most what was sent before (none of it committed here: the batch
    dies with the process), the feed holds whole records."""
    pages, stats = _crawl_with_failing_store(bad, tmp_path, double, said)
    assert stats["finish_reason"] == "store_failed" and stats["saring/store_failed"] == 1
    assert stats["saring/stored"] == 0
    with ArticleStore(tmp_path / "articles.db", readonly=True, check=True) as store:
        assert store.size() == 0
    items = [json.loads(line) for line in (tmp_path / "medcom.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(item["body"] and item["url"] for item in items)
    if double == "DyingWriterPipeline":  # stopped, not crawled to the end (a hung writer holds the items
        assert len(items) < len(pages)   # back while the pages come in: they reach the feed when it is killed)


@pytest.mark.parametrize("append", [True, False])
def test_a_crashing_store_writer_says_why_in_the_crawls_log_file(bad: BadServer, tmp_path, append):
    """With `-s LOG_FILE=`, the store writer process's standard error goes to that file too: its traceback
    stands in the crawl's log beside the one CRITICAL line that names its end, and the terminal gets none;
    with LOG_FILE_APPEND=False too (Scrapy then writes at its own offset, which the writer shares)."""
    pages = [synthetic_page(n) for n in range(12)]
    bad.script(FEED_URL, [xml(rss_feed([url for url, _ in pages]))])
    for url, html in pages:
        bad.script(url, [Page(html)])
    pipelines = {("testing.full_store.CrashingWriterPipeline" if path == "crawler.pipelines.StorePipeline" else path):
                 order for path, order in ITEM_PIPELINES.items()}
    log = tmp_path / "crawl.log"
    result = scrapy_crawl(bad.url, tmp_path, "medcom", settings=(
        f"ITEM_PIPELINES={json.dumps(pipelines)}", "SARING_TEST_FULL_AFTER=3", "CONCURRENT_REQUESTS=2",
        "LOG_LEVEL=INFO", f"LOG_FILE={log}", f"LOG_FILE_APPEND={append}"))
    assert result.returncode == 1, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "crashed" not in result.stderr, result.stderr[-3000:]
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError: the store writer crashed (testing.full_store)" in text, text[-3000:]
    critical = [line for line in text.splitlines() if "] CRITICAL:" in line]
    assert len(critical) == 1 and "store writer process ended" in critical[0], critical
    assert "Spider closed (store_failed)" in text.splitlines()[-1]  # Scrapy's last line, whole, at the end
    assert json.loads((tmp_path / "medcom.stats.json").read_text())["finish_reason"] == "store_failed"


def test_store_check_does_not_refuse_a_good_or_new_store(tmp_path):
    with ArticleStore(tmp_path / "new.db", check=True) as store:
        store.put({"url": "https://www.example.com/a", "title": "t", "body": "b"})
    result = run_saring("stats", str(tmp_path / "new.db"))
    assert result.returncode == 0 and "articles" in result.stdout
    assert json.loads(run_saring("export", str(tmp_path / "new.db")).stdout)["url"] == "https://www.example.com/a"
