"""What every path does last: identity, URL-derived facts, title suffix, language, sanity warnings."""

from __future__ import annotations

from .recognise import date_from_url, unique
from .recognise.language import detect_language
from .record import Article
from .sites.profile import SiteProfile
from .urls import canonical_url, path_of


def finalize(article: Article, profile: SiteProfile | None, fact_url: str | None = None) -> Article:
    """`fact_url` (by default the record's URL; for a page without one, the URL it declares) supplies the
    canonical URL and the facts URLs carry."""
    rule = profile.canonical if profile else None
    fact_url = fact_url or article.url
    article.canonical_url = canonical_url(fact_url, rule)
    if article.title and profile and profile.title_suffix:
        article.title = profile.title_suffix.sub("", article.title).strip() or article.title
    if article.published is None:
        url_date = date_from_url(fact_url, profile.url_date if profile else None)
        if url_date:
            article.published = url_date.iso_date()
    if article.updated and article.published and article.published.startswith(article.updated):
        article.updated = None  # a dateModified that only repeats the publication date
    if article.section is None and profile and profile.url_section and fact_url:
        match = profile.url_section.search(path_of(fact_url))
        if match:
            article.section = match.group("section")
    article.tags = unique(article.tags)
    article.language = detect_language(article.body) if article.paragraphs else None
    if not article.paragraphs:
        article.warnings.append("no article body found")
    return article
