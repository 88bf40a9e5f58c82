"""Content fingerprints (pure): normalised text, content hash, MinHash signature, LSH band keys.

Everything here is deterministic across processes, machines and runs: hashes come from
hashlib (never Python's salted ``hash()``), and the MinHash permutations are derived from a
fixed seed string, so signatures and band keys written by one run match those of the next.
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

SHINGLE_WORDS = 4
"""Words per shingle (tuned on bench/dedup_quality.py; see docs/dedup.md)."""
MIN_NEAR_WORDS = 20
"""Texts with fewer normalised words are matched exactly only, never near-matched."""
LSH_TARGET = 0.95
"""Probability that a pair exactly at the threshold becomes an LSH candidate."""
_SEED = b"newscrawl-minhash-v1"

_WORDLESS = re.compile(r"[\W_]+")
_CHUNK = 2048  # shingles hashed at once: bounds the temporary (chunk x num_perm) matrix

# Format characters (soft hyphen, zero-width space/joiners, BOM) and combining marks that
# NFKC leaves alone (Arabic harakat, Hebrew points) carry no word identity: dropped, so that
# "inter\u00adnational" stays one word instead of being split at a non-word character.
_INVISIBLE = re.compile(
    "["
    + "".join(
        chr(cp)
        for block in (range(0x00A0, 0x2100), range(0xFE00, 0xFF00))
        for cp in block
        if unicodedata.category(chr(cp)) in ("Mn", "Me", "Cf")
    )
    + "]+"
)


def normalize(text: str) -> str:
    """NFKC, case-folded, invisible marks dropped, punctuation and whitespace folded to a space."""
    folded = unicodedata.normalize("NFKC", text)
    if not folded.isascii():
        folded = _INVISIBLE.sub("", folded)
    folded = unicodedata.normalize("NFKC", folded.casefold())
    return _WORDLESS.sub(" ", folded).strip()


def content_hash(text: str) -> str:
    """Hex hash (128 bits) of the normalised text: exact duplicates share it."""
    return _digest(normalize(text))


def _digest(normalized: str) -> str:
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:32]


def word_count(normalized: str) -> int:
    """Words of an already normalised text."""
    return len(normalized.split())


# --- MinHash -------------------------------------------------------------------------------
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31, _S32 = (np.uint64(n) for n in (30, 27, 31, 32))
_BASE = np.uint64(0x100000001B3)  # odd, so it has an inverse mod 2**64
_BASE_INV = np.uint64(pow(0x100000001B3, -1, 1 << 64))
_SPACE = 0x20
_LOW16 = np.uint64(0xFFFF)


def _mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: a bijection of uint64 that spreads every input bit."""
    x = x ^ (x >> _S30)
    x = x * _M1
    x = x ^ (x >> _S27)
    x = x * _M2
    return x ^ (x >> _S31)


def _seed_words(count: int, label: bytes) -> np.ndarray:
    """``count`` fixed pseudo-random uint64 values derived from the seed (not from numpy's RNG)."""
    out = np.empty(count, dtype=np.uint64)
    for i in range(count):
        digest = hashlib.blake2b(label + i.to_bytes(4, "little"), digest_size=8, key=_SEED)
        out[i] = int.from_bytes(digest.digest(), "little")
    return out


_PERMS: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """Multipliers (odd) and offsets of the ``num_perm`` multiply-shift hash functions."""
    perms = _PERMS.get(num_perm)
    if perms is None:
        mult = _seed_words(num_perm, b"a") | np.uint64(1)
        perms = _PERMS[num_perm] = (mult, _seed_words(num_perm, b"b"))
    return perms


def shingle_hashes(normalized: str, k: int = SHINGLE_WORDS) -> np.ndarray:
    """uint64 hashes of the k-word shingles of a normalised text (one shingle if shorter).

    A shingle's hash is the polynomial hash (mod 2**64) of its UTF-8 bytes, computed for all
    shingles at once from prefix sums, then mixed; no Python loop over words.
    """
    data = np.frombuffer(normalized.encode("utf-8"), dtype=np.uint8)
    size = len(data)
    if size == 0:
        return np.empty(0, dtype=np.uint64)
    spaces = np.flatnonzero(data == _SPACE)
    starts = np.concatenate(([0], spaces + 1))
    ends = np.concatenate((spaces, [size]))
    count = max(1, len(starts) - k + 1)
    first, last = starts[:count], ends[min(k, len(starts)) - 1 :][:count]
    powers = np.empty(size + 1, dtype=np.uint64)
    powers[0] = 1
    np.cumprod(np.full(size, _BASE), out=powers[1:])
    inverse = np.empty(size + 1, dtype=np.uint64)
    inverse[0] = 1
    np.cumprod(np.full(size, _BASE_INV), out=inverse[1:])
    prefix = np.zeros(size + 1, dtype=np.uint64)
    np.cumsum(data * powers[:size], out=prefix[1:])
    # sum(byte_j * B**(j - first)) for j in [first, last): independent of where it occurs.
    return _mix64((prefix[last] - prefix[first]) * inverse[first])


