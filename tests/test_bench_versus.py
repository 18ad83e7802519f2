"""bench/versus.py stops the whole bench when one of its processes fails: it prints one line saying which
version failed and how, and no rate or ratio, rather than dropping that round and printing medians of the
rest."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Prepended to the copied package: the second process that imports it (round 2) exits 3.
FAIL_ON_SECOND_IMPORT = '''\
import pathlib as _pathlib
_count = _pathlib.Path(__file__).resolve().parent.parent / "imports"
_count.write_text(str(int(_count.read_text()) + 1 if _count.exists() else 1))
if int(_count.read_text()) >= 2:
    raise SystemExit("simulated failure in round 2")
'''


def test_a_failed_process_stops_the_bench_with_one_line_and_no_rates(tmp_path: Path) -> None:
    base = tmp_path / "base"
    shutil.copytree(ROOT / "cleaners", base / "cleaners", ignore=shutil.ignore_patterns("__pycache__"))
    init = base / "cleaners" / "__init__.py"
    text = init.read_text(encoding="utf-8")
    # (after the module docstring and any `from __future__` import, which must come first)
    lines = text.splitlines(keepends=True)
    cut = max((i + 1 for i, line in enumerate(lines) if line.startswith("from __future__")), default=0)
    init.write_text("".join(lines[:cut]) + FAIL_ON_SECOND_IMPORT + "".join(lines[cut:]), encoding="utf-8")

    done = subprocess.run([sys.executable, str(ROOT / "bench" / "versus.py"), "--base", str(base),
                           "--rounds", "3", "--batches", "1"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 1, done.stdout + done.stderr
    assert (base / "imports").read_text() == "2"  # round 1 ran the base once; round 2 stopped at it
    lines = done.stdout.splitlines()  # the one complete round, reported as it ended, and nothing else:
    assert len(lines) == 1 and lines[0].startswith("round 1: "), done.stdout  # no rate, ratio or target
    errors = done.stderr.strip().splitlines()
    assert errors[0].startswith(f"bench failed: the code in {base} failed (exit 1)"), done.stderr
    assert "simulated failure in round 2" in done.stderr
