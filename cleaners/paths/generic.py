"""The generic path: any news page, without a site profile. It chooses its content.

The page is parsed once. Candidates for the article body are built from that one tree: trafilatura's main
content (recall-leaning, without its fallback extractors: it runs once), the densest text container
(Readability's scoring, `cleaners.dom.content`), the schema.org `articleBody` element, the `<article>`
element, the page's JSON-LD `articleBody`, and, for a photo page, its image captions. Each candidate's
blocks go through the same cleaning (the genre's boilerplate rules, bylines, date lines, captions, link
widgets), and the candidates are judged (`judge`): paragraphs that read as sentences count for a
candidate, menu-like short lines and link text against it, and agreement with the page's own JSON-LD body
decides between close ones. A menu, a widget or a rating box cannot win over a real body, and an empty
result never does.

Works on trafilatura's element tree rather than its rendered text, so that table rows and list items are
known as such (a table row is not a related-title line), `<br>`-separated paragraphs stay apart, and link
lists are judged by link density on the page rather than by line shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from copy import copy
from dataclasses import dataclass, field
from itertools import islice

from lxml import etree
from lxml import html as lxml_html
from trafilatura import core as traf_core
from trafilatura import main_extractor as traf_main
from trafilatura.settings import Extractor

from .. import recognise as R
from ..dom import content
from ..dom.blocks import element_lines
from ..dom.meta import PageMeta
from ..dom.render import CAPTION, HEAD, ITEM, QUOTE, ROW, Block, P, hidden_texts, render, split_soft_break
from ..memo import per_page
from ..recognise.blocks import is_caption_block, is_dated_teaser, parse_block_date
from ..record import Article
from ..rules import Action, RuleSet
from ..rules.blocks import block_ruleset
from ..rules.metrics import ends_like_sentence, word_count, word_runs
from ..sites.profile import SiteProfile
from . import generic_meta as M
from .trafilatura_prunes import main_pass_in_python, raw_prune_stages

#: Blocks whose lines are not subject to the line-shape rules (link lists, related-title tables).
STRUCTURED = {ROW, ITEM}
_ROW_ONLY_RULES = {"related-table"}
DEDUPE_MIN_WORDS = 8

#: Link texts shorter than this say little (menu words); longer ones are titles and teasers.
MIN_LINK_CHARS = 15
#: A block whose text is mostly the text of the page's links is a link widget (related titles, SEO lists,
#: menus): link density, the signal rendered text loses.
MAX_LINK_SHARE = 0.7
#: Link text of a block not read from the page itself (trafilatura's output): judged against the page's links.
UNKNOWN = -1
#: A date line is a line of at most this many words that holds a date (and maybe a label or a counter).
DATE_LINE_WORDS = 14


def link_texts(texts: list[str]) -> frozenset[str]:
    """The page's link texts that say something (menu words do not)."""
    return frozenset(t for t in texts if len(t) >= MIN_LINK_CHARS)


def is_link_block(text: str, links: frozenset[str], item: bool = False) -> bool:
    """Mostly link text, or a teaser card: a linked title glued to its blurb ("...from '90sThe Cowboys"),
    or in a list item, followed by it."""
    if len(text) < MIN_LINK_CHARS or not links:
        return False
    covered = 0
    for link in links:
        if link in text:
            covered += len(link)
            if text.startswith(link) and len(text) > len(link) + 1 and link[-1].isalnum():
                after = text[len(link) + 1] if item and text[len(link)] == " " else text[len(link)]
                if after.isupper() or after.isdigit():
                    return True
    return covered >= MAX_LINK_SHARE * len(text)


# --------------------------------------------------------------------------------------------- candidates


#: trafilatura's options for the candidate (`bare_extraction(fast=True, favor_recall=True,
#: include_comments=False, include_tables=True, with_metadata=False)`), built once.
_OPTIONS = Extractor(fast=True, recall=True, comments=False, tables=True, with_metadata=False)


