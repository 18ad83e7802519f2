"""`saring clean`: saved pages (HTML, text, WARC, JSONL) into JSONL article records."""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import signal
import sys
from pathlib import Path

from .inputs import DEFAULT_MAX_BYTES, iter_documents, kind_of, shown
from .output import LineWriter, OutputError, StreamWriter, Summary, TextDirWriter, TextStreamWriter
from .runner import DEFAULT_TIMEOUT, PASSED, clean_stream, merge_split_articles

CLEAN_HELP = """\
Clean saved news pages into article records, one JSON object per line.

Inputs: files (.html .htm .txt, gzipped or not), directories (walked recursively; only regular files, and
symlinks only within the named directories unless --follow-symlinks), WARC/WARC.gz files (response records
with an HTML or text payload, the target URI as the URL; other payloads are skipped and counted), JSONL
files (objects with an "html" or "text" field and an optional "url"; Saring's own records, with "body",
as `saring export` and crawls write them, are passed on as they are, so that --format txt|md turns them
into files), and - for standard input. Every document gives one record with an extra "input" field (the
path, or path#N for record N inside a WARC or JSONL file). A document that cannot be read, decoded or
cleaned gives a record with "error" (a one-line reason) and the run goes on.

Outputs: JSONL on standard output or -o OUT.jsonl; --format txt or md: one file per document in --out-dir
DIR (named site_date_slug from the document, .txt or .md; error records go to DIR/_errors.jsonl, which
exists only when a document failed; DIR/.saring-index.jsonl says which input gave which file), or the one
document's text on standard output when there is no --out-dir.

Exit status: 0 all documents cleaned; 1 some document failed, or the output could not be written during the
run (it then holds whole lines only); 2 usage error (a named input that does not exist, too), output not
writable or locked by another run (nothing was written); 130 interrupted (SIGINT or SIGTERM; every line
written is whole).
"""


def say(message: str) -> None:
    """One line on standard error, if there is one (with stderr closed, `print` would write to stdout)."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(message, file=sys.stderr, flush=True)


def one_document(paths: list[str]) -> bool:
    """The inputs are one document for sure: standard input, or one page file (not a directory, WARC or JSONL)."""
    if len(paths) != 1:
        return False
    return paths[0] == "-" or (os.path.isfile(paths[0]) and kind_of(Path(paths[0])) == "page")


def usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with the options, in one line; None when they can be used."""
    if args.url and (len(args.paths) != 1 or Path(args.paths[0]).is_dir()):
        return "--url needs exactly one input file"
    if args.format != "jsonl":
        if args.output:
            return f"-o writes JSONL; --format {args.format} writes one file per document to --out-dir DIR"
        if not args.out_dir and args.resume:
            return "--resume needs --out-dir DIR (or -o OUT.jsonl for JSONL)"
        if not args.out_dir and not one_document(args.paths):
            return (f"--format {args.format} writes one file per document: give --out-dir DIR (standard output "
                    "takes one page file or -, not a directory, WARC or JSONL file)")
    elif args.out_dir:
        return "--out-dir is for --format txt or md; JSONL goes to -o OUT.jsonl (or standard output)"
    elif args.with_metadata:
        return "--with-metadata is for --format txt or md (JSONL records hold every field)"
    if args.resume and args.format == "jsonl" and args.output in (None, "-"):
        return "--resume needs -o OUT.jsonl"
    if args.jobs < 1:
        return f"-j needs at least 1 worker, not {args.jobs}"
    if not math.isfinite(args.timeout) or args.timeout < 0:
        return f"--timeout needs seconds >= 0 (0: no limit), not {args.timeout:g}"
    if not math.isfinite(args.max_size) or args.max_size <= 0:
        return f"--max-size needs a size in MB > 0, not {args.max_size:g}"
    if args.output in (None, "-") and not args.out_dir and sys.stdout is None:
        return "standard output is closed; write to a file with -o OUT.jsonl (or --out-dir DIR)"
    return None


def missing_input(paths: list[str]) -> str | None:
    """A named input that does not exist, as a one-line problem (a usage error: nothing is written)."""
    for raw in paths:
        if raw == "-":
            continue
        try:
            os.stat(raw)
        except (FileNotFoundError, NotADirectoryError):
            kind = "broken symlink" if os.path.islink(raw) else "no such file or directory"
            return f"{shown(raw)}: {kind}"
        except OSError:
            continue  # there but unreadable: its error record says why
    return None


def open_output(args: argparse.Namespace) -> tuple[LineWriter | StreamWriter | TextDirWriter | TextStreamWriter,
                                                  set[str]]:
    """The writer for the run and, with --resume, the inputs already written. Raises OutputError."""
    if args.format != "jsonl" and args.out_dir:
        writer = TextDirWriter(Path(args.out_dir), resume=args.resume, fmt=args.format,
                               with_metadata=args.with_metadata)
        return writer, writer.done() if args.resume else set()
    if args.format != "jsonl":
        return TextStreamWriter(sys.stdout.buffer, args.format, args.with_metadata), set()
    if args.output in (None, "-"):
        return LineWriter.stream(sys.stdout.buffer), set()
    return LineWriter.open(Path(args.output), resume=args.resume)


