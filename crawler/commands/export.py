"""`saring export`: stream records out of the article store as JSONL, CSV or Parquet (crawler.exporters)."""

from __future__ import annotations

import argparse
import contextlib
import sys


def run(args: argparse.Namespace) -> int:
    import sqlite3  # here, not at the top: `saring clean` imports this module and needs no SQLite

    from .. import exporters
    from ..arguments import ArgumentProblem, store_filters
    from ..store import ArticleStore, StoreError
    from ..store.db import fold_wal

    try:
        site, since, until = store_filters(args.site, args.since, args.until)
    except ArgumentProblem as exc:
        print(f"saring export: {exc}", file=sys.stderr)
        return 2
    to_stdout = args.output in (None, "-")
    kind = args.format or exporters.format_for(None if to_stdout else args.output)
    if kind == "parquet":
        if to_stdout:
            print("saring export: --format parquet needs -o FILE.parquet", file=sys.stderr)
            return 2
        try:
            exporters.parquet_schema()
        except exporters.MissingPackage as exc:
            print(f"saring export: {exc}", file=sys.stderr)
            return 2
    count = 0
    try:
        # The store is opened (and checked) before the output file, so a bad store writes no file.
        with ArticleStore(args.db, readonly=True, check=True) as store, contextlib.ExitStack() as stack:
            records = store.export(site, since, until)
            if kind == "parquet":
                count = exporters.write_parquet(records, args.output)
            else:
                out = (sys.stdout if to_stdout else stack.enter_context(
                    open(args.output, "w", encoding="utf-8", newline="" if kind == "csv" else None)))
                count = (exporters.write_csv if kind == "csv" else exporters.write_jsonl)(records, out)
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
                            description="Write the stored records as JSONL, CSV or Parquet, oldest publication day first.")
    p.add_argument("db", metavar="DB", help="the store (articles.db)")
    p.add_argument("-o", "--output", metavar="OUT", help="default: standard output")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"),
                   help="jsonl (the records), csv or parquet (one column per field; parquet needs "
                        "pip install 'saring[parquet]'); default: from the -o suffix (.csv, .parquet), else jsonl")
    p.add_argument("--site", help="only this site family (its name, in any case)")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="published on or after")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="published on or before")
    p.set_defaults(func=run)