def trafilatura_body(tree: lxml_html.HtmlElement, url: str | None) -> etree._Element | None:
    """The body element `trafilatura.bare_extraction(tree, url=url, fast=True, favor_recall=True,
    include_comments=False, include_tables=True, with_metadata=False)` returns, without the work whose
    result it throws away here: the backup tree kept for the external extractors (never run in fast
    mode), a second copy of the pruned page kept for the baseline rescue and a copy of the cleaned page
    kept for the main pass's recovery (each rebuilt in the rare case it is needed), the text rendering of
    the body, the options parsed from the configuration per call.

    Follows `trafilatura.core.trafilatura_sequence` of trafilatura 2.3.1 (pinned in pyproject.toml) for
    these options: recall focus (no recall escalation), no comments (so no forum-post salvage);
    `tests/test_parse_equivalence.py` checks it against the public call."""
    options = copy(_OPTIONS)
    options.url = url
    try:
        with main_pass_in_python():
            body, text = _extract_content(_cleaned(tree, options, url), options, lambda: _cleaned(tree, options, url))
        if len(text) < options.min_extracted_size:  # stage 3: the baseline on the pruned, uncleaned page
            b_body, b_text, b_len = traf_core.baseline(_pruned(tree))
            if b_len > len(text):
                body, text = b_body, b_text
        if len(text) < options.min_output_size and options.min_output_comm_size > 0:
            return None
    except (TypeError, ValueError):
        return None
    return body


def _cleaned(tree: lxml_html.HtmlElement, options: Extractor, url: str | None) -> lxml_html.HtmlElement:
    """A copy of the page as trafilatura's main pass reads it: pruned, cleaned, its tags converted."""
    return traf_core.convert_tags(traf_core.tree_cleaning(_pruned(tree), options), options, url)


def _extract_content(cleaned_tree: lxml_html.HtmlElement, options: Extractor,
                     backup: Callable[[], lxml_html.HtmlElement]) -> tuple[etree._Element, str]:
    """`trafilatura.main_extractor.extract_content` (trafilatura 2.3.1), without the copy of the whole
    cleaned page it makes before every main pass for the recovery of a page whose main pass finds too
    little (11 of the 181 Zyte pages): `backup()` builds that same tree again when the recovery runs. The
    copy is 0.8 ms a Zyte page."""
    order = list(cleaned_tree.iter())  # source order before the main pass moves elements
    result_body, temp_text, potential_tags = traf_main._extract(cleaned_tree, options)
    if len(result_body) == 0 or len(temp_text) < options.min_extracted_size:
        backup_tree = backup()
        consumed = {twin for elem, twin in zip(order, backup_tree.iter(), strict=True) if elem.tag == "done"}
        result_body = traf_main.recover_wild_text(backup_tree, result_body, options, potential_tags, consumed)
        temp_text = " ".join(result_body.itertext()).strip()
    previous = None
    for el in list(result_body):
        current = traf_main._elem_text(el)
        if current and current == previous and len(current) > traf_main.MIN_DUPLICATE_LENGTH:
            traf_main.delete_element(el, keep_tail=False)
        else:
            previous = current
    traf_main.strip_elements(result_body, "done")
    traf_main.strip_tags(result_body, "div")
    for linebreak in result_body.iter("lb"):
        if (linebreak.tail and not traf_main.text_chars_test(linebreak.tail)
                and not any(anc.tag in traf_main.SPACING_PROTECTED for anc in linebreak.iterancestors())):
            linebreak.tail = None
    return result_body, temp_text


