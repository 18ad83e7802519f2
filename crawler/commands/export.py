"""`saring export`: stream records out of the article store."""

from __future__ import annotations

import argparse
import contextlib
import json
import sqlite3
import sys


def run(args: argparse.Namespace) -> int:
    from ..arguments import ArgumentProblem, store_filters
    from ..store import ArticleStore, StoreError
    from ..store.db import fold_wal

    try:
        site, since, until = store_filters(args.site, args.since, args.until)
    except ArgumentProblem as exc:
        print(f"saring export: {exc}", file=sys.stderr)
        return 2
    count = 0
    try:
        with ArticleStore(args.db, readonly=True, check=True) as store, contextlib.ExitStack() as stack:
            out = (stack.enter_context(open(args.output, "w", encoding="utf-8"))
                   if args.output not in (None, "-") else sys.stdout)
            for record in store.export(site, since, until):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    except (StoreError, sqlite3.DatabaseError) as exc:
        reason = str(exc) if isinstance(exc, StoreError) else f"{args.db}: {exc}"
        print(f"saring export: {' '.join(reason.split())}"
              + (f" (after {count} records)" if count else ""), file=sys.stderr)
        return 2
    fold_wal(args.db)  # what a killed crawl left in articles.db-wal goes into articles.db
    print(f"saring export: {count} records", file=sys.stderr)
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("export", help="stream records out of the article store",
                            description="Write the stored records as JSONL, oldest publication day first.")
    p.add_argument("db", metavar="DB", help="the store (articles.db)")
    p.add_argument("-o", "--output", metavar="OUT.jsonl", help="default: standard output")
    p.add_argument("--site", help="only this site family (tribunnews, medcom, ...; any case)")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="published on or after")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="published on or before")
    p.set_defaults(func=run)
