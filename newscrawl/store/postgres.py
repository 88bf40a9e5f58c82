"""PostgreSQL backend of the store (psycopg 3): one shared store for many workers.

Same schema and SQL as SQLite. Statements run in autocommit mode; ``transaction()`` sends
BEGIN/COMMIT. Race safety between workers comes from the schema's unique keys (upserts with
ON CONFLICT) and from ``lock()``: transaction-scoped advisory locks.

A lost connection (server restart, killed backend, network cut) or a deadlock abort is
retried with back-off (RETRY_DELAYS, about a minute in all) on a new connection: a statement
outside a transaction is run again; inside a transaction, the statements run so far are
replayed first and must read exactly what they read before (else StoreError: the data
changed meanwhile, and the operation fails loudly instead of committing a stale decision).
While it retries, the crawl waits (the store is needed for every record).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from newscrawl.exceptions import StoreError
from newscrawl.store.base import Params, Store

logger = logging.getLogger(__name__)

RETRY_DELAYS = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0)
# Seconds to wait for a transaction whose COMMIT was lost to be ended by its old backend.
COMMIT_STATUS_WAIT = 10.0
"""Seconds to wait before each new attempt after a lost connection."""
CONNECT_TIMEOUT = 10


def libpq_url(url: str) -> str:
    """``postgresql+psycopg://...`` (SQLAlchemy style) -> ``postgresql://...`` for libpq."""
    scheme, sep, rest = url.partition("://")
    return scheme.split("+", 1)[0] + sep + rest


class Result:
    """The fully read result of one statement: rows (for a SELECT) and rowcount."""

    def __init__(self, rows: list[tuple[Any, ...]], rowcount: int) -> None:
        self.rows = rows
        self.rowcount = rowcount
        self._pos = 0

    def fetchall(self) -> list[tuple[Any, ...]]:
        rows, self._pos = self.rows[self._pos :], len(self.rows)
        return rows

    def fetchone(self) -> tuple[Any, ...] | None:
        chunk = self.fetchmany(1)
        return chunk[0] if chunk else None

    def fetchmany(self, size: int = 1) -> list[tuple[Any, ...]]:
        chunk = self.rows[self._pos : self._pos + size]
        self._pos += len(chunk)
        return chunk

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        while (row := self.fetchone()) is not None:
            yield row

    def outcome(self) -> tuple[int, list[tuple[Any, ...]]]:
        """What replay compares: rowcount and rows."""
        return self.rowcount, self.rows


