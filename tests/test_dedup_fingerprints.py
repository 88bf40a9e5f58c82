"""Dedup fingerprints: normalisation, content hash, MinHash, LSH banding; determinism."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from newscrawl.dedup.fingerprints import (
    MIN_NEAR_WORDS,
    Banding,
    band_keys,
    choose_banding,
    content_hash,
    fingerprint,
    jaccard,
    minhash,
    normalize,
    pack_signature,
    shingle_hashes,
    unpack_signature,
)

REPO = Path(__file__).resolve().parents[1]


def story(seed: int, words: int = 300) -> str:
    """A deterministic pseudo-article: sentences of words from a 3,000-word vocabulary."""
    rng = random.Random(seed)
    tokens = [f"w{rng.randrange(3000)}" for _ in range(words)]
    return " ".join(t + ("." if i % 12 == 11 else "") for i, t in enumerate(tokens))


def test_normalize_folds_unicode_case_punctuation_and_space() -> None:
    assert normalize("Ｈｅｌｌｏ,   WORLD!\n\n— Straße…") == "hello world strasse"
    assert normalize("inter\u00adnational\u200b news") == "international news"
    assert normalize("“Quoted” – text's end.") == normalize('"Quoted" - text\'s end')
    assert normalize("  \n ") == ""


def test_content_hash_ignores_formatting_but_not_words() -> None:
    a = content_hash("The minister said: “We will act.”\n\nMore follows.")
    b = content_hash('the  MINISTER said "we will act"\nmore follows')
    c = content_hash("The minister said: “We will not act.”\n\nMore follows.")
    assert a == b != c
    assert len(a) == 32
    assert int(a, 16) >= 0


def test_shingle_hash_depends_on_words_not_position() -> None:
    hashes = shingle_hashes("a b c d x a b c d", k=4)
    assert len(hashes) == 6
    assert hashes[0] == hashes[5]  # "a b c d" twice
    assert len(set(hashes.tolist())) == 5
    assert len(shingle_hashes("only two", k=4)) == 1  # shorter text: one shingle
    assert len(shingle_hashes("", k=4)) == 0


def test_minhash_estimates_jaccard() -> None:
    a = " ".join(f"t{i}" for i in range(400))
    b = " ".join(f"t{i}" for i in range(100, 500))
    # 4-word shingles: 397 each, 297 shared -> Jaccard 297 / 497
    estimate = jaccard(minhash(a, 256), minhash(b, 256))
    assert abs(estimate - 297 / 497) < 0.1
    assert jaccard(minhash(a, 128), minhash(a, 128)) == 1.0
    unrelated = " ".join(f"u{i}" for i in range(400))
    assert jaccard(minhash(a, 128), minhash(unrelated, 128)) < 0.05
    assert jaccard(minhash(a, 128), minhash(a, 64)) == 0.0  # incomparable lengths


def test_signature_packs_compactly_and_round_trips() -> None:
    sig = minhash(normalize(story(1)), 128)
    assert sig.dtype == np.uint16
    packed = pack_signature(sig)
    assert len(packed) <= 344
    assert np.array_equal(unpack_signature(packed), sig)


def test_short_texts_get_no_signature() -> None:
    short = " ".join(f"x{i}" for i in range(MIN_NEAR_WORDS - 1))
    assert fingerprint(short, 128).signature is None
    assert fingerprint(short + " y", 128).signature is not None
    assert fingerprint(short, 128).content_hash == content_hash(short)


@pytest.mark.parametrize("threshold", [0.3, 0.45, 0.5, 0.6, 0.8, 0.95])
@pytest.mark.parametrize("num_perm", [64, 128, 256])
def test_banding_catches_pairs_at_the_threshold(threshold: float, num_perm: int) -> None:
    banding = choose_banding(threshold, num_perm)
    assert banding.bands * banding.rows <= num_perm
    assert banding.candidate_probability(threshold) >= 0.95
    if threshold >= 0.4:  # unrelated texts (similarity 0.02) almost never share a band
        assert banding.candidate_probability(0.02) < 0.01


def test_band_keys_are_63_bit_and_local_to_their_band() -> None:
    banding = Banding(bands=32, rows=3)
    sig = minhash(normalize(story(2)), 128)
    keys = band_keys(sig, banding)
    assert keys.shape == (32,)
    assert keys.dtype == np.int64
    assert all(0 <= int(k) < 2**63 for k in keys)
    assert len(set(keys.tolist())) == 32  # the band number is part of the key
    changed = sig.copy()
    changed[4] ^= 1  # a value of band 1 (rows 3..5)
    other = band_keys(changed, banding)
    assert [i for i in range(32) if other[i] != keys[i]] == [1]
    many = band_keys(np.stack([sig, changed]), banding)
    assert np.array_equal(many[0], keys)
    assert np.array_equal(many[1], other)


def test_fingerprints_are_identical_in_another_process() -> None:
    text = story(3) + " Ünïcödé “quotes” and ＦＵＬＬＷＩＤＴＨ."
    here = fingerprint(text, 128)
    assert here.signature is not None
    code = (
        "import json, sys\n"
        "from newscrawl.dedup.fingerprints import fingerprint, band_keys, choose_banding\n"
        "fp = fingerprint(sys.stdin.read(), 128)\n"
        "keys = band_keys(fp.signature, choose_banding(0.45, 128))\n"
        "print(json.dumps([fp.content_hash, fp.signature.tolist(), keys.tolist()]))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", code], input=text, capture_output=True, text=True, env=env,
        check=True, encoding="utf-8",
    )  # fmt: skip
    digest, values, keys = json.loads(out.stdout)
    assert digest == here.content_hash
    assert values == here.signature.tolist()
    assert keys == band_keys(here.signature, choose_banding(0.45, 128)).tolist()


def test_fingerprint_is_pinned() -> None:
    """Stored signatures must stay comparable across releases: changing the hashing needs
    a LAYOUT_VERSION bump in newscrawl/dedup/index.py (the store then re-fingerprints)."""
    sig = minhash(normalize("the quick brown fox jumps over the lazy dog"), 16)
    assert content_hash("The quick brown fox") == "9ecb36561341d18eb65484e833efea61"
    assert sig.tolist() == PINNED


PINNED = [48227, 40729, 21986, 26625, 19842, 31166, 18386, 47669,
          55817, 43141, 46999, 61178, 36297, 34534, 62533, 18652]  # fmt: skip
