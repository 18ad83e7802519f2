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
import json
import os
import re
import signal
import stat
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

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


_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Path segments of article URLs that are not the article's slug.
_NOT_SLUGS = {"amp", "read", "baca", "berita", "news", "index", "index.html"}
_PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".php", ".aspx", ".asp")
#: Longest slug in a file name, in characters.
SLUG_CHARS = 80


def safe_name(text: str, suffix: str = ".txt") -> str:
    """A file name made of `text`, safe whatever it says: ASCII letters, digits, `-` and `_` only (no
    separators, no leading dot), at most 120 characters before the suffix."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    stem = _UNSAFE.sub("-", ascii_text).strip("-_")[:120].strip("-_") or "document"
    return stem + suffix


def _slug(text: str) -> str | None:
    """Lower-case words joined by `-`, cut at a word boundary to SLUG_CHARS."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > SLUG_CHARS:
        slug = slug[:SLUG_CHARS].rsplit("-", 1)[0]
    return slug or None


def _url_slug(path: str) -> str | None:
    """The article's slug in a URL path: the last segment with letters in it (`.../2024/11/06/judul-berita`)."""
    for segment in reversed([s for s in path.split("/") if s]):
        lower = segment.lower()
        for suffix in _PAGE_SUFFIXES:
            lower = lower.removesuffix(suffix)
        if re.search("[a-z]", lower) and lower not in _NOT_SLUGS:
            return _slug(lower)
    return None


def _input_stem(name: str | None) -> str | None:
    """An input's file name without its suffixes (`dumps/004_ab.txt.gz` -> `004_ab`; `x.warc.gz#3` -> `x-3`)."""
    if not name:
        return None
    if name == "-":
        return "stdin"
    path, _, record = name.partition("#")
    stem = path.rsplit("/", 1)[-1]
    while "." in stem.strip("."):
        head, _, tail = stem.rpartition(".")
        if not head or len(tail) > 6:
            break
        stem = head
    return f"{stem}-{record}" if record else stem


def text_stem(record: dict[str, Any]) -> str:
    """The file name (without suffix) of a document's text: `site_day_slug`, from the record, so the same
    document gets the same name however its path was typed. The site is the family (the URL's host on the
    generic path), the day the published date, the slug the URL's (else the input file's stem)."""
    url = record.get("canonical_url") or record.get("url") or ""
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = urlsplit("")
    host = (parts.hostname or "").removeprefix("www.")
    published = record.get("published") or ""
    fields = [record.get("site") or host or None,
              published[:10] if _DAY.match(published) else None,
              _url_slug(parts.path) if parts.hostname else None]
    if fields[2] is None:
        fields[2] = _input_stem(record.get("input"))
    return safe_name("_".join(f for f in fields if f), suffix="")


