"""The crawl's store writer: a child process that stores the items a crawl sends it, so that the crawl's
own process spends on the store only the encoding of each item and the reading of its answer.

`python -m crawler.store.writer PATH` opens the store and says `{"ready": true}` (one JSON line on standard
output), then reads from standard input one line per request and writes one JSON line per request, in
order:

- a record as one line of JSON: `put_batched` (committed every 100 records or 1 s), answered with
  `{"duplicate_of": ..., "committed": N, "pending": M}`, or `{"invalid": why}` for a record the store
  refuses (no URL, a field of the wrong type);
- `C` alone: a checkpoint (commit, and the write-ahead log folded into the store), answered with
  `{"committed": N}` (and `"warning"` when SQLite could not do it);
- when SQLite fails, `{"error": message, "type": the exception's class, "committed": N, "pending": M}`,
  and every later record is answered `{"skipped": true}` without
  being stored (the crawl is being stopped);
- at the end of its input (the crawl closed the pipe, or died), the store is committed and closed.

It runs in a session of its own (`command`): the signals a terminal, `timeout` or a service manager sends
to the crawl's process group do not reach it, and the crawl, which stops gracefully on them, closes the
writer's input when it is done with it. If nobody reads its answers any more (the crawl was killed), it
goes on storing what it was sent until its input ends.

Measured in bench/crawl.py: inside a CPU-bound crawl the store took 0.70 ms a record on the crawl's thread,
1.65x what the same work takes alone (the crawl's parsing and the store share the processor's caches); a
thread does not help (each SQLite call gives up the interpreter lock, and taking it back from the busy
crawl thread waits up to the switch interval: the crawl got a third slower).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import sys
from typing import BinaryIO

from .db import ArticleStore

#: The request for a checkpoint.
CHECKPOINT = b"C\n"
#: Runs `python -m MODULE ARGS...` (the words after it) in a new session, before anything is imported.
_DETACHED = ("import os, runpy, signal, sys; os.setsid(); signal.signal(signal.SIGINT, signal.SIG_IGN); "
             "sys.argv = sys.argv[1:]; runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)")


def command(module: str, *args: str) -> list[str]:
    """The command line of a writer process: `python -m module args` in a session of its own."""
    return [sys.executable, "-c", _DETACHED, module, *args]


class WriterGone(Exception):
    """The store writer process ended, or stopped answering, before it answered."""


def serve(store: ArticleStore, requests: BinaryIO, answers: BinaryIO) -> None:
    """Say it is ready, answer every request of `requests` (see the module's docstring), then close the
    store."""
    broken = False
    deaf = not _said(answers, b'{"ready": true}\n')
    try:
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
            if not deaf:
                deaf = not _said(answers, json.dumps(answer).encode() + b"\n")
    finally:
        with contextlib.suppress(sqlite3.DatabaseError):  # a store that failed: what it committed stays
            store.close()


def _said(answers: BinaryIO, line: bytes) -> bool:
    """Write an answer; False when nobody reads them any more (the records are still stored)."""
    try:
        answers.write(line)
        answers.flush()
        return True
    except OSError:
        return False


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
    with contextlib.suppress(OSError):  # the interpreter's own flush at exit must not fail on a closed pipe
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
