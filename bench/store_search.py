"""Bench (not a test): full-text search and export on an article store of 10,000 records.

    .venv/bin/python bench/store_search.py [--records 10000] [--keep DIR]

Builds a store of synthetic articles (paragraphs of the project's fixture articles, shuffled and mixed with
generated sentences, so bodies differ; five sites, a year of dates), then times:

- storing them (`ArticleStore.put_batched`) with and without the FTS triggers, and building the index from
  scratch on open, as an older store gets it;
- `crawler.store.search.search` in-process (median of 5) for several kinds of query, and the `saring search`
  command (median of 3, Python start-up included);
- `saring export` to JSONL, CSV and Parquet (median of 3), with the file sizes;
- `saring report` on the same store, once.

Prints a markdown table and writes bench/results/store_search.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
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

from crawler.store import ArticleStore  # noqa: E402
from crawler.store.search import ensure_index, search  # noqa: E402
from testing.fixtures import site_fixtures, text_fixtures  # noqa: E402

SARING = [sys.executable, "-m", "crawler.cli"]
ENV = dict(os.environ, PYTHONPATH=str(ROOT))
SITES = ("tribunnews", "medcom", "kompastv", "jatimtimes", None)
_VOCABULARY = ("pemerintah daerah warga kota desa jalan banjir hujan harga pasar sekolah rumah sakit polisi presiden menteri "
         "partai pemilu kampanye debat calon ekonomi inflasi rupiah bank ekspor impor petani nelayan pelabuhan bandara "
         "kereta tol jembatan gempa longsor festival budaya musik sepak bola liga klub pelatih pemain gol stadion "
         "korupsi sidang hakim jaksa saksi tersangka bantuan sosial anggaran proyek investasi teknologi digital")
WORDS = _VOCABULARY.split()

QUERIES = (
    ("common word", "pemerintah", {}),
    ("rare word", "arjuno", {}),
    ("two words (AND)", "harga cabai", {}),
    ("phrase", '"korea utara"', {}),
    ("prefix", "korup*", {}),
    ("plain text, not FTS syntax", "Rusia-Korea", {}),
    ("word + --site", "pemerintah", {"site": "medcom"}),
    ("word + month window", "banjir", {"since": "2024-06-01", "until": "2024-06-30"}),
)


def corpus() -> tuple[list[str], list[str]]:
    paragraphs, titles = [], []
    for fixture in text_fixtures():
        paragraphs += fixture["body"]
        titles.append(fixture["title"])
    for fixture in site_fixtures():
        body = fixture.expected.get("body") or []
        paragraphs += body if isinstance(body, list) else body.split("\n\n")
        if fixture.expected.get("title"):
            titles.append(fixture.expected["title"])
    return [p for p in paragraphs if len(p) > 40], titles


def records(count: int, seed: int = 13):
    rng = random.Random(seed)
    paragraphs, titles = corpus()
    for n in range(count):
        site = rng.choice(SITES)
        day = 1 + rng.randrange(365)
        date = time.strftime("%Y-%m-%d", time.gmtime(time.mktime((2024, 1, 1, 12, 0, 0, 0, 0, 0)) + day * 86400))
        hour, minute = rng.randrange(24), rng.randrange(60)
        body = rng.sample(paragraphs, rng.randint(3, 8))
        for _ in range(rng.randint(3, 8)):  # paragraphs of their own: no two bodies are copies
            body.insert(rng.randrange(len(body) + 1),
                        " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60))).capitalize() + ".")
        title = f"{rng.choice(titles)} ({n})"
        url = f"https://{site or 'contoh-berita'}.example/{date.replace('-', '/')}/artikel-{n}"
        yield {"url": url, "canonical_url": url, "site": site, "title": title,
               "summary": body[0][:160] if rng.random() < 0.5 else None,
               "authors": [f"Penulis {rng.randrange(40)}"], "editors": [f"Editor {rng.randrange(10)}"] if site else [],
               "published": f"{date}T{hour:02d}:{minute:02d}:00+07:00" if rng.random() < 0.9 else date,
               "updated": None, "section": rng.choice(("nasional", "regional", "ekonomi", "olahraga")),
               "tags": rng.sample(WORDS, rng.randint(0, 4)), "image_url": None,
               "image_caption": "Foto ilustrasi." if rng.random() < 0.6 else None, "source": None, "language": "id",
               "body": "\n\n".join(body), "pages": 1,
               "extractor": ("generic" if site is None or rng.random() < 0.03 else f"profile:{site}"),
               "warnings": [], "fetched_at": "2025-01-01T00:00:00+00:00", "http_status": 200}


def timed(function, rounds: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def command(*args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([*SARING, *args], capture_output=True, text=True, env=ENV, cwd=ROOT)
    if result.returncode not in (0, 1):
        raise SystemExit(f"saring {' '.join(args)} failed: {result.stderr[-2000:]}")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--keep", metavar="DIR", help="keep the store and the exports here")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="saring-bench-store-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "articles.db"
    for leftover in work.glob("articles.db*"):
        leftover.unlink()
    results: dict[str, object] = {"records": args.records, "sqlite": sqlite3.sqlite_version}
    print(f"store of {args.records:,} synthetic records in {db}", flush=True)

    # The index's cost on writes: the same records into a store without its triggers, then with them.
    bare = work / "bare.db"
    with ArticleStore(bare) as store:
        store.db.executescript("DROP TRIGGER articles_fts_insert; DROP TRIGGER articles_fts_delete; "
                               "DROP TRIGGER articles_fts_update;")
        start = time.perf_counter()
        for record in records(args.records):
            store.put_batched(record)
    results["store_without_index_seconds"] = round(time.perf_counter() - start, 2)
    for leftover in work.glob("bare.db*"):
        leftover.unlink()
    with ArticleStore(db) as store:
        start = time.perf_counter()
        for record in records(args.records):
            store.put_batched(record)
    results["store_seconds"] = round(time.perf_counter() - start, 2)
    results["store_bytes"] = sum(p.stat().st_size for p in work.glob("articles.db*"))

    # An older store: no index. Opening it for writing builds the index once.
    connection = sqlite3.connect(db)
    connection.executescript("DROP TRIGGER articles_fts_insert; DROP TRIGGER articles_fts_delete; "
                             "DROP TRIGGER articles_fts_update; DROP TABLE articles_fts; DROP VIEW records; VACUUM;")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    without = db.stat().st_size
    start = time.perf_counter()
    assert ensure_index(connection)
    results["index_build_seconds"] = round(time.perf_counter() - start, 2)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("VACUUM")
    connection.close()
    results["index_bytes"] = db.stat().st_size - without

    reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    searches = []
    for label, query, filters in QUERIES:
        seconds, hits = timed(lambda q=query, f=filters: search(reader, q, limit=20, **f), 5)
        total = len(search(reader, query, limit=1_000_000, **filters))
        cli, _ = timed(lambda q=query, f=filters: command("search", str(db), q, "--format", "jsonl",
                                                          *[x for k, v in f.items() for x in (f"--{k}", v)]), 3)
        searches.append({"query": label, "text": query, **filters, "matches": total, "top20_ms": round(seconds * 1000, 1),
                         "cli_s": round(cli, 2)})
    reader.close()
    results["search"] = searches

    exports = []
    for kind in ("jsonl", "csv", "parquet"):
        out = work / f"articles.{kind}"
        seconds, _ = timed(lambda o=out: command("export", str(db), "-o", str(o)), 3)
        exports.append({"format": kind, "seconds": round(seconds, 2), "bytes": out.stat().st_size,
                        "records_per_s": round(args.records / seconds)})
    results["export"] = exports

    start = time.perf_counter()
    command("report", str(db), "-o", str(work / "report.html"))
    results["report_seconds"] = round(time.perf_counter() - start, 2)

    print(f"\nstore: {results['store_seconds']} s to store {args.records:,} records "
          f"({args.records / results['store_seconds']:,.0f}/s, FTS triggers included; "
          f"{results['store_without_index_seconds']} s without them); "
          f"index built from scratch on open: {results['index_build_seconds']} s; "
          f"index size {results['index_bytes'] / 2**20:.1f} MiB of {results['store_bytes'] / 2**20:.1f} MiB\n")
    print("| query | matches | top 20, in-process | `saring search` (with start-up) |")
    print("|---|---:|---:|---:|")
    for s in searches:
        extra = " ".join(f"--{k} {v}" for k, v in s.items() if k in ("site", "since", "until"))
        print(f"| {s['query']}: `{s['text']}` {extra} | {s['matches']:,} | {s['top20_ms']} ms | {s['cli_s']} s |")
    print("\n| export | seconds | records/s | size |")
    print("|---|---:|---:|---:|")
    for e in exports:
        print(f"| {e['format']} | {e['seconds']} | {e['records_per_s']:,} | {e['bytes'] / 2**20:.1f} MiB |")
    print(f"\nsaring report on the store: {results['report_seconds']} s")
    out = ROOT / "bench" / "results" / "store_search.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"wrote {out}")
    if not args.keep:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
