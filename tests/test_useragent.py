"""The user agent names Saring, its version (package metadata) and the contact of `-s SARING_CONTACT=`."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version

import pytest

from crawler.useragent import user_agent

from .conftest import ROOT
from .test_crawl import crawl


def test_default_user_agent_names_saring_and_its_version():
    assert user_agent() == f"Saring/{version('saring')} (Indonesian news crawler)"
    assert user_agent("https://example.org/crawler") == (
        f"Saring/{version('saring')} (Indonesian news crawler; +https://example.org/crawler)")
    assert user_agent("mailto:ops@example.org").endswith("(Indonesian news crawler; ops@example.org)")
    for bad in ("example", "ops at example.org", "ftp://example.org", "a@b"):
        with pytest.raises(ValueError, match="SARING_CONTACT"):
            user_agent(bad)


def test_the_mirror_sees_the_contact(mirror, tmp_path):
    items, _ = crawl(mirror, tmp_path, "medcom", settings=("SARING_CONTACT=ops@example.org",))
    assert items
    agents = {agent for _, agent in mirror.agents}
    assert agents == {f"Saring/{version('saring')} (Indonesian news crawler; ops@example.org)"}
    assert any(url.endswith("/robots.txt") for url, _ in mirror.agents)  # robots.txt asked with the same UA


def test_user_agent_setting_still_wins_and_a_bad_contact_stops_the_crawl(mirror, tmp_path):
    crawl(mirror, tmp_path, "medcom", settings=("USER_AGENT=MyLab/2.0 (+https://lab.example.org)",
                                                 "SARING_CONTACT=ops@example.org"))
    assert {agent for _, agent in mirror.agents} == {"MyLab/2.0 (+https://lab.example.org)"}
    result = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "medcom", "-s", "SARING_CONTACT=nobody",
                             "-s", f"MIRROR_URL={mirror.url}", "-s", f"SARING_DB={tmp_path / 'b.db'}"],
                            cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True,
                            timeout=120)
    assert result.returncode != 0 and "SARING_CONTACT must be an http(s) URL or an e-mail address" in result.stderr
