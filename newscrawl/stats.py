"""Every stat key newscrawl writes, in one place: ``newscrawl/<stage>/<outcome>[/<reason>]``.

Accounting sums: items processed by the pipelines = records emitted + items dropped
(Scrapy's own ``item_dropped_reasons_count/<DropItem subclass>`` counts the drops).
"""

from __future__ import annotations

PREFIX = "newscrawl"

# --- discovery (spider) -------------------------------------------------------------------
FEED_PARSED = f"{PREFIX}/discovery/feed_parsed"
FEED_INVALID = f"{PREFIX}/discovery/feed_invalid"
FEED_ENTRIES = f"{PREFIX}/discovery/feed_entries"
SITEMAP_PARSED = f"{PREFIX}/discovery/sitemap_parsed"
SITEMAP_INVALID = f"{PREFIX}/discovery/sitemap_invalid"
SITEMAP_ENTRIES = f"{PREFIX}/discovery/sitemap_entries"
ROBOTS_SITEMAPS = f"{PREFIX}/discovery/robots_sitemaps"
LINKS_FOLLOWED = f"{PREFIX}/discovery/links_followed"
OFFSITE_SKIPPED = f"{PREFIX}/discovery/offsite_skipped"
DENIED = f"{PREFIX}/discovery/denied"  # feed and sitemap entries the source's allow/deny refuse

# --- closing (operations.promptclose) -----------------------------------------------------
SHUTDOWN_REQUEUED = f"{PREFIX}/shutdown/requeued"  # queued requests a closing crawl handed back

# --- pages (spider) -------------------------------------------------------------------------
PAGES_ARTICLE = f"{PREFIX}/pages/article"
PAGES_NOT_ARTICLE = f"{PREFIX}/pages/not_article"
PAGES_NOT_HTML = f"{PREFIX}/pages/not_html"
EXTRACTION_FAILED = f"{PREFIX}/extraction/failed"  # + "/<reason>"

# --- incremental (middleware) ---------------------------------------------------------------
INCREMENTAL_SKIPPED = f"{PREFIX}/incremental/skipped_stored"

# --- faults and refusals (downloader/spider middlewares, docs/robustness.md) ----------------
ERRORS_HTTP = f"{PREFIX}/errors/http"  # + "/<status>": error responses after retries
ERRORS_DOWNLOAD = f"{PREFIX}/errors/download"  # + "/<exception class>", after retries
ERRORS_REDIRECT_LOOP = f"{PREFIX}/errors/redirect_loop"
ERRORS_DECOMPRESSION_BOMB = f"{PREFIX}/errors/decompression_bomb"
UNSAFE_REFUSED = f"{PREFIX}/unsafe/refused"  # + "/<reason>" (newscrawl.targets.REASONS)
BUDGET_REFUSED = f"{PREFIX}/budget/refused"
TRAPS_REFUSED = f"{PREFIX}/traps/refused"  # + "/<reason>"
TRAPS_STRIPPED = f"{PREFIX}/traps/session_stripped"

# --- shared frontier (Redis mode: newscrawl.frontier) and shared store ---------------------
FRONTIER_SEEDS_CLAIMED = f"{PREFIX}/frontier/seeds_claimed"
FRONTIER_SEEDS_SKIPPED = f"{PREFIX}/frontier/seeds_skipped"  # another worker claimed them
FRONTIER_IDLE_EXIT = f"{PREFIX}/frontier/idle_exit_seconds"
STORE_RECONNECTS = f"{PREFIX}/store/reconnects"

# --- pipelines --------------------------------------------------------------------------------
ITEMS_PROCESSED = f"{PREFIX}/items/processed"
ITEMS_EMITTED = f"{PREFIX}/items/emitted"
CLEANING_REMOVED = f"{PREFIX}/cleaning/removed"  # + "/<kind>"
LANGUAGE_DETECTED = f"{PREFIX}/language"  # + "/<code>"
LANGUAGE_DROPPED = f"{PREFIX}/language/dropped"
ATTRIBUTION_CREDITED = f"{PREFIX}/attribution/credited"
DUPLICATE = f"{PREFIX}/duplicate"  # + "/url" | "/exact" | "/near"
DUPLICATE_KEPT = f"{PREFIX}/duplicate/kept"
STORE_WRITTEN = f"{PREFIX}/store/written"


def per_source(key: str, source: str) -> str:
    """The per-source variant of a key: ``newscrawl/source/<name>/<rest of key>``."""
    return f"{PREFIX}/source/{source}/{key.removeprefix(PREFIX + '/')}"
