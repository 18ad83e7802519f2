"""Accuracy of Saring's HTML path against trafilatura, measured in the same run.

Datasets:
  fixtures  fixtures/html/*.html with fixtures/expected/<stem>.json (gold: the expected body)
  zyte      ../shared/bench/zyte (181 real pages; gold: ground-truth.json articleBody)

Metric (as the Zyte article-extraction benchmark defines it): tokens are Unicode \\w+ runs; shingles are 4
consecutive tokens counted as a multiset; per page precision = |out & gold| / |out| and recall =
|out & gold| / |gold|; precision is averaged over pages with non-empty output, recall over all pages;
F1 = 2PR / (P + R). Also reports pages/second of each extractor (parsing included).

    .venv/bin/python bench/accuracy.py [--json bench/results/accuracy.json] [--dataset zyte|fixtures|all]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaners import clean_html  # noqa: E402
from cleaners.html import clean_html_generic  # noqa: E402

ZYTE = ROOT.parent / "shared" / "bench" / "zyte"
TOKEN = re.compile(r"\w+")


@dataclass
class Page:
    id: str
    url: str | None
    html: str
    gold: str


def shingles(text: str, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def page_scores(out: str, gold: str) -> tuple[float | None, float]:
    o, g = shingles(out), shingles(gold)
    common = sum((o & g).values())
    precision = common / sum(o.values()) if o else None
    recall = common / sum(g.values()) if g else (1.0 if not o else 0.0)
    return precision, recall


def load_zyte() -> list[Page]:
    truth = json.loads((ZYTE / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        raw = gzip.decompress((ZYTE / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(Page(page_id, item.get("url"), raw.decode("utf-8", "replace"), item["articleBody"]))
    return pages


def load_fixtures() -> list[Page]:
    pages = []
    for html_path in sorted((ROOT / "fixtures" / "html").glob("*.html")):
        expected_path = ROOT / "fixtures" / "expected" / f"{html_path.stem}.json"
        if not expected_path.exists():
            continue
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        pages.append(Page(html_path.stem, expected.get("url"), html_path.read_text(encoding="utf-8"),
                          "\n\n".join(expected["body"])))
    return pages


EXTRACTORS: dict[str, Callable[[Page], str]] = {
    "saring": lambda p: clean_html(p.html, p.url).body,
    "saring_generic_only": lambda p: clean_html_generic(p.html, p.url).body,
    "trafilatura": lambda p: trafilatura.extract(p.html, url=p.url) or "",
    "trafilatura_precision": lambda p: trafilatura.extract(p.html, url=p.url, favor_precision=True) or "",
}


def evaluate(pages: list[Page], name: str, extract: Callable[[Page], str], repeat: int = 1) -> dict:
    precisions, recalls, per_page = [], [], {}
    extract(pages[0])  # warm up: one-time loading (models, selector compilation) is not per-page work
    started = time.perf_counter()
    outputs = [extract(p) for p in pages]
    for _ in range(repeat - 1):
        for p in pages:
            extract(p)
    seconds = (time.perf_counter() - started) / repeat
    for page, out in zip(pages, outputs, strict=True):
        p, r = page_scores(out, page.gold)
        if p is not None:
            precisions.append(p)
        recalls.append(r)
        per_page[page.id] = {"precision": p, "recall": r}
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"extractor": name, "pages": len(pages), "precision": precision, "recall": recall, "f1": f1,
            "seconds": seconds, "pages_per_second": len(pages) / seconds if seconds else 0.0,
            "per_page": per_page}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", choices=("zyte", "fixtures", "all"), default="all")
    parser.add_argument("--json", default=str(ROOT / "bench" / "results" / "accuracy.json"))
    args = parser.parse_args()
    datasets = {}
    if args.dataset in ("fixtures", "all"):
        datasets["fixtures"] = load_fixtures()
    if args.dataset in ("zyte", "all"):
        datasets["zyte"] = load_zyte() if ZYTE.exists() else []
    results = {}
    for dataset, pages in datasets.items():
        if not pages:
            print(f"{dataset}: no pages found, skipped")
            continue
        print(f"\n{dataset} ({len(pages)} pages)")
        print(f"{'extractor':<24}{'precision':>10}{'recall':>10}{'F1':>10}{'pages/s':>10}")
        # Small sets are timed over several rounds so that pages/s is not noise.
        repeat = max(1, 200 // len(pages))
        rows = [evaluate(pages, name, fn, repeat) for name, fn in EXTRACTORS.items()]
        for row in rows:
            print(f"{row['extractor']:<24}{row['precision']:>10.4f}{row['recall']:>10.4f}{row['f1']:>10.4f}"
                  f"{row['pages_per_second']:>10.1f}")
        base = next(r for r in rows if r["extractor"] == "trafilatura")
        saring = rows[0]
        print(f"saring / trafilatura: F1 {saring['f1'] - base['f1']:+.4f}, "
              f"speed x{saring['pages_per_second'] / base['pages_per_second']:.2f}")
        results[dataset] = rows
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
