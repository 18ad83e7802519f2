from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"
SARING = [sys.executable, "-m", "crawler.cli"]

#: Fields the issue asks to compare for every fixture.
COMPARED = ("site", "title", "summary", "authors", "editors", "published", "tags", "image_caption", "source")


def load_expected(kind: str = "text") -> list[dict]:
    """Expected records of the text fixtures (kind "text") or of the HTML pages (kind "html")."""
    found = []
    for path in sorted((FIXTURES / "expected").glob("*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        expected["stem"] = path.stem
        page = FIXTURES / "text" / expected["fixture"] if kind == "text" else FIXTURES / "html" / f"{path.stem}.html"
        if page.exists():
            found.append(expected)
    return found


def paragraphs(body: str | list[str]) -> list[str]:
    parts = body if isinstance(body, list) else body.split("\n\n")
    return [" ".join(p.split()) for p in parts]


def run_saring(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([*SARING, *args], capture_output=True, text=True, cwd=kwargs.pop("cwd", ROOT),
                          env=env, **kwargs)


@pytest.fixture
def mirror():
    """The offline mirror of fixtures/sites on a free 127.0.0.1 port, for one test."""
    from crawler.mirror import serve

    server = serve(FIXTURES / "sites")
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(params=load_expected("text"), ids=lambda e: e["fixture"])
def expected(request) -> dict:
    return request.param


@pytest.fixture(params=load_expected("html"), ids=lambda e: e["stem"])
def expected_html(request) -> dict:
    return request.param
