"""Fingerprints of a document: a MinHash of its text and perceptual hashes of its pages.

Text finds candidates: two birth forms share their template (and so their image hash) but
not their names and dates; a rescan of one paper shares most of its characters. Shingles are
character 5-grams of the accent-folded, lower-cased tokens written without spaces (scheme 2):
one misread letter costs five shingles out of hundreds, where with word 3-shingles (scheme 1)
it cost three words' worth and badly read ID-card rescans fell to an estimated Jaccard of 0.39.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import imagehash
import numpy as np
from datasketch import MinHash
from PIL import Image

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SHINGLE = 5
#: Version of what ``fingerprints.minhash`` and ``text_buckets`` hold: 1 = word 3-shingles,
#: 2 = character 5-shingles. Stored rows of another scheme are rebuilt from the stored page
#: text (migration 0006, ``intake.dedup.refingerprint``).
SCHEME = 2
_SEED = 20250701
_TOKEN = re.compile(r"[0-9a-zđ]+")


def fold(text: str) -> str:
    """Lower-case, strip tone marks and diacritics (đ kept as a letter)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


@dataclass(frozen=True, slots=True)
class TextFingerprint:
    signature: tuple[int, ...]
    shingles: int

    def band_keys(self) -> list[tuple[int, str]]:
        """LSH bands: documents sharing any (band, key) are candidates."""
        keys = []
        for band in range(BANDS):
            chunk = np.asarray(self.signature[band * ROWS : (band + 1) * ROWS], dtype=np.uint64)
            keys.append((band, hashlib.blake2b(chunk.tobytes(), digest_size=8).hexdigest()))
        return keys

    def jaccard(self, other: tuple[int, ...] | list[int]) -> float:
        a = np.asarray(self.signature, dtype=np.uint64)
        b = np.asarray(other, dtype=np.uint64)
        return float(np.mean(a == b))


def fingerprint_text(text: str) -> TextFingerprint | None:
    """None when the text is too short to say anything (a blank page)."""
    joined = "".join(tokens(text))
    shingles = {joined[i : i + SHINGLE] for i in range(len(joined) - SHINGLE + 1)}
    if len(shingles) < 20:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED)
    minhash.update_batch([s.encode() for s in shingles])
    return TextFingerprint(tuple(int(v) for v in minhash.hashvalues), len(shingles))


def page_hash(image: Image.Image) -> str:
    """64-bit perceptual hash (DCT) of the upright, levelled page, as 16 hex digits."""
    return str(imagehash.phash(image.convert("L"), hash_size=8))


def hash_distance(a: str, b: str) -> int:
    return bin(int(a, 16) ^ int(b, 16)).count("1")
