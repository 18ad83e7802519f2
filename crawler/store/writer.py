"""The crawl's store writer: a child process that stores the items a crawl sends it, so that the crawl's
own process spends on the store only the encoding of each item and the reading of its answer.

`python -m crawler.store.writer PATH` opens the store and says `{"ready": true}` (one JSON line on standard
output), then reads from standard input one line per request and writes one JSON line per request, in
order:

- a record as one line of JSON: `put_batched` (committed every 100 records or 1 s), answered with
  `{"duplicate_of": ..., "committed": N, "pending": M}`;
- `C` alone: a checkpoint (commit, and the write-ahead log folded into the store), answered with
  `{"committed": N}`;
- when SQLite fails, `{"error": "..."}`, and every later record is answered `{"skipped": true}` without
  being stored (the crawl is being stopped);
- at the end of its input (the crawl closed the pipe, or died), the store is committed and closed.

It ignores SIGINT: a Ctrl-C in a terminal reaches the whole process group, and the crawl, which stops
gracefully on it, closes the writer's input when it is done with it.

Measured in bench/crawl.py: inside a CPU-bound crawl the store took 0.70 ms a record on the crawl's thread,
1.65x what the same work takes alone (the crawl's parsing and the store share the processor's caches); a
thread does not help (each SQLite call gives up the interpreter lock, and taking it back from the busy
crawl thread waits up to the switch interval: the crawl got a third slower).
"""

from __future__ import annotations

import contextlib
import json
import signal
import sqlite3
import sys
from typing import BinaryIO

from .db import ArticleStore

#: The request for a checkpoint.
CHECKPOINT = b"C\n"


def serve(store: ArticleStore, requests: BinaryIO, answers: BinaryIO) -> None:
    """Say it is ready, answer every request of `requests` (see the module's docstring), then close the
    store."""
    broken = False
    try:
        answers.write(b'{"ready": true}\n')
        answers.flush()
        for line in requests:
            if line == CHECKPOINT:
                answer: dict = {}
                try:
                    store.checkpoint()
                except sqlite3.DatabaseError as exc:
                    answer["warning"] = " ".join(str(exc).split())
                answer["committed"] = store.committed
            elif broken:
                answer = {"skipped": True}
            else:
                try:
                    stored = store.put_batched(json.loads(line))
                    answer = {"duplicate_of": stored.get("duplicate_of"), "committed": store.committed,
                              "pending": store.pending}
                except sqlite3.DatabaseError as exc:
                    broken = True
                    answer = {"error": " ".join(str(exc).split()), "type": type(exc).__name__,
                              "committed": store.committed, "pending": store.pending}
                except ValueError as exc:  # not a record the store takes: said, the run goes on
                    answer = {"invalid": " ".join(str(exc).split())}
            answers.write(json.dumps(answer).encode() + b"\n")
            answers.flush()
    finally:
        with contextlib.suppress(sqlite3.DatabaseError):  # a store that failed: what it committed stays
            store.close()


def main(argv: list[str] | None = None, store_class: type[ArticleStore] = ArticleStore) -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m crawler.store.writer PATH", file=sys.stderr)
        return 2
    try:
        store = store_class(args[0])
    except Exception as exc:  # the crawl checked the store before it started this process
        print(f"store writer: {args[0]}: {exc}", file=sys.stderr)
        return 1
    serve(store, sys.stdin.buffer, sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
