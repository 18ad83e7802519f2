"""What a run writes: JSONL records a whole line at a time, text files, and the closing summary.

Output lines are written with one `write` of the complete line, so an interrupted run (Ctrl-C, kill) leaves
at most a torn last line after a SIGKILL mid-write; `--resume` cuts such a tail off before appending, and
skips every input already in the output, so a resumed run never duplicates a line.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any


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
            record = json.loads(line)
            done.add(record["input"])
            done.update(record.get("inputs") or [])  # the pages of a merged split article
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
