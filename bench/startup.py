"""Start-up: `saring clean page.html` against trafilatura's CLI on the same single page, interleaved.

Each round runs both commands once per page (the order alternates), each in a fresh process; a run
counts only with exit status 0 and output on standard output. Pages: a profile page (the README's first
hour cleans a Medcom page) and a generic one (a Zyte benchmark page). Prints the median wall times with
min-max, the ratio, and the target (<= 1.5x) with met / not met.

    .venv/bin/python bench/startup.py [--rounds 15]
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
#: This checkout's code, whatever `saring` the venv has installed.
ENV = dict(os.environ, PYTHONPATH=str(ROOT))
TARGET = 1.5


def pages(work: Path) -> list[tuple[str, Path]]:
    found = [("profile (medcom)", ROOT / "cleaners" / "sites" / "medcom" / "fixtures" / "mobile_v1.html")]
    zyte = sorted((ROOT.parent / "shared" / "bench" / "zyte" / "html").glob("*.html.gz"))
    if zyte:
        page = work / "zyte.html"
        page.write_bytes(gzip.decompress(zyte[0].read_bytes()))
        found.append(("generic (zyte)", page))
    return found


def run(command: list[str], stdin: Path | None = None) -> float:
    started = time.perf_counter()
    with open(stdin or os.devnull, "rb") as source:
        done = subprocess.run(command, stdin=source, capture_output=True, env=ENV, cwd=ROOT)
    seconds = time.perf_counter() - started
    if done.returncode != 0 or not done.stdout.strip():
        raise SystemExit(f"bench stopped: {' '.join(command)} exited {done.returncode} with "
                         f"{len(done.stdout)} bytes out: {done.stderr.decode()[-500:]}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    met_all = True
    with tempfile.TemporaryDirectory(prefix="saring-startup-") as tmp:
        for label, page in pages(Path(tmp)):
            saring = [sys.executable, "-m", "crawler.cli", "clean", str(page)]
            traf = [str(BIN / "trafilatura")]
            run(saring), run(traf, page)  # warm the file cache
            times: dict[str, list[float]] = {"saring clean page.html": [], "trafilatura < page.html": []}
            for r in range(args.rounds):
                pair = [("saring clean page.html", saring, None), ("trafilatura < page.html", traf, page)]
                for name, command, stdin in pair[:: 1 if r % 2 == 0 else -1]:
                    times[name].append(run(command, stdin))
            print(f"{label}: {page.name}, {args.rounds} interleaved rounds")
            for name, values in times.items():
                print(f"  {name:<26} {statistics.median(values) * 1000:6.0f} ms "
                      f"({min(values) * 1000:.0f}-{max(values) * 1000:.0f})")
            ratio = statistics.median(times["saring clean page.html"]) / statistics.median(times["trafilatura < page.html"])
            met = ratio <= TARGET
            met_all &= met
            print(f"  [{'met' if met else 'NOT MET':>7}] start-up <= {TARGET}x trafilatura's CLI: {ratio:.2f}x")
    return 0 if met_all else 1


if __name__ == "__main__":
    sys.exit(main())
