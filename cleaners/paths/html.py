"""The HTML path: parse once, choose a path (the family's profile when one knows the page, else the
generic path), and fall back to the generic path, saying so, when the profile cannot read the page."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html
from trafilatura import utils as trafilatura_utils
from trafilatura.utils import load_html, repair_faulty_html

from ..dom.meta import read_meta
from ..dom.pagination import read_page_links
from ..finalize import finalize
from ..record import Article, PageLinks
from ..sites import profile_for
from ..sites.registry import family_of_page
from .generic import read_generic
from .profile import overlay_metadata, read_profile, read_profile_metadata


class BadHtml(ValueError):
    """The document cannot be parsed as HTML."""


#: libxml2 stops building the tree this deep: by default, and with its huge-tree option.
DEFAULT_DEPTH, HUGE_DEPTH = 256, 2048
#: trafilatura's parser options, with libxml2's huge-tree limits: a page nested deeper than 256 levels
#: (unclosed tags add a level per paragraph in broken templates) is read to the end, up to HUGE_DEPTH.
_DEEP_PARSER = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                    remove_comments=True, remove_pis=True, huge_tree=True)


def _too_deep(parser: etree.HTMLParser) -> bool:
    """Whether the parser's last run stopped at libxml2's depth limit (the tree is cut there)."""
    return any(e.type_name == "ERR_RESOURCE_LIMIT" and "depth" in e.message for e in parser.error_log)


def parse_html(html: str) -> lxml_html.HtmlElement:
    """Parse as trafilatura does (comments and processing instructions dropped, faulty doctypes repaired),
    so that one tree serves the profile, the metadata and the generic extractor."""
    return _parse(html)[0]


def _parse(html: str) -> tuple[lxml_html.HtmlElement, str | None]:
    """The tree, and a warning when markup nested too deeply was cut off."""
    try:
        tree = load_html(html)
    except (etree.ParserError, ValueError, TypeError) as exc:
        raise BadHtml(f"cannot parse HTML: {exc}") from exc
    if tree is None:
        raise BadHtml("cannot parse HTML: not an HTML document")
    if not _too_deep(trafilatura_utils.HTML_PARSER):
        return tree, None
    repaired = repair_faulty_html(html, html[:50].lower())
    try:
        try:
            deep = lxml_html.fromstring(repaired, parser=_DEEP_PARSER)
        except ValueError:  # a str with an encoding declaration: parse its UTF-8 bytes, as trafilatura does
            deep = lxml_html.fromstring(repaired.encode("utf-8", "surrogatepass"), parser=_DEEP_PARSER)
    except (etree.ParserError, ValueError):
        return tree, f"markup nested deeper than {DEFAULT_DEPTH} levels; body cut"
    if _too_deep(_DEEP_PARSER):
        return deep, f"markup nested deeper than {HUGE_DEPTH} levels; body cut"
    return deep, None


def clean_html(html: str, url: str | None = None) -> Article:
    """Clean an HTML page: through its family's profile, else (or on a broken layout) the generic path."""
    tree, cut = _parse(html)
    meta = read_meta(tree)
    # The URL that carries the page's facts (the date in a path, an id, the canonical URL): the given one,
    # unwrapped when it is an archived copy's, else the one the page declares for itself; the record's
    # `url` stays as given.
    profile, fact_url = family_of_page(url, meta.page_url, html)
    warning = None
    article = None
    if profile and profile.html:
        article, warning = read_profile(tree, meta, profile, fact_url)
    if article is None:
        article = read_generic(tree, meta, profile, fact_url)
        if warning:
            article.warnings.append(warning)
            if profile and profile.html:
                overlay_metadata(article, read_profile_metadata(tree, meta, profile, fact_url))
    if cut:
        article.warnings.append(cut)
    article.url = url
    return finalize(article, profile, fact_url)


def clean_html_generic(html: str, url: str | None = None) -> Article:
    """Clean an HTML page through the generic path only, whatever site it is from."""
    tree, cut = _parse(html)
    meta = read_meta(tree)
    article = read_generic(tree, meta, None, url or meta.page_url)
    if cut:
        article.warnings.append(cut)
    article.url = url
    return finalize(article, None, url or meta.page_url)


def page_links(html: str, url: str) -> PageLinks:
    """The pagination of an HTML page as its family's profile declares it (cleaning a page already gives
    `Article.page_links` from the same parse; this is for a page you only want to page through)."""
    profile = profile_for(url=url, html=html)
    if profile is None or profile.html is None:
        return PageLinks()
    return read_page_links(parse_html(html), url, profile)
