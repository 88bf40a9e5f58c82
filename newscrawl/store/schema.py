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
TEMPLATES: list[str] = [
    # Pages of a domain observed so far: the sequence number of template observations.
    """CREATE TABLE IF NOT EXISTS template_domains (
        domain TEXT PRIMARY KEY,
        pages BIGINT NOT NULL
    )""",
    # Short lines seen on a page, by line hash and page signature (a window per domain).
    """CREATE TABLE IF NOT EXISTS template_candidates (
        domain TEXT NOT NULL,
        line_hash TEXT NOT NULL,
        page_sig TEXT NOT NULL,
        seq BIGINT NOT NULL,
        PRIMARY KEY (domain, line_hash, page_sig)
    )""",
    "CREATE INDEX IF NOT EXISTS template_candidates_seq ON template_candidates (domain, seq)",
    # Lines learned as the domain's template: removed from its later pages.
    """CREATE TABLE IF NOT EXISTS template_lines (
        domain TEXT NOT NULL,
        line_hash TEXT NOT NULL,
        line TEXT NOT NULL,
        pages BIGINT NOT NULL,
        learned_at TEXT NOT NULL,
        PRIMARY KEY (domain, line_hash)
    )""",
]

# --- runs and per-source stats (operations) ----------------------------------------------
RUNS: list[str] = []

SCHEMA: list[str] = CORE + DEDUP + TEMPLATES + RUNS
