"""Workers sharing one Redis frontier: seeds claimed once per crawl, idle workers exit.

Installed by newscrawl.addons.RedisAddon when NEWSCRAWL_REDIS_URL is set.

A *crawl* spans from the first worker joining an empty worker registry to the last one
leaving (or going 15 s without a heartbeat). Every worker runs the spider's own ``start()``;
SeedClaimMiddleware lets a seed (feed, sitemap, start page: ``dont_filter=True``, so the
request dedup never hides tomorrow's articles) into the shared queue only for the first
worker that claims it in this crawl; the others drop it. Every other request goes through
scrapy-redis's dupefilter (newscrawl.redis_once.OnceDupeFilter), cleared when a new crawl
starts (NEWSCRAWL_REDIS_DUPEFILTER=crawl, the default) or kept (``persistent``).

SharedFrontier heartbeats each worker (busy or idle), wakes an idle engine as soon as other
workers queue requests, and lets the spider close once the shared queue has been empty and
no other live worker busy for NEWSCRAWL_IDLE_TIMEOUT seconds.
Settings: NEWSCRAWL_REDIS_URL, NEWSCRAWL_IDLE_TIMEOUT, NEWSCRAWL_REDIS_DUPEFILTER, REDIS_URL,
REDIS_PARAMS. Stats: ``newscrawl/frontier/seeds_claimed``, ``newscrawl/frontier/seeds_skipped``,
``newscrawl/frontier/idle_exit_seconds``.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

from scrapy import Request, signals
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.spidermiddlewares.base import BaseSpiderMiddleware

from newscrawl import stats
from newscrawl.addons import KEY_PREFIX, redis_url_of
from newscrawl.crawlstate import crawler_config
from newscrawl.redis_once import OnceAdder

logger = logging.getLogger(__name__)

HEARTBEAT = 1.0
"""Seconds between heartbeats."""
POLL = 0.25
"""Seconds between looks at the shared queue while this worker idles (and idle checks)."""
LEASE = 15.0
"""A worker whose last heartbeat is older than this is dead (crashed or cut off)."""

# Every time is the Redis server's (TIME), so clocks of the worker machines may differ.
_NOW = "local t = redis.call('TIME'); local now = t[1] + t[2] / 1e6\n"
# Join: drop dead workers; an empty registry starts a new crawl (forget the last crawl's
# seed claims and, in "crawl" dupefilter mode, its request fingerprints).
_JOIN = (
    _NOW
    + """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - ARGV[1])
if redis.call('ZCARD', KEYS[1]) == 0 then
  redis.call('DEL', KEYS[3])
  if ARGV[3] == 'crawl' then redis.call('DEL', KEYS[4]) end
end
redis.call('ZADD', KEYS[1], now, ARGV[2])
return redis.call('ZCARD', KEYS[1])
"""
)
# Leave: the last live worker out ends the crawl.
_LEAVE = (
    _NOW
    + """
redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('ZREM', KEYS[2], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - ARGV[1])
if redis.call('ZCARD', KEYS[1]) == 0 then
  redis.call('DEL', KEYS[3])
  if ARGV[3] == 'crawl' then redis.call('DEL', KEYS[4]) end
end
return redis.call('ZCARD', KEYS[1])
"""
)
_BEAT = (
    _NOW
    + """
