"""Start-up check of the local feed files (FEEDS, ``-o``/``-O``): each can be written.

Scrapy opens a feed only when the first item arrives, and a feed it cannot open is logged
and skipped while the crawl goes on: the records still reach the store, so a later run never
emits them again. A path that cannot be written is therefore a start-up error.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from newscrawl.exceptions import ConfigError

_PARAM = re.compile(r"%\(\w+\)[sd]")  # Scrapy's URI parameters: %(name)s, %(batch_id)d ...


def local_feed_path(uri: str) -> Path | None:
    """The file a FEEDS key writes to (its URI parameters filled in), or None for a remote
    target (s3://, ftp://, stdout:)."""
    filled = _PARAM.sub("x", str(uri))
    parts = urlsplit(filled)
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    if len(parts.scheme) > 1:  # a one-letter "scheme" is a Windows drive
        return None
    return Path(filled)


def check_feed_targets(settings: Any) -> None:
    """ConfigError naming the first local feed that cannot be written: its file is a
    directory or read-only, or the nearest existing folder above it is a file or read-only
    (Scrapy creates the missing folders)."""
    for uri in settings.getdict("FEEDS"):
        path = local_feed_path(uri)
        if path is None:
            continue
        problem = _unwritable(path)
        if problem:
            raise ConfigError(f"FEEDS: cannot write {uri}: {problem}")


def _unwritable(path: Path) -> str:
    if path.is_dir():
        return f"{path} is a directory"
    if path.exists():
        return "" if os.access(path, os.W_OK) else f"{path} is read-only"
    folder = path.absolute().parent
    while not folder.exists():
        folder = folder.parent
    if not folder.is_dir():
        return f"{folder} is not a directory"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"{folder} is read-only"
    return ""
