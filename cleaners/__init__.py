"""Saring's cleaning library: page -> clean article record. Never imports Scrapy or the crawler."""

from .api import clean, clean_html, clean_text
from .article import Article
from .html import clean_html_generic

__all__ = ["Article", "clean", "clean_html", "clean_html_generic", "clean_text"]
