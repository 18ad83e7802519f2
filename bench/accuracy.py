"""Accuracy and speed of Saring against trafilatura on real pages nobody on the team wrote, in one run.

Sets (the headline sets are real pages; `in-sample` is labelled as pages we wrote):
  dev-html    ../shared/dev/html/index.json: 18 saved pages of five Indonesian news sites, gold paragraphs
  zyte        ../shared/bench/zyte: 181 pages of the Zyte article-extraction benchmark (articleBody)
  dev-text    ../shared/dev/text + dev/expected: 18 page texts of our four families, expected records
  text-dumps  trafilatura's plain text of the dev-html (and Zyte) pages, then clean_text on it
  in-sample   the project's own HTML fixtures (fixtures/html + fixtures/expected, or
              cleaners/sites/*/fixtures/<stem>.html + <stem>.json)

Metrics: 4-gram shingles of lower-cased `\\w+` tokens (P over the output, R over the gold; P averaged over
pages with output, R over all pages, F1 = 2PR/(P+R) of the means, as the Zyte benchmark defines it), plus
the mean of per-page F1 (empty output = 0) and the pages below 0.5; exact paragraphs (identical after
collapsing white space) and the metadata fields for dev-text; generic metadata checks on dev-html and Zyte.
Speed: saring, saring-generic and trafilatura timed interleaved on the same pages (rotating order, several
rounds). Only Saring's public API is used.

    .venv/bin/python bench/accuracy.py [--sets dev-html,zyte,dev-text,text-dumps,in-sample] [--rounds 3]
                                       [--quick] [--json bench/results/accuracy.json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import trafilatura

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import scoring as S  # noqa: E402

from cleaners import clean_html, clean_html_generic, clean_text  # noqa: E402

SHARED = ROOT.parent / "shared"
DEV = SHARED / "dev"
ZYTE = SHARED / "bench" / "zyte"
SETS = ("dev-html", "zyte", "dev-text", "text-dumps", "in-sample")
HTML_SETS = ("dev-html", "zyte", "in-sample")
FIELDS = ("title", "summary", "authors", "editors", "published", "tags", "image_caption", "source")
QUICK_ZYTE = 30
LIST_MOST = 30


class MissingData(Exception):
    """A requested set's data is not there."""


@dataclass
class Page:
    """An HTML page with its gold body (paragraphs when the gold has them)."""

    id: str
    url: str | None
    html: str
    gold: str
    gold_paragraphs: list[str] | None = None


@dataclass
class TextPage:
    """A page text with its expected record."""

    id: str
    url: str | None
    text: str
    expected: dict


@dataclass
class Run:
    """One extractor on one page: its result (an Article or a str), or the exception it raised."""

    result: Any = None
    error: str | None = None

    @property
    def body(self) -> str:
        if self.result is None:
            return ""
        return self.result if isinstance(self.result, str) else self.result.body


# --- loading ---------------------------------------------------------------------------------------------


def _need(path: Path, name: str) -> None:
    if not path.exists():
        raise MissingData(f"set '{name}': {path} not found")


def load_dev_html() -> list[Page]:
    index = DEV / "html" / "index.json"
    _need(index, "dev-html")
    pages = []
    for item in json.loads(index.read_text(encoding="utf-8")):
        path = DEV / "html" / item["html"]
        _need(path, "dev-html")
        pages.append(Page(path.stem, item["url"], path.read_text(encoding="utf-8", errors="replace"),
                          "\n\n".join(item["gold"]), list(item["gold"])))
    return pages


def load_zyte(limit: int | None = None) -> list[Page]:
    truth_path = ZYTE / "ground-truth.json"
    _need(truth_path, "zyte")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(truth.items())[:limit]:
        path = ZYTE / "html" / f"{page_id}.html.gz"
        _need(path, "zyte")
        raw = gzip.decompress(path.read_bytes())
        pages.append(Page(page_id, item.get("url"), raw.decode("utf-8", "replace"), item["articleBody"]))
    return pages


def load_in_sample() -> list[Page]:
    pairs = S.fixture_pairs(ROOT)
    if not pairs:
        raise MissingData(f"set 'in-sample': no fixtures/html/*.html or cleaners/sites/*/fixtures/*.html "
                          f"with an expected .json under {ROOT}")
    pages = []
    for html_path, expected_path in pairs:
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        pages.append(Page(html_path.stem, expected.get("url"), html_path.read_text(encoding="utf-8"),
                          "\n\n".join(expected["body"]), list(expected["body"])))
    return pages


