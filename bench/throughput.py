"""Throughput and memory of `saring clean` against trafilatura's CLI on the same dump, in interleaved rounds.

Builds a dump of the family fixture pages (the profile path) and the Zyte pages (the generic path), repeated to --docs documents (default
2,000), and runs on it, in each of --rounds rounds (default 3; the order rotates every round so that none
always runs first or last): `saring clean -j1`, `trafilatura --parallel 1`, `saring clean -j2` and
`trafilatura` with its default parallelism. A run counts only after its checks: exit status 0 and one
output per input (saring: one JSONL record per document, none with "error"; trafilatura: one output file
per document, named after its input with --keep-dirs); otherwise the bench stops and says why. Then:
in-process references (trafilatura's API, lxml parsing alone, the profile path against an lxml parse), a
consistency run (`SARING_LANGDETECT=python`: the reference langdetect must give the same records), and
the peak memory of a --big (default 20,000) document run against the --docs one. Prints medians with
min-max over the rounds, and the targets with met / not met. Needs nothing but this project's venv.

    .venv/bin/python bench/throughput.py [--docs 2000] [--rounds 3] [--big 20000] [--skip-big]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ZYTE = ROOT.parent / "shared" / "bench" / "zyte" / "html"
BIN = Path(sys.executable).parent
#: This checkout's code (not whatever `saring` the venv has installed), so a bench measures the tree it is in.
ENV = dict(os.environ, PYTHONPATH=str(ROOT))
SARING = [sys.executable, "-m", "crawler.cli", "clean", "--quiet"]

#: Runs a command in its own process and reports wall time, peak RSS of its largest process, CPU time and
#: exit status (RUSAGE_CHILDREN of this wrapper covers that one command only).
MEASURE = """import json, resource, subprocess, sys, time
started = time.perf_counter()
run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "rss_mb": usage.ru_maxrss / 1024, "cpu": usage.ru_utime + usage.ru_stime,
                  "code": run.returncode, "stderr": run.stderr.decode("utf-8", "replace")[-1500:]}))"""


class BenchError(SystemExit):
    def __init__(self, message: str) -> None:
        super().__init__(f"bench stopped: {message}")


@dataclass
class Contender:
    name: str
    command: list[str]
    output: Path
    check: Callable[[Path], str | None]
    env: dict[str, str] = field(default_factory=lambda: ENV)
    cwd: Path = ROOT
    #: Directories to create before each run.
    make_dirs: tuple[Path, ...] = ()
    runs: list[dict] = field(default_factory=list)


def sources() -> list[tuple[str, bytes]]:
    """The family fixture pages (the profile path) and the Zyte pages (the generic path)."""
    family = sorted(ROOT.glob("cleaners/sites/*/fixtures/*.html"))
    if not family:
        raise BenchError("no family fixture pages (cleaners/sites/*/fixtures/*.html)")
    pages = [(f"{p.parent.parent.name}-{p.stem}", p.read_bytes()) for p in family]
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


def saring_check(expected: int) -> Callable[[Path], str | None]:
    def check(output: Path) -> str | None:
        if not output.exists():
            return "no output file"
        records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
        errors = [r for r in records if "error" in r]
        if len(records) != expected:
            return f"{len(records)} records for {expected} documents"
        if errors:
            return f"{len(errors)} error records, e.g. {errors[0].get('input')}: {errors[0]['error']}"
        if len({r.get("input") for r in records}) != expected:
            return "records do not name every input once"
        return None
    return check


def trafilatura_check(expected: int) -> Callable[[Path], str | None]:
    def check(output: Path) -> str | None:
        found = sum(1 for p in output.rglob("*.txt") if p.stat().st_size) if output.exists() else 0
        return None if found == expected else f"{found} non-empty output files for {expected} documents"
    return check


def measure(contender: Contender, label: str) -> dict:
    if contender.output.is_dir():
        shutil.rmtree(contender.output)
    contender.output.unlink(missing_ok=True)
    for directory in contender.make_dirs:
        directory.mkdir(parents=True)
    out = subprocess.run([sys.executable, "-c", MEASURE, *contender.command], capture_output=True, text=True,
                         cwd=contender.cwd, env=contender.env)
    if out.returncode:
        raise BenchError(f"{contender.name} ({label}): the measuring wrapper failed:\n{out.stderr[-1500:]}")
    result = json.loads(out.stdout)
    if result["code"] != 0:
        raise BenchError(f"{contender.name} ({label}) exited {result['code']}:\n{result['stderr']}")
    problem = contender.check(contender.output)
    if problem:
        raise BenchError(f"{contender.name} ({label}): {problem}")
    return result


def spread(values: list[float], digits: int = 1) -> str:
    """Median with min-max, e.g. '52.1 (50.3-53.0)'."""
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def in_process_rates(files: list[Path], rounds: int) -> dict[str, list[float]]:
    """Documents/second of trafilatura's API and of lxml parsing alone, in one process, interleaved."""
    import trafilatura
    from lxml import html as lxml_html

    data = [p.read_bytes() for p in files]
    trafilatura.extract(data[0])
    rates: dict[str, list[float]] = {"trafilatura API (1 process)": [], "lxml parse only": []}
    for _ in range(rounds):
        for name, fn in (("trafilatura API (1 process)", trafilatura.extract),
                         ("lxml parse only", lxml_html.document_fromstring)):
            started = time.perf_counter()
            for page in data:
                fn(page)
            rates[name].append(len(data) / (time.perf_counter() - started))
    return rates


