"""Backfill and digests: an imported archive's old stories, counted, or recorded as read.

In: a Context (its subscribers and their digest runs) and the articles an import batch stored.
Out: the stories the import created that came out before a subscriber's digest window, and
with `monitor import --archive` their `deliveries` rows (delivered, unsent), written in the
batch's own transaction. Never sends.

Why: every matching story waits for its digest, whenever it came out, and digests go out
oldest-matched first, `max_stories` at a time: a 50,000-article archive put 23,669 stories in
front of the next day's news (237 daily digests before a fresh story got through). A digest
covers what came out since the one before it; a story an import creates that came out before
that is history, not news. A subscriber's window opens at its previous scheduled time, or at
its last digest run when that is earlier (a run missed while nothing was running). Undated and
newer stories wait for the digest as before. Without `--archive` nothing is recorded: every
imported story waits for its digest, once (an import is also how a missed day is filled in),
and the import's summary says how many old ones wait and how to record them as read. An
`--archive` import run over a file an earlier import stored without it records the old stories
of its lines that still wait (`mark_stored`), as the first run would have.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from .. import crontab
from ..models import Article
from ..store import utcnow
from .base import Context, Ingested
from .channels import channel_key, channel_pairs
from .policy import aware


@dataclass(frozen=True)
class Window:
    """One subscriber channel's digest window: stories before `opens` are history to it."""

    subscriber: str
    channel: str
    topics: frozenset[str]
    opens: datetime


def windows(ctx: Context, now: datetime | None = None) -> list[Window]:
    """The digest window of every configured subscriber channel, as of `now`."""
    now = now or utcnow()
    out = []
    for sub, channel in channel_pairs(ctx, None):
        opens = window_opens(sub.schedule, ctx.cfg.timezone, ctx.store.last_digest_run(sub.name), now)
        out.append(Window(sub.name, channel_key(channel), frozenset(sub.topics), opens))
    return out


def window_opens(schedule: str, timezone: str, last_run: datetime | None, now: datetime) -> datetime:
    """When the next digest's window opens: the schedule's latest time at or before `now`, or
    the last run when earlier; `now` for a schedule that has not fired within a year."""
    previous = crontab.previous_fire(crontab.trigger(schedule, timezone), now)
    candidates = [t for t in (previous, last_run) if t is not None]
    return min(candidates) if candidates else now


def mark_history(ctx: Context, spans: Sequence[Window], stored: Sequence[tuple[Article, Ingested]],
                 record: bool = True) -> set[int]:
    """The stories this batch created (status new) that matched a channel's topics and came
    out before its window, for at least one channel; with `record`, each is recorded as
    delivered to that channel, unsent, in the caller's transaction."""
    marked: set[int] = set()
    for window in spans:
        old = [r.story_id for article, r in stored
               if r.status == "new" and r.story_id is not None and window.topics.intersection(r.topics)
               and (published := aware(article.published)) is not None and published < window.opens]
        if old and record:
            ctx.store.record_delivery(window.subscriber, window.channel, old)
        marked.update(old)
    return marked


def mark_stored(ctx: Context, spans: Sequence[Window], story_ids: set[int]) -> set[int]:
    """Of these stories (the lines an import found stored), those still waiting for a channel
    whose newest article came out before its window, recorded as delivered to it, unsent."""
    marked: set[int] = set()
    if not story_ids:
        return marked
    with ctx.store.transaction():
        for window in spans:
            old = [r["story_id"] for r in ctx.store.undelivered(window.subscriber, window.channel, window.topics)
                   if r["story_id"] in story_ids and (newest := aware(r["newest"])) is not None
                   and newest < window.opens]
            ctx.store.record_delivery(window.subscriber, window.channel, old)
            marked.update(old)
    return marked
