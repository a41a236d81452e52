"""A database that does not know what was sent from it, set right from the note beside it (`sentlog`).

In: a Context whose database is restored from a backup, replaced by an older copy or a new file,
or was killed before it recorded a message its receiver took. Out: what `<db>.sent` says went is
recorded as sent (one line per channel), and what may have reached a reader goes marked as sent
again. `deliver` calls these before it plans or sends anything; `digest --dry-run` and `--status`
read `restored_view` to show what the next digest will do.
"""

from __future__ import annotations

from collections.abc import Callable
from email.utils import parseaddr
from typing import Any

from .. import sentlog
from ..config import Channel, Subscriber
from ..models import Queued
from ..store.base import crash_point
from ..store.outbox import same_address
from .base import Context, log
from .channels import channel_key


def record_noted(ctx: Context) -> bool:
    """The last message noted sent (`sentlog`) that the database holds unsent, the one before it
    known: its receiver took it at a run that could not record it (killed right after the answer,
    a database that failed). Recorded now, before anything drops unsent messages (a subscriber
    renamed or taken out since), one line; True when the database does not know the last message
    and this was not why (`reconcile`)."""
    path = ctx.store.path
    if path is None or not sentlog.stale(path, ctx.store.knows_sent):
        return False
    noted, before = sentlog.last(path)
    if noted and (before == "" or (before and ctx.store.knows_sent(before))) and (
            unrecorded := ctx.store.unsent_id(noted[2])) is not None:
        ctx.store.mark_sent(unrecorded)
        log.warning("digest subscriber=%s channel=%s message=%s: its receiver took it at a run that could not record "
                    "it (the database failed, or the run was killed): recorded now, not sent again", *noted)
        return False
    return True


def reconcile(ctx: Context, pairs: list[tuple[Subscriber, Channel]], fresh: set[tuple[str, str]]) -> None:
    """A database that does not know the last message sent from it (restored from a backup,
    replaced by an older copy or a new file) would send again what was sent since: the messages
    its outbox still holds and the stories it had not yet planned. What `sentlog` says each
    channel was sent is recorded as sent instead, one line per channel. A channel in `fresh` (one the
    database never saw: its address changed since the copy was made) counts what the note says every
    channel of its subscriber was sent, as `_adopt` counts what they were."""
    path = ctx.store.path
    if path is None:
        return
    urls, keys = sentlog.sent(path, ctx.store.knows_sent)  # of the messages since the last it knows
    partly = sentlog.partly(path, ctx.store.knows_sent)  # taken by some recipients only
    took = sentlog.took(path, ctx.store.knows_sent)  # and by whom
    took_urls = sentlog.took_urls(path, ctx.store.knows_sent)  # who had each of their stories
    configured = {s.name for s in ctx.cfg.subscribers}
    said: list[tuple[str, str, int, int]] = []
    with ctx.store.transaction():  # all channels or none: the first's record makes the note's last message known
        for sub, channel in pairs:
            key = channel_key(channel)
            # its own, and what a subscriber no longer configured sent its reader (renamed since: `_adopt`)
            done = set().union(*(us for (name, used), us in urls.items() if (name, used) == (sub.name, key)
                                 or (name == sub.name and (name, key) in fresh)
                                 or (name not in configured and same_address(used, key))))
            if (sub.name, key) in partly:
                _partly_sent(ctx, sub, channel, partly[sub.name, key] - done, took, took_urls)
            if not done:
                continue
            waiting = ctx.store.outbox_due(sub.name, key)
            of = ctx.store.story_urls({s for q in waiting for s in q.message.story_ids})
            known = _noted(waiting, of, done, keys)
            for q in known:
                ctx.store.mark_sent(q.id)
            # one the note gave some of its stories to since (refused as too large, planned again smaller,
            # a part taken): dropped, so the rest are planned again without them (`settle_noted` below)
            some = [q.id for q in waiting if q not in known and any(set(of.get(s, ())) & done
                                                                    for s in q.message.story_ids)]
            ctx.store.drop(some)
            ctx.store.keep_noted(sub.name, key, done)  # for its stories polled again later, too (`settle_noted`)
            had = ctx.store.settle_noted(sub.name, key, [r["story_id"] for r in ctx.store.undelivered(sub.name, key,
                                                                                                       sub.topics)])
            crash_point("reconciled")
            if known or had or some:
                said.append((sub.name, key, len(known), len(had)))
    for name, key, known_n, had_n in said:
        log.warning("digest subscriber=%s channel=%s: the database does not know the last message sent from it "
                    "(restored from a backup, or replaced?): %d waiting messages and %d stories this channel was sent "
                    "(%s) are recorded as sent, not sent again", name, key, known_n, had_n, sentlog.log_path(path).name)