def profile_vs_parse(rounds: int = 30) -> tuple[list[float], list[float]]:
    """Milliseconds per document of the profile path and of an lxml parse, on the family fixture pages."""
    from lxml import html as lxml_html

    from cleaners import clean_html

    pages = []
    # The family fixtures with an expected record (cleaners/sites/<family>/fixtures/<stem>.html + .json).
    for path in sorted(ROOT.glob("cleaners/sites/*/fixtures/*.html")):
        expected = path.with_suffix(".json")
        if expected.is_file():
            pages.append((path.read_text(encoding="utf-8"), json.loads(expected.read_text())["url"]))
    if not pages:
        raise BenchError("no family fixture pages (cleaners/sites/*/fixtures/*.html with a .json)")
    clean_html(*pages[0])
    profile, parse = [], []
    for _ in range(rounds):
        for times, fn in ((profile, clean_html), (parse, lambda h, u: lxml_html.document_fromstring(h))):
            started = time.perf_counter()
            for html, url in pages:
                fn(html, url)
            times.append((time.perf_counter() - started) / len(pages) * 1000)
    return profile, parse


def target(label: str, met: bool, detail: str) -> dict:
    print(f"  [{'met' if met else 'NOT MET':>7}] {label}: {detail}")
    return {"target": label, "met": met, "detail": detail}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--big", type=int, default=20000)
    parser.add_argument("--skip-big", action="store_true", help="no --big run (no memory target)")
    parser.add_argument("--skip-reference", action="store_true", help="no consistency run with the reference langdetect")
    parser.add_argument("--json", default=str(ROOT / "bench" / "results" / "throughput.json"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="saring-bench-"))
    results: dict = {"docs": args.docs, "rounds": args.rounds}
    try:
        dump = work / "dump"
        size = build_dump(dump, args.docs)
        files = sorted(dump.glob("*.html"))
        distinct = len(sources())
        print(f"dump: {args.docs} documents, {size / 1e6:.0f} MB ({distinct} distinct pages); {args.rounds} rounds\n")
        # --keep-dirs names each output after its input (by default the name is a hash of the text, so the
        # repeated pages of the dump would overwrite each other and the outputs could not be counted).
        # trafilatura 2.3 then writes OUT/dump/dump/NAME.txt (an absolute input path: beside the input) but
        # creates only OUT/dump/, and its workers' errors are lost (exit status 0, no output): so relative
        # directories, and OUT/dump/dump made beforehand.
        traf = [str(BIN / "trafilatura"), "--input-dir", dump.name, "--keep-dirs", "--output-dir"]
        contenders = [
            Contender("saring clean -j1", [*SARING, "-j", "1", str(dump), "-o", str(work / "j1.jsonl")],
                      work / "j1.jsonl", saring_check(args.docs)),
            Contender("trafilatura --parallel 1", [*traf, "t1", "--parallel", "1"], work / "t1",
                      trafilatura_check(args.docs), cwd=work, make_dirs=(work / "t1" / dump.name / dump.name,)),
            Contender("saring clean -j2", [*SARING, "-j", "2", str(dump), "-o", str(work / "j2.jsonl")],
                      work / "j2.jsonl", saring_check(args.docs)),
            Contender("trafilatura (default parallel)", [*traf, "tp"], work / "tp", trafilatura_check(args.docs),
                      cwd=work, make_dirs=(work / "tp" / dump.name / dump.name,)),
        ]
        for r in range(args.rounds):
            order = contenders[r % len(contenders):] + contenders[:r % len(contenders)]
            for contender in order:
                contender.runs.append(measure(contender, f"round {r + 1}"))
            print(f"round {r + 1}: " + ", ".join(f"{c.name} {args.docs / c.runs[-1]['seconds']:.1f}" for c in contenders)
                  + " docs/s")
        rate = {c.name: [args.docs / run["seconds"] for run in c.runs] for c in contenders}
        rss = {c.name: [run["rss_mb"] for run in c.runs] for c in contenders}
        print(f"\n{'':<34}{'docs/s, median (min-max)':>28}{'peak RSS MB':>24}{'CPU s':>10}")
        for c in contenders:
            print(f"{c.name:<34}{spread(rate[c.name]):>28}{spread(rss[c.name], 0):>24}"
                  f"{statistics.median(run['cpu'] for run in c.runs):>10.1f}")
        rows = [{"name": c.name, "docs_per_s": rate[c.name], "peak_mb": rss[c.name],
                 "cpu_s": [run["cpu"] for run in c.runs]} for c in contenders]

        refs = in_process_rates(files[:distinct], args.rounds)
        for name, values in refs.items():
            print(f"{name:<34}{spread(values):>28}{'-':>24}")
            rows.append({"name": name, "docs_per_s": values})
        results["rows"] = rows

        def ratio(a: str, b: str) -> tuple[float, list[float]]:
            """Ratio of the medians, and the per-round ratios (runs of one round are next to each other)."""
            return statistics.median(rate[a]) / statistics.median(rate[b]), [x / y for x, y in zip(rate[a], rate[b], strict=True)]

        j1_vs_t1, per_round = ratio("saring clean -j1", "trafilatura --parallel 1")
        j2_vs_j1, _ = ratio("saring clean -j2", "saring clean -j1")
        j1_vs_api = statistics.median(rate["saring clean -j1"]) / statistics.median(refs["trafilatura API (1 process)"])
        j1_vs_lxml = statistics.median(rate["saring clean -j1"]) / statistics.median(refs["lxml parse only"])
        print(f"\nsaring -j1 / trafilatura --parallel 1   {j1_vs_t1:.2f}x (per round {min(per_round):.2f}-{max(per_round):.2f})")
        print(f"saring -j2 / saring -j1                 {j2_vs_j1:.2f}x")
        print(f"saring -j1 / trafilatura API            {j1_vs_api:.2f}x (subprocess with start-up vs in-process)")
        print(f"saring -j1 / lxml parse                 {j1_vs_lxml:.3f}x")
        results["ratios"] = {"j1_vs_trafilatura_p1": j1_vs_t1, "j1_vs_trafilatura_p1_per_round": per_round,
                             "j2_vs_j1": j2_vs_j1, "j1_vs_trafilatura_api": j1_vs_api, "j1_vs_lxml": j1_vs_lxml}

        profile, parse = profile_vs_parse()
        profile_x = statistics.median(profile) / statistics.median(parse)
        print(f"\nprofile path on the family fixtures: {spread(profile, 2)} ms per document; lxml parse {spread(parse, 2)} ms "
              f"({profile_x:.1f}x)")
        results.update(profile_ms=profile, parse_ms=parse, profile_vs_parse=profile_x)

        if not args.skip_reference:
            reference = Contender("saring clean -j1, SARING_LANGDETECT=python",
                                  [*SARING, "-j", "1", str(dump), "-o", str(work / "ref.jsonl")], work / "ref.jsonl",
                                  saring_check(args.docs), env=dict(ENV, SARING_LANGDETECT="python"))
            run = measure(reference, "consistency")
            same = (work / "ref.jsonl").read_bytes() == (work / "j1.jsonl").read_bytes()
            print(f"\n{reference.name}: {args.docs / run['seconds']:.1f} docs/s (1 run), peak RSS {run['rss_mb']:.0f} MB; "
                  f"records {'identical to' if same else 'DIFFERENT FROM'} saring clean -j1's")
            results["reference_langdetect"] = {"docs_per_s": args.docs / run["seconds"], "peak_mb": run["rss_mb"],
                                               "identical": same}
            if not same:
                raise BenchError("the reference langdetect gives other records than the fast one (see cleaners/language.py)")

        print("\ntargets:")
        targets = [
            target("saring clean -j1 >= 1.5x trafilatura --parallel 1 docs/s", j1_vs_t1 >= 1.5, f"{j1_vs_t1:.2f}x"),
            target("peak RSS of saring clean -j1 <= trafilatura --parallel 1's",
                   statistics.median(rss["saring clean -j1"]) <= statistics.median(rss["trafilatura --parallel 1"]),
                   f"{statistics.median(rss['saring clean -j1']):.0f} vs "
                   f"{statistics.median(rss['trafilatura --parallel 1']):.0f} MB"),
            target("profile path <= 5x an lxml parse of the same page", profile_x <= 5, f"{profile_x:.1f}x"),
        ]
        if not args.skip_big:
            big = work / "big"
            build_dump(big, args.big)
            run = measure(Contender(f"saring clean -j2, {args.big} docs", [*SARING, "-j", "2", str(big), "-o",
                                    str(work / "big.jsonl")], work / "big.jsonl", saring_check(args.big)), "big")
            small_mb = statistics.median(rss["saring clean -j2"])
            flat = run["rss_mb"] <= small_mb * 1.10
            print(f"\npeak RSS, saring clean -j2: {args.docs} docs {small_mb:.0f} MB (median), {args.big} docs "
                  f"{run['rss_mb']:.0f} MB ({args.big / run['seconds']:.1f} docs/s)")
            results["memory"] = {"small_docs": args.docs, "small_mb": small_mb, "big_docs": args.big,
                                 "big_mb": run["rss_mb"]}
            print("\ntargets (memory):")
            targets.append(target(f"peak memory flat: {args.big} docs within 10% of {args.docs} docs (saring clean -j2)",
                                  flat, f"{run['rss_mb']:.0f} vs {small_mb:.0f} MB"))
        results["targets"] = targets
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1))
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
