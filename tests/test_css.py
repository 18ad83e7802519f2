"""`PageIndex.select` gives what lxml's `CSSSelector` gives: on the family fixtures with every profile's
selectors (in every scope the profile path uses, and after nodes are dropped), on made-up markup with odd
class values, and on random trees with random selectors."""

from __future__ import annotations

import random
from dataclasses import fields
from functools import cache
from pathlib import Path

import pytest
from cssselect.xpath import ExpressionError
from lxml import etree
from lxml.cssselect import CSSSelector

from cleaners.dom.css import PageIndex, compile_selector
from cleaners.paths.html import load_page
from cleaners.sites.profile import HtmlRules
from cleaners.sites.registry import PROFILES

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(ROOT.glob("cleaners/sites/*/fixtures/**/*.html"))
SELECTORS = sorted({getattr(p.html, f.name) for p in PROFILES if p.html for f in fields(HtmlRules)
                    if isinstance(getattr(p.html, f.name), str) and getattr(p.html, f.name)})


@cache
def _reference(css: str) -> CSSSelector:
    return CSSSelector(css)


def _same(index: PageIndex, context: etree._Element, css: str) -> None:
    assert index.select(context, css) == _reference(css)(context), css


@pytest.mark.parametrize("path", PAGES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_profile_selectors_on_the_fixtures(path):
    tree = load_page(path.read_text(encoding="utf-8"))
    index = PageIndex(tree)
    # The page, and what the selectors find in it (the profile path selects in the article root and the body).
    found = {e for css in SELECTORS for e in _reference(css)(tree)}
    scopes = [tree, *sorted(found, key=lambda e: e.sourceline or 0)[:12]]
    for context in scopes:
        for css in SELECTORS:
            _same(index, context, css)
    # The profile path drops nodes and selects again with the index it built before.
    for css in SELECTORS:
        for node in _reference(css)(tree)[::3]:
            if node.getparent() is not None and node is not tree:
                node.drop_tree()
    for context in (tree, *tree, *scopes[1:4]):
        for css in SELECTORS:
            _same(index, context, css)


ODD = """<html><body>
<div class="a b" id="x"><p class="a">1</p><span class="b\ta">2</span><span class="a\xa0b">3</span></div>
<div class="  lead  trail " id="x"><div class="c"><p class="a\nb\rc">4</p><p class="A">5</p></div></div>
<section class="a\x0cb"><article class=""><p class="a a">6</p><b id="y-1">7</b></article></section>
<ul class="kcm__x kgnw-y"><li class="ads-1 z">8</li><li id="div-Center-FullBanner-2">9</li><li class="x">10</li></ul>
<div class="b"><div class="a"><div class="b"><p class="c">11</p></div></div></div>
<p class="c" title="">12</p><a href="/tag/x" class="q"><span class="badge-warning">13</span></a>
</body></html>"""

ODD_SELECTORS = [
    ".a", ".b", ".a.b", "div.a", "p.a", "span.a", ".lead", ".trail", ".c", ".A", "#x", "div#x", "#y-1",
    "[class^='kcm__']", "[class^='kgnw-']", "[class^='ads-']", "[class^='a']", "[class^=' lead']",
    "[class*='gnw']", "[class*='a b']", "[class^='']", "[class*='']", "[id^='div-Center']", "[id*='-']",
    "[class]", "[title]", "[title='']", "[href*='/tag/'] span.badge-warning", "a[href*='/tag/']",
    ".b .a", ".b > .a", ".b .c", ".b > .b .c", ".b .a > .b > .c", "div .b", "div > p", "body > div", "* .c",
    "div *", "ul > li", "section article p", ".a, .b", "p, span, b", "#x p, #x span", "p:has(> b), .c",
    "article p:first-child, .a", ":not(.a)", "div ~ p", "div + p", "li:nth-child(2)", "p.c[title]",
]


@pytest.mark.parametrize("css", ODD_SELECTORS)
def test_odd_markup(css):
    tree = etree.fromstring(ODD, etree.HTMLParser())
    index = PageIndex(tree)
    for context in tree.iter(etree.Element):
        _same(index, context, css)


def test_what_the_index_does_not_evaluate_goes_to_xpath():
    assert compile_selector(":not(.a), p:has(> b), div + p").fallback is not None
    compiled = compile_selector(".a, div > p, [class^='x'], p:has(> b)")
    assert len(compiled.chains) == 3 and compiled.fallback is not None
    assert compile_selector(".a b").fallback is None
    with pytest.raises(Exception, match="Expected"):
        compile_selector("div >")


def test_pseudo_elements_are_refused_as_by_cssselect():
    tree = etree.fromstring("<html><body><p>a</p></body></html>", etree.HTMLParser())
    for css in ("p::before", "p:first-line", "div, p::first-letter"):
        with pytest.raises(ExpressionError):
            CSSSelector(css)
        with pytest.raises(ExpressionError):
            PageIndex(tree).select(tree, css)


def test_document_order_beyond_the_root_and_inside_a_dropped_subtree():
    # libxml2 puts what follows a stray `</html>` into a second `<html>` beside the root
    tree = etree.fromstring('<html><body><p class="a">1</p></body></html><p class="a">2</p><p class="a">3</p>',
                            etree.HTMLParser())
    index = PageIndex(tree)
    for context in (tree, *tree.itersiblings()):
        for css in ("html ~ * p", "* + *, p", ".a", "p, .a"):
            _same(index, context, css)
    tree = etree.fromstring("<html><body><div>" + "".join(f"<p>{i}</p>" for i in range(8)) + "</div></body></html>",
                            etree.HTMLParser())
    index = PageIndex(tree)
    div = tree.find(".//div")
    div.getparent().remove(div)
    for css in ("p", "div p", "div > p, p"):
        _same(index, div, css)
        assert index.select(tree, css) == []


TAGS = ["div", "p", "span", "a", "li"]
CLASSES = ["a", "b", "c", "a-b", "ads-x"]


def _random_tree(rng: random.Random) -> etree._Element:
    root = etree.Element("html")
    body = etree.SubElement(root, "body")
    nodes = [body]
    for _ in range(rng.randint(5, 60)):
        element = etree.SubElement(rng.choice(nodes), rng.choice(TAGS))
        if rng.random() < 0.6:
            separators = [" ", "  ", "\t", "\n", "\xa0"]
            element.set("class", rng.choice(["", " "]) + rng.choice(separators).join(
                rng.sample(CLASSES, rng.randint(1, 3))))
        if rng.random() < 0.2:
            element.set("id", rng.choice(["x", "y", "x-1"]))
        nodes.append(element)
    return root


def _random_compound(rng: random.Random) -> str:
    parts = [rng.choice(["", "", *TAGS])]
    parts += [f".{rng.choice(CLASSES)}" for _ in range(rng.randint(0, 2))]
    if rng.random() < 0.15:
        parts.append(f"#{rng.choice(['x', 'y', 'x-1'])}")
    if rng.random() < 0.2:
        parts.append(rng.choice(["[class^='a']", "[class*='-']", "[id^='x']", "[class]", "[id='y']"]))
    return "".join(parts) or "*"


def test_random_trees_and_selectors():
    rng = random.Random(12)
    for _ in range(150):
        tree = _random_tree(rng)
        index = PageIndex(tree)
        elements = list(tree.iter(etree.Element))
        for _ in range(12):
            chain = _random_compound(rng)
            for _ in range(rng.randint(0, 2)):
                chain += rng.choice([" ", " > "]) + _random_compound(rng)
            css = ", ".join([chain] + ([_random_compound(rng)] if rng.random() < 0.3 else []))
            for context in (tree, rng.choice(elements)):
                _same(index, context, css)


def test_random_trees_after_drops():
    # The index is built before the profile path drops nodes: what it lists of a dropped subtree must not
    # come back from a selection in the page, and selections inside a dropped subtree still find its own.
    rng = random.Random(7)
    for _ in range(150):
        tree = _random_tree(rng)
        index = PageIndex(tree)
        elements = list(tree.iter(etree.Element))[1:]
        dropped = rng.sample(elements, min(len(elements), rng.randint(1, 4)))
        for element in dropped:
            element.getparent().remove(element)  # (what drop_tree does, but for the tail text)
        for _ in range(12):
            chain = _random_compound(rng)
            for _ in range(rng.randint(0, 2)):
                chain += rng.choice([" ", " > "]) + _random_compound(rng)
            css = ", ".join([chain] + ([_random_compound(rng)] if rng.random() < 0.3 else []))
            for context in (tree, rng.choice(elements), rng.choice(dropped)):
                _same(index, context, css)
