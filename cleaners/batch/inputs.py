"""Finding and reading the documents `saring clean` is asked to clean, as a stream.

Kinds of input: files (.html .htm .txt, gzipped or not), directories (walked recursively, sorted), WARC and
WARC.gz files (response records with an HTML or text payload; the record's target URI is the URL), JSONL
files (one object per line with an `html` or `text` field and an optional `url`; a line that is one of
Saring's own records, with `body` and neither, is passed on as it is), and `-` (standard input, one
document). A document inside a container is named `file#N` (N: its record or line number, from 1).

Nothing here raises for bad input: an unreadable file, a truncated archive or a broken line becomes a
Document with `error` set, and the stream goes on with the next input. What is not a document (a FIFO in a
walked directory, a symlink out of the given directories, a stylesheet in a WARC) is a Document with
`skipped` set: counted, never opened or cleaned.

Every reader enforces the size limit while streaming: no line, payload or file is read whole before the
check, so a small archive that inflates to gigabytes costs no more memory than the limit.
"""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

#: File endings taken when a directory is walked (named files are always taken).
DOCUMENT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".warc", ".jsonl", ".ndjson")
#: Documents larger than this are refused with an error record (CLI: --max-size).
DEFAULT_MAX_BYTES = 32 * 1024 * 1024
#: The unit of --max-size and of every size in a message.
MB = 1024 * 1024
#: A JSONL line may hold up to this many times the limit (JSON escapes make a line longer than its text).
LINE_FACTOR = 2
#: Bytes read at a time when a too long line is skipped.
_CHUNK = 4 * MB
#: Payload types of WARC response records that are cleaned (a record without a type is sniffed).
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")

#: Categories of skipped entries, as the summary names them.
SKIP_SPECIAL = "not regular files"
SKIP_SYMLINK = "symlinks leading out of the inputs"
SKIP_BROKEN_LINK = "broken symlinks"
SKIP_NOT_PAGE = "not HTML or text"

_SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass
class Document:
    """One input: its name as reported in `input`, its bytes (or why they could not be read), its URL; or,
    with `skipped` set, an entry that is not a document (`note` then says why, for standard error)."""

    name: str
    data: bytes | None = None
    error: str | None = None
    url: str | None = None
    skipped: str | None = None
    note: str | None = None
    #: A record Saring already made (a JSONL line with `body` and no `html` or `text`): written as it is.
    record: dict | None = None


def shown(path: str | os.PathLike[str]) -> str:
    """A path as written in records and messages: bytes that are not UTF-8 (which Python keeps as lone
    surrogates) become visible `\\xff` escapes, so the output stays valid UTF-8."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def without_surrogates(text: str) -> str:
    """Lone surrogates (from JSON `\\ud800` escapes) cannot be encoded; they become U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)


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


def _mb(size: int) -> str:
    return f"{size / MB:.1f} MB"


def _limit(max_bytes: int) -> str:
    return f"{max_bytes / MB:g} MB"


def _too_big(name: str, size: int | None, max_bytes: int, what: str = "document") -> Document:
    """`size` None: reading stopped at the limit, so only a lower bound is known."""
    if size is None:
        return Document(name, error=f"{name}: {what} is more than {_limit(max_bytes)}, the limit (--max-size)")
    return Document(name, error=f"{name}: {what} is {_mb(size)}, over the {_limit(max_bytes)} limit (--max-size)")


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


class NotRegular(OSError):
    """The path names a FIFO, socket or device: opening and reading it could block forever."""


