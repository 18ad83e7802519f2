"""`saring`: the command line. `saring clean` (cleaners.cli) plus the crawl-side commands."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from cleaners.cli import add_clean_parser

from .mirror import DEFAULT_ROOT, MirrorServer


def cmd_mirror(args: argparse.Namespace) -> int:
    root = Path(args.root)
    if not root.is_dir():
        print(f"saring mirror: {root} is not a directory", file=sys.stderr)
        return 2
    server = MirrorServer(root, args.port, quiet=not args.verbose)
    print(f"saring mirror: serving {root} at {server.url} (Ctrl-C to stop)", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="saring", description="Clean article data from Indonesian news sites.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_clean_parser(commands)
    p = commands.add_parser(
        "mirror", help="serve the offline mirror of the news sites on 127.0.0.1",
        description="Serve saved pages (DIR/<host>/<path>, see crawler/mirror.py) on 127.0.0.1 as an HTTP(S) "
                    "proxy. Crawl it with: scrapy crawl <site> -s MIRROR_URL=http://127.0.0.1:PORT")
    p.add_argument("root", nargs="?", default=str(DEFAULT_ROOT), metavar="DIR", help="default: fixtures/sites")
    p.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0: any free port)")
    p.add_argument("-v", "--verbose", action="store_true", help="log every request")
    p.set_defaults(func=cmd_mirror)
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
