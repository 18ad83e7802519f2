"""What keeping the full-text index in step costs per stored record, by the way it is written: no index, the
store's AFTER INSERT trigger (json_extract of title, summary, body), an explicit INSERT per record, one
INSERT ... SELECT per batch of 100 at commit (the texts read back from the rows' JSON), and one executemany
per batch with texts the writer holds as str (the store could index so: it has each record as a dict; the
JSON reading it saves is a small part of the index's cost, and the store keeps INSERT ... SELECT). Every mode
but "none" must pass FTS5's integrity check (the index against every row's texts) before its rate is
printed. Modes alternate over --rounds; medians printed. Synthetic records of about 500 words (the size of a
news article), SQLite in WAL mode as the store runs it.

    .venv/bin/python bench/fts_insert.py [--records 3000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

MODES = ("none", "trigger", "per-record", "per-batch", "batch-texts")
BATCH = 100


def records(count: int) -> list[str]:
    rng = random.Random(7)
    words = ["".join(rng.choice("abcdeghijklmnoprstuwy") for _ in range(rng.randint(3, 9))) for _ in range(3000)]
    out = []
    for i in range(count):
        body = "\n\n".join(" ".join(rng.choice(words) for _ in range(60)) for _ in range(8))
        out.append(json.dumps({"url": f"https://contoh.id/{i}", "title": " ".join(rng.choices(words, k=8)),
                               "summary": " ".join(rng.choices(words, k=25)), "body": body}))
    return out


def run(mode: str, recs: list[str], directory: Path, texts: list[tuple[str, str, str]]) -> float:
    """Milliseconds per record to store `recs` in batches with the index kept as `mode` says."""
    db = sqlite3.connect(directory / f"{mode}-{time.monotonic_ns()}.db")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("CREATE TABLE articles (canonical_url TEXT PRIMARY KEY, record TEXT)")
    db.execute("CREATE VIEW records AS SELECT rowid AS id, json_extract(record, '$.title') AS title, "
               "json_extract(record, '$.summary') AS summary, json_extract(record, '$.body') AS body FROM articles")
    if mode != "none":
        db.execute("CREATE VIRTUAL TABLE fts USING fts5(title, summary, body, content='records', content_rowid='id', "
                   "tokenize='unicode61 remove_diacritics 2')")
    if mode == "trigger":
        db.execute("CREATE TRIGGER fts_insert AFTER INSERT ON articles BEGIN INSERT INTO fts(rowid, title, summary, "
                   "body) VALUES (new.rowid, json_extract(new.record, '$.title'), json_extract(new.record, "
                   "'$.summary'), json_extract(new.record, '$.body')); END")
    start = time.perf_counter()
    for first in range(0, len(recs), BATCH):
        for i in range(first, min(first + BATCH, len(recs))):
            db.execute("INSERT INTO articles VALUES (?, ?)", (f"u{i}", recs[i]))
            if mode == "per-record":
                r = json.loads(recs[i])
                db.execute("INSERT INTO fts(rowid, title, summary, body) VALUES (last_insert_rowid(), ?, ?, ?)",
                           (r["title"], r["summary"], r["body"]))
        if mode == "per-batch":
            db.execute("INSERT INTO fts(rowid, title, summary, body) SELECT id, title, summary, body FROM records "
                       "WHERE id > ?", (first,))
        elif mode == "batch-texts":
            db.executemany("INSERT INTO fts(rowid, title, summary, body) VALUES (?, ?, ?, ?)",
                           [(i + 1, *texts[i]) for i in range(first, min(first + BATCH, len(recs)))])
        db.commit()
    elapsed = time.perf_counter() - start
    if mode != "none":
        # `count(*)` of an external-content index reads the content table: FTS5's integrity check compares
        # the index with the texts of every row instead.
        try:
            db.execute("INSERT INTO fts(fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            raise SystemExit(f"{mode}: the index does not hold the records' texts ({exc}); no rate printed") from None
    db.close()
    return elapsed / len(recs) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    recs = records(args.records)
    texts = [(r["title"], r["summary"], r["body"]) for r in map(json.loads, recs)]
    times: dict[str, list[float]] = {m: [] for m in MODES}
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.rounds):
            order = MODES[n % len(MODES):] + MODES[: n % len(MODES)]
            for mode in order:
                times[mode].append(run(mode, recs, Path(tmp), texts))
    print(f"{args.records} records, batches of {BATCH}, {args.rounds} rounds; ms per record, median (min-max)")
    for mode in MODES:
        print(f"  {mode:<11} {statistics.median(times[mode]):.3f} ({min(times[mode]):.3f}-{max(times[mode]):.3f})")
    print(f"trigger / per-batch: x{statistics.median(times['trigger']) / statistics.median(times['per-batch']):.2f}; "
          f"per-batch / batch-texts: x{statistics.median(times['per-batch']) / statistics.median(times['batch-texts']):.2f}")


if __name__ == "__main__":
    main()