def load_dev_text() -> list[TextPage]:
    texts = sorted((DEV / "text").glob("*.txt"))
    if not texts:
        raise MissingData(f"set 'dev-text': no {DEV / 'text'}/*.txt")
    pages = []
    for path in texts:
        expected_path = DEV / "expected" / f"{path.stem}.json"
        _need(expected_path, "dev-text")
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        pages.append(TextPage(path.stem, expected.get("url"), path.read_text(encoding="utf-8"), expected))
    return pages


def short_id(page: Page) -> str:
    """Zyte ids are 64 hex digits: keep 10 and the host."""
    if len(page.id) < 40:
        return page.id
    host = (urlsplit(page.url).hostname or "?").removeprefix("www.") if page.url else "?"
    return f"{page.id[:10]} ({host})"


# --- running extractors ----------------------------------------------------------------------------------

Extractor = Callable[[Page], Any]

EXTRACTORS: dict[str, Extractor] = {
    "saring": lambda p: clean_html(p.html, p.url),
    "saring-generic": lambda p: clean_html_generic(p.html, p.url),
    "trafilatura": lambda p: trafilatura.extract(p.html, url=p.url) or "",
    "trafilatura-precision": lambda p: trafilatura.extract(p.html, url=p.url, favor_precision=True) or "",
}
TIMED = ("saring", "saring-generic", "trafilatura")


def attempt(fn: Callable[[], Any]) -> Run:
    """Run, recording an exception instead of raising it."""
    try:
        return Run(fn())
    except Exception as exc:  # noqa: BLE001 - every failure is recorded per page and printed
        return Run(None, f"{type(exc).__name__}: {S.shorten(str(exc), 100)}")


def interleaved(pages: Sequence[Page], names: Sequence[str], rounds: int
                ) -> tuple[dict[str, dict[str, Run]], dict[str, list[float]]]:
    """Time the extractors on the same pages: in round r, page i runs them in an order rotated by i + r.
    Returns the first round's runs and each extractor's seconds per round."""
    for name in names:  # warm-up: one-time loading is not per-page work
        attempt(lambda name=name: EXTRACTORS[name](pages[0]))
    runs: dict[str, dict[str, Run]] = {name: {} for name in names}
    seconds = {name: [0.0] * rounds for name in names}
    for r in range(rounds):
        for i, page in enumerate(pages):
            k = (i + r) % len(names)
            for name in [*names[k:], *names[:k]]:
                started = time.perf_counter()
                run = attempt(lambda name=name, page=page: EXTRACTORS[name](page))
                seconds[name][r] += time.perf_counter() - started
                if r == 0:
                    runs[name][page.id] = run
    return runs, seconds


def once(pages: Sequence[Page], name: str) -> dict[str, Run]:
    return {page.id: attempt(lambda page=page: EXTRACTORS[name](page)) for page in pages}


def coverage(pages: Sequence[Page], runs: dict[str, Run]) -> dict:
    """Every page must have a run; errors and empty outputs are counted."""
    missing = [p.id for p in pages if p.id not in runs]
    if missing:
        raise RuntimeError(f"extractor skipped {len(missing)} pages: {missing[:3]}")
    return {"ran": len(runs), "errors": sum(r.error is not None for r in runs.values()),
            "empty": sum(r.error is None and not r.body.strip() for r in runs.values())}


