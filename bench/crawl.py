"""Crawl throughput: one process with and without the article store (the store's share), two processes
sharing a Redis frontier, and the store's own cost per record.

Generates a mirror of --articles (default 2,000) clearly synthetic article pages in the medcom template
(tools/family_pages.py), crawled through `-a url_file=` (the same list for every process), serves it on
127.0.0.1, and measures with politeness limits lifted (for this bench only: no delay, no AutoThrottle, 16
requests per domain):
  - one `scrapy crawl medcom` process with the store and without it, in --rounds rounds (default 5) whose
    order alternates, so that neither always runs first; the store's share of wall time per round (the two
    runs of a round are next to each other) and from the medians;
  - two processes sharing a Redis frontier (needs redis-server), items drained into the store by
    `saring ingest`;
  - the store alone: ArticleStore.put_batched (the crawl's way) and put with a commit per record, on the
    crawled records.
Every crawl must exit 0 with one scraped item per article and no ERROR log line, and a store must hold
every article once (none marked a duplicate: the pages are all different); otherwise the bench stops and
says why. The crawls with the store also time the store pipeline's own work (bench.crawl.TimedStorePipeline),
which gives its share inside each crawl, unmoved by other load on the machine between runs (the writer
process, crawler.store.writer, does the storing beside the crawl: the A/B runs measure what that costs);
the store alone is split into the body fingerprint, SQLite's statements and the rest, per record; an
A/B share from runs of one kind that differ by more than 15% is flagged as noisy. Prints medians with
min-max, and the target (store share <= 10%, A/B) with met / not met.

    .venv/bin/python bench/crawl.py [--articles 2000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "testing" / "builders"))  # the page generators import each other by name

from family_pages import Page, medcom  # noqa: E402

from crawler.pipelines import StorePipeline  # noqa: E402
from crawler.settings import ITEM_PIPELINES  # noqa: E402
from crawler.store import ArticleStore  # noqa: E402
from crawler.store import db as store_db  # noqa: E402
from crawler.store import fingerprint as store_fingerprint  # noqa: E402
from testing.mirror import free_port, mirror_path, serve  # noqa: E402

ENV = dict(os.environ, PYTHONPATH=str(ROOT))
#: INFO keeps Scrapy's closing stats in the log (they are counted); its periodic lines are few. Telnet and
#: remote-control consoles off: nothing in the bench uses them.
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
        "-s", "CONCURRENT_REQUESTS=32", "-s", "LOG_LEVEL=INFO", "-s", "TELNETCONSOLE_ENABLED=0",
        "-s", "REMOTE_CONTROL_ENABLED=0"]
SUFFIXES = ("", "nya", "kan", "lah", "an", "i")
WORDS = ["pemerintah", "daerah", "warga", "pasar", "harga", "kebijakan", "anggaran", "sekolah", "jalan", "banjir", "petani", "nelayan", "rumah", "sakit", "program", "bantuan", "desa", "kota", "provinsi", "menteri", "gubernur", "bupati", "polisi", "pengadilan", "saksi", "proyek"]
TARGET_SHARE = 0.10
#: Runs of one kind further apart than this (slowest / fastest - 1) make an A/B share unreliable.
NOISY = 0.15


class _TimedConnection:
    """The store's SQLite connection, adding the time of each statement and commit to `seconds` (a cursor
    read after `execute` returns is not counted: the near-copy lookup's rows, a few per record)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self.seconds = 0.0

    def execute(self, *args):
        started = time.perf_counter()
        try:
            return self._db.execute(*args)
        finally:
            self.seconds += time.perf_counter() - started

    def commit(self) -> None:
        started = time.perf_counter()
        try:
            self._db.commit()
        finally:
            self.seconds += time.perf_counter() - started

    def __getattr__(self, name: str):
        return getattr(self._db, name)


class TimedStorePipeline(StorePipeline):
    """The store pipeline, adding the wall time of its own work in the crawl's process to the crawl's stats:
    checking the store and starting the writer process, waiting for it to be ready, encoding each item and
    reading its answer, the checkpoint at the end. The writer's own work runs in its process beside the
    crawl (the A/B runs measure what that costs the crawl on this machine)."""

    def __init__(self, crawler) -> None:
        started = time.perf_counter()
        super().__init__(crawler)
        self.stats.inc_value("bench/store_seconds", time.perf_counter() - started)

    def _timed(self, function, *args):
        started = time.perf_counter()
        try:
            return function(*args)
        finally:
            self.stats.inc_value("bench/store_seconds", time.perf_counter() - started)

    def _encoded(self, item: dict) -> bytes:
        return self._timed(super()._encoded, item)

    def _answered(self, item: dict, answer: dict) -> dict:
        return self._timed(super()._answered, item, answer)

    async def open_spider(self) -> None:
        started = time.perf_counter()
        await super().open_spider()
        self.stats.inc_value("bench/store_seconds", time.perf_counter() - started)

    async def close_spider(self) -> None:
        started = time.perf_counter()
        await super().close_spider()
        self.stats.inc_value("bench/store_seconds", time.perf_counter() - started)


