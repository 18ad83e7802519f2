"""`clean`: decode bytes, sniff HTML or page text, and dispatch to the HTML or the text path."""

from __future__ import annotations

import re

from .decode import decode_bytes
from .paths.html import clean_html
from .paths.text import clean_text
from .record import Article

_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html\b|<\?xml[^>]*>\s*<html\b)", re.I)
_HTML_TAGS = re.compile(r"<(html|head|body|div|p|article|meta|script|title)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """HTML by its start, or by a handful of structural tags near the top."""
    head = text[:20000]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 3


def clean(data: str | bytes, url: str | None = None, charset: str | None = None) -> Article:
    """Clean a page given as bytes (decoded safely) or str, choosing the HTML or the text path by content.

    Raises `cleaners.decode.NotText` for binary input.
    """
    text = decode_bytes(data, charset) if isinstance(data, bytes) else data
    if looks_like_html(text):
        return clean_html(text, url)
    return clean_text(text, url)

