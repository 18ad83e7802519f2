"""Cleaning many documents: worker processes, a bounded queue (flat memory), a time limit per document,
output written a whole line at a time, and resume.

Output lines are written with one `write` of the complete line, so an interrupted run (Ctrl-C, kill) leaves
at most a torn last line after a SIGKILL mid-write; `--resume` cuts such a tail off before appending, and
skips every input already in the output, so a resumed run never duplicates a line.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import multiprocessing
import os
import re
import signal
import sys
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .api import clean
from .article import error_record
from .decode import NotText
from .inputs import Document

#: Default seconds one document may take.
DEFAULT_TIMEOUT = 60.0


class DocumentTimeout(BaseException):
    """Raised by the per-document alarm. A BaseException, like KeyboardInterrupt, so that library code
    catching Exception (trafilatura does, in places) cannot swallow it and carry on past the limit."""


def _on_alarm(signum, frame):  # noqa: ARG001 - signal handler signature
    raise DocumentTimeout


def clean_document(doc: Document, url: str | None = None, timeout: float | None = None) -> dict[str, Any]:
    """The record for one document; never raises for bad input."""
    url = url or doc.url
    if doc.error:
        return error_record(doc.error, url=url, input=doc.name)
    assert doc.data is not None
    if not doc.data.strip():
        return error_record(f"{doc.name}: empty input", url=url, input=doc.name)
    alarm = bool(timeout) and hasattr(signal, "setitimer")
    if alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        article = clean(doc.data, url=url)
    except NotText as exc:
        return error_record(f"{doc.name}: {exc}", url=url, input=doc.name)
    except DocumentTimeout:
        return error_record(f"{doc.name}: took longer than {timeout:g} s (--timeout)", url=url, input=doc.name)
    except RecursionError:
        return error_record(f"{doc.name}: cannot clean: markup nested too deeply", url=url, input=doc.name)
    except (ValueError, MemoryError, LookupError, UnicodeError) as exc:
        return error_record(f"{doc.name}: cannot clean: {type(exc).__name__}: {exc}", url=url, input=doc.name)
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    if not article.paragraphs:
        return error_record(f"{doc.name}: no article body found", url=url, input=doc.name)
    record = article.to_dict()
    record["input"] = doc.name
    return record


def _work(task: tuple[Document, str | None, float | None]) -> dict[str, Any]:
    return clean_document(*task)


def _worker_init() -> None:
    """Workers leave Ctrl-C to the main process, and die with it: killed (even by SIGKILL), it cannot tell
    them to stop, and a forked worker would wait forever on the task pipe its siblings keep open."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The fork copied the main process's Python SIGTERM handler; in a worker, SIGTERM must simply end it
    # (a raised KeyboardInterrupt would be caught by the pool as a failed task, and the worker would go on).
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _warm_up() -> None:
    """Load what every document needs (models, compiled rules) once, before workers fork."""
    clean("<html><head><title>x</title></head><body><article><p>Ini paragraf berita dalam bahasa Indonesia "
          "yang cukup panjang untuk dibaca.</p></article></body></html>", url="https://example.org/a")


def clean_stream(tasks: Iterable[tuple[Document, str | None]], jobs: int = 1, timeout: float | None = DEFAULT_TIMEOUT
                 ) -> Iterator[dict[str, Any]]:
    """Records in input order. With jobs > 1, at most 4 x jobs documents are in flight at once."""
    tasks = iter(tasks)
    first = next(tasks, None)
    if first is None:
        return
    second = next(tasks, None)
    tasks = itertools.chain([first] if second is None else [first, second], tasks)
    if jobs <= 1 or second is None:  # one document: no pool to start
        for doc, url in tasks:
            yield clean_document(doc, url, timeout)
        return
    _warm_up()
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_init)
    window: deque[tuple[Document, str | None, Future]] = deque()
    try:
        for doc, url in tasks:
            window.append((doc, url, executor.submit(_work, (doc, url, timeout))))
            if len(window) >= 4 * jobs:
                record, executor = _result(window.popleft(), executor, jobs, context, timeout)
                yield record
        while window:
            record, executor = _result(window.popleft(), executor, jobs, context, timeout)
            yield record
    finally:
        executor.shutdown(wait=False, cancel_futures=True)


