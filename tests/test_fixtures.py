"""The acceptance ground: the five shared fixture texts clean to exactly their expected records."""

from __future__ import annotations

import filecmp
import json

import pytest

from cleaners import clean, clean_text

from .conftest import COMPARED, FIXTURES, SHARED, paragraphs, run_saring


def assert_matches(record: dict, expected: dict) -> None:
    for name in COMPARED:
        assert record[name] == expected[name], name
    assert paragraphs(record["body"]) == paragraphs(expected["body"])


def test_clean_text_matches_expected(expected):
    text = (FIXTURES / "text" / expected["fixture"]).read_text(encoding="utf-8")
    assert_matches(clean_text(text, expected["url"]).to_dict(), expected)


def test_clean_bytes_matches_expected(expected):
    data = (FIXTURES / "text" / expected["fixture"]).read_bytes()
    assert_matches(clean(data, expected["url"]).to_dict(), expected)


def test_record_fields_and_language(expected):
    text = (FIXTURES / "text" / expected["fixture"]).read_text(encoding="utf-8")
    record = clean_text(text, expected["url"]).to_dict()
    assert record["language"] == "id"
    assert record["extractor"] == f"profile:{expected['site']}"
    assert record["pages"] == 1
    assert record["url"] == expected["url"]
    assert "\n\n\n" not in record["body"]


def test_saring_clean_each_file(expected):
    args = [str(FIXTURES / "text" / expected["fixture"])]
    if expected["url"]:
        args += ["--url", expected["url"]]
    result = run_saring("clean", *args)
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert record["input"].endswith(expected["fixture"])
    assert_matches(record, expected)


def test_saring_clean_directory_with_url_map(tmp_path):
    out = tmp_path / "out.jsonl"
    result = run_saring("clean", str(FIXTURES / "text"), "--urls", str(FIXTURES / "text" / "urls.tsv"),
                        "-o", str(out))
    assert result.returncode == 0, result.stderr
    records = {r["input"].rsplit("/", 1)[-1]: r for r in map(json.loads, out.read_text().splitlines())}
    from .conftest import load_expected

    for expected in load_expected("text"):
        assert_matches(records[expected["fixture"]], expected)


@pytest.mark.skipif(not (SHARED / "fixtures").is_dir(), reason="../shared is not beside the checkout")
def test_fixture_copies_are_unchanged():
    for kind in ("text", "expected"):
        for shared in (SHARED / "fixtures" / kind).iterdir():
            assert filecmp.cmp(shared, FIXTURES / kind / shared.name, shallow=False), shared.name
