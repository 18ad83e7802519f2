"""The project's fixtures, found by glob so that no list of families is written anywhere:

- the five shared page texts and their expected records (`fixtures/text`, `fixtures/expected`: the
  acceptance contract, byte for byte as in `../shared/fixtures`);
- each site family's HTML pages with their expected records (`cleaners/sites/<family>/fixtures/
  <template>_v<N>[_<n>].{html,json}`, Fundus-style), and the family's mirror files (`fixtures/mirror/`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from cleaners.sites.registry import fixture_dirs

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@dataclass(frozen=True)
class SiteFixture:
    """One HTML page of a family's template version and the record it must give."""

    family: str
    name: str
    html_path: Path
    expected: dict[str, Any] = field(hash=False, compare=False)

    @property
    def id(self) -> str:
        return f"{self.family}/{self.name}"

    @property
    def url(self) -> str | None:
        return self.expected.get("url")

    @property
    def synthetic(self) -> bool:
        """Reconstructed here (invented text in a family's template), not a real article."""
        return bool(self.expected.get("synthetic"))

    @property
    def text_fixture(self) -> str | None:
        """The shared page text this page was built from, if any."""
        return self.expected.get("text_fixture")

    @property
    def mirror_urls(self) -> list[str]:
        """Where the offline mirror serves the page: the JSON's `mirror_urls` when it has them (`[]`: not
        served), else its URL."""
        urls = self.expected.get("mirror_urls")
        return list(urls) if urls is not None else [self.url] if self.url else []

    @property
    def mirror_dir(self) -> Path:
        return self.html_path.parent / "mirror"

    def html(self) -> str:
        return self.html_path.read_text(encoding="utf-8")


@cache
def site_fixtures() -> tuple[SiteFixture, ...]:
    found = []
    for directory in fixture_dirs():
        for page in sorted(directory.glob("*.html")):
            expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
            found.append(SiteFixture(directory.parent.name, page.stem, page, expected))
    return tuple(found)


def text_fixtures() -> list[dict[str, Any]]:
    """The expected records of the shared page texts, each with `stem` and the `text` it is cleaned from."""
    found = []
    for path in sorted((FIXTURES / "expected").glob("*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        text = FIXTURES / "text" / expected["fixture"]
        if text.exists():
            found.append({**expected, "stem": path.stem, "text": text.read_text(encoding="utf-8")})
    return found
