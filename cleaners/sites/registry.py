"""The registry of site families: every package under `cleaners/sites/` that defines `PROFILE` is one.

Adding a family is adding its folder; nothing here names one.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from pathlib import Path

from ..urls import host_of, unwrap_archived
from .profile import SiteProfile, signature_sample

#: A page must score at least this much on a family's signatures to be taken as that family's page.
MIN_SIGNATURE_SCORE = 3.0
#: How much of an HTML page its signatures are looked for in.
HTML_SAMPLE_CHARS = 200_000

SITES_DIR = Path(__file__).resolve().parent


def _discover() -> tuple[SiteProfile, ...]:
    found = []
    for module in pkgutil.iter_modules([str(SITES_DIR)]):
        if module.ispkg:
            profile = getattr(importlib.import_module(f"{__package__}.{module.name}"), "PROFILE", None)
            if isinstance(profile, SiteProfile):
                found.append(profile)
    return tuple(sorted(found, key=lambda p: p.name))


PROFILES: tuple[SiteProfile, ...] = _discover()


@lru_cache(maxsize=1024)
def profile_of_host(host: str) -> SiteProfile | None:
    """The family whose host patterns match `host` (lower case), if one does; remembered per host, as a
    crawl or a dump repeats a few hosts page after page."""
    return next((p for p in PROFILES if p.matches_host(host)), None)


def profile_by_name(name: str) -> SiteProfile | None:
    return next((p for p in PROFILES if p.name == name), None)


def profile_for(url: str | None = None, html: str | None = None, text: str | None = None) -> SiteProfile | None:
    """The family of a page: its URL decides when it names a host; without one, the page's signatures
    (HTML signatures when `html` is given, else text signatures on `text`) do, if one family scores enough."""
    host = host_of(url)
    if host:
        return profile_of_host(host)
    if html is not None:
        sample, which = html[:HTML_SAMPLE_CHARS], "html_signatures"
    elif text is not None:
        sample, which = signature_sample(text), "signatures"
    else:
        return None
    best, best_score = None, 0.0
    for profile in PROFILES:
        score = profile.score(getattr(profile, which), sample)
        if score > best_score:
            best, best_score = profile, score
    return best if best_score >= MIN_SIGNATURE_SCORE else None


def family_of_page(url: str | None, declared_url: str | None, html: str) -> tuple[SiteProfile | None, str | None]:
    """The family of an HTML page and the URL that carries its facts (canonical URL, URL date).

    A URL on a host that is not the family's does not stop recognition: an archived or proxied copy's
    URL is unwrapped to the original; else the URL the page declares for itself (og:url, rel=canonical)
    names the family; a page that declares none is recognised by its HTML signatures. A page that
    declares a URL of another site is that site's (the generic path reads it).
    """
    original = unwrap_archived(url)
    declared = unwrap_archived(declared_url)
    for candidate in (original, declared):
        host = host_of(candidate)
        found = profile_of_host(host) if host else None
        if found:
            return found, candidate
    if not host_of(declared):
        return profile_for(html=html), original
    return None, original or declared


def fixture_dirs() -> list[Path]:
    """Each family's `fixtures/` folder (HTML pages with their expected records), for tests and tools."""
    return sorted(p for p in SITES_DIR.glob("*/fixtures") if p.is_dir())
