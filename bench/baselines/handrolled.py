"""Baseline spider: what a team writes by hand, trafilatura.bare_extraction in the callback.

scrapy runspider bench/baselines/handrolled.py -s URLS_FILE=urls.txt -O out.jsonl
(bench/throughput.py runs it outside the project, with the project's politeness settings.)
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import scrapy
from trafilatura import bare_extraction


class HandRolledSpider(scrapy.Spider):
    """One request per line of URLS_FILE; text and metadata extracted inline, on the reactor."""

    name = "handrolled"

    async def start(self) -> AsyncIterator[Any]:
        for url in Path(self.settings["URLS_FILE"]).read_text().split():
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response: scrapy.http.Response) -> Iterator[dict[str, Any]]:
        doc = bare_extraction(response.text, url=response.url, with_metadata=True)
        if doc is not None:
            yield {"url": response.url, "title": doc.title, "author": doc.author,
                   "date": doc.date, "text": doc.text}  # fmt: skip
