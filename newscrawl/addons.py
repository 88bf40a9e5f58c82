"""RedisAddon: with NEWSCRAWL_REDIS_URL set, the frontier and request dedup live in Redis.

Registered in settings.ADDONS; it changes nothing unless NEWSCRAWL_REDIS_URL is set (setting
or environment variable). Then it installs scrapy-redis's Scheduler, with the dupefilter and
priority queue of newscrawl.redis_once (safe from lost replies) (SCHEDULER_PERSIST: a
closing worker never empties the shared queue), REDIS_URL and a
retrying Redis client, and newscrawl.frontier's seed-claim middleware and idle-exit
extension. Downloader middlewares (HttpProxyMiddleware included) are left as they are.

Redis keys (``<spider>`` is ``news``): ``newscrawl:<spider>:requests`` (the shared priority
queue), ``newscrawl:<spider>:dupefilter`` (request fingerprints: newscrawl.frontier clears them
when a new crawl starts, unless NEWSCRAWL_REDIS_DUPEFILTER=persistent),
``newscrawl:<spider>:workers`` / ``:busy`` (worker heartbeats), ``newscrawl:<spider>:seeds``
(seeds claimed in the current crawl). Settings: NEWSCRAWL_REDIS_URL (the rest: frontier.py).
"""

from __future__ import annotations

import os
import warnings
from typing import Any

from scrapy.exceptions import ScrapyDeprecationWarning

from newscrawl.config import redact_url_credentials
from newscrawl.exceptions import ConfigError

KEY_PREFIX = "newscrawl:%(spider)s"
REDIS_RETRIES = 8
"""Redis commands are retried this many times (exponential back-off, capped at 10 s)."""


def redis_url_of(settings: Any) -> str:
    """NEWSCRAWL_REDIS_URL from the settings, else the environment, else ""."""
    value = settings.get("NEWSCRAWL_REDIS_URL") if settings is not None else None
    if value in (None, ""):
        value = os.environ.get("NEWSCRAWL_REDIS_URL", "")
    return str(value or "")


def redis_params() -> dict[str, Any]:
    """Client parameters: timeouts, and retries with back-off on connection errors."""
    from redis.backoff import ExponentialBackoff
    from redis.exceptions import ConnectionError, TimeoutError
    from redis.retry import Retry

    return {
        "socket_timeout": 30,
        "socket_connect_timeout": 10,
        "health_check_interval": 15,
        "retry": Retry(ExponentialBackoff(cap=10.0, base=0.1), REDIS_RETRIES),
        "retry_on_error": [ConnectionError, TimeoutError],
        "encoding": "utf-8",
    }


def check_redis(url: str) -> None:
    """Ping Redis once (no retries); ConfigError with one line naming the URL when it fails."""
    if not url:
        return
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=5)
        client.ping()
        client.close()
    except (redis.RedisError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        # Reached, but refused: a missing or wrong password ("HELLO must be called with the
        # client already authenticated", "invalid username-password pair").
        refused = isinstance(exc, redis.AuthenticationError | redis.ResponseError)
        what = "Redis refused the connection" if refused else "cannot reach Redis"
        raise ConfigError(
            f"NEWSCRAWL_REDIS_URL={redact_url_credentials(url)!r}: {what}: {reason}"
        ) from None


class RedisAddon:
    """Scrapy add-on: scrapy-redis scheduler + dupefilter when NEWSCRAWL_REDIS_URL is set."""

    def update_settings(self, settings: Any) -> None:
        url = redis_url_of(settings)
        if not url:
            return
        for name, value in {
            "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
            "DUPEFILTER_CLASS": "newscrawl.redis_once.OnceDupeFilter",
            "SCHEDULER_PERSIST": True,
            "SCHEDULER_QUEUE_CLASS": "newscrawl.redis_once.SpreadPriorityQueue",
            "SCHEDULER_QUEUE_KEY": f"{KEY_PREFIX}:requests",
            "SCHEDULER_DUPEFILTER_KEY": f"{KEY_PREFIX}:dupefilter",
            "SCHEDULER_IDLE_BEFORE_CLOSE": 0,
            "REDIS_URL": url,
            "REDIS_PARAMS": redis_params(),
        }.items():
            settings.set(name, value, "addon")
        from newscrawl.frontier import SeedClaimMiddleware, SharedFrontier

        # scrapy-redis 0.9.1 passes spider= to the stats collector, deprecated since Scrapy
        # 2.13: harmless, but it would warn in every worker's log.
        warnings.filterwarnings(
            "ignore", "Passing a 'spider' argument", ScrapyDeprecationWarning, "scrapy_redis"
        )

        settings.set_in_component_priority_dict("SPIDER_MIDDLEWARES", SeedClaimMiddleware, 50)
        settings.set_in_component_priority_dict("EXTENSIONS", SharedFrontier, 400)
