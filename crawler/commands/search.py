"""`saring search`: full-text search in the article store (SQLite FTS5, `crawler.store.search`)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
from pathlib import Path

#: Matches on a terminal: bold yellow; elsewhere between brackets.
ANSI = ("\033[1;33m", "\033[0m")
PLAIN = ("[", "]")


def _day(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"not a positive number: {value!r}")
    return int(value)


def _table(hits: list[dict], out, colour: bool) -> None:
    width = shutil.get_terminal_size((100, 20)).columns if colour else 100
    for hit in hits:
        published = hit["published"] or ""
        date = published[:16].replace("T", " ") if len(published) > 10 else published or "(no date)"
        title = hit["title"] or "(no title)"
        head = f"{date:<16}  {hit['site'] or 'generic':<12}  "
        out.write(head + (title if len(head) + len(title) <= width else title[:max(10, width - len(head) - 1)] + "…")
                  + "\n")
        out.write(f"    {' '.join((hit['snippet'] or '').split())}\n")
        out.write(f"    {hit['url'] or hit['canonical_url']}\n")


def run(args: argparse.Namespace) -> int:
    from ..store import search as fts

    if not Path(args.db).exists():
        print(f"saring search: no store at {args.db}", file=sys.stderr)
        return 2
    from ..store import ArticleStore, StoreError

    try:
        ArticleStore(args.db, readonly=True).close()  # not a store (or a copy without its -wal): one line
    except StoreError as exc:
        print(f"saring search: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    if args.since and args.until and args.since > args.until:
        print("saring search: --since is after --until", file=sys.stderr)
        return 2
    import sqlite3

    if args.rebuild_index or not _indexed(args.db):
        print(f"saring search: building the search index of {args.db}" + ("" if args.rebuild_index else " (once)"),
              file=sys.stderr)
        from ..store import ArticleStore

        with ArticleStore(args.db) as store:  # opening for writing builds a missing index
            if args.rebuild_index:
                fts.rebuild_index(store.db)
    colour = args.format == "table" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True, timeout=30)
    try:
        hits = fts.search(db, args.query, site=args.site, since=args.since, until=args.until, limit=args.limit,
                          mark=ANSI if colour else PLAIN)
    except sqlite3.OperationalError as exc:
        print(f"saring search: cannot search for {args.query!r}: {exc}", file=sys.stderr)
        return 2
    finally:
        db.close()
    if args.format == "jsonl":
        for hit in hits:
            sys.stdout.write(json.dumps(hit, ensure_ascii=False) + "\n")
    else:
        _table(hits, sys.stdout, colour)
    print(f"saring search: {len(hits)} result(s)" + (f" (--limit {args.limit})" if len(hits) == args.limit else ""),
          file=sys.stderr)
    return 0 if hits else 1


def _indexed(path: str) -> bool:
    import sqlite3

    from ..store.search import has_index

    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        return has_index(db)
    finally:
        db.close()


def add_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "search", help="full-text search in the article store",
        description="Search titles, summaries and bodies of the stored articles, best match first. Case and "
                    "diacritics are folded. QUERY is SQLite FTS5 syntax (banjir AND rob, \"banjir rob\", pemilu*, "
                    "title:banjir, NOT, OR); text that is not valid syntax (anak-anak, covid-19) is taken as words "
                    "that must all occur. Exit status 0 with results, 1 without, 2 for usage errors.")
    p.add_argument("db", metavar="DB", help="the store (articles.db)")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--site", help="only this site family (generic: the generic path)")
    p.add_argument("--since", metavar="YYYY-MM-DD", type=_day, help="published on or after")
    p.add_argument("--until", metavar="YYYY-MM-DD", type=_day, help="published on or before")
    p.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N results (default: %(default)s)")
    p.add_argument("--format", choices=("table", "jsonl"), default="table",
                   help="table: date, site, title, snippet and URL per result; jsonl: one object per result "
                        "(published, site, title, url, canonical_url, snippet with [matches], rank)")
    p.add_argument("--rebuild-index", action="store_true", help="read every stored article into the index again")
    p.set_defaults(func=run)
