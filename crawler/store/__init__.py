"""The article store (SQLite): records by canonical URL with near-duplicate fingerprints (`db`,
`fingerprint`), and the downloader middleware that skips articles already stored (`known`)."""

from .db import ArticleStore, StoreError

__all__ = ["ArticleStore", "StoreError"]
