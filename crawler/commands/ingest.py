"""`saring ingest`: store the items distributed crawls pushed to Redis."""

from __future__ import annotations

import argparse
import json
import sys


def run(args: argparse.Namespace) -> int:
    """Drain the items the spiders pushed to Redis (`<spider>:items` lists) into the SQLite store."""
    import redis

    from ..store import ArticleStore

    client = redis.Redis.from_url(args.redis)
    stored = broken = 0
    with ArticleStore(args.db) as store:
        keys = args.key or sorted(k.decode() for k in client.scan_iter(match="*:items"))
        for key in keys:
            while True:
                batch = client.lpop(key, 500)
                if not batch:
                    break
                for raw in batch:
                    try:
                        store.put(json.loads(raw), commit=False)
                        stored += 1
                    except (ValueError, TypeError) as exc:
                        broken += 1
                        print(f"saring ingest: skipped a broken item in {key}: {exc}", file=sys.stderr)
                store.commit()
    print(f"saring ingest: {stored} items stored from {len(keys)} list(s)" + (f", {broken} broken" if broken else ""),
          file=sys.stderr)
    return 1 if broken else 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("ingest", help="store the items distributed crawls pushed to Redis",
                            description="Drain <spider>:items lists from Redis into the SQLite store.")
    p.add_argument("--redis", required=True, metavar="URL", help="redis://host:port/db")
    p.add_argument("--db", default="articles.db", help="the store (default: %(default)s)")
    p.add_argument("--key", action="append", help="list to drain (default: every *:items list)")
    p.set_defaults(func=run)
