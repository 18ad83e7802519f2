"""Saring's cleaning library: page -> clean article record. Never imports Scrapy or the crawler."""

from .api import clean, clean_html, clean_text
from .article import Article

__all__ = ["Article", "clean", "clean_html", "clean_text"]
