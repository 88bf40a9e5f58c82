"""Language detection is deterministic, says "und" on too little text."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newscrawl.language import detect_language

SAMPLES = {
    "en": "The government announced on Monday a new plan to rebuild the flooded towns in the north.",
    "fr": "Le gouvernement a annoncé lundi un nouveau plan pour reconstruire les villes inondées du nord.",
    "de": "Die Regierung hat am Montag einen neuen Plan zum Wiederaufbau der überfluteten Städte angekündigt.",
    "es": "El gobierno anunció el lunes un nuevo plan para reconstruir las ciudades inundadas del norte.",
    "ar": "أعلنت الحكومة يوم الاثنين خطة جديدة لإعادة بناء المدن التي غمرتها الفيضانات في الشمال.",
}


@pytest.mark.parametrize(("code", "text"), SAMPLES.items())
def test_detects_the_five_languages(code: str, text: str) -> None:
    detected, score = detect_language(text)
    assert detected == code
    assert 0.5 < score <= 1.0


def test_too_short_is_und() -> None:
    assert detect_language("OK 123") == ("und", 0.0)
    assert detect_language("") == ("und", 0.0)


def test_same_answer_in_another_process() -> None:
    mixed = "Hello world. Bonjour le monde. Hallo Welt. " * 3
    here = detect_language(mixed)
    code = f"from newscrawl.language import detect_language as d; print(repr(d({mixed!r})))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == repr(here)
    assert all(detect_language(mixed) == here for _ in range(5))


def test_sparse_profiles_give_langdetects_own_probabilities() -> None:
    """Every language's own n-grams, and mixed text: the same n-grams, winner and floats."""
    import json
    import random
    from pathlib import Path

    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from newscrawl.language import SEED, _factory

    stock = DetectorFactory()
    stock.load_profile(PROFILES_DIRECTORY)
    stock.set_seed(SEED)
    rng = random.Random(7)
    texts = [
        *SAMPLES.values(),
        "Hello world. Bonjour le monde. Hallo Welt. " * 3,
        "NASA and the UN said: the EU's  ECB, in Frankfurt, 2024 (see https://x.test/a).",
        "東京で会議が開かれた。서울에서 회의가 열렸다. Hà Nội tổ chức hội nghị. Αθήνα.",
    ]
    for profile in sorted(Path(PROFILES_DIRECTORY).iterdir()):
        grams = [g for g in json.loads(profile.read_text("utf-8"))["freq"] if g.strip()]
        texts.append(" ".join(rng.sample(grams, 120)))
    assert len(texts) == 8 + 55

    def probabilities(factory: DetectorFactory, text: str) -> list[tuple[str, float]]:
        """Every language's probability, not only the winners': a float off by one bit shows."""
        detector = factory.create()
        detector.append(text)
        winner = detector.get_probabilities()[0].lang
        return [(winner, 1.0), *zip(detector.langlist, detector.langprob, strict=True)]

    def ngrams(factory: DetectorFactory, text: str) -> list[str]:
        detector = factory.create()
        detector.append(text)
        detector.cleaning_text()
        return detector._extract_ngrams()

    assert all(ngrams(stock, t) == ngrams(_factory(), t) for t in texts)
    answers = [(probabilities(stock, t), probabilities(_factory(), t)) for t in texts]
    assert all(theirs == ours for theirs, ours in answers)
    assert len({theirs[0][0] for theirs, _ in answers}) > 40  # most languages won somewhere
