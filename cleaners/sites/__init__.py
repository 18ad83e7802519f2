"""The registry of site profiles: one line per family."""

from __future__ import annotations

from ..urls import host_of
from . import jatimtimes, kompastv, medcom, tribunnews
from .profile import SiteProfile, signature_sample

PROFILES: tuple[SiteProfile, ...] = (
    tribunnews.PROFILE,
    medcom.PROFILE,
    kompastv.PROFILE,
    jatimtimes.PROFILE,
)

#: A text must score at least this much on a family's signatures to be taken as that family's page.
MIN_SIGNATURE_SCORE = 3.0


def profile_by_name(name: str) -> SiteProfile | None:
    return next((p for p in PROFILES if p.name == name), None)


def profile_for_url(url: str | None) -> SiteProfile | None:
    host = host_of(url)
    if not host:
        return None
    return next((p for p in PROFILES if p.matches_host(host)), None)


def profile_for_text(text: str) -> SiteProfile | None:
    """The family whose signatures score best on a page text, if any scores enough."""
    sample = signature_sample(text)
    scored = sorted(((p.signature_score(sample), i) for i, p in enumerate(PROFILES)), reverse=True)
    score, index = scored[0]
    return PROFILES[index] if score >= MIN_SIGNATURE_SCORE else None


def find_profile(url: str | None, text: str) -> SiteProfile | None:
    """The URL decides when it names a known host; otherwise the page's signatures do."""
    if url and host_of(url):
        return profile_for_url(url)
    return profile_for_text(text)


__all__ = ["PROFILES", "SiteProfile", "find_profile", "profile_by_name", "profile_for_text", "profile_for_url"]
