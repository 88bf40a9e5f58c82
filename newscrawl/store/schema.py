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
DEDUP: list[str] = [
    # Index layout (MinHash permutations, shingle size, LSH bands x rows) as JSON: a change
    # of settings triggers a rebuild instead of silently comparing incompatible keys.
    """CREATE TABLE IF NOT EXISTS dedup_meta (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    # Exact duplicates: the original that first claimed a content hash (unique key, so two
    # workers cannot both claim it).
    """CREATE TABLE IF NOT EXISTS dedup_hashes (
        content_hash TEXT PRIMARY KEY,
        article_id TEXT NOT NULL
    )""",
    # One MinHash signature per indexed original; doc = 63-bit hash of article_id (compact
    # join key for the bands), added = insertion time in ns (the earliest copy wins).
    """CREATE TABLE IF NOT EXISTS dedup_signatures (
        doc BIGINT PRIMARY KEY,
        article_id TEXT NOT NULL,
        added BIGINT NOT NULL,
        signature TEXT NOT NULL
    )""",
    # LSH band keys: a lookup is one probe of this primary-key index per band.
    """CREATE TABLE IF NOT EXISTS dedup_bands (
        band_key BIGINT NOT NULL,
        doc BIGINT NOT NULL,
        PRIMARY KEY (band_key, doc)
    )""",
]

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
RUNS: list[str] = [
    # One row per run (per worker in distributed mode); written at start, completed at close.
    # finished_at IS NULL on a row that is not the running crawl: the process died.
    """CREATE TABLE IF NOT EXISTS runs (
        crawl_id TEXT PRIMARY KEY,
        spider TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        finish_reason TEXT,
        host TEXT NOT NULL,
        pid BIGINT NOT NULL,
        pages BIGINT NOT NULL,
        articles BIGINT NOT NULL,
        duplicates BIGINT NOT NULL,
        errors BIGINT NOT NULL,
        flagged BIGINT NOT NULL,
        settings TEXT NOT NULL,
        totals TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS runs_started_at ON runs (started_at)",
    # Per source and run: the headline counts as columns (for SQL), everything in detail (JSON).
    """CREATE TABLE IF NOT EXISTS run_sources (
        crawl_id TEXT NOT NULL,
        source TEXT NOT NULL,
        fetched BIGINT NOT NULL,
        article_pages BIGINT NOT NULL,
        emitted BIGINT NOT NULL,
        known BIGINT NOT NULL,
        duplicates_url BIGINT NOT NULL,
        duplicates_exact BIGINT NOT NULL,
        duplicates_near BIGINT NOT NULL,
        duplicates_kept BIGINT NOT NULL,
        not_articles BIGINT NOT NULL,
        errors_download BIGINT NOT NULL,
        errors_http BIGINT NOT NULL,
        errors_extraction BIGINT NOT NULL,
        empty BIGINT NOT NULL,
        short BIGINT NOT NULL,
        median_words DOUBLE PRECISION,
        extraction_yield DOUBLE PRECISION,
        health TEXT NOT NULL,
        detail TEXT NOT NULL,
        PRIMARY KEY (crawl_id, source)
    )""",
    "CREATE INDEX IF NOT EXISTS run_sources_source ON run_sources (source, crawl_id)",
    # Pages judged no article by their extracted body (an about or contact page): one fetched
    # again in a later run is left out of that run's extraction yield (operations/health).
    """CREATE TABLE IF NOT EXISTS judged_pages (
        url TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        crawl_id TEXT NOT NULL
    )""",
]

SCHEMA: list[str] = CORE + DEDUP + TEMPLATES + RUNS
