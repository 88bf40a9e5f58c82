"""Per-item drop reasons: one ``DropItem`` subclass per reason (Scrapy counts each by name)."""

from __future__ import annotations

from scrapy.exceptions import DropItem


class NotAnArticle(DropItem):
    """The page is a hub, tag, author, search page or otherwise not an article."""


class ExtractionFailed(DropItem):
    """trafilatura found no usable body text."""


class LanguageNotWanted(DropItem):
    """The article's language is not in the source's ``languages`` list."""


class DuplicateArticle(DropItem):
    """An exact or near duplicate (or the same URL) of an article already stored."""
