"""`saring crawl`: `scrapy crawl` from any directory.

A thin wrapper: it runs `python -m scrapy crawl SITE ...` (or `scrapy list` for `--list`) with Saring's
Scrapy project (`SCRAPY_SETTINGS_MODULE=crawler.settings`) in the directory you are in, so relative paths
(`-O out.jsonl`, the default store `articles.db`, `-s JOBDIR=`) are yours, and every `-a` and `-s` means what
it means to `scrapy crawl`. `--mirror URL` is `-s MIRROR_URL=URL`, after checking that a mirror answers
there; the mirror's middleware lives in the checkout's `testing/`, which is then put on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from .mirror import CHECKOUT

#: Seconds `--mirror` waits for the mirror to answer (it may have been started a moment ago, with `&`).
MIRROR_WAIT = 15.0


def _mirror_answers(url: str, wait: float = MIRROR_WAIT) -> bool:
    import urllib.error
    import urllib.request

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + wait
    while True:
        try:
            with opener.open(url.rstrip("/") + "/_mirror/days", timeout=5):
                return True
        except (OSError, urllib.error.URLError):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.2)


def _pairs(values: list[str], option: str) -> str | None:
    """The first value that is not NAME=VALUE, as a problem; None when all are."""
    for value in values:
        name, sep, _ = value.partition("=")
        if not sep or not name.strip():
            return f"{option} takes NAME=VALUE, not {value!r}"
    return None


def scrapy_command(args: argparse.Namespace) -> list[str]:
    """The `scrapy` arguments these options stand for."""
    if args.list:
        return ["list"]
    command = ["crawl", args.spider]
    for value in args.arguments:
        command += ["-a", value]
    settings = list(args.settings) + ([f"MIRROR_URL={args.mirror}"] if args.mirror else [])
    for value in settings:
        command += ["-s", value]
    for path in args.append:
        command += ["-o", path]
    for path in args.overwrite:
        command += ["-O", path]
    if args.loglevel:
        command += ["-L", args.loglevel]
    if args.logfile:
        command += ["--logfile", args.logfile]
    if args.nolog:
        command.append("--nolog")
    return command


def run(args: argparse.Namespace) -> int:
    if not args.list and not args.spider:
        print("saring crawl: name the site to crawl (saring crawl --list shows them)", file=sys.stderr)
        return 2
    problem = _pairs(args.arguments, "-a") or _pairs(args.settings, "-s")
    if problem:
        print(f"saring crawl: {problem}", file=sys.stderr)
        return 2
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="crawler.settings", SARING_CRAWL_PROG="saring crawl")
    mirror = args.mirror or next((v.partition("=")[2] for v in args.settings if v.startswith("MIRROR_URL=")), None)
    if mirror:
        if not (CHECKOUT / "testing" / "mirror.py").is_file():
            print("saring crawl: --mirror needs a source checkout of Saring (the mirror is in testing/)",
                  file=sys.stderr)
            return 2
        if not args.list and not _mirror_answers(mirror):
            print(f"saring crawl: no mirror answers at {mirror} (start one with: saring mirror --port PORT &)",
                  file=sys.stderr)
            return 2
        env["PYTHONPATH"] = os.pathsep.join([str(CHECKOUT), *filter(None, [env.get("PYTHONPATH")])])
    argv = [sys.executable, "-m", "scrapy", *scrapy_command(args)]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, argv, env)  # the crawl is this process from here: signals, exit status, output


def add_parser(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser(
        "crawl", help="run a spider from any directory (scrapy crawl with Saring's project)",
        description="Run `scrapy crawl SITE` with Saring's Scrapy project from the directory you are in: the "
                    "same spiders, settings and arguments (see `scrapy crawl -h`); output paths and the store "
                    "(articles.db) are relative to where you are.",
        epilog="Example: saring crawl SITE -a since=2024-11-05 -a until=2024-11-07 -O out.jsonl")
    p.add_argument("spider", nargs="?", metavar="SITE", help="the spider (saring crawl --list)")
    p.add_argument("--list", action="store_true", help="list the spiders (scrapy list) and exit")
    p.add_argument("-a", dest="arguments", action="append", default=[], metavar="NAME=VALUE",
                   help="spider argument (since=, until=, urls=, url_file=, refresh=1, ...)")
    p.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                   help="Scrapy setting (SARING_DB=, JOBDIR=, LOG_LEVEL=, ...)")
    p.add_argument("-o", dest="append", action="append", default=[], metavar="FILE",
                   help="append the items to FILE (format by extension: .jsonl, .json, .csv, ...)")
    p.add_argument("-O", dest="overwrite", action="append", default=[], metavar="FILE",
                   help="write the items to FILE, replacing it")
    p.add_argument("--mirror", metavar="URL",
                   help="crawl the offline mirror at URL (saring mirror) instead of the live sites")
    p.add_argument("-L", "--loglevel", metavar="LEVEL", help="log level (default: INFO)")
    p.add_argument("--logfile", metavar="FILE", help="write the log to FILE")
    p.add_argument("--nolog", action="store_true", help="no log at all")
    p.set_defaults(func=run)
