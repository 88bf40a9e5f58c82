"""Baseline spider: fetch every URL of URLS_FILE and do nothing with the pages (the I/O ceiling).

scrapy runspider bench/baselines/fetch_only.py -s URLS_FILE=urls.txt
(bench/throughput.py runs it outside the project, with the project's politeness settings.)
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import scrapy


class FetchOnlySpider(scrapy.Spider):
    """One request per line of URLS_FILE; the callback ignores the response."""

    name = "fetch_only"

    async def start(self) -> AsyncIterator[Any]:
        for url in Path(self.settings["URLS_FILE"]).read_text().split():
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response: scrapy.http.Response) -> None:
        return None
