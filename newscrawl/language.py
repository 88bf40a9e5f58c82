"""Deterministic language detection with langdetect: text -> (ISO 639-1 code, probability).

langdetect's own factory keeps, for each of its 87,598 n-grams, a list of 55 probabilities
(one per language), of which 2.1 are non-zero on average: 61 MB in every process that
detects. ``SparseFactory`` loads the same profiles (langdetect's loader, its file order)
into tuples of the non-zero (language, probability) pairs (25 MB), and ``SparseDetector``
updates a detection with the same floating-point operations in the same order and reads a
text's n-grams with langdetect's state machine inlined: every answer, probabilities
included, is langdetect's own (tests/test_language.py compares them), at 0.88x its time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

UNDETERMINED = "und"
MIN_LETTERS = 20  # fewer letters than this and langdetect guesses; say "und" instead
MAX_CHARS = 1500  # langdetect samples n-grams; more text costs time, not accuracy
SEED = 0

_LANG_ALIASES = {"zh-cn": "zh", "zh-tw": "zh"}


_NORMAL: dict[str, str] = {}
_NORMAL_MAX = 65_536  # distinct characters remembered (a few thousand in practice)


def _normal(ch: str) -> str:
    """langdetect's ``NGram.normalize(ch)``, remembered."""
    out = _NORMAL.get(ch)
    if out is None:
        out = NGram.normalize(ch)
        if len(_NORMAL) < _NORMAL_MAX:
            _NORMAL[ch] = out
    return out


class SparseDetector(Detector):
    """langdetect's detector over ``SparseFactory``'s n-gram rows."""

    def _extract_ngrams(self) -> list[str]:
        """langdetect's n-grams of the text, in its order: ``NGram.add_char`` inlined, each
        character's normal form remembered (about half the cost of langdetect's own)."""
        rows = self.word_lang_prob_map
        result: list[str] = []
        grams, capital = " ", False
        for ch in self.text:
            ch = _normal(ch)
            last = grams[-1]
            if last == " ":
                grams, capital = " ", False
                if ch == " ":
                    continue
            elif len(grams) >= 3:
                grams = grams[1:]
            grams += ch
            if ch.isupper():
                if last.isupper():
                    capital = True
            else:
                capital = False
            if capital:
                continue
            if ch != " " and ch in rows:
                result.append(ch)
            if len(grams) >= 2:
                if grams[-2:] in rows:
                    result.append(grams[-2:])
                if len(grams) == 3 and grams in rows:
                    result.append(grams)
        return result

    def _update_lang_prob(self, prob: list[float], word: str | None, alpha: float) -> bool:
        row = self.word_lang_prob_map.get(word)
        if row is None:
            return False
        weight = alpha / self.BASE_FREQ
        # langdetect: prob[i] *= weight + row[i] for every i (and weight + 0.0 is weight)
        if type(row) is list:  # a dense row
            prob[:] = [p * (weight + q) for p, q in zip(prob, row, strict=True)]
            return True
        langs = row[0::2]
        olds = [prob[i] for i in langs]
        prob[:] = [p * weight for p in prob]
        for i, old, p in zip(langs, olds, row[1::2], strict=True):
            prob[i] = old * (weight + p)
        return True


class SparseFactory(DetectorFactory):
    """langdetect's factory storing each n-gram's non-zero entries only: a flat tuple
    ``(language index, probability, ...)`` in language order; the 4% of n-grams common to more
    than ``DENSE_FROM`` languages keep langdetect's list (2 MB), which is faster to apply."""

    DENSE_FROM = 8

    def load_profile(self, profile_directory: str) -> None:
        super().load_profile(profile_directory)
        size = len(self.langlist)
        for word, row in self.word_lang_prob_map.items():
            if len(row) > 2 * self.DENSE_FROM:
                dense = [0.0] * size
                for i, p in zip(row[0::2], row[1::2], strict=True):
                    dense[i] = p
                self.word_lang_prob_map[word] = dense

    def add_profile(self, profile: Any, index: int, langsize: int) -> None:
        if profile.name in self.langlist:
            raise LangDetectException(ErrorCode.DuplicateLangError, "Duplicate language profile.")
        self.langlist.append(profile.name)
        rows = self.word_lang_prob_map
        for word, count in profile.freq.items():
            entry = rows.get(word, ())
            if 1 <= len(word) <= 3:
                prob = 1.0 * count / profile.n_words[len(word) - 1]
                if prob:
                    entry = (*entry, index, prob)
            rows[word] = entry

    def _create_detector(self) -> SparseDetector:
        if not self.langlist:
            raise LangDetectException(ErrorCode.NeedLoadProfileError, "Need to load profiles.")
        return SparseDetector(self)


@lru_cache(maxsize=1)
def _factory() -> SparseFactory:
    """The profiles are loaded once per process; the seed makes every detection repeatable."""
    factory = SparseFactory()
    factory.load_profile(PROFILES_DIRECTORY)
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
