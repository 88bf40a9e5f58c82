"""SQLite backend of the store (the default, embedded store)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from newscrawl.exceptions import StoreError
from newscrawl.store.base import Store


def sqlite_path(url: str) -> str:
    """``sqlite:///rel/path``, ``sqlite:////abs/path`` or ``sqlite:///:memory:`` -> path."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        raise StoreError(f"NEWSCRAWL_STORE={url!r}: expected sqlite:///PATH")
    path = url[len(prefix) :]
    if not path:
        raise StoreError(f"NEWSCRAWL_STORE={url!r}: missing database path after sqlite:///")
    return path


class SQLiteStore(Store):
    """SQLite file in WAL mode; one connection per process."""

    scheme = "sqlite"
    paramstyle = "qmark"

    def _connect(self) -> Any:
        path = sqlite_path(self.url)
        if path != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(
                    f"NEWSCRAWL_STORE={self.url!r}: directory {str(parent)!r} does not exist"
                )
        try:
            conn = sqlite3.connect(path, timeout=30, isolation_level="DEFERRED")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(
                f"NEWSCRAWL_STORE={self.url!r}: cannot open SQLite database: {exc}"
            ) from exc
        return conn
