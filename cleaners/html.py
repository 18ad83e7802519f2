"""The HTML path. Today: the generic path (trafilatura tuned for precision, then the shared boilerplate
rules that the text path uses too), with metadata from JSON-LD and meta tags."""

from __future__ import annotations

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from . import lines as L
from .article import Article
from .boilerplate import GENERIC_RULES, Action, first_match, link_list_indexes
from .dates import parse_date
from .finalize import finalize
from .htmlmeta import read_meta


class BadHtml(ValueError):
    """The document cannot be parsed as HTML."""


def parse_html(html: str) -> lxml_html.HtmlElement:
    try:
        tree = lxml_html.document_fromstring(html.encode("utf-8", "replace"),
                                             parser=lxml_html.HTMLParser(encoding="utf-8", huge_tree=True))
    except (etree.ParserError, ValueError) as exc:
        raise BadHtml(f"cannot parse HTML: {exc}") from exc
    if tree is None:
        raise BadHtml("cannot parse HTML: empty document")
    return tree


def clean_html(html: str, url: str | None = None) -> Article:
    """Clean an HTML page through the generic path."""
    tree = parse_html(html)
    meta = read_meta(tree)
    article = Article(url=url, extractor="generic")
    article.title = meta.title
    article.authors = [n for name in meta.authors for n in L.split_names(name)]
    article.published = parse_date(meta.published)
    article.updated = parse_date(meta.updated)
    article.section = meta.section
    article.tags = list(meta.tags)
    article.image_url = meta.image_url
    extracted = trafilatura.bare_extraction(
        tree, url=url, favor_precision=True, include_comments=False, include_tables=False,
        with_metadata=False,
    )
    text = getattr(extracted, "text", None) or ""
    article.paragraphs = generic_paragraphs(text.split("\n"), [article.title])
    return finalize(article, None)


def generic_paragraphs(raw_lines: list[str], header_texts: list[str | None]) -> list[str]:
    """Apply the shared boilerplate rules to extracted paragraphs: drop inserts, stop at the tail."""
    kept: list[str] = []
    for raw in raw_lines:
        line = L.normalize_line(raw)
        if not line or any(L.same_text(line, h) for h in header_texts):
            continue
        found = first_match(line, GENERIC_RULES)
        if found and found.action is Action.END and kept:
            break
        if found or L.is_byline(line):
            continue
        kept.append(line)
    dropped = link_list_indexes(kept)
    out, seen = [], set()
    for index, line in enumerate(kept):
        if index not in dropped and line.casefold() not in seen:
            seen.add(line.casefold())
            out.append(line)
    return out
