"""Full-text search in the article store: an SQLite FTS5 index over title, summary and body.

- `records` is a view of the store with the record's fields as columns (what Datasette shows, and the
  index's external content, so the text is not stored twice).
- `articles_fts` is the FTS5 index, tokenised `unicode61 remove_diacritics 2`: case and diacritics are
  folded (`PEMILU` finds `pemilu`, `Café` finds `cafe`), hyphenated words (`anak-anak`, `ke-2`) are split
  into their parts. Its rowid is the article's rowid in `articles`.
- Triggers on `articles` keep it in step on insert, update and delete, whoever writes the store. The
  store's own writer (ArticleStore) inserts rows with `fts_batch = 1`, which the insert trigger skips, and
  indexes them with one `INSERT ... SELECT` per transaction, just before it commits (`INDEX_ROWS`, then
  `CLEAR_ROWS`, so committed rows carry no flag): measured in the store on 2,000 synthetic records, a row
  costs about 0.08 ms that way and 0.25 ms through the trigger of its upsert. Readers see the rows and their
  index entries in the same commit.

`ensure_index` adds all three to a store that lacks them and fills the index from the stored articles, once;
it also brings the insert trigger of an older store up to date (adding the `fts_batch` column).
The index follows `articles.rowid`, which SQLite keeps through `VACUUM` in practice but does not promise to;
`rebuild_index` (`saring search --rebuild-index`) reads everything again.
"""

from __future__ import annotations

import sqlite3
from typing import Any

#: The record's fields as columns, read from the stored JSON. `id` is the rowid the index points at.
_FIELDS = ("url", "title", "summary", "authors", "editors", "published", "updated", "section", "tags",
           "image_url", "image_caption", "source", "body", "pages", "extractor", "fetched_at", "http_status")

VIEW = (
    "CREATE VIEW IF NOT EXISTS records AS SELECT rowid AS id, canonical_url, site, day, language, "
    + ", ".join(f"json_extract(record, '$.{name}') AS {name}" for name in _FIELDS)
    + ", duplicate_of, first_seen, last_seen FROM articles"
)

#: Weights of title, summary and body in the ranking (bm25): a match in the title counts most.
WEIGHTS = (10.0, 4.0, 1.0)

_TEXT = ("title", "summary", "body")


def _values(row: str) -> str:
    return ", ".join(f"json_extract({row}.record, '$.{name}')" for name in _TEXT)


INDEX = ("CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, summary, body, content='records', "
         "content_rowid='id', tokenize='unicode61 remove_diacritics 2')")

_CHANGED = " OR ".join(f"json_extract(old.record, '$.{n}') IS NOT json_extract(new.record, '$.{n}')" for n in _TEXT)
TRIGGERS = (
    f"""CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles WHEN new.fts_batch IS NULL BEGIN
    INSERT INTO articles_fts(rowid, title, summary, body) VALUES (new.rowid, {_values("new")});
END""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, summary, body) VALUES ('delete', old.rowid, {_values("old")});
END""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF record ON articles WHEN {_CHANGED} BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, summary, body) VALUES ('delete', old.rowid, {_values("old")});
    INSERT INTO articles_fts(rowid, title, summary, body) VALUES (new.rowid, {_values("new")});
END""",
)


#: Indexes the rows whose rowids are the JSON array `?` (the writer's batch of `fts_batch` rows).
INDEX_ROWS = ("INSERT INTO articles_fts(rowid, title, summary, body) SELECT rowid, "
              + ", ".join(f"json_extract(record, '$.{name}')" for name in _TEXT)
              + " FROM articles WHERE rowid IN (SELECT value FROM json_each(?))")
#: Clears the flag of those rows once indexed, in the same transaction: a committed row carries none, so a
#: program that copies rows into a store (`INSERT ... SELECT *`) has them indexed by the insert trigger.
CLEAR_ROWS = "UPDATE articles SET fts_batch = NULL WHERE rowid IN (SELECT value FROM json_each(?))"


def _columns(db: sqlite3.Connection) -> set[str]:
    return {row[1] for row in db.execute("PRAGMA table_info(articles)")}


def _current_trigger(db: sqlite3.Connection) -> bool:
    """The insert trigger leaves the writer's batch rows (`fts_batch`) alone (older stores: it does not)."""
    row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'articles_fts_insert'"
                     ).fetchone()
    return bool(row) and "fts_batch" in row[0]