def minima(normalized: str, num_perm: int, k: int = SHINGLE_WORDS) -> np.ndarray:
    """Full 64-bit MinHash minima (uint64 x ``num_perm``) of the text's word-shingle set.

    Permutation i is the multiply-add hash ``a_i * x + b_i mod 2**64`` of the (already
    mixed) 64-bit shingle hash ``x``. The minima of a union of texts are the element-wise
    minimum of their minima. An empty text gives all-ones.
    """
    shingles = shingle_hashes(normalized, k)
    mult, add = _permutations(num_perm)
    low = np.full(num_perm, np.uint64(0xFFFFFFFFFFFFFFFF), dtype=np.uint64)
    for start in range(0, len(shingles), _CHUNK):
        block = shingles[start : start + _CHUNK, None] * mult[None, :]
        block += add
        np.minimum(low, block.min(axis=0), out=low)
    return low


def reduce_minima(low: np.ndarray) -> np.ndarray:
    """16-bit signature values from 64-bit minima (any shape): bits 32-47 of each.

    b-bit MinHash (Li and Koenig 2010): the top bits of a minimum are biased towards zero,
    these are not; 16 bits halve storage while chance agreement (2**-16) is corrected in
    ``jaccard``.
    """
    return ((low >> _S32) & _LOW16).astype(np.uint16)


def minhash(normalized: str, num_perm: int, k: int = SHINGLE_WORDS) -> np.ndarray:
    """MinHash signature of the text's word-shingle set: ``num_perm`` 16-bit values (uint16)."""
    return reduce_minima(minima(normalized, num_perm, k))


_CHANCE = 2.0**-16


def jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures (0.0 when their lengths differ)."""
    if len(sig_a) != len(sig_b) or not len(sig_a):
        return 0.0
    agree = float(np.count_nonzero(sig_a == sig_b)) / len(sig_a)
    return max(0.0, (agree - _CHANCE) / (1.0 - _CHANCE))


def pack_signature(sig: np.ndarray) -> str:
    """Compact text form for the store: little-endian uint16, base64 (about 2.7 chars a value)."""
    return base64.b64encode(sig.astype("<u2").tobytes()).decode("ascii")


def unpack_signature(packed: str) -> np.ndarray:
    """Inverse of pack_signature."""
    return np.frombuffer(base64.b64decode(packed), dtype="<u2").astype(np.uint16)


# --- LSH banding -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Banding:
    """LSH layout: ``bands`` bands of ``rows`` MinHash values each."""

    bands: int
    rows: int

    def candidate_probability(self, similarity: float) -> float:
        """Probability that two texts of this Jaccard similarity share at least one band."""
        return 1.0 - (1.0 - similarity**self.rows) ** self.bands


def choose_banding(threshold: float, num_perm: int, target: float = LSH_TARGET) -> Banding:
    """The banding with the most rows per band that still catches a pair at ``threshold``.

    For each row count r (largest first) the bands needed for
    ``1 - (1 - t**r)**b >= target`` are computed; the largest r whose bands fit in
    ``num_perm`` wins: more rows per band make chance candidates (unrelated texts sharing a
    band) rarer, which keeps lookups flat as the store grows.
    """
    for rows in range(num_perm, 0, -1):
        hit = threshold**rows
        if hit >= 1.0:
            return Banding(1, rows)
        bands = max(1, math.ceil(math.log(1.0 - target) / math.log1p(-hit)))
        if bands * rows <= num_perm:
            return Banding(bands, rows)
    return Banding(num_perm, 1)


_BAND_SEEDS: dict[int, np.ndarray] = {}


def band_keys(sigs: np.ndarray, banding: Banding) -> np.ndarray:
    """LSH band keys as non-negative 63-bit integers (int64: a BIGINT on any SQL backend).

    ``sigs`` is one signature (shape ``(num_perm,)``, gives ``(bands,)``) or many (shape
    ``(n, num_perm)``, gives ``(n, bands)``). The band number is hashed in, so one index
    over all keys serves every band.
    """
    seeds = _BAND_SEEDS.get(banding.bands)
    if seeds is None:
        seeds = _BAND_SEEDS[banding.bands] = _seed_words(banding.bands, b"band")
    used = banding.bands * banding.rows
    values = sigs[..., :used].astype(np.uint64)
    values = values.reshape(*sigs.shape[:-1], banding.bands, banding.rows)
    keys = np.broadcast_to(seeds, values.shape[:-1]).copy()
    for row in range(banding.rows):
        keys = _mix64(keys ^ values[..., row])
    return (keys >> np.uint64(1)).astype(np.int64)


@dataclass(frozen=True)
class Fingerprint:
    """What dedup needs of one text: exact hash, word count and (if long enough) MinHash."""

    content_hash: str
    words: int
    signature: np.ndarray | None
    """uint16 MinHash values, or None for texts under MIN_NEAR_WORDS words (exact only)."""


def fingerprint(text: str, num_perm: int, k: int = SHINGLE_WORDS) -> Fingerprint:
    """Content hash plus MinHash signature; texts under MIN_NEAR_WORDS words get no signature."""
    normal = normalize(text)
    words = word_count(normal)
    signature = minhash(normal, num_perm, k) if words >= MIN_NEAR_WORDS else None
    return Fingerprint(_digest(normal), words, signature)
