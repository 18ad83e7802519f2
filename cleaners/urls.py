"""URL identity: canonical URLs and slugs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

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


def canonical_url(url: str | None, rule: CanonicalRule | None = None) -> str | None:
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
