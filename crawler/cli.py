"""`saring`: the command line. `saring clean` (cleaners.cli) plus the crawl-side commands."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
from pathlib import Path

from cleaners.cli import add_clean_parser

from .mirror import DEFAULT_ROOT, MirrorServer


def cmd_mirror(args: argparse.Namespace) -> int:
    root = Path(args.root)
    if not root.is_dir():
        print(f"saring mirror: {root} is not a directory", file=sys.stderr)
        return 2
    server = MirrorServer(root, args.port, quiet=not args.verbose)
    print(f"saring mirror: serving {root} at {server.url} (Ctrl-C to stop)", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .store import ArticleStore

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


def cmd_stats(args: argparse.Namespace) -> int:
    from .store import ArticleStore

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


def cmd_ingest(args: argparse.Namespace) -> int:
    """Drain the items the spiders pushed to Redis (`<spider>:items` lists) into the SQLite store."""
    import redis

    from .store import ArticleStore

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="saring", description="Clean article data from Indonesian news sites.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_clean_parser(commands)
    p = commands.add_parser(
        "mirror", help="serve the offline mirror of the news sites on 127.0.0.1",
        description="Serve saved pages (DIR/<host>/<path>, see crawler/mirror.py) on 127.0.0.1 as an HTTP(S) "
                    "proxy. Crawl it with: scrapy crawl <site> -s MIRROR_URL=http://127.0.0.1:PORT")
    p.add_argument("root", nargs="?", default=str(DEFAULT_ROOT), metavar="DIR", help="default: fixtures/sites")
    p.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0: any free port)")
    p.add_argument("-v", "--verbose", action="store_true", help="log every request")
    p.set_defaults(func=cmd_mirror)
    p = commands.add_parser("export", help="stream records out of the article store",
                            description="Write the stored records as JSONL, oldest publication day first.")
    p.add_argument("db", metavar="DB", help="the store (articles.db)")
    p.add_argument("-o", "--output", metavar="OUT.jsonl", help="default: standard output")
    p.add_argument("--site", help="only this site family")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="published on or after")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="published on or before")
    p.set_defaults(func=cmd_export)
    p = commands.add_parser("stats", help="counts per site, day and language in the article store")
    p.add_argument("db", metavar="DB")
    p.set_defaults(func=cmd_stats)
    p = commands.add_parser("ingest", help="store the items distributed crawls pushed to Redis",
                            description="Drain <spider>:items lists from Redis into the SQLite store.")
    p.add_argument("--redis", required=True, metavar="URL", help="redis://host:port/db")
    p.add_argument("--db", default="articles.db", help="the store (default: %(default)s)")
    p.add_argument("--key", action="append", help="list to drain (default: every *:items list)")
    p.set_defaults(func=cmd_ingest)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
