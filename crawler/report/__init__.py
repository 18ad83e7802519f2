"""`saring report`: the health of a store and its crawls as ONE self-contained HTML file.

Charts (matplotlib, inline SVG; `data.py` reads, `charts.py` draws): articles per day per site; extractor
paths and the fallback share per family per day (the layout-drift signal); field completeness per family;
languages; near-duplicate clusters; with crawl stats files, the runs and their monitors' verdicts, the
slowest URLs, responses by status and the URLs that failed. Nothing is fetched to view it: no scripts,
stylesheets, fonts or images from elsewhere. Needs matplotlib (`pip install 'saring[report]'`).
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from .data import GENERIC, CrawlData, StoreData, read_stats, read_store

__all__ = ["build_report", "read_stats", "read_store"]

CSS = """
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #212121;
       margin: 0 auto; max-width: 1100px; padding: 16px 24px 48px; background: #fff; }
h1 { font-size: 24px; margin: 8px 0 4px; } h2 { font-size: 18px; margin: 32px 0 6px; border-bottom: 1px solid #e0e0e0; }
.meta { color: #616161; margin: 0 0 12px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.card { border: 1px solid #e0e0e0; border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.card b { display: block; font-size: 20px; } .card span { color: #616161; font-size: 12px; }
figure.chart { margin: 8px 0; } figure.chart svg { max-width: 100%; height: auto; }
figcaption, .note { color: #616161; font-size: 12px; }
.empty { color: #757575; font-style: italic; }
.alert { border-left: 4px solid #c62828; background: #ffebee; padding: 8px 12px; margin: 12px 0; }
.ok { border-left: 4px solid #2e7d32; background: #e8f5e9; padding: 8px 12px; margin: 12px 0; }
table { border-collapse: collapse; width: 100%; font-size: 12px; margin: 6px 0; }
th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #eeeeee; vertical-align: top; }
th { background: #fafafa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.url { word-break: break-all; }
"""

#: Rows of the tables under the charts.
TABLE_ROWS = 25


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _chart(name: str, figure, caption: str, empty: str) -> str:
    from .charts import svg

    if figure is None:
        return f'<p class="empty" data-chart-empty="{name}">{_e(empty)}</p>'
    return (f'<figure class="chart" id="chart-{name}" data-chart="{name}">{svg(figure, name)}'
            f"<figcaption>{_e(caption)}</figcaption></figure>")


def _table(headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset(), urls: set[int] = frozenset()) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for n, cell in enumerate(row):
            cls = ' class="num"' if n in numeric else ' class="url"' if n in urls else ""
            cells.append(f"<td{cls}>{cell}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _cards(data: StoreData) -> str:
    duplicates = sum(c["size"] - 1 for c in data.clusters)
    fell = sum(n for site, counter in data.extractors.items() if site != GENERIC for p, n in counter.items()
               if p == "generic")
    span = f"{data.first_day} … {data.last_day}" if data.first_day else "—"
    cards = [("articles", f"{data.total:,}"), ("site families", str(len(data.families))),
             ("generic path", f"{sum(data.extractors.get(GENERIC, {}).values()):,}"),
             ("fell back", f"{fell:,}"), ("near-duplicates", f"{duplicates:,}"),
             ("undated", f"{data.undated:,}"), ("published", span)]
    return '<div class="cards">' + "".join(f"<div class=\"card\"><b>{_e(v)}</b><span>{_e(k)}</span></div>"
                                           for k, v in cards) + "</div>"


def _crawl_section(crawl: CrawlData | None) -> str:
    from . import charts

    if crawl is None:
        return ('<h2>Crawls</h2><p class="empty" data-chart-empty="crawl">No crawl stats given: run the crawl with '
                "<code>-s SARING_STATS_FILE=stats.json</code> and pass the file with <code>--stats</code>.</p>")
    parts = ["<h2>Crawls</h2>"]
    failed_runs = [run for run in crawl.runs if run["monitor"] == "failed"]
    if failed_runs:
        items = "".join(f"<li><b>{_e(run['name'])}</b>: {_e(reason)}</li>" for run in failed_runs
                        for reason in run["reasons"] or ["failed"])
        parts.append(f'<div class="alert"><b>Monitors failed in {len(failed_runs)} run(s)</b><ul>{items}</ul></div>')
    elif any(run["monitor"] == "passed" for run in crawl.runs):
        parts.append('<div class="ok">Every monitored run passed its monitors.</div>')
    rows = [[_e(run["name"]), _e(run["start_time"]), _e(run["finish_reason"]), _e(run["items"]), _e(run["requests"]),
             _e(run["errors"]), _e(run["monitor"] or "—"),
             _e(f"{run['elapsed']:.1f}" if isinstance(run["elapsed"], int | float) else "")] for run in crawl.runs]
    parts.append(_table(["stats file", "started", "finish reason", "items", "requests", "errors", "monitors",
                         "seconds"], rows, numeric={3, 4, 5, 7}))
    parts.append("<h2>Slowest URLs</h2>")
    parts.append(_chart("slowest-urls", charts.slowest(crawl), "The slowest responses of all runs (download time).",
                        "The stats files have no download times (saring/urls/slowest)."))
    parts.append("<h2>Responses and failing URLs</h2>")
    parts.append(_chart("responses", charts.responses(crawl), "Responses by status, and the URLs that failed for "
                        "good (after retries) by reason.", "The stats files count no responses."))
    if crawl.failed:
        rows = [[_e(url), _e(reason), _e(run)] for url, reason, run in crawl.failed[:TABLE_ROWS * 4]]
        parts.append(_table(["failed URL", "reason", "run"], rows, urls={0}))
    else:
        parts.append('<p class="note">No URL failed.</p>')
    return "".join(parts)


def build_report(db: str | Path, stats: list[str | Path] | None = None, title: str | None = None,
                 max_fallback_share: float | None = None) -> str:
    """The report as one HTML document. Raises ValueError for a stats file that cannot be read."""
    from . import charts

    data = read_store(db)
    crawl = read_stats(stats) if stats else None
    if max_fallback_share is None:
        from .. import settings

        max_fallback_share = settings.SARING_MONITOR_MAX_FALLBACK_SHARE
    title = title or f"Saring report: {Path(db).name}"
    generated = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    cluster_rows = [[_e(c["title"]), _e(c["site"] or GENERIC), _e(c["size"]),
                     _e(", ".join(f"{site} ×{n}" for site, n in c["sites"])), _e(c["url"])]
                    for c in data.clusters[:TABLE_ROWS]]
    sections = [
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">Store <code>{_e(db)}</code> · generated {generated}</p>',
        _cards(data),
        "<h2>Articles per day</h2>",
        _chart("articles-per-day", charts.articles_per_day(data), "Stored articles by published day and site.",
               "No dated articles in the store."),
        "<h2>Extractor paths and fallbacks</h2>",
        _chart("extractor-paths", charts.extractor_paths(data, max_fallback_share),
               "Left: each family's articles by extractor path. Right: the share of a family's articles that fell "
               "back to the generic path, per published day: a rising line means the site changed its layout.",
               "No article of a site family in the store."),
        "<h2>Field completeness</h2>",
        _chart("completeness", charts.completeness(data), "Share of each family's articles that have the field.",
               "No articles in the store."),
        "<h2>Languages</h2>",
        _chart("languages", charts.languages(data), "Detected language of the body, by site.", "No articles."),
        "<h2>Near-duplicate clusters</h2>",
        _chart("clusters", charts.clusters(data), "An original and the copies marked duplicate_of it (exact or "
               "SimHash near copies, e.g. syndicated stories).", "No near-duplicates in the store."),
        _table(["original title", "site", "articles", "sites", "original URL"], cluster_rows, numeric={2}, urls={4})
        if cluster_rows else "",
        _crawl_section(crawl),
    ]
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head>'
            f"<body>{''.join(sections)}</body></html>\n")
