"""The article store: a thin SQL layer shared by SQLite and PostgreSQL, and the article API.

SQL in this project is written once with ``?`` placeholders and bound parameters only; a
backend translates the placeholder style. Feature modules (dedup, templates, runs) run their
own SQL through ``Store.execute``/``query``/``transaction``.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from newscrawl.config import redact_url_credentials
from newscrawl.store.schema import SCHEMA

logger = logging.getLogger(__name__)

Params = Sequence[Any]

SCHEMA_LOCK = "newscrawl:schema"


def lock_key(name: str) -> int:
    """A signed 64-bit advisory-lock key for a name (stable across processes and machines)."""
    digest = hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


class Store:
    """A DB-API connection plus the dialect details that differ between backends.

    Subclasses set ``scheme`` and ``paramstyle`` and implement ``_connect``.
    """

    scheme = ""
    paramstyle = "qmark"  # "qmark" (?) or "format" (%s)

    def __init__(self, url: str) -> None:
        self.url = url
        self.conn: Any = self._connect()
        self._depth = 0
        self.create_schema()

    @property
    def shown_url(self) -> str:
        """The store URL without its password, for messages and logs."""
        return redact_url_credentials(self.url)

    # --- backend hooks --------------------------------------------------------------------
    def _connect(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.paramstyle == "format" else sql

    # --- SQL primitives ---------------------------------------------------------------------
    def execute(self, sql: str, params: Params = ()) -> Any:
        """Run one statement with bound parameters; returns the cursor."""
        cur = self.conn.cursor()
        cur.execute(self._sql(sql), tuple(params))
        return cur

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        """Run one statement for many parameter rows."""
        cur = self.conn.cursor()
        cur.executemany(self._sql(sql), [tuple(r) for r in rows])

    def query(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        """Run a SELECT and return all rows."""
        return list(self.execute(sql, params).fetchall())

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Commit on success, roll back on error; nested use joins the outer transaction."""
        self._depth += 1
        try:
            yield self
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.conn.rollback()
            raise
        self._depth -= 1
        if self._depth == 0:
            self.conn.commit()

    def lock(self, *keys: int) -> None:
        """Hold these 64-bit keys against other workers until the transaction ends.

        Call inside ``transaction()``. A no-op on a single-process store (SQLite: the run lock
        already keeps a second crawl out); PostgreSQL takes transaction advisory locks.
        """

    def create_schema(self) -> None:
        """Create every table and index if missing (idempotent, safe with concurrent workers)."""
        with self.transaction():
            self.lock(lock_key(SCHEMA_LOCK))
            for ddl in SCHEMA:
                self.execute(ddl)

    def close(self) -> None:
        """Close the connection (committed work is kept)."""
        try:
            self.conn.close()
        except Exception:  # closing a broken connection must not raise
            logger.debug("error closing store %s", self.url, exc_info=True)

    # --- articles -----------------------------------------------------------------------------
    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """The subset of ``urls`` under which an article is already stored."""
        return self._present("article_urls", urls)

    def _present(self, table: str, urls: Iterable[str]) -> set[str]:
        """The subset of ``urls`` in ``table``'s ``url`` key, 500 a query."""
        wanted = list(dict.fromkeys(urls))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.query(f"SELECT url FROM {table} WHERE url IN ({marks})", chunk)
            found.update(r[0] for r in rows)
        return found

    # --- pages judged no article (run health) ---------------------------------------------
    def judged_before(self, source: str, crawl_id: str, urls: Iterable[str]) -> set[str]:
        """Remember ``urls`` as pages of ``source`` judged no article by their body; return
        those an earlier run had judged so already."""
        urls = list(dict.fromkeys(urls))
        with self.transaction():
            seen = self._present("judged_pages", urls)
            self.executemany(
                "INSERT INTO judged_pages (url, source, crawl_id) VALUES (?, ?, ?)"
                " ON CONFLICT (url) DO NOTHING",
                [(u, source, crawl_id) for u in urls if u not in seen],
            )
        return seen

    def has_article(self, article_id: str) -> bool:
        """True when an article with this id is stored."""
        return bool(self.query("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def add_article(self, record: dict[str, Any], urls: Iterable[str]) -> bool:
        """Store one record (contract dict) and the URLs it is known under.

        Returns False when an article with the same id was already stored (nothing changes).
        """
        row = (
            record["id"],
            record["canonical_url"],
            record["url"],
            record["source"],
            record["domain"],
            record["publisher"],
            record["title"],
            record["language"],
            record["published"],
            record["fetched_at"],
            record["crawl_id"],
            record["content_hash"],
            record["duplicate_of"],
            record["word_count"],
            json.dumps(record, ensure_ascii=False),
        )
        with self.transaction():
            cur = self.execute(
                "INSERT INTO articles (id, canonical_url, url, source, domain, publisher, title,"
                " language, published, fetched_at, crawl_id, content_hash, duplicate_of,"
                " word_count, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT (id) DO NOTHING",
                row,
            )
            if cur.rowcount == 0:
                return False
            self.add_urls(record["id"], urls)  # joins this transaction
        return True

    def add_urls(self, article_id: str, urls: Iterable[str]) -> None:
        """Remember more URLs of a stored article (an AMP or print variant found later)."""
        with self.transaction():
            self.executemany(
                "INSERT INTO article_urls (url, article_id) VALUES (?, ?)"
                " ON CONFLICT (url) DO NOTHING",
                [(u, article_id) for u in dict.fromkeys(urls) if u],
            )

    def first_with_hash(self, content_hash: str) -> str | None:
        """Id of the earliest stored original (not a duplicate) with this content hash."""
        rows = self.query(
            "SELECT id FROM articles WHERE content_hash = ? AND duplicate_of IS NULL"
            " ORDER BY fetched_at LIMIT 1",
            (content_hash,),
        )
        return rows[0][0] if rows else None

    def count_articles(self) -> int:
        """Number of stored records (originals and kept duplicates)."""
        return int(self.query("SELECT COUNT(*) FROM articles")[0][0])

    def iter_records(self, sql_where: str = "", params: Params = ()) -> Iterator[dict[str, Any]]:
        """Stored records as contract dicts, oldest fetch first."""
        sql = "SELECT record FROM articles"
        if sql_where:
            sql += " WHERE " + sql_where
        cur = self.execute(sql + " ORDER BY fetched_at, id", params)
        for (raw,) in cur:
            yield json.loads(raw)
