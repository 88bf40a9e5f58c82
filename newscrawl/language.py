"""Deterministic language detection with langdetect: text -> (ISO 639-1 code, probability)."""

from __future__ import annotations

from functools import lru_cache

from langdetect import detector_factory
from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

UNDETERMINED = "und"
MIN_LETTERS = 20  # fewer letters than this and langdetect guesses; say "und" instead
MAX_CHARS = 1500  # langdetect samples n-grams; more text costs time, not accuracy
SEED = 0

_LANG_ALIASES = {"zh-cn": "zh", "zh-tw": "zh"}


@lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    """The profiles are loaded once per process; the seed makes every detection repeatable."""
    detector_factory.init_factory()
    factory: DetectorFactory = detector_factory._factory
    factory.set_seed(SEED)
    return factory


def detect_language(text: str) -> tuple[str, float]:
    """(code, probability) of the most likely language, or ("und", 0.0) when it cannot tell."""
    sample = text[:MAX_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    try:
        detector = _factory().create()
        detector.append(sample)
        best = detector.get_probabilities()
    except LangDetectException:
        return UNDETERMINED, 0.0
    if not best:
        return UNDETERMINED, 0.0
    code = _LANG_ALIASES.get(best[0].lang, best[0].lang)
    return code, round(float(best[0].prob), 4)
