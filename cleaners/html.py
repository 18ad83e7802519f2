"""The HTML path. Today: the generic path (trafilatura tuned for precision, then the shared boilerplate
rules that the text path uses too), with metadata from JSON-LD and meta tags."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html
from trafilatura.utils import load_html

from . import lines as L
from .article import Article
from .dates import parse_date
from .finalize import finalize
from .generic import clean_blocks, extract_blocks
from .htmlmeta import read_meta


class BadHtml(ValueError):
    """The document cannot be parsed as HTML."""


def parse_html(html: str) -> lxml_html.HtmlElement:
    """Parse as trafilatura does (comments and processing instructions dropped, faulty doctypes repaired),
    so that one tree serves the profile, the metadata and the generic extractor."""
    try:
        tree = load_html(html)
    except (etree.ParserError, ValueError, TypeError) as exc:
        raise BadHtml(f"cannot parse HTML: {exc}") from exc
    if tree is None:
        raise BadHtml("cannot parse HTML: not an HTML document")
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
    article.paragraphs = clean_blocks(extract_blocks(tree, url), [article.title])
    return finalize(article, None)
