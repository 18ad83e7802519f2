"""`saring report`: one self-contained HTML file with charts, opened in a real headless Chromium (Debian's
`chromium`; `make test` installs it when missing), which dumps the DOM and takes a screenshot.

The screenshot is written to the test's tmp dir (printed with `pytest -s`); with
SARING_KEEP_SCREENSHOT=1 it is also copied to bench/results/report.png.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest
from PIL import Image

from .conftest import ROOT, SARING, run_saring

CHARTS = ("articles-per-day", "extractor-paths", "completeness", "languages", "clusters", "slowest-urls", "responses")


def chromium_binary() -> str:
    binary = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if binary is None:
        pytest.fail("chromium is missing: `make test` installs Debian's chromium (apt-get)")
    return binary


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """Headless Chromium with a fresh profile and no way to resolve any host: the page must need no network."""
    profile = tmp_path / f"chromium-profile-{len(list(tmp_path.glob('chromium-profile-*')))}"
    command = [chromium_binary(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
               f"--user-data-dir={profile}", "--host-resolver-rules=MAP * ~NOTFOUND", *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


@pytest.fixture(scope="module")
def report(crawled_store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = run_saring("report", str(crawled_store["db"]), "-o", str(out), "--stats", *map(str, crawled_store["stats"]))
    assert result.returncode == 0, result.stderr
    return out


def test_report_is_self_contained(report):
    text = report.read_text(encoding="utf-8")
    assert "<script" not in text and "<link" not in text and "@import" not in text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text.split("<h2>Near-duplicate clusters</h2>")[0])
    assert not re.search(r"url\((https?:)?//", text)
    for name in CHARTS:
        assert f'data-chart="{name}"' in text, name


def test_report_in_a_browser(report, tmp_path):
    dom = chromium(tmp_path, "--dump-dom", report.as_uri()).stdout
    page = lxml.html.fromstring(dom)
    for name in CHARTS:
        figures = page.cssselect(f'figure.chart[data-chart="{name}"]')
        assert len(figures) == 1, name
        svgs = figures[0].cssselect("svg")
        assert len(svgs) == 1, name
        width, height = (float(v) for v in (svgs[0].get("viewBox") or svgs[0].get("viewbox")).split()[2:])
        assert width > 100 and height > 50, name
        shapes = [el for el in svgs[0].iter() if isinstance(el.tag, str) and el.tag in ("path", "rect", "use")]
        assert len(shapes) >= 10, (name, len(shapes))
        assert svgs[0].text_content().strip(), name  # axis labels and ticks are text
    assert "tribunnews" in page.cssselect('figure[data-chart="articles-per-day"]')[0].text_content()
    assert "Every monitored run passed its monitors." in page.text_content()
    assert "artikel-yang-sudah-dihapus-redaksi" in page.text_content()  # the failed URL, from the crawl stats

    png = tmp_path / "report.png"
    chromium(tmp_path, f"--screenshot={png}", "--window-size=1200,3000", report.as_uri())
    image = Image.open(png).convert("RGB")
    assert image.size == (1200, 3000)
    small = image.resize((300, 750))
    raw = small.tobytes()
    pixels = [tuple(raw[i:i + 3]) for i in range(0, len(raw), 3)]
    inked = sum(1 for r, g, b in pixels if min(r, g, b) < 200) / len(pixels)
    coloured = sum(1 for r, g, b in pixels if max(r, g, b) - min(r, g, b) > 80) / len(pixels)
    assert len(set(pixels)) > 200 and inked > 0.05 and coloured > 0.03, (len(set(pixels)), inked, coloured)
    print(f"\nreport screenshot: {png}")
    if os.environ.get("SARING_KEEP_SCREENSHOT"):
        target = ROOT / "bench" / "results" / "report.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(png, target)
        print(f"copied to {target}")


def test_report_without_stats_and_usage_errors(crawled_store, tmp_path):
    out = tmp_path / "plain.html"
    result = run_saring("report", str(crawled_store["db"]), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert 'data-chart-empty="crawl"' in text and 'data-chart="completeness"' in text
    bad = tmp_path / "bad.json"
    bad.write_text("not json")
    result = run_saring("report", str(crawled_store["db"]), "-o", str(out), "--stats", str(bad))
    assert result.returncode == 2 and "not a readable stats file" in result.stderr
    assert run_saring("report", str(tmp_path / "missing.db")).returncode == 2
    hidden = tmp_path / "hidden" / "matplotlib"
    hidden.mkdir(parents=True)
    (hidden / "__init__.py").write_text("raise ImportError(\"No module named 'matplotlib'\")\n")
    result = subprocess.run([*SARING, "report", str(crawled_store["db"]), "-o", str(out)], cwd=ROOT, text=True,
                            capture_output=True, env=dict(os.environ, PYTHONPATH=f"{hidden.parent}{os.pathsep}{ROOT}"))
    assert result.returncode == 2
    assert result.stderr.strip() == "saring report: the charts need matplotlib: pip install 'saring[report]'"
