"""What the health report shows, read from the article store (SQLite) and from crawl stats files."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Field completeness columns: (label, SQL that is 1 when the record has the field).
_NONEMPTY = "COALESCE(TRIM(json_extract(record, '$.{0}')), '') != ''"
_LIST = "COALESCE(json_array_length(json_extract(record, '$.{0}')), 0) > 0"
COMPLETENESS = (
    ("title", _NONEMPTY.format("title")),
    ("summary", _NONEMPTY.format("summary")),
    ("authors", _LIST.format("authors")),
    ("editors", _LIST.format("editors")),
    ("published", "published IS NOT NULL"),
    ("published with time", "published LIKE '____-__-__T%'"),
    ("tags", _LIST.format("tags")),
    ("image caption", _NONEMPTY.format("image_caption")),
)
GENERIC = "generic"


@dataclass
class StoreData:
    path: str
    total: int = 0
    undated: int = 0
    first_day: str | None = None
    last_day: str | None = None
    #: (day, site) -> articles
    per_day: dict[tuple[str, str], int] = field(default_factory=dict)
    #: site -> extractor path -> articles
    extractors: dict[str, Counter] = field(default_factory=dict)
    #: (site, day) -> (articles, of which fell back to the generic path)
    fallback: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    #: site -> (articles, {label: articles with the field})
    completeness: dict[str, tuple[int, dict[str, int]]] = field(default_factory=dict)
    #: (language, site) -> articles
    languages: dict[tuple[str, str], int] = field(default_factory=dict)
    #: clusters of near-duplicates, largest first: {"url", "title", "site", "size", "sites"}
    clusters: list[dict[str, Any]] = field(default_factory=list)

    @property
    def sites(self) -> list[str]:
        found = {site for _, site in self.per_day} | set(self.completeness)
        return sorted(found - {GENERIC}) + ([GENERIC] if GENERIC in found else [])

    @property
    def families(self) -> list[str]:
        return [site for site in self.sites if site != GENERIC]


def read_store(path: str | Path) -> StoreData:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        return _read(db, str(path))
    finally:
        db.close()


def _read(db: sqlite3.Connection, path: str) -> StoreData:
    data = StoreData(path)
    site = f"COALESCE(site, '{GENERIC}')"
    data.total, data.undated, data.first_day, data.last_day = db.execute(
        "SELECT COUNT(*), SUM(day IS NULL), MIN(day), MAX(day) FROM articles").fetchone()
    data.undated = data.undated or 0
    for day, name, count in db.execute(f"SELECT day, {site}, COUNT(*) FROM articles WHERE day IS NOT NULL "
                                       "GROUP BY 1, 2"):
        data.per_day[(day, name)] = count
    extractor = "COALESCE(json_extract(record, '$.extractor'), '(none)')"
    for name, path_, count in db.execute(f"SELECT {site}, {extractor}, COUNT(*) FROM articles GROUP BY 1, 2"):
        data.extractors.setdefault(name, Counter())[path_] = count
    for name, day, count, fell in db.execute(
            f"SELECT site, day, COUNT(*), SUM({extractor} = 'generic') FROM articles "
            "WHERE site IS NOT NULL AND day IS NOT NULL GROUP BY 1, 2"):
        data.fallback[(name, day)] = (count, fell or 0)
    sums = ", ".join(f"SUM({sql})" for _, sql in COMPLETENESS)
    for name, count, *present in db.execute(f"SELECT {site}, COUNT(*), {sums} FROM articles GROUP BY 1"):
        data.completeness[name] = (count, {label: n or 0 for (label, _), n in zip(COMPLETENESS, present, strict=True)})
    for language, name, count in db.execute(
            f"SELECT COALESCE(language, '(none)'), {site}, COUNT(*) FROM articles GROUP BY 1, 2"):
        data.languages[(language, name)] = count
    copies: dict[str, list[str]] = defaultdict(list)
    for original, name in db.execute(f"SELECT duplicate_of, {site} FROM articles WHERE duplicate_of IS NOT NULL"):
        copies[original].append(name)
    for original, sites in copies.items():
        row = db.execute(f"SELECT json_extract(record, '$.title'), {site} FROM articles WHERE canonical_url = ?",
                         (original,)).fetchone()
        title, own = row if row else (None, None)
        data.clusters.append({"url": original, "title": title, "site": own, "size": len(sites) + 1,
                              "sites": sorted(Counter(([own] if own else []) + sites).items())})
    data.clusters.sort(key=lambda c: (-c["size"], c["url"]))
    return data


@dataclass
class CrawlData:
    #: One entry per stats file: {"name", "finish_reason", "items", "monitor", "reasons", "start_time", ...}
    runs: list[dict[str, Any]] = field(default_factory=list)
    #: [url, seconds, status, run], slowest first
    slowest: list[list] = field(default_factory=list)
    #: [url, reason, run]
    failed: list[list] = field(default_factory=list)
    #: HTTP status -> responses, over all runs
    statuses: Counter = field(default_factory=Counter)


def read_stats(paths: list[str | Path]) -> CrawlData:
    """Crawl stats files (`-s SARING_STATS_FILE=...`); raises ValueError for a file that is not one."""
    crawl = CrawlData()
    for path in paths:
        try:
            stats = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"{path}: not a readable stats file ({exc})") from exc
        if not isinstance(stats, dict):
            raise ValueError(f"{path}: not a stats file (a JSON object)")
        name = Path(path).name
        monitor = stats.get("saring/monitor/failed")
        crawl.runs.append({
            "name": name, "start_time": stats.get("start_time"), "finish_reason": stats.get("finish_reason"),
            "items": stats.get("item_scraped_count", 0), "requests": stats.get("downloader/request_count", 0),
            "errors": stats.get("saring/article_errors", 0) + stats.get("saring/listing_errors", 0),
            "monitor": None if monitor is None else ("failed" if monitor else "passed"),
            "reasons": list(stats.get("saring/monitor/reasons") or []),
            "elapsed": stats.get("elapsed_time_seconds")})
        for url, seconds, status in stats.get("saring/urls/slowest") or []:
            crawl.slowest.append([url, float(seconds), status, name])
        for url, reason in stats.get("saring/urls/failed") or []:
            crawl.failed.append([url, reason, name])
        for key, value in stats.items():
            if key.startswith("downloader/response_status_count/") and isinstance(value, int):
                crawl.statuses[key.rsplit("/", 1)[1]] += value
    crawl.slowest.sort(key=lambda entry: -entry[1])
    return crawl
