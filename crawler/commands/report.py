"""`saring report`: the health of a store and its crawls as one self-contained HTML file (crawler.report)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    if not Path(args.db).exists():
        print(f"saring report: no store at {args.db}", file=sys.stderr)
        return 2
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        print("saring report: the charts need matplotlib: pip install 'saring[report]'", file=sys.stderr)
        return 2
    from ..report import build_report

    try:
        document = build_report(args.db, args.stats, title=args.title)
    except ValueError as exc:
        print(f"saring report: {exc}", file=sys.stderr)
        return 2
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(document, encoding="utf-8")
    print(f"saring report: wrote {out} ({len(document.encode()) // 1024} KiB)", file=sys.stderr)
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "report", help="a health report of the store and its crawls (one HTML file)",
        description="Write one self-contained HTML file (no network needed to view it) with charts: articles per "
                    "day per site, extractor paths and fallback share per family per day, field completeness, "
                    "languages, near-duplicate clusters, and with --stats the crawl runs, their monitors, the "
                    "slowest and the failing URLs. Needs matplotlib (pip install 'saring[report]').")
    p.add_argument("db", metavar="DB", help="the store (articles.db)")
    p.add_argument("-o", "--output", default="report.html", metavar="REPORT.html", help="default: %(default)s")
    p.add_argument("--stats", nargs="+", metavar="STATS.json",
                   help="crawl stats files (scrapy crawl ... -s SARING_STATS_FILE=stats.json)")
    p.add_argument("--title", help="the report's title")
    p.set_defaults(func=run)
