"""What the known-articles lookups cost a crawl with the store: one `scrapy crawl medcom` process on the
synthetic mirror of bench/crawl.py (with its politeness limits lifted), in three kinds, interleaved in
--rounds rounds (default 6; round r runs the kinds in the r-th of their six orders, so that each kind
comes first, last and after each other kind equally often in every six rounds):

  - "store": the crawl's own pipelines and middlewares (the writer process stores; KnownArticlesMiddleware asks the store,
    per article request, whether it already holds the article);
  - "store, no lookups": the same, but the middleware is replaced by `StoreOpenedOnly`, which opens the
    store as the middleware does and asks nothing (every article is new to the store here, so the records
    are the same);
  - "no store" (`SARING_DB=`).

Every crawl must exit 0 with one item per article and no ERROR line, and a store must hold every article
once; otherwise the bench stops and says why. Prints wall and CPU seconds (the crawl's process and the
writer process) with medians and min-max, and each kind's share over the same round's "no store" run. No
target: it splits the lookups' part out of a store run like bench/crawl.py's (the plain StorePipeline here).

    .venv/bin/python bench/crawl_known.py [--articles 1000] [--rounds 6]

The crawl loads `StoreOpenedOnly` from this module, so the module imports only what the middleware needs
at its top (bench.crawl, with the page generators, is imported in `main`).
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.settings import DOWNLOADER_MIDDLEWARES  # noqa: E402
from crawler.store.known import KnownArticlesMiddleware  # noqa: E402

KNOWN = "crawler.store.known.KnownArticlesMiddleware"


class StoreOpenedOnly(KnownArticlesMiddleware):
    """KnownArticlesMiddleware that opens the store (its read-only connection stays open, as the real one's
    does) but never asks it about a request."""

    def process_request(self, request) -> None:
        self.store  # noqa: B018 - opened as the real middleware opens it


NO_LOOKUPS = json.dumps({**DOWNLOADER_MIDDLEWARES, KNOWN: None,
                         "bench.crawl_known.StoreOpenedOnly": DOWNLOADER_MIDDLEWARES[KNOWN]})
KINDS = ("store", "store, no lookups", "no store")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    if args.rounds < 1 or args.articles < 1:
        parser.error("--rounds and --articles must be at least 1")
    from bench.crawl import BenchError, check_store, crawl_command, spread, start_mirror, timed

    orders = list(itertools.permutations(KINDS))
    work = Path(tempfile.mkdtemp(prefix="saring-knownbench-"))
    n = args.articles
    server = None
    try:
        server, url_file = start_mirror(work, n, args.rounds)
        runs: dict[str, list[tuple[float, float]]] = {kind: [] for kind in KINDS}
        for r in range(args.rounds):
            for kind in orders[r % len(orders)]:
                label = f"round {r + 1}, {kind}"
                db = work / f"r{r}-{KINDS.index(kind)}.db"
                settings = {"store": [f"SARING_DB={db}"],
                            "store, no lookups": [f"SARING_DB={db}", f"DOWNLOADER_MIDDLEWARES={NO_LOOKUPS}"],
                            "no store": ["SARING_DB="]}[kind]
                seconds, cpu, (stats,) = timed([crawl_command(server.url, url_file, *settings)], label)
                if stats.get("item_scraped_count") != n:
                    raise BenchError(f"{label}: {stats.get('item_scraped_count')} items scraped for {n} articles")
                if kind != "no store":
                    check_store(db, n, label)
                runs[kind].append((seconds, cpu))
            print(f"round {r + 1}: " + ", ".join(f"{k} {runs[k][-1][0]:.1f} s ({runs[k][-1][1]:.1f} s CPU)"
                                                 for k in KINDS))
        base = runs["no store"]
        print(f"\n{'':<20}{'wall s':>26}{'CPU s':>26}{'wall share/round':>28}{'CPU share/round':>28}")
        for kind in KINDS:
            wall = [s for s, _ in runs[kind]]
            cpu = [c for _, c in runs[kind]]
            wall_share = [100 * (s / b - 1) for (s, _), (b, _) in zip(runs[kind], base, strict=True)]
            cpu_share = [100 * (c / b - 1) for (_, c), (_, b) in zip(runs[kind], base, strict=True)]
            if kind == "no store":
                print(f"{kind:<20}{spread(wall, 2):>26}{spread(cpu, 2):>26}{'-':>28}{'-':>28}")
            else:
                print(f"{kind:<20}{spread(wall, 2):>26}{spread(cpu, 2):>26}{spread(wall_share):>28}"
                      f"{spread(cpu_share):>28}")
    finally:
        if server is not None:
            server.shutdown()
            server.server_close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
