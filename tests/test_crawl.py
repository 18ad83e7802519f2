"""End-to-end crawls: the real `scrapy crawl` in a subprocess, against the offline mirror over real HTTP(S)
on 127.0.0.1. Items are compared with the expected records of the fixture pages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaners.sites import PROFILES

from .conftest import COMPARED, ROOT, load_expected, paragraphs, read_items, scrapy_crawl

EXPECTED = {e["url"]: e for e in load_expected("html") if e["url"]}
#: Expected records by every URL the mirror serves them at.
SERVED = {url: e for e in load_expected("html") for url in ([e["url"]] if e["url"] else []) + e.get("mirror_urls", [])}
JATENG = "https://jateng.tribunnews.com/2024/11/05/banjir-rob-genangi-pantura-semarang-ribuan-warga-mengungsi"
URL_003 = ("https://www.tribunnews.com/internasional/7401823/putin-berterima-kasih-kepada-pasukan-korea-utara-atas-"
           "bantuannya-merebut-kembali-kursk-dari-ukraina")
AMP = "https://www.tribunnews.com/amp/nasional/2024/11/06/kpu-tetapkan-jadwal-debat-pilkada-serentak-putaran-kedua"
GONE = "https://www.tribunnews.com/nasional/2024/11/06/artikel-yang-sudah-dihapus-redaksi"
FORBIDDEN = "https://www.tribunnews.com/ajax/2024/11/06/konten-yang-dilarang-robots"


def crawl(mirror, tmp_path: Path, spider: str, *args: str, settings: tuple[str, ...] = ()
          ) -> tuple[list[dict], dict]:
    result = scrapy_crawl(mirror.url, tmp_path, spider, *args, settings=("LOG_LEVEL=INFO", *settings))
    assert result.returncode == 0, result.stderr[-3000:]
    return read_items(tmp_path / f"{spider}.jsonl"), json.loads((tmp_path / f"{spider}.stats.json").read_text())


def assert_record(item: dict, expected: dict, pages: int = 1) -> None:
    for name in COMPARED:
        assert item[name] == expected[name], name
    assert paragraphs(item["body"]) == paragraphs(expected["body"])
    assert item["pages"] == pages
    assert item["http_status"] == 200 and item["fetched_at"].endswith("+00:00")
    assert item["language"] == "id"


def by_url(items: list[dict]) -> dict[str, dict]:
    return {item["url"]: item for item in items}


def test_scrapy_list():
    """One spider per family, named as the family, and the any-site spider."""
    result = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=ROOT, capture_output=True, text=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert result.stdout.split() == sorted([p.name for p in PROFILES] + ["news"])


@pytest.mark.parametrize("spider", [p.name for p in PROFILES])
def test_latest_crawl(mirror, tmp_path, spider):
    """A family's latest crawl gives the fixture pages its listings name, each with its expected record."""
    items, stats = crawl(mirror, tmp_path, spider)
    assert items
    for item in items:
        expected = SERVED[item["url"]]
        for name in COMPARED:
            assert item[name] == expected[name], (item["url"], name)
        assert paragraphs(item["body"]) == paragraphs(expected["body"]), item["url"]
    assert stats[f"saring/items/extractor/profile:{spider}"] == len(items)
    assert "saring/fallbacks/" + spider not in stats


def test_tribunnews_latest_robots_404_503_and_three_pages(mirror, tmp_path):
    items, stats = crawl(mirror, tmp_path, "tribunnews")
    found = by_url(items)
    assert set(found) == {f"{JATENG}?page=all", AMP, URL_003}
    # ?page=all still showed pagination: pages 2 and 3 were followed and merged into one item.
    all_pages = next(e for e in load_expected("html") if e["stem"] == "tribunnews/desktop_v1_pagedall")
    assert_record(found[f"{JATENG}?page=all"], all_pages, pages=3)
    assert found[f"{JATENG}?page=all"]["canonical_url"] == JATENG
    assert stats["saring/pages_merged"] == 3
    # 503 with Retry-After first, then served.
    assert_record(found[AMP], EXPECTED[AMP])
    statuses = [status for url, status in mirror.served if url == AMP]
    assert statuses == [503, 200]
    assert stats["retry/count"] >= 1 and stats["saring/retry_wait_seconds"] >= 1
    # 003's page has no URL facts; its record matches apart from the URL it was fetched from.
    expected_003 = next(e for e in load_expected("html") if e["stem"] == "tribunnews/desktop_v1")
    assert_record(found[URL_003], expected_003)
    # robots.txt: the disallowed article is never requested; the 404 is counted, and the crawl goes on.
    assert not any(url.startswith(FORBIDDEN) for url, _ in mirror.served)
    assert stats["robotstxt/forbidden"] >= 1
    assert (GONE, 404) in mirror.served and stats["saring/article_errors"] == 1
    assert stats["finish_reason"] == "finished"


def test_date_range_through_daily_index(mirror, tmp_path):
    items, stats = crawl(mirror, tmp_path, "tribunnews", "since=2024-11-05", "until=2024-11-07")
    assert set(by_url(items)) == {f"{JATENG}?page=all", AMP}
    served = [url for url, _ in mirror.served]
    for day in ("2024-11-7", "2024-11-6", "2024-11-5"):
        assert f"https://www.tribunnews.com/index-news?date={day}" in served
    assert "https://www.tribunnews.com/index-news?date=2024-11-6&page=2" in served
    assert "https://www.tribunnews.com/index-news?date=2024-11-4" not in served  # stopped once past `since`
    assert stats["saring/listing_errors"] == 1  # the 2024-11-7 index page is broken; the crawl went on


def test_date_range_through_sitemap_archive(mirror, tmp_path):
    items, _ = crawl(mirror, tmp_path, "jatimtimes", "since=2024-11-13", "until=2024-11-30")
    assert {item["site"] for item in items} == {"jatimtimes"}
    assert {item["published"][:10] for item in items} == {"2024-11-15", "2024-11-16"}
    assert "https://jatimtimes.com/sitemap/allNews/2.xml" not in [url for url, _ in mirror.served]


def test_urls_crawl_gives_exactly_those_pages(mirror, tmp_path):
    url_000 = next(e["url"] for e in load_expected("html") if e["stem"] == "tribunnews/mobile_v1")
    items, _ = crawl(mirror, tmp_path, "tribunnews", f"urls={url_000}")
    assert [item["url"] for item in items] == [url_000]
    assert_record(items[0], EXPECTED[url_000])  # a URL naming a page: that page only, not merged


def test_news_spider_any_site(mirror, tmp_path):
    urls = [EXPECTED_URL for EXPECTED_URL in (
        next(e["url"] for e in load_expected("html") if e["stem"] == "medcom/www_v1_2"),
        "https://www.contoh-berita.id/ekonomi/2024/11/20/anggaran-subsidi-pupuk-naik-dua-triliun")]
    url_file = tmp_path / "urls.txt"
    url_file.write_text("# two sites\n" + "\n".join(urls) + "\n")
    items, stats = crawl(mirror, tmp_path, "news", f"url_file={url_file}")
    found = by_url(items)
    assert found[urls[0]]["extractor"] == "profile:medcom"
    generic = found[urls[1]]
    assert generic["extractor"] == "generic" and generic["site"] is None
    assert generic["published"] == "2024-11-20T09:00:00+07:00"
    assert paragraphs(generic["body"])[0].startswith("JAKARTA - Pemerintah menaikkan anggaran")
    assert len(paragraphs(generic["body"])) == 4
    assert stats["saring/items/extractor/generic"] == 1
