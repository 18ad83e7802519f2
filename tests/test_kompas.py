"""The kompas.com family beyond what the shared fixture and crawl tests check: the spider's walk of the daily
index against the offline mirror (day by day, page by page, stopping at an empty page and at `since`), how
its pages are recognised without a URL and kept apart from Kompas TV's, its template rules and URL identity."""

from __future__ import annotations

import re

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from cleaners import clean_html
from cleaners.rules import Action, first_match
from cleaners.sites import profile_for
from cleaners.sites.kompas import PROFILE as KOMPAS
from cleaners.urls import canonical_url
from crawler.spiders.kompas import KompasSpider

from .conftest import FIXTURES, SHARED, load_expected, page, paragraphs
from .test_crawl import by_url, crawl

FAMILY = [e for e in load_expected("html") if e["site"] == "kompas"]
BY_STEM = {e["stem"]: e for e in FAMILY}
INDEX = "https://indeks.kompas.com/?site=all"


def _without_own_url(html: str) -> str:
    return re.sub(r'<(meta property="og:url"|link rel="canonical"|link rel="amphtml")[^>]*>', "", html)


def test_date_range_walks_the_daily_index(mirror, tmp_path):
    items, stats = crawl(mirror, tmp_path, "kompas", "since=2016-02-16", "until=2016-02-23")
    wanted = {BY_STEM[f"kompas/{s}"]["url"]: BY_STEM[f"kompas/{s}"]
              for s in ("news_v1", "news_v1_3", "bola_v1", "otomotif_v1")}
    found = by_url(items)
    assert set(found) == set(wanted)
    for url, item in found.items():
        assert item["extractor"] == "profile:kompas" and item["site"] == "kompas"
        assert (item["title"], item["published"]) == (wanted[url]["title"], wanted[url]["published"])
        assert paragraphs(item["body"]) == paragraphs(wanted[url]["body"])
    served = [url for url, _ in mirror.served]
    for day in range(16, 24):  # every day of the window, newest first down to `since`
        assert f"{INDEX}&date=2016-02-{day:02d}" in served
    assert f"{INDEX}&date=2016-02-15" not in served
    # 2016-02-16 lists one article on each of pages 1 and 2; page 3 lists nothing and ends the day.
    assert f"{INDEX}&date=2016-02-16&page=3" in served and f"{INDEX}&date=2016-02-16&page=4" not in served
    assert f"{INDEX}&date=2016-02-23&page=2" in served and f"{INDEX}&date=2016-02-23&page=3" not in served
    assert f"{INDEX}&date=2016-02-18&page=2" not in served  # an empty first page ends the day at once
    assert "saring/listing_errors" not in stats


def test_latest_reads_the_index_until_a_page_lists_nothing(mirror, tmp_path):
    items, _ = crawl(mirror, tmp_path, "kompas")
    assert [item["url"] for item in items] == [BY_STEM["kompas/read_v2"]["url"]]
    served = [url for url, _ in mirror.served]
    assert INDEX in served and f"{INDEX}&page=2" in served and f"{INDEX}&page=3" not in served
    assert not any("date=" in url for url in served)


def _index_response(body: str, page: int) -> HtmlResponse:
    request = Request(KompasSpider.index_url(page=page), meta={"day": None, "page": page})
    return HtmlResponse(request.url, body=body.encode(), encoding="utf-8", request=request)


def test_index_page_without_its_list():
    """A first page without the list means the layout changed (a listing error); a later one ends the index."""
    spider = KompasSpider.from_crawler(get_crawler(KompasSpider))
    broken = "<html><body><p>Maaf, server sedang sibuk.</p></body></html>"
    with pytest.raises(ValueError, match="latest--indeks"):
        list(spider.parse_index(_index_response(broken, 1)))
    assert list(spider.parse_index(_index_response(broken, 2))) == []
    listed = ('<div class="latest--indeks"><div class="article__list"><a class="article__link" '
              'href="https://www.kompas.com/tren/read/2024/01/18/083000665/judul-berita">Judul</a></div></div>')
    requests = list(spider.parse_index(_index_response(listed, 4)))
    assert [r.url for r in requests] == ["https://www.kompas.com/tren/read/2024/01/18/083000665/judul-berita",
                                         f"{INDEX}&page=5"]


@pytest.mark.parametrize("expected", FAMILY, ids=lambda e: e["stem"])
def test_pages_recognised_without_any_url(expected):
    html = _without_own_url(page(expected["stem"]))
    assert profile_for(html=html) is KOMPAS
    assert clean_html(html).site == "kompas"


