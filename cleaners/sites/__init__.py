"""Site families: one package per family (its profile and its fixtures), found by `registry`."""

from .profile import HtmlRules, SiteProfile
from .registry import PROFILES, profile_by_name, profile_for

__all__ = ["PROFILES", "HtmlRules", "SiteProfile", "profile_by_name", "profile_for"]
