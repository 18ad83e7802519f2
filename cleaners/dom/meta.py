"""Page metadata from <head>: JSON-LD (NewsArticle and friends), OpenGraph/article meta tags, canonical link.

Every path reads it the same way; a profile decides which source wins for which field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "webpage", "liveblogposting"}


@dataclass
class PageMeta:
    """Metadata by source: `jsonld` and `meta` (OpenGraph/article/name tags), dicts keyed by record field
    names (title, summary, published, updated, authors, section, tags, image_url)."""

    jsonld: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    canonical: str | None = None
    #: The URL the page declares for itself (og:url, else rel=canonical).
    page_url: str | None = None
    article_body: str | None = None
    #: JSON-LD `articleBody` cut at its line breaks (the paragraphs when the site keeps them).
    article_body_paragraphs: list[str] = field(default_factory=list)
    #: Every meta tag by lower-cased name/property/itemprop (the first of each), every JSON-LD object of
    #: any type, the texts of JSON-LD blocks that are not valid JSON, the `<title>`, the declared language.
    named: dict[str, str] = field(default_factory=dict)
    json_ld: list[dict[str, Any]] = field(default_factory=list)
    json_ld_broken: list[str] = field(default_factory=list)
    title_tag: str | None = None
    declared_language: str | None = None

    def first(self, name: str, order: tuple[str, ...] = ("jsonld", "meta")) -> Any:
        for source in order:
            value = getattr(self, source, {}).get(name) if source in ("jsonld", "meta") else None
            if value:
                return value
        return [] if name in ("authors", "tags") else None


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return None


def _names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    if isinstance(value, dict):
        name = _text(value.get("name"))
        return [name] if name else []
    name = _text(value)
    return [name] if name else []


def _objects(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [o for item in data for o in _objects(item)]
    if isinstance(data, dict):
        found = [data]
        if "@graph" in data:
            found += _objects(data["@graph"])
        return found
    return []


def _types(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type", [])
    raw = raw if isinstance(raw, list) else [raw]
    return {str(t).lower() for t in raw}


def _document(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """The document's root element (what XPath's `//` searches), from any element of it."""
    return tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree


def json_ld_objects(tree: lxml_html.HtmlElement) -> tuple[list[dict[str, Any]], list[str]]:
    """Every JSON-LD object of the page (`@graph` members too), and the texts of the blocks that are not
    valid JSON (skipped, not fatal; a reader may still find a value in them)."""
    # //script[@type="application/ld+json"], by lxml's tag filter
    return _json_ld(script for script in _document(tree).iter("script"))


#: `json.loads(text, strict=False)`, without a new decoder for each block.
_JSON = json.JSONDecoder(strict=False)


def _json_ld(scripts: Iterable[lxml_html.HtmlElement]) -> tuple[list[dict[str, Any]], list[str]]:
    """`json_ld_objects` of these `script` elements (the JSON-LD blocks among them)."""
    found, broken = [], []
    for script in scripts:
        if script.get("type") != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = _JSON.decode(raw)
        except ValueError:
            broken.append(raw)
            continue
        found += _objects(data)
    return found, broken


def json_ld_articles(tree: lxml_html.HtmlElement, objects: list[dict[str, Any]] | None = None
                     ) -> list[dict[str, Any]]:
    """Article-like JSON-LD objects, NewsArticle first."""
    objects = json_ld_objects(tree)[0] if objects is None else objects
    found = [o for o in objects if _types(o) & _ARTICLE_TYPES]
    return sorted(found, key=lambda o: "webpage" in _types(o))


def read_meta(tree: lxml_html.HtmlElement) -> PageMeta:
    meta = PageMeta()
    tags: dict[str, str] = {}
    # The document's meta, script, title and link elements in one walk by lxml's tag filter (not an XPath
    # pass over the page for `//meta[@content]` and each of the others).
    document = _document(tree)
    scripts, title, canonical = [], None, None
    for node in document.iter("meta", "script", "title", "link"):
        tag = node.tag
        if tag == "meta":
            content = node.get("content")
            if content is None:
                continue
            key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
            if key and key not in tags:
                tags[key] = content
        elif tag == "script":
            scripts.append(node)
        elif tag == "title":
            if title is None and node is not document:
                title = node.text or ""
        elif canonical is None and node.get("rel") == "canonical":
            canonical = node.get("href")
    if tree is not document:  # (the title is looked for inside the element given)
        title = tree.findtext(".//title")
    meta.named = tags
    meta.json_ld, meta.json_ld_broken = _json_ld(scripts)
    meta.title_tag = _text(title)
    meta.declared_language = _text(document.get("lang") or document.get("xml:lang") or tags.get("og:locale")
                                   or tags.get("content-language") or tags.get("language"))
    ld: dict[str, Any] = {}
    for obj in json_ld_articles(tree, meta.json_ld):
        image = obj.get("image")
        if isinstance(image, dict):
            image = image.get("url")
        elif isinstance(image, list):
            image = next(iter(_names(image)), None) or next(
                (i.get("url") for i in image if isinstance(i, dict)), None)
        found = {
            "title": _text(obj.get("headline")), "summary": _text(obj.get("description")),
            "published": _text(obj.get("datePublished")), "updated": _text(obj.get("dateModified")),
            "authors": _names(obj.get("author")), "tags": _split_keywords(obj.get("keywords")),
            "section": _text(obj.get("articleSection")) or next(iter(_names(obj.get("articleSection"))), None),
            "image_url": _text(image),
        }
        for name, value in found.items():
            if value and not ld.get(name):
                ld[name] = value
        if not meta.article_body and _text(obj.get("articleBody")):
            raw = obj["articleBody"]
            meta.article_body = _text(raw)
            meta.article_body_paragraphs = [p for p in (" ".join(line.split()) for line in raw.splitlines()) if p]
    meta.jsonld = ld
    meta.meta = {
        "title": _text(tags.get("og:title")) or meta.title_tag,
        "summary": _text(tags.get("og:description")) or _text(tags.get("description")),
        "published": _text(tags.get("article:published_time")) or _text(tags.get("pubdate")),
        "updated": _text(tags.get("article:modified_time")),
        "authors": _names(tags.get("author")),
        "section": _text(tags.get("article:section")),
        "tags": _split_keywords(tags.get("news_keywords") or tags.get("keywords") or ""),
        "image_url": _text(tags.get("og:image")),
    }
    meta.canonical = canonical.strip() if canonical is not None else None
    meta.page_url = _text(tags.get("og:url")) or meta.canonical
    return meta


def _split_keywords(value: Any) -> list[str]:
    if isinstance(value, list):
        return [k for item in value for k in _split_keywords(item)]
    if not isinstance(value, str):
        return []
    return [k.strip() for k in re.split(r"\s*,\s*", value) if k.strip()]