# --- formatting ------------------------------------------------------------------------------------------


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A markdown table, columns padded."""
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |" for row in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def prf_cell(s: S.PRF) -> str:
    return f"{num(s.precision, 2)}/{s.recall:.2f}/{s.f1:.2f}"


def listing(items: Sequence[str], most: int = LIST_MOST) -> list[str]:
    lines = [f"  - {item}" for item in items[:most]]
    if len(items) > most:
        lines.append(f"  - ... {len(items) - most} more (all in accuracy.json)")
    return lines


def prf_dict(s: S.PRF) -> dict:
    return {"precision": s.precision, "recall": s.recall, "f1": s.f1}


# --- HTML sets: shingles, exact paragraphs, speed --------------------------------------------------------


def score_shingles(pages: Sequence[Page], runs: dict[str, dict[str, Run]]) -> dict[str, dict]:
    """Per extractor: the aggregate and per-page scores (errors kept with the page)."""
    scored = {}
    for name, by_page in runs.items():
        per_page = {p.id: S.shingle_scores(by_page[p.id].body, p.gold) for p in pages}
        scored[name] = {
            "summary": S.aggregate(per_page), "coverage": coverage(pages, by_page),
            "per_page": {pid: {**prf_dict(s), "error": by_page[pid].error} for pid, s in per_page.items()},
            "_scores": per_page,
        }
    return scored


def speed(pages: Sequence[Page], seconds: dict[str, list[float]]) -> dict:
    """Pages/s per round, median and range, and generic / trafilatura from the same rounds."""
    out: dict[str, Any] = {}
    for name, per_round in seconds.items():
        rates = [len(pages) / s if s else 0.0 for s in per_round]
        out[name] = {"pages_per_second": rates, "median": statistics.median(rates), "min": min(rates),
                     "max": max(rates)}
    if "saring-generic" in seconds and "trafilatura" in seconds:
        ratios = [t / g if g else 0.0 for g, t in zip(seconds["saring-generic"], seconds["trafilatura"],
                                                      strict=True)]
        out["generic_over_trafilatura"] = {"median_of_rates": out["saring-generic"]["median"]
                                           / out["trafilatura"]["median"], "per_round": ratios}
        ratios = [t / s if s else 0.0 for s, t in zip(seconds["saring"], seconds["trafilatura"], strict=True)]
        out["saring_over_trafilatura"] = {"median_of_rates": out["saring"]["median"]
                                          / out["trafilatura"]["median"], "per_round": ratios}
    return out


def print_speed(name: str, pages: int, result: dict, rounds: int) -> None:
    print(f"\n### {name}: speed ({pages} pages, {rounds} interleaved round{'s' * (rounds > 1)}, parsing "
          f"included)\n")
    rows = [(ex, f"{r['median']:.1f}", f"{r['min']:.1f}-{r['max']:.1f}") for ex, r in result.items()
            if ex in TIMED]
    print(table(("extractor", "median pages/s", "min-max over rounds"), rows))
    for key, label in (("generic_over_trafilatura", "saring-generic / trafilatura"),
                       ("saring_over_trafilatura", "saring / trafilatura")):
        if key in result:
            ratio = result[key]
            print(f"{label}: x{ratio['median_of_rates']:.2f} (per round "
                  f"{', '.join(f'x{x:.2f}' for x in ratio['per_round'])})")


def print_shingles(name: str, label: str, pages: Sequence[Page], scored: dict[str, dict],
                   per_page_table: bool) -> None:
    print(f"\n## {name} — {label} ({len(pages)} pages)\n")
    print("4-gram shingles. P: mean over pages with output; R: mean over all pages; F1 = 2PR/(P+R) of the "
          "means; mean F1: mean of per-page F1 (empty output = 0).\n")
    rows = []
    for ex, res in scored.items():
        agg, cov = res["summary"], res["coverage"]
        rows.append((ex, num(agg["precision"]), num(agg["recall"]), num(agg["f1"]), num(agg["mean_page_f1"]),
                     agg["pages_below"], f"{cov['ran']}/{len(pages)}", cov["errors"], cov["empty"]))
    print(table(("extractor", "P", "R", "F1", "mean F1", "pages F1<0.5", "ran", "errors", "empty"), rows))
    for ex, res in scored.items():
        below = res["summary"]["below"]
        if below:
            ids = {p.id: short_id(p) for p in pages}
            items = [f"{ids[pid]}: {prf_cell(res['_scores'][pid])}" for pid in below]
            print(f"\n{ex}: {len(below)} pages with F1 < 0.5 (P/R/F1)")
            print("\n".join(listing(items)))
    errors = [(ex, short_id(p), res["per_page"][p.id]["error"]) for ex, res in scored.items() for p in pages
              if res["per_page"][p.id]["error"]]
    if errors:
        print("\nErrors (scored as empty output):")
        print("\n".join(listing([f"{ex} on {pid}: {err}" for ex, pid, err in errors])))
    if per_page_table:
        print(f"\nPer page, P/R/F1 ({name}):\n")
        rows = [(short_id(p), *(prf_cell(res["_scores"][p.id]) for res in scored.values())) for p in pages]
        print(table(("page", *scored), rows))


def print_worst(pages: Sequence[Page], scored: dict[str, dict], most: int = 12) -> None:
    """The pages where saring's F1 is lowest, beside the others'."""
    worst = sorted(pages, key=lambda p: scored["saring"]["_scores"][p.id].f1)[:most]
    print(f"\n{most} lowest saring pages, P/R/F1:\n")
    rows = [(short_id(p), *(prf_cell(res["_scores"][p.id]) for res in scored.values())) for p in worst]
    print(table(("page", *scored), rows))


def exact_paragraphs(pages: Sequence[Page], runs: dict[str, Run]) -> dict:
    scores = {p.id: S.paragraph_scores(runs[p.id].body, p.gold_paragraphs) for p in pages}
    total = S.micro(scores.values())
    return {"micro": prf_dict(total), "exact_pages": sum(s.exact for s in scores.values()),
            "per_page": {pid: {**prf_dict(s.prf), "exact": s.exact} for pid, s in scores.items()},
            "_micro": total}


# --- metadata checks -------------------------------------------------------------------------------------


def trafilatura_metadata(page: Page) -> dict:
    """trafilatura's title, authors, tags and text for the same checks (its date has no time: not compared)."""
    doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
    if doc is None:
        return {"title": None, "authors": [], "tags": [], "body": ""}
    tags = [t.strip() for tag in [*(doc.tags or []), *(doc.categories or [])] for t in tag.split(",")]
    return {"title": doc.title, "authors": [a.strip() for a in (doc.author or "").split(";") if a.strip()],
            "tags": [t for t in tags if t], "body": doc.text or ""}


