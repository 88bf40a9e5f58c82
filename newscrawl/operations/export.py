"""Export stored records for analysis: Parquet (explicit pyarrow schema), JSON Lines or CSV.

Records stream from the store in batches, so memory does not grow with the store; the file
appears under its final name only when complete.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from newscrawl.items import CONTRACT_FIELDS
from newscrawl.store import Store

FORMATS = ("parquet", "jsonl", "csv")
BATCH = 5000


def parquet_schema() -> Any:
    """The Parquet schema of an exported record (docs/operations.md lists it).

    Field order is the contract's. ``fetched_at`` is a UTC timestamp; ``published`` and
    ``modified`` stay ISO strings because sites give a date, a datetime or an offset.
    """
    import pyarrow as pa  # lazy: only exports need pyarrow

    return pa.schema([
        pa.field("schema_version", pa.int32(), nullable=False),
        pa.field("id", pa.string(), nullable=False),
        pa.field("url", pa.string(), nullable=False),
        pa.field("canonical_url", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("domain", pa.string(), nullable=False),
        pa.field("publisher", pa.string(), nullable=False),
        pa.field("title", pa.string(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("authors", pa.list_(pa.string()), nullable=False),
        pa.field("published", pa.string()),
        pa.field("modified", pa.string()),
        pa.field("language", pa.string(), nullable=False),
        pa.field("language_score", pa.float64(), nullable=False),
        pa.field("attribution", pa.struct([
            pa.field("original_source", pa.string()),
            pa.field("original_url", pa.string()),
            pa.field("image_credits", pa.list_(pa.string()), nullable=False),
            pa.field("evidence", pa.list_(pa.string()), nullable=False),
        ]), nullable=False),
        pa.field("word_count", pa.int64(), nullable=False),
        pa.field("content_hash", pa.string(), nullable=False),
        pa.field("duplicate_of", pa.string()),
        pa.field("fetched_at", pa.timestamp("us", tz="UTC"), nullable=False),
        pa.field("crawl_id", pa.string(), nullable=False),
    ], metadata={"newscrawl.schema_version": "1"})  # fmt: skip


def parse_since(text: str) -> str:
    """``--since`` as a UTC ISO string comparable with stored ``fetched_at`` values.

    Accepts a date (``2026-01-31``, midnight UTC) or a datetime (naive = UTC); ValueError else.
    """
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"--since {text!r}: expected a date (YYYY-MM-DD) or an ISO datetime"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def select_records(store: Store, since: str | None = None, source: str | None = None,
                   include_duplicates: bool = False) -> Iterator[dict[str, Any]]:  # fmt: skip
    """Stored records (oldest fetch first): originals only unless ``include_duplicates``."""
    where, params = [], []
    if not include_duplicates:
        where.append("duplicate_of IS NULL")
    if since:
        where.append("fetched_at >= ?")
        params.append(since)
    if source:
        where.append("source = ?")
        params.append(source)
    return store.iter_records(" AND ".join(where), params)


def stored_sources(store: Store) -> list[str]:
    """The source names of the stored records, sorted."""
    return sorted(row[0] for row in store.query("SELECT DISTINCT source FROM articles"))


def _batches(records: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    it = iter(records)
    while batch := list(islice(it, BATCH)):
        yield batch


def _parquet_row(record: dict[str, Any]) -> dict[str, Any]:
    row = {name: record.get(name) for name in CONTRACT_FIELDS}
    row["authors"] = list(row["authors"] or [])
    attribution = dict(row["attribution"] or {})
    attribution.setdefault("image_credits", [])
    attribution.setdefault("evidence", [])
    row["attribution"] = attribution
    row["fetched_at"] = datetime.fromisoformat(record["fetched_at"]).astimezone(UTC)
    return row


def _write_parquet(records: Iterable[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    count = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for batch in _batches(records):
            writer.write_table(pa.Table.from_pylist([_parquet_row(r) for r in batch], schema))
            count += len(batch)
    return count


def _write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


CSV_FIELDS = [
    *CONTRACT_FIELDS[: CONTRACT_FIELDS.index("attribution")],
    "attribution_original_source", "attribution_original_url",
    "attribution_image_credits", "attribution_evidence",
    *CONTRACT_FIELDS[CONTRACT_FIELDS.index("attribution") + 1 :],
]  # fmt: skip
"""CSV columns: the contract fields with ``attribution`` flattened; lists are JSON arrays."""


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """A contract record as a CSV_FIELDS row (the crawl's CSV feed writes the same)."""
    row = {k: v for k, v in record.items() if k in CSV_FIELDS}
    attribution = record.get("attribution") or {}
    row["attribution_original_source"] = attribution.get("original_source")
    row["attribution_original_url"] = attribution.get("original_url")
    for key in ("image_credits", "evidence"):
        row[f"attribution_{key}"] = json.dumps(attribution.get(key) or [], ensure_ascii=False)
    row["authors"] = json.dumps(record.get("authors") or [], ensure_ascii=False)
    return row


def _write_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for record in records:
        writer.writerow(csv_row(record))
        count += 1
    return count


TEXT_WRITERS = {"jsonl": _write_jsonl, "csv": _write_csv}
STDOUT = "-"  # -o -: the records go to standard output (text formats)


def export_records(records: Iterable[dict[str, Any]], path: Path, fmt: str) -> int:
    """Write ``records`` to ``path`` in ``fmt``; returns how many. Atomic: tmp file, rename.
    ``path`` "-" is standard output (JSON Lines or CSV)."""
    if fmt not in FORMATS:
        raise ValueError(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if str(path) == STDOUT:
        if fmt not in TEXT_WRITERS:
            raise ValueError(f"-o -: {fmt} is written to a file only; give a path")
        count = TEXT_WRITERS[fmt](records, sys.stdout)
        sys.stdout.flush()
        return count
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        if fmt == "parquet":
            count = _write_parquet(records, tmp)
        else:
            with tmp.open("w", encoding="utf-8", newline="") as out:
                count = TEXT_WRITERS[fmt](records, out)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return count
