"""A user agent that tells the truth: `Saring/<version> (Indonesian news crawler; <contact>)`.

The version comes from the installed package's metadata; the contact from `-s SARING_CONTACT=...`, a URL
(`+https://example.org/crawler`, the convention for a page about a bot) or an e-mail address. A site that sees
a surge of requests can then find out who is crawling and ask before it blocks. `-s USER_AGENT=...` still
replaces the whole string.
"""

from __future__ import annotations

import re
from importlib.metadata import PackageNotFoundError, version

from scrapy.settings import BaseSettings, get_settings_priority

_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$", re.I)
_EMAIL = re.compile(r"^(mailto:)?[^@\s()<>;]+@[^@\s()<>;]+\.[^@\s()<>;]+$", re.I)


def saring_version() -> str:
    try:
        return version("saring")
    except PackageNotFoundError:  # a checkout that was not installed
        return "0+unknown"


def user_agent(contact: str | None = None) -> str:
    """The default user agent; raises ValueError for a contact that is neither a URL nor an e-mail."""
    contact = (contact or "").strip()
    details = ["Indonesian news crawler"]
    if contact:
        if _URL.match(contact):
            details.append(f"+{contact}")
        elif _EMAIL.match(contact):
            details.append(contact.removeprefix("mailto:"))
        else:
            raise ValueError(f"SARING_CONTACT must be an http(s) URL or an e-mail address, not {contact!r}")
    return f"Saring/{saring_version()} ({'; '.join(details)})"


class UserAgent:
    """Add-on: sets USER_AGENT from SARING_CONTACT unless USER_AGENT was set explicitly."""

    def update_settings(self, settings: BaseSettings) -> None:
        agent = user_agent(settings.get("SARING_CONTACT"))  # a bad contact stops the crawl before it starts
        priority = settings.getpriority("USER_AGENT")
        if priority is None or priority <= get_settings_priority("default"):
            settings.set("USER_AGENT", agent, priority="addon")