#: Record fields kept per page in accuracy.json, beside the checks.
RECORD_KEYS = ("title", "authors", "published", "tags", "extractor", "warnings")

CHECKS = {
    "time": "prints a publication time, published has none",
    "title_affix": "title keeps a site suffix/prefix",
    "author": "author is a role, an outlet or initials",
    "glued": "words glued across a paragraph break (joins)",
    "soup_tags": "tags that are single function words",
    "labelled_tags": "tags carrying a label (`Editor:x`, `News:`) [extra, not a target]",
    "glued_in_source": "glued words the page's own text has (one text node) [listed, not a target]",
}


def check_record(record: dict, names: set[str], evidence: str | None, html: str | None = None
                 ) -> dict[str, str | None]:
    """The offences of one record, as short descriptions (None: clean). A glued word the page's own text
    already has is listed as the page's, not counted."""
    found: dict[str, str | None] = dict.fromkeys(CHECKS)
    if "published" in record and evidence and not S.has_time(record["published"]):
        found["time"] = f"{evidence} -> published {record['published']!r}"
    affix = S.title_affix(record.get("title"), names)
    if affix:
        found["title_affix"] = f"{affix!r} in {S.shorten(record['title'], 80)!r}"
    bad = [f"{a!r} ({S.author_problem(a, names)})" for a in record.get("authors", []) if S.author_problem(a, names)]
    if bad:
        found["author"] = ", ".join(bad)
    glued, own = S.split_glued(S.glued_words(record.get("body")), html)
    if glued:
        found["glued"] = f"{len(glued)}: " + ", ".join(S.shorten(g, 40) for g in glued[:6])
    if own:
        found["glued_in_source"] = f"{len(own)}: " + ", ".join(S.shorten(g, 40) for g in own[:6])
    soup = S.soup_tags(record.get("tags", []))
    if soup:
        found["soup_tags"] = ", ".join(soup)
    labelled = S.labelled_tags(record.get("tags", []))
    if labelled:
        found["labelled_tags"] = ", ".join(labelled)
    return found


def metadata_checks(pages: Sequence[Page], saring: dict[str, Run]) -> dict:
    """The checks on saring's records and, where comparable, on trafilatura's metadata."""
    out: dict[str, Any] = {}
    for who in ("saring", "trafilatura"):
        per_page: dict[str, dict] = {}
        errors = {}
        records: dict[str, dict] = {}
        joins = 0
        for page in pages:
            names = S.site_names(page.html, page.url)
            if who == "saring":
                run = saring[page.id]
                record = run.result.to_dict() if run.error is None else None
                evidence = S.published_time_evidence(page.html)
            else:
                run = attempt(lambda page=page: trafilatura_metadata(page))
                record, evidence = run.result, None
            if record is None:
                errors[page.id] = run.error
                continue
            per_page[page.id] = check_record(record, names, evidence, page.html)
            joins += len(S.split_glued(S.glued_words(record.get("body")), page.html)[0])
            records[page.id] = {k: record.get(k) for k in RECORD_KEYS if k in record}
            if evidence:
                records[page.id]["time_evidence"] = evidence
        checks = {}
        for check in CHECKS:
            offending = {pid: found[check] for pid, found in per_page.items() if found[check]}
            comparable = not (who == "trafilatura" and check == "time")
            checks[check] = {"count": len(offending) if comparable else None, "pages": offending}
        checks["glued"]["joins"] = joins
        out[who] = {"checks": checks, "errors": errors, "records": records}
    return out


