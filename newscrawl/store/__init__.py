"""open_store(url): pick the store backend by URL scheme."""

from __future__ import annotations

import importlib
from pathlib import Path

from newscrawl.config import redact_url_credentials
from newscrawl.exceptions import StoreError
from newscrawl.store.base import Store
from newscrawl.store.sqlite import sqlite_path

STORE_SCHEMES: dict[str, str] = {
    "sqlite": "newscrawl.store.sqlite:SQLiteStore",
    "postgresql": "newscrawl.store.postgres:PostgresStore",
    "postgres": "newscrawl.store.postgres:PostgresStore",
}


def open_store(url: str) -> Store:
    """Open (and create the schema of) the store at ``url``; StoreError with a one-line reason."""
    scheme = url.split(":", 1)[0].split("+", 1)[0].lower() if ":" in url else ""
    target = STORE_SCHEMES.get(scheme)
    if target is None:
        raise StoreError(
            f"NEWSCRAWL_STORE={redact_url_credentials(url)!r}: unknown scheme {scheme!r};"
            f" expected one of {', '.join(sorted(STORE_SCHEMES))}"
        )
    module_name, class_name = target.split(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    store: Store = cls(url)
    return store


def open_existing_store(url: str) -> Store:
    """``open_store`` for commands that only read: an SQLite file that does not exist is a
    StoreError (a mistyped path), not a new empty store."""
    if url.lower().startswith("sqlite:"):
        path = sqlite_path(url)
        if path != ":memory:" and not Path(path).expanduser().exists():
            raise StoreError(f"NEWSCRAWL_STORE={url!r}: no store at {path} (no crawl wrote it)")
    return open_store(url)


__all__ = ["STORE_SCHEMES", "Store", "StoreError", "open_existing_store", "open_store"]
