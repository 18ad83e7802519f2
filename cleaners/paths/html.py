"""The HTML path: parse once, choose a path (the family's profile when one knows the page, else the
generic path), and fall back to the generic path, saying so, when the profile cannot read the page."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree
from lxml import html as lxml_html

from ..dom.meta import read_meta
from ..dom.pagination import read_page_links
from ..finalize import finalize
from ..memo import new_page
from ..record import Article, PageLinks
from ..sites.registry import family_of_page
from .profile import overlay_metadata, read_profile, read_profile_metadata

if TYPE_CHECKING:
    from ..dom.meta import PageMeta
    from ..sites.profile import SiteProfile


class BadHtml(ValueError):
    """The document cannot be parsed as HTML."""


#: libxml2 stops building the tree this deep: by default, and with its huge-tree option.
DEFAULT_DEPTH, HUGE_DEPTH = 256, 2048


def _too_deep(parser: etree.HTMLParser) -> bool:
    """Whether the parser's last run stopped at libxml2's depth limit (the tree is cut there)."""
    return any(e.type_name == "ERR_RESOURCE_LIMIT" and "depth" in e.message for e in parser.error_log)


def parse_html(html: str) -> lxml_html.HtmlElement:
    """Parse as trafilatura does (comments and processing instructions dropped, faulty doctypes repaired),
    so that one tree serves the profile, the metadata and the generic extractor."""
    return _parse(html)[0]


#: trafilatura's parser (`trafilatura.utils.HTML_PARSER`: the same options), and the same with libxml2's
#: huge-tree limits: a page nested deeper than 256 levels (unclosed tags add a level per paragraph in
#: broken templates) is read to the end, up to HUGE_DEPTH.
HTML_PARSER = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                   remove_comments=True, remove_pis=True)
_DEEP_PARSER = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                    remove_comments=True, remove_pis=True, huge_tree=True)
#: Every element is an `HtmlElement`, chosen in C: lxml.html's default lookup asks a Python method per
#: element proxy (a tenth of the generic path's time) to give form controls their own classes, which
#: neither this package nor trafilatura uses.
_LOOKUP = etree.ElementDefaultClassLookup(element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
                                          pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity)
HTML_PARSER.set_element_class_lookup(_LOOKUP)
_DEEP_PARSER.set_element_class_lookup(_LOOKUP)
#: trafilatura.utils' repairs (`INVALID_XML_CHARS`, `DOCTYPE_TAG`, `FAULTY_HTML`), the same patterns.
INVALID_XML_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
DOCTYPE_TAG = re.compile("^< ?! ?DOCTYPE[^>]*/[^<>]*>", re.IGNORECASE)
FAULTY_HTML = re.compile(r"(<html.*?)\s*/>", re.IGNORECASE)
#: The characters INVALID_XML_CHARS matches below U+FFFE, each as its one byte of UTF-8.
_CONTROL_BYTES = tuple(bytes([b]) for b in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)))


def _has_invalid_chars(html: str, data: bytes | None = None) -> bool:
    """Whether the page holds a character INVALID_XML_CHARS matches: a search for each control byte in
    `data` (the page's UTF-8, when the caller has it; a one-byte search is a memchr, about 40 µs for all
    29 on a 120 KB page against 110 µs for one table pass), and for U+FFFE/U+FFFF in the string (where it
    is fast; three-byte searches in the bytes are not)."""
    if data is None:
        data = html.encode("utf-8", "surrogatepass")
    for byte in _CONTROL_BYTES:  # (a loop, not any() over a generator: 29 searches a page)
        if byte in data:
            return True
    return "\ufffe" in html or "\uffff" in html


def repair_faulty_html(html: str, beginning: str, data: bytes | None = None) -> str:
    """`trafilatura.utils.repair_faulty_html`: control characters deleted (the regex pass only when there
    is one), a self-closing doctype or `<html/>` in the first lines repaired. Returns `html` itself when
    nothing needs repair (`data`: its UTF-8, when the caller has it)."""
    if _has_invalid_chars(html, data):
        html = INVALID_XML_CHARS.sub("", html)
    if "doctype" in beginning:
        firstline, newline, rest = html.partition("\n")
        repaired = DOCTYPE_TAG.sub("", firstline, count=1)
        if repaired != firstline or not newline:  # (trafilatura's rejoin adds a newline to a one-line page)
            html = repaired + "\n" + rest
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    return html


def _from_bytes(data: bytes) -> lxml_html.HtmlElement | None:
    try:
        return lxml_html.fromstring(data, parser=HTML_PARSER)
    except Exception:  # noqa: BLE001 - as trafilatura's fromstring_bytes: no tree
        return None


def load_page(html: str) -> lxml_html.HtmlElement | None:
    """The tree `trafilatura.utils.load_html` gives for a str (tests/test_parse_equivalence.py), without
    importing trafilatura (a profile page never needs it) and without its regex pass over the whole
    string when the page has no character for it to delete.

    load_html parses the str, and its UTF-8 bytes when that fails (a str with an encoding declaration,
    which lxml refuses). Here the UTF-8 is parsed (the parser's encoding is fixed to UTF-8, so a declaration
    does not change how the bytes read): the same tree in about four fifths of the time, as libxml2 reads
    UTF-8 without converting it; the bytes serve the scan for control characters too. A str holding
    surrogates (no UTF-8; lxml reads a surrogate pair as one character), or starting with a non-ASCII space,
    is parsed as load_html does."""
    beginning = html[:50].lower()
    try:
        data = html.encode("utf-8")
    except UnicodeEncodeError:
        return _load_text(html, beginning)
    repaired = repair_faulty_html(html, beginning, data)
    if not repaired[:_LEADING_SPACE.match(repaired).end()].isascii():
        # lxml.html takes a page for a whole document by `^\s*<html`, whose `\s` on bytes is ASCII only:
        # a page that starts with a no-break space (or another non-ASCII space) is parsed as load_html does.
        return _load_text(html, beginning)
    if repaired is not html:
        data = repaired.encode("utf-8")
    return _html_only(_from_bytes(data), beginning)


#: The white space `\s` matches at a str's start (what lxml.html's whole-document test skips).
_LEADING_SPACE = re.compile(r"\s*")


def _load_text(html: str, beginning: str) -> lxml_html.HtmlElement | None:
    """load_html's own way: the str, then its bytes."""
    html = repair_faulty_html(html, beginning)
    tree, bytes_parsed = None, False
    try:
        tree = lxml_html.fromstring(html, parser=HTML_PARSER)
    except ValueError:  # a str with an encoding declaration
        tree, bytes_parsed = _from_bytes(html.encode("utf8", "surrogatepass")), True
    except Exception:  # noqa: BLE001 - as load_html: any other parser failure, then the bytes are tried
        tree = None
    if (tree is None or len(tree) < 1) and not bytes_parsed:
        tree = _from_bytes(html.encode("utf8", "surrogatepass"))
    return _html_only(tree, beginning)