def print_metadata(results: dict[str, dict], sets: dict[str, list[Page]]) -> None:
    print("\n## Generic metadata checks (saring's record; trafilatura's bare_extraction for reference)\n")
    print("Counts are pages (glued: pages, with the number of joins). trafilatura's date carries no time by "
          "design, so `time` is n/a for it.\n")
    headers = ["check"]
    for name in results:
        headers += [f"{name} saring", f"{name} trafilatura"]
    rows = []
    for check, label in CHECKS.items():
        row = [label]
        for res in results.values():
            for who in ("saring", "trafilatura"):
                c = res[who]["checks"][check]
                cell = "n/a" if c["count"] is None else str(c["count"])
                if check == "glued":
                    cell += f" ({c['joins']} joins)"
                row.append(cell)
        rows.append(row)
    print(table(headers, rows))
    for name, res in results.items():
        ids = {p.id: short_id(p) for p in sets[name]}
        for who in ("saring", "trafilatura"):
            for check, c in res[who]["checks"].items():
                if c["pages"] and c["count"] is not None:
                    most = LIST_MOST if who == "saring" else 10
                    print(f"\n{name}, {who}, {CHECKS[check]}: {len(c['pages'])}")
                    print("\n".join(listing([f"{ids[pid]}: {v}" for pid, v in c["pages"].items()], most)))
            for pid, err in res[who]["errors"].items():
                print(f"\n{name}, {who}: no record for {ids[pid]}: {err}")


# --- dev-text --------------------------------------------------------------------------------------------


def score_text_record(page: TextPage, run: Run) -> dict:
    record = run.result.to_dict() if run.error is None else {}
    expected = page.expected
    score = S.paragraph_scores(record.get("body"), expected["body"])
    fields = {f: S.field_equal(record.get(f), expected.get(f)) for f in FIELDS}
    diff = [f"{f}: got {S.shorten(repr(record.get(f)), 60)}, want {S.shorten(repr(expected.get(f)), 60)}"
            for f in FIELDS if not fields[f]]
    if not score.exact:
        diff.append(f"body ({score.matched} of {score.gold} gold paragraphs, {score.output} out):")
        diff += [f"    {line}" for line in S.paragraph_diff(record.get("body"), expected["body"])]
    return {"score": score, "fields": fields, "diff": diff, "error": run.error}


def run_dev_text(pages: Sequence[TextPage]) -> dict:
    out = {}
    for mode, with_url in (("with_url", True), ("without_url", False)):
        per_page = {}
        for page in pages:
            url = page.url if with_url else None
            run = attempt(lambda page=page, url=url: clean_text(page.text, url))
            per_page[page.id] = score_text_record(page, run)
        scores = [r["score"] for r in per_page.values()]
        out[mode] = {
            "micro": S.micro(scores), "exact_pages": sum(s.exact for s in scores),
            "fields": {f: sum(r["fields"][f] for r in per_page.values()) for f in FIELDS},
            "errors": {pid: r["error"] for pid, r in per_page.items() if r["error"]},
            "per_page": per_page,
        }
    return out


def print_dev_text(pages: Sequence[TextPage], res: dict) -> None:
    n = len(pages)
    print(f"\n## dev-text — real page texts of our four families ({n} pages, clean_text)\n")
    print("Exact paragraphs: a paragraph counts only when identical after collapsing white space; P/R/F1 micro "
          "over all paragraphs; exact = the body list is equal. Fields: pages equal to the expected value.\n")
    rows = []
    for mode in ("with_url", "without_url"):
        r = res[mode]
        rows.append((mode.replace("_", " "), num(r["micro"].precision), num(r["micro"].recall),
                     num(r["micro"].f1), f"{r['exact_pages']}/{n}", *(f"{r['fields'][f]}/{n}" for f in FIELDS),
                     len(r["errors"])))
    print(table(("run", "P", "R", "F1", "exact", *FIELDS, "errors"), rows))
    print("\nPer page (with url): paragraph P/R/F1, exact, what differs\n")
    with_url = res["with_url"]["per_page"]
    rows = [(p.id, prf_cell(with_url[p.id]["score"].prf), "yes" if with_url[p.id]["score"].exact else "no",
             ", ".join(f for f in FIELDS if not with_url[p.id]["fields"][f]) or "-") for p in pages]
    print(table(("page", "P/R/F1", "exact", "fields differing"), rows))
    for page in pages:
        r = with_url[page.id]
        if r["diff"] or r["error"]:
            print(f"\n{page.id}:" + (f" ERROR {r['error']}" if r["error"] else ""))
            print("\n".join(f"  {line}" for line in r["diff"]))
    print("\nWithout url, what differs beyond the with-url run:")
    without = res["without_url"]["per_page"]
    changes = []
    for page in pages:
        a, b = with_url[page.id], without[page.id]
        lost = [f for f in FIELDS if a["fields"][f] and not b["fields"][f]]
        if a["score"].exact and not b["score"].exact:
            lost.append("body")
        gained = [f for f in FIELDS if b["fields"][f] and not a["fields"][f]]
        if b["error"]:
            lost.append(f"ERROR {b['error']}")
        if lost or gained:
            changes.append(f"{page.id}: worse {', '.join(lost) or '-'}; better {', '.join(gained) or '-'}")
    print("\n".join(listing(changes)) if changes else "  (nothing)")


