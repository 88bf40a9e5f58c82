"""One store and one config per crawler, shared by the spider, middlewares and pipelines.

The store is opened on first use (from a component's ``from_crawler``), so an unusable store
fails at start-up with a one-line StoreError; it is closed when the engine stops.
Stats: ``newscrawl/store/reconnects`` (connections the store had to open again).
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals

from newscrawl import stats
from newscrawl.config import NewscrawlConfig
from newscrawl.store import Store, open_store
from newscrawl.workers import WorkerPool

logger = logging.getLogger(__name__)

_CONFIG_ATTR = "_newscrawl_config"
_STORE_ATTR = "_newscrawl_store"
_POOL_ATTR = "_newscrawl_pool"


def crawler_config(crawler: Any) -> NewscrawlConfig:
    """The crawler's validated NewscrawlConfig (built once)."""
    config = getattr(crawler, _CONFIG_ATTR, None)
    if config is None:
        config = NewscrawlConfig.from_settings(crawler.settings)
        setattr(crawler, _CONFIG_ATTR, config)
    return config


def crawler_store(crawler: Any) -> Store:
    """The crawler's open Store (opened once, closed on ``engine_stopped``)."""
    store = getattr(crawler, _STORE_ATTR, None)
    if store is None:
        store = open_store(crawler_config(crawler).store)
        setattr(crawler, _STORE_ATTR, store)

        def _close() -> None:
            store.close()
            setattr(crawler, _STORE_ATTR, None)

        def _count_reconnects() -> None:
            reconnects = getattr(store, "reconnects", 0)
            if reconnects and crawler.stats is not None:
                crawler.stats.set_value(stats.STORE_RECONNECTS, reconnects)

        crawler.signals.connect(_close, signal=signals.engine_stopped, weak=False)
        crawler.signals.connect(_count_reconnects, signal=signals.spider_closed, weak=False)
        logger.info("Article store: %s", store.shown_url)
    return store


def crawler_pool(crawler: Any) -> WorkerPool:
    """The crawler's worker pool for CPU-heavy page work (NEWSCRAWL_WORKERS), closed on stop."""
    pool = getattr(crawler, _POOL_ATTR, None)
    if pool is None:
        pool = WorkerPool(crawler_config(crawler).workers)
        setattr(crawler, _POOL_ATTR, pool)

        def _close() -> None:
            pool.close()
            setattr(crawler, _POOL_ATTR, None)

        crawler.signals.connect(_close, signal=signals.engine_stopped, weak=False)
    return pool
