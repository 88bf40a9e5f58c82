"""Start-up errors of newscrawl, each with a one-line message.

Scrapy-free, so the worker processes that import it do not load Scrapy; the per-item drop
reasons (``DropItem`` subclasses) are in ``newscrawl.drops``.
"""

from __future__ import annotations


class NewscrawlError(Exception):
    """Base of start-up errors; ``str(exc)`` is the one-line message shown to the user."""


class ConfigError(NewscrawlError):
    """A NEWSCRAWL_* setting is missing or invalid."""


class SourcesError(NewscrawlError):
    """The sources file (or ``-a urls=``) is invalid: names file, entry and key."""


class StoreError(NewscrawlError):
    """The article store cannot be opened or used."""
