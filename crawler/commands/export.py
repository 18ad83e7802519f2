"""`saring export`: stream records out of the article store."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path


def run(args: argparse.Namespace) -> int:
    from ..store import ArticleStore

    if not Path(args.db).exists():
        print(f"saring export: no store at {args.db}", file=sys.stderr)
        return 2
    with contextlib.ExitStack() as stack:
        out = (stack.enter_context(open(args.output, "w", encoding="utf-8"))
               if args.output not in (None, "-") else sys.stdout)
        store = stack.enter_context(ArticleStore(args.db, readonly=True))
        count = 0
        for record in store.export(args.site, args.since, args.until):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    print(f"saring export: {count} records", file=sys.stderr)
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("export", help="stream records out of the article store",
                            description="Write the stored records as JSONL, oldest publication day first.")
    p.add_argument("db", metavar="DB", help="the store (articles.db)")
    p.add_argument("-o", "--output", metavar="OUT.jsonl", help="default: standard output")
    p.add_argument("--site", help="only this site family")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="published on or after")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="published on or before")
    p.set_defaults(func=run)
