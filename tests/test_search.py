"""`saring search`: the store's FTS5 index, on a store made by real crawls of the mirror."""

from __future__ import annotations

import json
import sqlite3

import pytest

from crawler.store import ArticleStore
from crawler.store.search import _values, ensure_index, has_index, search

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


def _in_step(db: sqlite3.Connection) -> None:
    """FTS5's own check of the index against the articles it indexes (raises when they differ)."""
    db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")


def _record(n: int, words: str) -> dict:
    return {"url": f"https://contoh.id/berita/{n}", "title": f"Judul {words}", "summary": f"Ringkasan {n}",
            "published": "2024-11-05T10:00:00+07:00", "body": f"Isi berita nomor {n} tentang {words}."}


def test_batches_indexed_at_commit_match_the_articles(tmp_path):
    """The writer indexes its inserts once per transaction; an article updated in the batch that inserted it,
    or in a later one, is indexed with its last text only, and what another program inserts is indexed by
    the trigger."""
    with ArticleStore(tmp_path / "first.db") as store:  # the first article of a store, updated in its batch
        store.put_batched(_record(1, "banjir rob"))
        store.put_batched(_record(1, "gempa bumi"))
        store.commit()
        _in_step(store.db)
        assert not search(store.db, "banjir") and len(search(store.db, "gempa")) == 1
    with ArticleStore(tmp_path / "a.db") as store:
        for n in range(7):
            store.put_batched(_record(n, "banjir rob"), every=3)
        store.put_batched(_record(6, "gempa bumi"), every=3)  # inserted in this batch, updated before its commit
        store.put_batched(_record(1, "harga cabai"), every=3)  # inserted and committed in an earlier batch
        store.commit()
        _in_step(store.db)
        assert len(search(store.db, "banjir", limit=50)) == 5
        assert [h["url"] for h in search(store.db, "gempa")] == ["https://contoh.id/berita/6"]
        assert [h["url"] for h in search(store.db, "cabai")] == ["https://contoh.id/berita/1"]
    other = sqlite3.connect(tmp_path / "a.db")  # a program that knows nothing of fts_batch
    other.execute("INSERT INTO articles (canonical_url, first_seen, last_seen, record) VALUES (?, '', '', ?)",
                  ("https://contoh.id/lain", json.dumps({"title": "Sungai meluap", "body": "Air naik."})))
    other.commit()
    other.close()
    with ArticleStore(tmp_path / "a.db") as store:
        _in_step(store.db)
        assert [h["canonical_url"] for h in search(store.db, "sungai")] == ["https://contoh.id/lain"]


def test_a_put_that_fails_leaves_no_transaction_and_the_index_in_step(tmp_path):
    with ArticleStore(tmp_path / "a.db") as store:
        with pytest.raises(TypeError):  # not JSON: nothing of it is written, the write lock is let go
            store.put(dict(_record(1, "banjir"), tags={"a set"}))
        assert not store.db.in_transaction
        store.put_batched(_record(2, "banjir"))
        with pytest.raises(TypeError):  # inside a batch: the batch stays, and is committed and indexed
            store.put_batched(dict(_record(3, "banjir"), tags={"a set"}))
        store.commit()
        _in_step(store.db)
        assert [h["url"] for h in search(store.db, "banjir")] == ["https://contoh.id/berita/2"]


def test_an_older_stores_insert_trigger_is_brought_up_to_date(tmp_path):
    """A store made before `fts_batch`: its insert trigger indexed every row. Opening it adds the column and
    the current trigger; its articles stay searchable and new ones are indexed once."""
    db = tmp_path / "old.db"
    with ArticleStore(db) as store:
        store.put(_record(1, "banjir rob"))
    old = sqlite3.connect(db)
    old.executescript(f"""DROP TRIGGER articles_fts_insert;
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, summary, body) VALUES (new.rowid, {_values('new')});
        END;
        ALTER TABLE articles DROP COLUMN fts_batch;""")
    old.close()
    with ArticleStore(db) as store:
        assert has_index(store.db) and ensure_index(store.db) is False
        store.put(_record(2, "banjir bandang"))
        _in_step(store.db)
        assert len(search(store.db, "banjir")) == 2


class _Interrupted(sqlite3.Connection):
    """A connection that raises KeyboardInterrupt right after running the statement starting with `after`:
    a Ctrl-C that lands between a statement and the store's bookkeeping of what it has indexed."""

    after: str | None = None

    def execute(self, sql, *args):
        cursor = super().execute(sql, *args)
        if _Interrupted.after and sql.startswith(_Interrupted.after):
            _Interrupted.after = None
            raise KeyboardInterrupt
        return cursor


