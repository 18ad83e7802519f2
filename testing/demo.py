"""`make demo`: crawl the offline mirror with every family's spider and summarise what came out.

Starts the mirror on a free 127.0.0.1 port, runs `scrapy crawl` for each family's spider (its latest
articles) and a `-a urls=` crawl of every shared fixture page the feeds do not list, writes
out/articles.jsonl, prints a per-site summary, checks the five fixture articles against their expected
bodies, and stops the mirror.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from collections import Counter

from cleaners.sites import PROFILES

from .fixtures import ROOT, site_fixtures, text_fixtures
from .mirror import serve

OUT = ROOT / "out"


def squeeze(body: str | list[str]) -> list[str]:
    parts = body if isinstance(body, list) else body.split("\n\n")
    return [" ".join(p.split()) for p in parts]


def main() -> int:
    OUT.mkdir(exist_ok=True)
    expected = {e["stem"]: e for e in text_fixtures()}
    store = OUT / "articles.db"
    for leftover in (store, store.with_name("articles.db-wal"), store.with_name("articles.db-shm")):
        leftover.unlink(missing_ok=True)  # a demo crawls everything again
    server = serve()
    print(f"mirror of the fixture sites at {server.url}")
    records: list[dict] = []
    stats_by_site: dict[str, Counter] = {}
    runs = itertools.count()

    def crawl(spider: str, *args: str) -> None:
        n = next(runs)
        out, stats_file = OUT / f".{n}-{spider}.jsonl", OUT / f".{n}-{spider}.stats.json"
        command = [sys.executable, "-m", "scrapy", "crawl", spider, "-O", str(out),
                   "-s", f"MIRROR_URL={server.url}", "-s", f"SARING_STATS_FILE={stats_file}",
                   "-s", "LOG_LEVEL=WARNING", "-s", "DOWNLOAD_DELAY=0.1", "-s", f"SARING_DB={store}"]
        for arg in args:
            command += ["-a", arg]
        print(f"$ scrapy crawl {spider} {' '.join('-a ' + a for a in args)}".rstrip(), flush=True)
        subprocess.run(command, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True)
        records.extend(json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
        stats = json.loads(stats_file.read_text())
        stats_by_site.setdefault(spider, Counter()).update(
            {k: v for k, v in stats.items() if k.startswith("saring/") and isinstance(v, int)})
        out.unlink()
        stats_file.unlink()

    def found(exp: dict) -> dict | None:
        return next((r for r in records if squeeze(r["body"]) == squeeze(exp["body"])), None)

    try:
        for profile in PROFILES:  # each family's spider has the family's name
            crawl(profile.name)
        # A shared fixture page that no feed lists (its URL names page 2, say) is crawled by its URL.
        for fixture in site_fixtures():
            exp = expected.get((fixture.text_fixture or "").removesuffix(".txt"))
            if exp and fixture.mirror_urls and not found(exp):
                crawl(fixture.family, f"urls={fixture.mirror_urls[0]}")
    finally:
        server.shutdown()
        server.server_close()
    articles = OUT / "articles.jsonl"
    with articles.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"\nwrote {len(records)} records to {articles.relative_to(ROOT)}\n")
    print(f"{'site':<12}{'articles':>9}{'pages':>7}  {'extractor paths':<28}{'languages':<12}{'fallbacks':>9}")
    for site in sorted({r["site"] or "generic" for r in records}):
        mine = [r for r in records if (r["site"] or "generic") == site]
        paths = Counter(r["extractor"] for r in mine)
        languages = Counter(r["language"] for r in mine)
        fallbacks = sum(s.get(f"saring/fallbacks/{site}", 0) for s in stats_by_site.values())
        print(f"{site:<12}{len(mine):>9}{sum(r['pages'] for r in mine):>7}  "
              f"{', '.join(f'{k} {v}' for k, v in paths.items()):<28}"
              f"{', '.join(f'{k} {v}' for k, v in languages.items()):<12}{fallbacks:>9}")
    print("\nthe five fixture articles:")
    failures = 0
    for stem, exp in expected.items():
        match = found(exp)
        failures += match is None
        print(f"  {'ok  ' if match else 'FAIL'} {stem}  {exp['title'][:70]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
