"""LSH band keys of a MinHash signature: the format of the store's `lsh` rows.

In: a signature (BINS minimums, as numbers or as stored: the low 32 bits of each, packed).
Out: one signed 64-bit key per band. Shared by the fingerprint stage (dedup) and the schema's
migration that rebuilds band rows, so it depends on numpy alone and touches nothing else.
"""

from __future__ import annotations

from typing import Any

BINS = 64
# 21 bands of 3 minimums (63 of the 64 bins): a pair sharing half its shingles (a mirror that
# keeps half a story, or adds as much boilerplate again) becomes a candidate ~94 % of the time
# (bands of 4: ~64 %); unrelated articles on the same subject still almost never collide.
ROWS = 3
BANDS = BINS // ROWS
_PRIMES = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD)
_BAND_SEED = 0x2545F4914F6CDD1D


def _np():  # numpy on first use: `monitor search` and the CLI's start never pay for it
    import numpy

    return numpy


def _mix(h):
    """splitmix64's finaliser on a uint64 array (in place)."""
    np = _np()
    h ^= h >> np.uint64(30)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    h *= np.uint64(0x94D049BB133111EB)
    h ^= h >> np.uint64(31)
    return h


def band_keys(sig: Any) -> list[int]:
    """LSH keys: each a signed 64-bit hash of one band's ROWS minimums (their low 32 bits, as
    stored, so the keys can be rebuilt from a stored signature) and the band's number."""
    np = _np()
    low = np.asarray(sig, dtype=np.uint64) & np.uint64(0xFFFFFFFF)
    rows = low[:BANDS * ROWS].reshape(BANDS, ROWS)
    h = np.arange(BANDS, dtype=np.uint64) * np.uint64(_BAND_SEED)
    for j in range(ROWS):
        h = _mix(h ^ (rows[:, j] * np.uint64(_PRIMES[j])))
    return h.view(np.int64).tolist()


def packed_band_keys(packed: bytes) -> list[int]:
    """The band keys of a stored (packed) signature: the same as `Fingerprint.keys()`."""
    return band_keys(_np().frombuffer(packed, "<u4").astype(_np().uint64)) if packed else []
