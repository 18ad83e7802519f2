"""Issue 14, the first hour as a user: the traps a new user met, each through the real interface (`scrapy
crawl`, `saring ...` in a subprocess, real SQLite, the mirror over real HTTP on 127.0.0.1)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import redis

from cleaners.sites import PROFILES
from crawler.store import ArticleStore

from .conftest import ROOT, run_saring
from .conftest import scrapy_crawl as crawl_command
from .test_crawl import AMP, JATENG

ENV = dict(os.environ, PYTHONPATH=str(ROOT))
#: The installed command, run the way a user runs it: no PYTHONPATH, from a directory outside the checkout.
SARING_BIN = str(Path(sys.executable).with_name("saring"))
USER_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SCRAPY_SETTINGS_MODULE")}
SPIDERS = sorted([p.name for p in PROFILES] + ["news"])


def scrapy_crawl(mirror, tmp_path: Path, spider: str, *args: str, settings: tuple[str, ...] = (),
                 feed: str | None = "out.jsonl") -> subprocess.CompletedProcess:
    """`scrapy crawl` against the mirror as a user runs it (politeness settings as shipped)."""
    return crawl_command(mirror.url, tmp_path, spider, *args, settings=settings, feed=feed, stats="stats.json",
                         fast=False)


def lines_with(text: str, *words: str) -> list[str]:
    return [line for line in text.splitlines() if all(word in line for word in words)]


def one_line(result: subprocess.CompletedProcess) -> str:
    """The whole of standard error, which must be one line."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# --- 1. the store file alone holds the data ---------------------------------------------------------------------

def test_a_crawl_leaves_one_store_file_that_can_be_copied(mirror, tmp_path):
    result = scrapy_crawl(mirror, tmp_path, "kompastv")
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(p.name for p in tmp_path.glob("articles.db*")) == ["articles.db"]  # no -wal, no -shm
    copy = tmp_path / "backup" / "articles.db"
    copy.parent.mkdir()
    shutil.copy(tmp_path / "articles.db", copy)  # the file alone, as a backup or a move would take it
    stats = run_saring("stats", str(copy))
    assert stats.returncode == 0, stats.stderr
    assert lines_with(stats.stdout, "kompastv", "3")


def test_a_copy_without_its_wal_file_is_named_as_such(tmp_path):
    """A store copied while its data was still in the -wal file (as crawls before this change left it)."""
    store = ArticleStore(tmp_path / "articles.db")
    store.put({"url": "https://www.kompas.tv/a", "title": "Judul", "body": "Isi berita."})
    shutil.copy(tmp_path / "articles.db", tmp_path / "copy.db")
    for command in ("stats", "export", "search"):
        result = run_saring(command, str(tmp_path / "copy.db"), *(["banjir"] if command == "search" else []))
        assert result.returncode == 2
        message = one_line(result)
        assert message.startswith(f"saring {command}: ") and "empty SQLite database" in message
        assert "copy.db-wal file that was not copied" in message
    store.close()


