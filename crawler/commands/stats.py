"""`saring stats`: counts per site, day and language in the article store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from ..store import ArticleStore

    if not Path(args.db).exists():
        print(f"saring stats: no store at {args.db}", file=sys.stderr)
        return 2
    with ArticleStore(args.db, readonly=True) as store:
        counts = store.counts()
    for group in ("total", "site", "day", "language"):
        print(f"{group}:")
        for key, value in counts[group]:
            print(f"  {key if key is not None else '(none)':<24}{value:>8}")
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("stats", help="counts per site, day and language in the article store")
    p.add_argument("db", metavar="DB")
    p.set_defaults(func=run)
