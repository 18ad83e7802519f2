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
    # the loader parses the UTF-8: a page's declared charset, an XML declaration, characters of every width
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
    '<body><p>\u201cquotes\u201d \u00e9</p></body></html>',
    '<html><head><meta charset="shift_jis"></head><body>\u65e5\u672c\u8a9e</body></html>',
    '<?xml version="1.0" encoding="iso-8859-1"?>\n<html><body><p>\u00e9</p></body></html>',
    "<html><body><p>\U0001f600 emoji \u00fc \x85 \u2028</p></body></html>",
    "<!DOCTYPE html><html><body><p>one line</p></body></html>",
    # surrogates (no UTF-8): a pair is one character to lxml, a lone one is dropped
    "<html><body><p>\ud83d\ude00 pair</p></body></html>", "\ud800<html><body><p>a\udfffb</p></body></html>",
    # a non-ASCII space before the document (lxml.html's whole-document test reads `\s` by the input's type)
    "\xa0<html><body><p>a</p><p>b</p></body></html>", "\u3000 <!DOCTYPE html><html><body><p>x</p></body></html>",
    " \t\n<html><body><p>a</p></body></html>", "\x85<table><tr><td>x</td></tr></table>",
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


# --- the raw-tree prunes in one pass (cleaners/paths/trafilatura_prunes.py) against trafilatura's expressions ------

PRUNE_ODD = [
    # each alternative of each pattern, its near misses, nesting, and removals that hide later matches
    '<div id="comments"><p>a</p></div><div id="Comment-5"></div><div id="commentary"><p>kept</p></div>',
    '<section class="comment-list"></section><div class="post-comments x"></div><div class="article-comments">'
    '</div><div class="my-comment">kept: not at the start</div><div class="Commentary">kept</div>',
    '<div id="comol-1"></div><div id="disqus_thread"></div><div id="dsq-comments"></div><div id="x-disqus_thread">'
    'kept</div><details id="comments-box"></details>',
    '<ol class="comment-list"><li>a</li></ol><ul id="comments"><li>b</li></ul><ul id="disqus_thread"><li>kept'
    '</li></ul><ol id="dsq-comments"><li>kept</li></ol><span class="comment">kept: not a container</span>',
    '<div class="infinite-scroll"><h2>next</h2></div><div id="infinitescroll"><h1>kept: holds the h1</h1></div>'
    '<section class="mvp-post-add-box"><h1>gone: the named box</h1></section><aside id="mvp-post-add-wrap"></aside>'
    '<div class="mvp-post-add-other">kept</div><div class="Infinite-scroll">kept: case</div>',
    '<div class="elementor-share-buttons--view-icon"></div><p class="elementor-share-buttons">kept: a p</p>',
    # a comment section inside an appended article, tails kept, an <h1> deeper down
    '<div class="infinite-scroll">x<div id="comments">y</div>z</div>after<div id="comments">t</div>tail'
    '<div class="infinite-scroll"><div><div><h1>deep</h1></div></div><div class="comment-x">c</div></div>',
    '<div id="comments" class="mvp-post-add-box">both</div><div class="infinite-scroll comment-list">both</div>',
]
FORUM = ('<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
         '<div id="comments"><p>posts are content here</p></div><div class="infinite-scroll"></div>')


def _prune_pages() -> list[str]:
    pages = [f"<html><body>{body}</body></html>" for body in [*PRUNE_ODD, FORUM]]
    paths = [*ROOT.glob("cleaners/sites/*/fixtures/**/*.html"), *ROOT.glob("fixtures/**/*.html"),
             *(ROOT.parent / "shared" / "bench" / "zyte" / "html").glob("*.html.gz"),
             *(ROOT.parent / "shared" / "dev" / "html").glob("*.html")]
    return pages + [_read(p) for p in sorted(paths)]


def test_raw_prune_is_trafilaturas():
    from copy import copy

    from trafilatura import core as traf_core

    from cleaners.paths.generic import _pruned

    compared = changed = 0
    for html in _prune_pages():
        tree = load_page(html)
        if tree is None:
            continue
        reference = copy(tree)
        is_forum = traf_core._forum_thread_page(reference)
        reference = traf_core.prune_unwanted_nodes(reference, traf_core.RAW_TREE_PRUNE_XPATH)
        if not is_forum:
            reference = traf_core.prune_unwanted_nodes(reference, traf_core.REMOVE_COMMENTS_AND_LISTS_XPATH)
        expected = etree.tostring(reference)
        assert etree.tostring(_pruned(tree)) == expected, html[:200]
        compared += 1
        changed += expected != etree.tostring(tree)
    assert compared >= len(PRUNE_ODD) + 150
    assert changed >= len(PRUNE_ODD)  # the prunes did remove something: the markup above hits them