def cmd_clean(args: argparse.Namespace) -> int:
    problem = usage_error(args) or missing_input(args.paths)
    if problem:
        say(f"saring clean: {problem}")
        return 2
    try:
        url_map = read_url_map(args.urls) if args.urls else None
    except (OSError, ValueError) as exc:
        say(f"saring clean: --urls: {exc}")
        return 2
    max_bytes = int(args.max_size * 1024 * 1024)
    summary = Summary()
    signal.signal(signal.SIGTERM, _terminate)
    try:
        writer, done = open_output(args)  # before any input is read: the lock is held for the whole run
    except OutputError as exc:
        say(f"saring clean: {exc}")
        return 2

    def tasks():
        for doc in iter_documents(args.paths, max_bytes, follow_symlinks=args.follow_symlinks):
            if doc.skipped:
                summary.not_documents[doc.skipped] += 1
                if doc.note:
                    say(f"saring clean: {doc.note}")
                continue
            if args.resume and doc.name in done:
                summary.skipped += 1
                continue
            url = args.url or (url_map.get(doc.name) or url_map.get(Path(doc.name).name) if url_map else None)
            yield doc, url

    progress = _progress(args)
    stream = clean_stream(tasks(), jobs=args.jobs, timeout=args.timeout or None)
    records = merge_split_articles(stream, merge=args.merge_pages)
    try:
        for record in records:
            summary.passed += bool(record.pop(PASSED, False))
            writer.write(record)
            summary.add(record)
            if "error" in record and progress is None:
                say(f"saring: {record['error']}")
            if progress is not None:
                progress.update(1)
    except KeyboardInterrupt:
        _stop(records, stream)
        say("saring clean: interrupted; every line written so far is whole (--resume goes on from here)")
        return 130
    except OutputError as exc:
        _stop(records, stream)
        say(f"saring clean: {exc}; the run stopped (output written so far holds whole lines only)")
        return 1
    except BrokenPipeError:  # the reader of standard output went away (`| head`): stop quietly
        _stop(records, stream)
        return 1
    finally:
        writer.close()
        if progress is not None:
            progress.close()
    say(summary.text())
    return 1 if summary.failed else 0


def _stop(*generators) -> None:
    """Stop the pipeline now (its workers are terminated); a second signal meanwhile ends the process."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for generator in generators:
        generator.close()


def _terminate(signum, frame):  # noqa: ARG001 - signal handler signature
    raise KeyboardInterrupt


def _progress(args: argparse.Namespace):
    if args.quiet or sys.stderr is None or not sys.stderr.isatty() or (args.format != "jsonl" and not args.out_dir):
        return None
    from tqdm import tqdm

    return tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def read_url_map(path: str) -> dict[str, str]:
    """`--urls FILE`: one `input<TAB>url` per line; input is a path or a file name."""
    mapping = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.startswith("#"):
                continue
            name, sep, url = line.rstrip("\n").partition("\t")
            if not sep or not url.strip():
                raise ValueError(f"{path}:{number}: expected 'input<TAB>url'")
            mapping[name.strip()] = url.strip()
    return mapping


def add_clean_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("clean", help="clean saved pages into JSONL records", description=CLEAN_HELP,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="file or directory to clean")
    p.add_argument("-o", "--output", metavar="OUT.jsonl", help="write records here (default: standard output)")
    p.add_argument("--url", help="the URL the (single) input was fetched from; names the site and URL facts")
    p.add_argument("--urls", metavar="FILE",
                   help="URLs of the inputs: lines 'input<TAB>url' (input: a path as walked, or a file name)")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                   help="worker processes (default: all cores, here %(default)s)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                   help="seconds one document may take (default %(default)g; 0: no limit)")
    p.add_argument("--max-size", type=float, default=DEFAULT_MAX_BYTES / 1024 / 1024, metavar="MB",
                   help="larger documents get an error record (default %(default)g MB)")
    p.add_argument("--format", choices=("jsonl", "txt", "md"), default="jsonl",
                   help="jsonl (default); txt (title, blank line, body) or md (Markdown: # title, metadata, "
                        "body with ## subheadings): one file per document in --out-dir, or standard output "
                        "for one document")
    p.add_argument("--out-dir", metavar="DIR",
                   help="where --format txt|md writes its files, named site_date_slug.txt from the document; "
                        "_errors.jsonl only when a document failed")
    p.add_argument("--with-metadata", action="store_true",
                   help="txt|md: begin each file with a --- header of title, author, url, date, ... (like "
                        "trafilatura's)")
    p.add_argument("--resume", action="store_true",
                   help="skip inputs already in the output and append (a torn last line is cut off first)")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="in a walked directory, follow symlinks that lead outside the named inputs")
    p.add_argument("--merge-pages", action="store_true",
                   help="pages of one split article (same canonical URL; ?page=N) become one record with 'pages'")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_clean)
