"""The HTML path: a site profile when one knows the page, the generic path otherwise or as its fallback."""

from __future__ import annotations

from typing import Any

from lxml import etree
from lxml import html as lxml_html
from trafilatura.utils import load_html

from . import lines as L
from .article import Article
from .blocks import element_lines, split_lines
from .css import first, select
from .dates import parse_date
from .finalize import finalize
from .generic import clean_blocks, extract_blocks
from .htmlmeta import PageMeta, read_meta
from .pagination import read_page_links
from .sites import MIN_SIGNATURE_SCORE, PROFILES, SiteProfile, profile_for_url
from .sites.profile import ruleset_for
from .text import BlockReader
from .urls import host_of

#: A profile body shorter than this share of the page's JSON-LD articleBody is taken as a broken layout.
MIN_BODY_SHARE = 0.5


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


def profile_for_html(url: str | None, html: str) -> SiteProfile | None:
    """The URL decides when it names a host; otherwise the page's HTML signatures do."""
    if url and host_of(url):
        return profile_for_url(url)
    head = html[:200_000]
    scored = sorted(((p.html_signature_score(head), i) for i, p in enumerate(PROFILES)), reverse=True)
    score, index = scored[0]
    return PROFILES[index] if score >= MIN_SIGNATURE_SCORE else None


def clean_html(html: str, url: str | None = None) -> Article:
    """Clean an HTML page: through its family's profile, else (or on a broken layout) the generic path."""
    tree = parse_html(html)
    meta = read_meta(tree)
    # Without a URL, the URL the page declares for itself still names the site and carries URL facts
    # (the date in Tribun paths, jatimtimes' HHMMSS); the record's `url` stays as given.
    fact_url = url or meta.page_url
    profile = profile_for_html(fact_url, html)
    warning = None
    article = None
    if profile and profile.html:
        article, warning = _profile_path(tree, meta, profile, fact_url)
    if article is None:
        article = _generic_path(tree, meta, profile, fact_url)
        if warning:
            article.warnings.append(warning)
    article.url = url
    return finalize(article, profile, fact_url)


def clean_html_generic(html: str, url: str | None = None) -> Article:
    """Clean an HTML page through the generic path only, whatever site it is from."""
    tree = parse_html(html)
    meta = read_meta(tree)
    article = _generic_path(tree, meta, None, url or meta.page_url)
    article.url = url
    return finalize(article, None, url or meta.page_url)


def _node_text(element: etree._Element) -> str:
    if element.tag in ("img", "amp-img"):
        return L.normalize_line(element.get("alt", ""))
    return L.normalize_line(" ".join(element_lines(element)))


def _profile_path(tree: etree._Element, meta: PageMeta, profile: SiteProfile, url: str | None
                  ) -> tuple[Article | None, str | None]:
    rules = profile.html
    assert rules is not None
    body = first(tree, rules.body)
    if body is None:
        return None, f"profile {profile.name}: body selector matched nothing; used generic"
    protected = {body, *body.iterancestors()}
    root = first(tree, rules.root) if rules.root else None
    if root is None or root not in protected:
        root = body
    # Only what is read gets cleaned: ads outside the article root do not matter.
    for node in select(root, rules.drop):
        if node not in protected and node.getparent() is not None:
            node.drop_tree()
    _, body_lines, tail_lines = split_lines(root, body)

    article = Article(url=url, site=profile.name, extractor=f"profile:{profile.name}")
    dom = _read_dom(_Scope(root, tree), rules, profile, url)
    _fill(article, dom, meta, profile)
    reader = BlockReader(article, profile, url)
    reader.read(body_lines, tail_lines)
    reader.finish()
    article.page_links = read_page_links(tree, url, profile)

    if not article.paragraphs:
        return None, f"profile {profile.name}: body container held no paragraphs; used generic"
    if meta.article_body and len(article.body) < MIN_BODY_SHARE * len(meta.article_body):
        return None, (f"profile {profile.name}: body ({len(article.body)} chars) far shorter than JSON-LD "
                      f"articleBody ({len(meta.article_body)} chars); used generic")
    return article, None


class _Scope:
    """Selects inside the article root first, and in the whole page when the root holds no match."""

    def __init__(self, root: etree._Element, tree: etree._Element) -> None:
        self.root, self.tree = root, tree

    def select(self, css: str) -> list[etree._Element]:
        return select(self.root, css) or select(self.tree, css) if css else []

    def first(self, css: str) -> etree._Element | None:
        found = self.select(css)
        return found[0] if found else None


def _read_dom(scope: _Scope, rules: Any, profile: SiteProfile, url: str | None) -> dict[str, Any]:
    """Fields as the page shows them, read with the text path's recognisers."""
    scratch = Article(url=url)
    reader = BlockReader(scratch, profile, url)
    for node in scope.select(rules.byline):
        reader.take_byline_lines(element_lines(node))
    for node in scope.select(rules.date):
        if reader.take_date_text(_node_text(node)):
            break
    reader.finish()
    title = scope.first(rules.title)
    summary = scope.first(rules.summary) if rules.summary else None
    caption = next((t for t in map(_node_text, scope.select(rules.caption)) if t), None)
    image = scope.first(rules.image)
    tags = [_node_text(n) for n in scope.select(rules.kicker)] + [_node_text(n) for n in scope.select(rules.tags)]
    title_text = _node_text(title) if title is not None else None
    return {
        "title": title_text,
        "summary": _node_text(summary) if summary is not None else None,
        "published": scratch.published,
        "updated": scratch.updated,
        "authors": scratch.authors,
        "editors": scratch.editors,
        "tags": [t.strip(" ,#") for t in tags if t.strip(" ,#")],
        # A caption that only repeats the title is the template's default, not a caption.
        "image_caption": None if L.same_text(caption, title_text) else caption,
        "image_url": (image.get("src") or image.get("data-src")) if image is not None else None,
    }


def _fill(article: Article, dom: dict[str, Any], meta: PageMeta, profile: SiteProfile) -> None:
    def pick(name: str, order: tuple[str, ...]) -> Any:
        for source in order:
            value = dom.get(name) if source == "dom" else meta.first(name, (source,))
            if value:
                return value
        return None

    order = profile.meta_order
    article.title = pick("title", order)
    article.summary = pick("summary", profile.summary_sources)
    published = pick("published", order)
    article.published = parse_date(published) if published else None
    updated = pick("updated", order)
    article.updated = parse_date(updated) if updated else None
    article.authors = [n for name in (pick("authors", order) or []) for n in L.split_names(name)]
    article.editors = list(dom.get("editors") or [])
    article.tags = list(pick("tags", order) or [])
    article.section = pick("section", ("jsonld", "meta"))
    article.image_caption = dom.get("image_caption")
    article.image_url = pick("image_url", ("dom", "meta", "jsonld"))


def _generic_path(tree: etree._Element, meta: PageMeta, profile: SiteProfile | None, url: str | None) -> Article:
    article = Article(url=url, site=profile.name if profile else None, extractor="generic")
    article.title = meta.first("title", ("meta", "jsonld"))
    article.authors = [n for name in meta.first("authors") for n in L.split_names(name)]
    article.published = parse_date(meta.first("published"))
    article.updated = parse_date(meta.first("updated"))
    article.section = meta.first("section")
    article.tags = list(meta.first("tags"))
    article.image_url = meta.first("image_url", ("meta", "jsonld"))
    rules = ruleset_for(profile)
    article.paragraphs = clean_blocks(extract_blocks(tree, url), [article.title], rules)
    return article
