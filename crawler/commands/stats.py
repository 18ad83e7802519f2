"""`saring stats`: counts per site, day and language in the article store."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    import sqlite3  # here, not at the top: `saring clean` imports this module and needs no SQLite

    from ..store import ArticleStore, StoreError

    try:
        with ArticleStore(args.db, readonly=True, check=True) as store:
            counts = store.counts()
    except (StoreError, sqlite3.DatabaseError) as exc:
        reason = str(exc) if isinstance(exc, StoreError) else f"{args.db}: {exc}"
        print(f"saring stats: {' '.join(reason.split())}", file=sys.stderr)
        return 2
    for group in ("total", "site", "day", "language"):
        print(f"{group}:")
        for key, value in counts[group]:
            print(f"  {key if key is not None else '(none)':<24}{value:>8}")
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("stats", help="counts per site, day and language in the article store")
    p.add_argument("db", metavar="DB")
    p.set_defaults(func=run)
