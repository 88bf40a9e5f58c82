"""Redis writes that a lost reply cannot lose: the shared queue's pop, the dupefilter's and
the seed claims' set adds.

Every Redis command is retried on a new connection when the connection dies (addons.
redis_params). That is safe for a read, but when Redis ran the command and only its reply
was lost, the retry of a pop takes the next request (the first is gone for the crawl) and
the retry of an add finds the member present and says "seen" (the request or seed is
dropped by everyone). Each such call here runs as a script that leaves a receipt key of its
own (``<key>:receipt:<token>:<n>``): the retry of the same call reads the receipt and gets
the first answer. The caller's next call deletes the receipt; RECEIPT_TTL expires it when
the process dies first.
"""

from __future__ import annotations

import random
import uuid
from typing import Any

from scrapy import Request
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue

RECEIPT_TTL = 3600
"""Seconds a receipt outlives a process that dies before its next call: well over the
time redis-py goes on retrying one command (8 retries, each reconnect retried too, with
connect and read timeouts: about 17 minutes at worst)."""

# KEYS[1] the queue, KEYS[2] this pop's receipt, KEYS[3] the previous one.
_POP = """
local held = redis.call('GET', KEYS[2])
if held then return held end
redis.call('DEL', KEYS[3])
local top = redis.call('ZRANGE', KEYS[1], 0, 0)
if #top == 0 then return false end
redis.call('ZREM', KEYS[1], top[1])
redis.call('SET', KEYS[2], top[1], 'EX', ARGV[1])
return top[1]
"""
# KEYS[1] the set, KEYS[2] this add's receipt, KEYS[3] the previous one; ARGV[2] the member.
_ADD = """
redis.call('DEL', KEYS[3])
if redis.call('SADD', KEYS[1], ARGV[2]) == 1 then
  redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[1])
  return 1
end
if redis.call('GET', KEYS[2]) == ARGV[2] then return 1 end
return 0
"""


class Receipts:
    """One caller's receipt keys under ``key``: a new one for each call that returned, and
    the last. A call that raised (Redis unreachable past every retry, perhaps after it ran
    the call) leaves its receipt to the next call: a pop then gets the request it took."""

    def __init__(self, key: str) -> None:
        self._prefix = f"{key}:receipt:{uuid.uuid4().hex}:"
        self._calls = 0

    def run(self, script: Any, key: str, *args: Any) -> Any:
        """``script`` on KEYS [key, this call's receipt, the previous call's] and ARGV
        [RECEIPT_TTL, *args]."""
        n = self._calls + 1
        keys = [key, f"{self._prefix}{n}", f"{self._prefix}{n - 1}"]
        result = script(keys=keys, args=[RECEIPT_TTL, *args])
        self._calls = n
        return result


class OnceAdder:
    """SADD that says "added" to the caller that added the member, retries included."""

    def __init__(self, server: Any, key: str) -> None:
        self.key = key
        self._script = server.register_script(_ADD)
        self._receipts = Receipts(key)

    def add(self, member: str) -> bool:
        """True when this call added ``member`` to the set, False when it was there."""
        return bool(self._receipts.run(self._script, self.key, member))


class SpreadPriorityQueue(PriorityQueue):
    """scrapy-redis's PriorityQueue, with requests of equal priority popped in random order,
    and a pop that a lost reply cannot lose (scrapy-redis pops with MULTI/EXEC).

    scrapy-redis scores a request by ``-priority`` only; Redis orders equal scores by the
    member bytes, the pickled request, which begins with its URL: one priority level comes
    out host by host. A worker then holds many requests of one or two hosts in its
    downloader, where the per-domain concurrency limit queues them while other workers
    could fetch them. A random fraction below 0.5 added to the score keeps priorities
    strictly ordered and mixes hosts within a level.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pop_script = self.server.register_script(_POP)
        self._receipts = Receipts(self.key)

    def push(self, request: Request) -> None:
        data = self._encode_request(request)
        score = -request.priority + random.random() / 2
        self.server.execute_command("ZADD", self.key, score, data)

    def pop(self, timeout: int = 0) -> Request | None:
        """The request with the lowest score, or None when the queue is empty."""
        data = self._receipts.run(self._pop_script, self.key)
        return self._decode_request(data) if data else None


class OnceDupeFilter(RFPDupeFilter):
    """scrapy-redis's RFPDupeFilter, whose fingerprint add a lost reply cannot turn into
    "seen" (the request would be dropped by every worker)."""

    def __init__(self, server: Any, key: str, debug: bool = False) -> None:
        super().__init__(server, key, debug)
        self._adder = OnceAdder(server, key)

    def request_seen(self, request: Request) -> bool:
        return not self._adder.add(self.request_fingerprint(request))