@pytest.mark.parametrize("after", ["INSERT INTO articles (", "INSERT INTO articles_fts(rowid", "UPDATE articles SET fts_batch"])
def test_an_interruption_between_a_write_and_its_bookkeeping_loses_the_batch_not_the_index(tmp_path, monkeypatch,
                                                                                            after):
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: connect(*a, factory=_Interrupted, **k))
    with ArticleStore(tmp_path / "a.db") as store:
        store.put_batched(_record(1, "banjir rob"), every=2)
        store.put_batched(_record(2, "banjir rob"), every=2)  # committed
        store.put_batched(_record(3, "banjir rob"), every=2)
        _Interrupted.after = after
        with pytest.raises(KeyboardInterrupt):
            store.put_batched(_record(4, "banjir rob"), every=2)
        assert not store.db.in_transaction and store.pending == 0
    with ArticleStore(tmp_path / "a.db") as store:
        _in_step(store.db)
        assert sorted(h["url"] for h in search(store.db, "banjir")) == ["https://contoh.id/berita/1",
                                                                         "https://contoh.id/berita/2"]
        assert store.size() == 2
        store.put(_record(5, "banjir rob"))
        _in_step(store.db)


def test_copied_rows_are_indexed_by_the_trigger(tmp_path):
    """Committed rows carry no `fts_batch` flag, so rows copied from one store into another are indexed."""
    for name, n in (("a.db", 1), ("b.db", 2)):
        with ArticleStore(tmp_path / name) as store:
            store.put(_record(n, "banjir rob"))
    with ArticleStore(tmp_path / "a.db") as store:
        store.db.execute("ATTACH ? AS b", (str(tmp_path / "b.db"),))
        store.db.execute("INSERT INTO articles SELECT * FROM b.articles")
        store.db.commit()
        _in_step(store.db)
        assert len(search(store.db, "banjir")) == 2


def test_index_in_step_for_odd_texts_and_fields_that_are_not_strings(tmp_path):
    """FTS5's integrity check (the index against the rows' texts, as `json_extract` reads them) holds for
    texts with escapes, non-BMP characters and NUL, for absent and null fields, and for fields that are not
    strings, through updates in the same batch and in a later one."""
    odd = ["kutip \"ganda\" dan \\ garis miring\nbaris\tbaru", "emoji \U0001F600 dan e\u0301 gabung",
           "nul \x00 di tengah", "\u2028 pemisah \ufeff", ""]
    records = [{"url": f"https://contoh.id/aneh/{n}", "title": text, "summary": odd[-1 - n], "body": f"isi {n} {text[:4]}"}
               for n, text in enumerate(odd)]
    records += [{"url": "https://contoh.id/aneh/angka", "title": 2024, "summary": ["daftar", "ringkas"],
                 "body": "isi berangka"},
                {"url": "https://contoh.id/aneh/kosong", "title": None, "body": "isi tanpa ringkasan"}]
    with ArticleStore(tmp_path / "a.db") as store:
        for record in records:
            store.put_batched(record, every=4)
        store.put_batched(dict(records[1], title="diubah \U0001F680 dalam batch"), every=4)
        store.put_batched(dict(records[5], title={"bukan": "teks"}), every=4)
        store.commit()
        _in_step(store.db)
        store.put(dict(records[2], body="isi baru \x00 lagi"))
        store.put(dict(records[6], summary="kini ada"))
        _in_step(store.db)
        assert [h["url"] for h in search(store.db, "berangka")] == ["https://contoh.id/aneh/angka"]
        assert [h["url"] for h in search(store.db, "ringkas")] == ["https://contoh.id/aneh/angka"]
        assert [h["url"] for h in search(store.db, "diubah")] == ["https://contoh.id/aneh/1"]
        # Record 1's title was updated before the commit; record 3's summary holds the same text.
        assert [h["url"] for h in search(store.db, "gabung")] == ["https://contoh.id/aneh/3"]
        # An index read again from the rows finds the same (the rows of an external-content index read back
        # the same either way: only its matches tell two indexes apart).
        words = ["berangka", "ringkas", "diubah", "gabung", "ganda", "emoji", "pemisah", "baru", "kini", "tanpa",
                 "nul", "lagi", "2024", "teks"]
        before = {word: sorted(h["url"] for h in search(store.db, word)) for word in words}
        store.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
        assert {word: sorted(h["url"] for h in search(store.db, word)) for word in words} == before
        assert before["nul"] == ["https://contoh.id/aneh/2"] and before["teks"] == ["https://contoh.id/aneh/angka"]
