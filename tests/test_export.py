"""`saring export --format jsonl|csv|parquet` on a store made by real crawls of the mirror."""

from __future__ import annotations

import csv
import json
import os
import subprocess

import pandas as pd

from crawler.exporters import COLUMNS
from crawler.store import ArticleStore

from .conftest import ROOT, SARING, run_saring


def stored(db) -> list[dict]:
    with ArticleStore(db, readonly=True) as store:
        return list(store.export())


def test_csv_has_a_column_per_field(crawled_store, tmp_path):
    out = tmp_path / "articles.csv"
    result = run_saring("export", str(crawled_store["db"]), "-o", str(out))  # format from the suffix
    assert result.returncode == 0, result.stderr
    records = stored(crawled_store["db"])
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == list(COLUMNS)
    assert [row["canonical_url"] for row in rows] == [r["canonical_url"] for r in records]
    for row, record in zip(rows, records, strict=True):
        assert json.loads(row["authors"]) == record["authors"] and json.loads(row["tags"]) == record["tags"]
        assert row["body"] == record["body"] and row["published"] == (record["published"] or "")
    medcom = run_saring("export", str(crawled_store["db"]), "--format", "csv", "--site", "medcom")
    assert len(list(csv.DictReader(medcom.stdout.splitlines()))) == sum(r["site"] == "medcom" for r in records)


def test_parquet_opens_in_pandas_with_the_record_columns_and_types(crawled_store, tmp_path):
    out = tmp_path / "articles.parquet"
    result = run_saring("export", str(crawled_store["db"]), "--format", "parquet", "-o", str(out))
    assert result.returncode == 0, result.stderr
    records = stored(crawled_store["db"])
    df = pd.read_parquet(out, dtype_backend="pyarrow")
    assert list(df.columns) == list(COLUMNS) and len(df) == len(records)
    assert str(df["authors"].dtype) == "list<element: string>[pyarrow]"
    assert str(df["pages"].dtype) == "int32[pyarrow]" and str(df["title"].dtype) == "string[pyarrow]"
    for row, record in zip(df.to_dict("records"), records, strict=True):
        for name in ("authors", "editors", "tags", "warnings"):
            assert isinstance(row[name], list) and row[name] == record[name], name
        assert row["pages"] == record["pages"] and row["http_status"] == 200
        assert row["body"] == record["body"] and row["canonical_url"] == record["canonical_url"]
    published = pd.to_datetime(df["published"], utc=True, format="ISO8601")
    assert published.notna().sum() == sum(1 for r in records if r["published"])
    # The default (NumPy) backend gives arrays for the lists.
    assert pd.read_parquet(out)["authors"].map(list).tolist() == [r["authors"] for r in records]


def test_parquet_without_pyarrow_is_a_clear_message(crawled_store, tmp_path):
    hidden = tmp_path / "hidden" / "pyarrow"
    hidden.mkdir(parents=True)
    (hidden / "__init__.py").write_text("raise ImportError(\"No module named 'pyarrow'\")\n")
    out = tmp_path / "a.parquet"
    result = subprocess.run([*SARING, "export", str(crawled_store["db"]), "-o", str(out)], cwd=ROOT, text=True,
                            capture_output=True, env=dict(os.environ, PYTHONPATH=f"{hidden.parent}{os.pathsep}{ROOT}"))
    assert result.returncode == 2
    assert result.stderr.strip() == "saring export: Parquet needs pyarrow: pip install 'saring[parquet]'"
    assert not out.exists()
    assert run_saring("export", str(crawled_store["db"]), "--format", "parquet").returncode == 2  # no -o