def _result(entry, executor, jobs, context, timeout):
    doc, url, future = entry
    try:
        return future.result(), executor
    except BrokenProcessPool:
        # A worker died (killed, out of memory, a crash in C code): this document gets an error record,
        # and a new pool takes the rest.
        executor.shutdown(wait=False, cancel_futures=True)
        executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_init)
        return error_record(f"{doc.name}: the worker cleaning it died", url=url or doc.url, input=doc.name), executor


# ---------------------------------------------------------------------------------------------- output

def done_inputs(path: Path) -> set[str]:
    """Inputs already in an output file. A torn last line (a kill mid-write) is cut off first."""
    if not path.exists():
        return set()
    with open(path, "rb+") as handle:
        data = handle.read()
        if data and not data.endswith(b"\n"):
            cut = data.rfind(b"\n") + 1
            handle.truncate(cut)
            data = data[:cut]
    done = set()
    for line in data.splitlines():
        try:
            done.add(json.loads(line)["input"])
        except (ValueError, KeyError, TypeError):
            continue
    return done


class LineWriter:
    """Writes each record as one complete line with a single write call."""

    def __init__(self, stream: IO[bytes] | None = None, path: Path | None = None, append: bool = False) -> None:
        if path is not None:
            flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
            self.fd = os.open(path, flags, 0o644)
            self.stream = None
        else:
            self.fd = None
            self.stream = stream

    def write(self, record: dict[str, Any]) -> None:
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8", "surrogatepass")
        if self.fd is not None:
            view = memoryview(line)
            while view:
                view = view[os.write(self.fd, view):]
        else:
            assert self.stream is not None
            self.stream.write(line)
            self.stream.flush()

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(input_name: str, suffix: str = ".txt") -> str:
    """A file name for an input, safe whatever the input says (no separators, no leading dots)."""
    stem = _UNSAFE.sub("_", input_name)[-80:].strip("._-") or "document"
    digest = hashlib.sha1(input_name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{stem}-{digest}{suffix}"


class TextDirWriter:
    """`--format txt --out-dir DIR`: one text file per document (title, blank line, body); errors go to
    DIR/_errors.jsonl."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self.errors = LineWriter(path=directory / "_errors.jsonl", append=True)

    def done(self) -> set[str]:
        return done_inputs(self.directory / "_errors.jsonl")

    def exists(self, input_name: str) -> bool:
        return (self.directory / safe_name(input_name)).exists()

    def write(self, record: dict[str, Any]) -> None:
        if "error" in record:
            self.errors.write(record)
            return
        target = self.directory / safe_name(record["input"])
        partial = target.with_name(target.name + ".part")
        partial.write_text(f"{record.get('title') or ''}\n\n{record['body']}\n", encoding="utf-8")
        partial.replace(target)  # whole files only, even when interrupted

    def close(self) -> None:
        self.errors.close()


# --------------------------------------------------------------------------------------------- summary

@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    extractors: Counter = field(default_factory=Counter)
    sites: Counter = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)

    def add(self, record: dict[str, Any]) -> None:
        if "error" in record:
            self.failed += 1
        else:
            self.ok += 1
            self.extractors[record["extractor"]] += 1
            self.sites[record["site"] or "generic"] += 1

    def text(self) -> str:
        seconds = time.perf_counter() - self.started
        total = self.ok + self.failed
        lines = [f"saring clean: {self.ok} ok, {self.failed} failed"
                 + (f", {self.skipped} skipped (already in the output)" if self.skipped else "")
                 + f" in {seconds:.1f} s ({total / seconds if seconds else 0:.1f} documents/s)"]
        if self.extractors:
            lines.append("  by extractor: " + ", ".join(f"{k} {v}" for k, v in self.extractors.most_common()))
            lines.append("  by site: " + ", ".join(f"{k} {v}" for k, v in self.sites.most_common()))
        return "\n".join(lines)