DISCARD_ODD = (
    '<div role="navigation">a</div><span role="NAV">b</span><p role="main">kept</p><div data-lp-replacement-content="">'
    'c</div><section data-component="x-MostPopularStories">d</section><div id="cookie-bar">e</div>'
    '<div class="a" id="cookie">kept? class first</div><div id="cookie" class="a">f</div><div class="share-x">g</div>'
    '<div class="x ad y">h</div><div class="ad-slot">i</div><div class="gradient">kept</div><div id="shared">kept</div>'
    '<div id="share-box">j</div><ul><li class="widget">k</li></ul><div class="Footer">l</div><div id="ad-top">m</div>'
    '<h2 class="comments-title">n</h2><h2 class="comments-title x">o</h2><div id="reply-3">p</div>'
    '<div class="reply-3" id="x">kept: id first</div><b style="display:none">q</b><b style="display: none">r</b>'
    '<b id="is-hidden">s</b><b style="x" id="hidden">t: style first?</b><b id="hidden" style="x">u</b>'
    '<i aria-hidden="true">v</i><i class="foo hidden">w</i><i class="hidden">kept</i><i id="akismet-x">x</i>'
    '<p class="noprint">y</p><p class="metadata">z</p><span class="Slide">kept</span>'
    '<div class="wp-caption">cap</div><span id="caption-2">cap</span><figure class="caption">kept: a figure</figure>'
)


def test_main_pass_expressions_are_trafilaturas():
    from copy import copy

    from trafilatura import core as traf_core
    from trafilatura.settings import Extractor
    from trafilatura.xpaths import BODY_XPATH, DISCARD_IMAGE_ELEMENTS, OVERALL_DISCARD_XPATH

    from cleaners.paths.trafilatura_prunes import (
        _article_content,
        _image_captions,
        _main_content,
        _overall_discard,
        _story_content,
    )

    options = Extractor(fast=True, recall=True, comments=False, tables=True, with_metadata=False)
    compared = found = containers = 0
    bodies = ['<div><section class="x"><div class="post">a</div></section><main id="articleContent">b</main></div>',
              '<span class="articleBody">no</span><div class="posts">no</div><article itemprop="articleBody">c</article>',
              '<div class="entry ">no</div><section id="my-article-body">d</section>']
    # BODY_XPATH[2] and [3], each alternative and near misses (a span, case, a class that is not the whole)
    stories = ['<span role="article">no</span><div role="Article">no</div><main role="article">e</main>',
               '<div id="articles">no</div><section id="story">f</section>', '<div class="text ">no</div>'
               '<div class="cell">g</div>', '<div class="postarea x">no</div><article class="art-postcontent">h</article>',
               '<div id="x-primary">no</div><div id="primary-col">i</div>', '<div id="a-story-body-b">j</div>',
               '<div class="FullText">k</div>', '<div class="article">no</div><div class="xarticle main">no</div>'
               '<div class="article main">l</div>', '<section class="single-post-x">m</section>',
               '<div class="blog-content">n</div><div class="field-body">o</div>', '<p class="story-content">no</p>']
    mains = ['<div id="contents">no</div><div class="content">p</div>', '<div id="content">q</div>',
             '<div id="a-content-main">r</div>', '<div class="content_main">s</div><div class="content__body">t</div>',
             '<div id="contentBody">u</div>', '<div id="Main-Content">v</div><div class="MAIN-CONTENT">w</div>',
             '<div class="PAGE-CONTENT">no</div><div class="Page-Content">x</div>', '<span id="content">no</span>',
             '<div class="contentbody">no</div><main class="content-body">y</main>']
    bodies += stories + mains + ["".join(stories[::-1]), "".join(mains[::-1]), "".join(mains + stories)]
    for html in [f"<html><body>{b}</body></html>" for b in (DISCARD_ODD, *bodies)] + _prune_pages():
        tree = load_page(html)
        if tree is None:
            continue
        # the page as trafilatura's main pass sees it (converted tags: list, item, head) and as parsed
        converted = traf_core.convert_tags(traf_core.tree_cleaning(copy(tree), options), options, None)
        for root in (tree, converted):
            expected = list(dict.fromkeys(e for expression in OVERALL_DISCARD_XPATH for e in expression(root)))
            assert _overall_discard(root) == expected, html[:200]
            compared += 1
            found += len(expected)
            container = BODY_XPATH[0](root)[:1]
            assert _article_content(root) == container, html[:200]
            containers += len(container)
            for mine, expression in ((_story_content, BODY_XPATH[2]), (_main_content, BODY_XPATH[3])):
                container = expression(root)[:1]
                assert mine(root) == container, html[:200]
                containers += len(container)
            captions = DISCARD_IMAGE_ELEMENTS[0](root)
            assert _image_captions(root) == captions, html[:200]
            found += len(captions)
    assert compared >= 300 and found > 1000 and containers > 50