def test_stats_and_export_on_a_database_that_is_not_a_store(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (x)")
    for command in ("stats", "export", "search"):
        result = run_saring(command, str(other), *(["banjir"] if command == "search" else []))
        assert result.returncode == 2 and "not an article store (no articles table)" in one_line(result)


def test_export_folds_a_left_over_wal_into_the_store(tmp_path):
    """A store whose writer is still open (or was killed): `saring export` moves the -wal file's data in."""
    store = ArticleStore(tmp_path / "articles.db")
    store.put({"url": "https://www.kompas.tv/a", "title": "Judul", "body": "Isi berita."})
    assert (tmp_path / "articles.db-wal").stat().st_size > 0
    result = run_saring("export", str(tmp_path / "articles.db"), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "articles.db-wal").stat().st_size == 0
    shutil.copy(tmp_path / "articles.db", tmp_path / "copy.db")
    assert "articles  " in run_saring("stats", str(tmp_path / "copy.db")).stdout
    store.close()


def test_ingest_leaves_one_store_file(redis_url, tmp_path):
    client = redis.Redis.from_url(redis_url)
    client.rpush("news:items", *[json.dumps({"url": f"https://a.example/{n}", "title": "t", "body": f"isi {n}"})
                                 for n in range(5)])
    result = run_saring("ingest", "--redis", redis_url, "--db", str(tmp_path / "articles.db"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.glob("articles.db*")) == ["articles.db"]


def test_gitignore_covers_the_store_side_files():
    ignored = subprocess.run(["git", "check-ignore", "articles.db", "k.db-wal", "k.db-shm"], cwd=ROOT,
                             capture_output=True, text=True)
    assert ignored.stdout.split() == ["articles.db", "k.db-wal", "k.db-shm"]


# --- 2. the crawl says what incremental skipping did ------------------------------------------------------------

def test_a_second_crawl_says_it_skipped_known_articles(mirror, tmp_path):
    first = scrapy_crawl(mirror, tmp_path, "medcom")
    assert first.returncode == 0, first.stderr[-3000:]
    assert lines_with(first.stderr, "INFO", "no known articles yet")
    assert lines_with(first.stderr, "INFO", "0 known articles skipped (not fetched again), 3 stored")

    second = scrapy_crawl(mirror, tmp_path, "medcom")
    assert second.returncode == 0
    store = tmp_path / "articles.db"
    assert lines_with(second.stderr, "INFO", f"store {store}: 3 known articles will not be fetched again; "
                                             "-a refresh=1 to re-fetch, -s SARING_DB= for none")
    assert lines_with(second.stderr, "INFO", "3 known articles skipped (not fetched again), 0 stored")
    (warning,) = lines_with(second.stderr, "WARNING", str(tmp_path / "out.jsonl"))
    assert "no items" in warning and "-a refresh=1" in warning
    assert (tmp_path / "out.jsonl").read_text() == ""

    again = scrapy_crawl(mirror, tmp_path, "medcom", "refresh=1")
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 3
    assert lines_with(again.stderr, "INFO", "fetched again and updated") and "WARNING" not in again.stderr

    no_feed = scrapy_crawl(mirror, tmp_path, "medcom", feed=None)  # nothing written: nothing to warn about
    assert lines_with(no_feed.stderr, "3 known articles skipped") and not lines_with(no_feed.stderr, "no items")


# --- 3. since without until on the mirror ----------------------------------------------------------------------

def test_since_without_until_stops_at_the_mirrors_last_day(mirror, tmp_path):
    result = scrapy_crawl(mirror, tmp_path, "tribunnews", "since=2024-10-01")
    assert result.returncode == 0, result.stderr[-3000:]
    items = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert {item["url"] for item in items} == {f"{JATENG}?page=all", AMP}
    assert lines_with(result.stderr, "INFO", "offline mirror", "end at 2024-11-07")
    assert lines_with(result.stderr, "INFO", "walking the daily listings from 2024-11-07 back to 2024-10-01 (38 days)")
    index = [url for url, _ in mirror.served if "/index-news?" in url and "page=" not in url]
    assert len(index) == 38 and "https://www.tribunnews.com/index-news?date=2024-11-8" not in index
    # The 34 days the mirror does not hold: one INFO line with the status, no ERROR per day.
    stats = json.loads((tmp_path / "stats.json").read_text())
    assert stats["saring/listing_missing"] == 34
    (missing,) = lines_with(result.stderr, "listing(s) not found")
    assert "INFO" in missing and "34 listing(s) not found (HTTP 404)" in missing
    assert not lines_with(result.stderr, "ERROR", "index-news?date=2024-10")
    assert not lines_with(result.stderr, "Ignoring response <404")


def test_a_missing_feed_is_an_error_with_its_status(tmp_path):
    """Only a day's listing that is not there is 'missing'; a feed that is not there is an error."""
    from testing.mirror import serve

    (tmp_path / "site" / "www.medcom.id").mkdir(parents=True)
    server = serve([tmp_path / "site"])
    try:
        result = scrapy_crawl(server, tmp_path, "medcom")
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stderr[-3000:]
    assert lines_with(result.stderr, "ERROR", "listing https://www.medcom.id/rss failed: HTTP 404")
    stats = json.loads((tmp_path / "stats.json").read_text())
    assert stats["saring/listing_errors"] == 1 and "saring/listing_missing" not in stats


def test_until_given_is_kept_on_the_mirror(mirror, tmp_path):
    result = scrapy_crawl(mirror, tmp_path, "tribunnews", "since=2024-11-05", "until=2024-11-09")
    assert result.returncode == 0
    assert not lines_with(result.stderr, "offline mirror: its dated listings")
    assert "https://www.tribunnews.com/index-news?date=2024-11-9" in [url for url, _ in mirror.served]


def test_the_mirror_says_which_days_it_holds(tmp_path):
    process = subprocess.Popen([SARING_BIN, "mirror", "--port", "0"], cwd=tmp_path, env=USER_ENV,
                               stdout=subprocess.PIPE, text=True)
    try:
        head = [process.stdout.readline() for _ in range(3)]
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert f"serving the bundled fixture sites of {ROOT} at http://127.0.0.1:" in head[0]
    assert "www.tribunnews.com: dated listings for 4 day(s), 2024-11-04 to 2024-11-07" in "".join(head)
    assert "(default: 8765" in run_saring("mirror", "--help").stdout


# --- 4. arguments checked before anything starts ---------------------------------------------------------------

@pytest.mark.parametrize(("spider", "args", "words"), [
    ("tribunnews", ["since=yesterday"], "-a since= takes a date as YYYY-MM-DD (e.g. 2024-11-05), not 'yesterday'"),
    ("tribunnews", ["since=2024-11"], "-a since= takes a date as YYYY-MM-DD"),
    ("tribunnews", ["since=2024-11-05", "until=5/11/2024"], "-a until= takes a date as YYYY-MM-DD"),
    ("tribunnews", ["since=2024-11-07", "until=2024-11-05"], "-a since=2024-11-07 is after -a until=2024-11-05"),
    ("tribunnews", ["since=2999-01-01"], "-a since=2999-01-01 is after today"),
    ("tribunnews", ["until=2024-11-05"], "-a until= needs -a since="),
    ("tribunnews", ["sinse=2024-11-05"], "unknown argument -a sinse=...; tribunnews takes -a since=, -a until="),
    ("tribunnews", ["refresh=maybe"], "-a refresh= takes 1 or 0"),
    ("news", [], "the news spider needs the pages to fetch: -a urls=URL,URL or -a url_file=PATH"),
    ("news", ["urls=www.contoh-berita.id/a"], "-a urls= takes http(s) URLs"),
    ("news", ["url_file=/nonexistent/urls.txt"], "-a url_file= takes a UTF-8 file of URLs"),
    ("jatimtimes", ["hosts=https://jatimtimes.com"], "-a hosts= takes host names"),
    ("kompas-tv", [], "no such spider; the spiders: " + ", ".join(SPIDERS)),
])
def test_bad_spider_arguments_are_one_line_and_exit_2(tmp_path, spider, args, words):
    command = [sys.executable, "-m", "scrapy", "crawl", spider, "-s", f"SARING_DB={tmp_path / 'a.db'}",
               "-O", str(tmp_path / "out.jsonl")]
    for arg in args:
        command += ["-a", arg]
    result = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    message = one_line(result)
    assert message.startswith(f"scrapy crawl {spider}: ") and words in message, message
    assert list(tmp_path.iterdir()) == []  # nothing opened or written


def test_scrapy_allows_its_own_spider_attributes(mirror, tmp_path):
    result = scrapy_crawl(mirror, tmp_path, "medcom", "download_timeout=20", "_job=abc")
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.parametrize(("args", "words"), [
    (["--since", "13/11/2024"], "--since takes a date as YYYY-MM-DD (e.g. 2024-11-05), not '13/11/2024'"),
    (["--since", "2024-11"], "--since takes a date as YYYY-MM-DD"),
    (["--until", "20241113"], "--until takes a date as YYYY-MM-DD"),
    (["--since", "2024-11-07", "--until", "2024-11-01"], "--since 2024-11-07 is after --until 2024-11-01"),
    (["--site", "kompas-tv"], "--site: no site family 'kompas-tv'; the known ones: " + ", ".join(
        sorted(p.name for p in PROFILES))),
])
def test_export_checks_its_filters(tmp_path, args, words):
    with ArticleStore(tmp_path / "a.db") as store:
        store.put({"url": "https://www.kompas.tv/a", "site": "kompastv", "title": "t", "body": "isi",
                   "published": "2024-11-05T10:00:00+07:00"})
    result = run_saring("export", str(tmp_path / "a.db"), *args)
    assert result.returncode == 2 and result.stdout == ""
    message = one_line(result)
    assert message.startswith("saring export: ") and words in message, message


def test_export_site_is_case_insensitive(tmp_path):
    with ArticleStore(tmp_path / "a.db") as store:
        store.put({"url": "https://www.kompas.tv/a", "site": "kompastv", "title": "t", "body": "isi",
                   "published": "2024-11-05T10:00:00+07:00"})
    result = run_saring("export", str(tmp_path / "a.db"), "--site", "KompasTV", "--since", "2024-11-05")
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 1


# --- 5. crawling from any directory ----------------------------------------------------------------------------

def test_saring_crawl_from_a_directory_outside_the_checkout(mirror, tmp_path):
    listed = subprocess.run([SARING_BIN, "crawl", "--list"], cwd=tmp_path, env=USER_ENV, capture_output=True,
                            text=True, timeout=120)
    assert listed.returncode == 0 and listed.stdout.split() == SPIDERS
    (tmp_path / "urls.txt").write_text("https://www.contoh-berita.id/ekonomi/2024/11/20/anggaran-subsidi-pupuk-"
                                       "naik-dua-triliun\n")
    result = subprocess.run([SARING_BIN, "crawl", "news", "-a", "url_file=urls.txt", "--mirror", mirror.url,
                             "-O", "any.jsonl", "-s", "SARING_STATS_FILE=stats.json"], cwd=tmp_path, env=USER_ENV,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    (item,) = [json.loads(line) for line in (tmp_path / "any.jsonl").read_text().splitlines()]
    assert item["extractor"] == "generic" and item["title"]
    assert (tmp_path / "articles.db").is_file() and (tmp_path / "stats.json").is_file()  # where the user is
    again = subprocess.run([SARING_BIN, "crawl", "tribunnews", "-a", "since=yesterday"], cwd=tmp_path,
                           env=USER_ENV, capture_output=True, text=True, timeout=120)
    assert again.returncode == 2
    assert one_line(again).startswith("saring crawl tribunnews: -a since= takes a date as YYYY-MM-DD")


def test_saring_crawl_needs_a_running_mirror_and_a_site(tmp_path):
    from testing.mirror import free_port

    result = subprocess.run([SARING_BIN, "crawl", "medcom", "--mirror", f"http://127.0.0.1:{free_port()}"],
                            cwd=tmp_path, env=USER_ENV, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "no mirror answers at" in one_line(result)
    result = subprocess.run([SARING_BIN, "crawl"], cwd=tmp_path, env=USER_ENV, capture_output=True, text=True)
    assert result.returncode == 2 and "saring crawl --list" in one_line(result)
    assert list(tmp_path.iterdir()) == []


def test_version():
    from cleaners import __version__

    result = subprocess.run([SARING_BIN, "--version"], env=USER_ENV, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == f"saring {__version__}"
    assert __version__[0].isdigit() and __version__ != "0+unknown"


# --- 6. saring clean on Saring's own records; --version ----------------------------------------------------------

GOOD = ROOT / "fixtures" / "text" / "004_69ee16c09114b4dc.txt"
SUBHEADED = ROOT / "fixtures" / "text" / "000_79ab5d31336fbc81.txt"
SUBHEADED_URL = ("https://m.tribunnews.com/internasional/2024/10/14/pandang-rusia-korea-utara-makin-kuat-zelensky-"
                 "klaim-kim-jong-un-kirim-personel-militer-untuk-putin?page=2")


def clean_records(*args: str, **kwargs) -> list[dict]:
    result = run_saring("clean", "-j", "1", *args, **kwargs)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_clean_passes_its_own_records_through(tmp_path):
    (record,) = clean_records(str(GOOD))
    crawled = dict(record, fetched_at="2024-10-11T09:00:00+00:00", http_status=200, duplicate_of=None)
    del crawled["input"]
    (tmp_path / "export.jsonl").write_text(json.dumps(crawled) + "\n" + json.dumps({"url": "x", "body": ""}) + "\n")
    result = run_saring("clean", str(tmp_path / "export.jsonl"))
    assert result.returncode == 1  # the record with an empty body is an error
    again, empty = [json.loads(line) for line in result.stdout.splitlines()]
    assert again == dict(crawled, input=f"{tmp_path / 'export.jsonl'}#1")  # as it was, plus `input`
    assert "empty body" in empty["error"]
    assert "1 already clean records passed through" in result.stderr
    md = run_saring("clean", str(tmp_path / "export.jsonl"), "--format", "md", "--out-dir", str(tmp_path / "md"))
    (page,) = (tmp_path / "md").glob("*.md")
    assert page.read_text(encoding="utf-8").startswith(f"# {record['title']}\n") and md.returncode == 1


# --- 7. --format txt and md -------------------------------------------------------------------------------------

def test_txt_names_come_from_the_document_however_the_path_is_typed(tmp_path):
    relative = GOOD.relative_to(ROOT)
    for out, path, cwd in (("a", str(GOOD), ROOT), ("b", str(relative), ROOT), ("c", "004_69ee16c09114b4dc.txt",
                                                                                   GOOD.parent)):
        result = run_saring("clean", path, "--format", "txt", "--out-dir", str(tmp_path / out), cwd=cwd)
        assert result.returncode == 0, result.stderr
    names = [sorted(p.name for p in (tmp_path / out).iterdir()) for out in "abc"]
    assert names[0] == names[1] == names[2] == [".saring-index.jsonl",
                                                "kompastv_2024-10-11_004_69ee16c09114b4dc.txt"]
    # With a URL the slug is the URL's; the same document twice in a run gets -2.
    url = "https://www.kompas.tv/internasional/540000/respons-rusia-usai-tentara-korea-utara-diklaim-bantu"
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"text": GOOD.read_text(encoding="utf-8"), "url": url}) + "\n"
                            for _ in range(2)))
    assert run_saring("clean", str(dump), "--format", "txt", "--out-dir", str(tmp_path / "d")).returncode == 0
    stem = "kompastv_2024-10-11_respons-rusia-usai-tentara-korea-utara-diklaim-bantu"
    assert sorted(p.name for p in (tmp_path / "d").glob("*.txt")) == [f"{stem}-2.txt", f"{stem}.txt"]
    index = [json.loads(line) for line in (tmp_path / "d" / ".saring-index.jsonl").read_text().splitlines()]
    assert index == [{"input": f"{dump}#1", "file": f"{stem}.txt"}, {"input": f"{dump}#2", "file": f"{stem}-2.txt"}]
    resumed = run_saring("clean", str(dump), "--format", "txt", "--out-dir", str(tmp_path / "d"), "--resume")
    assert "2 skipped (already in the output)" in resumed.stderr


def test_errors_file_only_when_a_document_failed(tmp_path):
    out = tmp_path / "txt"
    (tmp_path / "empty.txt").write_bytes(b"")
    good = run_saring("clean", str(GOOD), "--format", "txt", "--out-dir", str(out))
    assert good.returncode == 0 and not (out / "_errors.jsonl").exists()
    bad = run_saring("clean", str(GOOD), str(tmp_path / "empty.txt"), "--format", "txt", "--out-dir", str(out))
    assert bad.returncode == 1
    (error,) = [json.loads(line) for line in (out / "_errors.jsonl").read_text().splitlines()]
    assert "empty input" in error["error"]
    good = run_saring("clean", str(GOOD), "--format", "txt", "--out-dir", str(out))
    assert good.returncode == 0 and not (out / "_errors.jsonl").exists()  # the old one is gone with its run


def test_with_metadata_header(tmp_path):
    (record,) = clean_records(str(GOOD))
    result = run_saring("clean", str(GOOD), "--format", "txt", "--with-metadata")
    assert result.returncode == 0, result.stderr
    header, body = result.stdout.split("\n---\n", 1)
    lines = header.splitlines()
    assert lines[0] == "---" and lines[1] == f"title: {record['title']}"
    for line in ("author: Haryo Jati", "editor: Vyara-Lestari", "sitename: kompastv",
                 "date: 2024-10-11T15:32:00+07:00", "source: Euronews", "language: id", f"input: {GOOD}"):
        assert line in lines
    assert body == record["body"] + "\n"


def test_one_document_goes_to_standard_output(tmp_path):
    (record,) = clean_records(str(GOOD))
    txt = run_saring("clean", str(GOOD), "--format", "txt")
    assert txt.returncode == 0 and txt.stdout == f"{record['title']}\n\n{record['body']}\n"
    piped = subprocess.run([sys.executable, "-m", "crawler.cli", "clean", "-", "--format", "md"], input=GOOD.read_text(),
                           capture_output=True, text=True, cwd=ROOT, env=ENV)
    assert piped.returncode == 0 and piped.stdout.startswith(f"# {record['title']}\n\n- Published: 2024-10-11T15:32")
    assert list(tmp_path.iterdir()) == []
    many = run_saring("clean", str(GOOD.parent), "--format", "txt")
    assert many.returncode == 2 and "give --out-dir DIR" in one_line(many) and many.stdout == ""
    failed = run_saring("clean", str(tmp_path / ".."), "--format", "md", "--out-dir", str(tmp_path / "o"), "-o",
                        str(tmp_path / "x.jsonl"))
    assert failed.returncode == 2 and "-o writes JSONL" in one_line(failed)


def test_markdown_subheadings_are_the_engines(tmp_path):
    """`##` headings are the paragraphs the reading engine marks as subheadings (Role.SUBHEADING)."""
    from cleaners import line_roles

    result = run_saring("clean", str(SUBHEADED), "--url", SUBHEADED_URL, "--format", "md")
    assert result.returncode == 0, result.stderr
    headings = [line[3:] for line in result.stdout.splitlines() if line.startswith("## ")]
    marked = [text for role, text in line_roles(SUBHEADED.read_text(encoding="utf-8"), SUBHEADED_URL)
              if role == "subheading"]
    assert headings == marked and len(headings) == 5
    assert result.stdout.startswith("# ") and result.stdout.count("\n# ") == 0


def test_missing_input_is_a_usage_error(tmp_path):
    for args in ([str(tmp_path / "nope.html")], [str(GOOD), str(tmp_path / "nope.html"), "-o",
                                                 str(tmp_path / "out.jsonl")],
                 [str(tmp_path / "nope.html"), "--format", "txt", "--out-dir", str(tmp_path / "txt")]):
        result = run_saring("clean", *args)
        assert result.returncode == 2 and result.stdout == ""
        assert one_line(result) == f"saring clean: {tmp_path / 'nope.html'}: no such file or directory"
    assert list(tmp_path.iterdir()) == []


def test_summary_gives_no_rate_for_a_handful(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_saring("clean", str(tmp_path / "empty.txt"))
    assert result.returncode == 1
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("saring clean: 0 ok, 1 failed in ") and "documents/s" not in summary
    many = run_saring("clean", "-j", "1", *[str(GOOD)] * 10)
    assert "documents/s" in many.stderr
