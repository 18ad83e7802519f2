"""What a run writes: JSONL records a whole line at a time, text files, and the closing summary.

Output lines are written with one `write` of the complete line while SIGINT and SIGTERM are held back, so
an interrupted run leaves only whole lines; only a SIGKILL (or power loss) mid-write can tear the last one,
and `--resume` cuts such a tail off before appending and skips every input already in the output, so a
resumed run never duplicates a line. When a write fails (disk full, file size limit) the partial line is
cut off again, and the run stops.

One output has one writer: the output file (or the `--out-dir` directory) is locked (`flock`) for the run,
and a second run is refused before it touches anything.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import re
import signal
import stat
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .inputs import shown, without_surrogates

_HELD = {signal.SIGINT, signal.SIGTERM}


class OutputError(Exception):
    """The output cannot be opened or written; the message is one line for the user."""


class OutputBusy(OutputError):
    """Another run holds the output's lock."""


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done (the handler then runs), so no line is torn by them."""
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _lock(fd: int, what: str) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise OutputBusy(f"{what} is being written by another saring clean run; wait for it to end") from None
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.ENOLCK):  # not lockable (a device): go on
            raise


def _scan_done(fd: int) -> set[str]:
    """Inputs already in an output file open as `fd`, read line by line. A torn last line (a kill mid-write)
    is cut off first."""
    done: set[str] = set()
    end = 0
    torn = False
    os.lseek(fd, 0, os.SEEK_SET)
    with open(os.dup(fd), "rb", closefd=True) as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                torn = True
                break
            end += len(line)
            try:
                record = json.loads(line)
                done.add(record["input"])
                done.update(record.get("inputs") or [])  # the pages of a merged split article
            except (ValueError, KeyError, TypeError):
                continue
    if torn:
        os.ftruncate(fd, end)
    os.lseek(fd, 0, os.SEEK_END)
    return done


def done_inputs(path: Path) -> set[str]:
    """Inputs already in an output file (a torn last line is cut off)."""
    if not path.exists():
        return set()
    fd = os.open(path, os.O_RDWR | os.O_CLOEXEC)
    try:
        return _scan_done(fd)
    finally:
        os.close(fd)


def _encode(record: dict[str, Any]) -> bytes:
    """One JSON line, always valid UTF-8: a lone surrogate anywhere becomes a visible `\\udcff` escape."""
    line = json.dumps(record, ensure_ascii=False) + "\n"
    try:
        return line.encode("utf-8")
    except UnicodeEncodeError:
        return re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", line).encode("utf-8")


class LineWriter:
    """Writes each record as one complete line with a single write call (see the module docstring)."""

    def __init__(self, fd: int, label: str, owned: bool = False, created: bool = False) -> None:
        self.fd: int | None = fd
        self.label = label
        self.owned = owned  # our own descriptor: closed at the end
        self.created = created
        info = os.fstat(fd)
        self.regular = stat.S_ISREG(info.st_mode)
        self.offset = os.lseek(fd, 0, os.SEEK_END) if self.regular else 0
        self.path: Path | None = None

    @classmethod
    def open(cls, path: Path, resume: bool = False, nofollow: bool = False) -> tuple[LineWriter, set[str]]:
        """Open (creating it) and lock an output file; without `resume` it is emptied, after the lock is
        held. Returns the writer and, with `resume`, the inputs already in it."""
        created = not os.path.lexists(path)
        flags = ((os.O_RDWR if resume else os.O_WRONLY) | os.O_CREAT | os.O_CLOEXEC | os.O_NOCTTY
                 | (os.O_NOFOLLOW if nofollow else 0))
        try:
            fd = os.open(path, flags, 0o644)
        except OSError as exc:
            if exc.errno == errno.ELOOP and nofollow:
                raise OutputError(f"refusing to write {shown(path)}: it is a symlink") from None
            raise OutputError(f"cannot write {shown(path)}: {exc.strerror}") from None
        try:
            _lock(fd, shown(path))
            done: set[str] = set()
            if stat.S_ISREG(os.fstat(fd).st_mode):
                if resume:
                    done = _scan_done(fd)
                else:
                    os.ftruncate(fd, 0)
        except OSError as exc:
            os.close(fd)
            raise OutputError(f"cannot write {shown(path)}: {exc.strerror}") from None
        except BaseException:
            os.close(fd)
            raise
        writer = cls(fd, shown(path), owned=True, created=created)
        writer.path = path
        return writer, done

    @classmethod
    def stream(cls, stream: IO[bytes], label: str = "standard output") -> LineWriter | StreamWriter:
        try:
            return cls(stream.fileno(), label)
        except (AttributeError, OSError, ValueError):  # not a real file (an in-process capture)
            return StreamWriter(stream, label)

    def write(self, record: dict[str, Any]) -> None:
        line = _encode(record)
        assert self.fd is not None
        with _signals_held():
            try:
                view = memoryview(line)
                while view:
                    view = view[os.write(self.fd, view):]
            except BrokenPipeError:
                raise
            except OSError as exc:
                self._cut()
                raise OutputError(f"cannot write {self.label}: {exc.strerror}") from None
            self.offset += len(line)

    def _cut(self) -> None:
        """Drop a partly written line (and a file this run created and could not write at all)."""
        if not self.regular or self.fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self.fd, self.offset)
        if self.created and self.offset == 0 and self.path is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.path)

    def close(self) -> None:
        if self.fd is not None and self.owned:
            os.close(self.fd)
        self.fd = None


class StreamWriter:
    """A LineWriter for a Python stream without a file descriptor."""

    def __init__(self, stream: IO[bytes], label: str) -> None:
        self.stream, self.label = stream, label

    def write(self, record: dict[str, Any]) -> None:
        with _signals_held():
            try:
                self.stream.write(_encode(record))
                self.stream.flush()
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise OutputError(f"cannot write {self.label}: {exc.strerror}") from None

    def close(self) -> None:
        pass


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(input_name: str, suffix: str = ".txt") -> str:
    """A file name for an input, safe whatever the input says (no separators, no leading dots)."""
    stem = _UNSAFE.sub("_", input_name)[-80:].strip("._-") or "document"
    digest = hashlib.sha1(input_name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"{stem}-{digest}{suffix}"


class TextDirWriter:
    """`--format txt --out-dir DIR`: one text file per document (title, blank line, body); errors go to
    DIR/_errors.jsonl (emptied at the start of a run without `--resume`).

    Files are never written through a link: each is written to a new temporary file (created exclusively,
    not following links) and renamed over its name, which replaces a planted link instead of writing
    through it; `_errors.jsonl` is opened without following a link. The directory is locked for the run.
    """

    ERRORS = "_errors.jsonl"

    def __init__(self, directory: Path, resume: bool = False) -> None:
        self.directory = directory
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self.dir_fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError as exc:
            raise OutputError(f"cannot write {shown(directory)}: {exc.strerror}") from None
        try:
            _lock(self.dir_fd, shown(directory))
            self.errors, self._done = LineWriter.open(directory / self.ERRORS, resume=resume, nofollow=True)
        except BaseException:
            os.close(self.dir_fd)
            raise

    def done(self) -> set[str]:
        return self._done

    def exists(self, input_name: str) -> bool:
        return (self.directory / safe_name(input_name)).exists()

    def write(self, record: dict[str, Any]) -> None:
        if "error" in record:
            self.errors.write(record)
            return
        name = safe_name(record["input"])
        text = without_surrogates(f"{record.get('title') or ''}\n\n{record['body']}\n").encode("utf-8")
        with _signals_held():
            temporary = None
            try:
                fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=self.directory)
                with open(fd, "wb") as handle:
                    os.fchmod(fd, 0o644)
                    handle.write(text)
                os.replace(temporary, self.directory / name)  # whole files only, even when interrupted
            except OSError as exc:
                if temporary is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(temporary)
                raise OutputError(f"cannot write {shown(self.directory / name)}: {exc.strerror}") from None

    def close(self) -> None:
        self.errors.close()
        os.close(self.dir_fd)


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    #: Entries that are not documents, by why (inputs.SKIP_*).
    not_documents: Counter = field(default_factory=Counter)
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
                 + "".join(f", {n} skipped ({why})" for why, n in self.not_documents.most_common())
                 + f" in {seconds:.1f} s ({total / seconds if seconds else 0:.1f} documents/s)"]
        if self.extractors:
            lines.append("  by extractor: " + ", ".join(f"{k} {v}" for k, v in self.extractors.most_common()))
            lines.append("  by site: " + ", ".join(f"{k} {v}" for k, v in self.sites.most_common()))
        return "\n".join(lines)
