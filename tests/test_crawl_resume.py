"""A JOBDIR crawl of 300 articles killed twice with SIGKILL, then resumed: every article is stored exactly
once and nothing is lost, whatever the kill points, even when the feed has moved on in between. Real
`scrapy crawl` subprocesses against a server of 300 synthetic articles (`testing.badserver`)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from testing.badserver import BadServer, Page, serve
from testing.builders.synthetic import FEED_URL, rss_feed, synthetic_articles, synthetic_title

from .conftest import ROOT

ENV = dict(os.environ, PYTHONPATH=str(ROOT))
COUNT = 300


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return synthetic_articles(COUNT)


def article_fetches(server: BadServer) -> int:
    return len(server.requested(lambda url: "/Syn" in url))


def kill_after(command: list[str], server: BadServer, fetches: int, log) -> None:
    """Start the crawl and SIGKILL it once it has fetched `fetches` more article pages (or let it end, if
    it ends first: a crawl that believes it has nothing left to do is what the final check catches)."""
    start = article_fetches(server)
    process = subprocess.Popen(command, cwd=ROOT, env=ENV, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 300
        while article_fetches(server) - start < fetches and process.poll() is None:
            assert time.monotonic() < deadline, "the crawl made no progress"
            time.sleep(0.005)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()


@pytest.mark.parametrize(("kills", "source"), [
    pytest.param((1, 1), "url_file", id="url-file-right-after-the-first-fetch"),
    pytest.param((60, 150), "moving-feed", id="feed-mid-crawl-and-the-feed-moved-on"),
])
def test_resume_after_two_sigkills_stores_every_article_once(tmp_path, pages, kills, source):
    server = serve({url: [Page(html)] for url, html in pages.items()})
    server.script(FEED_URL, [Page(rss_feed(list(pages)), content_type="application/xml")])
    db, stats = tmp_path / "articles.db", tmp_path / "stats.json"
    command = [sys.executable, "-m", "scrapy", "crawl", "medcom", "-s", f"MIRROR_URL={server.url}",
               "-s", f"SARING_DB={db}", "-s", f"JOBDIR={tmp_path / 'job'}", "-s", f"SARING_STATS_FILE={stats}",
               "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
               "-s", "LOG_LEVEL=INFO"]
    if source == "url_file":
        (tmp_path / "urls.txt").write_text("\n".join(pages) + "\n")
        command += ["-a", f"url_file={tmp_path / 'urls.txt'}"]
    try:
        with open(tmp_path / "killed.log", "w") as log:
            for n, fetches in enumerate(kills):
                kill_after(command, server, fetches, log)
                if source == "moving-feed" and n == 0:
                    # The feed now names only the newest articles: the older ones the killed run asked for
                    # must come from the job's own record, not from the listing.
                    server.script(FEED_URL, [Page(rss_feed(list(pages)[-20:]), content_type="application/xml")])
        result = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr[-3000:]
        assert json.loads(stats.read_text())["finish_reason"] == "finished"
        rows = sqlite3.connect(db).execute("SELECT canonical_url, record FROM articles").fetchall()
        assert sorted(url for url, _ in rows) == sorted(pages)
        for url, record in rows:
            n = int(url.rsplit("-", 1)[1])
            assert json.loads(record)["title"] == synthetic_title(n)
            assert json.loads(record)["body"].startswith(f"Jakarta: Artikel sintetis nomor {n} ")
        # The job is done: the same command again fetches no article page.
        before = article_fetches(server)
        again = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=600)
        assert again.returncode == 0, again.stderr[-3000:]
        assert article_fetches(server) == before
    finally:
        server.shutdown()
        server.server_close()
