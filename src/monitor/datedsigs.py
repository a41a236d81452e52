"""Candidates for an article dated before the near-duplicate window: stored signatures of the
articles published near its date, compared all at once.

In: rows of stored fingerprints (article id, publication time, story, shingle count, packed
signature), read once per batch for the dates its old articles need. Out: for one signature
and date, the candidate rows most alike first, in the form `lsh_candidates` returns. Pure:
never touches the database (the store reads the rows) and reads no text.

Why: band rows are kept for the window only (a backfill dates them by publication and prunes
them when it ends), so a repost of an old story arriving in a later import finds no band row
of its original. Reading every stored signature would make a backfill slow; the articles
published within NEAR of the repost's date are few, and numpy compares them in one pass.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone
from typing import Any

from .lshbands import BINS, _np

NEAR = timedelta(days=7)
DAY = 86400
# Days of publication one batch reads at most: a chronological archive's batch of 500 needs a
# few days (± NEAR); a batch of random dates over years would read every signature stored.
# Past this, the days needed by the most of the batch's articles are read and the rest are
# skipped (reposts inside one import still fold by the run's own band rows).
MAX_DAYS = 31
# the days a datetime can name, the last one's end included (a date of year 1 or 9999 reached past them)
_FIRST = int(datetime(1, 1, 1, tzinfo=timezone.utc).timestamp()) // DAY
_LAST = int(datetime(9999, 12, 30, tzinfo=timezone.utc).timestamp()) // DAY
# Bins two signatures must agree on to be a candidate: a text holding a fifth of the other
# (Jaccard 0.2) agrees on ~13 of 64, two unrelated texts on one subject on ~1.
MIN_EQUAL = 5


class DatedSignatures:
    """Stored signatures ordered by publication time, for `candidates`."""

    def __init__(self, rows: list[tuple[int, int, int, int, bytes]]) -> None:
        """rows: (article id, publication as epoch seconds, story id, shingles, packed signature)."""
        np = _np()
        rows = sorted((r for r in rows if len(r[4]) == 4 * BINS), key=lambda r: r[1])
        self.rows = rows
        self.when = np.fromiter((r[1] for r in rows), np.int64, len(rows))
        self.sigs = (np.frombuffer(b"".join(r[4] for r in rows), "<u4").reshape(len(rows), BINS)
                     if rows else np.zeros((0, BINS), np.uint32))

    def candidates(self, packed: bytes, when: datetime, limit: int = 20) -> list[dict[str, Any]]:
        """Rows published within NEAR of `when` agreeing on MIN_EQUAL bins or more, most first:
        article_id, shared (bins), shingles, sig, story_id."""
        np = _np()
        if len(packed) != 4 * BINS or not self.rows:
            return []
        t = int(when.timestamp())
        span = int(NEAR.total_seconds())
        lo, hi = np.searchsorted(self.when, [t - span, t + span + 1])
        if lo >= hi:
            return []
        equal = np.count_nonzero(self.sigs[lo:hi] == np.frombuffer(packed, "<u4"), axis=1)
        hits = np.flatnonzero(equal >= MIN_EQUAL)
        order = hits[np.argsort(-equal[hits], kind="stable")][:limit]
        out = []
        for i in order.tolist():
            article_id, _, story_id, shingles, sig = self.rows[lo + i]
            out.append({"article_id": article_id, "shared": int(equal[i]), "shingles": shingles, "sig": sig,
                        "story_id": story_id})
        return out


def spans(dates: list[datetime]) -> list[tuple[datetime, datetime]]:
    """The publication ranges a batch's old articles need: the days within NEAR of each date,
    at most MAX_DAYS of them (those needed by the most articles first), merged into ranges."""
    need: Counter[int] = Counter()
    reach = NEAR.days
    for d in dates:
        day = int(d.timestamp()) // DAY
        need.update(range(max(day - reach, _FIRST), min(day + reach, _LAST) + 1))
    days = sorted(day for day, _ in sorted(need.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_DAYS])
    ranges: list[list[int]] = []
    for day in days:
        if ranges and day == ranges[-1][1] + 1:
            ranges[-1][1] = day
        else:
            ranges.append([day, day])
    return [(_at(a), _at(b + 1) - timedelta(seconds=1)) for a, b in ranges]


def _at(day: int) -> datetime:
    return datetime.fromtimestamp(day * DAY, timezone.utc)
