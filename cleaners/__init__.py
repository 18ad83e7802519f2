"""Saring's cleaning library: page -> clean article record. Never imports Scrapy or the crawler.

    from cleaners import clean
    article = clean(page_bytes, url="https://news.example.id/...")   # HTML or page text, bytes or str
    article.to_dict()                                              # the record of SCHEMA.md
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .api import clean, looks_like_html
    from .decode import NotText
    from .paths.html import BadHtml, clean_html, clean_html_generic, page_links
    from .paths.text import clean_text, line_roles
    from .record import RECORD_FIELDS, Article, PageLinks, error_record, merge_pages

#: Where each public name lives. They are imported when first asked for, so that a module that needs one
#: submodule (the crawl's store process needs `cleaners.rules.metrics` alone) does not load the parser,
#: the paths and lxml with the package.
_PUBLIC = {
    "clean": "api", "looks_like_html": "api", "NotText": "decode",
    "BadHtml": "paths.html", "clean_html": "paths.html", "clean_html_generic": "paths.html",
    "page_links": "paths.html", "clean_text": "paths.text", "line_roles": "paths.text",
    "RECORD_FIELDS": "record", "Article": "record", "PageLinks": "record", "error_record": "record",
    "merge_pages": "record",
}

__all__ = ["RECORD_FIELDS", "Article", "BadHtml", "NotText", "PageLinks", "__version__", "clean", "clean_html",
           "clean_html_generic", "clean_text", "error_record", "line_roles", "looks_like_html", "merge_pages",
           "page_links"]


def __getattr__(name: str) -> object:
    """A public name, imported from its module when first asked for; `__version__` from the package
    metadata (importlib.metadata costs start-up)."""
    module = _PUBLIC.get(name)
    if module is not None:
        value = getattr(_submodule(module), name)
        globals()[name] = value
        return value
    if name != "__version__":
        if name.isidentifier() and not name.startswith("_"):  # a submodule (`cleaners.recognise`), as an
            try:                                                # eager package would have it
                return _submodule(name)
            except ModuleNotFoundError as exc:
                if exc.name != f"{__name__}.{name}":
                    raise
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    global __version__
    try:
        __version__ = version("saring")
    except PackageNotFoundError:  # running from a checkout that was never installed
        __version__ = "0+unknown"
    return __version__


def _submodule(name: str) -> object:
    """`cleaners.<name>`, imported; an AttributeError raised inside it (a bug) is an ImportError naming it,
    not the "no such attribute" that `hasattr` and `from cleaners import ...` would swallow."""
    try:
        return import_module(f".{name}", __name__)
    except AttributeError as exc:
        raise ImportError(f"importing {__name__}.{name} failed: {exc}", name=f"{__name__}.{name}") from exc


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
