"""The fake multi-site news web the tests and benchmarks crawl (see server.py)."""

from fakeweb.server import SITES_DIR, FakeWeb, Reply

__all__ = ["SITES_DIR", "FakeWeb", "Reply"]