@pytest.mark.parametrize("expected", [e for e in load_expected("html") if e["site"] == "kompastv"],
                         ids=lambda e: e["stem"])
def test_kompas_tv_pages_stay_kompas_tv(expected):
    """A Kompas TV page is not taken for kompas.com, even when it links to kompas.com articles."""
    html = _without_own_url(page(expected["stem"])).replace(
        "</body>", '<a href="https://nasional.kompas.com/read/2024/01/18/11400011/x">Kompas.com</a></body>')
    assert profile_for(html=html).name == "kompastv"


def test_kompas_page_linking_kompas_tv_stays_kompas():
    html = _without_own_url(page("kompas/read_v2"))
    assert "https://www.kompas.tv/" in html  # the network footer
    assert profile_for(html=html) is KOMPAS


def test_page_texts_recognised():
    for stem in ("news_v1", "news_v1_2", "bola_v1"):  # datelines "JAKARTA, KOMPAS.com -"
        expected = BY_STEM[f"kompas/{stem}"]
        assert profile_for(text="\n".join([expected["title"], *expected["body"]])) is KOMPAS, stem
    v2 = BY_STEM["kompas/read_v2"]
    text = "\n".join([v2["title"], "Kompas.com - 18/01/2024, 11:40 WIB", *v2["body"][1:]])  # no dateline
    assert profile_for(text=text) is KOMPAS
    # No page text of the other families, shared or dev (Kompas TV's among them), is taken for kompas.com.
    # (The dev texts are read when ../shared is beside the checkout.)
    texts = sorted((FIXTURES / "text").glob("*.txt")) + sorted((SHARED / "dev" / "text").glob("*.txt"))
    for path in texts:
        assert profile_for(text=path.read_text(encoding="utf-8")) is not KOMPAS, path.name
    assert profile_for(text=(FIXTURES / "text" / next(
        e["fixture"] for e in load_expected("text") if e["site"] == "kompastv")).read_text(encoding="utf-8")).name == "kompastv"


@pytest.mark.parametrize(
    ("line", "action"),
    [
        ("Baca berita tanpa iklan. Gabung Kompas.com+", Action.DROP),
        ("BACA BERITA TANPA IKLAN. GABUNG KOMPAS.COM+", Action.DROP),
        ("Tim Redaksi", Action.END),
        ("TIM REDAKSI", Action.END),
        # Sentences that only share the words.
        ("Tim redaksi majalah itu menolak berkomentar soal gugatan tersebut.", None),
        ("Tim Redaksi Kompas.com menghubungi tiga narasumber untuk laporan ini.", None),
        ("Warga kini bisa baca berita tanpa iklan di papan informasi digital.", None),
        ("Baca berita selengkapnya di halaman berikut.", None),
    ],
)
def test_template_rules(line, action):
    found = first_match(line, KOMPAS.rules)
    assert (found.action if found else None) is action


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        # The same article under two slugs (the bola page is linked with both).
        ("http://bola.kompas.com/read/2016/02/23/16374618/samsul.arif.tak.beban.lawan.persib",
         "https://bola.kompas.com/read/2016/02/23/16374618"),
        ("http://bola.kompas.com/read/2016/02/23/16374618/Samsul.Arif.Tak.Beban.Lawan.Arema?utm_source=RD",
         "https://bola.kompas.com/read/2016/02/23/16374618"),
        ("https://www.kompas.com/tren/read/2024/01/18/083000665/bmkg-peringatkan-cuaca-ekstrem?page=all",
         "https://www.kompas.com/tren/read/2024/01/18/083000665"),
        ("https://kompas.com/read/2024/01/18/11400011/judul-berita", "https://www.kompas.com/read/2024/01/18/11400011"),
        ("https://www.kompas.com/tag/bus-listrik", "https://www.kompas.com/tag/bus-listrik"),
    ],
)
def test_canonical_url(url, canonical):
    assert canonical_url(url, KOMPAS.canonical) == canonical


def test_hosts_and_title_suffix():
    assert profile_for(url="https://regional.kompas.com/read/2024/01/18/1/x") is KOMPAS
    assert profile_for(url="https://www.kompas.tv/nasional/551234/judul").name == "kompastv"
    assert profile_for(url="https://notkompas.com/read/2024/01/18/1/x") is None
    assert profile_for(url="https://kompas.com.evil.example/read/x") is None
    for title in ("Polres Lhokseumawe Serahkan Anggota - Kompas.com Regional", "Polres Lhokseumawe Serahkan Anggota - Kompas.com"):
        assert KOMPAS.title_suffix.sub("", title) == "Polres Lhokseumawe Serahkan Anggota"
