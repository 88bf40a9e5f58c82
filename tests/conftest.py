"""Shared fixtures: the fake web (a loopback forward proxy serving the ``.test`` sites)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fakeweb import FakeWeb


@pytest.fixture
def fakeweb() -> Iterator[FakeWeb]:
    """A fresh fake web on a free loopback port, serving tests/fakeweb/sites."""
    with FakeWeb() as web:
        yield web