def _html_only(tree: lxml_html.HtmlElement | None, beginning: str) -> lxml_html.HtmlElement | None:
    if tree is not None and "html" not in beginning and len(tree) < 2:  # not quite HTML
        return None
    return tree


def _parse(html: str) -> tuple[lxml_html.HtmlElement, str | None]:
    """The tree, and a warning when markup nested too deeply was cut off."""
    try:
        tree = load_page(html)
    except (etree.ParserError, ValueError, TypeError) as exc:
        raise BadHtml(f"cannot parse HTML: {exc}") from exc
    if tree is None:
        raise BadHtml("cannot parse HTML: not an HTML document")
    if not _too_deep(HTML_PARSER):
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


def _read_generic(tree: etree._Element, meta: PageMeta, profile: SiteProfile | None, url: str | None
                  ) -> Article:
    # Imported when a page needs it: the generic path brings trafilatura, which a profile page does without.
    from .generic import read_generic

    return read_generic(tree, meta, profile, url)


def clean_html(html: str, url: str | None = None) -> Article:
    """Clean an HTML page: through its family's profile, else (or on a broken layout) the generic path."""
    new_page()
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
        article = _read_generic(tree, meta, profile, fact_url)
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
    new_page()
    tree, cut = _parse(html)
    meta = read_meta(tree)
    article = _read_generic(tree, meta, None, url or meta.page_url)
    if cut:
        article.warnings.append(cut)
    article.url = url
    return finalize(article, None, url or meta.page_url)


def page_links(html: str, url: str) -> PageLinks:
    """The pagination of an HTML page as its family's profile declares it (cleaning a page already gives
    `Article.page_links` from the same parse; this is for a page you only want to page through)."""
    profile, fact_url = family_of_page(url, None, html)
    if profile is None or profile.html is None:
        return PageLinks()
    return read_page_links(parse_html(html), fact_url, profile)
