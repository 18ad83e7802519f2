"""The profile path (or the generic path) of this checkout against another commit's, interleaved: before/after in one run.

Speed work is judged against the code before it, on the same machine at the same time: this machine's
speed drifts by more than a change gains (the same run can take 1.5x as long ten minutes later). Each round
runs one process per version, the order alternating, and each process times what bench/throughput.py's
profile-path reference times: `clean_html` on the family fixture pages (this checkout's, for both
versions), then lxml's `document_fromstring` of the same pages, in batches (--batches per process). A
process counts only if it exits 0, imported the version it was given, and cleaned every page to a body.

With `--pages zyte` each process times `clean` (bytes in, as `saring clean` reads a dump) on the 181 Zyte
pages of ../shared/bench/zyte instead (almost all of them take the generic path), with
`trafilatura.extract` of the same pages beside it as the reference (the target: the generic path >= 1.5x
trafilatura's pages/s); a process counts only if at most 5% of the pages clean to no body, the same
pages for both versions (the base and this checkout must agree on which pages those are).

    .venv/bin/python bench/versus.py --base c64466c [--rounds 8] [--batches 12] [--pages family|zyte]

Prints, per version, the median milliseconds a page (min-max over the rounds), wall and CPU, the reference
(lxml parse, or trafilatura.extract), and the ratio the issue's target is about (profile path / parse, or
trafilatura / generic path); then this checkout's time over the base's, per round (the figure least moved
by the machine's drift). `--base` is a commit (checked out into a temporary git worktree, removed
afterwards) or, when it names no commit, the path of another checkout.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: One process's measurement of the code at argv[1] on the fixture pages of argv[2] (argv[4] "family"), or
#: on the Zyte pages (argv[4] "zyte").
CHILD = r"""
import gzip, json, statistics, sys, time
root, pages_root, batches, kind = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path.insert(0, root)
from pathlib import Path
import cleaners
from cleaners import clean, clean_html
from lxml import html as lxml_html
if not Path(cleaners.__file__).resolve().is_relative_to(Path(root).resolve()):
    sys.exit(f"imported {cleaners.__file__}, not the code in {root}")
pages = []
if kind == "family":
    for path in sorted(Path(pages_root).glob("cleaners/sites/*/fixtures/*.html")):
        expected = path.with_suffix(".json")
        if expected.is_file():
            pages.append((path.read_text(encoding="utf-8"), json.loads(expected.read_text())["url"]))
    run = clean_html
    def reference(page, url):
        lxml_html.document_fromstring(page)
