"""`saring mirror`: serve the offline mirror of the fixture sites (or a tree of saved pages) on 127.0.0.1."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

#: The source checkout this package runs from, if it is one (the mirror and its pages live there).
CHECKOUT = Path(__file__).resolve().parents[2]


def _testing():
    """The development tooling of a source checkout (`testing/`), which is not part of the package."""
    if not (CHECKOUT / "testing" / "mirror.py").is_file():
        raise SystemExit("saring mirror: needs a source checkout of Saring (the mirror and its pages are in testing/)")
    if str(CHECKOUT) not in sys.path:
        sys.path.insert(0, str(CHECKOUT))
    import testing.mirror

    return testing.mirror


def run(args: argparse.Namespace) -> int:
    mirror = _testing()
    if args.root is not None:
        root = Path(args.root)
        if not root.is_dir():
            print(f"saring mirror: {root} is not a directory", file=sys.stderr)
            return 2
        server, what = mirror.MirrorServer([root], args.port, quiet=not args.verbose), str(root)
    else:
        server = mirror.MirrorServer(None, args.port, quiet=not args.verbose)
        what = f"the bundled fixture sites of {CHECKOUT}"
    print(f"saring mirror: serving {what} at {server.url} (Ctrl-C to stop)", flush=True)
    for host, days in server.days().items():
        print(f"  {host}: dated listings for {len(days)} day(s), {days[0]} to {days[-1]}", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        # The first signal said stop; another while it closes (a shell kills its jobs again as it exits)
        # ends the process at once instead of raising in the middle of the interpreter's shutdown.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        server.server_close()
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "mirror", help="serve the offline mirror of the news sites on 127.0.0.1",
        description="Serve saved pages (DIR/<host>/<path>, see testing/mirror.py) on 127.0.0.1 as an HTTP(S) "
                    "proxy. Crawl it with: scrapy crawl <site> -s MIRROR_URL=http://127.0.0.1:PORT")
    p.add_argument("root", nargs="?", metavar="DIR",
                   help="a tree of saved pages, DIR/<host>/<path> (default: the bundled fixture sites)")
    p.add_argument("--port", type=int, default=8765,
                   help="port on 127.0.0.1 (default: %(default)s; 0: any free port)")
    p.add_argument("-v", "--verbose", action="store_true", help="log every request")
    p.set_defaults(func=run)
