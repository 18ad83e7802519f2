"""`make install` is quiet: it says what it does and when it is done (or why it failed), not pip's output.
Each test installs into a new venv of its own (`make install VENV=...`), from this checkout."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def make_install(venv, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "install", f"VENV={venv}"], cwd=ROOT,
                          env={**os.environ, **env}, capture_output=True, text=True, timeout=900)


def test_install_says_what_it_does_and_nothing_else(tmp_path):
    venv = tmp_path / "venv"
    result = make_install(venv)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == f"creating {venv} with python3"
    assert lines[1] == f"installing Saring and its dependencies into {venv} (log: {venv}/install.log) ..."
    assert lines[2].startswith("done: saring ") and len(lines) == 3
    assert "Successfully installed" in (venv / "install.log").read_text(encoding="utf-8")  # pip's, kept
    again = make_install(venv)
    assert again.returncode == 0 and "installing" not in again.stdout  # nothing changed: nothing to do


def test_a_failed_install_shows_pips_errors_only(tmp_path):
    venv = tmp_path / "venv"
    offline = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": "", "PIP_CONFIG_FILE": os.devnull}
    result = make_install(venv, **offline)
    assert result.returncode != 0
    lines = result.stdout.splitlines()
    assert lines[2] == "install failed (pip exit status 1):"
    assert lines[3].startswith("  ERROR: Could not find a version that satisfies the requirement setuptools")
    assert lines[-1] == f"the whole log: {venv}/install.log" and len(lines) <= 8
    assert "WARNING" not in result.stdout + result.stderr
    assert not (venv / ".installed-stamp").exists()  # the next make tries again