#: The crawl's pipelines with the store's replaced by the timed one (importable as bench.crawl: ROOT is on
#: the crawl's PYTHONPATH).
TIMED_PIPELINES = json.dumps({("bench.crawl.TimedStorePipeline" if path == "crawler.pipelines.StorePipeline" else path):
                              order for path, order in ITEM_PIPELINES.items()})
STATS = re.compile(r"Dumping Scrapy stats:\n(\{.*?\})\n", re.S)


class BenchError(SystemExit):
    def __init__(self, message: str) -> None:
        super().__init__(f"bench stopped: {message}")


def synthetic_page(n: int) -> tuple[str, str]:
    url = f"http://www.medcom.id/nasional/daerah/Syn{n:05d}x-artikel-sintetis-nomor-{n}"
    rng = random.Random(n)  # every page its own text, as real articles are (near-copies are rare)
    words = [rng.choice(WORDS) + rng.choice(SUFFIXES) for _ in range(400)]
    paragraphs = [("p", f"Jakarta: Artikel sintetis nomor {n} untuk pengukuran. " + " ".join(words[i:i + 40]) + ".")
                  for i in range(0, 400, 40)]
    page = Page(f"syn{n}", url, f"Artikel Sintetis Nomor {n} untuk Pengukuran Kecepatan", paragraphs,
                authors=["Penulis Sintetis"], date_text=f"{1 + n % 28} November 2024 10:{n % 60:02d}",
                caption="Ilustrasi. Medcom.id.", image="http://cdn.medcom.id/x.jpg")
    return url, medcom(page)


