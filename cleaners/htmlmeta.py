"""Page metadata from <head>: JSON-LD (NewsArticle and friends), OpenGraph/article meta tags, canonical link.

Every path reads it the same way; a profile decides which source wins for which field.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "webpage", "liveblogposting"}


@dataclass
class PageMeta:
    title: str | None = None
    description: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    image_url: str | None = None
    canonical: str | None = None
    site_name: str | None = None
    article_body: str | None = None


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


def json_ld_articles(tree: lxml_html.HtmlElement) -> list[dict[str, Any]]:
    """Article-like JSON-LD objects, NewsArticle first. Broken JSON is skipped, not fatal."""
    found = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        found += [o for o in _objects(data) if _types(o) & _ARTICLE_TYPES]
    return sorted(found, key=lambda o: "webpage" in _types(o))


def read_meta(tree: lxml_html.HtmlElement) -> PageMeta:
    meta = PageMeta()
    tags: dict[str, str] = {}
    for node in tree.xpath("//meta[@content]"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        if key and key not in tags:
            tags[key] = node.get("content", "")
    for obj in json_ld_articles(tree):
        meta.title = meta.title or _text(obj.get("headline"))
        meta.published = meta.published or _text(obj.get("datePublished"))
        meta.updated = meta.updated or _text(obj.get("dateModified"))
        meta.authors = meta.authors or _names(obj.get("author"))
        meta.section = meta.section or _text(obj.get("articleSection")) or next(iter(_names(obj.get("articleSection"))), None)
        meta.description = meta.description or _text(obj.get("description"))
        meta.article_body = meta.article_body or _text(obj.get("articleBody"))
        keywords = obj.get("keywords")
        if not meta.tags and keywords:
            meta.tags = _split_keywords(keywords)
        image = obj.get("image")
        if not meta.image_url:
            meta.image_url = _text(image) or (_text(image.get("url")) if isinstance(image, dict) else None) or (
                next(iter(_names(image)), None) if isinstance(image, list) else None)
    meta.title = _text(tags.get("og:title")) or meta.title or _text(tree.findtext(".//title"))
    meta.description = meta.description or _text(tags.get("og:description")) or _text(tags.get("description"))
    meta.published = meta.published or _text(tags.get("article:published_time")) or _text(tags.get("pubdate"))
    meta.updated = meta.updated or _text(tags.get("article:modified_time"))
    meta.authors = meta.authors or _names(tags.get("author"))
    meta.section = meta.section or _text(tags.get("article:section"))
    meta.tags = meta.tags or _split_keywords(tags.get("news_keywords") or tags.get("keywords") or "")
    meta.image_url = meta.image_url or _text(tags.get("og:image"))
    meta.site_name = _text(tags.get("og:site_name"))
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    meta.canonical = canonical[0].strip() if canonical else None
    return meta


def _split_keywords(value: Any) -> list[str]:
    if isinstance(value, list):
        return [k for item in value for k in _split_keywords(item)]
    if not isinstance(value, str):
        return []
    return [k.strip() for k in re.split(r"\s*,\s*", value) if k.strip()]
