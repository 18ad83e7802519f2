from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from cleaners.sites import PROFILES
from testing.fixtures import FIXTURES, ROOT, SHARED, site_fixtures, text_fixtures

SARING = [sys.executable, "-m", "crawler.cli"]

# A test run started in the background by a non-interactive shell (`make test &`) ignores SIGINT, and a
# program keeps an ignored SIGINT across exec: the commands under test would then not see the Ctrl-C the
# interrupt tests send them. Handled here, it is reset to the default in every child.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

#: Fields the issue asks to compare for every fixture.
COMPARED = ("site", "title", "summary", "authors", "editors", "published", "tags", "image_caption", "source")

__all__ = ["COMPARED", "FIXTURES", "ROOT", "SHARED", "load_expected", "page", "page_path", "paragraphs", "read_items",
           "run_saring", "scrapy_crawl"]


def load_expected(kind: str = "text") -> list[dict]:
    """Expected records of the shared page texts (kind "text": `stem` is the text's name) or of the site
    families' HTML fixture pages (kind "html": `stem` is `<family>/<name>`, `path` the page)."""
    if kind == "text":
        return text_fixtures()
    return [{**f.expected, "stem": f.id, "path": f.html_path} for f in site_fixtures()]


def scrapy_crawl(mirror_url: str, tmp_path: Path, spider: str, *args: str, settings: tuple[str, ...] = (),
                 feed: str | None = "{spider}.jsonl", stats: str = "{spider}.stats.json", fast: bool = True,
                 ) -> subprocess.CompletedProcess:
    """A real `scrapy crawl <spider>` against an offline mirror, with the store, the feed (`-O`) and the stats
    file in `tmp_path`; `fast` lifts the politeness delays. The log is in `.stderr`."""
    command = [sys.executable, "-m", "scrapy", "crawl", spider, "-s", f"MIRROR_URL={mirror_url}",
               "-s", f"SARING_DB={tmp_path / 'articles.db'}",
               "-s", f"SARING_STATS_FILE={tmp_path / stats.format(spider=spider)}"]
    if feed:
        command += ["-O", str(tmp_path / feed.format(spider=spider))]
    if fast:
        command += ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0"]
    for setting in settings:
        command += ["-s", setting]
    for arg in args:
        command += ["-a", arg]
    return subprocess.run(command, cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True,
                          text=True, timeout=300)


def read_items(path: Path) -> list[dict]:
    """The records of a JSON-lines feed (none when the file was not written)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def page_path(stem: str) -> Path:
    """The HTML fixture page `<family>/<name>`."""
    return next(f.html_path for f in site_fixtures() if f.id == stem)


def page(stem: str) -> str:
    return page_path(stem).read_text(encoding="utf-8")


def paragraphs(body: str | list[str]) -> list[str]:
    parts = body if isinstance(body, list) else body.split("\n\n")
    return [" ".join(p.split()) for p in parts]


def run_saring(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([*SARING, *args], capture_output=True, text=True, cwd=kwargs.pop("cwd", ROOT),
                          env=env, **kwargs)


@pytest.fixture
def mirror():
    """The offline mirror of the fixture sites on a free 127.0.0.1 port, for one test."""
    from testing.mirror import serve

    server = serve()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(params=load_expected("text"), ids=lambda e: e["fixture"])
def expected(request) -> dict:
    return request.param


@pytest.fixture(params=load_expected("html"), ids=lambda e: e["stem"])
def expected_html(request) -> dict:
    return request.param


@pytest.fixture
def redis_url(tmp_path):
    """A real redis-server on a free 127.0.0.1 port, for one test (Debian's package; `make test` installs it)."""
    import shutil
    import time

    import redis

    from testing.mirror import free_port

    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is missing: `make test` installs Debian's redis-server (apt-get)")
    port = free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                "--dir", str(tmp_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 60
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=30)


def copy_store(db: Path, directory: Path) -> Path:
    """A copy of an SQLite store with its WAL (a crawl's read-only connection may leave one)."""
    import shutil

    for suffix in ("", "-wal", "-shm"):
        if Path(f"{db}{suffix}").exists():
            shutil.copy(f"{db}{suffix}", directory / f"{db.name}{suffix}")
    return directory / db.name


#: The spiders (and arguments) of `crawled_store`: every family's latest articles and a page of the generic path.
CRAWLS = (*((profile.name,) for profile in PROFILES),
          # A page of the generic path, and a regional copy of a Tribun story (a near-duplicate cluster).
          ("news", "urls=https://www.contoh-berita.id/ekonomi/2024/11/20/anggaran-subsidi-pupuk-naik-dua-triliun,"
                   "https://www.tribunnews.com/regional/2024/11/05/banjir-rob-genangi-pantura-semarang-ribuan-warga-mengungsi"))


@pytest.fixture(scope="session")
def crawled_store(tmp_path_factory) -> dict:
    """One article store made by real `scrapy crawl` runs against the mirror (read-only for tests: copy it
    to change it): {"db": path, "stats": [stats files], "items": [items]}."""
    from testing.mirror import serve

    from .test_crawl import crawl

    directory = tmp_path_factory.mktemp("crawled")
    server = serve()
    items, stats = [], []
    try:
        for spider, *args in CRAWLS:
            found, _ = crawl(server, directory, spider, *args)
            items += found
            stats.append(directory / f"{spider}.stats.json")
    finally:
        server.shutdown()
        server.server_close()
    return {"db": directory / "articles.db", "stats": stats, "items": items}
