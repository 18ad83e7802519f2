"""README "Where the data goes next": each recipe block run as written, on exports of a store made by real
crawls of the mirror (pandas; Datasette on a free port, fetched over HTTP; Hugging Face datasets when
installed)."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from testing.mirror import free_port

from .conftest import ROOT, copy_store, run_saring

RECIPE = re.compile(r"<!-- recipe: (\w+) -->\n```(\w+)\n(.*?)```", re.S)


def recipes() -> dict[str, str]:
    return {name: code for name, _, code in RECIPE.findall((ROOT / "README.md").read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def exports(crawled_store, tmp_path_factory) -> Path:
    """A working directory with articles.db and its JSONL and Parquet exports, as the recipes expect."""
    directory = tmp_path_factory.mktemp("recipes")
    copy_store(crawled_store["db"], directory)
    for name in ("articles.jsonl", "articles.parquet"):
        result = run_saring("export", str(directory / "articles.db"), "-o", str(directory / name))
        assert result.returncode == 0, result.stderr
    return directory


def test_readme_has_the_three_recipes():
    assert set(recipes()) == {"pandas", "datasette", "datasets"}


def run_python(code: str, cwd: Path) -> subprocess.CompletedProcess:
    # Hugging Face libraries stay off the network (tests talk to 127.0.0.1 only).
    env = dict(os.environ, HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1")
    result = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def test_pandas_recipe(crawled_store, exports):
    out = run_python(recipes()["pandas"], exports).stdout
    total = len(list(map(json.loads, (exports / "articles.jsonl").read_text(encoding="utf-8").splitlines())))
    for site in ("tribunnews", "medcom", "kompastv", "jatimtimes"):
        assert site in out
    assert "Banjir Rob Genangi Pantura Semarang" in out and f"{total} records" in out


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:  # 127.0.0.1 only
        return response.read()


def test_datasette_recipe(exports):
    datasette = Path(sys.executable).with_name("datasette")
    line = next(ln for ln in recipes()["datasette"].splitlines() if ln.startswith("datasette "))
    command = shlex.split(line.split("#")[0])
    command[0] = str(datasette)
    command[command.index("-m") + 1] = str(ROOT / command[command.index("-m") + 1])  # the checkout's file
    port = free_port()
    process = subprocess.Popen([*command, "--host", "127.0.0.1", "--port", str(port)], cwd=exports,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                fetch(f"{base}/-/versions.json")
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"datasette exited: {process.stderr.read()[-2000:]}")
                time.sleep(0.1)
        page = fetch(f"{base}/articles/records").decode()
        assert "<h1>Articles (view)" in page and 'name="_search"' in page  # the metadata's title, a search box
        found = json.loads(fetch(f"{base}/articles/records.json?_search=korea&_shape=array&_col=site&_col=title"))
        assert {row["site"] for row in found} == {"tribunnews", "medcom", "kompastv", "jatimtimes"}
        ranked = json.loads(fetch(f"{base}/articles/search.json?q=festival+kopi&_shape=array"))
        assert ranked[0]["title"].startswith("Festival Kopi") and "<<kopi>>" in ranked[0]["snippet"].lower()
        facets = json.loads(fetch(f"{base}/articles/records.json?_facet=site"))
        assert {f["value"] for f in facets["facet_results"]["site"]["results"]} >= {"medcom", "tribunnews"}
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_datasets_recipe(exports):
    pytest.importorskip("datasets", reason="Hugging Face datasets is not installed (pip install datasets)")
    out = run_python(recipes()["datasets"], exports).stdout
    assert "num_rows" in out and (exports / "saring-articles").is_dir()
