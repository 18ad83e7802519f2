"""`saring clean`: saved pages (HTML, text, WARC, JSONL) into JSONL article records."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from .inputs import DEFAULT_MAX_BYTES, iter_documents
from .output import LineWriter, Summary, TextDirWriter, done_inputs
from .runner import DEFAULT_TIMEOUT, clean_stream, merge_split_articles

CLEAN_HELP = """\
Clean saved news pages into article records, one JSON object per line.

Inputs: files (.html .htm .txt, gzipped or not), directories (walked recursively), WARC/WARC.gz files
(response records with an HTML payload; the target URI is the URL), JSONL files (objects with an "html" or
"text" field and an optional "url"), and - for standard input. Every document gives one record with an
extra "input" field (the path, or path#N for record N inside a WARC or JSONL file). A document that cannot
be read, decoded or cleaned gives a record with "error" (a one-line reason) and the run goes on; the exit
status is then 1.
"""


def cmd_clean(args: argparse.Namespace) -> int:
    if args.url and (len(args.paths) != 1 or Path(args.paths[0]).is_dir()):
        print("saring clean: --url needs exactly one input file", file=sys.stderr)
        return 2
    if args.format == "txt" and not args.out_dir:
        print("saring clean: --format txt needs --out-dir DIR", file=sys.stderr)
        return 2
    if args.resume and args.format == "jsonl" and args.output in (None, "-"):
        print("saring clean: --resume needs -o OUT.jsonl", file=sys.stderr)
        return 2
    try:
        url_map = read_url_map(args.urls) if args.urls else None
    except (OSError, ValueError) as exc:
        print(f"saring clean: --urls: {exc}", file=sys.stderr)
        return 2
    max_bytes = int(args.max_size * 1024 * 1024)
    summary = Summary()
    if args.format == "txt":
        writer: LineWriter | TextDirWriter = TextDirWriter(Path(args.out_dir))
        done = writer.done() if args.resume else set()
    elif args.output in (None, "-"):
        writer, done = LineWriter(stream=sys.stdout.buffer), set()
    else:
        done = done_inputs(Path(args.output)) if args.resume else set()
        writer = LineWriter(path=Path(args.output), append=args.resume)

    def tasks():
        for doc in iter_documents(args.paths, max_bytes):
            if args.resume and (doc.name in done or (args.format == "txt" and writer.exists(doc.name))):
                summary.skipped += 1
                continue
            url = args.url or (url_map.get(doc.name) or url_map.get(Path(doc.name).name) if url_map else None)
            yield doc, url

    progress = _progress(args)
    signal.signal(signal.SIGTERM, _terminate)
    try:
        stream = clean_stream(tasks(), jobs=args.jobs, timeout=args.timeout or None)
        for record in merge_split_articles(stream, merge=args.merge_pages):
            writer.write(record)
            summary.add(record)
            if "error" in record and progress is None:
                print(f"saring: {record['error']}", file=sys.stderr)
            if progress is not None:
                progress.update(1)
    except KeyboardInterrupt:
        print("saring clean: interrupted; every line written so far is whole (--resume goes on from here)",
              file=sys.stderr)
        return 130
    finally:
        writer.close()
        if progress is not None:
            progress.close()
    print(summary.text(), file=sys.stderr)
    return 1 if summary.failed else 0


def _terminate(signum, frame):  # noqa: ARG001 - signal handler signature
    raise KeyboardInterrupt


def _progress(args: argparse.Namespace):
    if args.quiet or not sys.stderr.isatty():
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
    p.add_argument("--format", choices=("jsonl", "txt"), default="jsonl",
                   help="jsonl (default) or txt: one text file per document in --out-dir")
    p.add_argument("--out-dir", metavar="DIR", help="where --format txt writes its files")
    p.add_argument("--resume", action="store_true",
                   help="skip inputs already in the output and append (a torn last line is cut off first)")
    p.add_argument("--merge-pages", action="store_true",
                   help="pages of one split article (same canonical URL; ?page=N) become one record with 'pages'")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_clean)
