"""Where a page's article text may stand, found on the parsed tree (no second extraction run): the
densest text container, the schema.org `articleBody` element, the `<article>` element, and the page's
image captions (the body of a photo or gallery page).

The density score is Readability's, which news pages have been read with for years: each paragraph (a
`<p>`, or a run of text directly in a `<div>` such as `<br>`-separated bodies) scores by its length and
its commas, and gives its score to its container and half to the container's parent; a container's score
shrinks with its share of link text, and its class and id words weigh for it (`content`, `isi`,
`artikel`) or against it (`comment`, `terkait`, `sidebar`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .blocks import INLINE, SKIP
from .render import is_caption_element, is_hidden, text_and_links, walk_attributes

#: Class and id words of containers that hold the article (English and Indonesian templates).
_POSITIVE = re.compile(r"article|body|content|entry|main|post|text|story|isi|berita|artikel|detail|konten|read|"
                       r"baca|teks|txt|news")
#: ... and of those that do not.
_NEGATIVE = re.compile(r"comment|komentar|disqus|footer|foot|sidebar|widget|related|terkait|share|social|sosmed|"
                       r"popular|populer|terpopuler|terbaru|latest|recommend|rekomendasi|promo|sponsor|iklan|"
                       r"banner|menu|nav|breadcrumb|tagcloud|topik|masthead|header|caption|rating|vote")
_TAG_WEIGHT = {"div": 5, "article": 8, "section": 3, "main": 5, "td": 3, "pre": 3, "blockquote": 3, "form": -3,
               "ol": -3, "ul": -3, "dl": -3, "li": -3, "address": -3, "th": -5, "h1": -5, "h2": -5, "h3": -5,
               "h4": -5, "h5": -5, "h6": -5, "body": -10, "html": -20}
_PARAGRAPHS = ("p", "pre", "td", "blockquote")
_TEXT_CONTAINERS = ("div", "section", "article", "main", "span", "font", "center")
#: A paragraph shorter than this says nothing about where the article is.
MIN_PARAGRAPH_CHARS = 25
#: How many of the best-scoring containers are weighed by their link density.
TOP_CANDIDATES = 12
#: Siblings of the best container that score at least this share of its score are part of the article.
SIBLING_SHARE = 0.2


def _tag(element: etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _class_weight(element: etree._Element) -> int:
    weight = 0
    for value in (element.get("class"), element.get("id")):
        if value:
            value = value.lower()
            if _NEGATIVE.search(value):
                weight -= 25
            if _POSITIVE.search(value):
                weight += 25
    return weight


def _direct_text(element: etree._Element) -> str:
    """The text that flows directly in an element (its own text, inline children, and tails)."""
    parts = [element.text or ""]
    for child in element:
        tag = _tag(child)
        if tag in INLINE:
            parts.append(" ".join(child.itertext()))
        elif tag == "br":
            parts.append(" ")
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


_OWN_TEXT = etree.XPath("text()", smart_strings=False)


def _paragraph_score(text: str) -> float:
    return 1 + text.count(",") + min(len(text) / 100, 3)


_CAPTION_CLASS = re.compile(r"caption|keterangan|credit|copyright", re.I)
_DATE_CLASS = re.compile(r"(?:^|[\s_-])(date|dates|time|tanggal|tgl|waktu|publish|published|posted|timestamp|"
                         r"datetime|pubdate|jam)(?:[\s_-]|$)", re.I)


@dataclass
class Container:
    element: etree._Element
    score: float
    #: The best container and the siblings that belong with it, in document order.
    elements: list[etree._Element]


@dataclass
class PageScan:
    """What one walk over the page finds: container scores, caption elements, the schema.org
    `articleBody` and `<article>` elements, the texts of the links."""

    scores: dict[etree._Element, float]
    #: Image captions (figures, figcaptions, photo blocks) with their position among the structure elements.
    captions: list[tuple[int, etree._Element]]
    schema: list[etree._Element]
    articles: list[etree._Element]
    link_texts: list[str]
    #: `<h1>` and `<h2>` elements, and elements that may print the date (`<time>`, date-class elements), in order,
    #: each with its position in the page.
    headings: list[tuple[int, etree._Element]]
    dates: list[tuple[int, etree._Element]]
    #: Elements that may be hidden (`render.maybe_hidden`), found by the same walk.
    hidden: list[etree._Element]


_TEXT_DIV_XPATH = etree.XPath("//div[text()[normalize-space()]]|//section[text()[normalize-space()]]|"
                              "//article[text()[normalize-space()]]|//main[text()[normalize-space()]]|"
                              "//center[text()[normalize-space()]]")
_SCANNED = ("p", "pre", "td", "blockquote", "h1", "h2", "time", "article", "figure", "figcaption", "a")


def scan(root: etree._Element) -> PageScan:
    """What the article finders need from the page, with lxml's own tag filter and XPath (a Python pass
    over every element costs a proxy object each)."""
    scores: dict[etree._Element, float] = {}
    captions, schema, articles, headings, dates, links = [], [], [], [], [], []

    def add(element: etree._Element | None, score: float) -> None:
        if element is None or not isinstance(element.tag, str):
            return
        if element not in scores:
            scores[element] = _TAG_WEIGHT.get(_tag(element), 0) + _class_weight(element)
        scores[element] += score

    for index, element in enumerate(root.iter(*_SCANNED)):
        tag = element.tag
        if tag == "a":
            links.append(" ".join(element.text_content().split()))
        elif tag in _PARAGRAPHS:
            text = " ".join(" ".join(element.itertext()).split())
            if len(text) >= MIN_PARAGRAPH_CHARS:
                score = _paragraph_score(text)
                owner = element.getparent()
                add(owner, score)
                if owner is not None:
                    add(owner.getparent(), score / 2)
        elif tag in ("h1", "h2"):
            headings.append((index, element))
        elif tag in ("figure", "figcaption"):
            captions.append((index, element))
        elif tag == "article":
            articles.append(element)
        elif tag == "time":
            dates.append((index, element))
    for element in _TEXT_DIV_XPATH(root):
        text = _direct_text(element)
        if len(text) >= MIN_PARAGRAPH_CHARS:
            score = _paragraph_score(text)
            add(element, score)
            add(element.getparent(), score / 2)
    order = {e: i for i, e in headings}
    walk = walk_attributes(root)
    for element in walk.marked:
        prop = (element.get("itemprop") or "").lower()
        if prop == "articlebody":
            schema.append(element)
        elif prop == "datepublished" and element.tag != "time":
            dates.append((_position(element, order), element))
        elif not prop and element.find("img") is not None and is_caption_element(element):
            captions.append((_position(element, order), element))
    captions.sort(key=lambda pair: pair[0])
    dates.sort(key=lambda pair: pair[0])
    return PageScan(scores, captions, schema, articles, links, headings, dates, walk.hidden)


def _position(element: etree._Element, headings: dict[etree._Element, int]) -> float:
    """The place of an element found by XPath among the scanned ones: just after the last heading that
    comes before it (-0.5 when none does); positions only say what stands after which heading."""
    best = -1
    for heading, index in headings.items():
        if index > best and _before(heading, element):
            best = index
    return best + 0.5


def _before(a: etree._Element, b: etree._Element) -> bool:
    """Whether `a` starts before `b` in document order."""
    path_a = [a, *a.iterancestors()][::-1]
    path_b = [b, *b.iterancestors()][::-1]
    for x, y in zip(path_a, path_b, strict=False):
        if x is not y:
            parent = x.getparent()
            return parent is not None and parent.index(x) < parent.index(y)
    return len(path_a) < len(path_b)


def best_container(page: PageScan) -> Container | None:
    """The element that holds most of the page's paragraph text (Readability's scoring), with its
    siblings that score close to it."""
    ranked = []
    # Link density only for the best-scoring few: it can lower a score, never raise it.
    for element, score in sorted(page.scores.items(), key=lambda pair: -pair[1])[:TOP_CANDIDATES]:
        if score <= 0:
            continue
        total, links = text_and_links(element)
        ranked.append((score * (1 - (links / total if total else 0)), element))
    ranked.sort(key=lambda pair: -pair[0])
    ranked = [pair for pair in ranked if not _skipped(pair[1])] if ranked and _skipped(ranked[0][1]) else ranked
    if not ranked:
        return None
    top_score, top = ranked[0]
    final = {e: s for s, e in ranked}
    elements = [top]
    parent = top.getparent()
    if parent is not None and _tag(top) not in ("body", "html"):
        threshold = max(10, top_score * SIBLING_SHARE)
        top_class = top.get("class")
        elements = []
        for sibling in parent:
            if sibling is top or isinstance(sibling.tag, str) and not _skipped(sibling) and (
                    final.get(sibling, 0) >= threshold
                    or (top_class and sibling.get("class") == top_class and final.get(sibling, 0) > 0)):
                elements.append(sibling)
    return Container(top, top_score, elements)


#: Two nested elements whose texts differ by less than this share read as the same candidate.
SAME_REGION_SHARE = 0.12


def same_text_region(element: etree._Element, container: Container) -> bool:
    """Whether an element holds nearly the text of the container (it is the container, or one of them
    nests the other with little text around): reading it again gives the same candidate."""
    top = container.elements[0] if len(container.elements) == 1 else None
    if top is None:
        return False
    if element is top:
        return True
    if not (any(a is element for a in top.iterancestors()) or any(a is top for a in element.iterancestors())):
        return False
    outer, inner = text_and_links(element)[0], text_and_links(top)[0]
    if outer < inner:
        outer, inner = inner, outer
    return outer <= (1 + SAME_REGION_SHARE) * inner


def _skipped(element: etree._Element) -> bool:
    return any(_tag(node) in SKIP or is_hidden(node) for node in (element, *element.iterancestors()))


def schema_body(page: PageScan) -> etree._Element | None:
    """The `itemprop="articleBody"` element with the most text."""
    return _largest(page.schema)


def article_element(page: PageScan) -> etree._Element | None:
    """The `<article>` element with the most text (an article page may also list teasers as articles)."""
    return _largest(page.articles)


def _largest(elements: list[etree._Element]) -> etree._Element | None:
    best, best_len = None, 0
    for element in elements:
        total, links = text_and_links(element)
        if total - links > best_len:
            best, best_len = element, total - links
    return best if best_len >= 100 else None


def caption_texts(page: PageScan, after: int = -1) -> list[str]:
    """Texts of the page's image captions (`<figcaption>`, caption-class elements, the text beside an
    image in a `<figure>` or a photo block), in document order, each once; a teaser card's linked title is
    not one. `after`: only those after that position (the headline's)."""
    found: list[str] = []
    seen: set[str] = set()
    taken: set[etree._Element] = set()
    for index, element in page.captions:
        if index <= after:
            continue
        if _tag(element) not in ("figure", "figcaption") and not is_caption_element(element):
            continue
        if any(a in taken for a in element.iterancestors()):
            continue
        text = " ".join(" ".join(element.itertext()).split())
        links = sum(len(" ".join(" ".join(a.itertext()).split())) for a in element.iter("a"))
        if not text or links >= 0.5 * len(text) or len(text) > 600 or text.casefold() in seen:
            continue
        seen.add(text.casefold())
        taken.add(element)
        found.append(text)
    return found
