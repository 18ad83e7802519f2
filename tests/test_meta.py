"""read_meta's one walk over the page finds what an XPath for each kind of element finds: the first meta tag
of each name, every JSON-LD block in document order, the first `<title>`, the first canonical link with
an href (on the family fixtures, the dev pages and made-up markup)."""

from __future__ import annotations

import json

import pytest
from lxml import etree

from cleaners.dom.meta import _objects, json_ld_objects, read_meta
from cleaners.paths.html import parse_html

from .conftest import ROOT, SHARED


def by_xpath(tree: etree._Element) -> dict:
    """What each part of the page's head reads, one XPath each."""
    named: dict[str, str] = {}
    for node in tree.xpath("//meta[@content]"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        if key and key not in named:
            named[key] = node.get("content")
    objects, broken = [], []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        raw = (script.text or "").strip()
        if raw:
            try:
                data = json.loads(raw, strict=False)
            except ValueError:
                broken.append(raw)
                continue
            objects += _objects(data)
    titles = tree.xpath("//title")
    hrefs = tree.xpath("//link[@rel='canonical'][@href]/@href")
    return {"named": named, "broken": broken, "objects": objects,
            "title": " ".join((titles[0].text or "").split()) or None if titles else None,
            "canonical": hrefs[0].strip() if hrefs else None}


def by_read_meta(tree: etree._Element) -> dict:
    meta = read_meta(tree)
    return {"named": meta.named, "broken": meta.json_ld_broken, "title": meta.title_tag,
            "canonical": meta.canonical, "objects": meta.json_ld}


MADE_UP = """<html lang="id"><head>
<title>  Judul   Halaman </title>
<meta name="description" content="Pertama">
<meta name="Description" content="Kedua">
<meta property="og:title">
<link rel="canonical">
<link rel="canonical" href=" https://contoh.id/a ">
<link rel="canonical" href="https://contoh.id/b">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A"}</script>
<script type="application/ld+json">{broken</script>
<script>var x = 1;</script>
</head><body>
<svg><title>Ikon</title></svg>
<div itemscope><meta itemprop="datePublished" content="2026-12-01"></div>
<script type="application/ld+json">{"@type": "Person", "name": "B"}</script>
</body></html>"""


def test_made_up_page():
    tree = parse_html(MADE_UP)
    meta = read_meta(tree)
    assert meta.named == {"description": "Pertama", "datepublished": "2026-12-01"}
    assert meta.title_tag == "Judul Halaman"
    assert meta.canonical == "https://contoh.id/a"
    assert [o.get("@type") for o in meta.json_ld] == ["NewsArticle", "Person"]
    assert meta.json_ld_broken == ["{broken"]
    assert json_ld_objects(tree) == (meta.json_ld, meta.json_ld_broken)
    assert meta.meta["title"] == "Judul Halaman"
    assert by_read_meta(tree) == by_xpath(tree)


def test_no_head_elements():
    meta = read_meta(parse_html("<html><body><p>Hanya teks.</p></body></html>"))
    assert (meta.named, meta.json_ld, meta.title_tag, meta.canonical) == ({}, [], None, None)
    assert read_meta(parse_html("<html><head><title></title></head><body><p>x</p></body></html>")).title_tag is None


def test_the_title_of_an_element_given_is_looked_for_inside_it():
    tree = parse_html(MADE_UP)
    body = tree.find("body")
    assert read_meta(body).title_tag == "Ikon"  # (the other fields are the document's)
    assert read_meta(body).canonical == "https://contoh.id/a"


def _pages() -> list:
    paths = sorted((ROOT / "cleaners" / "sites").glob("*/fixtures/*.html"))
    if (SHARED / "dev" / "html").is_dir():
        paths += sorted((SHARED / "dev" / "html").glob("*.html"))
    return paths


@pytest.mark.parametrize("path", _pages(), ids=lambda p: p.name)
def test_real_and_fixture_pages(path):
    tree = parse_html(path.read_text(encoding="utf-8", errors="replace"))
    assert by_read_meta(tree) == by_xpath(tree)
