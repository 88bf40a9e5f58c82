"""Errors of newscrawl: start-up errors (one-line messages) and per-item drops, one per reason."""

from __future__ import annotations

from scrapy.exceptions import DropItem


class NewscrawlError(Exception):
    """Base of start-up errors; ``str(exc)`` is the one-line message shown to the user."""


class ConfigError(NewscrawlError):
    """A NEWSCRAWL_* setting is missing or invalid."""


class SourcesError(NewscrawlError):
    """The sources file (or ``-a urls=``) is invalid: names file, entry and key."""


class StoreError(NewscrawlError):
    """The article store cannot be opened or used."""


class NotAnArticle(DropItem):
    """The page is a hub, tag, author, search page or otherwise not an article."""


class ExtractionFailed(DropItem):
    """trafilatura found no usable body text."""


class LanguageNotWanted(DropItem):
    """The article's language is not in the source's ``languages`` list."""


class DuplicateArticle(DropItem):
    """An exact or near duplicate (or the same URL) of an article already stored."""