class PostgresStore(Store):
    """A PostgreSQL database shared by every worker; reconnects and replays on connection loss."""

    scheme = "postgresql"
    paramstyle = "format"

    def __init__(self, url: str) -> None:
        self._journal: list[tuple[Callable[[], Result], tuple[int, list[Any]]]] = []
        self._broken = False
        self.reconnects = 0
        super().__init__(url)

    # --- connection -----------------------------------------------------------------------
    def _connect(self) -> Any:
        import psycopg

        try:
            return self._open()
        except psycopg.Error as exc:
            lines = str(exc).strip().splitlines()
            reason = lines[0].strip() if lines else type(exc).__name__
            raise StoreError(
                f"NEWSCRAWL_STORE={self.shown_url!r}: cannot connect to PostgreSQL: {reason}"
            ) from None

    def _open(self) -> Any:
        import psycopg

        return psycopg.connect(
            libpq_url(self.url), autocommit=True, connect_timeout=CONNECT_TIMEOUT
        )

    def _recover(self) -> None:
        """A usable connection again: a new one if it broke, else the aborted transaction ended.

        Inside a transaction, BEGIN and the journaled statements are replayed and must read
        what they read the first time.
        """
        import psycopg

        if not (self.conn.closed or self.conn.broken):
            try:
                self.conn.execute("ROLLBACK")
            except psycopg.Error:  # e.g. left mid-pipeline by a lost executemany ("cannot
                self.conn.close()  # exit pipeline mode while busy"): replace it
        if self.conn.closed or self.conn.broken:
            self.close()
            self.conn = self._open()
            self.reconnects += 1
        if self._depth:
            self.conn.execute("BEGIN")
            for op, before in self._journal:
                if op().outcome() != before:
                    raise StoreError(
                        f"NEWSCRAWL_STORE={self.shown_url!r}: connection lost mid-transaction"
                        " and the data changed meanwhile; the operation was not committed"
                    )
        logger.warning("Store %s: connection restored", self.shown_url)
        self._broken = False

    def _run(self, op: Callable[[], Any]) -> Any:
        """``op()``, retried on a new connection (with back-off) when the connection is lost."""
        import psycopg

        attempts = len(RETRY_DELAYS) + 1
        for attempt in range(attempts):
            try:
                if self._broken:
                    self._recover()
                return op()
            except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
                if attempt == attempts - 1:
                    raise StoreError(
                        f"NEWSCRAWL_STORE={self.shown_url!r}: PostgreSQL unreachable after"
                        f" {attempts} attempts: {type(exc).__name__}: {exc}".strip()
                    ) from exc
                self._broken = True
                delay = RETRY_DELAYS[attempt]
                logger.warning(
                    "Store %s: %s; retrying in %.2fs (attempt %d of %d)",
                    self.shown_url, type(exc).__name__, delay, attempt + 2, attempts,
                )  # fmt: skip
                time.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    # --- SQL primitives ---------------------------------------------------------------------
    def _statement(self, op: Callable[[], Result]) -> Result:
        result: Result = self._run(op)
        if self._depth:
            self._journal.append((op, result.outcome()))
        return result

    def execute(self, sql: str, params: Params = ()) -> Result:
        """Run one statement; the result is read at once (rows and rowcount)."""
        text, args = self._sql(sql), tuple(params)

        def op() -> Result:
            cur = self.conn.execute(text, args)
            rows = list(cur.fetchall()) if cur.description else []
            return Result(rows, cur.rowcount)

        return self._statement(op)

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        """Run one statement for many parameter rows."""
        text, args = self._sql(sql), [tuple(r) for r in rows]
        if not args:
            return

        def op() -> Result:
            cur = self.conn.cursor()
            cur.executemany(text, args)
            return Result([], cur.rowcount)

        self._statement(op)

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """BEGIN .. COMMIT (ROLLBACK on error); nested use joins the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self._depth, self._journal = 1, []
        try:
            self._run(lambda: self.conn.execute("BEGIN"))
            yield self
            self._commit()
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth, self._journal = 0, []

    def _commit(self) -> None:
        """COMMIT, knowing whether it took when the connection is lost during it: the server
        is asked for the transaction's status (``txid_status``) on a new connection; one
        that did not commit is replayed and committed again, one that did is left alone
        (replaying it would read its own writes and be refused). A replay is a new
        transaction: its own id is the one asked about if its COMMIT is lost too."""
        import psycopg

        xid = self._run(self._xid)
        for attempt in range(len(RETRY_DELAYS) + 1):
            try:
                if self._broken:
                    self._recover()  # BEGIN and the journal again
                    xid = self._xid()
                self.conn.execute("COMMIT")
                return
            except (psycopg.OperationalError, psycopg.InterfaceError):
                self._broken = True
            if xid is None:
                return  # nothing was written: nothing to lose
            depth, self._depth = self._depth, 0  # ask outside the transaction
            try:
                status = self._run(partial(self._xact_status, xid))
            finally:
                self._depth = depth
            if status == "committed":
                return
            if status != "aborted":  # still running, or unknown: replaying might double it
                raise StoreError(
                    f"NEWSCRAWL_STORE={self.shown_url!r}: COMMIT lost and the transaction is"
                    f" {status or 'unknown'}; the operation was not committed"
                )
            self._broken = True  # run it again on the new connection
            if attempt == len(RETRY_DELAYS):
                break
            time.sleep(RETRY_DELAYS[attempt])
        raise StoreError(
            f"NEWSCRAWL_STORE={self.shown_url!r}: COMMIT lost {len(RETRY_DELAYS) + 1} times;"
            " the operation was not committed"
        )

    def _xid(self) -> int | None:
        """The open transaction's id, None while it has written nothing."""
        return self.conn.execute("SELECT txid_current_if_assigned()").fetchone()[0]

    def _xact_status(self, xid: int) -> str | None:
        """'committed', 'aborted' or 'in progress' (the lost connection's backend may still
        be ending it: waited for, up to COMMIT_STATUS_WAIT seconds)."""
        deadline = time.monotonic() + COMMIT_STATUS_WAIT
        while True:
            status = self.conn.execute("SELECT txid_status(%s)", (xid,)).fetchone()[0]
            if status != "in progress" or time.monotonic() > deadline:
                return status  # type: ignore[no-any-return]
            time.sleep(0.05)

    def _rollback(self) -> None:
        try:
            if not (self.conn.closed or self.conn.broken):
                self.conn.execute("ROLLBACK")
        except Exception:  # the connection died with the transaction: nothing to undo
            self._broken = True

    def lock(self, *keys: int) -> None:
        """Transaction advisory locks on ``keys``, taken in sorted order (no lock cycles)."""
        for key in sorted(set(keys)):
            self.execute("SELECT pg_advisory_xact_lock(?)", (key,))
