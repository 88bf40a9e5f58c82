"""The record documentation, the dataclass and the feed settings agree with the contract."""

from __future__ import annotations

import re
from pathlib import Path

from newscrawl import settings
from newscrawl.items import CONTRACT_FIELDS, SCHEMA_VERSION, ArticleRecord, Attribution

ROOT = Path(__file__).resolve().parent.parent


def table_fields(markdown: str, first_header: str) -> list[str]:
    """Names in the first column of the table whose header starts with ``first_header``."""
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {first_header} |"))
    names = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        names.append(re.sub(r"[`\s]", "", line.split("|")[1]))
    return names


def test_docs_record_table_matches_dataclass() -> None:
    doc = (ROOT / "docs" / "record.md").read_text(encoding="utf-8")
    assert table_fields(doc, "field") == list(CONTRACT_FIELDS)
    assert table_fields(doc, "key") == list(Attribution().to_dict())


def test_contract_fields_in_contract_order() -> None:
    assert CONTRACT_FIELDS[0] == "schema_version"
    assert CONTRACT_FIELDS[-2:] == ("fetched_at", "crawl_id")
    assert len(CONTRACT_FIELDS) == 20
    assert SCHEMA_VERSION == 1
    assert list(ArticleRecord().to_dict()) == list(CONTRACT_FIELDS)


def test_feed_exports_exactly_the_contract_fields() -> None:
    assert list(CONTRACT_FIELDS) == settings.FEED_EXPORT_FIELDS
    assert settings.FEED_EXPORT_ENCODING == "utf-8"


def test_settings_doc_lists_every_newscrawl_setting() -> None:
    from dataclasses import fields

    from newscrawl.config import NewscrawlConfig

    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(NEWSCRAWL_[A-Z_]+)`", doc, re.MULTILINE))
    assert documented == {"NEWSCRAWL_" + f.name.upper() for f in fields(NewscrawlConfig)}
