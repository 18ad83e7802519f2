"""`saring search`: the store's FTS5 index, on a store made by real crawls of the mirror."""

from __future__ import annotations

import json
import sqlite3

from crawler.store import ArticleStore
from crawler.store.search import ensure_index, has_index, search

from .conftest import copy_store, run_saring


def hits(*args: str) -> list[dict]:
    result = run_saring("search", *args, "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_search_ranks_highlights_and_filters(crawled_store):
    db = str(crawled_store["db"])
    found = hits(db, "korea utara")
    sites = {hit["site"] for hit in found}
    assert {"tribunnews", "medcom", "kompastv", "jatimtimes"} <= sites
    assert [hit["rank"] for hit in found] == sorted(hit["rank"] for hit in found)  # best (lowest bm25) first
    for hit in found:
        assert "[korea]" in hit["snippet"].lower() or "[utara]" in hit["snippet"].lower(), hit
        assert hit["title"] and hit["url"].startswith("https://") and "published" in hit  # (None: the page gives no date)
    # A title match ranks above body-only matches: every hit whose title names Korea comes first.
    in_title = ["korea" in hit["title"].lower() for hit in found]
    assert in_title == sorted(in_title, reverse=True)

    assert {hit["site"] for hit in hits(db, "korea utara", "--site", "medcom")} == {"medcom"}
    window = hits(db, "korea", "--since", "2024-11-01", "--until", "2024-11-30")
    assert window and all(hit["published"] and "2024-11-01" <= hit["published"][:10] <= "2024-11-30" for hit in window)
    assert len(hits(db, "korea", "--limit", "2")) == 2
    generic = hits(db, "pupuk", "--site", "generic")
    assert [hit["site"] for hit in generic] == [None]


def test_search_folds_case_and_diacritics_and_takes_plain_words(crawled_store):
    db = str(crawled_store["db"])
    assert hits(db, "KORÉA UTÂRA") == hits(db, "korea utara")
    # Not FTS5 syntax: taken as the words that must occur (the hyphen splits like the tokeniser does).
    hyphen = hits(db, "Rusia-Korea")
    assert hyphen and all("rusia" in (h["title"] + h["snippet"]).lower() for h in hyphen)
    assert hits(db, "banjir AND rob")[0]["title"].startswith("Banjir Rob")  # FTS5 syntax works too
    assert {h["title"] for h in hits(db, "kore*")} >= {h["title"] for h in hits(db, "korea")}  # prefix query


def test_search_table_exit_statuses(crawled_store):
    db = str(crawled_store["db"])
    table = run_saring("search", db, "festival kopi")
    assert table.returncode == 0, table.stderr
    first = table.stdout.splitlines()
    assert first[0].startswith("2024-11-15 09:30") and "jatimtimes" in first[0] and "Festival Kopi" in first[0]
    assert "[kopi]" in first[1].lower() and first[2].strip().startswith("https://")
    assert run_saring("search", db, "kata-yang-tidak-ada-sama-sekali").returncode == 1
    assert run_saring("search", db, "korea", "--since", "2024-13-01").returncode == 2
    assert run_saring("search", db + ".missing", "korea").returncode == 2


def test_index_in_step_on_update_and_built_once_for_an_old_store(crawled_store, tmp_path):
    db = copy_store(crawled_store["db"], tmp_path)
    with ArticleStore(db) as store:
        record = next(r for r in store.export() if r["title"].startswith("Festival Kopi"))
        store.put(dict(record, title="Festival Teh Lereng Arjuno"))
        assert [h["title"] for h in search(store.db, "teh")] == ["Festival Teh Lereng Arjuno"]
        assert not [h for h in search(store.db, "title:kopi") if h["canonical_url"] == record["canonical_url"]]
        count = store.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    # A store written before the index existed: no view, index or triggers.
    old = sqlite3.connect(db)
    old.executescript("DROP TRIGGER articles_fts_insert; DROP TRIGGER articles_fts_delete; "
                      "DROP TRIGGER articles_fts_update; DROP TABLE articles_fts; DROP VIEW records;")
    old.close()
    result = run_saring("search", str(db), "teh", "--format", "jsonl")
    assert result.returncode == 0 and "building the search index" in result.stderr
    assert [json.loads(line)["title"] for line in result.stdout.splitlines()] == ["Festival Teh Lereng Arjuno"]
    with ArticleStore(db) as store:
        assert has_index(store.db) and ensure_index(store.db) is False  # built once
        indexed = store.db.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0]
        assert indexed == count
        store.db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    again = run_saring("search", str(db), "teh")
    assert "building" not in again.stderr
