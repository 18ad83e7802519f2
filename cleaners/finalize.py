"""What every path does last: identity, URL-derived facts, title suffix, language, sanity warnings."""

from __future__ import annotations

from .recognise import date_from_url, unique, without_controls
from .recognise.language import detect_language
from .record import Article
from .sites.profile import SiteProfile
from .urls import canonical_url, path_of


def finalize(article: Article, profile: SiteProfile | None, fact_url: str | None = None) -> Article:
    """`fact_url` (by default the record's URL; for a page without one, the URL it declares) supplies the
    canonical URL and the facts URLs carry."""
    _drop_controls(article)  # first: the steps below compare and deduplicate the texts it may change
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


#: The record's texts read from the page (`url` is the caller's, kept as given, and `canonical_url` follows it).
_TEXT_FIELDS = ("title", "summary", "published", "updated", "section", "image_url", "image_caption",
                "source")
_LIST_FIELDS = ("authors", "editors", "tags", "paragraphs")


def _drop_controls(article: Article) -> None:
    """No record field holds a C0 control or U+FFFE/U+FFFF (`without_controls`), wherever it came from: a
    `\\u0000` escape in the page's JSON-LD, a character reference such as `&#1;`, a str handed to the API.
    A text that held one has its white space collapsed too (the gap it leaves); every other text is kept
    as it is. `str.isprintable` screens each text in C: almost every text is printable and needs no more."""
    for name in _TEXT_FIELDS:
        value = getattr(article, name)
        if value and not value.isprintable():
            setattr(article, name, _without(value) or None)
    for name in _LIST_FIELDS:
        values = getattr(article, name)
        if all(value.isprintable() for value in values):
            continue
        cleaned = [_without(value) for value in values]
        if name != "paragraphs":
            setattr(article, name, unique(cleaned))  # ("Budi\x00 Santoso" beside "Budi Santoso": one name)
            continue
        # A paragraph that held a control and now repeats another one is that paragraph again (the others
        # stay as the reading left them).
        unchanged = {value for text, value in zip(cleaned, values, strict=True) if text is value}
        kept: list[str] = []
        for text, value in zip(cleaned, values, strict=True):
            if text is value or (text and text not in unchanged and text not in kept):
                kept.append(text)
        article.paragraphs = kept


def _without(text: str) -> str:
    cleaned = without_controls(text)
    return text if cleaned is text else " ".join(cleaned.split())
