"""Cleaning: remove phrase- and site-level boilerplate from extracted body text."""

from __future__ import annotations

from newscrawl.cleaning.cleaner import clean
from newscrawl.cleaning.model import CleanResult, LineKind, RemovedLine

__all__ = ["CleanResult", "LineKind", "RemovedLine", "clean"]
