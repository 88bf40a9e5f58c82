"""The one SQL schema of the article store, valid on SQLite and PostgreSQL.

Portable types only: TEXT, BIGINT, DOUBLE PRECISION. Each feature owns its section.
"""

from __future__ import annotations

# --- articles and their URLs (store core) -------------------------------------------------
CORE = [
    """CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY,
        canonical_url TEXT NOT NULL,
        url TEXT NOT NULL,
        source TEXT NOT NULL,
        domain TEXT NOT NULL,
        publisher TEXT NOT NULL,
        title TEXT NOT NULL,
        language TEXT NOT NULL,
        published TEXT,
        fetched_at TEXT NOT NULL,
        crawl_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        duplicate_of TEXT,
        word_count BIGINT NOT NULL,
        record TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS articles_content_hash ON articles (content_hash)",
    "CREATE INDEX IF NOT EXISTS articles_fetched_at ON articles (fetched_at)",
    "CREATE INDEX IF NOT EXISTS articles_source ON articles (source)",
    # Every URL under which a stored article is known (fetched URL, canonical URL).
    """CREATE TABLE IF NOT EXISTS article_urls (
        url TEXT PRIMARY KEY,
        article_id TEXT NOT NULL
    )""",
]

# --- near-duplicate index (dedup) --------------------------------------------------------
DEDUP: list[str] = []

# --- learned per-domain template lines (cleaning) ----------------------------------------
TEMPLATES: list[str] = []

# --- runs and per-source stats (operations) ----------------------------------------------
RUNS: list[str] = []

SCHEMA: list[str] = CORE + DEDUP + TEMPLATES + RUNS