redis.call('ZADD', KEYS[1], now, ARGV[1])
if ARGV[2] == '1' then redis.call('ZADD', KEYS[2], now, ARGV[1])
else redis.call('ZREM', KEYS[2], ARGV[1]) end
return 1
"""
)
_BUSY = _NOW + "return redis.call('ZRANGEBYSCORE', KEYS[1], now - ARGV[1], '+inf')"


class Frontier:
    """The Redis side of one worker: registry, heartbeats, seed claims, queue length.

    ``dupefilter``: "crawl" clears the request fingerprints when a new crawl starts (the
    next crawl re-reads hub pages, as a crawl on one machine does; stored articles are
    skipped by the store), "persistent" keeps them between crawls.
    """

    def __init__(
        self, server: Any, spider_name: str, worker_id: str, dupefilter: str = "crawl"
    ) -> None:
        prefix = KEY_PREFIX % {"spider": spider_name}
        self.server = server
        self.worker_id = worker_id
        self.dupefilter = dupefilter
        self.workers_key = f"{prefix}:workers"
        self.busy_key = f"{prefix}:busy"
        self.seeds_key = f"{prefix}:seeds"
        self.queue_key = f"{prefix}:requests"
        self.dupefilter_key = f"{prefix}:dupefilter"
        self.joined = False
        self._join = server.register_script(_JOIN)
        self._leave = server.register_script(_LEAVE)
        self._beat = server.register_script(_BEAT)
        self._busy = server.register_script(_BUSY)
        self._seeds = OnceAdder(server, self.seeds_key)

    def _keys(self) -> list[str]:
        return [self.workers_key, self.busy_key, self.seeds_key, self.dupefilter_key]

    def join(self) -> int:
        """Register this worker (a no-op when joined); returns how many workers are live."""
        if self.joined:
            return int(self.server.zcard(self.workers_key))
        args = [LEASE, self.worker_id, self.dupefilter]
        live = int(self._join(keys=self._keys(), args=args))
        logger.info("Joined the shared frontier as %s (%d live worker(s))", self.worker_id, live)
        self.joined = True
        return live

    def leave(self) -> int:
        """Unregister; returns how many workers are still live."""
        self.joined = False
        args = [LEASE, self.worker_id, self.dupefilter]
        return int(self._leave(keys=self._keys(), args=args))

    def heartbeat(self, busy: bool) -> None:
        self._beat(keys=[self.workers_key, self.busy_key], args=[self.worker_id, int(busy)])

    def others_busy(self) -> int:
        """Live workers other than this one that are fetching or processing pages."""
        members = self._busy(keys=[self.busy_key], args=[LEASE])
        return sum(1 for m in members if _text(m) != self.worker_id)

    def queue_len(self) -> int:
        return int(self.server.zcard(self.queue_key))

    def claim_seed(self, fingerprint: str) -> bool:
        """True for the first worker of this crawl to claim the seed."""
        return self._seeds.add(fingerprint)


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


_ATTR = "_newscrawl_frontier"


def crawler_frontier(crawler: Any) -> Frontier:
    """The crawler's Frontier (one per process, on scrapy-redis's own client settings)."""
    frontier = getattr(crawler, _ATTR, None)
    if frontier is None:
        from scrapy_redis.connection import get_redis_from_settings

        spider = crawler.spider
        run = getattr(spider, "crawl_id", "") or uuid.uuid4().hex[:8]
        worker = f"{socket.gethostname()}:{os.getpid()}:{run}"
        server = get_redis_from_settings(crawler.settings)
        mode = crawler_config(crawler).redis_dupefilter
        frontier = Frontier(server, spider.name, worker, mode)
        setattr(crawler, _ATTR, frontier)
    return frontier


class SeedClaimMiddleware(BaseSpiderMiddleware):
    """Lets each start() request into the shared queue once per crawl (first claimer wins)."""

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        frontier = crawler_frontier(self.crawler)
        frontier.join()
        assert self.crawler.stats is not None
        fingerprinter = self.crawler.request_fingerprinter
        async for output in start:
            if isinstance(output, Request):
                if not frontier.claim_seed(fingerprinter.fingerprint(output).hex()):
                    self.crawler.stats.inc_value(stats.FRONTIER_SEEDS_SKIPPED)
                    logger.debug("Seed already claimed by another worker: %s", output.url)
                    continue
                self.crawler.stats.inc_value(stats.FRONTIER_SEEDS_CLAIMED)
            yield output


class SharedFrontier:
    """Heartbeats, wakes the engine when others queue work, closes an idle worker."""

    def __init__(self, crawler: Any, idle_timeout: float) -> None:
        self.crawler = crawler
        self.idle_timeout = idle_timeout
        self.idle_since: float | None = None
        self._loop: Any = None
        self._last_beat = 0.0
        self._was_idle = True

    @classmethod
    def from_crawler(cls, crawler: Any) -> SharedFrontier:
        if not redis_url_of(crawler.settings):
            raise NotConfigured  # NEWSCRAWL_REDIS_URL unset; no args: Scrapy would log a WARNING
        ext = cls(crawler, crawler_config(crawler).idle_timeout)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        return ext

    @property
    def frontier(self) -> Frontier:
        return crawler_frontier(self.crawler)

    def spider_opened(self, spider: Any) -> None:
        from twisted.internet import task

        self.frontier.join()
        self._loop = task.LoopingCall(self.tick)
        self._loop.start(POLL, now=False)

    def tick(self) -> None:
        """Heartbeat (every HEARTBEAT s); an idle engine looks at the shared queue again."""
        engine = self.crawler.engine
        try:
            idle = engine.spider_is_idle()
            now = time.monotonic()
            if now - self._last_beat >= HEARTBEAT or idle != self._was_idle:
                self.frontier.heartbeat(busy=not idle)
                self._last_beat, self._was_idle = now, idle
            if idle:
                self._wake(engine)
        except Exception:  # a heartbeat must never stop the loop
            logger.warning("Frontier heartbeat failed", exc_info=True)

    @staticmethod
    def _wake(engine: Any) -> None:
        # The engine polls its scheduler every 5 s when idle; ask for a poll now (this also
        # re-runs spider_idle, so the idle timeout is checked every POLL seconds).
        slot = getattr(engine, "_slot", None)
        if slot is not None:
            slot.nextcall.schedule()

    def response_received(self) -> None:
        self.idle_since = None  # worked: the idle clock starts again

    def spider_idle(self, spider: Any) -> None:
        from redis.exceptions import RedisError

        now = time.monotonic()
        try:
            waiting = bool(self.frontier.queue_len() or self.frontier.others_busy())
        except RedisError as exc:  # already retried with back-off: count it as idle time
            logger.warning("Shared frontier unreachable while idle: %s", exc)
            waiting = False
        if waiting:
            self.idle_since = None  # work is queued, or may be queued by a busy worker
            raise DontCloseSpider
        if self.idle_since is None:
            self.idle_since = now
            logger.info("Shared queue empty and no worker busy; exiting after %.1fs idle",
                        self.idle_timeout)  # fmt: skip
        idle = now - self.idle_since
        if idle < self.idle_timeout:
            raise DontCloseSpider
        assert self.crawler.stats is not None
        self.crawler.stats.set_value(stats.FRONTIER_IDLE_EXIT, round(idle, 1))
        logger.info("Idle for %.1fs with an empty shared queue: worker exits", idle)

    def spider_closed(self, spider: Any, reason: str) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        try:
            live = self.frontier.leave()
            logger.info("Left the shared frontier (%d worker(s) still live)", live)
        except Exception:
            logger.warning("Could not unregister from the shared frontier", exc_info=True)
