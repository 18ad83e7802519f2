"""Finding and reading the documents `saring clean` is asked to clean."""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: File endings taken when a directory is walked (named files are always taken).
DOCUMENT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".shtml")


@dataclass
class Document:
    """One input: its name as reported in `input`, and either its bytes or why they could not be read."""

    name: str
    data: bytes | None = None
    error: str | None = None


def _wanted(path: Path) -> bool:
    name = path.name.lower()
    name = name[:-3] if name.endswith(".gz") else name
    return name.endswith(DOCUMENT_SUFFIXES)


def read_file(path: Path) -> Document:
    try:
        data = path.read_bytes()
        if path.name.lower().endswith(".gz") or data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        return Document(str(path), data)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        return Document(str(path), error=f"cannot read {path}: {_reason(exc)}")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def iter_documents(paths: list[str]) -> Iterator[Document]:
    """Named files, and the documents below named directories (sorted, so runs are repeatable)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield read_file(path)
        else:
            yield Document(raw, error=f"cannot read {raw}: no such file or directory")


def _walk(root: Path) -> Iterator[Document]:
    errors: list[OSError] = []
    for folder, subdirs, files in os.walk(root, onerror=errors.append):
        subdirs.sort()
        while errors:
            exc = errors.pop(0)
            yield Document(str(exc.filename or folder), error=f"cannot read {exc.filename or folder}: {_reason(exc)}")
        for name in sorted(files):
            path = Path(folder, name)
            if _wanted(path):
                yield read_file(path)
    for exc in errors:
        yield Document(str(exc.filename or root), error=f"cannot read {exc.filename or root}: {_reason(exc)}")
