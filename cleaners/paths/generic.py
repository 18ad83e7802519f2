"""The generic path: trafilatura finds the main content, then the shared boilerplate rules clean it.

Works on trafilatura's element tree rather than its rendered text, so that table rows and list items are
known as such (a table row is not a related-title line), and judges link lists by link density on the
page rather than by line shape (short product-spec lines are not an SEO list; linked titles are).
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from .. import recognise as R
from ..dom.meta import PageMeta
from ..record import Article
from ..rules import GENERIC_RULESET, Action, RuleSet
from ..rules.metrics import word_count
from ..sites.profile import SiteProfile, ruleset_for

#: Blocks whose lines are not subject to the line-shape rules (link lists, related-title tables).
STRUCTURED = {"row", "item"}
_ROW_ONLY_RULES = {"related-table"}
DEDUPE_MIN_WORDS = 8


@dataclass
class Block:
    text: str
    kind: str  # p, head, item, row, quote, text


#: Link texts shorter than this say little (menu words); longer ones are titles and teasers.
MIN_LINK_CHARS = 15
#: A block whose text is mostly the text of the page's links is a link widget (related titles, SEO lists,
#: menus): link density, the signal rendered text loses.
MAX_LINK_SHARE = 0.7


def link_texts(tree: lxml_html.HtmlElement) -> frozenset[str]:
    """Texts of the page's links, read before extraction prunes the tree."""
    found = set()
    for anchor in tree.iter("a"):
        text = " ".join(anchor.text_content().split())
        if len(text) >= MIN_LINK_CHARS:
            found.add(text)
    return frozenset(found)


def is_link_block(text: str, links: frozenset[str]) -> bool:
    """Mostly link text, or a teaser card: a linked title glued to its blurb ("...from '90sThe Cowboys")."""
    if len(text) < MIN_LINK_CHARS or not links:
        return False
    covered = 0
    for link in links:
        if link in text:
            covered += len(link)
            if text.startswith(link) and len(text) > len(link) and link[-1].isalnum() \
                    and (text[len(link)].isupper() or text[len(link)].isdigit()):
                return True
    return covered >= MAX_LINK_SHARE * len(text)


def extract_blocks(tree: lxml_html.HtmlElement, url: str | None) -> list[Block]:
    """trafilatura's main content as blocks, link widgets removed.

    Recall-leaning settings without trafilatura's fallback extractors: the boilerplate rules and link
    density give back the precision, at a fraction of the time (bench/accuracy.py).
    """
    links = link_texts(tree)
    document = trafilatura.bare_extraction(
        tree, url=url, fast=True, favor_recall=True, include_comments=False, include_tables=True,
        with_metadata=False,
    )
    body = getattr(document, "body", None)
    if body is None:
        return []
    blocks: list[Block] = []
    if body.text and body.text.strip():
        blocks.append(Block(body.text, "text"))
    for child in body:
        if child.tag == "list":
            blocks += [Block(_text(item), "item") for item in child.iter("item")]
        elif child.tag == "table":
            blocks += [Block(" ".join(_text(c) for c in row.iter("cell")), "row") for row in child.iter("row")]
        else:
            blocks.append(Block(_text(child), child.tag))
        if child.tail and child.tail.strip():
            blocks.append(Block(child.tail, "text"))
    return [b for b in blocks if not is_link_block(" ".join(b.text.split()), links)]


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def clean_blocks(blocks: list[Block], header_texts: list[str | None], rules: RuleSet = GENERIC_RULESET
                 ) -> list[str]:
    """Apply the shared boilerplate rules to extracted blocks: drop inserts, stop at the tail."""
    kept: list[Block] = []
    for block in blocks:
        text = R.normalize_line(block.text)
        if not text or any(R.same_text(text, h) for h in header_texts):
            continue
        found = rules.first_match(text)
        if found and block.kind in STRUCTURED and found.name in _ROW_ONLY_RULES:
            found = None
        if found and found.action is Action.END and kept:
            break
        if found or R.is_byline(text):
            continue
        kept.append(Block(text, block.kind))
    out, seen = [], set()
    for block in kept:
        # A paragraph printed twice is a template repeat; short rows and items may repeat for real.
        key = block.text.casefold()
        if block.kind not in STRUCTURED and word_count(block.text) >= DEDUPE_MIN_WORDS:
            if key in seen:
                continue
            seen.add(key)
        out.append(block.text)
    return out


def read_generic(tree: etree._Element, meta: PageMeta, profile: SiteProfile | None, url: str | None) -> Article:
    """The page's record through the generic path (a profile, when given, adds its template rules)."""
    article = Article(url=url, site=profile.name if profile else None, extractor="generic")
    article.title = meta.first("title", ("meta", "jsonld"))
    article.authors = [n for name in meta.first("authors") for n in R.split_names(name)]
    article.published = R.parse_date(meta.first("published"))
    article.updated = R.parse_date(meta.first("updated"))
    article.section = meta.first("section")
    article.tags = list(meta.first("tags"))
    article.image_url = meta.first("image_url", ("meta", "jsonld"))
    rules = ruleset_for(profile)
    article.paragraphs = clean_blocks(extract_blocks(tree, url), [article.title], rules)
    return article
