"""An HTML container to blocks, for the generic path: the way a browser lays text out (block elements and
`<br>` end a paragraph), with what each block is (paragraph, heading, list item, table row, caption) and how
much of its text is link text.

What a reader never sees as the article is left out while walking: scripts and forms, hidden elements
(`hidden`, `display:none`, `.hide`), and sub-containers that are link widgets (mostly link text) or carry
a widget's class name (share bars, related boxes, comment sections), unless they hold real paragraphs.

Paragraph breaks: two `<br>` always split; a single `<br>` splits after a sentence end or a heading-like
line, and otherwise joins the hard-wrapped lines with a space, so that no two words are ever glued.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from .blocks import INLINE, SKIP

#: Block kinds: a paragraph, a heading, a list item, a table row, a quotation, an image caption.
P, HEAD, ITEM, ROW, QUOTE, CAPTION = "p", "head", "item", "row", "quote", "caption"

_KIND = {"h1": HEAD, "h2": HEAD, "h3": HEAD, "h4": HEAD, "h5": HEAD, "h6": HEAD, "li": ITEM, "dt": ITEM, "dd": ITEM,
         "tr": ROW, "blockquote": QUOTE, "figcaption": CAPTION}
#: Never article text wherever they stand (besides `SKIP`): forms, navigation, page furniture.
_FURNITURE = frozenset({"form", "nav", "aside", "footer", "header", "menu", "dialog", "textarea", "option", "label",
                        "object", "embed", "canvas", "video", "audio", "map", "picture", "source"})
_HIDDEN_CLASS = re.compile(r"(?:^|\s)(hide|hidden|d-none|sr-only|visually-hidden|screen-reader-text|invisible)(?:\s|$)")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

#: Class or id words of page widgets (compared with the parts of each class name split at `-` and `_`).
WIDGET_WORDS = frozenset({
    "share", "sharing", "sharer", "social", "sosmed", "socmed", "breadcrumb", "breadcrumbs", "comment", "comments",
    "komentar", "disqus", "related", "terkait", "readalso", "bacajuga", "rekomendasi", "recommended",
    "recommendation", "newsletter", "subscribe", "subscription", "advertisement", "advert", "ads", "ad", "iklan",
    "sponsor", "sponsored", "promo", "banner", "popular", "populer", "terpopuler", "trending", "widget", "sidebar",
    "rating", "rate", "vote", "voting", "reaction", "reactions", "emoji", "mood", "like", "likes", "follow",
    "pagination", "paging", "pager", "author-box", "authorbox", "nav", "navbar", "menu", "footer", "toolbar",
})
#: Class or id words of image captions and photo credits.
CAPTION_WORDS = frozenset({"caption", "captions", "figcaption", "keterangan", "credit", "credits", "copyright",
                           "wp-caption-text", "photo-caption", "image-caption", "img-caption", "foto-caption"})
#: A sub-container whose text is mostly link text is a link widget (related titles, tags, menus)...
LINK_WIDGET_SHARE = 0.6
#: ... unless it holds a paragraph of this many words outside links.
REAL_PARAGRAPH_WORDS = 20
_WORDS = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"""[.!?…:;"”’')\]]\s*$""")
_STARTS_UPPER = re.compile(r"""^["“‘'(\[]?[A-Z0-9]""")


@dataclass
class Block:
    """One paragraph-level block: its text (white space collapsed), kind, and link text length."""

    text: str
    kind: str = P
    link_chars: int = 0

    @property
    def link_share(self) -> float:
        """Share of the text inside links (0 when unknown: `link_chars` < 0)."""
        return max(self.link_chars, 0) / len(self.text) if self.text else 0.0


def class_words(element: etree._Element) -> frozenset[str]:
    """The words of an element's class and id, split at spaces, `-` and `_`, lower-cased."""
    cls, ident = element.get("class"), element.get("id")
    if not cls and not ident:
        return _NO_WORDS
    return _words_of(f"{cls or ''} {ident or ''}")


