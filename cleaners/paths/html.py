"""The HTML path: parse once, choose a path (the family's profile when one knows the page, else the
generic path), and fall back to the generic path, saying so, when the profile cannot read the page."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html
from trafilatura.utils import load_html

from ..dom.meta import read_meta
from ..dom.pagination import read_page_links
from ..finalize import finalize
from ..record import Article, PageLinks
from ..sites import profile_for
from .generic import read_generic
from .profile import read_profile


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
    """Clean an HTML page: through its family's profile, else (or on a broken layout) the generic path."""
    tree = parse_html(html)
    meta = read_meta(tree)
    # Without a URL, the URL the page declares for itself still names the site and carries URL facts
    # (the date in a path, an id); the record's `url` stays as given.
    fact_url = url or meta.page_url
    profile = profile_for(url=fact_url, html=html)
    warning = None
    article = None
    if profile and profile.html:
        article, warning = read_profile(tree, meta, profile, fact_url)
    if article is None:
        article = read_generic(tree, meta, profile, fact_url)
        if warning:
            article.warnings.append(warning)
    article.url = url
    return finalize(article, profile, fact_url)


def clean_html_generic(html: str, url: str | None = None) -> Article:
    """Clean an HTML page through the generic path only, whatever site it is from."""
    tree = parse_html(html)
    meta = read_meta(tree)
    article = read_generic(tree, meta, None, url or meta.page_url)
    article.url = url
    return finalize(article, None, url or meta.page_url)


def page_links(html: str, url: str) -> PageLinks:
    """The pagination of an HTML page as its family's profile declares it (cleaning a page already gives
    `Article.page_links` from the same parse; this is for a page you only want to page through)."""
    profile = profile_for(url=url, html=html)
    if profile is None or profile.html is None:
        return PageLinks()
    return read_page_links(parse_html(html), url, profile)
