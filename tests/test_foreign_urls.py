"""A family's page under a URL that is not the family's (a web archive, a proxy, a made-up host in a WARC)
is still the family's page; a profile whose body selector misses still reads the page's metadata."""

from __future__ import annotations

import re

import pytest

from cleaners import clean_html, clean_text, page_links
from cleaners.urls import canonical_url, unwrap_archived

from .conftest import load_expected, page, paragraphs

ORIGINAL = "https://solo.tribunnews.com/2020/10/09/jembatan-gantung-putus"


@pytest.mark.parametrize("wrapped", [
    f"https://web.archive.org/web/20201009135250/{ORIGINAL}",
    f"http://web.archive.org/web/20201009135250id_/{ORIGINAL}",
    f"https://web.archive.org/web/2020/{ORIGINAL}",
    "https://web.archive.org/web/20201009135250/https%3A%2F%2Fsolo.tribunnews.com%2F2020%2F10%2F09%2Fjembatan-gantung-putus",
    f"https://archive.ph/2020.10.09-135250/{ORIGINAL}",
    f"https://archive.today/20201009135250/{ORIGINAL}",
    f"https://webcache.googleusercontent.com/search?q=cache:AbCdEf12:{ORIGINAL}&hl=id",
    "https://solo-tribunnews-com.translate.goog/2020/10/09/jembatan-gantung-putus?_x_tr_sl=id&_x_tr_tl=en",
])
def test_archived_and_proxied_urls_unwrap_to_the_original(wrapped):
    assert unwrap_archived(wrapped) == ORIGINAL
    assert canonical_url(wrapped) == ORIGINAL


@pytest.mark.parametrize("url", [
    ORIGINAL,
    "https://archive.org/details/some-collection",          # an archive's own page, not a copy
    "https://www.kompas.com/web/2020/10/09/judul",          # `/web/` in an ordinary path
    "https://example.org/search?q=cache:abc",
    None,
])
def test_other_urls_are_left_as_they_are(url):
    assert unwrap_archived(url) == url


def test_a_dash_in_a_proxied_host_survives():
    assert unwrap_archived("https://www-my--site-co-id.translate.goog/a?x=1&_x_tr_hl=en") == "https://www.my-site.co.id/a?x=1"


def test_canonical_url_has_one_slash_between_segments():
    assert canonical_url("https://example.org//2020//10/judul/") == "https://example.org/2020/10/judul"


def _expected(stem: str) -> dict:
    return next(e for e in load_expected("html") if e["stem"] == stem)


@pytest.mark.parametrize("stem", ["tribunnews/desktop_v2", "jatimtimes/desktop_v2", "kompastv/desktop_v1"])
def test_a_family_page_under_an_archive_url_is_read_by_its_profile(stem):
    expected = _expected(stem)
    archived = f"https://web.archive.org/web/20250101000000/{expected['url']}"
    direct = clean_html(page(stem), expected["url"])
    article = clean_html(page(stem), archived)
    assert article.extractor == f"profile:{expected['site']}"
    assert article.url == archived  # the record keeps the URL it was given
    assert article.canonical_url == direct.canonical_url
    assert (article.title, article.published, article.authors, article.editors, article.body) == \
           (direct.title, direct.published, direct.authors, direct.editors, direct.body)


def test_a_family_page_on_a_made_up_host_is_recognised_by_the_url_it_declares():
    expected = _expected("kompastv/desktop_v1")
    article = clean_html(page("kompastv/desktop_v1"), "http://warc-replay.invalid/record/17")
    assert article.extractor == "profile:kompastv"
    assert paragraphs(article.body) == paragraphs(expected["body"])
    # The page's own URL is its identity: copies under other hosts are one article to the store.
    assert article.canonical_url == clean_html(page("kompastv/desktop_v1"), expected["url"]).canonical_url


def test_a_page_that_declares_another_sites_url_is_not_taken_for_a_family():
    html = page("kompastv/desktop_v1")
    html = re.sub(r'(<meta property="og:url" content=")[^"]*', r"\1https://example.org/berita/1", html)
    html = re.sub(r'(<link rel="canonical" href=")[^"]*', r"\1https://example.org/berita/1", html)
    assert clean_html(html, "http://warc-replay.invalid/record/17").site is None


def test_a_text_under_an_archive_url_is_read_as_the_originals():
    expected = next(e for e in load_expected("text") if "tribunnews" in e["url"])
    direct = clean_text(expected["text"], expected["url"]).to_dict()
    archived = clean_text(expected["text"], f"https://web.archive.org/web/2024/{expected['url']}").to_dict()
    assert archived["extractor"] == direct["extractor"]
    for name in ("title", "authors", "editors", "published", "tags", "body", "canonical_url"):
        assert archived[name] == direct[name], name


@pytest.mark.parametrize("stem, body_class", [
    ("tribunnews/desktop_v2", "side-article txt-article"),
    ("jatimtimes/desktop_v2", "post-body"),
    ("kompastv/desktop_v1", "article__body"),
])
def test_when_the_body_selector_misses_the_profile_still_reads_the_metadata(stem, body_class):
    expected = _expected(stem)
    html = page(stem).replace(f'class="{body_class}"', 'class="konten-baru-2026"')
    article = clean_html(html, expected["url"]).to_dict()
    assert article["extractor"] == "generic" and article["site"] == expected["site"]
    assert any("body selector matched nothing" in w for w in article["warnings"])
    for name in ("title", "authors", "editors", "published", "tags"):
        assert article[name] == expected[name], name
    # The generic path found the body the template hid from the profile.
    assert set(paragraphs(expected["body"])) <= set(paragraphs(article["body"])) | {paragraphs(expected["body"])[0]}


def test_pagination_of_an_archived_page_is_the_originals():
    base = "https://jateng.tribunnews.com/2024/11/05/banjir-rob-genangi-pantura-semarang-ribuan-warga-mengungsi"
    links = page_links(page("tribunnews/desktop_v1_paged1"), f"https://web.archive.org/web/2024/{base}?page=1")
    assert links.next_url == base + "?page=2" and links.total_pages == 3


def test_an_archive_of_archives_unwraps_at_any_depth():
    """Nested copies (an archive's copy of a proxy's copy of ...) unwrap to the end, however deep: a page
    whose canonical URL nests thousands of them is cleaned, not refused for running out of recursion."""
    proxied = "https://solo-tribunnews-com.translate.goog/2020/10/09/jembatan-gantung-putus?_x_tr_sl=id"
    layers = ["https://web.archive.org/web/2020/", "https://archive.ph/2020.10.09-135250/",
              "http://web.archive.org/web/20201009135250id_/"]
    for depth in (2, 3, 50, 3000):
        wrapped = "".join(layers[i % 3] for i in range(depth))
        assert unwrap_archived(wrapped + ORIGINAL) == ORIGINAL
        assert unwrap_archived(wrapped + proxied) == ORIGINAL
        assert canonical_url(f" {wrapped}{ORIGINAL}\n") == ORIGINAL