def open_regular(path: Path) -> tuple[IO[bytes], os.stat_result]:
    """Open a regular file for reading; anything else raises NotRegular without blocking (a FIFO is opened
    non-blocking, checked, and closed)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular(f"not a regular file ({_kind(info.st_mode)})")
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        return os.fdopen(fd, "rb"), info
    except BaseException:
        os.close(fd)
        raise


def _cannot(name: str, exc: BaseException) -> Document:
    return Document(name, error=f"cannot read {name}: {_reason(exc)}")


def read_page(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    name = shown(path)
    try:
        handle, info = open_regular(path)
        with handle:
            head = handle.read(2)
            handle.seek(0)
            if path.name.lower().endswith(".gz") or head == b"\x1f\x8b":
                with gzip.GzipFile(fileobj=handle) as unzipped:
                    data = unzipped.read(max_bytes + 1)
                if len(data) > max_bytes:  # stopped at the limit: the inflated size is not known
                    return _too_big(name, None, max_bytes, "document (inflated)")
            else:
                if info.st_size > max_bytes:
                    return _too_big(name, info.st_size, max_bytes)
                data = handle.read(max_bytes + 1)
                if len(data) > max_bytes:  # grew while we read
                    return _too_big(name, None, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        return _cannot(name, exc)
    return Document(name, data)


def _archive_iterator(handle: IO[bytes]):
    """warcio's ArchiveIterator, also telling whether the last gzip member ended (warcio reads a cut-off
    member as if it were whole)."""
    from warcio.archiveiterator import ArchiveIterator

    class Iterator_(ArchiveIterator):
        gzip_cut = False

        def close(self) -> None:
            decompressor = getattr(self.reader, "decompressor", None) if self.reader else None
            if decompressor is not None and hasattr(decompressor, "eof"):
                self.gzip_cut = not decompressor.eof
            super().close()

    return Iterator_(handle)


def _truncated(record) -> int:
    """Bytes of the record missing when the archive ended (0: the record is whole)."""
    return max(getattr(record.raw_stream, "limit", 0) or 0, 0) if record is not None else 0


def read_warc(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    """Response records with an HTML or text payload, in order; other payloads are skipped and counted.

    A truncated archive (a record cut short, a gzip member cut off, nothing readable at all) ends with an
    error document, whatever kind of record the cut is in.
    """
    label = shown(path)
    n = 0  # response records seen
    seen = 0  # records of any type
    previous = None
    try:
        handle, info = open_regular(path)
    except OSError as exc:
        yield _cannot(label, exc)
        return
    try:
        with handle:
            records = _archive_iterator(handle)
            for record in records:
                if _truncated(previous):
                    yield _cut(f"{label}#{n + 1}", label, seen - 1, _truncated(previous))
                    return
                previous = record
                seen += 1
                length = record.rec_headers.get_header("Content-Length")
                if length is not None and not length.strip().isdigit():
                    yield Document(f"{label}#{n + 1}", error=f"{label}: record {seen} has an invalid "
                                   f"Content-Length {length!r}; the rest of the archive cannot be read")
                    return
                if record.rec_type != "response":
                    continue
                n += 1
                name = f"{label}#{n}"
                url = record.rec_headers.get_header("WARC-Target-URI")
                headers = record.http_headers
                content_type = (headers.get_header("Content-Type") or "") if headers else ""
                mime = content_type.split(";")[0].strip().lower()
                if mime and mime not in PAGE_TYPES:
                    yield Document(name, url=url, skipped=SKIP_NOT_PAGE)  # styles, scripts, images, feeds
                    continue
                data = record.content_stream().read(max_bytes + 1)
                if len(data) > max_bytes:
                    encoded = headers and (headers.get_header("Content-Encoding")
                                           or "chunked" in (headers.get_header("Transfer-Encoding") or "").lower())
                    size = record.payload_length if not encoded and record.payload_length > max_bytes else None
                    yield _too_big(name, size, max_bytes)
                    continue
                if _truncated(record):  # the archive ends inside this record
                    yield _cut(name, label, seen - 1, _truncated(record), url)
                    return
                yield Document(name, data, url=url)
            if _truncated(previous):
                yield _cut(f"{label}#{n + 1}", label, seen - 1, _truncated(previous))
            elif records.gzip_cut:
                yield Document(f"{label}#{n + 1}", error=f"{label}: archive truncated: its last gzip member "
                               f"is cut off after {seen} record(s)")
            elif seen == 0 and info.st_size > 0:
                yield Document(f"{label}#1", error=f"{label}: no complete WARC record (truncated, or not a "
                                                   "WARC archive)")
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on truncated/corrupt archives
        yield Document(f"{label}#{n + 1}", error=f"{label}: archive broken (truncated or corrupt) after {seen} "
                                                  f"record(s): {type(exc).__name__}: {_reason(exc)}")


def _cut(name: str, label: str, whole: int, missing: int, url: str | None = None) -> Document:
    return Document(name, error=f"{label}: archive truncated after {whole} whole record(s); the next record "
                                f"misses {missing} byte(s)", url=url)


def _lines(handle: IO[bytes], limit: int) -> Iterator[tuple[bytes | None, int]]:
    """The lines of a binary stream with their sizes. A line longer than `limit` comes as (None, its size):
    it is read through in chunks, never held whole."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, len(line)
            continue
        size = len(line)
        del line
        while True:
            part = handle.readline(_CHUNK)
            size += len(part)
            if not part or part.endswith(b"\n"):
                break
        yield None, size


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def read_jsonl(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    label = shown(path)
    n = 0
    try:
        handle, _ = open_regular(path)
    except OSError as exc:
        yield _cannot(label, exc)
        return
    try:
        with handle:
            head = handle.read(2)
            handle.seek(0)
            stream: IO[bytes] = handle
            if path.name.lower().endswith(".gz") or head == b"\x1f\x8b":
                stream = gzip.GzipFile(fileobj=handle)  # type: ignore[assignment]
            for n, (raw, size) in enumerate(_lines(stream, LINE_FACTOR * max_bytes), 1):
                name = f"{label}#{n}"
                if raw is None:
                    yield _too_big(name, size, max_bytes, "line")
                    continue
                if not raw.strip():
                    continue
                yield _jsonl_document(name, raw, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        yield Document(f"{label}#{n + 1}", error=f"cannot read {label} after line {n}: {_reason(exc)}")


def _jsonl_document(name: str, raw: bytes, max_bytes: int) -> Document:
    try:
        # Bytes that are not UTF-8 (a surrogate written raw, a cp1252 byte) cost only themselves.
        obj = json.loads(raw.decode("utf-8", "replace"))
    except ValueError as exc:
        return Document(name, error=f"{name}: not a JSON object: {_reason(exc)}")
    if not isinstance(obj, dict):
        return Document(name, error=f"{name}: not a JSON object")
    url = without_surrogates(obj["url"]) if isinstance(obj.get("url"), str) else None
    field = "html" if obj.get("html") is not None else "text" if obj.get("text") is not None else None
    if field is None and isinstance(obj.get("body"), str):
        return Document(name, url=url, record=obj)  # already cleaned: `saring export`, a crawl's -O file
    if field is None:
        return Document(name, error=f"{name}: no 'html' or 'text' field (nor 'body', as in Saring's own "
                                    "records)", url=url)
    content = obj[field]
    if not isinstance(content, str):
        return Document(name, error=f"{name}: the '{field}' field is {_type_name(content)}, not a string", url=url)
    data = without_surrogates(content).encode("utf-8")
    if len(data) > max_bytes:
        return _too_big(name, len(data), max_bytes)
    return Document(name, data, url=url)


def read_stdin(max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    stream = getattr(sys.stdin, "buffer", None)
    if sys.stdin is None or stream is None:
        return Document("-", error="cannot read -: standard input is closed")
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        return _cannot("standard input", exc)
    if len(data) > max_bytes:  # stopped reading at the limit
        return _too_big("-", None, max_bytes)
    return Document("-", data)


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document]:
    kind = kind_of(path)
    if kind == "warc":
        yield from read_warc(path, max_bytes)
    elif kind == "jsonl":
        yield from read_jsonl(path, max_bytes)
    else:
        yield read_page(path, max_bytes)


def iter_documents(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES, follow_symlinks: bool = False
                   ) -> Iterator[Document]:
    """Named files, and the documents below named directories (sorted, so runs are repeatable).

    Only regular files are read. Walking a directory, a symlink is followed only when its target lies in
    one of the named directories, unless `follow_symlinks`; each directory is walked once (no loops).
    """
    roots = [os.path.realpath(p) for p in paths if p != "-" and os.path.isdir(p)]
    for raw in paths:
        if raw == "-":
            yield read_stdin(max_bytes)
            continue
        path = Path(raw)
        try:
            info = os.stat(path)
        except OSError as exc:
            reason = "no such file or directory" if isinstance(exc, FileNotFoundError) else _reason(exc)
            yield Document(shown(raw), error=f"cannot read {shown(raw)}: {reason}")
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _Walk(roots, max_bytes, follow_symlinks).walk(path)
        elif not stat.S_ISREG(info.st_mode):
            yield Document(shown(raw), error=f"cannot read {shown(raw)}: not a regular file ({_kind(info.st_mode)})")
        else:
            yield from read_path(path, max_bytes)


class _Walk:
    """One named directory, walked depth-first: a folder's files (sorted), then its subfolders (sorted)."""

    def __init__(self, roots: list[str], max_bytes: int, follow: bool) -> None:
        self.roots, self.max_bytes, self.follow = roots, max_bytes, follow
        self.seen: set[tuple[int, int]] = set()

    def _inside(self, path: Path) -> bool:
        real = os.path.realpath(path)
        return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in self.roots)

    def walk(self, folder: Path) -> Iterator[Document]:
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in self.seen:  # a loop of linked directories
                return
            self.seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                # Names only: a DirEntry keeps its stat result once asked (about 0.8 KB with the entry), so a
                # folder of 20,000 pages held 16 MB until its last file was read.
                names = sorted(entry.name for entry in listing)
        except OSError as exc:
            yield _cannot(shown(folder), exc)
            return
        folders = []
        for name in names:
            path = folder / name
            try:
                mode = os.lstat(path).st_mode
                if stat.S_ISLNK(mode):
                    result = self._link(path)
                    if isinstance(result, Document):
                        yield result
                        continue
                    if result is None:
                        continue
                    mode = result
            except OSError as exc:
                yield _cannot(shown(path), exc)
                continue
            if stat.S_ISDIR(mode):
                folders.append(path)
            elif not _wanted(path):
                continue
            elif stat.S_ISREG(mode):
                yield from read_path(path, self.max_bytes)
            else:
                yield Document(shown(path), skipped=SKIP_SPECIAL,
                               note=f"skipped {shown(path)}: not a regular file ({_kind(mode)})")
        for path in folders:
            yield from self.walk(path)

    def _link(self, path: Path) -> int | Document | None:
        """What to do with a symlink met in a walk: the target's mode (follow it), a skip, or None (pass)."""
        try:
            target = os.stat(path)
        except OSError as exc:
            if not _wanted(path):
                return None
            return Document(shown(path), skipped=SKIP_BROKEN_LINK,
                            note=f"skipped {shown(path)}: broken symlink ({_reason(exc)})")
        is_dir = stat.S_ISDIR(target.st_mode)
        if self.follow:
            return target.st_mode
        if self._inside(path):
            # A linked folder inside the inputs is walked under its own name anyway.
            return None if is_dir else target.st_mode
        if not is_dir and not _wanted(path):
            return None
        return Document(shown(path), skipped=SKIP_SYMLINK,
                        note=f"skipped {shown(path)}: symlink to {shown(os.path.realpath(path))}, outside the "
                             "inputs (--follow-symlinks follows it)")