_NO_WORDS: frozenset[str] = frozenset()
_PARTS = re.compile(r"[-_]+")


@lru_cache(maxsize=4096)
def _words_of(raw: str) -> frozenset[str]:
    """(A page repeats its class names: each is split once.)"""
    words = set()
    for name in raw.lower().split():
        words.add(name)
        words.update(part for part in _PARTS.split(name) if part)
    return frozenset(words)


def is_hidden(element: etree._Element) -> bool:
    if not element.attrib:
        return False
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    cls = element.get("class")
    return bool(cls and _HIDDEN_CLASS.search(cls.lower()))


@dataclass
class AttributeWalk:
    """What one walk over every element of a page finds by its attributes (the walk costs about as much as
    one whole-page XPath here, and replaces two)."""

    #: Elements that may be hidden: see `maybe_hidden`.
    hidden: list[etree._Element]
    #: Elements with `itemprop`, or with a class and an `<img>` child: `//*[@itemprop]|//*[@class][img]`.
    marked: list[etree._Element]


def top_level(element: etree._Element) -> list[etree._Element]:
    """The top-level elements beside `element` (itself included), in order: libxml2 puts what follows a stray
    `</html>` into a second `<html>` beside the root."""
    return [*element.itersiblings(etree.Element, preceding=True)][::-1] + [element, *element.itersiblings(etree.Element)]


def walk_attributes(root: etree._Element) -> AttributeWalk:
    """One walk over root's whole document (as XPath's `//`), in document order."""
    hidden, marked = [], []
    tops = top_level(root.getroottree().getroot())
    img_parents = {img.getparent() for tree in tops for img in tree.iter("img")}
    for tree in tops:
        for element in tree.iter(etree.Element):
            names = element.keys()  # one call; an element's few attribute names are then looked up in it
            if not names:
                continue
            get = element.get
            cls = get("class") if "class" in names else None
            if "itemprop" in names or (cls is not None and element in img_parents):
                marked.append(element)
            if cls is not None and ("hid" in cls or "none" in cls or "sr-only" in cls or "invisible" in cls):
                hidden.append(element)
                continue
            style = get("style") if "style" in names else None
            hidden_style = style is not None and ("none" in style or "hidden" in style)
            if hidden_style or "hidden" in names or ("aria-hidden" in names and get("aria-hidden") == "true"):
                hidden.append(element)
    return AttributeWalk(hidden, marked)


def maybe_hidden(root: etree._Element) -> list[etree._Element]:
    """The elements of root's whole document (as XPath's `//`) that may be hidden, in document order: those
    with `hidden`, `aria-hidden="true"`, a style that says `none` or `hidden`, or a class holding `hid`,
    `none`, `sr-only` or `invisible`: the pre-filter of `is_hidden` (case-sensitive, so it passes over `Hidden`
    and, with no `hid` in it, `screen-reader-text`: a known gap, kept while outputs must not change). The same
    elements as the XPath
    `//*[@hidden or @aria-hidden='true' or @style[contains(., 'none') or contains(., 'hidden')] or
    @class[contains(., 'hid') or contains(., 'none') or contains(., 'sr-only') or contains(., 'invisible')]]`
    (tests/test_parse_equivalence.py), at two thirds of its time: libxml2 copies the attribute's value for
    every `contains`."""
    return walk_attributes(root).hidden


_HIDDEN_PARTS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "span", "td", "blockquote")


def hidden_texts(root: etree._Element, candidates: list[etree._Element] | None = None) -> frozenset[str]:
    """The texts a reader never sees: of each hidden element and of its paragraphs (an extractor that does
    not read CSS classes, such as trafilatura, returns a hidden summary box as text). `candidates`: the
    page's `maybe_hidden` elements, when a walk already found them."""
    found: set[str] = set()
    for element in maybe_hidden(root) if candidates is None else candidates:
        if not is_hidden(element) or _tag(element) in ("html", "body"):
            continue
        for part in (element, *element.iter(*_HIDDEN_PARTS)):
            text = " ".join(" ".join(part.itertext()).split())
            if text:
                found.add(text)
    return frozenset(found)


