"""Crawl state: the article store, incremental and resumable crawls, near-duplicates, Redis frontier."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from crawler.store import ArticleStore
from testing.mirror import serve

from .conftest import ROOT, load_expected, run_saring
from .test_crawl import JATENG, crawl

SYNDICATED = "https://www.tribunnews.com/regional/2024/11/05/banjir-rob-genangi-pantura-semarang-ribuan-warga-mengungsi"
ENV = dict(os.environ, PYTHONPATH=str(ROOT))


def record(url: str, body: str, published: str = "2024-11-05T10:00:00+07:00", **extra) -> dict:
    return {"url": url, "canonical_url": url, "site": "tribunnews", "published": published, "language": "id",
            "title": "Judul", "body": body} | extra


BODY = "\n\n".join(next(e for e in load_expected("text") if e["stem"] == "004_69ee16c09114b4dc")["body"])
OTHER = "\n\n".join(next(e for e in load_expected("text") if e["stem"] == "001_a373cb1957e14108")["body"])


def test_store_updates_keep_first_seen_and_mark_copies(tmp_path):
    with ArticleStore(tmp_path / "a.db") as store:
        first = store.put(record("https://www.kompas.tv/a", BODY, site="kompastv"))
        assert first["duplicate_of"] is None
        seen = store.db.execute("SELECT first_seen FROM articles").fetchone()[0]
        time.sleep(1.1)
        store.put(record("https://www.kompas.tv/a", BODY + "\n\nParagraf tambahan.", title="Judul baru", site="kompastv"))
        row = store.db.execute("SELECT first_seen, last_seen, record FROM articles").fetchone()
        assert row[0] == seen and row[1] > seen and json.loads(row[2])["title"] == "Judul baru"
        exact = store.put(record("https://www.tribunnews.com/x", BODY.replace("\n\n", "\n\n ")))
        near = store.put(record("https://jateng.tribunnews.com/y", BODY.replace("MOSKOW, KOMPAS.TV -", "MOSKOW, TRIBUN -")))
        other = store.put(record("https://www.medcom.id/z", OTHER, published="2024-10-18T13:11:00+07:00", site="medcom"))
        assert exact["duplicate_of"] == near["duplicate_of"] == "https://www.kompas.tv/a"
        assert other["duplicate_of"] is None
        assert store.counts()["total"] == [("articles", 4), ("duplicates", 2)]
        assert [r["canonical_url"] for r in store.export(since="2024-11-01")] == [
            "https://jateng.tribunnews.com/y", "https://www.kompas.tv/a", "https://www.tribunnews.com/x"]
        assert [r["canonical_url"] for r in store.export(site="tribunnews", until="2024-11-30")] == [
            "https://jateng.tribunnews.com/y", "https://www.tribunnews.com/x"]


def test_near_copies_are_looked_for_in_the_window_through_the_band_and_day_indexes(tmp_path):
    """A near copy counts within NEAR_DAYS of the first article (or when either has no date). The band indexes
    hold the day, so that the lookup reads each candidate's day from the index; an older store's band-only
    indexes are replaced when it is opened for writing, and its copies are still found."""
    from crawler.store.db import _NEAR_QUERY

    path = tmp_path / "a.db"
    with ArticleStore(path) as store:
        store.put(record("https://www.kompas.tv/a", BODY, site="kompastv"))
    db = sqlite3.connect(path)  # as an older Saring left it
    for i in range(6):
        db.execute(f"DROP INDEX articles_band{i}_day")
        db.execute(f"CREATE INDEX articles_band{i} ON articles(band{i})")
    db.commit()
    db.close()
    def near(k: int) -> str:  # a near copy of BODY, each a different text (no exact copy of another)
        return BODY.replace("MOSKOW, KOMPAS.TV -", f"MOSKOW, TRIBUN {k} -")

    with ArticleStore(path) as store:
        names = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {f"articles_band{i}_day" for i in range(6)} <= names
        assert not {f"articles_band{i}" for i in range(6)} & names
        plan = " ".join(row[3] for row in store.db.execute(
            f"EXPLAIN QUERY PLAN {_NEAR_QUERY[1]}", [v for i in range(6) for v in (i, "u", "2024-11-02", "2024-11-08")]))
        assert all(f"articles_band{i}_day" in plan for i in range(6)), plan
        inside = store.put(record("https://jateng.tribunnews.com/b", near(1), published="2024-11-08T09:00:00+07:00"))
        outside = store.put(record("https://jateng.tribunnews.com/c", near(2), published="2024-11-20T09:00:00+07:00"))
        undated = store.put(record("https://jateng.tribunnews.com/d", near(3), published=None))
        assert inside["duplicate_of"] == "https://www.kompas.tv/a"  # 3 days after it
        assert outside["duplicate_of"] is None  # 15 days after a, 12 after b
        assert undated["duplicate_of"] is not None  # no date: every stored copy is a candidate
        late = store.put(record("https://www.medcom.id/e", near(4), published="2024-12-20T09:00:00+07:00"))
        assert late["duplicate_of"] == "https://jateng.tribunnews.com/d"  # the undated one is in every window


def test_export_and_stats_commands(tmp_path):
    db = tmp_path / "a.db"
    with ArticleStore(db) as store:
        store.put(record("https://www.kompas.tv/a", BODY))
        store.put(record("https://www.medcom.id/z", OTHER, published="2024-10-18T13:11:00+07:00", site="medcom"))
    out = tmp_path / "out.jsonl"
    result = run_saring("export", str(db), "-o", str(out), "--site", "medcom")
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["canonical_url"] for line in out.read_text().splitlines()] == ["https://www.medcom.id/z"]
    stats = run_saring("stats", str(db))
    assert "medcom" in stats.stdout and "2024-10-18" in stats.stdout and "id" in stats.stdout
    assert run_saring("stats", str(tmp_path / "missing.db")).returncode == 2


def test_second_crawl_requests_no_article_page(mirror, tmp_path):
    items, _ = crawl(mirror, tmp_path, "medcom")
    assert len(items) == 3
    before = len(mirror.served)
    items, stats = crawl(mirror, tmp_path, "medcom")
    again = mirror.served[before:]
    assert items == [] and stats["saring/skipped/known"] == 3
    assert {url for url, _ in again} == {"https://www.medcom.id/robots.txt", "https://www.medcom.id/rss"}
    items, _ = crawl(mirror, tmp_path, "medcom", "refresh=1")
    assert len(items) == 3
    with ArticleStore(tmp_path / "articles.db", readonly=True) as store:
        assert store.counts()["total"][0] == ("articles", 3)


def test_syndicated_copy_is_marked_not_dropped(mirror, tmp_path):
    items, _ = crawl(mirror, tmp_path, "news", f"urls={JATENG},{SYNDICATED}")
    assert len(items) == 2
    with ArticleStore(tmp_path / "articles.db", readonly=True) as store:
        stored = {r["canonical_url"]: r for r in store.export()}
    assert set(stored) == {JATENG, SYNDICATED}
    marks = {url: r["duplicate_of"] for url, r in stored.items()}
    assert sorted(marks.values(), key=str) == sorted([None, JATENG if marks[SYNDICATED] else SYNDICATED], key=str)


def test_resume_after_sigkill_with_jobdir(tmp_path):
    mirror = serve()
    db, jobdir = tmp_path / "articles.db", tmp_path / "job"
    command = [sys.executable, "-m", "scrapy", "crawl", "tribunnews", "-s", f"MIRROR_URL={mirror.url}",
               "-s", f"SARING_DB={db}", "-s", f"JOBDIR={jobdir}", "-s", "DOWNLOAD_DELAY=1.5",
               "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CONCURRENT_REQUESTS=1", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
               "-s", "RETRY_BACKOFF_BASE=0.1", "-s", "LOG_LEVEL=INFO"]
    # One request at a time, 1.5 s apart: after the first article is stored there is a wide window to kill in.
    try:
        process = subprocess.Popen(command, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 120
        stored = 0
        while time.time() < deadline and stored == 0:
            time.sleep(0.1)
            if db.exists():
                try:
                    stored = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                except sqlite3.Error:
                    stored = 0
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert 1 <= stored < 3, "the kill must land in the middle of the crawl"
        result = subprocess.run(command[:command.index("DOWNLOAD_DELAY=1.5")] + ["DOWNLOAD_DELAY=0"]
                                + command[command.index("DOWNLOAD_DELAY=1.5") + 1:],
                                cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-2000:]
    finally:
        mirror.shutdown()
        mirror.server_close()
    rows = sqlite3.connect(db).execute("SELECT canonical_url, COUNT(*) FROM articles GROUP BY canonical_url").fetchall()
    assert sorted(url for url, _ in rows) == sorted([
        JATENG, "https://www.tribunnews.com/nasional/2024/11/06/kpu-tetapkan-jadwal-debat-pilkada-serentak-putaran-kedua",
        "https://www.tribunnews.com/internasional/7401823/putin-berterima-kasih-kepada-pasukan-korea-utara-atas-"
        "bantuannya-merebut-kembali-kursk-dari-ukraina"])
    assert all(count == 1 for _, count in rows)


def test_two_processes_share_a_redis_frontier(mirror, tmp_path, redis_url):
    commands, stats_files = [], []
    for n in (1, 2):
        stats = tmp_path / f"stats{n}.json"
        stats_files.append(stats)
        commands.append([sys.executable, "-m", "scrapy", "crawl", "tribunnews", "-s", f"MIRROR_URL={mirror.url}",
                         # 1 s between requests per process: the crawl lasts long enough for the process that
                         # joins (late, on a loaded machine) to still take requests from the shared frontier.
                         "-s", f"REDIS_URL={redis_url}", "-s", "DOWNLOAD_DELAY=1", "-s", "AUTOTHROTTLE_ENABLED=0",
                         # One request in hand per process: Scrapy pulls from the scheduler up to
                         # CONCURRENT_REQUESTS ahead, and a process must not hoard the small frontier.
                         "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "CONCURRENT_REQUESTS=1",
                         "-s", f"SARING_STATS_FILE={stats}", "-s", f"SARING_DB={tmp_path / f'unused{n}.db'}",
                         # The frontier splits the three articles between the processes as their timing falls:
                         # one that gets only the fixture without a date would fail the field monitor (exit 3)
                         # on a share of one item. The monitors are tests/test_monitors.py's subject, not this.
                         "-s", "SARING_MONITOR_MIN_ITEMS=10"])
    # The second process joins once the first has read the feed (the frontier then holds its articles): two
    # processes started at once can race for the first one's start request, and one that finds the shared
    # frontier empty at its start ends at once, having fetched nothing.
    processes = [subprocess.Popen(commands[0], cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  text=True)]
    deadline = time.monotonic() + 120
    while not any(url.endswith("/rss") and status == 200 for url, status in mirror.served):
        assert time.monotonic() < deadline and processes[0].poll() is None, mirror.served
        time.sleep(0.05)
    processes.append(subprocess.Popen(commands[1], cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE, text=True))
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, (err[-2000:], mirror.served)
    assert not any((tmp_path / f"unused{n}.db").exists() for n in (1, 2))  # no SQLite written by crawlers
    result = run_saring("ingest", "--redis", redis_url, "--db", str(tmp_path / "articles.db"))
    assert result.returncode == 0, (result.stderr, mirror.served)
    rows = sqlite3.connect(tmp_path / "articles.db").execute("SELECT canonical_url FROM articles").fetchall()
    served = mirror.served  # (in every message below: what a failure needs to be understood)
    assert len(rows) == 3 and len({r[0] for r in rows}) == 3, (rows, served)
    stats = [json.loads(path.read_text()) for path in stats_files]
    assert all(s.get("downloader/response_count", 0) > 0 for s in stats), (stats, served)  # both fetched pages
    articles = [url for url, status in served if status == 200 and "/2024/" in url or "/7401823/" in url]
    assert len(articles) == len(set(articles)), served  # no article page fetched twice across the processes


FULL_DISK = """
import json, os, resource, signal, sqlite3, sys
from crawler.store import ArticleStore
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as on a full disk
path = sys.argv[1]
store = ArticleStore(path, check=True)
def record(n):
    return {"url": f"https://www.example.com/{n}", "title": "t", "body": f"kata{n} " * 300, "published": "2024-01-02"}
for n in range(3):
    store.put_batched(record(n))
store.commit()
limit = max(os.path.getsize(path), os.path.getsize(path + "-wal")) + 4096
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
error = None
try:
    for n in range(3, 60):
        store.put_batched(record(n), every=100, seconds=3600)
    store.put_batched(record(60), every=1)  # the commit writes the batch: it does not fit
except sqlite3.DatabaseError as exc:
    error = str(exc)
print(json.dumps({"error": error, "committed": store.committed, "pending": store.pending,
                  "in_transaction": store.db.in_transaction}))
"""


def test_a_batch_lost_at_commit_is_not_counted_as_stored(tmp_path):
    """A full disk shows at the commit (WAL mode writes the pages then): SQLite rolls the batch back, and the
    store's counts (which the crawl's `saring/stored` follows) say what it holds, not what was put."""
    db = tmp_path / "articles.db"
    out = subprocess.run([sys.executable, "-c", FULL_DISK, str(db)], cwd=ROOT, env=ENV, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    result = json.loads(out.stdout)
    assert result["error"] and not result["in_transaction"], result  # the limit did bite: rolled back
    with sqlite3.connect(db) as check:
        held = check.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert held == result["committed"] == 3 and result["pending"] == 0  # not 61
