"""Source attribution: who published a copy, which outlet it credits, and the evidence."""

from __future__ import annotations

from newscrawl.attribution.registry import Outlet, Registry, load_registry
from newscrawl.attribution.resolve import attribute, resolve_publisher

__all__ = ["Outlet", "Registry", "attribute", "load_registry", "resolve_publisher"]
