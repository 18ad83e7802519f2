"""`saring`: the command line. Each command is a module of `crawler.commands` (`saring clean` lives with the
batch cleaner, `cleaners.batch.cli`); heavy imports happen inside the commands, so start-up stays quick."""

from __future__ import annotations

import argparse
import sys

from cleaners.batch.cli import add_clean_parser

from .commands import export, get, ingest, mirror, report, search, stats

#: Each command module has `add_parser(subparsers)`, which sets `func` to its `run(args) -> exit status`.
COMMANDS = (mirror, export, stats, ingest, search, get, report)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="saring", description="Clean article data from Indonesian news sites.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_clean_parser(commands)
    for command in COMMANDS:
        command.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