def _tag(element: etree._Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


_TEXT_LENGTH = etree.XPath("string-length(normalize-space(.))")
_CODE_TEXTS = etree.XPath(".//script/text()|.//style/text()|.//noscript/text()|.//template/text()",
                          smart_strings=False)
_LINK_TEXTS = etree.XPath(".//a//text()", smart_strings=False)
_PARAGRAPHS = etree.XPath(".//p", smart_strings=False)
_LINK_COUNT = etree.XPath("count(.//a)")


def text_and_links(element: etree._Element) -> tuple[int, int]:
    """(characters of visible text, of it inside links): scripts and styles do not count."""
    total = int(_TEXT_LENGTH(element)) - sum(len(t.strip()) for t in _CODE_TEXTS(element))
    links = sum(len(t.strip()) for t in _LINK_TEXTS(element))
    return max(total, 0), min(links, max(total, 0))


def longest_paragraph(element: etree._Element) -> int:
    """Words outside links in the element's longest `<p>`."""
    longest = 0
    for paragraph in _PARAGRAPHS(element):
        words = len(_WORDS.findall(" ".join(paragraph.itertext())))
        if words > longest:
            words -= sum(len(_WORDS.findall(" ".join(a.itertext()))) for a in paragraph.iter("a"))
            longest = max(longest, words)
    return longest


def is_widget(element: etree._Element, words: frozenset[str] | None = None) -> bool:
    """A sub-container that is a page widget: mostly link text, or a widget's class name, and no real
    paragraph inside."""
    words = class_words(element) if words is None else words
    widget_class = bool(words & WIDGET_WORDS)
    if not widget_class and _LINK_COUNT(element) < 2:
        return False
    total, links = text_and_links(element)
    link_widget = total and links >= LINK_WIDGET_SHARE * total and links >= 15
    if not link_widget and not (widget_class and total < 600):
        return False
    return longest_paragraph(element) < REAL_PARAGRAPH_WORDS


#: Class words of a photo block: with an image and a short text beside it, that text is the caption.
PHOTO_WORDS = frozenset({"photo", "foto", "image", "img", "picture", "gambar", "pic", "figure", "media"})
#: The text beside a photo is a caption when it is at most this long (in characters).
PHOTO_TEXT_CHARS = 400


def is_caption_element(element: etree._Element, words: frozenset[str] | None = None) -> bool:
    """`<figcaption>`, an element with a caption's class, or a photo block (a photo class, an image
    inside, a short text beside it that is not a link)."""
    if _tag(element) == "figcaption":
        return True
    words = class_words(element) if words is None else words
    if words & CAPTION_WORDS:
        return True
    if words & PHOTO_WORDS and element.find(".//img") is not None:
        total, links = text_and_links(element)
        return 0 < total <= PHOTO_TEXT_CHARS and links < 0.5 * total
    return False


class _Renderer:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.segments: list[str] = []  # lines of the current block, split at single <br>
        self.buffer: list[str] = []
        self.links = 0
        self.kind = P
        self.breaks = 0  # <br> seen since the last text

    # -- text collection
    def text(self, value: str | None, in_link: bool = False) -> None:
        if not value:
            return
        if value.strip():
            if self.breaks:
                self._end_segment(hard=self.breaks >= 2)
            self.breaks = 0
            if in_link:
                self.links += len(" ".join(value.split()))
        self.buffer.append(value)

    def line_break(self) -> None:
        if "".join(self.buffer).strip() or self.segments:
            self.breaks += 1

    def _end_segment(self, hard: bool) -> None:
        line = " ".join("".join(self.buffer).split())
        self.buffer = []
        if line:
            self.segments.append(line)
        if hard:
            self._emit()

    def flush(self) -> None:
        self._end_segment(hard=False)
        self._emit()
        self.breaks = 0

    def _emit(self) -> None:
        if not self.segments:
            self.links = 0
            return
        text = self.segments[0]
        parts = []
        for line in self.segments[1:]:
            if split_soft_break(text, line):
                parts.append(text)
                text = line
            else:
                text = f"{text} {line}"
        parts.append(text)
        total = sum(len(p) for p in parts) or 1
        for part in parts:
            share = round(self.links * len(part) / total)
            self.blocks.append(Block(part, self.kind, min(share, len(part))))
        self.segments = []
        self.links = 0

    # -- the walk (with a stack of its own: templates nest markup deeper than Python recurses)
    def walk(self, root: etree._Element, in_link: bool = False) -> None:
        self.text(root.text, in_link)
        # Frames: the element, its children still to walk, whether inside a link, the kind to restore
        # when a block element closes (None for inline elements).
        stack: list[tuple[etree._Element, object, bool, str | None]] = [(root, iter(root), in_link, None)]
        while stack:
            element, children, link, restore = stack[-1]
            child = next(children, None)  # type: ignore[call-overload]
            if child is None:
                stack.pop()
                if restore is not None:
                    self.flush()
                    self.kind = restore
                if stack:
                    self.text(element.tail, stack[-1][2])
                continue
            tag = _tag(child)
            if not tag or tag in SKIP or tag in _FURNITURE or (tag != "br" and is_hidden(child)):
                pass
            elif tag == "br":
                self.line_break()
            elif tag in INLINE and not (child.attrib and is_caption_element(child)):
                inner = link or tag == "a"
                self.text(child.text, inner)
                stack.append((child, iter(child), inner, None))
                continue
            elif (restore_kind := self._open_block(child, tag)) is not None:
                self.text(child.text, False)
                stack.append((child, iter(child), False, restore_kind))
                continue
            self.text(child.tail, link)

    def _open_block(self, element: etree._Element, tag: str) -> str | None:
        """Start a block element: the kind to restore when it closes, or None when it is left out (a
        widget) or was read whole (a table row)."""
        words = class_words(element)
        caption = is_caption_element(element, words)
        if not caption and tag not in ("p", "tr", "li") and is_widget(element, words):
            return None
        self.flush()
        outer = self.kind
        kind = _KIND.get(tag)
        if caption or (kind is None and tag == "figure"):
            kind = CAPTION
        if outer == CAPTION or (outer in (ITEM, QUOTE) and kind in (None, P)):
            kind = outer  # a paragraph inside a list item or a caption keeps the outer kind
        if tag == "tr":
            cells = [" ".join(" ".join(c.itertext()).split()) for c in element if _tag(c) in ("td", "th")]
            links = sum(len(" ".join(" ".join(a.itertext()).split())) for a in element.iter("a"))
            row = " ".join(c for c in cells if c)
            if row and not any(_tag(d) in ("p", "div", "table") for d in element.iter()):
                self.blocks.append(Block(row, ROW, min(links, len(row))))
                return None
        self.kind = kind or P
        return outer


def split_soft_break(before: str, after: str) -> bool:
    """Whether a single `<br>` between two lines is a paragraph break: a capital (or a digit, a quote)
    after a sentence end or after a short heading-like line; otherwise the lines are one hard-wrapped
    paragraph."""
    if not _STARTS_UPPER.match(after):
        return False  # a lower-case start goes on with the line before
    return bool(_SENTENCE_END.search(before)) or len(_WORDS.findall(before)) <= 8


def render(element: etree._Element) -> list[Block]:
    """The blocks of an element, in document order."""
    renderer = _Renderer()
    renderer.walk(element)
    renderer.flush()
    return renderer.blocks
