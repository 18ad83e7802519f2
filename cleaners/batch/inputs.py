"""Finding and reading the documents `saring clean` is asked to clean, as a stream.

Kinds of input: files (.html .htm .txt, gzipped or not), directories (walked recursively, sorted), WARC and
WARC.gz files (response records with an HTML payload; the record's target URI is the URL), JSONL files
(one object per line with an `html` or `text` field and an optional `url`), and `-` (standard input, one
document). A document inside a container is named `file#N` (N: its record or line number, from 1).

Nothing here raises for bad input: an unreadable file, a truncated archive or a broken line becomes a
Document with `error` set, and the stream goes on with the next input.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: File endings taken when a directory is walked (named files are always taken).
DOCUMENT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".warc", ".jsonl", ".ndjson")
#: Documents larger than this are refused with an error record (CLI: --max-size).
DEFAULT_MAX_BYTES = 32 * 1024 * 1024


@dataclass
class Document:
    """One input: its name as reported in `input`, its bytes (or why they could not be read), its URL."""

    name: str
    data: bytes | None = None
    error: str | None = None
    url: str | None = None


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return " ".join(str(exc).split()) or type(exc).__name__


def _base(name: str) -> str:
    lower = name.lower()
    return lower[:-3] if lower.endswith(".gz") else lower


def kind_of(path: Path) -> str:
    base = _base(path.name)
    if base.endswith(".warc") or base.endswith(".arc"):
        return "warc"
    if base.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    return "page"


def _wanted(path: Path) -> bool:
    return _base(path.name).endswith(DOCUMENT_SUFFIXES)


def _too_big(name: str, size: int, max_bytes: int) -> Document:
    return Document(name, error=f"{name}: document is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit "
                                f"(--max-size)")


def read_page(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    name = str(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(2)
            handle.seek(0)
            if path.name.lower().endswith(".gz") or head == b"\x1f\x8b":
                with gzip.open(handle) as unzipped:
                    data = unzipped.read(max_bytes + 1)
            else:
                data = handle.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        return Document(name, error=f"cannot read {name}: {_reason(exc)}")
    if len(data) > max_bytes:
        return _too_big(name, os.path.getsize(path), max_bytes)
    return Document(name, data)


def read_warc(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response":
                    continue
                n += 1
                name = f"{path}#{n}"
                url = record.rec_headers.get_header("WARC-Target-URI")
                content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
                if content_type and "html" not in content_type.lower() and "text" not in content_type.lower():
                    continue  # images, scripts, feeds: not pages
                data = record.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    yield _too_big(name, len(data), max_bytes)
                    continue
                missing = getattr(record.raw_stream, "limit", 0)
                if missing > 0:  # the archive ends inside this record
                    yield Document(name, error=f"{name}: record truncated, {missing} byte(s) missing", url=url)
                    return
                yield Document(name, data, url=url)
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on truncated/corrupt archives
        yield Document(f"{path}#{n + 1}", error=f"{path}: archive broken after {n} record(s): "
                                                  f"{type(exc).__name__}: {_reason(exc)}")


def read_jsonl(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    n = 0
    try:
        with opener(path, "rb") as handle:
            for n, raw in enumerate(handle, 1):
                name = f"{path}#{n}"
                if not raw.strip():
                    continue
                if len(raw) > 2 * max_bytes:
                    yield _too_big(name, len(raw), max_bytes)
                    continue
                try:
                    obj = json.loads(raw)
                except ValueError as exc:
                    yield Document(name, error=f"{name}: not a JSON object: {_reason(exc)}")
                    continue
                if not isinstance(obj, dict):
                    yield Document(name, error=f"{name}: not a JSON object")
                    continue
                content = obj.get("html") if obj.get("html") is not None else obj.get("text")
                url = obj.get("url") if isinstance(obj.get("url"), str) else None
                if not isinstance(content, str):
                    yield Document(name, error=f"{name}: no 'html' or 'text' field", url=url)
                    continue
                data = content.encode("utf-8", "surrogatepass")
                if len(data) > max_bytes:
                    yield _too_big(name, len(data), max_bytes)
                    continue
                yield Document(name, data, url=url)
    except (OSError, EOFError, zlib.error) as exc:
        yield Document(f"{path}#{n + 1}", error=f"cannot read {path} after line {n}: {_reason(exc)}")


def read_stdin(max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    stream = getattr(sys.stdin, "buffer", None) or io.BytesIO(sys.stdin.read().encode())
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return _too_big("-", len(data), max_bytes)
    return Document("-", data)


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    kind = kind_of(path)
    if kind == "warc":
        yield from read_warc(path, max_bytes)
    elif kind == "jsonl":
        yield from read_jsonl(path, max_bytes)
    else:
        yield read_page(path, max_bytes)


def iter_documents(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    """Named files, and the documents below named directories (sorted, so runs are repeatable)."""
    for raw in paths:
        if raw == "-":
            yield read_stdin(max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, max_bytes)
        elif path.exists():
            yield from read_path(path, max_bytes)
        else:
            yield Document(raw, error=f"cannot read {raw}: no such file or directory")


def _walk(root: Path, max_bytes: int) -> Iterator[Document]:
    errors: list[OSError] = []
    for folder, subdirs, files in os.walk(root, onerror=errors.append):
        subdirs.sort()
        while errors:
            exc = errors.pop(0)
            yield Document(str(exc.filename or folder), error=f"cannot read {exc.filename or folder}: {_reason(exc)}")
        for name in sorted(files):
            path = Path(folder, name)
            if _wanted(path):
                yield from read_path(path, max_bytes)
    for exc in errors:
        yield Document(str(exc.filename or root), error=f"cannot read {exc.filename or root}: {_reason(exc)}")
