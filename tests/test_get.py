"""`saring get URL...`: the news spider's machinery (robots.txt, user agent, retries) for a few URLs, against
the mirror, run as a user would: the installed command, from a directory outside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from crawler.store import ArticleStore

from .conftest import COMPARED, load_expected, paragraphs
from .test_crawl import AMP, FORBIDDEN, GONE

SARING_BIN = Path(sys.executable).with_name("saring")
MEDCOM = next(e for e in load_expected("html") if e["stem"] == "medcom/www_v1_2")
GENERIC = "https://www.contoh-berita.id/ekonomi/2024/11/20/anggaran-subsidi-pupuk-naik-dua-triliun"


def get(mirror, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SCRAPY_SETTINGS_MODULE")}
    return subprocess.run([str(SARING_BIN), "get", "--mirror", mirror.url, "-s", "DOWNLOAD_DELAY=0",
                           "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "RETRY_BACKOFF_BASE=0.1", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_get_prints_records_and_says_why_a_url_gave_none(mirror, tmp_path):
    assert not (tmp_path / "scrapy.cfg").exists()
    result = get(mirror, tmp_path, MEDCOM["url"], GENERIC, GONE, FORBIDDEN, AMP)
    assert result.returncode == 1, result.stderr[-3000:]
    records = {r["url"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert set(records) == {MEDCOM["url"], GENERIC, AMP}
    for name in COMPARED:
        assert records[MEDCOM["url"]][name] == MEDCOM[name], name
    assert paragraphs(records[MEDCOM["url"]]["body"]) == paragraphs(MEDCOM["body"])
    assert records[GENERIC]["extractor"] == "generic" and records[GENERIC]["http_status"] == 200
    assert f"saring get: no record for {GONE}: article failed: HTTP 404" in result.stderr
    assert f"saring get: no record for {FORBIDDEN}: article not fetched: Forbidden by robots.txt" in result.stderr
    # The crawl's rules: robots.txt asked first, the 503 retried, Saring's user agent throughout.
    served = [url for url, _ in mirror.served]
    assert "https://www.medcom.id/robots.txt" in served and not any(u.startswith(FORBIDDEN) for u in served)
    assert [status for url, status in mirror.served if url == AMP] == [503, 200]
    assert {agent for _, agent in mirror.agents} == {f"Saring/{version('saring')} (Indonesian news crawler)"}


def test_get_writes_a_file_and_a_store(mirror, tmp_path):
    out, db = tmp_path / "out.jsonl", tmp_path / "articles.db"
    result = get(mirror, tmp_path, MEDCOM["url"], "-o", str(out), "--db", str(db), "-s", "SARING_CONTACT=ops@example.org")
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout == "" and "saring get: 1 record(s) from 1 URL(s)" in result.stderr
    assert [json.loads(line)["title"] for line in out.read_text(encoding="utf-8").splitlines()] == [MEDCOM["title"]]
    with ArticleStore(db, readonly=True) as store:
        assert [r["title"] for r in store.export()] == [MEDCOM["title"]]
    assert all(agent.endswith("; ops@example.org)") for _, agent in mirror.agents)
    assert get(mirror, tmp_path, "not-a-url").returncode == 2