def _pruned(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """A copy of the page, pruned as trafilatura prunes the raw tree before its cascade."""
    page = copy(tree)
    is_forum = traf_core._forum_thread_page(page)
    # RAW_TREE_PRUNE_XPATH, then (comments off, recall focus) REMOVE_COMMENTS_AND_LISTS_XPATH, in one pass
    return traf_core.prune_unwanted_nodes(page, raw_prune_stages(page, comments=not is_forum))


def trafilatura_blocks(tree: lxml_html.HtmlElement, url: str | None,
                       hidden_candidates: list[etree._Element] | None = None) -> list[Block]:
    """trafilatura's main content as blocks (recall-leaning settings without its fallback extractors: the
    boilerplate rules, link density and the judge give back the precision, at a fraction of the time), less
    the texts of hidden elements (`hidden_candidates`: the page scan's `hidden`, else found here)."""
    body = trafilatura_body(tree, url)
    if body is None:
        return []
    blocks: list[Block] = []
    if body.text and body.text.strip():
        blocks.append(Block(" ".join(body.text.split()), P, UNKNOWN))
    for child in body:
        if child.tag == "list":
            blocks += [b for item in child.iter("item") for b in _split(item, ITEM)]
        elif child.tag == "table":
            blocks += [Block(" ".join(" ".join(" ".join(c.itertext()).split()) for c in row.iter("cell")), ROW,
                             UNKNOWN) for row in child.iter("row")]
        else:
            blocks += _split(child, {"head": HEAD, "quote": QUOTE}.get(child.tag, P))
        if child.tail and child.tail.strip():
            blocks.append(Block(" ".join(child.tail.split()), P, UNKNOWN))
    hidden = hidden_texts(tree, hidden_candidates)
    return [b for b in blocks if b.text and b.text not in hidden]


_NESTED_BLOCKS = frozenset({"p", "head", "quote", "div", "item", "code"})


def _split(element: etree._Element, kind: str) -> list[Block]:
    """An output element's text, split where trafilatura kept a line break (`<lb/>`): after a sentence or
    a heading-like line; a hard-wrapped line is joined with a space, never glued."""
    lines: list[str] = []
    buffer: list[str] = []

    def walk(node: etree._Element) -> None:
        buffer.append(node.text or "")
        for child in node:
            if child.tag == "lb":
                lines.append("".join(buffer))
                buffer.clear()
            elif child.tag in _NESTED_BLOCKS and kind != ITEM:  # a paragraph inside a paragraph is its own
                lines.append("".join(buffer))
                buffer.clear()
                walk(child)
                lines.append("".join(buffer))
                buffer.clear()
            elif child.tag not in ("list", "table"):
                if child.tag in _NESTED_BLOCKS:
                    buffer.append(" ")  # a list item's title and blurb: one teaser card, never glued
                walk(child)
            buffer.append(child.tail or "")

    try:
        walk(element)
    except RecursionError:  # markup nested deeper than Python recurses: read it as one text
        lines[:] = []
        buffer[:] = [" ".join(element.itertext())]
    lines.append("".join(buffer))
    parts: list[str] = []
    for line in (" ".join(x.split()) for x in lines):
        if not line:
            continue
        if parts and not split_soft_break(parts[-1], line):
            parts[-1] = f"{parts[-1]} {line}"
        else:
            parts.append(line)
    return [Block(p, kind, UNKNOWN) for p in parts]


def dom_blocks(elements: list[etree._Element]) -> list[Block]:
    return [b for element in elements for b in render(element)]


def json_ld_blocks(meta: PageMeta) -> list[Block]:
    return [Block(p, P) for p in meta.article_body_paragraphs]


@dataclass
class Cleaned:
    """A candidate's blocks after cleaning: body paragraphs and the facts met on the way."""

    name: str
    paragraphs: list[str] = field(default_factory=list)
    #: The block kind of each paragraph (a table row or a list item is data, not a menu line).
    kinds: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    dates: list[R.DateLine] = field(default_factory=list)
    byline: R.Byline = field(default_factory=R.Byline)
    source: str | None = None
    tags: list[str] = field(default_factory=list)
    value: float = 0.0
    agreement: float | None = None


@dataclass
class PageContext:
    """What every candidate is cleaned and judged against, and what was found out about each block text
    (candidates share most of their blocks: each text is classified once)."""

    header_texts: list[str]
    rules: RuleSet
    links: frozenset[str]
    caption_list: list[str]
    captions: frozenset[str] = field(init=False)
    header_folds: frozenset[str] = field(init=False)
    header_lengths: list[int] = field(init=False)
    long_captions: list[str] = field(init=False)
    seen: dict[tuple[str, bool], tuple[str, object]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.captions = frozenset(R.fold(t) for t in self.caption_list)
        self.header_folds = frozenset(R.fold(t) for t in self.header_texts if t)
        self.header_lengths = [len(t) for t in self.header_texts if t]
        self.long_captions = [c for c in self.captions if len(c) >= 40]

    def classify(self, text: str, structured: bool) -> tuple[str, object]:
        """What a block's text is, wherever it stands: ("header"|"caption"|"drop"|"end"|"byline"|"date"|
        "teaser"|"source"|"tags"|"text", the fact it carries)."""
        key = (text, structured)
        found = self.seen.get(key)
        if found is None:
            found = self.seen[key] = self._classify(text, structured)
        return found

    def _classify(self, text: str, structured: bool) -> tuple[str, object]:
        folded = None
        if any(abs(len(text) - n) <= n // 2 + 2 for n in self.header_lengths):
            folded = R.fold(text)
            if folded in self.header_folds:
                return "header", None
        found = self.rules.first_match(text)
        if found and structured and found.name in _ROW_ONLY_RULES:
            found = None
        if found:
            return ("end" if found.action is Action.END else "drop"), found
        if self.captions:  # (long_captions, which _mostly_captions reads, are some of them)
            folded = folded or R.fold(text)
            if folded in self.captions or self._mostly_captions(folded):
                return "caption", None
        if len(text) > SHORT_BLOCK_CHARS:
            return "text", None  # captions, bylines, dates, teasers and labels are all shorter
        if is_caption_block(text):
            return "caption", None
        if R.is_byline(text):
            return "byline", R.parse_byline(text)
        if _YEAR.search(text):  # every date shape read here carries a four-digit year
            if word_count(text) <= DATE_LINE_WORDS and (dated := parse_block_date(text)) is not None:
                return "date", dated
            if is_dated_teaser(text):
                return "teaser", None
        if source := R.parse_source(text):
            return "source", source
        if tags := R.parse_tags_label(text):
            return "tags", R.split_tags(tags)
        return "text", None


    def _mostly_captions(self, folded: str) -> bool:
        """A block made of the page's captions run together (a gallery read as one text)."""
        if not self.long_captions or len(folded) < 200:
            return False
        covered = sum(len(c) for c in self.long_captions if c in folded)
        return covered >= CAPTION_SHARE * len(folded)


_YEAR = re.compile(r"(?:19|20)\d\d")
#: A block at least this much of whose text is the page's captions is captions.
CAPTION_SHARE = 0.5
#: Longer blocks are paragraphs: no caption, byline, date line, teaser card or label runs this long.
SHORT_BLOCK_CHARS = 320


def clean_blocks(name: str, blocks: list[Block], page: PageContext) -> Cleaned:
    """Apply the shared boilerplate rules and recognisers to a candidate's blocks: drop inserts, take
    bylines, date lines, captions and `Sumber:` out of the body, stop at the tail."""
    out = Cleaned(name)
    kept: list[Block] = []
    for block in blocks:
        # Blocks come with white space collapsed; only zero-width and other odd spaces are left to fold.
        text = block.text if block.text.isascii() else R.normalize_line(block.text)
        if not text:
            continue
        what, fact = page.classify(text, block.kind in STRUCTURED)
        if block.kind == CAPTION and what not in ("header", "drop", "end"):
            what = "caption"
        if what == "end" and kept:
            break
        if what == "caption":
            out.captions.append(text)
        elif what == "byline":
            out.byline.authors += fact.authors
            out.byline.editors += fact.editors
        elif what == "date":
            out.dates.append(fact)
        elif what == "source" and kept:
            out.source = out.source or fact
        elif what == "tags" and kept:
            out.tags += fact
        elif what in ("text", "source", "tags"):
            if block.link_share >= MAX_LINK_SHARE or (block.link_chars < 0 and is_link_block(text, page.links, block.kind == ITEM)):
                continue
            kept.append(Block(text, block.kind, block.link_chars))
    seen: set[str] = set()
    for block in kept:
        # A paragraph printed twice is a template repeat; short rows and items may repeat for real.
        key = block.text.casefold()
        if block.kind not in STRUCTURED and len(block.text) >= 2 * DEDUPE_MIN_WORDS \
                and word_count(block.text) >= DEDUPE_MIN_WORDS:
            if key in seen:
                continue
            seen.add(key)
        out.paragraphs.append(block.text)
        out.kinds.append(block.kind)
    out.paragraphs, out.kinds = trim_labels(*merge_datelines(out.paragraphs, out.kinds))
    return out


#: A label is a short line without a sentence: a kicker or section name before the text, a widget's
#: name after it ("FotoBisnis", "More Photos", "9 FOTO").
LABEL_MAX_WORDS = 4


def _is_label(text: str) -> bool:
    return size(text) <= LABEL_MAX_WORDS and not ends_like_sentence(text)


def trim_labels(paragraphs: list[str], kinds: list[str]) -> tuple[list[str], list[str]]:
    """The body from its first paragraph to its last: labels before and after it are chrome (a
    subheading between paragraphs stays)."""
    start, end = 0, len(paragraphs)
    while start < end and _is_label(paragraphs[start]):
        start += 1
    while end > start and _is_label(paragraphs[end - 1]):
        end -= 1
    return paragraphs[start:end], kinds[start:end]


def caption_candidate(captions: list[str], page: PageContext) -> Cleaned:
    """A photo or gallery page's body: its captions (each a sentence or more, credits left out)."""
    out = Cleaned("captions")
    for text in captions:
        if word_count(text) >= 6 and not page.rules.first_match(text) and not R.is_byline(text):
            out.paragraphs.append(text)
            out.kinds.append(CAPTION)
    return out


#: A dateline printed as its own paragraph ("JAKARTA, SITUS.COM -", "Mangupura, (Situs.com)-"): it opens the
#: next paragraph.
_DATELINE_ONLY = re.compile(r"^[A-Z][\w.'’]*(?:[\s,]+[\w.'’()]+){0,5}\s*(?:--?|–|—)$")


def merge_datelines(paragraphs: list[str], kinds: list[str]) -> tuple[list[str], list[str]]:
    out: list[str] = []
    out_kinds: list[str] = []
    for text, kind in zip(paragraphs, kinds, strict=True):
        if out and _DATELINE_ONLY.match(out[-1]):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
            out_kinds.append(kind)
    return out, out_kinds


def build_candidates(tree: etree._Element, meta: PageMeta, url: str | None, page: PageContext,
                     scan: content.PageScan) -> tuple[list[Cleaned], content.Container | None]:
    """Every candidate body of the page, cleaned, and the densest container."""
    found = [clean_blocks("trafilatura", trafilatura_blocks(tree, url, scan.hidden), page)]
    container = content.best_container(scan)
    if container is not None:
        found.append(clean_blocks("container", dom_blocks(container.elements), page))
    for name, element in (("schema", content.schema_body(scan)), ("article", content.article_element(scan))):
        if element is not None and not (container and content.same_text_region(element, container)):
            found.append(clean_blocks(name, dom_blocks([element]), page))
    if meta.article_body_paragraphs:
        found.append(clean_blocks("json-ld", json_ld_blocks(meta), page))
    found.append(caption_candidate(page.caption_list, page))
    return found, container


# ------------------------------------------------------------------------------------------------- judge


def size(text: str) -> int:
    """Words, or for scripts without spaces (a CJK sentence is one `\\w+` run) characters / 6."""
    return max(word_count(text), len(text) // 6)


@per_page(maxsize=8192)
def paragraph_value(text: str, kind: str = P) -> float:
    """What one paragraph says about its candidate: sentences count for it (by their words), menu-like
    short lines against it; a short table row or list item says nothing either way."""
    words = size(text)
    if words >= 15 or (words >= 6 and ends_like_sentence(text)):
        return words
    if kind in STRUCTURED:
        return 0.0
    return -(1 + words / 2)


def judge(candidate: Cleaned) -> float:
    return sum(paragraph_value(p, k) for p, k in zip(candidate.paragraphs, candidate.kinds, strict=True))


#: Candidates are compared on their first this many tokens; whether one lies inside another is seen on
#: a shorter sample of its start.
SHINGLE_TOKENS = 3000
SAMPLE_TOKENS = 300


def shingle_set(paragraphs: list[str], limit: int = SHINGLE_TOKENS) -> set[tuple[str, ...]]:
    """The 4-token shingles of a text's first `limit` tokens (a shorter text is one shingle)."""
    tokens = word_runs(" ".join(paragraphs)[: limit * 12].lower())[:limit]
    if len(tokens) < 4:
        return {tuple(tokens)} if tokens else set()
    return set(zip(tokens, tokens[1:], tokens[2:], tokens[3:], strict=False))


def inside(a: set, b: set) -> float:
    """The share of `a`'s shingles that `b` has too."""
    return len(a & b) / len(a) if a else 0.0


#: A body worth less than this (in words of sentences, less menu lines) is no body: a widget, a rating box.
MIN_BODY_VALUE = 20
#: A candidate inside trafilatura's answer (this share of its text) is the same article, read tighter ...
SAME_REGION = 0.85
#: ... and replaces it when it keeps this share of its value: what it leaves out is chrome inside the region.
TIGHTER_KEEPS = 0.6
#: A semantic container (`articleBody`, `<article>`) holding trafilatura's answer and this much more value
#: is the whole article where trafilatura took a part.
WIDER_GAINS = 1.3
WIDER_HOLDS = 0.9
#: A candidate worth more than the default replaces it only when this share of it stands in the default.
ALL_INSIDE = 0.97
#: Candidates read from the page's own markup of the article, in order of trust.
SEMANTIC = ("schema", "article")


def choose(candidates: list[Cleaned]) -> Cleaned:
    """The candidate that reads as the article.

    trafilatura's answer is the default when it holds a body. A container that lies inside it (the same
    article, read tighter) replaces it when it keeps most of its value: what it leaves out is the chrome
    around the text (captions, date lines, teaser cards). A semantic container that holds all of it and
    much more is the whole article. A default that is no body (a menu, a rating box, nothing) loses to
    the best other candidate.
    """
    for candidate in candidates:
        candidate.value = judge(candidate)
    default = candidates[0]
    others = [c for c in candidates[1:] if c.value > 0 and c.name != "captions"]
    if default.value < MIN_BODY_VALUE:
        # No body where trafilatura looked: the best other container's text, or (a photo or gallery page)
        # the captions.
        return max(candidates, key=lambda c: c.value)
    cache: dict[str, set] = {}

    def base() -> set:
        if "base" not in cache:
            cache["base"] = shingle_set(default.paragraphs, SHINGLE_TOKENS)
        return cache["base"]

    tighter, wider = [], []
    sentences = None
    run_on = len(default.paragraphs) == 1
    for candidate in others:
        if run_on and len(candidate.paragraphs) > 1 and candidate.value >= MIN_BODY_VALUE:
            # The default is the region's whole text as one run-on paragraph (title, date line, caption
            # and body glued: a fallback's answer); a candidate of separate paragraphs inside it reads
            # the same region with its structure.
            if inside(shingle_set(candidate.paragraphs, SAMPLE_TOKENS), base()) >= SAME_REGION:
                tighter.append(candidate)
        elif TIGHTER_KEEPS * default.value <= candidate.value <= default.value:
            if inside(shingle_set(candidate.paragraphs, SAMPLE_TOKENS), base()) >= SAME_REGION:
                tighter.append(candidate)
        elif default.value < candidate.value <= WIDER_GAINS * default.value:
            # Worth more only for the menu lines of the default it leaves out: it holds every sentence of
            # the default and nothing outside it.
            own = shingle_set(candidate.paragraphs)
            if inside(own, base()) < ALL_INSIDE:
                continue
            if sentences is None:
                sentences = shingle_set([p for p, k in zip(default.paragraphs, default.kinds, strict=True)
                                         if paragraph_value(p, k) > 0])
            if inside(sentences, own) >= ALL_INSIDE:
                tighter.append(candidate)
        elif candidate.name in SEMANTIC and candidate.value >= WIDER_GAINS * default.value \
                and inside(base(), shingle_set(candidate.paragraphs, SHINGLE_TOKENS)) >= WIDER_HOLDS:
            wider.append(candidate)
    if wider:
        return max(wider, key=lambda c: c.value)
    if len(tighter) > 1:  # several read the same region: what they add past their start must be in it too
        tighter = [c for c in tighter if inside(shingle_set(c.paragraphs), base()) >= SAME_REGION] or tighter
    if tighter:
        return max(tighter, key=lambda c: c.value)
    return default


# -------------------------------------------------------------------------------------------------- path


def read_generic(tree: etree._Element, meta: PageMeta, profile: SiteProfile | None, url: str | None) -> Article:
    """The page's record through the generic path (a profile, when given, adds its template rules)."""
    article = Article(url=url, site=profile.name if profile else None, extractor="generic")
    scan = content.scan(tree)
    names = M.site_names(meta, url)
    raw_title = meta.first("title", ("meta", "jsonld"))
    headline = headline_element(scan, raw_title)
    headings = [" ".join(" ".join(headline.itertext()).split())] if headline is not None else []
    article.title = M.clean_title(raw_title, names, headings)
    page = PageContext([t for t in (article.title, raw_title, *headings) if t], block_ruleset(profile),
                       link_texts(scan.link_texts), content.caption_texts(scan))
    candidates, container = build_candidates(tree, meta, url, page, scan)
    best = choose(candidates)
    article.paragraphs = best.paragraphs

    card = header_card(headline)
    tags = M.clean_tags(meta.first("tags"))
    article.tags = tags.tags
    zone = M.local_zone(meta, url, best.paragraphs)
    declared = M.person_names([*meta.jsonld.get("authors", []), *meta.meta.get("authors", [])], names)
    byline = best.byline
    if not byline.authors and not byline.editors and (zone is not None or not declared):
        # Indonesian templates print Penulis/Editor in the header card or after the text.
        byline = visible_bylines(card, container)
    article.editors = M.person_names([*byline.editors, *tags.editors], names)
    shown = M.person_names([*byline.authors, *tags.authors], names)
    # A metadata author who is the page's named editor is the editor (a syndicated piece credits the desk).
    article.authors = shown or [a for a in declared if a.casefold() not in {e.casefold() for e in article.editors}]

    marked = [e.get("datetime") or e.get("content") or "" for _, e in scan.dates
              if (e.get("itemprop") or "").lower() == "datepublished"]
    machine = M.machine_dates(meta, marked)
    visible = [d.date for d in best.dates]
    if not visible and (zone is not None or not any(d.has_time and d.offset_hours is not None for d in machine)):
        # The printed date line decides the zone on an Indonesian page, and the time where no machine
        # value has one.
        visible = visible_dates(scan, headline, card)
    article.published = M.choose_published(machine, visible, zone)
    article.updated = M.published_iso(meta.first("updated"))
    article.section = meta.first("section")
    article.image_url = meta.first("image_url", ("meta", "jsonld"))
    if best.name != "captions":
        after = next((i for i, e in scan.headings if e is headline), -1)
        captions = [*best.captions, *content.caption_texts(scan, after)]
        article.image_caption = next((c for c in captions if word_count(c) >= 3 and not is_credit_only(c)), None)
    article.source = best.source
    return article


#: How many of the date elements after the headline may be the article's.
DATES_AFTER_HEADING = 6


def headline_element(scan: content.PageScan, title: str | None) -> etree._Element | None:
    """The page's headline: the `<h1>`/`<h2>` that shows the title (a logo or a section name may be an
    `<h1>` too), else the first `<h1>`."""
    folded = R.fold(title or "")
    first_h1 = None
    for _, element in scan.headings:
        text = R.fold(" ".join(element.itertext()))
        if first_h1 is None and element.tag == "h1":
            first_h1 = element
        if text and folded and word_count(text) >= 3 and text in folded and len(text) >= 0.4 * len(folded):
            return element
    return first_h1


#: How much of the headline's header card is looked through for its date line (in elements), and how
#: much text a header card holds at most.
HEADER_CARD_ELEMENTS = 150
HEADER_CARD_CHARS = 4000
_TEXT_CHARS = etree.XPath("string-length(normalize-space(.))")
#: How many of the elements that follow the headline in the page are looked at (its date line stands
#: among them).
FOLLOWING_ELEMENTS = 80


def following(element: etree._Element, limit: int = FOLLOWING_ELEMENTS) -> list[etree._Element]:
    """XPath's `following::*[position() <= limit]`, without its walk over the rest of the page: the
    elements after this one's end, in document order (its siblings and theirs, with their descendants)."""
    def walk() -> Iterator[etree._Element]:
        for node in (element, *element.iterancestors()):
            for sibling in node.itersiblings():
                if isinstance(sibling.tag, str):
                    yield sibling
                    yield from sibling.iterdescendants(etree.Element)

    return list(islice(walk(), limit))


_DATE_CLASS = re.compile(r"date|time|tanggal|tgl|waktu|publish|posted|meta|byline|info", re.I)


def _tag(element: etree._Element) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def header_card(headline: etree._Element | None) -> list[etree._Element]:
    """The elements of the headline's header card (its grandparent's, up to a bound)."""
    if headline is None:
        return []
    card = headline.getparent()
    for _ in range(2):
        # Up to the grandparent, while the card stays a header (not the whole page).
        if card is None or card.getparent() is None or _TEXT_CHARS(card.getparent()) > HEADER_CARD_CHARS:
            break
        card = card.getparent()
    found = []
    for element in card.iter() if card is not None else ():
        if len(found) > HEADER_CARD_ELEMENTS:
            break
        if isinstance(element.tag, str):
            found.append(element)
    return found


def visible_dates(scan: content.PageScan, headline: etree._Element | None, card: list[etree._Element]
                  ) -> list[R.PageDate]:
    """Dates the page prints near its headline: `<time>` elements after it, the short elements that
    follow it, and the date-like elements of its header card."""
    found: list[R.PageDate] = []
    index = next((i for i, e in scan.headings if e is headline), None)
    if index is None:
        elements = [e for _, e in scan.dates]
    else:
        elements = [e for i, e in scan.dates if i > index][:DATES_AFTER_HEADING]
        elements += list(headline.itersiblings())[:6]
        elements += [e for e in (*card, *following(headline))
                     if _DATE_CLASS.search(f"{e.get('class') or ''} {e.get('id') or ''}")]
    for element in elements:
        text = R.normalize_line(" ".join(element.itertext()))
        if text and len(text) <= 120 and (dated := parse_block_date(text)) is not None:
            found.append(dated.date)
    return found


#: How far after the body container a closing byline is looked for: siblings, and lines of each.
TAIL_SIBLINGS = 4
TAIL_LINES = 40


def visible_bylines(card: list[etree._Element], container: content.Container | None) -> R.Byline:
    """Bylines the page prints in the headline's header card and right after the body ("Penulis: X |
    Editor: Y", a Penulis/Editor table)."""
    found = R.Byline()
    lines = element_lines(card[0]) if card else []
    if container is not None:
        for sibling in list(container.elements[-1].itersiblings())[:TAIL_SIBLINGS]:
            if isinstance(sibling.tag, str):
                lines += element_lines(sibling)[:TAIL_LINES]
    for line in R.unique([ln for ln in lines if len(ln) <= 200]):
        if R.is_byline(line):
            parsed = R.parse_byline(line)
            found.authors += parsed.authors
            found.editors += parsed.editors
    return found


def is_credit_only(text: str) -> bool:
    """A credit line without a caption ("Foto: Nama", "SITUS.COM/Nama")."""
    return bool(re.match(r"^(foto|fotografer|photo|photographer|image|gambar|kredit)\s*:", text, re.I)) or (
        word_count(text) <= 4 and "/" in text)
