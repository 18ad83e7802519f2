"""URL identity: canonical URLs and slugs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

#: Query parameters that never change which article a URL names.
TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|page|amp|fbclid|gclid|dclid|msclkid|_ga|ref|mc_\w+|spm|igshid|cx_\w+|xtor)$",
    re.I,
)


@dataclass(frozen=True)
class CanonicalRule:
    """How a site family turns any of its URLs into the article's identity.

    `host_map` rewrites hosts (m. and origin/beta variants to the desktop host); `amp_path` is a regex whose
    match is removed from the path (`/amp/`); `id_path`, when set, rebuilds the path from the article id
    it captures (for a site that identifies an article by its id only).
    """

    host_map: tuple[tuple[str, str], ...] = ()
    amp_path: str | None = r"^/amp(?=/)"
    id_path: str | None = None
    id_template: str = "/{id}"


#: Web archives that keep the original URL in their own: `web.archive.org/web/<timestamp>[flags]/<URL>`,
#: `archive.ph/<timestamp>/<URL>` (and its mirror domains); Google's cache `...?q=cache:<id>:<URL>`.
_ARCHIVED = (
    re.compile(r"^https?://(?:web\.)?archive\.org/web/\d{4,14}[a-z_]*/(?P<url>.+)$", re.I),
    re.compile(r"^https?://(?:www\.)?archive\.(?:ph|today|is|li|md|vn|fo)/[\d.-]{8,}/(?P<url>.+)$", re.I),
    re.compile(r"^https?://webcache\.googleusercontent\.com/search\?q=cache:[^:]*:(?P<url>[^&]+)", re.I),
)
#: Translation proxies that write the original host into their own: `solo-contoh-com.translate.goog`.
_PROXY_HOST = re.compile(r"^(?P<host>[a-z0-9-]+)\.translate\.goog$", re.I)


def _archived_original(url: str) -> str | None:
    """The URL an archive's copy at `url` keeps, stripped; None when `url` is no archive's copy."""
    for pattern in _ARCHIVED:
        match = pattern.match(url)
        if match:
            original = unquote(match.group("url")) if "%3A" in match.group("url")[:12].upper() else match.group("url")
            if not re.match(r"^[a-z]+://", original, re.I):
                original = "http://" + original.lstrip("/")
            return original.strip()
    return None


@lru_cache(maxsize=1024)  # (a page's URLs are unwrapped by the family lookup and again for the canonical URL)
def unwrap_archived(url: str | None) -> str | None:
    """The original URL of an archived or proxied copy (`https://web.archive.org/web/2020.../https://...`
    gives the `https://...`); any other URL as it is. An archive of an archive's copy is unwrapped to the
    end, in a loop (however deep the nesting: no recursion to run out of)."""
    if not url:
        return url
    url = url.strip()
    while (original := _archived_original(url)) is not None:
        url = original
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    proxy = _PROXY_HOST.match(parts.hostname or "")
    if proxy:
        # Dots become dashes and dashes double in the proxy's host name.
        host = proxy.group("host").replace("--", "\0").replace("-", ".").replace("\0", "-")
        query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                           if not k.startswith("_x_tr_")])
        return urlunsplit((parts.scheme, host, parts.path, query, parts.fragment))
    return url


def canonical_url(url: str | None, rule: CanonicalRule | None = None) -> str | None:
    """The article's identity: the original of an archived copy, https, no tracking parameters, the
    family's host and path rules, one slash between path segments, no trailing slash."""
    url = unwrap_archived(url)
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if not parts.netloc:
        return None
    host = parts.hostname or ""
    path = parts.path or "/"
    if rule:
        for pattern, replacement in rule.host_map:
            if re.fullmatch(pattern, host):
                host = re.sub(pattern, replacement, host)
                break
        if rule.amp_path:
            path = re.sub(rule.amp_path, "", path) or "/"
        if rule.id_path:
            match = re.search(rule.id_path, path)
            if match:
                path = rule.id_template.format(id=match.group("id"))
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not TRACKING_PARAMS.match(k)])
    path = re.sub(r"/{2,}", "/", path)
    if path != "/" and path.endswith("/"):
        path = path.rstrip("/")
    return urlunsplit(("https", host, path, query, ""))


def host_of(url: str | None) -> str:
    if not url:
        return ""
    try:
        return (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""


def slug_words(url: str | None, id_prefix: re.Pattern[str] | None = None) -> list[str]:
    """Words of the URL's last path segment of 3+ words ("zelensky-tuding-korut" -> 3 words);
    `id_prefix` (a profile's article-id shape) drops an id glued to the slug's first word."""
    if not url:
        return []
    try:
        path = urlsplit(url).path
    except ValueError:
        return []
    for segment in reversed([s for s in path.split("/") if s]):
        segment = re.sub(r"\.(html?|php|aspx?)$", "", segment)
        words = [w for w in re.split(r"[-_+]+", segment.lower()) if w]
        if len(words) >= 3:
            if id_prefix is not None and id_prefix.fullmatch(words[0]):
                words = words[1:]
            return words
    return []


def path_of(url: str | None) -> str:
    if not url:
        return ""
    try:
        return urlsplit(url.strip()).path
    except ValueError:
        return ""
