"""`saring ingest`: store the items distributed crawls pushed to Redis.

Nothing is lost if ingest is killed: items are moved (LMOVE, in one transaction per batch) from
`<spider>:items` to `<spider>:items:processing`, stored and committed to SQLite, and only then removed from
the processing list. An ingest that starts finds what a killed one left in processing and stores it first
(storing an article twice is harmless: one row per canonical URL). An item that is not an article record
(not JSON, not an object, no `canonical_url`/`url`, fields of the wrong type) goes to the dead-letter list
`<spider>:items:dead` as `{"reason": ..., "item": ...}`, with its reason on standard error; ingest goes on.

Exit status: 0 when every item was stored, 1 when some went to a dead-letter list, 2 when the store or
Redis cannot be used (items then stay in Redis). Run one ingest at a time per Redis database.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

#: Items moved and stored per SQLite transaction.
BATCH = 500


def _reason(raw: bytes, store: Any) -> str | None:
    """Store one raw item; None when stored, else why it is not an article record."""
    import sqlite3  # not at the top: `saring clean` imports this module and needs no SQLite

    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return "not UTF-8 text"
    except (ValueError, RecursionError) as exc:
        return f"not JSON: {str(exc)[:100]}"
    try:
        store.put(record, commit=False)
    except sqlite3.Error:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever a malformed record raises, it is that record's fault
        return f"not an article record: {' '.join(str(exc).split())[:200] or type(exc).__name__}"
    return None


def _drain(client: Any, store: Any, key: str, counts: dict[str, int]) -> None:
    processing, dead = f"{key}:processing", f"{key}:dead"
    left = client.llen(processing)
    if left:
        counts["recovered"] += left
        print(f"saring ingest: {key}: {left} item(s) left in {processing} by an earlier ingest; storing them",
              file=sys.stderr)
    while True:
        batch = client.lrange(processing, 0, BATCH - 1)  # left by a killed ingest, or moved just now
        if not batch:
            with client.pipeline(transaction=True) as pipe:
                for _ in range(BATCH):
                    pipe.lmove(key, processing, "LEFT", "RIGHT")
                moved = [raw for raw in pipe.execute() if raw is not None]
            if not moved:
                return
            batch = moved
        letters = []
        for raw in batch:
            reason = _reason(raw, store)
            if reason is None:
                counts["stored"] += 1
                continue
            counts["dead"] += 1
            print(f"saring ingest: {key}: dead-lettered to {dead}: {reason}", file=sys.stderr)
            letters.append(json.dumps({"reason": reason, "item": raw.decode("utf-8", "backslashreplace")},
                                      ensure_ascii=False))
        store.commit()  # first the store, then Redis forgets: a kill in between only stores twice
        with client.pipeline(transaction=True) as pipe:
            if letters:
                pipe.rpush(dead, *letters)
            pipe.ltrim(processing, len(batch), -1)
            pipe.execute()


def run(args: argparse.Namespace) -> int:
    """Drain the items the spiders pushed to Redis (`<spider>:items` lists) into the SQLite store."""
    import sqlite3

    import redis

    from ..store import ArticleStore, StoreError

    counts = {"stored": 0, "dead": 0, "recovered": 0}
    try:
        client = redis.Redis.from_url(args.redis)
        with ArticleStore(args.db, check=True) as store:
            keys = args.key or sorted({k.decode().removesuffix(":processing")
                                       for pattern in ("*:items", "*:items:processing")
                                       for k in client.scan_iter(match=pattern)})
            for key in keys:
                _drain(client, store, key, counts)
    except (StoreError, sqlite3.DatabaseError) as exc:
        print(f"saring ingest: {' '.join(str(exc).split())} (the items stay in Redis)", file=sys.stderr)
        return 2
    except redis.RedisError as exc:
        print(f"saring ingest: Redis {args.redis}: {exc} (the items stay in Redis)", file=sys.stderr)
        return 2
    print(f"saring ingest: {counts['stored']} items stored from {len(keys)} list(s)"
          + (f", {counts['dead']} dead-lettered" if counts["dead"] else ""), file=sys.stderr)
    return 1 if counts["dead"] else 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("ingest", help="store the items distributed crawls pushed to Redis",
                            description="Drain <spider>:items lists from Redis into the SQLite store. Items "
                                        "that are not article records go to <spider>:items:dead (exit status "
                                        "1); a killed ingest loses nothing.")
    p.add_argument("--redis", required=True, metavar="URL", help="redis://host:port/db")
    p.add_argument("--db", default="articles.db", help="the store (default: %(default)s)")
    p.add_argument("--key", action="append", help="list to drain (default: every *:items list)")
    p.set_defaults(func=run)
