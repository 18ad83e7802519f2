"""The README cannot rot: its runnable shell blocks (a ```sh block right after `<!-- runnable -->`) run as
written, in a temporary directory outside the checkout, against the offline mirror, within a time limit;
and every `saring`, `make` and script command in its other shell blocks is one the tools accept."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.arguments import spider_argument_problem
from crawler.cli import build_parser

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
RUNNABLE = re.compile(r"<!-- runnable -->\s*\n```sh\n(.*?)\n```", re.S)
SHELL = re.compile(r"```sh\n(.*?)\n```", re.S)
#: The port the README's examples use; the test uses a free one instead (the machine is shared).
README_PORT = "8765"
#: Seconds the runnable blocks may take together (they take well under a minute on an idle machine).
TIME_LIMIT = 300


def commands(block: str) -> list[list[str]]:
    """The simple commands of a shell block: comments dropped, `&`, `|` and `;` split apart."""
    found = []
    for line in block.splitlines():
        words = shlex.split(line, comments=True)
        current: list[str] = []
        for word in [*words, ";"]:
            if word in ("&", "|", ";", "&&", "||"):
                if current:
                    found.append(current)
                current = []
            else:
                current.append(word)
    return found


def test_the_runnable_blocks_run_as_written(tmp_path):
    from testing.mirror import free_port

    blocks = RUNNABLE.findall(README)
    assert blocks, "no <!-- runnable --> block in the README"
    port = str(free_port())
    script = "\n".join(blocks).replace(README_PORT, port)
    bin_dir = str(Path(sys.executable).parent)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SCRAPY_SETTINGS_MODULE")}
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")  # as `. .venv/bin/activate` does
    harness = "set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n" + script
    result = subprocess.run(["bash", "-c", harness], cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=TIME_LIMIT)
    assert result.returncode == 0, (result.stdout[-2000:], result.stderr[-4000:])
    assert "Traceback" not in result.stderr
    # What the block says it does.
    assert "\njatimtimes\nkompas\nkompastv\nmedcom\nnews\ntribunnews\n" in result.stdout  # saring crawl --list
    lines = {name: (tmp_path / name).read_text(encoding="utf-8").splitlines()
             for name in ("medcom.jsonl", "tribun.jsonl", "jt.jsonl", "again.jsonl", "tribun-export.jsonl")}
    assert len(lines["medcom.jsonl"]) == 3 and len(lines["tribun.jsonl"]) == 2 and len(lines["jt.jsonl"]) == 2
    assert lines["again.jsonl"] == [] and "WARNING" in result.stderr and "no items" in result.stderr
    assert len(lines["tribun-export.jsonl"]) == 2
    assert len(list((tmp_path / "md").glob("tribunnews_2024-11-0*.md"))) == 2
    assert '"site": "medcom"' in result.stdout and "\n---\ntitle: " in result.stdout
    assert sorted(p.name for p in tmp_path.glob("articles.db*")) == ["articles.db"]


def _checked_saring(words: list[str], url_file: Path) -> None:
    args = build_parser().parse_args(words[1:])  # exits (a SystemExit) on an option that does not exist
    if args.command == "crawl" and args.spider:
        from scrapy.spiderloader import get_spider_loader
        from scrapy.utils.project import get_project_settings

        loader = get_spider_loader(get_project_settings())
        assert args.spider in loader.list(), words
        given = dict(a.split("=", 1) for a in args.arguments)
        if "url_file" in given:  # the user's file: one of ours stands in for it
            given["url_file"] = str(url_file)
        assert spider_argument_problem(loader.load(args.spider), given) is None, words


@pytest.mark.parametrize("block", SHELL.findall(README), ids=lambda b: b.splitlines()[0][:40])
def test_every_command_in_the_readme_is_accepted(block, monkeypatch, tmp_path):
    monkeypatch.chdir(ROOT)  # where `scrapy` finds the project, `make` the Makefile
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    url_file = tmp_path / "urls.txt"
    url_file.write_text("https://www.contoh-berita.id/ekonomi/2024/11/20/anggaran-subsidi-pupuk-naik-dua-triliun\n")
    for words in commands(block):
        if words[0] == "saring":
            _checked_saring(words, url_file)
        elif words[0] == "make":
            assert re.search(rf"^{re.escape(words[1])}:", makefile, re.M), words
        elif words[0].endswith("/python"):
            assert (ROOT / words[1]).is_file(), words
        elif words[0] == "scrapy":
            assert words[1] in ("crawl", "list"), words
        else:
            assert words[0] in (".", "cat", "curl", "kill", "echo", "datasette"), words
