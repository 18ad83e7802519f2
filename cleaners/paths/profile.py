"""The profile path: a site family's selectors find the body container, the article root and the
metadata elements; the container's lines go through the reading engine.

Returns None with a reason when the profile cannot read the page (the body selector misses, the body is
empty, or far shorter than the page's JSON-LD articleBody), so that the HTML path falls back loudly.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from .. import recognise as R
from ..dom.blocks import element_lines, split_lines
from ..dom.css import PageIndex
from ..dom.meta import PageMeta
from ..dom.pagination import read_page_links
from ..reading.engine import BlockReader
from ..record import Article
from ..sites.profile import HtmlRules, SiteProfile

#: A profile body shorter than this share of the page's JSON-LD articleBody is taken as a broken layout.
MIN_BODY_SHARE = 0.5


def _node_text(element: etree._Element) -> str:
    if element.tag in ("img", "amp-img"):
        return R.normalize_line(element.get("alt", ""))
    return R.normalize_line(" ".join(element_lines(element)))


def read_profile(tree: etree._Element, meta: PageMeta, profile: SiteProfile, url: str | None
                 ) -> tuple[Article | None, str | None]:
    """The page's record through the profile, or (None, why the profile could not read it)."""
    rules = profile.html
    assert rules is not None
    index = PageIndex(tree)
    body = index.first(tree, rules.body)
    if body is None:
        return None, f"profile {profile.name}: body selector matched nothing; used generic"
    protected = {body, *body.iterancestors()}
    root = index.first(tree, rules.root) if rules.root else None
    if root is None or root not in protected:
        root = body
    # Only what is read gets cleaned: ads outside the article root do not matter.
    for node in index.select(root, rules.drop):
        if node not in protected and node.getparent() is not None:
            node.drop_tree()
    _, body_lines, tail_lines = split_lines(root, body)

    article = Article(url=url, site=profile.name, extractor=f"profile:{profile.name}")
    dom = _read_dom(_Scope(root, tree, index), rules, profile, url)
    _fill(article, dom, meta, profile)
    reader = BlockReader(article, profile, url)
    reader.read(body_lines, tail_lines)
    reader.finish()
    article.page_links = read_page_links(tree, url, profile, index.select)

    if not article.paragraphs:
        return None, f"profile {profile.name}: body container held no paragraphs; used generic"
    if meta.article_body and len(article.body) < MIN_BODY_SHARE * len(meta.article_body):
        return None, (f"profile {profile.name}: body ({len(article.body)} chars) far shorter than JSON-LD "
                      f"articleBody ({len(meta.article_body)} chars); used generic")
    return article, None


#: The fields a profile reads from the page's header and footer, whatever reads the body.
METADATA_FIELDS = ("title", "authors", "editors", "published", "updated", "tags", "section", "image_caption",
                   "image_url")


def read_profile_metadata(tree: etree._Element, meta: PageMeta, profile: SiteProfile, url: str | None) -> Article:
    """The profile's metadata readers alone (title, people, dates, tags, caption), for a page whose body
    the profile could not find: the generic path supplies the body, the template still names the people."""
    rules = profile.html
    assert rules is not None
    index = PageIndex(tree)
    root = index.first(tree, rules.root) if rules.root else None
    article = Article(url=url, site=profile.name)
    _fill(article, _read_dom(_Scope(root if root is not None else tree, tree, index), rules, profile, url), meta,
          profile)
    return article


def overlay_metadata(article: Article, known: Article) -> None:
    """Fill `article` with every field the profile's readers found (their values win: they read the
    template's own fields, the generic path guesses)."""
    for name in METADATA_FIELDS:
        value = getattr(known, name)
        if value:
            setattr(article, name, value)


class _Scope:
    """Selects inside the article root first, and in the whole page when the root holds no match."""

    def __init__(self, root: etree._Element, tree: etree._Element, index: PageIndex) -> None:
        self.root, self.tree, self.index = root, tree, index

    def select(self, css: str) -> list[etree._Element]:
        return self.index.select(self.root, css) or self.index.select(self.tree, css) if css else []

    def first(self, css: str) -> etree._Element | None:
        found = self.select(css)
        return found[0] if found else None


def _read_dom(scope: _Scope, rules: HtmlRules, profile: SiteProfile, url: str | None) -> dict[str, Any]:
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
        "image_caption": None if R.same_text(caption, title_text) else caption,
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
    article.published = R.parse_date(published) if published else None
    updated = pick("updated", order)
    article.updated = R.parse_date(updated) if updated else None
    article.authors = [n for name in (pick("authors", order) or []) for n in R.split_names(name, profile.outlets)]
    article.editors = list(dom.get("editors") or [])
    if not dom.get("authors"):
        # A JSON-LD or meta author the page itself names as the editor is the editor (sites.md §7: the
        # JSON-LD Person of a syndicated piece is its editor; the page's Penulis/Editor fields decide).
        editors = {e.casefold() for e in article.editors}
        article.authors = [a for a in article.authors if a.casefold() not in editors]
    article.tags = list(pick("tags", order) or [])
    article.section = pick("section", ("jsonld", "meta"))
    article.image_caption = dom.get("image_caption")
    article.image_url = pick("image_url", ("dom", "meta", "jsonld"))
