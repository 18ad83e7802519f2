"""The article store: one SQLite row per canonical URL, the full record as JSON plus indexed columns.

Writing a newer version of a known article updates it and keeps `first_seen`. A record whose body is an
exact or near copy (SimHash, crawler.fingerprint) of an article stored earlier under another URL is kept,
with `duplicate_of` naming that first article.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .fingerprint import BANDS, NEAR_BITS, bands, distance
from .fingerprint import fingerprint as body_fingerprint
from .search import CLEAR_ROWS, INDEX_ROWS, ensure_index, record_filters

#: Near copies are looked for among articles published this many days around the new one.
NEAR_DAYS = 3

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS articles (
    canonical_url TEXT PRIMARY KEY,
    site TEXT,
    published TEXT,
    day TEXT,
    language TEXT,
    body_hash TEXT,
    simhash INTEGER,
    {", ".join(f"band{i} INTEGER" for i in range(BANDS))},
    duplicate_of TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    record TEXT NOT NULL,
    fts_batch INTEGER
);
CREATE INDEX IF NOT EXISTS articles_site ON articles(site);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day);
CREATE INDEX IF NOT EXISTS articles_language ON articles(language);
CREATE INDEX IF NOT EXISTS articles_body_hash ON articles(body_hash);
{"".join(f"CREATE INDEX IF NOT EXISTS articles_band{i}_day ON articles(band{i}, day);" for i in range(BANDS))}
{"".join(f"DROP INDEX IF EXISTS articles_band{i};" for i in range(BANDS))}
"""
# The band indexes hold the published day too: the near-copy lookup reads the day of each row sharing a band
# from the index and fetches only the rows inside its window, so its cost stays flat as the store grows
# (an older store's band-only indexes are replaced when it is opened for writing). 20,000 synthetic records:
# 2.7 -> 0.9 ms a lookup.


_NEAR = dt.timedelta(days=NEAR_DAYS)


def _near_query(window: str) -> str:
    """One statement for the six bands (each part uses its band's index), in the order of a loop over the
    bands: band by band, oldest first."""
    parts = " UNION ALL ".join(
        f"SELECT {index} AS band, canonical_url, simhash, first_seen, rowid AS row FROM articles "
        f"WHERE band{index} = ? AND canonical_url != ?{window}" for index in range(BANDS))
    return f"SELECT canonical_url, simhash FROM ({parts}) ORDER BY band, first_seen, row"


#: The near-copy query without and with the published-day window.
_NEAR_QUERY = (_near_query(""), _near_query(" AND (day IS NULL OR day BETWEEN ? AND ?)"))

#: Insert a record, or update the stored one; a new row carries `fts_batch = 1` (crawler.store.search).
_UPSERT = (
    f"INSERT INTO articles (canonical_url, site, published, day, language, body_hash, simhash, "
    f"{', '.join(f'band{i}' for i in range(BANDS))}, duplicate_of, first_seen, last_seen, record, "
    f"fts_batch) VALUES ({', '.join('?' * (11 + BANDS))}, 1) "
    "ON CONFLICT(canonical_url) DO UPDATE SET site=excluded.site, published=excluded.published, "
    "day=excluded.day, language=excluded.language, body_hash=excluded.body_hash, simhash=excluded.simhash, "
    + ", ".join(f"band{i}=excluded.band{i}" for i in range(BANDS))
    + ", duplicate_of=excluded.duplicate_of, last_seen=excluded.last_seen, record=excluded.record")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _signed(value: int) -> int:
    """SQLite integers are signed 64-bit."""
    return value - (1 << 64) if value >= 1 << 63 else value


class StoreError(Exception):
    """The store cannot be used: not an SQLite file, corrupt, or another program's database. The message is
    one line naming the file."""


