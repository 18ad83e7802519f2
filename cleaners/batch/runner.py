"""Cleaning many documents: worker processes, a bounded queue (flat memory), a time limit per document."""

from __future__ import annotations

import itertools
import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..api import clean
from ..decode import NotText
from ..record import RECORD_FIELDS, error_record, merge_pages, page_number
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
    if doc.record is not None:
        return passed_through(doc)
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
        cut = [w for w in article.warnings if w.startswith("markup nested deeper")]
        why = f" ({cut[0]})" if cut else ""
        return error_record(f"{doc.name}: no article body found{why}", url=url, input=doc.name)
    record = article.to_dict()
    record["input"] = doc.name
    links = article.page_links
    if links and (links.next_url or (links.total_pages or 1) > 1):
        record[SPLIT] = True  # one page of a split article (see merge_split_articles); not written out
    return record


#: Marks a record of one page of a split article, for `--merge-pages`.
SPLIT = "_split_article"
#: Marks a record that was read, not cleaned (see `passed_through`); not written out.
PASSED = "_passed_through"


def passed_through(doc: Document) -> dict[str, Any]:
    """One of Saring's own records (a line of `saring export` or of a crawl's `-O` file): cleaning it again
    would only lose what the page said beyond its body (authors, dates, tags), so it is written as it is,
    with `input`, which lets `--format txt|md` turn an export into files. Its fields are checked."""
    assert doc.record is not None
    record = {**{name: None for name in RECORD_FIELDS}, "authors": [], "editors": [], "tags": [], "warnings": [],
              "pages": 1, **doc.record}
    wrong = next((name for name in ("title", "url", "canonical_url", "site", "published", "summary")
                  if record.get(name) is not None and not isinstance(record[name], str)), None)
    if wrong:
        return error_record(f"{doc.name}: a record whose '{wrong}' is not a string", url=doc.url, input=doc.name)
    if not record["body"].strip():
        return error_record(f"{doc.name}: a record with an empty body", url=doc.url, input=doc.name)
    record["input"] = doc.name
    record[PASSED] = True
    return record


def merge_split_articles(records: Iterable[dict[str, Any]], merge: bool = True) -> Iterator[dict[str, Any]]:
    """`saring clean --merge-pages`: the pages of one split article become one record.

    A record is a page of a split article when its URL names a page (`?page=2`) or its page shows
    pagination. Such records are held back until the input ends, grouped by canonical URL, and merged in
    page order (`cleaners.merge_pages`; an all-pages view first); every other record passes at once, so
    memory grows only with the split articles. The merged record's `input` is its first page's, and
    `inputs` lists them all. With `merge=False` records only lose the internal mark.
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        split = record.pop(SPLIT, False)
        key = record.get("canonical_url") or record.get("url")
        if not merge or "error" in record or not key or not (split or page_number(record.get("url")) is not None):
            yield record
            continue
        groups.setdefault(key, []).append(record)
    for pages in groups.values():
        if len(pages) == 1:
            yield pages[0]
            continue
        pages.sort(key=lambda r: page_number(r.get("url")) or 1)  # ?page=all (0) first, a bare URL as page 1
        merged = merge_pages(pages)
        numbered = {page_number(r.get("url")) or 1 for r in pages if page_number(r.get("url")) != 0}
        merged["pages"] = max(len(numbered), 1)
        merged["inputs"] = [r["input"] for r in pages]
        yield merged


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
    finished = False
    try:
        for doc, url in tasks:
            window.append((doc, url, executor.submit(_work, (doc, url, timeout))))
            if len(window) >= 4 * jobs:
                record, executor = _result(window.popleft(), executor, jobs, context, timeout)
                yield record
        while window:
            record, executor = _result(window.popleft(), executor, jobs, context, timeout)
            yield record
        finished = True
    finally:
        if finished:
            executor.shutdown(wait=False, cancel_futures=True)
        else:  # interrupted (Ctrl-C, SIGTERM, a failed write): do not wait for documents in progress
            stop_workers(executor)


def stop_workers(executor: ProcessPoolExecutor) -> None:
    """End a pool now: workers busy on a long document are terminated, not waited for (Python 3.11 has no
    public way to do this; `_processes` is the pool's map of worker processes)."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)


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
