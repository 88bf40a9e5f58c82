"""Scrapy settings of newscrawl. The ITEM_PIPELINES order lives here and nowhere else.

Project settings (NEWSCRAWL_*) are documented and checked in newscrawl/config.py.
"""

from __future__ import annotations

from newscrawl.items import CONTRACT_FIELDS

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"
COMMANDS_MODULE = "newscrawl.commands"

# --- politeness: an honest crawler that cron can run unattended --------------------------
USER_AGENT = "newscrawl/0.1 (news research crawler; +https://github.com/newscrawl/newscrawl)"
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 10.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 4.0
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 4
# Scrapy starts CONCURRENT_ITEMS item-processing tasks for every response, however few items it
# yields (scrapy/scrapy#5182): the default 100 cost the reactor about 2 ms a page. A page
# yields at most one item, then its links; 4 keeps those apart from the item's pipelines.
CONCURRENT_ITEMS = 4
DOWNLOAD_DELAY = 0.0  # AutoThrottle adapts the delay per domain

# --- limits: every run ends -----------------------------------------------------------------
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
# No warning below the limit (real pages of 2-8 MB are common); one over it is counted.
DOWNLOAD_WARNSIZE = 0
RETRY_ENABLED = True
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 5
DEPTH_LIMIT = 8  # hard ceiling; each source's max_depth is stricter
DEPTH_PRIORITY = 1  # breadth-first: hubs before the deep end of pagination
CLOSESPIDER_TIMEOUT = 4 * 3600  # safety net for a cron job
DNS_TIMEOUT = 20
TELNETCONSOLE_ENABLED = False  # no listening ports in a cron job
REMOTE_CONTROL_ENABLED = False
COOKIES_ENABLED = False
LOG_LEVEL = "INFO"

# --- components -------------------------------------------------------------------------------
SPIDER_MIDDLEWARES = {
    "newscrawl.middlewares.traps.TrapGuardMiddleware": 950,
    "newscrawl.middlewares.incremental.IncrementalMiddleware": 900,
}

# A hostile web (docs/robustness.md): unsafe targets refused before robots.txt is asked, a
# page budget per source, and every fault Scrapy gives up on counted under newscrawl/errors/.
# The Counting* classes are Scrapy's own middlewares at their usual orders, plus a stat.
DOWNLOADER_MIDDLEWARES = {
    "newscrawl.middlewares.safety.UnsafeTargetMiddleware": 60,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "newscrawl.middlewares.robots.CountedRobotsTxtMiddleware": 100,
    "newscrawl.middlewares.budget.PageBudgetMiddleware": 110,
    "newscrawl.middlewares.faults.FaultStats": 540,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "newscrawl.middlewares.faults.CountingMetaRefreshMiddleware": 580,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "newscrawl.middlewares.faults.CountingHttpCompressionMiddleware": 590,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "newscrawl.middlewares.faults.CountingRedirectMiddleware": 600,
}
# Page faults are counted and their first occurrence per kind logged (FaultStats); Scrapy's
# per-page "Gave up retrying" and "Error downloading" lines go to DEBUG.
RETRY_GIVE_UP_LOG_LEVEL = "DEBUG"
LOG_FORMATTER = "newscrawl.logformat.FaultLogFormatter"

# Run records, per-source health, end-of-run summary and report, run lock (docs/operations.md).
EXTENSIONS = {
    "newscrawl.operations.recorder.RunRecorder": 500,
    "newscrawl.operations.promptclose.PromptClose": 510,
    "newscrawl.operations.jobdir.FinishedJobReset": 520,
}

# Redis mode (docs/deployment.md): does nothing unless NEWSCRAWL_REDIS_URL is set.
ADDONS = {
    "newscrawl.addons.RedisAddon": 0,
}

ITEM_PIPELINES = {
    "newscrawl.pipelines.accounting.AccountingPipeline": 50,
    "newscrawl.pipelines.cleaning.CleaningPipeline": 100,
    "newscrawl.pipelines.language.LanguagePipeline": 200,
    "newscrawl.pipelines.attribution.AttributionPipeline": 300,
    "newscrawl.pipelines.dedup.DedupPipeline": 400,
    "newscrawl.pipelines.store.StorePipeline": 900,
}

# --- output -------------------------------------------------------------------------------------
FEEDS = {
    "output/%(name)s-%(time)s.jsonl": {"format": "jsonlines", "encoding": "utf-8"},
}
FEED_EXPORT_ENCODING = "utf-8"
FEED_EXPORTERS = {  # plain data for -O out.csv / out.xml, as `scrapy export` writes it
    "csv": "newscrawl.exporters.CsvRecordExporter",
    "xml": "newscrawl.exporters.XmlRecordExporter",
}
FEED_EXPORT_FIELDS = list(CONTRACT_FIELDS)
FEED_STORE_EMPTY = True

# --- newscrawl ------------------------------------------------------------------------------------
# NEWSCRAWL_* defaults live in newscrawl/config.py, not here: a value set in this file would
# hide the NEWSCRAWL_* environment variable a cron job sets (docs/settings.md).
