"""The one HTTP retry policy, shared by fetch and notify (both stages, so neither owns it).

In: an attempt number, an HTTP status, a Retry-After header value. Out: whether to retry and
how long to wait first. Transient failures only (408, 425, 429, 5xx gateway errors and
transport errors); exponential backoff with jitter so many clients do not retry in step;
Retry-After (seconds or an HTTP date) honoured up to a cap, and a wait past the cap means
"not now": the caller reports the failure and the next scheduled run tries again.
Never sleeps, never does I/O.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently to retry one request."""

    retries: int = 2  # attempts after the first
    base: float = 0.5  # seconds before the first retry, doubled each time
    max_backoff: float = 30.0
    retry_after_cap: float = 120.0  # a server asking for longer is answered at the next run
    jitter: float = 0.25  # +/- this share of the backoff, at random

    def transient(self, status: int) -> bool:
        """Whether an HTTP status is worth retrying."""
        return status in TRANSIENT_STATUS

    def backoff(self, attempt: int, rand: float | None = None) -> float:
        """Seconds before retry number `attempt + 1` when the server gave no Retry-After."""
        wait = min(self.max_backoff, self.base * 2 ** attempt)
        spread = (random.random() if rand is None else rand) * 2 - 1
        return max(0.0, wait * (1 + self.jitter * spread))

    def delay(self, attempt: int, retry_after: str | None = None, now: float | None = None) -> float | None:
        """Seconds to wait before retrying, or None when the server asks for longer than the cap."""
        asked = parse_retry_after(retry_after, now)
        if asked is None:
            return self.backoff(attempt)
        return None if asked > self.retry_after_cap else asked


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Retry-After as seconds from now (never negative); None when absent or unreadable."""
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(0.0, when - (time.time() if now is None else now))