def has_index(db: sqlite3.Connection) -> bool:
    names = {name for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE name IN ('records', 'articles_fts', 'articles_fts_insert', "
        "'articles_fts_delete', 'articles_fts_update')")}
    return len(names) == 5


def ensure_index(db: sqlite3.Connection) -> bool:
    """Create the view, the index and its triggers where missing; fill a new index from the stored
    articles. Returns True when the index was built now.

    One write transaction, taken before looking again: a store is never left with an index but no
    triggers, and two processes opening an older store at once build the index once."""
    if has_index(db) and _current_trigger(db):
        return False
    if db.in_transaction:
        db.commit()
    db.execute("BEGIN IMMEDIATE")
    try:
        built = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles_fts'").fetchone() is None
        if "fts_batch" not in _columns(db):
            db.execute("ALTER TABLE articles ADD COLUMN fts_batch INTEGER")
        if not _current_trigger(db):
            db.execute("DROP TRIGGER IF EXISTS articles_fts_insert")
        for statement in (VIEW, INDEX, *TRIGGERS):
            db.execute(statement)
        if built:
            db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    except BaseException:
        db.rollback()
        raise
    db.commit()
    return built


def rebuild_index(db: sqlite3.Connection) -> None:
    ensure_index(db)
    with db:
        db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")


def quoted(query: str) -> str:
    """A user's words as FTS5 phrases: every word must occur (`anak-anak` is the phrase `anak anak`)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in query.split())


def record_filters(site: str | None, since: str | None, until: str | None, table: str = ""
                   ) -> tuple[list[str], list[str]]:
    """SQL conditions and their parameters for the store's filters: a site family ("generic": records of
    the generic path, which have no site), the published day from `since` to `until` (YYYY-MM-DD).
    `table` prefixes the columns (`"a."`)."""
    clauses, params = [], []
    if site == "generic":
        clauses.append(f"{table}site IS NULL")
    elif site:
        clauses.append(f"{table}site = ?")
        params.append(site)
    if since:
        clauses.append(f"{table}day >= ?")
        params.append(since)
    if until:
        clauses.append(f"{table}day <= ?")
        params.append(until)
    return clauses, params


def search(db: sqlite3.Connection, query: str, site: str | None = None, since: str | None = None,
           until: str | None = None, limit: int = 20, mark: tuple[str, str] = ("[", "]"),
           snippet_words: int = 16) -> list[dict[str, Any]]:
    """Articles matching `query`, best first (bm25, title weighted over summary over body).

    `query` is FTS5 syntax (`banjir AND rob`, `"banjir rob"`, `pemilu*`, `title:banjir`); a query that is
    not valid FTS5 syntax is taken as plain words that must all occur. `site` ("generic" for the generic
    path), `since` and `until` (YYYY-MM-DD, on the published day) filter. Each hit has `snippet`: the
    body's best-matching passage (or the summary's, the title's) with the matches between `mark`.
    """
    clauses, params = record_filters(site, since, until, "a.")
    where = "".join(f" AND {clause}" for clause in clauses)
    sql = (
        "SELECT a.published, a.site, json_extract(a.record, '$.title'), json_extract(a.record, '$.url'), "
        f"a.canonical_url, snippet(articles_fts, 2, ?, ?, '…', ?), snippet(articles_fts, -1, ?, ?, '…', ?), bm25(articles_fts, {', '.join(map(str, WEIGHTS))}) "
        "AS rank FROM articles_fts JOIN articles AS a ON a.rowid = articles_fts.rowid "
        f"WHERE articles_fts MATCH ?{where} ORDER BY rank LIMIT ?")
    keys = ("published", "site", "title", "url", "canonical_url")

    def run(match: str) -> list[dict[str, Any]]:
        rows = db.execute(sql, (*mark, snippet_words, *mark, snippet_words, match, *params, limit)).fetchall()
        hits = []
        for row in rows:
            hit = dict(zip(keys, row[:5], strict=True))
            # The body's passage when the body matches (the title is shown anyway), else the best one.
            hit["snippet"] = row[5] if row[5] and mark[0] in row[5] else row[6]
            hit["rank"] = row[7]
            hits.append(hit)
        return hits

    try:
        return run(query)
    except sqlite3.OperationalError:
        # Not FTS5 syntax (`anak-anak`, `covid-19`, an unbalanced quote, `a:b`): plain words.
        return run(quoted(query))
