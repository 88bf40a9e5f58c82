"""jusText's all-language stoplist, held once per process instead of twice.

When trafilatura falls back to jusText for a page of no known language, it builds a tuple of
every jusText stopword (154,484 words, 13.3 MB) and jusText's ``define_stoplist`` keeps a
lower-cased frozenset copy of it (16.3 MB), hashing the whole tuple on every call (1.8 ms).
Every word is already lower-case, so one frozenset of the same strings (4.2 MB) serves both:
trafilatura gets it as its stoplist, and ``define_stoplist`` returns an all-lower-case
frozenset as it is (its cached hash makes the look-up free). About 20 MB less RSS a worker
(docs/benchmarks.md). Paragraph classes are the same: the words are the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

import justext.core
import trafilatura.external
from justext.utils import get_stoplist, get_stoplists

_JUSTEXTS_OWN = justext.core.define_stoplist


@lru_cache(maxsize=128)
def define_stoplist(stoplist: Iterable[str]) -> frozenset[str]:
    """jusText's ``define_stoplist``, without a copy of a frozenset already lower-case."""
    if isinstance(stoplist, frozenset) and all(word == word.lower() for word in stoplist):
        return stoplist
    return _JUSTEXTS_OWN(stoplist)


@cache
def _every_word() -> frozenset[str]:
    return frozenset(word for language in get_stoplists() for word in get_stoplist(language))


def all_languages() -> frozenset[str]:
    """Every jusText stopword, of every language, as trafilatura's stoplist: its
    ``jt_stoplist_init``, which it calls on its first fallback, so a process that never falls
    back never reads the words. Built once a process."""
    stoplist = _every_word()
    trafilatura.external.JT_STOPLIST = stoplist
    return stoplist


def install() -> None:
    """Put ``all_languages`` and our ``define_stoplist`` in trafilatura's and jusText's place
    (both are looked up when called). Idempotent."""
    trafilatura.external.jt_stoplist_init = all_languages
    justext.core.define_stoplist = define_stoplist
