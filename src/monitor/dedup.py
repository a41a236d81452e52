"""Identity and near-duplicate fingerprints for articles.

In: URLs and normalised text (see textnorm). Out: canonical URLs, content hashes, MinHash
signatures with their LSH band keys, and a containment score that confirms a candidate pair.
Pure: never touches the network or the database; the store keeps the band rows.

Reposts across outlets share most of their body but differ in headers, footers, editor lines
and title suffixes, so an exact hash alone misses them. One-permutation MinHash over
5-character shingles finds candidates cheaply (one hash per shingle); LSH bands make the
candidate look-up an indexed equality query; shingle containment confirms the pair.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

SHINGLE = 5
BINS = 64
BANDS = 16
ROWS = BINS // BANDS
_MASK = (1 << 64) - 1
_BIN_BITS = 58  # top 6 bits pick one of 64 bins
_TRACKING = re.compile(r"^(utm_\w+|spm|from|share_token|shareid|wxshare_count|sharer_\w+|isappinstalled|"
                       r"scene|clicktime|enterid|ref|source|fbclid|gclid|mc_\w+|yclid|_hsenc|_hsmi)$", re.I)
_SPACE = re.compile(r"\s+")


def canonical_url(url: str) -> str:
    """A stable form of an article URL: lower-case host, sorted query, no tracking or fragment."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # "http://[::1/x", "http://a:xx/": no URL to clean; keep the text as its key
        return url.strip()
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    if port and (parts.scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    path = parts.path or "/"
    cleaned = urlunsplit((parts.scheme.lower() or "http", host, path, urlencode(query), ""))
    # http and https copies of one page are the same article
    return canonicalize_url(cleaned, keep_fragments=False).replace("https://", "http://", 1)


def strip_tracking(url: str) -> str:
    """The URL to fetch and show: tracking parameters and fragment dropped, the rest kept as
    written (scheme, host, path and the other parameters' bytes, which may be GBK escapes)."""
    base = url.strip().partition("#")[0]
    head, _, query = base.partition("?")
    kept = [p for p in query.split("&") if p and not _TRACKING.match(unquote(p.split("=", 1)[0]))]
    return head + ("?" + "&".join(kept) if kept else "")


def content_hash(normalised: str) -> str:
    """SHA-1 of the normalised text with all white space removed."""
    return hashlib.sha1(_SPACE.sub("", normalised).encode("utf-8")).hexdigest()


def _h64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "big")


def shingles(normalised: str, k: int = SHINGLE) -> set[int]:
    """Hashes of the k-character shingles of the text with white space removed."""
    text = _SPACE.sub("", normalised)
    if len(text) <= k:
        return {_h64(text)} if text else set()
    return {_h64(text[i:i + k]) for i in range(len(text) - k + 1)}


def signature(hashes: set[int]) -> tuple[int, ...]:
    """One-permutation MinHash: the minimum hash in each of BINS bins, empty bins densified."""
    mins = [_MASK] * BINS
    for h in hashes:
        b = h >> _BIN_BITS
        if h < mins[b]:
            mins[b] = h
    if not hashes:
        return tuple(mins)
    # Densify: an empty bin borrows the value of the next filled bin to its right (rotation),
    # so two similar sets still agree on empty bins with the right probability.
    for i in range(BINS):
        j = i
        while mins[j] == _MASK:
            j = (j + 1) % BINS
        if j != i:
            mins[i] = (mins[j] + (j - i) % BINS) & _MASK
    return tuple(mins)


def band_keys(sig: tuple[int, ...]) -> list[tuple[int, int]]:
    """(band, key) pairs for LSH: each key is a signed 63-bit hash of one band's rows."""
    keys = []
    for band in range(BANDS):
        rows = sig[band * ROWS:(band + 1) * ROWS]
        digest = hashlib.blake2b(repr(rows).encode(), digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "big", signed=True)))
    return keys


def containment(a: set[int], b: set[int]) -> float:
    """Share of the smaller shingle set found in the larger one (1.0 = one contains the other)."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)
