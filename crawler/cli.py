"""`saring`: the command line. Each command is a module of `crawler.commands` (`saring clean` lives with the
batch cleaner, `cleaners.batch.cli`); heavy imports happen inside the commands, so start-up stays quick."""

from __future__ import annotations

import argparse
import sys

from cleaners.batch.cli import add_clean_parser

from .commands import crawl, export, get, ingest, mirror, report, search, stats

#: Each command module has `add_parser(subparsers)`, which sets `func` to its `run(args) -> exit status`.
COMMANDS = (crawl, mirror, export, stats, ingest, search, get, report)


class _Version(argparse.Action):
    """`saring --version`: the installed version (`cleaners.__version__`), looked up only when asked."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs) -> None:
        super().__init__(option_strings, dest=dest, nargs=0, help="print the version and exit", **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from cleaners import __version__

        print(f"saring {__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="saring", description="Clean article data from Indonesian news sites.")
    parser.add_argument("--version", action=_Version)
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