def build_mirror(root: Path, count: int) -> list[str]:
    from urllib.parse import urlsplit

    urls = []
    for n in range(count):
        url, html = synthetic_page(n)
        parts = urlsplit(url)
        target = mirror_path(root, parts.hostname, parts.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        urls.append(url)
    (root / "www.medcom.id" / "robots.txt").write_text("User-agent: *\nDisallow:\n")
    return urls


def start_mirror(work: Path, count: int, rounds: int):
    """The synthetic mirror of `count` pages under work/sites, served on 127.0.0.1 (said on the output),
    and the file listing its article URLs: (server, url file)."""
    urls = build_mirror(work / "sites", count)
    url_file = work / "urls.txt"
    url_file.write_text("\n".join(urls) + "\n")
    server = serve([work / "sites"])
    print(f"mirror: {count} synthetic medcom article pages at {server.url}; {rounds} rounds\n")
    return server, url_file


def crawl_command(mirror_url: str, url_file: Path, *settings: str) -> list[str]:
    command = [sys.executable, "-m", "scrapy", "crawl", "medcom", "-s", f"MIRROR_URL={mirror_url}", *FAST]
    for setting in settings:
        command += ["-s", setting]
    return command + ["-a", f"url_file={url_file}"]


def scrapy_stats(log: str) -> dict:
    found = STATS.search(log)
    if not found:
        raise BenchError(f"a crawl logged no closing stats:\n{log[-1500:]}")
    # The stats are a printed dict whose datetimes are not literals; only the counters are needed.
    text = re.sub(r"datetime\.datetime\([^)]*\)", "None", found.group(1))
    return ast.literal_eval(text)


def timed(commands: list[list[str]], label: str) -> tuple[float, float, list[dict]]:
    """Wall seconds and CPU seconds of processes run together, and their Scrapy stats; checks exit status."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    processes = [subprocess.Popen(c, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                 for c in commands]
    logs = []
    for process in processes:
        _, err = process.communicate()
        if process.returncode:
            raise BenchError(f"{label}: a crawl exited {process.returncode}:\n{err[-1500:]}")
        logs.append(err)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    stats = [scrapy_stats(log) for log in logs]
    errors = sum(s.get("log_count/ERROR", 0) for s in stats)
    if errors:
        raise BenchError(f"{label}: {errors} ERROR log lines:\n"
                         + "\n".join(line for log in logs for line in log.splitlines() if "ERROR" in line)[:1500])
    return seconds, cpu, stats


def check_store(path: Path, expected: int, label: str) -> None:
    if not path.exists():
        raise BenchError(f"{label}: no store at {path}")
    with ArticleStore(path, readonly=True) as store:
        total = dict(store.counts()["total"])
    if total["articles"] != expected or total["duplicates"]:
        raise BenchError(f"{label}: the store holds {total['articles']} articles ({total['duplicates']} marked "
                         f"duplicates) for {expected} distinct pages")


def spread(values: list[float], digits: int = 1, scale: float = 1.0) -> str:
    values = [v * scale for v in values]
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f} to {max(values):.{digits}f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", default=str(ROOT / "bench" / "results" / "crawl.json"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="saring-crawlbench-"))
    n = args.articles
    results: dict = {"articles": n, "rounds": args.rounds}
    server = None
    redis_process = None
    try:
        server, url_file = start_mirror(work, n, args.rounds)

        runs: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
        inside: list[float] = []  # the store's time / the crawl's, measured inside each crawl with the store
        last_db = None
        for r in range(args.rounds):
            for kind in (("without", "with") if r % 2 == 0 else ("with", "without")):
                label = f"round {r + 1}, {kind} store"
                db = work / f"one{r}.db"
                settings = [f"SARING_DB={db}", f"ITEM_PIPELINES={TIMED_PIPELINES}"] if kind == "with" else ["SARING_DB="]
                seconds, cpu, (stats,) = timed([crawl_command(server.url, url_file, *settings)], label)
                if stats.get("item_scraped_count") != n:
                    raise BenchError(f"{label}: {stats.get('item_scraped_count')} items scraped for {n} articles")
                if kind == "with":
                    check_store(db, n, label)
                    last_db = db
                    inside.append(stats["bench/store_seconds"] / stats["elapsed_time_seconds"])
                runs[kind].append((seconds, cpu))
            print(f"round {r + 1}: without store {runs['without'][-1][0]:.1f} s, with store {runs['with'][-1][0]:.1f} s")
        wall = {k: [s for s, _ in v] for k, v in runs.items()}
        cpu = {k: [c for _, c in v] for k, v in runs.items()}
        shares = [w / wo - 1 for w, wo in zip(wall["with"], wall["without"], strict=True)]
        cpu_shares = [w / wo - 1 for w, wo in zip(cpu["with"], cpu["without"], strict=True)]
        share = statistics.median(wall["with"]) / statistics.median(wall["without"]) - 1
        results.update(wall=wall, cpu=cpu, store_share=share, store_share_per_round=shares, cpu_share_per_round=cpu_shares)
        print(f"\none process, without store   {spread([n / s for s in wall['without']])} articles/s "
              f"(median, min to max; {statistics.median(wall['without']):.1f} s)")
        print(f"one process, with store      {spread([n / s for s in wall['with']])} articles/s "
              f"({statistics.median(wall['with']):.1f} s)")
        print(f"store share of wall time     {100 * share:+.1f} % of the medians; per round {spread(shares, 1, 100)} %")
        cpu_share = statistics.median(cpu["with"]) / statistics.median(cpu["without"]) - 1
        print(f"store share of CPU time      {100 * cpu_share:+.1f} % of the medians; per round {spread(cpu_shares, 1, 100)} %")
        print(f"store share inside the crawl {spread(inside, 1, 100)} % (the store's wall time in the crawl's process "
              f"/ the crawl's; the writer process works beside it)")
        noise = max(max(v) / min(v) - 1 for v in wall.values())
        reliable = noise <= NOISY
        if not reliable:
            print(f"NOISY: runs of one kind differ by up to {100 * noise:.0f} % (other load on the machine): the A/B "
                  f"share is not reliable (the share inside the crawl's process leaves out the writer process)")
        results.update(cpu_share=cpu_share, store_share_inside=inside, noise=noise, ab_reliable=reliable)

        binary = shutil.which("redis-server")
        if binary:
            port = free_port()
            redis_process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                              "--appendonly", "no", "--dir", str(work)], stdout=subprocess.DEVNULL)
            time.sleep(0.5)
            twos = []
            for r in range(2):
                redis_url = f"redis://127.0.0.1:{port}/{r}"  # a fresh database (frontier) per round
                # Both processes get the same URL list; the shared Redis dupefilter splits it between them.
                commands = [crawl_command(server.url, url_file, f"REDIS_URL={redis_url}", "SARING_DB=")
                            for _ in range(2)]
                seconds, _, stats = timed(commands, f"two processes, round {r + 1}")
                scraped = sum(s.get("item_scraped_count", 0) for s in stats)
                if scraped != n:
                    raise BenchError(f"two processes, round {r + 1}: {scraped} items scraped for {n} articles")
                twos.append(seconds)
            started = time.perf_counter()
            ingest = subprocess.run([sys.executable, "-m", "crawler.cli", "ingest", "--redis", redis_url, "--db",
                                     str(work / "two.db")], cwd=ROOT, env=ENV, capture_output=True, text=True)
            ingest_s = time.perf_counter() - started
            if ingest.returncode:
                raise BenchError(f"saring ingest exited {ingest.returncode}:\n{ingest.stderr[-1500:]}")
            check_store(work / "two.db", n, "saring ingest")
            two = statistics.median(twos)
            reference = statistics.median(wall["without"])
            # Neither writes SQLite during the crawl, so the fair reference is one process without the store.
            results.update(two_process_s=twos, two_vs_one=reference / two, ingest_seconds=ingest_s)
            print(f"\ntwo processes, Redis frontier {spread([n / s for s in twos])} articles/s, {reference / two:.2f}x "
                  f"one process without store; all {n} stored once by saring ingest ({ingest_s:.1f} s)")
        else:
            print("\ntwo processes: skipped (no redis-server)")

        with ArticleStore(last_db, readonly=True) as source:
            records = list(source.export())
        costs = {}
        sqlite_alone = 0.0
        for name, batched in (("put_batched (as the crawl)", True), ("put, commit per record", False)):
            path = work / f"rate-{batched}.db"
            started = time.perf_counter()
            with ArticleStore(path) as store:
                if batched:
                    store.db = timed_db = _TimedConnection(store.db)
                put = store.put_batched if batched else store.put
                for record in records:
                    put(record)
                if batched:
                    sqlite_alone = timed_db.seconds / len(records)
            costs[name] = (time.perf_counter() - started) / len(records)
            check_store(path, n, name)
        store_fingerprint._WORD_DIGESTS.clear()  # as a crawl starts: no word hashed yet
        started = time.perf_counter()
        for record in records:
            store_db.body_fingerprint(record.get("body") or "")
        fingerprint_alone = (time.perf_counter() - started) / len(records)
        per_article = statistics.median(wall["without"]) / n
        results["store_ms_per_record"] = {k: v * 1000 for k, v in costs.items()}
        print()
        for name, cost in costs.items():
            print(f"store alone, {name:<27} {cost * 1000:6.2f} ms per record ({1 / cost:7.1f} records/s)")
        alone = costs["put_batched (as the crawl)"]
        print(f"  put_batched alone: fingerprint {fingerprint_alone * 1000:.2f} ms (timed apart), SQLite statements "
              f"{sqlite_alone * 1000:.2f}, the rest {(alone - fingerprint_alone - sqlite_alone) * 1000:.2f} (the "
              f"writer process's work per record)")
        results["store_ms_alone"] = {"": alone * 1000, "fingerprint_": fingerprint_alone * 1000,
                                     "sqlite_": sqlite_alone * 1000}
        estimate = costs["put_batched (as the crawl)"] / per_article
        print(f"  = {100 * estimate:.1f} % of a crawled article's time without store ({per_article * 1000:.1f} ms)")
        results["store_share_estimate"] = estimate

        inside_share = statistics.median(inside)
        print("\ntargets:")
        targets = []
        # The share inside the crawl's process leaves out the writer process working beside it: shown, not
        # a target (it was one while the store was written in the crawl's process).
        print(f"  (not a target: the store's time in the crawl's process, {100 * inside_share:.1f} % of its wall time)")
        for label, value, note in (
                ("store share of crawl wall time <= 10%, A/B runs", share,
                 "medians" + ("" if reliable else "; NOISY, not reliable")),):
            met = value <= TARGET_SHARE
            print(f"  [{'met' if met else 'NOT MET':>7}] {label}: {100 * value:+.1f} % ({note})")
            targets.append({"target": label, "met": met, "detail": f"{100 * value:+.1f} % ({note})"})
        results["targets"] = targets
    finally:
        if server:
            server.shutdown()
            server.server_close()
        if redis_process:
            redis_process.terminate()
            redis_process.wait()
        shutil.rmtree(work, ignore_errors=True)
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1))
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
