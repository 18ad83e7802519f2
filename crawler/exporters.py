"""Export formats of `saring export`: JSONL (the records as they are), CSV and Parquet (one column per field).

CSV and Parquet have the columns of `COLUMNS`, in that order: the record's fields (SCHEMA.md), then what
the crawl and the store add. In CSV a list (authors, editors, tags, warnings) is a JSON array and a missing
value an empty cell; in Parquet lists are lists of strings, `pages` and `http_status` integers, the rest
strings (`published`/`updated` stay ISO 8601 text, since they mix dates and times with their own zones).
Parquet needs pyarrow (`pip install 'saring[parquet]'`) and is written in row groups, so memory stays flat.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from cleaners import RECORD_FIELDS

COLUMNS = (*RECORD_FIELDS, "fetched_at", "http_status", "duplicate_of")
LISTS = ("authors", "editors", "tags", "warnings")
INTEGERS = ("pages", "http_status")
FORMATS = ("jsonl", "csv", "parquet")
#: Records per Parquet row group.
ROW_GROUP = 5000


class MissingPackage(RuntimeError):
    """An optional dependency of a format is not installed."""


def format_for(path: str | None) -> str:
    """The format an output file's name implies (jsonl for anything else, and for standard output)."""
    name = (path or "").lower()
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    return "jsonl"


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for record in records:
        row = []
        for name in COLUMNS:
            value = record.get(name)
            row.append("" if value is None else json.dumps(value, ensure_ascii=False) if name in LISTS else value)
        writer.writerow(row)
        count += 1
    return count


def parquet_schema():
    try:
        import pyarrow as pa
    except ImportError as exc:
        raise MissingPackage("Parquet needs pyarrow: pip install 'saring[parquet]'") from exc

    def kind(name: str):
        if name in LISTS:
            return pa.list_(pa.string())
        if name in INTEGERS:
            return pa.int32()
        return pa.string()

    return pa.schema([(name, kind(name)) for name in COLUMNS])


def write_parquet(records: Iterable[dict[str, Any]], path: str) -> int:
    schema = parquet_schema()
    import pyarrow as pa
    import pyarrow.parquet as pq

    count = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append({name: record.get(name) for name in COLUMNS})
            if len(batch) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
