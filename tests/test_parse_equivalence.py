"""The shortcuts of the speed work give what the public calls they replace give: the page loader against
`trafilatura.utils.load_html`, the generic path's trafilatura candidate against `bare_extraction`."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from cleaners.paths.generic import trafilatura_body
from cleaners.paths.html import load_page

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(ROOT.glob("cleaners/sites/*/fixtures/**/*.html"))[:12] + sorted(
    (ROOT.parent / "shared" / "bench" / "zyte" / "html").glob("*.html.gz"))[:25]

ODD = [
    "", "x", "<p>x</p>", "<div>a</div><div>b</div>",
    "<!DOCTYPE html/>\n<html><body><p>a\x01b</p></body></html>",
    "<html/>\n<body><p>text</p></body>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>\u00e9\ufffe</p></body></html>',
    "<html><body>\x00\x0b<p>\uffff</p></body></html>",
    '<html><head><meta charset="iso-8859-1"></head><body>\u00fc</body></html>',
    # short pages: trafilatura's baseline rescue runs
    "<html><body><article><p>Satu kalimat pendek saja.</p></article></body></html>",
    '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "'
    + "Kalimat panjang dari JSON-LD yang cukup panjang. " * 10 + '"}</script></head><body><div>menu</div></body></html>',
    "<html><body><div><span>Kata</span> <a href='/x'>tautan</a></div><p>" + "isi " * 40 + "</p></body></html>",
]


def _read(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return data.decode("utf-8", "replace")


def _tree_or_error(fn, html):
    try:
        tree = fn(html)
    except Exception as exc:  # noqa: BLE001 - the same failure is an equal outcome
        return repr(exc)
    return etree.tostring(tree) if tree is not None else None


@pytest.mark.parametrize("html", ODD + [_read(p) for p in PAGES], ids=lambda h: repr(h[:30]))
def test_load_page_is_load_html(html):
    assert _tree_or_error(load_page, html) == _tree_or_error(load_html, html)


@pytest.mark.parametrize("html", ODD + [_read(p) for p in PAGES], ids=lambda h: repr(h[:30]))
def test_trafilatura_body_is_bare_extraction(html):
    tree = load_html(html)
    if tree is None:
        pytest.skip("not HTML")
    url = "https://news.example.id/2024/11/05/berita"
    document = trafilatura.bare_extraction(tree, url=url, fast=True, favor_recall=True, include_comments=False,
                                           include_tables=True, with_metadata=False)
    expected = getattr(document, "body", None)
    got = trafilatura_body(tree, url)
    assert (etree.tostring(got) if got is not None else None) == (
        etree.tostring(expected) if expected is not None else None)


def test_trafilatura_is_the_pinned_version():
    # trafilatura_body follows trafilatura 2.3.1's internal cascade; a new version needs a new look.
    assert trafilatura.__version__ == "2.3.1"
