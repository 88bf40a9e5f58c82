"""NewscrawlConfig: every NEWSCRAWL_* setting, its default and its check, in one place."""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, fields
from typing import Any

from newscrawl.exceptions import ConfigError

DEFAULT_STORE = "sqlite:///newscrawl.sqlite3"
EXTRACTION_MODES = ("thorough", "fast")

_PASSWORD = re.compile(r"(//[^:/@]*:)[^@/]*@")
_PASSWORD_PARAM = re.compile(r"([?&](?:password|passwd|pwd|sslpassword)=)[^&#]*", re.I)


def redact_url_credentials(url: str) -> str:
    """``postgresql://user:secret@host/db`` -> ``postgresql://user:***@host/db`` (for logs);
    a password in the query string (``?password=secret``, libpq and redis-py read it) too."""
    return _PASSWORD_PARAM.sub(r"\1***", _PASSWORD.sub(r"\1***@", url))


@dataclass(frozen=True)
class NewscrawlConfig:
    """Typed, validated view of the project's settings (``NEWSCRAWL_<FIELD NAME UPPER>``)."""

    store: str = DEFAULT_STORE
    """NEWSCRAWL_STORE: article store URL (sqlite:///PATH or postgresql://...)."""
    keep_duplicates: bool = False
    """NEWSCRAWL_KEEP_DUPLICATES: emit duplicates with duplicate_of set instead of dropping."""
    near_dup_threshold: float = 0.45
    """NEWSCRAWL_NEAR_DUP_THRESHOLD: estimated Jaccard similarity (0-1) of word shingles."""
    minhash_perms: int = 128
    """NEWSCRAWL_MINHASH_PERMS: MinHash permutations (signature length)."""
    template_min_pages: int = 4
    """NEWSCRAWL_TEMPLATE_MIN_PAGES: distinct pages of a domain a line must recur on."""
    template_max_words: int = 40
    """NEWSCRAWL_TEMPLATE_MAX_WORDS: longer lines are never learned as template lines."""
    registry: str = ""
    """NEWSCRAWL_REGISTRY: optional TOML file extending the outlet-name registry."""
    redis_url: str = ""
    """NEWSCRAWL_REDIS_URL: when set, the frontier lives in Redis (scrapy-redis)."""
    idle_timeout: float = 10.0
    """NEWSCRAWL_IDLE_TIMEOUT: seconds a Redis worker waits on an empty queue before exiting."""
    redis_dupefilter: str = "crawl"
    """NEWSCRAWL_REDIS_DUPEFILTER: "crawl" (request fingerprints kept for one crawl of all
    workers, as on one machine) or "persistent" (kept between crawls)."""
    workers: int = 0
    """NEWSCRAWL_WORKERS: processes for CPU-heavy page work; 0 = CPU count, 1 = inline."""
    max_pages_per_source: int = 0
    """NEWSCRAWL_MAX_PAGES_PER_SOURCE: page budget per source and run; 0 = unlimited."""
    extraction: str = "thorough"
    """NEWSCRAWL_EXTRACTION: "thorough" (three trafilatura runs combined: the cleanest text)
    or "fast" (one balanced run, and the recall run only where it can win: about 0.8x the
    page analysis CPU)."""
    min_words: int = 50
    """NEWSCRAWL_MIN_WORDS: fewer words of body text and a page is not an article."""
    allow_private_targets: bool = False
    """NEWSCRAWL_ALLOW_PRIVATE_TARGETS: allow loopback/private/link-local hosts (intranets)."""
    fail_on_health: bool = False
    """NEWSCRAWL_FAIL_ON_HEALTH: exit non-zero when a source is flagged unhealthy."""

    @classmethod
    def from_settings(cls, settings: Any) -> NewscrawlConfig:
        """Read and check every NEWSCRAWL_* setting; ConfigError names the bad one."""
        _check_names(settings)
        values: dict[str, Any] = {}
        for f in fields(cls):
            key = "NEWSCRAWL_" + f.name.upper()
            raw = settings.get(key) if settings is not None else None
            if raw is None:
                raw = os.environ.get(key)
            if raw is None or raw == "":
                continue
            values[f.name] = _convert(key, raw, type(f.default))
        config = cls(**values)
        config.check()
        return config

    def check(self) -> None:
        """Range checks that types alone do not express."""
        if not 0.0 < self.near_dup_threshold <= 1.0:
            raise ConfigError(
                f"NEWSCRAWL_NEAR_DUP_THRESHOLD={self.near_dup_threshold}: expected 0 < value <= 1"
            )
        for key, value, low in (
            ("NEWSCRAWL_MINHASH_PERMS", self.minhash_perms, 16),
            ("NEWSCRAWL_TEMPLATE_MIN_PAGES", self.template_min_pages, 2),
            ("NEWSCRAWL_WORKERS", self.workers, 0),
            ("NEWSCRAWL_MAX_PAGES_PER_SOURCE", self.max_pages_per_source, 0),
            ("NEWSCRAWL_MIN_WORDS", self.min_words, 0),
            ("NEWSCRAWL_TEMPLATE_MAX_WORDS", self.template_max_words, 1),
        ):
            if value < low:
                raise ConfigError(f"{key}={value}: expected an integer >= {low}")
        if self.redis_dupefilter not in ("crawl", "persistent"):
            raise ConfigError(
                f"NEWSCRAWL_REDIS_DUPEFILTER={self.redis_dupefilter!r}:"
                " expected crawl or persistent"
            )
        if self.extraction not in EXTRACTION_MODES:
            raise ConfigError(
                f"NEWSCRAWL_EXTRACTION={self.extraction!r}: expected thorough or fast"
            )
        if self.idle_timeout <= 0:
            raise ConfigError(f"NEWSCRAWL_IDLE_TIMEOUT={self.idle_timeout}: expected seconds > 0")
        if "://" not in self.store:
            raise ConfigError(
                f"NEWSCRAWL_STORE={redact_url_credentials(self.store)!r}: expected a URL such as"
                " sqlite:///PATH or postgresql://user@host/db"
            )


def setting_names() -> list[str]:
    """Every NEWSCRAWL_* setting name the project reads."""
    return ["NEWSCRAWL_" + f.name.upper() for f in fields(NewscrawlConfig)]


def _check_names(settings: Any) -> None:
    """A NEWSCRAWL_* Scrapy setting the project does not know is a typo, not a no-op:
    ConfigError names it and the closest known name. Environment variables are not checked
    (other tools share the environment); Scrapy settings are the project's own."""
    if settings is None:
        return
    known = setting_names()
    for name in settings:
        if name.startswith("NEWSCRAWL_") and name not in known:
            prefix = len("NEWSCRAWL_")
            close = difflib.get_close_matches(name[prefix:], [k[prefix:] for k in known], n=1)
            hint = f"; did you mean NEWSCRAWL_{close[0]}?" if close else "; see docs/settings.md"
            raise ConfigError(f"{name}: no such setting{hint}")


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _convert(key: str, raw: Any, kind: type) -> Any:
    if kind is bool:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise ConfigError(f"{key}={raw!r}: expected True or False")
    if kind in (int, float):
        try:
            return kind(raw)
        except (TypeError, ValueError):
            raise ConfigError(f"{key}={raw!r}: expected a number ({kind.__name__})") from None
    return str(raw)