# --- text-dumps ------------------------------------------------------------------------------------------


def run_text_dumps(pages: Sequence[Page]) -> dict:
    """trafilatura's plain text of each page, then clean_text on it with and without the url."""
    per_page = {}
    for page in pages:
        dump = attempt(lambda page=page: trafilatura.extract(page.html, url=page.url) or "")
        text = dump.body
        cleaned = attempt(lambda page=page, text=text: clean_text(text, page.url))
        bare = attempt(lambda text=text: clean_text(text))
        raw_s, url_s, bare_s = (S.shingle_scores(x.body, page.gold) for x in (dump, cleaned, bare))
        per_page[page.id] = {"raw": raw_s, "cleaned": url_s, "cleaned_no_url": bare_s,
                             "drop": raw_s.recall - url_s.recall, "drop_no_url": raw_s.recall - bare_s.recall,
                             "errors": [e for e in (dump.error, cleaned.error, bare.error) if e]}
    summary = {kind: S.aggregate({pid: r[kind] for pid, r in per_page.items()})
               for kind in ("raw", "cleaned", "cleaned_no_url")}
    flagged = {kind: [pid for pid, r in per_page.items() if r[key] > 0.05]
               for kind, key in (("cleaned", "drop"), ("cleaned_no_url", "drop_no_url"))}
    return {"summary": summary, "flagged": flagged, "per_page": per_page}


def print_text_dumps(name: str, pages: Sequence[Page], res: dict, per_page_table: bool) -> None:
    n = len(pages)
    print(f"\n### text-dumps on {name} ({n} pages): trafilatura.extract plain text, then clean_text\n")
    rows = []
    for kind, label in (("raw", "raw trafilatura text"), ("cleaned", "clean_text(text, url)"),
                        ("cleaned_no_url", "clean_text(text)")):
        agg = res["summary"][kind]
        flagged = res["flagged"].get(kind)
        rows.append((label, num(agg["precision"]), num(agg["recall"]), num(agg["f1"]), num(agg["mean_page_f1"]),
                     agg["pages_below"], "-" if flagged is None else len(flagged)))
    print(table(("body", "P", "R", "F1", "mean F1", "pages F1<0.5", "pages R > 0.05 below raw"), rows))
    ids = {p.id: short_id(p) for p in pages}
    for kind in ("cleaned", "cleaned_no_url"):
        if res["flagged"][kind]:
            key = "drop" if kind == "cleaned" else "drop_no_url"
            items = [f"{ids[pid]}: recall {res['per_page'][pid]['raw'].recall:.2f} -> "
                     f"{res['per_page'][pid][kind].recall:.2f} (drop {res['per_page'][pid][key]:.2f})"
                     for pid in res["flagged"][kind]]
            print(f"\n{kind}: recall more than 0.05 below the raw text's:")
            print("\n".join(listing(items)))
    errors = [f"{ids[pid]}: {e}" for pid, r in res["per_page"].items() for e in r["errors"]]
    print(f"\nran: {len(res['per_page'])}/{n} pages, each through trafilatura, clean_text(text, url) and "
          f"clean_text(text); {len(errors)} errors")
    if errors:
        print("\nErrors:")
        print("\n".join(listing(errors)))
    if per_page_table:
        print("\nPer page, P/R/F1 and recall drop (raw R minus cleaned R; * = more than 0.05):\n")
        rows = []
        for p in pages:
            r = res["per_page"][p.id]
            rows.append((ids[p.id], prf_cell(r["raw"]), prf_cell(r["cleaned"]),
                         f"{r['drop']:+.2f}" + ("*" if r["drop"] > 0.05 else ""), prf_cell(r["cleaned_no_url"]),
                         f"{r['drop_no_url']:+.2f}" + ("*" if r["drop_no_url"] > 0.05 else "")))
        print(table(("page", "raw", "cleaned (url)", "drop", "cleaned (no url)", "drop"), rows))


# --- targets ---------------------------------------------------------------------------------------------


@dataclass
class Targets:
    rows: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, target: str, value: str, met: bool | None) -> None:
        self.rows.append((target, S.shorten(value, 90), "not run" if met is None else ("met" if met else "NOT MET")))


