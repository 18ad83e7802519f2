"""Crawl throughput: one process, two processes sharing a Redis frontier, and the store's cost.

Generates a mirror of --articles (default 2,000) clearly synthetic article pages in the medcom template
(tools/family_pages.py), crawled through `-a url_file=` (the same list for every process), serves it on 127.0.0.1, and measures with politeness
limits lifted (for this bench only: no delay, no AutoThrottle, 16 requests per domain):
  - articles/second of one `scrapy crawl medcom` process with the store, and without it (the store's share
    of wall time);
  - articles/second of two processes sharing a Redis frontier (needs redis-server), items drained into the
    store by `saring ingest`;
  - the store's write rate (records/second through ArticleStore.put).

    .venv/bin/python bench/crawl.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "testing" / "builders"))  # the page generators import each other by name

from family_pages import Page, medcom  # noqa: E402

from crawler.store import ArticleStore  # noqa: E402
from testing.mirror import free_port, mirror_path, serve  # noqa: E402

ENV = dict(os.environ, PYTHONPATH=str(ROOT))
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
        "-s", "CONCURRENT_REQUESTS=32", "-s", "LOG_LEVEL=WARNING"]
SUFFIXES = ("", "nya", "kan", "lah", "an", "i")
WORDS = ["pemerintah", "daerah", "warga", "pasar", "harga", "kebijakan", "anggaran", "sekolah", "jalan", "banjir", "petani", "nelayan", "rumah", "sakit", "program", "bantuan", "desa", "kota", "provinsi", "menteri", "gubernur", "bupati", "polisi", "pengadilan", "saksi", "proyek"]


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


def crawl_command(mirror_url: str, url_file: Path, *settings: str) -> list[str]:
    command = [sys.executable, "-m", "scrapy", "crawl", "medcom", "-s", f"MIRROR_URL={mirror_url}", *FAST]
    for setting in settings:
        command += ["-s", setting]
    return command + ["-a", f"url_file={url_file}"]


def timed(commands: list[list[str]]) -> float:
    started = time.perf_counter()
    processes = [subprocess.Popen(c, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                 for c in commands]
    for process in processes:
        _, err = process.communicate()
        if process.returncode:
            raise SystemExit(f"crawl failed:\n{err[-2000:]}")
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--json", default=str(ROOT / "bench" / "results" / "crawl.json"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="saring-crawlbench-"))
    results: dict = {"articles": args.articles}
    server = None
    redis_process = None
    try:
        urls = build_mirror(work / "sites", args.articles)
        url_file = work / "urls.txt"
        url_file.write_text("\n".join(urls) + "\n")
        server = serve(work / "sites")
        print(f"mirror: {args.articles} synthetic medcom article pages at {server.url}\n")

        def one(*settings: str) -> float:
            return timed([crawl_command(server.url, url_file, *settings)])

        # Alternate the runs (without, with, with, without) so that neither pays the cold caches alone.
        runs: dict[str, list[float]] = {"with": [], "without": []}
        for n, kind in enumerate(("without", "with", "with", "without")):
            store = f"SARING_DB={work / f'one{n}.db'}" if kind == "with" else "SARING_DB="
            runs[kind].append(one(store))
        with_store, without_store = (sum(runs[k]) / len(runs[k]) for k in ("with", "without"))
        results.update(one_process_aps=args.articles / with_store, one_process_no_store_aps=args.articles / without_store,
                       store_share=(with_store - without_store) / without_store, runs=runs)
        print(f"one process, with store      {args.articles / with_store:8.1f} articles/s (mean of 2 runs, {with_store:.1f} s)")
        print(f"one process, without store   {args.articles / without_store:8.1f} articles/s (mean of 2 runs, "
              f"{without_store:.1f} s)")
        print(f"store share of wall time      {100 * (with_store - without_store) / without_store:+8.1f} %")

        binary = shutil.which("redis-server")
        if binary:
            port = free_port()
            redis_process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                              "--appendonly", "no", "--dir", str(work)], stdout=subprocess.DEVNULL)
            time.sleep(0.5)
            # Both processes get the same URL list; the shared Redis dupefilter splits it between them.
            twos = []
            for n in range(2):
                redis_url = f"redis://127.0.0.1:{port}/{n}"  # a fresh database (frontier) per round
                commands = [crawl_command(server.url, url_file, f"REDIS_URL={redis_url}", "SARING_DB=")
                            for _ in range(2)]
                twos.append(timed(commands))
            two = sum(twos) / len(twos)
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "crawler.cli", "ingest", "--redis", redis_url, "--db",
                            str(work / "two.db")], cwd=ROOT, env=ENV, check=True, capture_output=True)
            ingest = time.perf_counter() - started
            with ArticleStore(work / "two.db", readonly=True) as store:
                stored = store.counts()["total"][0][1]
            # Neither writes SQLite during the crawl, so the fair reference is one process without the store.
            results.update(two_process_aps=args.articles / two, two_vs_one=without_store / two,
                           ingest_seconds=ingest, stored=stored)
            print(f"two processes, Redis frontier {args.articles / two:8.1f} articles/s (mean of 2 runs, {two:.1f} s), "
                  f"{without_store / two:.2f}x one process without store; {stored} stored once each by "
                  f"saring ingest ({ingest:.1f} s)")
        else:
            print("two processes: skipped (no redis-server)")

        with ArticleStore(work / "one1.db", readonly=True) as source:
            records = list(source.export())
        started = time.perf_counter()
        with ArticleStore(work / "rate.db") as store:
            for record in records:
                store.put(record)
        rate = len(records) / (time.perf_counter() - started)
        results["store_writes_per_s"] = rate
        print(f"store write rate              {rate:8.1f} records/s (commit per record)")
    finally:
        if server:
            server.shutdown()
            server.server_close()
        if redis_process:
            redis_process.terminate()
        shutil.rmtree(work, ignore_errors=True)
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1))
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
