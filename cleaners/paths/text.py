"""The text path: a page text (what a browser or another tool pulled out of the HTML) -> Article."""

from __future__ import annotations

from ..finalize import finalize
from ..memo import new_page
from ..reading.engine import read_text
from ..record import Article
from ..sites import profile_for
from ..urls import unwrap_archived


def clean_text(text: str, url: str | None = None) -> Article:
    """Clean a page text; `url`, when known, names the site family and the date the URL carries (an
    archived copy's URL: the original's)."""
    new_page()
    fact_url = unwrap_archived(url)
    profile = profile_for(url=fact_url, text=text)
    article = Article(url=url, site=profile.name if profile else None,
                      extractor=f"profile:{profile.name}" if profile else "generic")
    read_text(text, profile, fact_url, article)
    article.url = url
    return finalize(article, profile, fact_url)


def line_roles(text: str, url: str | None = None) -> list[tuple[str, str]]:
    """Debug view: every non-empty line with the role the text path gave it."""
    new_page()
    fact_url = unwrap_archived(url)
    profile = profile_for(url=fact_url, text=text)
    page = read_text(text, profile, fact_url, Article(url=url))
    return [(ln.role.value if ln.role else "unread", ln.text) for ln in page.lines]
