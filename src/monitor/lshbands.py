"""LSH band keys of a MinHash signature: the format of the store's `lsh` rows.

In: a signature (BINS minimums, as numbers or as stored: the low 32 bits of each, packed).
Out: one signed 64-bit key per band. Shared by the fingerprint stage (dedup) and the schema's
migration that rebuilds band rows, so it depends on numpy alone and touches nothing else.
"""

from __future__ import annotations

import functools
from types import SimpleNamespace
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


@functools.cache
def _c() -> Any:
    """The hashes' constants as numpy scalars and 0-d arrays, made once: made per call they
    cost more than the arithmetic on an article's few dozen values (a band key's mix of 21
    values 12 -> 7 us)."""
    np = _np()
    u = np.uint64
    return SimpleNamespace(
        s30=np.array(30, u), s27=np.array(27, u), s31=np.array(31, u),
        m1=np.array(0xBF58476D1CE4E5B9, u), m2=np.array(0x94D049BB133111EB, u),
        primes=tuple(u(p) for p in _PRIMES), low32=u(0xFFFFFFFF),
        bands=np.arange(BANDS, dtype=u) * u(_BAND_SEED))


def _mix(h):
    """splitmix64's finaliser on a uint64 array (in place)."""
    np, c = _np(), _c()
    t = np.empty_like(h)
    np.bitwise_xor(h, np.right_shift(h, c.s30, out=t), out=h)
    np.multiply(h, c.m1, out=h)
    np.bitwise_xor(h, np.right_shift(h, c.s27, out=t), out=h)
    np.multiply(h, c.m2, out=h)
    np.bitwise_xor(h, np.right_shift(h, c.s31, out=t), out=h)
    return h


def band_keys(sig: Any) -> list[int]:
    """LSH keys: each a signed 64-bit hash of one band's ROWS minimums (their low 32 bits, as
    stored, so the keys can be rebuilt from a stored signature) and the band's number."""
    np, c = _np(), _c()
    low = np.asarray(sig, dtype=np.uint64) & c.low32
    rows = low[:BANDS * ROWS].reshape(BANDS, ROWS)
    h = c.bands.copy()
    for j in range(ROWS):
        h ^= rows[:, j] * c.primes[j]
        _mix(h)
    return h.view(np.int64).tolist()


def packed_band_keys(packed: bytes) -> list[int]:
    """The band keys of a stored (packed) signature: the same as `Fingerprint.keys()`."""
    return band_keys(_np().frombuffer(packed, "<u4").astype(_np().uint64)) if packed else []