def _one_line(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(" ".join(str(v).split()) for v in value)
    return " ".join(str(value).split())


def metadata_header(record: dict[str, Any]) -> str:
    """A `---` block of `name: value` lines, like trafilatura's `--with-metadata` (its names where it has
    them: title, author, url, hostname, description, sitename, date, categories, tags, image)."""
    url = record.get("canonical_url") or record.get("url")
    try:
        hostname = urlsplit(url).hostname if url else None
    except ValueError:
        hostname = None
    fields = (("title", record.get("title")), ("author", record.get("authors")), ("editor", record.get("editors")),
              ("url", url), ("hostname", hostname), ("description", record.get("summary")),
              ("sitename", record.get("site")), ("date", record.get("published")),
              ("updated", record.get("updated")), ("categories", record.get("section")),
              ("tags", record.get("tags")), ("image", record.get("image_url")),
              ("caption", record.get("image_caption")), ("source", record.get("source")),
              ("language", record.get("language")), ("input", record.get("input")))
    lines = [f"{name}: {_one_line(value)}" for name, value in fields if value]
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n"


_MARKDOWN_START = re.compile(r"^(#|>|[-+*]\s|\d+[.)]\s|=+$|-+$|```)")


def _md_escape(paragraph: str) -> str:
    """A paragraph that would start Markdown syntax (a heading, a list, a quote) gets a backslash."""
    return "\\" + paragraph if _MARKDOWN_START.match(paragraph) else paragraph


def render_text(record: dict[str, Any], fmt: str = "txt", with_metadata: bool = False) -> str:
    """A record as text: `txt` is the title, a blank line and the body (with metadata: the header, then the
    body); `md` is `# title`, metadata lines, the summary, and the body with in-body subheadings as `##`."""
    from ..reading.engine import is_subheading

    title = " ".join((record.get("title") or "").split())
    body = record.get("body") or ""
    header = metadata_header(record) if with_metadata else ""
    if fmt == "txt":
        return header + (f"{body}\n" if with_metadata else f"{title}\n\n{body}\n")
    facts = (("Published", record.get("published")), ("Authors", record.get("authors")),
             ("Editors", record.get("editors")), ("Site", record.get("site")), ("Section", record.get("section")),
             ("Source", record.get("source")), ("Tags", record.get("tags")),
             ("URL", record.get("canonical_url") or record.get("url")))
    lines = [f"# {title}" if title else ""]
    meta = [f"- {name}: {_one_line(value)}" for name, value in facts if value]
    blocks = [b for b in ("\n".join(lines).strip(), "\n".join(meta)) if b]
    if record.get("summary"):
        blocks.append("*" + _one_line(record["summary"]).replace("*", "\\*") + "*")
    for paragraph in (p for p in body.split("\n\n") if p.strip()):
        blocks.append(f"## {paragraph}" if is_subheading(paragraph) else _md_escape(paragraph))
    return header + "\n\n".join(blocks) + "\n"


class TextDirWriter:
    """`--format txt|md --out-dir DIR`: one file per document, named from the document (`text_stem`, with
    `-2`, `-3` for a name already taken in the run); `_errors.jsonl` holds the error records, and exists
    only when a document failed (a run without `--resume` removes an old one first);
    `.saring-index.jsonl` lists `{"input", "file"}` for every file written, which `--resume` reads.

    Files are never written through a link: each is written to a new temporary file (created exclusively,
    not following links) and renamed over its name, which replaces a planted link instead of writing
    through it; `_errors.jsonl` and the index are refused if they are links. The directory is locked for
    the run.
    """

    ERRORS = "_errors.jsonl"
    INDEX = ".saring-index.jsonl"

    def __init__(self, directory: Path, resume: bool = False, fmt: str = "txt", with_metadata: bool = False
                 ) -> None:
        self.directory = directory
        self.fmt, self.with_metadata = fmt, with_metadata
        self.errors: LineWriter | None = None
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self.dir_fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError as exc:
            raise OutputError(f"cannot write {shown(directory)}: {exc.strerror}") from None
        try:
            _lock(self.dir_fd, shown(directory))
            errors = directory / self.ERRORS
            if os.path.islink(errors):
                raise OutputError(f"refusing to write {shown(errors)}: it is a symlink")
            self._done: set[str] = set()
            if resume and errors.exists():
                self._done |= done_inputs(errors)
            elif not resume:
                errors.unlink(missing_ok=True)
            self.index, indexed = LineWriter.open(directory / self.INDEX, resume=resume, nofollow=True)
            self._done |= indexed
            self.taken = self._indexed_files() if resume else set()
        except OSError as exc:
            os.close(self.dir_fd)
            raise OutputError(f"cannot write {shown(directory)}: {exc.strerror}") from None
        except BaseException:
            os.close(self.dir_fd)
            raise

    def _indexed_files(self) -> set[str]:
        files = set()
        with open(self.directory / self.INDEX, "rb") as handle:
            for line in handle:
                try:
                    files.add(json.loads(line)["file"])
                except (ValueError, KeyError, TypeError):
                    continue
        return files

    def done(self) -> set[str]:
        """Inputs written (or failed) by earlier runs, for `--resume`."""
        return self._done

    def _name(self, record: dict[str, Any]) -> str:
        stem, suffix = text_stem(record), f".{self.fmt}"
        name, n = stem + suffix, 1
        while name in self.taken or name in (self.ERRORS, self.INDEX):
            n += 1
            name = f"{stem}-{n}{suffix}"
        return name

    def write(self, record: dict[str, Any]) -> None:
        if "error" in record:
            if self.errors is None:
                self.errors, _ = LineWriter.open(self.directory / self.ERRORS, resume=True, nofollow=True)
            self.errors.write(record)
            return
        name = self._name(record)
        text = without_surrogates(render_text(record, self.fmt, self.with_metadata)).encode("utf-8")
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
        self.taken.add(name)
        entry = {"input": record["input"], "file": name}
        if record.get("inputs"):
            entry["inputs"] = record["inputs"]
        self.index.write(entry)

    def close(self) -> None:
        if self.errors is not None:
            self.errors.close()
        self.index.close()
        os.close(self.dir_fd)


class TextStreamWriter:
    """`--format txt|md` without `--out-dir`, for one document: its text on standard output (an error record
    writes nothing; the command says why on standard error)."""

    def __init__(self, stream: IO[bytes], fmt: str = "txt", with_metadata: bool = False) -> None:
        self.stream, self.fmt, self.with_metadata = stream, fmt, with_metadata

    def write(self, record: dict[str, Any]) -> None:
        if "error" in record:
            return
        text = without_surrogates(render_text(record, self.fmt, self.with_metadata)).encode("utf-8")
        with _signals_held():
            try:
                self.stream.write(text)
                self.stream.flush()
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise OutputError(f"cannot write standard output: {exc.strerror}") from None

    def close(self) -> None:
        pass


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    #: Records of Saring's own (JSONL lines with `body`) written as they were.
    passed: int = 0
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
        # A rate says something only over a run of some documents (one failed input is not 3,000 per second).
        rate = f" ({total / seconds:.1f} documents/s)" if self.ok and total >= 10 and seconds > 0 else ""
        lines = [f"saring clean: {self.ok} ok, {self.failed} failed"
                 + (f" ({self.passed} already clean records passed through)" if self.passed else "")
                 + (f", {self.skipped} skipped (already in the output)" if self.skipped else "")
                 + "".join(f", {n} skipped ({why})" for why, n in self.not_documents.most_common())
                 + f" in {seconds:.1f} s{rate}"]
        if self.extractors:
            lines.append("  by extractor: " + ", ".join(f"{k} {v}" for k, v in self.extractors.most_common()))
            lines.append("  by site: " + ", ".join(f"{k} {v}" for k, v in self.sites.most_common()))
        return "\n".join(lines)