def targets(results: dict) -> Targets:
    t = Targets()
    dev = results.get("dev-html")
    if dev:
        s = dev["shingles"]["saring"]["summary"]
        tp = dev["shingles"]["trafilatura-precision"]["summary"]
        t.add("dev-html saring mean per-page F1 >= 0.93", f"{s['mean_page_f1']:.3f} (F1 of means "
              f"{s['f1']:.3f})", s["mean_page_f1"] >= 0.93)
        t.add("dev-html saring mean F1 >= trafilatura(favor_precision) + 0.05",
              f"{s['mean_page_f1']:.3f} vs {tp['mean_page_f1']:.3f} + 0.05",
              s["mean_page_f1"] >= tp["mean_page_f1"] + 0.05)
        t.add("dev-html no saring page below F1 0.5", f"{s['pages_below']} below: {', '.join(s['below']) or '-'}",
              s["pages_below"] == 0)
    else:
        for name in ("dev-html saring mean F1 >= 0.93", "dev-html saring >= trafilatura(precision) + 0.05",
                     "dev-html no page below 0.5"):
            t.add(name, "-", None)
    text = results.get("dev-text")
    if text:
        w = text["with_url"]
        n = len(w["per_page"])
        t.add("dev-text paragraph F1 >= 0.99 (micro, with url)", f"{w['micro'].f1:.3f}", w["micro"].f1 >= 0.99)
        t.add("dev-text >= 16/18 pages exact", f"{w['exact_pages']}/{n}", w["exact_pages"] >= 16)
        for f in ("title", "authors", "editors", "published"):
            t.add(f"dev-text {f} >= 17/18", f"{w['fields'][f]}/{n}", w["fields"][f] >= 17)
    else:
        t.add("dev-text paragraphs and fields", "-", None)
    dumps = results.get("text-dumps", {}).get("dev-html")
    if dumps:
        raw, cleaned = dumps["summary"]["raw"], dumps["summary"]["cleaned"]
        t.add("text-dumps (dev-html) clean_text mean F1 >= raw + 0.03",
              f"{cleaned['mean_page_f1']:.3f} vs {raw['mean_page_f1']:.3f} + 0.03",
              cleaned["mean_page_f1"] >= raw["mean_page_f1"] + 0.03)
        flagged = dumps["flagged"]["cleaned"]
        t.add("text-dumps (dev-html) no page recall > 0.05 below raw", f"{len(flagged)}: {', '.join(flagged) or '-'}",
              not flagged)
    else:
        t.add("text-dumps (dev-html)", "-", None)
    zyte = results.get("zyte")
    if zyte:
        s = zyte["shingles"]["saring"]["summary"]
        t.add("zyte saring F1 >= 0.970 (F1 of means)", f"{s['f1']:.4f}", s["f1"] >= 0.970)
    else:
        t.add("zyte saring F1 >= 0.970", "-", None)
    for name in ("dev-html", "zyte"):
        res = results.get(name)
        for check, label in CHECKS.items():
            if check in ("labelled_tags", "glued_in_source"):
                continue
            if res:
                c = res["metadata"]["saring"]["checks"][check]
                t.add(f"{name} metadata: {label} = 0", str(c["count"]), c["count"] == 0)
            else:
                t.add(f"{name} metadata: {label} = 0", "-", None)
    for name, least in (("zyte", 1.5), ("dev-html", 2.0)):
        res = results.get(name)
        if res:
            ratio = res["speed"]["generic_over_trafilatura"]["median_of_rates"]
            t.add(f"{name} speed: saring-generic >= {least}x trafilatura pages/s", f"x{ratio:.2f}", ratio >= least)
        else:
            t.add(f"{name} speed: saring-generic >= {least}x trafilatura", "-", None)
    return t


# --- main ------------------------------------------------------------------------------------------------