def _schema_tables(db: sqlite3.Connection) -> set[str]:
    return {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _in_wal_mode(path: Path) -> bool:
    """The file's header says WAL journal mode (bytes 18 and 19 are 2)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(20)[18:20] == b"\x02\x02"
    except OSError:
        return False


def fold_wal(path: str | Path) -> None:
    """Move what a `-wal` file beside the store holds into the store itself (a checkpoint), so that the
    file alone holds the data; the side files go when no other process has the store open. Best effort:
    a store on read-only media, or one a crawl is writing, is left as it is."""
    path = Path(path)
    wal = path.with_name(path.name + "-wal")
    if not wal.exists():
        return
    try:
        db = sqlite3.connect(path, timeout=1)
        try:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
    except sqlite3.Error:
        pass


class ArticleStore:
    """Opening checks the file: an SQLite database that is empty or holds an `articles` table; with
    `check=True` (a crawl's start) also SQLite's `quick_check` of every page, about a second per few
    hundred MB. Anything else raises StoreError."""

    def __init__(self, path: str | Path, readonly: bool = False, check: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        #: Records of put_batched committed by this object, and those not committed yet.
        self.committed = 0
        self._pending = 0
        #: Rowids inserted in this transaction and not in the full-text index yet (crawler.store.search).
        self._unindexed: list[int] = []
        self._committed = time.monotonic()
        try:
            if readonly:
                if not self.path.is_file():
                    raise StoreError(f"{self.path}: no such store")
                self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, timeout=30)
            tables = _schema_tables(self.db)
            if tables and "articles" not in tables:
                raise StoreError(f"{self.path}: an SQLite database, but not an article store (no articles table)")
            if readonly and not tables:
                hint = (f"; its data may be in a {self.path.name}-wal file that was not copied with it"
                        if _in_wal_mode(self.path) else "")
                raise StoreError(f"{self.path}: an empty SQLite database, not an article store (no articles "
                                 f"table){hint}")
            if check:
                problems = [row[0] for row in self.db.execute("PRAGMA quick_check(3)")]
                if problems != ["ok"]:
                    detail = " ".join("; ".join(problems).split())
                    raise StoreError(f"{self.path}: corrupt ({detail[:300]})")
            if not readonly:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.executescript(SCHEMA)
                ensure_index(self.db)  # full-text search (crawler.store.search), built once for an older store
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"{self.path}: {exc.strerror or exc}") from exc

    def checkpoint(self) -> None:
        """Commit, and move the write-ahead log into the store file (`articles.db` alone then holds the data;
        the `-wal` file is emptied, and removed when the last connection closes)."""
        if self.readonly:
            return
        self.commit()
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Commit and checkpoint (see `checkpoint`), then close."""
        if not self.readonly:
            try:
                self.checkpoint()
            except sqlite3.OperationalError:  # busy: another process reads; the next close folds it in
                self.commit()
        self.db.close()

    def size(self) -> int:
        """How many articles the store holds."""
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def __enter__(self) -> ArticleStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def known(self, canonical_url: str | None) -> bool:
        if not canonical_url:
            return False
        return self.db.execute("SELECT 1 FROM articles WHERE canonical_url = ?", (canonical_url,)).fetchone() is not None

    def _original(self, canonical_url: str, digest: str, fingerprint: int, day: str | None) -> str | None:
        row = self.db.execute(
            "SELECT canonical_url FROM articles WHERE body_hash = ? AND canonical_url != ? "
            "ORDER BY first_seen, rowid LIMIT 1", (digest, canonical_url)).fetchone()
        if row:
            return row[0]
        # Near copies: rows sharing a SimHash band, published within NEAR_DAYS of this one (syndicated copies
        # appear together; the window keeps the candidate set small however large the store grows).
        if day:
            base = dt.date.fromisoformat(day)
            params: tuple[str, ...] = ((base - _NEAR).isoformat(), (base + _NEAR).isoformat())
        else:
            params = ()
        values = [v for band in bands(fingerprint) for v in (band, canonical_url, *params)]
        for url, other in self.db.execute(_NEAR_QUERY[bool(day)], values):
            if distance(fingerprint, other & ((1 << 64) - 1)) <= NEAR_BITS:
                return url
        return None

    def put(self, record: dict[str, Any], commit: bool = True) -> dict[str, Any]:
        """Store (or update) an article; returns the record as stored (with `duplicate_of`). A record that
        is not an article record (no URL, fields of the wrong type) raises ValueError saying why."""
        if not isinstance(record, dict):
            raise ValueError(f"not a JSON object but {type(record).__name__}")
        key = record.get("canonical_url") or record.get("url")
        if not key:
            raise ValueError("a record needs canonical_url or url to be stored")
        for name in ("canonical_url", "url", "site", "published", "language", "body"):
            if record.get(name) is not None and not isinstance(record[name], str):
                raise ValueError(f"{name} is {type(record[name]).__name__}, not a string")
        published = record.get("published")
        try:
            day = dt.date.fromisoformat(published[:10]).isoformat() if published else None
        except ValueError:
            raise ValueError(f"published {published[:40]!r} is not an ISO 8601 date") from None
        body = record.get("body") or ""
        digest, fingerprint = body_fingerprint(body)
        began = not self.db.in_transaction
        if began:
            # Look and write in one transaction: a row another process inserted in between would turn the
            # INSERT into an update, and this writer would index a row it did not insert.
            self.db.execute("BEGIN IMMEDIATE")
        try:
            cursor, existing, stored = self._write(key, record, published, day, digest, fingerprint)
            if not existing:  # an insert (an update goes through the index's update trigger)
                self._unindexed.append(cursor.lastrowid)
        except BaseException as exc:
            if not isinstance(exc, Exception):
                self._abandon()
            elif began and self.db.in_transaction:  # nothing else is in this transaction
                self.db.rollback()
            self._forget_if_rolled_back()
            raise
        if commit:
            self.commit()
        return stored

    def _write(self, key: str, record: dict[str, Any], published: str | None, day: str | None, digest: str,
               fingerprint: int) -> tuple[sqlite3.Cursor, tuple | None, dict[str, Any]]:
        existing = self.db.execute("SELECT first_seen, duplicate_of FROM articles WHERE canonical_url = ?",
                                   (key,)).fetchone()
        if existing and self._unindexed:
            # The update trigger takes the row's old text out of the index: it must be in it by then.
            self._index_batch()
        original = existing[1] if existing and existing[1] else self._original(key, digest, fingerprint, day)
        stored = dict(record, duplicate_of=original)
        now = _now()
        values = (key, record.get("site"), published, day, record.get("language"),
                  digest, _signed(fingerprint), *bands(fingerprint), original,
                  existing[0] if existing else now, now, json.dumps(stored, ensure_ascii=False))
        return self.db.execute(_UPSERT, values), existing, stored

    def _index_batch(self) -> None:
        """Add the rows inserted since the last commit to the full-text index (one statement), and clear their
        flag (another)."""
        if self._unindexed:
            rows = json.dumps(self._unindexed)
            try:
                self.db.execute(INDEX_ROWS, (rows,))
                self.db.execute(CLEAR_ROWS, (rows,))
            except BaseException:
                self._abandon()  # perhaps half done: drop the batch rather than index a row twice
                raise
            self._unindexed = []

    def _abandon(self) -> None:
        """Drop the open transaction. For an interruption (Ctrl-C) that lands between a statement and the
        bookkeeping of what is indexed: the batch is lost, as when the process is killed, and the rows and
        the index stay in step."""
        if self.db.in_transaction:
            self.db.rollback()
        self._unindexed, self._pending = [], 0

    def _forget_if_rolled_back(self) -> None:
        """After a failed statement: when the transaction is gone (rolled back here or by SQLite, e.g. a full
        disk at commit), nothing of the batch is stored, pending or waiting for the index."""
        if not self.db.in_transaction:
            self._unindexed, self._pending = [], 0

    def commit(self) -> None:
        """Index the rows of this transaction (crawler.store.search), then commit."""
        try:
            self._index_batch()
            self.db.commit()
        except sqlite3.DatabaseError:
            self._forget_if_rolled_back()
            raise
        except BaseException:
            self._abandon()
            raise
        self.committed += self._pending
        self._pending = 0
        self._committed = time.monotonic()

    @property
    def pending(self) -> int:
        """Records of put_batched not committed yet (lost if the process dies now)."""
        return self._pending

    def put_batched(self, record: dict[str, Any], every: int = 100, seconds: float = 1.0) -> dict[str, Any]:
        """`put`, committing every `every` records or `seconds`. A crawl killed before a commit loses at most
        that batch from the store, and a resumed JOBDIR crawl asks again for every article its journal holds
        that the store lacks (crawler.store.known.PendingArticles), so each article is still stored once.
        When SQLite fails and rolls the transaction back (a full disk at commit), the batch is not counted
        as pending any more: `committed` stays what the store holds."""
        stored = self.put(record, commit=False)
        self._pending += 1
        if self._pending >= every or time.monotonic() - self._committed >= seconds:
            self.commit()
        return stored

    def export(self, site: str | None = None, since: str | None = None, until: str | None = None
               ) -> Iterator[dict[str, Any]]:
        clauses, params = record_filters(site, since, until)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        for (record,) in self.db.execute(f"SELECT record FROM articles {where} ORDER BY day, canonical_url", params):
            yield json.loads(record)

    def counts(self) -> dict[str, list[tuple[Any, int]]]:
        def group(column: str) -> list[tuple[Any, int]]:
            return self.db.execute(f"SELECT {column}, COUNT(*) FROM articles GROUP BY {column} ORDER BY {column}"
                                   ).fetchall()

        total = self.db.execute("SELECT COUNT(*), COUNT(duplicate_of) FROM articles").fetchone()
        return {"total": [("articles", total[0]), ("duplicates", total[1])], "site": group("site"),
                "day": group("day"), "language": group("language")}
