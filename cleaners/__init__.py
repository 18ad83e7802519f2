"""Saring's cleaning library: page -> clean article record. Never imports Scrapy or the crawler.

    from cleaners import clean
    article = clean(page_bytes, url="https://news.example.id/...")   # HTML or page text, bytes or str
    article.to_dict()                                              # the record of SCHEMA.md
"""

from .api import clean, looks_like_html
from .decode import NotText
from .paths.html import BadHtml, clean_html, clean_html_generic, page_links
from .paths.text import clean_text, line_roles
from .record import RECORD_FIELDS, Article, PageLinks, error_record, merge_pages

__all__ = ["RECORD_FIELDS", "Article", "BadHtml", "NotText", "PageLinks", "__version__", "clean", "clean_html",
           "clean_html_generic", "clean_text", "error_record", "line_roles", "looks_like_html", "merge_pages",
           "page_links"]


def __getattr__(name: str) -> str:
    """`__version__`, looked up in the package metadata when asked for (importlib.metadata costs start-up)."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    global __version__
    try:
        __version__ = version("saring")
    except PackageNotFoundError:  # running from a checkout that was never installed
        __version__ = "0+unknown"
    return __version__
