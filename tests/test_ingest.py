"""`saring ingest` against a real redis-server: bad items are dead-lettered with a reason and ingest goes
on; a killed ingest loses nothing."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time

import redis

from .conftest import ROOT, SARING, run_saring

ENV = dict(os.environ, PYTHONPATH=str(ROOT))


def item(n: int, words: int = 30) -> bytes:
    url = f"https://www.example.com/berita/{n}"
    body = " ".join(f"kata{(n * 7919 + i * 104729) % 100003}" for i in range(words))
    return json.dumps({"url": url, "canonical_url": url, "title": f"Judul {n}", "body": body,
                       "published": "2024-11-05T10:00:00+07:00", "language": "id"}).encode()


def stored_urls(db) -> list[str]:
    return [url for (url,) in sqlite3.connect(db).execute("SELECT canonical_url FROM articles ORDER BY rowid")]


def test_bad_items_are_dead_lettered_and_ingest_goes_on(redis_url, tmp_path):
    client = redis.Redis.from_url(redis_url)
    bad = {b"[1,2]": "not an article record", b"{not json": "not JSON", b'{"title": "no url"}': "canonical_url or url",
           b'{"url": 5, "body": "x"}': "url is int", b'{"url": "https://a.example/x", "body": ["x"]}': "body is list",
           b'{"url": "https://a.example/y", "published": "yesterday"}': "not an ISO 8601 date",
           b"\xff\xfe{}": "not UTF-8", b"[" * 100000: "not JSON", b"null": "not an article record"}
    good = [item(n) for n in range(1200)]
    client.rpush("news:items", *good[:300], *bad, *good[300:])
    client.rpush("medcom:items", item(5000), b"42")

    result = run_saring("ingest", "--redis", redis_url, "--db", str(tmp_path / "articles.db"))

    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(stored_urls(tmp_path / "articles.db")) == sorted(
        json.loads(raw)["url"] for raw in [*good, item(5000)])
    dead = [json.loads(raw) for raw in client.lrange("news:items:dead", 0, -1)]
    assert len(dead) == len(bad)
    for letter, (raw, words) in zip(dead, bad.items(), strict=True):
        assert words in letter["reason"], letter["reason"]
        assert letter["item"] == raw.decode("utf-8", "backslashreplace")
    assert len(client.lrange("medcom:items:dead", 0, -1)) == 1
    lines = [line for line in result.stderr.splitlines() if "dead-lettered to" in line]
    assert len(lines) == len(bad) + 1
    assert result.stderr.strip().splitlines()[-1] == "saring ingest: 1201 items stored from 2 list(s), 10 dead-lettered"
    for key in ("news:items", "news:items:processing", "medcom:items", "medcom:items:processing"):
        assert client.llen(key) == 0, key

    # Nothing new: exit 0, nothing stored twice.
    again = run_saring("ingest", "--redis", redis_url, "--db", str(tmp_path / "articles.db"))
    assert again.returncode == 0, again.stderr
    assert len(stored_urls(tmp_path / "articles.db")) == 1201


def test_a_killed_ingest_loses_nothing(redis_url, tmp_path):
    client = redis.Redis.from_url(redis_url)
    count = 6000
    client.rpush("tribunnews:items", *(item(n, words=300) for n in range(count)))
    db = tmp_path / "articles.db"
    kills = 0
    for _ in range(3):  # kill it mid-batch, three times, then let it finish
        process = subprocess.Popen([*SARING, "ingest", "--redis", redis_url, "--db", str(db)], cwd=ROOT, env=ENV,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        start = client.llen("tribunnews:items")
        # Once the items list shrank, a batch is in the ingest's hands: kill it there.
        while client.llen("tribunnews:items") == start and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.001)
        time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait()
        kills += process.returncode == -signal.SIGKILL
    assert kills >= 1
    result = run_saring("ingest", "--redis", redis_url, "--db", str(db))
    assert result.returncode == 0, result.stderr
    urls = stored_urls(db)
    assert len(urls) == len(set(urls)) == count
    assert client.llen("tribunnews:items") == client.llen("tribunnews:items:processing") == 0
    assert not client.exists("tribunnews:items:dead")