def _noted(waiting: list[Queued], of: dict[int, list[str]], done: set[str], keys: set[str]) -> list[Queued]:
    """The `waiting` messages the note says went (its key, or every story's URLs in `done`)."""
    return [q for q in waiting if q.message.key in keys
            or (bool(q.message.story_ids) and all(set(of.get(s, ())) & done for s in q.message.story_ids))]


def restored_view(store: Any, cfg: Any) -> Callable[[str, str], tuple[set[str], set[str]]] | None:
    """For a database that does not know the last message sent from it (restored from a backup,
    replaced): per (subscriber, channel), the URLs and message keys the note says went since, which
    the next digest records as sent (`reconcile`); None for one that knows. For `--dry-run` and
    `--status`, which would count them as still to go."""
    if store.path is None or not sentlog.stale(store.path, store.knows_sent):
        return None
    urls, keys = sentlog.sent(store.path, store.knows_sent)
    configured = {s.name for s in cfg.subscribers}

    def went(subscriber: str, key: str) -> tuple[set[str], set[str]]:
        return set().union(*(us for (name, used), us in urls.items() if (name, used) == (subscriber, key)
                             or (name not in configured and same_address(used, key)))), keys
    return went


def noted_waiting(store: Any, went: Callable[[str, str], tuple[set[str], set[str]]], subscriber: str,
                  key: str) -> list[Queued]:
    """(subscriber, channel)'s waiting messages the next digest records as sent (`restored_view`)."""
    done, keys = went(subscriber, key)
    waiting = store.outbox_due(subscriber, key)
    return _noted(waiting, store.story_urls({s for q in waiting for s in q.message.story_ids}), done, keys) \
        if done or keys else []


def _partly_sent(ctx: Context, sub: Subscriber, channel: Channel, urls: set[str], took: dict[str, set[str]],
                 took_urls: dict[str, set[str]]) -> None:
    """Stories of an email some of its recipients took (`urls`; `took`: who, per message key, the
    others deferred; `took_urls`: who, per URL) that a restored database would send every recipient
    as new. The message it holds waiting goes to the others alone (recorded sent when none is left),
    as does another holding only such stories that the same recipients took (the one it held before
    a server refused it as too large and it was split; one for some recipients alone too); stories
    planned anew, or waiting in another message, go marked as sent again."""
    from ..notify.smtp import ascii_domain  # sending: the daemon, `monitor digest`

    key = channel_key(channel)
    waiting = ctx.store.outbox_due(sub.name, key)
    of = ctx.store.story_urls({s for q in waiting for s in q.message.story_ids}
                              | {r["story_id"] for r in ctx.store.undelivered(sub.name, key, sub.topics)})
    stories = {s for s, us in of.items() if set(us) & urls}
    settled = 0
    for q in waiting:
        had = took.get(q.message.key) or _took_all(q, of, took_urls)  # the same message, or its parts
        if had:  # who has it is known
            everyone = q.message.recipients or tuple(ascii_domain(parseaddr(r)[1]) for r in channel.to)
            ctx.store.wait_for(q.id, [a for a in everyone if a not in had and ascii_domain(a) not in had])
            stories -= set(q.message.story_ids)
            settled += 1
        elif stories & set(q.message.story_ids):
            ctx.store.begin_send(q.id)  # may have reached some: the next send of it says it is sent again
    ctx.store.mark_unsure(sub.name, key, channel.format, stories)
    if settled:
        log.warning("digest subscriber=%s channel=%s: the database does not know who took %d of its waiting emails "
                    "(restored from a backup?): %s says; they go to the others alone", sub.name, key, settled,
                    sentlog.log_path(ctx.store.path or "").name)
    if stories:
        log.warning("digest subscriber=%s channel=%s: the database does not know an email some recipients took "
                    "(restored from a backup?): its %d stories go again marked as sent again", sub.name, key,
                    len(stories))


def _took_all(q: Queued, of: dict[int, list[str]], took_urls: dict[str, set[str]]) -> set[str]:
    """The recipients the note says took every story of `q` (in messages some took only)."""
    had: set[str] | None = None
    for story in q.message.story_ids:
        who = set().union(*(took_urls.get(u, set()) for u in of.get(story, ())))
        had = who if had is None else had & who
        if not had:
            return set()
    return had or set()


def settle_noted(ctx: Context, sub: Subscriber, key: str) -> None:
    """Stories polled again after `reconcile` (a slow source's, one that was down) that the note
    said this channel was sent are recorded as sent, one line, not sent again."""
    if ctx.store.path is not None and ctx.store.has_noted(sub.name, key) and (had := ctx.store.settle_noted(
            sub.name, key, [r["story_id"] for r in ctx.store.undelivered(sub.name, key, sub.topics)])):
        log.warning("digest subscriber=%s channel=%s: %d stories polled again that %s says this channel was sent "
                    "before the database was restored (or replaced) are recorded as sent, not sent again", sub.name,
                    key, len(had), sentlog.log_path(ctx.store.path).name)