def jsonable(value: Any) -> Any:
    """Dataclass scores to dicts; private keys (`_...`) dropped."""
    if isinstance(value, S.PRF):
        return prf_dict(value)
    if isinstance(value, S.ParagraphScore):
        return {"matched": value.matched, "output": value.output, "gold": value.gold, "exact": value.exact,
                **prf_dict(value.prf)}
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items() if not (isinstance(k, str) and k.startswith("_"))}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def run_html_set(name: str, label: str, pages: list[Page], rounds: int, per_page_table: bool,
                 metadata: bool) -> dict:
    runs, seconds = interleaved(pages, TIMED, rounds)
    runs["trafilatura-precision"] = once(pages, "trafilatura-precision")
    scored = score_shingles(pages, runs)
    print_shingles(name, label, pages, scored, per_page_table)
    if name == "zyte":
        print_worst(pages, scored)
    result: dict[str, Any] = {"pages": len(pages), "shingles": scored}
    if name == "in-sample":
        exact = {ex: exact_paragraphs(pages, runs[ex]) for ex in ("saring", "saring-generic")}
        print("\nExact paragraphs against the expected body (micro P/R/F1, pages exact):\n")
        print(table(("extractor", "P", "R", "F1", "exact pages"),
                    [(ex, num(e["_micro"].precision), num(e["_micro"].recall), num(e["_micro"].f1),
                      f"{e['exact_pages']}/{len(pages)}") for ex, e in exact.items()]))
        not_exact = [pid for pid, r in exact["saring"]["per_page"].items() if not r["exact"]]
        if not_exact:
            print(f"\nsaring not exact on: {', '.join(not_exact)}")
        result["exact_paragraphs"] = exact
    result["speed"] = speed(pages, seconds)
    print_speed(name, len(pages), result["speed"], rounds)
    if metadata:
        result["metadata"] = metadata_checks(pages, runs["saring"])
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default=",".join(SETS), help=f"comma-separated, of {', '.join(SETS)}")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved timing rounds (default 3)")
    parser.add_argument("--quick", action="store_true", help=f"first {QUICK_ZYTE} Zyte pages, 1 round")
    parser.add_argument("--json", default=str(ROOT / "bench" / "results" / "accuracy.json"))
    args = parser.parse_args(argv)
    chosen = [s.strip() for s in args.sets.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SETS]
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    rounds = 1 if args.quick else max(1, args.rounds)
    started = time.perf_counter()
    zyte_limit = QUICK_ZYTE if args.quick else None
    try:
        html_sets: dict[str, list[Page]] = {}
        if "dev-html" in chosen or "text-dumps" in chosen:
            html_sets["dev-html"] = load_dev_html()
        if "zyte" in chosen or "text-dumps" in chosen:
            html_sets["zyte"] = load_zyte(zyte_limit)
        if "in-sample" in chosen:
            html_sets["in-sample"] = load_in_sample()
        text_pages = load_dev_text() if "dev-text" in chosen else []
    except MissingData as exc:
        print(f"accuracy.py: {exc}", file=sys.stderr)
        return 2

    quick = f", QUICK (first {QUICK_ZYTE} Zyte pages)" if args.quick else ""
    print("# Saring accuracy and speed against trafilatura\n")
    print(f"trafilatura {trafilatura.__version__}, Python {platform.python_version()}, sets: {', '.join(chosen)}, "
          f"{rounds} timing round{'s' * (rounds > 1)}{quick}")
    results: dict[str, Any] = {}
    labels = {"dev-html": "real pages: five Indonesian news sites, 2015-2016 (generic path)",
              "zyte": "real pages: Zyte article-extraction benchmark",
              "in-sample": "in-sample: pages we wrote (the project's own fixtures)"}
    for name in HTML_SETS:
        if name in chosen:
            results[name] = run_html_set(name, labels[name], html_sets[name], rounds,
                                         per_page_table=name != "zyte", metadata=name != "in-sample")
    if "dev-text" in chosen:
        results["dev-text"] = run_dev_text(text_pages)
        print_dev_text(text_pages, results["dev-text"])
    if "text-dumps" in chosen:
        print("\n## text-dumps — real pages as another tool's text (trafilatura default, plain text)")
        results["text-dumps"] = {}
        for name in ("dev-html", "zyte"):
            results["text-dumps"][name] = run_text_dumps(html_sets[name])
            print_text_dumps(name, html_sets[name], results["text-dumps"][name], per_page_table=name == "dev-html")
    metadata = {name: results[name]["metadata"] for name in ("dev-html", "zyte") if name in results}
    if metadata:
        print_metadata(metadata, html_sets)

    t = targets(results)
    print("\n## TARGETS\n")
    print(table(("target", "value", "status"), t.rows))
    met = sum(r[2] == "met" for r in t.rows)
    missed = sum(r[2] == "NOT MET" for r in t.rows)
    print(f"\n{met} met, {missed} not met, {len(t.rows) - met - missed} not run")
    elapsed = time.perf_counter() - started
    print(f"\nrun time {elapsed:.0f} s")

    results["targets"] = [{"target": a, "value": b, "status": c} for a, b, c in t.rows]
    results["meta"] = {"trafilatura": trafilatura.__version__, "python": platform.python_version(),
                       "sets": chosen, "rounds": rounds, "quick": args.quick, "seconds": elapsed,
                       "date": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(jsonable(results), indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
