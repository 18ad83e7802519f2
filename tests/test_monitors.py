"""Crawl monitors (crawler.monitors, run by Spidermon): field counts in the stats, and a run that fails with
exit status 3 when a family's fallback share or a required field's completeness crosses its threshold.
Real `scrapy crawl` runs against the mirror."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from testing.fixtures import site_fixtures
from testing.mirror import serve

from .conftest import read_items, scrapy_crawl
from .test_crawl import GONE


def run_crawl(mirror_url: str, tmp_path: Path, spider: str, *args: str, settings: tuple[str, ...] = ()
              ) -> tuple[subprocess.CompletedProcess, list[dict], dict]:
    result = scrapy_crawl(mirror_url, tmp_path, spider, *args, settings=settings)
    stats = json.loads((tmp_path / f"{spider}.stats.json").read_text())
    return result, read_items(tmp_path / f"{spider}.jsonl"), stats


def test_field_counts_and_a_passing_run(mirror, tmp_path):
    result, items, stats = run_crawl(mirror.url, tmp_path, "medcom")
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(items) == 3 and stats["saring/monitor/failed"] == 0
    for field in ("title", "authors", "editors", "tags", "image_caption", "published"):
        expected = sum(1 for item in items if item[field])
        assert stats.get(f"saring/fields/medcom/{field}", 0) == expected, field
    timed = sum(1 for item in items if item["published"] and "T" in item["published"])
    assert stats["saring/fields/medcom/published_time"] == timed
    assert "[Spidermon]" in result.stderr and "monitor failed" not in result.stderr


def test_a_required_field_below_its_threshold_fails_the_run(mirror, tmp_path):
    # One of the three articles of the mirror's Tribunnews feed shows no date: 67% < 100%.
    result, items, stats = run_crawl(mirror.url, tmp_path, "tribunnews",
                                     settings=('SARING_MONITOR_MIN_FIELDS={"title": 1.0, "published": 1.0}',))
    assert result.returncode == 3, result.stderr[-3000:]
    assert len(items) == 3  # the items are still written: the verdict is about the run
    reason = "Saring field completeness: tribunnews: published in 67% of 3 items (SARING_MONITOR_MIN_FIELDS wants 100%)"
    assert stats["saring/monitor/reasons"] == [reason] and stats["saring/monitor/failed"] == 1
    assert f"monitor failed: {reason}" in result.stderr
    # The same run's slowest and failed URLs (crawler.urlstats): the article gone from the site is a failure;
    # the one that answered 503 and then 200 after a retry is not, nor the one robots.txt disallows.
    assert stats["saring/urls/failed"] == [[GONE, "HTTP 404"]]
    slowest = stats["saring/urls/slowest"]
    assert slowest and [s[1] for s in slowest] == sorted((s[1] for s in slowest), reverse=True)
    assert {s[0] for s in slowest} >= {item["url"] for item in items if "page=all" not in item["url"]}
    # A family with fewer items than SARING_MONITOR_MIN_ITEMS is not judged.
    result, _, stats = run_crawl(mirror.url, tmp_path / "few", "tribunnews",
                                 settings=('SARING_MONITOR_MIN_FIELDS={"published": 1.0}', "SARING_MONITOR_MIN_ITEMS=10"))
    assert result.returncode == 0 and stats["saring/monitor/failed"] == 0


def test_a_layout_change_fails_the_run_through_the_fallback_share(tmp_path):
    """The site renamed its article container: the profile's body selector finds nothing, every page goes
    through the generic path, and the run fails."""
    site = tmp_path / "site"
    urls = []
    for fixture in site_fixtures():
        if fixture.id.startswith("medcom/www_v1"):
            parts = urlsplit(fixture.expected["url"])
            page = site / parts.hostname / parts.path.lstrip("/")
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(fixture.html_path.read_text(encoding="utf-8").replace(
                '<div class="text" itemprop="articleBody">', '<div class="isi-berita">'), encoding="utf-8")
            urls.append(fixture.expected["url"])
    (site / "www.medcom.id" / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    mirror = serve([site])
    try:
        (tmp_path / "run").mkdir()
        result, items, stats = run_crawl(mirror.url, tmp_path / "run", "news", f"urls={','.join(urls)}")
    finally:
        mirror.shutdown()
        mirror.server_close()
    assert len(items) == 2 and {item["extractor"] for item in items} == {"generic"}
    assert stats["saring/fallbacks/medcom"] == 2
    assert result.returncode == 3, result.stderr[-3000:]
    # The fallback alone fails the run: the profile's metadata readers still filled the fields.
    assert stats["saring/monitor/reasons"] == [
        "Saring fallback share: medcom: 100% of 2 items fell back to the generic path (SARING_MONITOR_MAX_FALLBACK_SHARE=0.2)"]
    assert all(item["published"] and item["authors"] and item["title"] for item in items)