else:
    import trafilatura
    zyte = Path(pages_root).parent / "shared" / "bench" / "zyte"
    truth = json.loads((zyte / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id, item in sorted(truth.items()):
        pages.append((gzip.decompress((zyte / "html" / f"{page_id}.html.gz").read_bytes()), item.get("url")))
    run = clean
    def reference(page, url):
        trafilatura.extract(page, url=url)
if not pages:
    sys.exit(f"no {kind} pages")
empty = sorted(url or "" for page, url in pages if not run(page, url).paragraphs)
if len(empty) > (0 if kind == "family" else 0.05 * len(pages)):
    sys.exit(f"{len(empty)} pages cleaned to no body, e.g. {empty[0]}")
wall, cpu, parse = [], [], []
for _ in range(batches):
    w, c = time.perf_counter(), time.process_time()
    for page, url in pages:
        run(page, url)
    wall.append((time.perf_counter() - w) / len(pages) * 1000)
    cpu.append((time.process_time() - c) / len(pages) * 1000)
    w = time.perf_counter()
    for page, url in pages:
        reference(page, url)
    parse.append((time.perf_counter() - w) / len(pages) * 1000)
print(json.dumps({"pages": len(pages), "wall": statistics.median(wall), "cpu": statistics.median(cpu),
                  "parse": statistics.median(parse), "empty": empty}))
"""


class BenchError(RuntimeError):
    pass


def measure(root: Path, batches: int, kind: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(root), str(ROOT), str(batches), kind],
                          capture_output=True, text=True)
    if done.returncode:
        raise BenchError(f"the code in {root} failed (exit {done.returncode}): {done.stderr.strip()[-800:]}")
    return json.loads(done.stdout)


def spread(values: list[float], digits: int = 2) -> str:
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def checkout(base: str, work: Path) -> Path:
    """The base version's code: the commit checked out into a worktree under `work`, or, when `base`
    names no commit, the checkout at that path."""
    known = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"],
                           capture_output=True, text=True)
    if known.returncode:
        if not Path(base).is_dir():
            raise BenchError(f"{base!r} is neither a commit nor a directory")
        return Path(base).resolve()
    target = work / "base"
    done = subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(target), base],
                          capture_output=True, text=True)
    if done.returncode:
        raise BenchError(f"cannot check out {base!r}: {done.stderr.strip()}")
    return target


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # so that a SIGTERM runs the clean-up below, as Ctrl-C does


def main() -> int:
    signal.signal(signal.SIGTERM, _terminated)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True, help="a commit, or the path of another checkout")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--batches", type=int, default=None,
                        help="batches per process (default 12 for family pages, 2 for zyte)")
    parser.add_argument("--pages", choices=("family", "zyte"), default="family",
                        help="family fixture pages (the profile path, default) or the Zyte pages (generic path)")
    args = parser.parse_args()
    if args.batches is None:
        args.batches = 12 if args.pages == "family" else 2
    if args.rounds < 1 or args.batches < 1:
        parser.error("--rounds and --batches must be at least 1")
    work = Path(tempfile.mkdtemp(prefix="saring-versus-"))
    base = None
    try:
        base = checkout(args.base, work)
        versions = {f"base ({args.base})": base, "this checkout": ROOT}
        runs: dict[str, list[dict]] = {name: [] for name in versions}
        for r in range(args.rounds):
            order = list(versions.items()) if r % 2 == 0 else list(versions.items())[::-1]
            for name, root in order:
                runs[name].append(measure(root, args.batches, args.pages))
            print(f"round {r + 1}: " + ", ".join(f"{name} {runs[name][-1]['wall']:.2f} ms" for name in versions),
                  flush=True)
        pages = {run["pages"] for found in runs.values() for run in found}
        empties = {tuple(run["empty"]) for found in runs.values() for run in found}
        if len(empties) > 1:
            raise BenchError("the versions disagree on which pages clean to no body")
        family = args.pages == "family"
        what, reference = ("family fixture pages", "lxml parse") if family else ("Zyte pages", "trafilatura")
        print(f"\n{pages.pop()} {what}, {args.rounds} rounds of {args.batches} batches; "
              "ms a page, median (min-max) over the rounds\n")
        path = "profile" if family else "generic"
        print(f"{'':<28}{path + ' wall':>22}{path + ' CPU':>22}{reference:>22}{'ratio':>22}")
        for name, found in runs.items():
            ratios = [run["wall"] / run["parse"] if family else run["parse"] / run["wall"] for run in found]
            print(f"{name:<28}{spread([r['wall'] for r in found]):>22}{spread([r['cpu'] for r in found]):>22}"
                  f"{spread([r['parse'] for r in found]):>22}{spread(ratios) + 'x':>22}")
        (_, before), (_, after) = runs.items()
        wall = [b["wall"] / a["wall"] for a, b in zip(before, after, strict=True)]
        cpu = [b["cpu"] / a["cpu"] for a, b in zip(before, after, strict=True)]
        print(f"\nthis checkout / base, per round: wall {spread(wall, 3)}, CPU {spread(cpu, 3)}")
        if family:
            ratio = statistics.median(run["wall"] / run["parse"] for run in after)
            print(f"  [{'met' if ratio <= 5 else 'NOT MET':>7}] profile path <= 5x an lxml parse of the same page: "
                  f"{ratio:.1f}x (bench/throughput.py measures the same in its own run)")
        else:
            ratio = statistics.median(run["parse"] / run["wall"] for run in after)
            print(f"  [{'met' if ratio >= 1.5 else 'NOT MET':>7}] generic path >= 1.5x trafilatura's pages/s on Zyte: "
                  f"{ratio:.2f}x (bytes in, as saring clean reads them; bench/accuracy.py times clean_html_generic)")
    except BenchError as exc:
        print(f"bench failed: {exc}", file=sys.stderr)
        return 1
    finally:
        if base is not None and base.parent == work:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
        # (an interrupted `worktree add`, or a failed remove, leaves git an entry for the deleted directory)
        subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], capture_output=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
