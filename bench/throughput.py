"""Throughput of `saring clean` against trafilatura and plain lxml parsing, measured in the same run.

Builds a dump of the fixture pages and the Zyte benchmark pages, repeated to --docs documents (default
2,000), then times on the same files: `saring clean -j1`, `saring clean -j2`, trafilatura's CLI
(--input-dir, its default parallelism), trafilatura's Python API (one process), and lxml parsing alone
(the floor no lxml-based cleaner can beat). Prints documents/second, ratios and peak memory (max RSS of the
largest process). Then compares the peak memory of a --docs and a --big (default 20,000) document run.

    .venv/bin/python bench/throughput.py [--docs 2000] [--big 20000] [--skip-big]
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ZYTE = ROOT.parent / "shared" / "bench" / "zyte" / "html"
BIN = Path(sys.executable).parent

MEASURE = """import resource, subprocess, sys, time
t = time.perf_counter(); r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)"""


def sources() -> list[tuple[str, bytes]]:
    pages = [(p.stem, p.read_bytes()) for p in sorted((ROOT / "fixtures" / "html").glob("*.html"))]
    if ZYTE.exists():
        pages += [(p.name[:16], gzip.decompress(p.read_bytes())) for p in sorted(ZYTE.glob("*.html.gz"))]
    return pages


def build_dump(directory: Path, count: int) -> int:
    pages = sources()
    directory.mkdir(parents=True, exist_ok=True)
    total = 0
    for n in range(count):
        stem, data = pages[n % len(pages)]
        (directory / f"{n:06d}-{stem}.html").write_bytes(data)
        total += len(data)
    return total


def measure(command: list[str]) -> tuple[float, int]:
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True)
    seconds, rss_kb, code = out.stdout.split()
    return float(seconds), int(rss_kb) // 1024


def in_process(fn, files: list[Path]) -> float:
    started = time.perf_counter()
    for path in files:
        fn(path.read_bytes())
    return time.perf_counter() - started


def profile_vs_parse() -> tuple[float, float]:
    """Per-document time of the profile path and of lxml parsing, on the family fixture pages."""
    from lxml import html as lxml_html

    from cleaners import clean_html

    pages = []
    for path in sorted((ROOT / "fixtures" / "html").glob("*.html")):
        url = json.loads((ROOT / "fixtures" / "expected" / f"{path.stem}.json").read_text())["url"]
        pages.append((path.read_text(encoding="utf-8"), url))
    clean_html(*pages[0])
    rounds = 30

    def timed(fn) -> float:
        started = time.perf_counter()
        for _ in range(rounds):
            for html, url in pages:
                fn(html, url)
        return (time.perf_counter() - started) / rounds / len(pages) * 1000

    return timed(clean_html), timed(lambda h, u: lxml_html.document_fromstring(h))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--big", type=int, default=20000)
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--json", default=str(ROOT / "bench" / "results" / "throughput.json"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="saring-bench-"))
    results: dict = {"docs": args.docs}
    try:
        dump = work / "dump"
        size = build_dump(dump, args.docs)
        files = sorted(dump.glob("*.html"))
        print(f"dump: {args.docs} documents, {size / 1e6:.0f} MB ({len(sources())} distinct pages)\n")
        saring = [str(BIN / "saring"), "clean", "--quiet"]
        rows = []
        for name, command in (
            ("saring clean -j1", saring + ["-j", "1", str(dump), "-o", str(work / "j1.jsonl")]),
            ("saring clean -j2", saring + ["-j", "2", str(dump), "-o", str(work / "j2.jsonl")]),
            ("trafilatura CLI", [str(BIN / "trafilatura"), "--input-dir", str(dump), "--output-dir",
                                 str(work / "traf-out")]),
        ):
            seconds, rss = measure(command)
            rows.append((name, args.docs / seconds, rss))
        import trafilatura
        from lxml import html as lxml_html

        trafilatura.extract(files[0].read_bytes())
        rows.append(("trafilatura API (1 process)", args.docs / in_process(trafilatura.extract, files), None))
        rows.append(("lxml parse only", args.docs / in_process(lxml_html.document_fromstring, files), None))
        base = dict((n, r) for n, r, _ in rows)
        print(f"{'':<30}{'docs/s':>10}{'peak MB':>10}")
        for name, rate, rss in rows:
            print(f"{name:<30}{rate:>10.1f}{(str(rss) if rss else '-'):>10}")
        ratios = {
            "saring -j1 / trafilatura API": base["saring clean -j1"] / base["trafilatura API (1 process)"],
            "saring -j1 / trafilatura CLI": base["saring clean -j1"] / base["trafilatura CLI"],
            "saring -j2 / saring -j1": base["saring clean -j2"] / base["saring clean -j1"],
            "saring -j1 / lxml parse": base["saring clean -j1"] / base["lxml parse only"],
        }
        print()
        for name, value in ratios.items():
            print(f"{name:<30}{value:>10.2f}x")
        profile_ms, parse_ms = profile_vs_parse()
        print(f"\nprofile path per document on fixtures/html: {profile_ms:.2f} ms; lxml parse alone {parse_ms:.2f} ms "
              f"({profile_ms / parse_ms:.1f}x)")
        results.update(rows=[{"name": n, "docs_per_s": r, "peak_mb": m} for n, r, m in rows], ratios=ratios,
                       profile_ms=profile_ms, parse_ms=parse_ms)
        if not args.skip_big:
            big = work / "big"
            build_dump(big, args.big)
            small_s, small_rss = measure(saring + ["-j", "2", str(dump), "-o", str(work / "s.jsonl")])
            big_s, big_rss = measure(saring + ["-j", "2", str(big), "-o", str(work / "b.jsonl")])
            print(f"\npeak memory, saring clean -j2: {args.docs} docs {small_rss} MB, {args.big} docs {big_rss} MB "
                  f"({args.big / big_s:.1f} docs/s)")
            results.update(memory={"small_docs": args.docs, "small_mb": small_rss, "big_docs": args.big,
                                   "big_mb": big_rss})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1))
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
