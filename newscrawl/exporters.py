"""Feed exporters for CSV and XML (``-O out.csv``, ``-O out.xml``): plain data, not Python.

Scrapy's own exporters write a value they do not know as its ``str()``: the record's
``attribution`` came out as ``Attribution(original_source=None, ...)``, a missing date as
``None``. These write the record as ``scrapy export`` does: CSV with ``attribution`` flattened
into four columns and lists as JSON arrays (``operations.export.CSV_FIELDS``), XML with
``attribution`` as nested elements, lists as ``<value>`` elements and an empty element for
a missing value. JSON Lines, the default feed, needs neither: it is already plain JSON.
"""

from __future__ import annotations

from typing import Any

from scrapy.exporters import CsvItemExporter, XmlItemExporter

from newscrawl.items import CONTRACT_FIELDS
from newscrawl.operations.export import CSV_FIELDS, csv_row


def _record(item: Any) -> dict[str, Any]:
    """The item as the contract's plain dict (an ArticleRecord or any mapping)."""
    to_dict = getattr(item, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    return {name: item.get(name) for name in CONTRACT_FIELDS}


class CsvRecordExporter(CsvItemExporter):
    """CSV with ``scrapy export``'s columns (CSV_FIELDS), whatever FEED_EXPORT_FIELDS says."""

    def __init__(self, file: Any, **kwargs: Any) -> None:
        kwargs["fields_to_export"] = CSV_FIELDS
        super().__init__(file, **kwargs)

    def export_item(self, item: Any) -> None:
        super().export_item(csv_row(_record(item)))


class XmlRecordExporter(XmlItemExporter):
    """XML of the contract's fields; ``None`` as an empty element."""

    def export_item(self, item: Any) -> None:
        record = {k: "" if v is None else v for k, v in _record(item).items()}
        record["attribution"] = {
            k: "" if v is None else v for k, v in record["attribution"].items()
        }
        super().export_item(record)
