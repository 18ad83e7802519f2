"""`saring`: the command line. `saring clean` turns saved pages into JSONL article records."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .api import clean
from .article import error_record
from .decode import NotText
from .inputs import Document, iter_documents

CLEAN_HELP = """\
Clean saved news pages (HTML or page text) into article records, one JSON object per line.

Each PATH is a file or a directory (walked recursively for .html/.htm/.txt files, gzipped or not).
Every input gives one record with an extra "input" field. An input that cannot be read, decoded or
cleaned gives a record with "error" (a one-line reason) and the run goes on; the exit status is then 1.
"""


def clean_document(doc: Document, url: str | None = None) -> dict[str, Any]:
    """The record for one document; never raises for bad input."""
    if doc.error:
        return error_record(doc.error, url=url, input=doc.name)
    assert doc.data is not None
    if not doc.data.strip():
        return error_record(f"{doc.name}: empty input", url=url, input=doc.name)
    try:
        article = clean(doc.data, url=url)
    except NotText as exc:
        return error_record(f"{doc.name}: {exc}", url=url, input=doc.name)
    except (ValueError, RecursionError, MemoryError) as exc:
        return error_record(f"{doc.name}: cannot clean: {exc}", url=url, input=doc.name)
    if not article.paragraphs:
        return error_record(f"{doc.name}: no article body found", url=url, input=doc.name)
    record = article.to_dict()
    record["input"] = doc.name
    return record


def clean_records(paths: list[str], url: str | None = None,
                  url_map: dict[str, str] | None = None) -> Iterator[dict[str, Any]]:
    for doc in iter_documents(paths):
        doc_url = url
        if url_map and not doc_url:
            doc_url = url_map.get(doc.name) or url_map.get(Path(doc.name).name)
        yield clean_document(doc, doc_url)


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


def write_records(records: Iterator[dict[str, Any]], out: IO[str]) -> tuple[int, int]:
    ok = failed = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
        if "error" in record:
            failed += 1
            print(f"saring: {record['error']}", file=sys.stderr)
        else:
            ok += 1
    return ok, failed


def cmd_clean(args: argparse.Namespace) -> int:
    if args.url and (len(args.paths) != 1 or not _is_file(args.paths[0])):
        print("saring clean: --url needs exactly one input file", file=sys.stderr)
        return 2
    try:
        url_map = read_url_map(args.urls) if args.urls else None
    except (OSError, ValueError) as exc:
        print(f"saring clean: --urls: {exc}", file=sys.stderr)
        return 2
    records = clean_records(args.paths, args.url, url_map)
    if args.output in (None, "-"):
        ok, failed = write_records(records, sys.stdout)
    else:
        with open(args.output, "w", encoding="utf-8") as out:
            ok, failed = write_records(records, out)
    print(f"saring clean: {ok} ok, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


def _is_file(path: str) -> bool:
    return not Path(path).is_dir()


def add_clean_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("clean", help="clean saved pages into JSONL records", description=CLEAN_HELP,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="+", metavar="PATH", help="file or directory to clean")
    p.add_argument("-o", "--output", metavar="OUT.jsonl", help="write records here (default: standard output)")
    p.add_argument("--url", help="the URL the (single) input was fetched from; names the site and URL facts")
    p.add_argument("--urls", metavar="FILE",
                   help="URLs of the inputs: lines 'input<TAB>url' (input: a path as walked, or a file name)")
    p.set_defaults(func=cmd_clean)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="saring", description="Clean article data from Indonesian news sites.")
    add_clean_parser(parser.add_subparsers(dest="command", required=True, metavar="COMMAND"))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        print("saring: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
