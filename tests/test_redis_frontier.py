"""Redis mode on a real redis-server: the add-on's settings, the preflight ping, the frontier."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from newscrawl.addons import RedisAddon, check_redis
from newscrawl.exceptions import ConfigError
from newscrawl.frontier import Frontier, SeedClaimMiddleware, SharedFrontier
from newscrawl.spiders.news import NewsSpider

if TYPE_CHECKING:
    from servers import CuttingProxy, RedisServer

pytest_plugins = ["servers"]  # redis/PostgreSQL server fixtures
pytestmark = pytest.mark.redis

ADDONS = {"ADDONS": {RedisAddon: 0}}
PROXY_MW = "scrapy.downloadermiddlewares.httpproxy.HttpProxyMiddleware"


def crawler_settings(extra: dict[str, Any]) -> Any:
    crawler = get_crawler(NewsSpider, {**ADDONS, **extra})
    return crawler.settings


def test_addon_changes_nothing_without_a_redis_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSCRAWL_REDIS_URL", raising=False)
    settings = crawler_settings({})
    assert settings["SCHEDULER"] == "scrapy.core.scheduler.Scheduler"
    assert settings["DUPEFILTER_CLASS"] == "scrapy.dupefilters.RFPDupeFilter"
    assert SharedFrontier not in settings.getdict("EXTENSIONS")


def test_addon_installs_scrapy_redis_and_keeps_the_proxy_middleware() -> None:
    settings = crawler_settings({"NEWSCRAWL_REDIS_URL": "redis://127.0.0.1:6399/2"})
    assert settings["SCHEDULER"] == "scrapy_redis.scheduler.Scheduler"
    assert settings["DUPEFILTER_CLASS"] == "newscrawl.redis_once.OnceDupeFilter"
    assert settings.getbool("SCHEDULER_PERSIST")  # other workers go on when one closes
    assert settings["REDIS_URL"] == "redis://127.0.0.1:6399/2"
    assert settings["SCHEDULER_QUEUE_KEY"] == "newscrawl:%(spider)s:requests"
    assert settings.getdict("SPIDER_MIDDLEWARES")[SeedClaimMiddleware] == 50
    assert settings.getdict("EXTENSIONS")[SharedFrontier] == 400
    assert settings.getwithbase("DOWNLOADER_MIDDLEWARES")[PROXY_MW] is not None


def test_addon_reads_the_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCRAWL_REDIS_URL", "redis://127.0.0.1:6398/0")
    assert crawler_settings({})["REDIS_URL"] == "redis://127.0.0.1:6398/0"


def test_ping_names_the_url_and_hides_the_password() -> None:
    from servers import free_port

    url = f"redis://:hunter2@127.0.0.1:{free_port()}/0"
    with pytest.raises(ConfigError) as err:
        check_redis(url)
    message = str(err.value)
    assert message.startswith("NEWSCRAWL_REDIS_URL='redis://:***@127.0.0.1:")
    assert "cannot reach Redis" in message
    assert "hunter2" not in message
    assert "\n" not in message


def test_ping_passes_on_a_live_server(redis_url: str) -> None:
    check_redis(redis_url)


def test_a_server_that_wants_a_password_is_said_to_refuse_not_to_be_unreachable(
    redis_server: RedisServer, redis_url: str
) -> None:
    import redis

    redis_server.client().config_set("requirepass", "hunter2")
    try:
        with pytest.raises(ConfigError) as err:
            check_redis(redis_url)
        assert "Redis refused the connection" in str(err.value)
        assert "cannot reach" not in str(err.value)
    finally:
        authed = redis.Redis.from_url(redis_url, password="hunter2")
        authed.config_set("requirepass", "")
        authed.close()
    check_redis(redis_url)


def frontier(server: RedisServer, name: str, mode: str = "crawl") -> Frontier:
    return Frontier(server.client(), "news", name, mode)


def test_a_seed_is_claimed_once_per_crawl(redis_server: RedisServer, redis_url: str) -> None:
    a, b, c = (frontier(redis_server, n) for n in "abc")
    a.join()
    b.join()
    assert a.claim_seed("feed-1")
    assert not b.claim_seed("feed-1")
    a.leave()
    c.join()  # joins a crawl still running (b is live): the claim holds
    assert not c.claim_seed("feed-1")
    b.leave()
    c.leave()
    a.join()  # nobody live: a new crawl, whose seeds are read again
    assert a.claim_seed("feed-1")


@pytest.mark.parametrize(("mode", "kept"), [("crawl", False), ("persistent", True)])
def test_request_fingerprints_per_crawl_or_persistent(
    redis_server: RedisServer, redis_url: str, mode: str, kept: bool
) -> None:
    a = frontier(redis_server, "a", mode)
    a.join()
    a.server.sadd(a.dupefilter_key, "fp-of-a-hub-page")
    a.leave()
    b = frontier(redis_server, "b", mode)
    b.join()
    assert bool(b.server.sismember(b.dupefilter_key, "fp-of-a-hub-page")) is kept


def test_a_dead_worker_does_not_hold_the_crawl_open(
    redis_server: RedisServer, redis_url: str
) -> None:
    a = frontier(redis_server, "a")
    a.join()
    a.claim_seed("feed-1")
    seconds = int(a.server.time()[0])
    a.server.zadd(a.workers_key, {"a": seconds - 60})  # a crashed a minute ago
    b = frontier(redis_server, "b")
    assert b.join() == 1
    assert b.claim_seed("feed-1")


def test_busy_workers_are_seen_by_the_others(redis_server: RedisServer, redis_url: str) -> None:
    a, b = frontier(redis_server, "a"), frontier(redis_server, "b")
    a.join()
    b.join()
    a.heartbeat(busy=True)
    assert b.others_busy() == 1
    assert a.others_busy() == 0
    a.heartbeat(busy=False)
    assert b.others_busy() == 0


def test_requests_survive_the_shared_queue(redis_server: RedisServer, redis_url: str) -> None:
    from scrapy_redis.queue import PriorityQueue

    spider = NewsSpider()
    queue = PriorityQueue(redis_server.client(), spider, "newscrawl:%(spider)s:requests")
    request = Request(
        "http://alpha.test/2026/12/01/a-story-1.html", callback=spider.parse_page,
        cb_kwargs={"source": "alpha", "leaf": True}, priority=100,
        meta={"newscrawl_candidate": True, "newscrawl_hints": {"title": "T"}},
    )  # fmt: skip
    queue.push(request)
    back = queue.pop()
    assert back is not None
    assert back.url == request.url
    assert back.callback == spider.parse_page
    assert back.cb_kwargs == {"source": "alpha", "leaf": True}
    assert back.meta["newscrawl_hints"] == {"title": "T"}
    assert back.priority == 100


def test_queue_keeps_priorities_and_mixes_hosts(redis_server: RedisServer, redis_url: str) -> None:
    from newscrawl.redis_once import SpreadPriorityQueue

    spider = NewsSpider()
    queue = SpreadPriorityQueue(redis_server.client(), spider, "newscrawl:%(spider)s:requests")
    hosts = [f"h{i}.test" for i in range(4)]
    for host in hosts:  # pushed host by host, as a feed or hub parse does
        for k in range(10):
            queue.push(Request(f"http://{host}/a-{k}.html", priority=0))
    queue.push(Request("http://h3.test/feed.xml", priority=100))
    popped = [queue.pop() for _ in range(41)]
    assert popped[0].url == "http://h3.test/feed.xml"  # type: ignore[union-attr]
    first = [r.url.split("/")[2] for r in popped[1:13]]  # type: ignore[union-attr]
    assert len(set(first)) >= 3  # not ten of one host, then ten of the next


def test_a_resumed_queue_is_reported_at_info_without_a_deprecation_warning(
    redis_server: RedisServer, redis_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    """scrapy-redis reports a queue left by a dead crawl through the deprecated Spider.log()."""
    import warnings

    from scrapy_redis.scheduler import Scheduler

    crawler = get_crawler(NewsSpider, {**ADDONS, "NEWSCRAWL_REDIS_URL": redis_url})
    spider = NewsSpider.from_crawler(crawler, urls="http://alpha.test/")
    scheduler = Scheduler.from_crawler(crawler)
    scheduler.open(spider)
    scheduler.queue.push(Request("http://alpha.test/2026/12/01/left-over.html"))
    again = Scheduler.from_crawler(crawler)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a deprecation warning would fail here
        with caplog.at_level("INFO", logger="news"):
            again.open(spider)
    assert ("news", 20, "Resuming crawl (1 requests scheduled)") in caplog.record_tuples
    again.queue.clear()


@contextlib.contextmanager
def reply_lost_once(redis_server: RedisServer) -> Iterator[tuple[Any, CuttingProxy]]:
    """A retrying client (the crawl's own parameters) through a proxy that, once its plan
    says so, lets Redis run the next command and drops the reply."""
    import redis
    from servers import CuttingProxy

    from newscrawl.addons import redis_params

    proxy = CuttingProxy(redis_server.port)
    client = redis.Redis.from_url(f"redis://127.0.0.1:{proxy.port}/0", **redis_params())
    try:
        yield client, proxy
    finally:
        client.close()
        proxy.close()


def test_a_pop_whose_reply_is_lost_hands_over_the_same_request(redis_server: RedisServer) -> None:
    """Redis takes a request off the queue but the connection dies before the reply: the
    client's retry on a new connection gets that request, instead of the next one while the
    first is gone for the crawl (scrapy-redis's MULTI/EXEC pop)."""
    from newscrawl.redis_once import SpreadPriorityQueue

    with reply_lost_once(redis_server) as (client, proxy):
        queue = SpreadPriorityQueue(client, NewsSpider(), "newscrawl:%(spider)s:lost-reply")
        assert queue.pop() is None  # the script is loaded: the next message is the pop
        queue.push(Request("http://alpha.test/first.html", priority=10))
        queue.push(Request("http://alpha.test/second.html", priority=0))
        proxy.plan.append("after")
        popped = [queue.pop(), queue.pop(), queue.pop()]
        assert not proxy.plan, "the pop went through the proxy"
        assert [r.url if r else None for r in popped] == [
            "http://alpha.test/first.html", "http://alpha.test/second.html", None,
        ]  # fmt: skip
        assert len(queue) == 0
        assert client.keys("newscrawl:news:lost-reply:receipt:*") == []  # receipts cleared


def test_a_pop_that_fails_after_redis_took_the_request_leaves_it_to_the_next_pop(
    redis_server: RedisServer,
) -> None:
    """Redis takes a request off the queue, the reply is lost and the client gives up (Redis
    unreachable past every retry): the worker's next pop gets that request."""
    import redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry
    from servers import CuttingProxy

    from newscrawl.redis_once import SpreadPriorityQueue

    proxy = CuttingProxy(redis_server.port)
    client = redis.Redis.from_url(f"redis://127.0.0.1:{proxy.port}/0", retry=Retry(NoBackoff(), 0))
    try:
        queue = SpreadPriorityQueue(client, NewsSpider(), "newscrawl:%(spider)s:gave-up")
        assert queue.pop() is None
        queue.push(Request("http://alpha.test/first.html", priority=10))
        queue.push(Request("http://alpha.test/second.html", priority=0))
        proxy.plan.append("after")
        with pytest.raises(redis.ConnectionError):
            queue.pop()
        assert len(queue) == 1  # Redis did take it
        popped = [queue.pop(), queue.pop(), queue.pop()]
        assert [r.url if r else None for r in popped] == [
            "http://alpha.test/first.html", "http://alpha.test/second.html", None,
        ]  # fmt: skip
    finally:
        client.close()
        proxy.close()


def test_a_fingerprint_add_whose_reply_is_lost_is_not_seen(redis_server: RedisServer) -> None:
    """The dupefilter adds a request's fingerprint and the reply is lost: the retry finds the
    fingerprint there, yet the request is new (scrapy-redis's SADD said "seen" and every
    worker dropped it); the next look at it is "seen"."""
    from newscrawl.redis_once import OnceDupeFilter

    with reply_lost_once(redis_server) as (client, proxy):
        dupefilter = OnceDupeFilter(client, "newscrawl:news:lost-reply-fps")
        assert not dupefilter.request_seen(Request("http://alpha.test/warm-up.html"))
        proxy.plan.append("after")
        assert not dupefilter.request_seen(Request("http://alpha.test/new.html"))
        assert not proxy.plan, "the add went through the proxy"
        assert dupefilter.request_seen(Request("http://alpha.test/new.html"))


def test_a_seed_claim_whose_reply_is_lost_is_still_this_workers(
    redis_server: RedisServer,
) -> None:
    """A worker claims a seed and the reply is lost: it still holds the claim (with a plain
    SADD the retry said "claimed by another" and no worker fetched the seed)."""
    with reply_lost_once(redis_server) as (client, proxy):
        a = Frontier(client, "lost-reply", "worker-a")
        b = Frontier(redis_server.client(), "lost-reply", "worker-b")
        assert a.claim_seed("fp-warm-up")
        proxy.plan.append("after")
        assert a.claim_seed("fp-of-a-feed")
        assert not proxy.plan, "the claim went through the proxy"
        assert not b.claim_seed("fp-of-a-feed")