def test_trafilaturas_expressions_are_put_back():
    from trafilatura import main_extractor

    from cleaners.paths.trafilatura_prunes import main_pass_in_python

    def expressions():
        return main_extractor.OVERALL_DISCARD_XPATH, main_extractor.BODY_XPATH, main_extractor.DISCARD_IMAGE_ELEMENTS

    original = expressions()
    trafilatura_body(load_html(_read(PAGES[-1])), None)
    assert expressions() == original
    with pytest.raises(RuntimeError), main_pass_in_python():
        assert all(now is not then for now, then in zip(expressions(), original, strict=True))
        raise RuntimeError("a failure inside trafilatura")
    assert expressions() == original
    assert all(hasattr(x, "path") for group in original for x in group)  # lxml XPath objects, not ours
    with main_pass_in_python():  # nested (another thread's call): put back only when the outer one ends
        with main_pass_in_python():
            inner = expressions()
        assert expressions() == inner
    assert expressions() == original
    mine = [*original[1]]  # what a caller had set before is what comes back
    main_extractor.BODY_XPATH = mine
    try:
        with main_pass_in_python():
            pass
        assert main_extractor.BODY_XPATH is mine
    finally:
        main_extractor.BODY_XPATH = original[1]


def test_following_is_xpaths_following():
    from cleaners.paths.generic import following

    reference = etree.XPath("following::*[position() <= 80]")
    compared = 0
    for html in ["<html><body><div><h1>t</h1>x<!-- c --><p>a<b>b</b></p></div><p>c</p></body></html>",
                 *_prune_pages()[:120]]:
        tree = load_page(html)
        if tree is None:
            continue
        for element in [*tree.iter("h1", "h2", "time")][:5] + list(tree.iter())[::97]:
            if isinstance(element.tag, str):
                assert following(element) == reference(element)
                compared += 1
    assert compared > 500



HIDDEN_ODD = (
    '<html><body><div hidden>a</div><div hidden="">b</div><p aria-hidden="true">c</p><p aria-hidden="TRUE">kept</p>'
    '<p aria-hidden="false">kept</p><span style="display:none">d</span><span style="visibility: hidden">e</span>'
    '<span style="DISPLAY:NONE">kept: case</span><span style="">kept</span><i class="hide">f</i>'
    '<i class="d-none x">g</i><i class="visually-hidden">h</i><i class="sr-only">i</i><i class="invisible">j</i>'
    '<i class="Hidden">kept: case</i><i class="screen-reader-text">kept: no hid</i><i class="">kept</i>'
    '<b class="x" style="display:none">k</b><b style="a" class="hidden">l</b><!-- hidden --><?pi hidden?>'
    '<table><tr hidden><td class="hid">m</td></tr></table><svg><g aria-hidden="true"></g></svg></body></html>'
)


MARKED_ODD = (
    '<html><body><div id="a" itemprop="articleBody"><p id="b" itemprop="">x</p></div>'
    '<div id="c" class=""><img src="i"><img src="j"></div><div class="x"><span><img src="k"></span></div>'
    '<figure id="d" class="photo"><div id="e" class="in"><img src="l"></div></figure><div><img src="m"></div>'
    '<span itemprop="author" id="f" class="hidden"></span><div class="x"><IMG src="n"></IMG></div></body></html>'
)


def test_maybe_hidden_is_the_xpath():
    from cleaners.dom.render import maybe_hidden, walk_attributes

    marks = etree.XPath("//*[@itemprop]|//*[@class][img]")
    reference = etree.XPath("//*[@hidden or @aria-hidden='true' or @style[contains(., 'none') or "
                            "contains(., 'hidden')] or @class[contains(., 'hid') or contains(., 'none') or "
                            "contains(., 'sr-only') or contains(., 'invisible')]]")
    found = marked = 0
    after_html = ('<html><body><p>a</p><div>widget</html></div><div hidden>x</div></body></html>'
                  '<div class="hidden">after</div><p style="display:none">y</p>')
    for html in [HIDDEN_ODD, after_html, MARKED_ODD, *_prune_pages()]:
        tree = load_page(html)
        if tree is None:
            continue
        assert maybe_hidden(tree) == reference(tree), html[:200]
        inner = next(tree.iter("body"), tree)
        assert maybe_hidden(inner) == reference(inner)  # `//`: the whole document, whatever the element
        walk = walk_attributes(inner)
        assert walk.hidden == reference(tree) and walk.marked == marks(tree), html[:200]
        found += len(reference(tree))
        marked += len(walk.marked)
    assert len(maybe_hidden(load_page(after_html))) == 3  # the elements after the stray `</html>` too
    odd = load_page(HIDDEN_ODD)
    assert [e.text for e in maybe_hidden(odd)] == list("abcdefghijkl") + [None, "m", None]
    assert found > 1000 and marked > 1000
    # d: its <img> is a grandchild; the last: <IMG> is parsed as img
    assert [e.get("id") for e in walk_attributes(load_page(MARKED_ODD)).marked] == [*"abcef", None]


def test_the_control_character_scan_finds_what_the_regex_finds():
    """load_page deletes control characters with trafilatura's regex only where its byte scan finds one:
    on every code point, alone and inside a page's text."""
    import sys

    from cleaners.paths.html import INVALID_XML_CHARS, _has_invalid_chars

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        expected = INVALID_XML_CHARS.search(char) is not None
        assert _has_invalid_chars(char) == expected, hex(code)
        if code < 0x800 or code in (0xFFFE, 0xFFFF):
            text = f"<p>Jakarta {char} kota</p>"
            assert _has_invalid_chars(text) == expected, hex(code)
