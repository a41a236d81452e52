"""Deliver: store → digest → outbox → notify, per subscriber channel; plus stories for feeds.

In: a Context and the configured subscribers. Out: `DigestResult`s. New stories are planned
into messages (each within its channel's limit) and stored in the outbox before any send;
each message's stories are recorded as delivered only when the receiver accepted it, in the
same transaction that marks it sent. A failed message keeps its idempotency key and is
retried with exponential backoff, so a crash between send and record repeats at most that
one message, with the same key. Sending holds the database's delivery lock (`locks`), so a
CLI `monitor digest` and the daemon never send the same message at once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from datetime import datetime, timedelta, timezone
from email.utils import parseaddr
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

from .. import digest, locks, sentlog, snippets
from ..config import Channel, Subscriber
from ..digest.common import more_entry
from ..errors import InputError, MonitorError, StoreError
from ..models import Digest, Hit, Queued, Repost, Story, headline, titled
from ..plural import counted
from ..store import database_fault, parse_iso, utcnow
from ..store.base import crash_point
from ..store.outbox import RECONCILED
from . import pacing
from .base import Context, DigestResult, log
from .channels import channel_key, channel_pairs
from .restored import noted_waiting, reconcile, record_noted, restored_view, settle_noted


def build_digest(ctx: Context, sub: Subscriber, channel: str, now: datetime | None = None,
                 adopting: bool = False, former: Iterable[str] = (), record: bool = False) -> Digest:
    """The stories `sub` has not yet received on `channel`, capped at max_stories: the newest
    (by their newest article's date) when more wait, so a backlog (an imported archive, old
    stories an upgrade newly matched) drains behind the day's news instead of holding it back;
    in the order they matched. `adopting`: count what a channel never used would take over
    (`store.adopt`) without recording it, for a preview. Stories every recipient of an email channel
    had from another (`had_elsewhere`) are left out (`record`: recorded as delivered)."""
    rows = ctx.store.undelivered(sub.name, channel, sub.topics, adopting, tuple(former))
    if rows and (had := had_elsewhere(ctx, sub, channel, [r["story_id"] for r in rows], record)):
        rows = [r for r in rows if r["story_id"] not in had]
    chosen = rows
    if len(rows) > sub.max_stories:
        newest = sorted(range(len(rows)), key=lambda i: (_when(rows[i]["newest"]), rows[i]["story_id"]), reverse=True)
        chosen = [rows[i] for i in sorted(newest[: sub.max_stories])]
    stories = tuple(_story(ctx, r, sub.topics) for r in chosen)
    since = ctx.store.last_delivery(sub.name, channel)
    if since is None and adopting:  # a channel new to the database takes over what its subscriber had, and when
        since = ctx.store.last_delivery_of([sub.name, *former])
    return Digest(subscriber=sub.name, generated_at=now or utcnow(), since=since, topics=sub.topics, stories=stories,
                  total=len(rows))


def _email_readers(ctx: Context, sub: Subscriber, key: str) -> tuple[dict[str, str], list[tuple[str, str, set[str]]]]:
    """The readers of `sub`'s email channel `key` (each mailbox, `notify.smtp.mailbox`, with the
    address it is sent to) and every other configured email channel's (subscriber, key, mailboxes);
    none when it is no email channel or the only one."""
    pairs = [(s, c) for s, c in channel_pairs(ctx, None) if c.kind == "email"]
    mine = next((c for s, c in pairs if s.name == sub.name and channel_key(c) == key), None)
    if mine is None or len(pairs) < 2:
        return {}, []
    from ..notify.smtp import ascii_domain, mailbox, readers  # here: the notify package (httpx too) is ~0.2 s CPU

    own = {m: ascii_domain(parseaddr(a)[1]) for a in readers(mine.to) if (m := mailbox(a))}
    others = [(s.name, k, {mailbox(a) for a in c.to}) for s, c in pairs
              if (k := channel_key(c)) != key or s.name != sub.name]
    return own, others


def had_by(ctx: Context, sub: Subscriber, key: str, story_ids: Iterable[int],
           planned: bool = True) -> tuple[dict[str, str], dict[int, set[str]]]:
    """The readers of `sub`'s email channel `key` (`_email_readers`) and, of `story_ids`, those
    some of them already had (or, `planned`, have waiting) from another configured email channel
    naming them, with who had each: a mailbox is one reader wherever a channel names it."""
    own, others = _email_readers(ctx, sub, key)
    had: dict[int, set[str]] = {}
    ids = set(story_ids)
    for reader in own if ids else ():
        for story in set().union(*(ctx.store.carried(name, k, ids, planned) for name, k, theirs in others
                                   if reader in theirs)):
            had.setdefault(story, set()).add(reader)
    return own, had


def had_elsewhere(ctx: Context, sub: Subscriber, key: str, story_ids: list[int], record: bool = False) -> set[int]:
    """Of `story_ids`, those every recipient of the email channel `key` of `sub` already had, or has
    waiting, from another configured email channel naming it (another subscriber's, or another of
    `sub`'s), and had each story both carry twice. A story some recipients lack goes to them alone
    (`by_readers`). `record`: those the others' receivers took count as delivered to `key` too, so
    that a channel taken out of the config later does not leave them waiting for this one."""
    own, had = had_by(ctx, sub, key, story_ids)
    every = {story for story, who in had.items() if len(who) == len(own)}
    if every and record:
        _, took = had_by(ctx, sub, key, every, planned=False)
        ctx.store.record_delivery(sub.name, key, {story for story, who in took.items() if len(who) == len(own)})
    if every:
        log.info("digest subscriber=%s channel=%s: %d stories its recipients had from another email channel left out",
                 sub.name, key, len(every))
    return every


def by_readers(ctx: Context, sub: Subscriber, key: str, dig: Digest) -> list[tuple[Digest, tuple[str, ...]]]:
    """`dig` for an email channel, split by who is to have each story: those some of its readers had
    from another email channel (`had_by`) go to the others alone (`Outgoing.recipients`), so a
    mailbox two channels name has each story once and the other readers lose none. The stories
    for all come first (with the count held for the next digest); () is all the channel's readers."""
    own, had = had_by(ctx, sub, key, [s.story_id for s in dig.stories])
    if not had:
        return [(dig, ())]
    groups: dict[tuple[str, ...], list[Story]] = {}
    for story in dig.stories:
        lacking = tuple(address for reader, address in own.items() if reader not in had.get(story.story_id, ()))
        groups.setdefault(() if len(lacking) == len(own) else lacking, []).append(story)
    held = (dig.total or len(dig.stories)) - len(dig.stories)
    out = []
    for i, (to, stories) in enumerate(sorted(groups.items(), key=lambda g: (len(g[0]) > 0, g[0]))):
        out.append((dataclasses.replace(dig, stories=tuple(stories), total=len(stories) + (held if i == 0 else 0)), to))
    log.info("digest subscriber=%s channel=%s: %d stories some of its recipients had from another email channel go "
             "to the others alone", sub.name, key, sum(len(s) for to, s in groups.items() if to))
    return out


def _when(stamp: str | None) -> datetime:
    """A stored date as an aware datetime (the earliest possible when missing or unreadable)."""
    try:
        when = parse_iso(stamp)
    except ValueError:
        when = None
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when or datetime.min.replace(tzinfo=timezone.utc)


def _story(ctx: Context, row: dict, topics: Iterable[str]) -> Story:
    articles = ctx.store.story_articles(row["story_id"])
    first = next(a for a in articles if a["id"] == row["article_id"])
    hits = ctx.store.hits_of(first["id"], topics)
    body_spans = sorted((h.start, h.end) for h in hits if h.field == "body")
    reposts, more = shown_reposts([a for a in articles if a["id"] != first["id"]])
    return Story(story_id=row["story_id"], article_id=first["id"], title=titled(one_line(headline(first, articles))), url=first["url"],
                 source=one_line(first["source"]), published=parse_iso(first["published"]),
                 topics=tuple(sorted(set((row["topics"] or "").split(",")) - {""})),
                 snippet=snippets.cut(first["body"] or "", body_spans),
                 hits=tuple(_unique_terms(hits)), reposts=reposts, page_url=_page_url(ctx, row["story_id"]),
                 more_reposts=more, seen=parse_iso(first["fetched_at"]))


_BREAK = re.compile(r"\s*[\n\r\t\v\f\x85\u2028\u2029]\s*")


def one_line(text: str | None) -> str:
    """A headline or an outlet's name on one line: an export's or a feed's stacked kicker and title
    (`引题\n主标题`) cut a Markdown or Slack link in two, and a tab opening a line is code there."""
    return _BREAK.sub(" ", text or "").strip()


MAX_REPOSTS_SHOWN = 10  # outlets named under a story; the rest are counted ("+290 more")


def shown_reposts(rows: list[dict]) -> tuple[tuple[Repost, ...], int]:
    """A story's copies as a digest lists them: all when they are few; else one per site, the first
    MAX_REPOSTS_SHOWN sites, and how many copies that leaves out, also said in a last entry without
    a link (as `plan.shrink` says it) so every rendering shows it."""
    shown: list[Repost] = []
    sites: set[str] = set()
    for a in rows:
        site = urlsplit(a["url"] or "").hostname or a["source"]
        if (site not in sites or len(rows) <= MAX_REPOSTS_SHOWN) and len(shown) < MAX_REPOSTS_SHOWN:
            sites.add(site)
            shown.append(Repost(a["id"], one_line(a["source"]), a["url"], one_line(a["title"]),
                                parse_iso(a["published"])))
    more = len(rows) - len(shown)
    return tuple(shown) + ((more_entry(more),) if more else ()), more


def _page_url(ctx: Context, story_id: int) -> str | None:
    """The story's page on `monitor serve`, when the config says where that is."""
    base = ctx.cfg.web.base_url
    return f"{base.rstrip('/')}/story/{story_id}" if base else None


def _unique_terms(hits: list[Hit]) -> list[Hit]:
    seen, out = set(), []
    for h in hits:
        if h.term not in seen:
            seen.add(h.term)
            out.append(h)
    return out


def recent_stories(ctx: Context, topic: str, limit: int = 50, since: datetime | None = None) -> list[Story]:
    """The newest stories matching `topic`, each once (its first matched article stands for it)."""
    if topic not in ctx.cfg.topics:
        raise InputError(f"unknown topic {topic!r}", hint="known topics: " + ", ".join(ctx.cfg.topics))
    return [_story(ctx, row, [topic]) for row in ctx.store.matched_stories([topic], limit, since)]


HOLD_ATTEMPTS = 3  # a message failing this often no longer holds back the ones behind it
RETRY_FIRST = 60.0  # seconds before the first retry of a failed message; doubled per attempt
RETRY_CAP = 6 * 3600.0
LOCK_WAIT = 120.0  # how long a second deliverer waits for the first to finish


def retry_delay(attempts: int) -> timedelta:
    """The wait before the next try of a message that has failed `attempts` times: 1 min, 2, 4 … 6 h."""
    return timedelta(seconds=min(RETRY_CAP, RETRY_FIRST * 2 ** max(0, attempts - 1)))


def send_digests(ctx: Context, subscriber: str | None = None, *, dry_run: bool = False,
                 out: TextIO | None = None, respect_backoff: bool = False) -> list[DigestResult]:
    """Plan each subscriber channel's new stories into the outbox and send what it holds.

    A person running `monitor digest` retries failed messages at once; the daemon's runs
    (`respect_backoff`) wait for each message's next attempt time.
    """
    pairs = channel_pairs(ctx, subscriber)
    if dry_run:
        return [_preview(ctx, sub, ch) for sub, ch in pairs]
    with _delivering(ctx):
        stale = record_noted(ctx)  # first: a message its receiver took is not dropped with a subscriber renamed since
        _drop_former(ctx)  # a renamed subscriber's messages of unknown fate mark its stories (`_adopt`)
        if stale:  # every subscriber's, not this run's alone: its first message makes the note's last line one
            _set_right(ctx)  # the database knows, and a later run for another subscriber would find nothing to set right
        for sub, ch in pairs:  # before anything is sent: a new subscriber's channels each get the backlog
            _adopt(ctx, sub, ch, {channel_key(c) for s, c in pairs if s.name == sub.name})
        for name in dict.fromkeys(sub.name for sub, _ in pairs):  # after adopting: what an edited channel took
            if dropped := ctx.store.drop_unconfigured(name, [channel_key(c) for s, c in pairs if s.name == name]):
                log.info("digest subscriber=%s: %d unsent messages of channels no longer configured dropped",
                         name, dropped)
        results = [_deliver(ctx, sub, ch, out, respect_backoff) for sub, ch in pairs]
        for name in dict.fromkeys(sub.name for sub, _ in pairs):
            ctx.store.digest_ran(name)  # a daemon started later knows this run was not missed
        return results


def mark_read(ctx: Context, subscriber: str | None, before: datetime | None) -> list[tuple[str, str, int, int]]:
    """Record each subscriber channel's waiting stories older than `before` as delivered, unsent
    (after backfilling an archive, or for a new subscriber who wants only what comes next).
    Returns (subscriber, channel, marked, left) per channel."""
    done = []
    with _delivering(ctx):
        for sub, ch in channel_pairs(ctx, subscriber):
            key = channel_key(ch)
            marked, left = ctx.store.mark_read(sub.name, key, sub.topics, before)
            log.info("digest subscriber=%s channel=%s marked_read=%d left=%d", sub.name, key, marked, left)
            done.append((sub.name, key, marked, left))
    return done


def retry_due(ctx: Context) -> list[DigestResult]:
    """Send the outbox messages whose retry time has come (the daemon runs this every minute)."""
    now, results = utcnow(), []
    with _delivering(ctx):
        stale = record_noted(ctx)
        _drop_former(ctx)
        if stale:
            _set_right(ctx)
        for name, key in ctx.store.outbox_channels_due(now):
            found = [(s, c) for s, c in channel_pairs(ctx, None) if s.name == name and channel_key(c) == key]
            for sub, channel in found[:1]:  # a channel no longer configured waits; `digest --status` shows it
                _drop_stale(ctx, sub, channel, key)  # its stories go in the next digest, as they now should
                results.append(_flush(ctx, sub, channel, key, None, now))
    return results


def _set_right(ctx: Context) -> None:
    """The database does not know the last message sent from it (`record_noted`): every configured
    channel takes over what its subscriber had first, when it is one the database never saw (`_adopt`:
    recorded as sent by `reconcile` first, it took over nothing), then `reconcile`."""
    every = channel_pairs(ctx, None)
    fresh = {(s.name, channel_key(c)) for s, c in every if not ctx.store.channel_used(s.name, channel_key(c))}
    for sub, ch in every:
        _adopt(ctx, sub, ch, {channel_key(c) for s, c in every if s.name == sub.name})
    reconcile(ctx, every, fresh)
    ctx.store.digest_ran(RECONCILED)  # health's "behind its sent note" goes: what it said the next digest does is done


def _drop_former(ctx: Context) -> None:
    """The unsent messages of subscribers the config no longer has are dropped, one line each:
    nothing would send them, and they showed as failing or pending for ever."""
    for name, n in ctx.store.drop_former([s.name for s in ctx.cfg.subscribers]).items():
        log.warning("digest subscriber=%s: no longer in the config: %d unsent message%s dropped (its stories "
                    "go to it if it is configured again)", name, n, "" if n == 1 else "s")


@contextlib.contextmanager
def _delivering(ctx: Context) -> Iterator[None]:
    """The database's delivery lock, waited for with the daemon's store lock let go (`_let_go`):
    a `monitor digest` sending meanwhile holds it up to LOCK_WAIT, and the polls store meanwhile."""
    with contextlib.ExitStack() as held:
        with _let_go(ctx.lock, ctx.store.conn.in_transaction):
            held.enter_context(_delivery_lock(ctx))
        yield


def _delivery_lock(ctx: Context) -> AbstractContextManager[Path]:
    """The database's delivery lock: one sender (CLI or daemon) at a time."""
    return locks.held(ctx.store.path or "monitor.db", "deliver", "a digest delivery", wait=LOCK_WAIT)


def _preview(ctx: Context, sub: Subscriber, channel: Channel) -> DigestResult:
    key = channel_key(channel)
    former = ctx.store.former_readers(sub.name, key, channel.format, [s.name for s in ctx.cfg.subscribers])
    dig = build_digest(ctx, sub, key, adopting=True, former=former)
    due = ctx.store.outbox_due(sub.name, key)
    if went := restored_view(ctx.store, ctx.cfg):  # restored: what the note says went is recorded, not sent
        done = went(sub.name, key)[0]
        of = ctx.store.story_urls({s.story_id for s in dig.stories})
        left = tuple(s for s in dig.stories if not set(of.get(s.story_id, ())) & done)
        dig = dataclasses.replace(dig, stories=left, total=(dig.total or 0) - (len(dig.stories) - len(left)))
        noted = {q.id for q in noted_waiting(ctx.store, went, sub.name, key)}
        due = [q for q in due if q.id not in noted]
    fmt = channel.format if channel.format in ("text", "markdown", "html") else sub.format
    return DigestResult(sub.name, key, len(dig.stories), "dry-run", rendered=digest.render(dig, fmt),
                        pending=len(due), detail=_earlier(channel, due))


def _earlier(channel: Channel, due: list[Queued]) -> str:
    """What a preview says of the messages waiting from earlier runs, and how many of them go marked
    as sent again (an earlier try's outcome unknown: a run killed while it was under way)."""
    if not due:
        return ""
    again = 0 if channel.kind == "file" else sum(q.message.resend for q in due)
    marked = (", marked as sent again" if again == len(due) else f", {again} marked as sent again") if again else ""
    return f"{counted(len(due), 'earlier message')} waiting{marked}"


def _resent_note(again: int) -> str:
    """What a run's line says of the messages it sent marked as sent again."""
    return (f"{counted(again, 'message')} marked as sent again: an earlier try of "
            f"{'it' if again == 1 else 'them'} was cut off before its outcome was known (the run stopped or "
            "killed, or no answer), so the reader may have had it already")


def _adopt(ctx: Context, sub: Subscriber, channel: Channel, configured: set[str]) -> None:
    """A channel never used starts where its subscriber is (`store.adopt`); of the subscriber's
    `configured` channels, none gives up its waiting messages to it."""
    key = channel_key(channel)
    bare = [parseaddr(a)[1] for a in channel.to] if channel.kind == "email" else []
    with ctx.store.transaction():
        former = ctx.store.former_readers(sub.name, key, channel.format, [s.name for s in ctx.cfg.subscribers])
        taken = ctx.store.adopt(sub.name, key, bare, configured)
        had = ctx.store.take_former(sub.name, key, channel.format, former) if former else 0
    if taken:
        log.info("digest subscriber=%s channel=%s new channel: %d stories the subscriber had count as sent",
                 sub.name, key, taken)
    if former:  # renamed in the config: its reader is the one the former name's digests went to
        log.warning("digest subscriber=%s channel=%s: new to this subscriber, formerly %s's (no longer in the "
                    "config: renamed?): the %d stories it was sent count as sent, not sent again", sub.name, key,
                    " and ".join(former), had)


def _deliver(ctx: Context, sub: Subscriber, channel: Channel, out: TextIO | None,
             respect_backoff: bool) -> DigestResult:
    key = channel_key(channel)
    _drop_stale(ctx, sub, channel, key)
    settle_noted(ctx, sub, key)
    dig = build_digest(ctx, sub, key, record=True)
    if dig.stories:
        messages = []
        for part, to in by_readers(ctx, sub, key, dig) if channel.kind == "email" else [(dig, ())]:
            planned = digest.plan(part, channel.kind, channel.format, key, most=_announced(channel))
            messages += [dataclasses.replace(m, recipients=to) for m in planned] if to else planned
        if messages[0].problem:  # an unknown format: nothing planned, the config must change
            log.warning("digest subscriber=%s channel=%s status=error error=%s", sub.name, key, messages[0].problem)
            return DigestResult(sub.name, key, len(dig.stories), "error", f"{channel.kind} channel: "
                                f"{messages[0].problem}")
        if unsure := ctx.store.unsure_stories(sub.name, key, channel.format):  # a dropped message's, which may
            # have reached this reader: the stories go again, saying so
            messages = [dataclasses.replace(m, resend=True) if unsure & set(m.story_ids) else m for m in messages]
        ctx.store.enqueue(sub.name, key, messages)
        crash_point("digest-planned")
    return _flush(ctx, sub, channel, key, out, utcnow() if respect_backoff else None)


def _announced(channel: Channel) -> int | None:
    """The most bytes an email channel's server said it takes (its SIZE, heard by this process)."""
    if channel.kind != "email":
        return None
    from ..notify.smtp import announced_size  # sending: the daemon, `monitor digest`

    return announced_size(channel)


def _drop_stale(ctx: Context, sub: Subscriber, channel: Channel, key: str) -> None:
    """A webhook's unsent messages rendered in a format it no longer has (the config was mended
    after the receiver refused them) are dropped, so their stories are planned again in the
    format it has now; sent as they were, they were refused at every run. An email's are not:
    some of its recipients may have one already, and its text and HTML do not hang on `format`."""
    if channel.kind == "webhook" and (dropped := ctx.store.drop_unsent(sub.name, key, channel.format)):
        log.info("digest subscriber=%s channel=%s: %d unsent messages of another format planned again",
                 sub.name, key, dropped)


def _flush(ctx: Context, sub: Subscriber, channel: Channel, key: str, out: TextIO | None,
           due: datetime | None) -> DigestResult:
    """Send the channel's unsent messages in order; a failure holds the rest back (a passing fault
    keeps the digest in order), unless that message has failed HOLD_ATTEMPTS times by now: one
    message a receiver always refuses must not starve the channel."""
    result, error, quiet = DigestResult(sub.name, key, 0, "empty", "nothing new"), None, False
    queue, i, again = ctx.store.outbox_due(sub.name, key, due), 0, 0
    while i < len(queue):
        queued = queue[i]
        if ctx.stopping.is_set():  # a SIGTERM: the rest wait in the outbox, none half-sent
            result.status, result.detail = "stopped", f"stopped by a signal after {result.sent} messages; " \
                                                      f"{len(queue) - i} wait for the next run"
            log.warning("digest subscriber=%s channel=%s: %s", sub.name, key, result.detail)
            break
        if not _paced(ctx, channel, key, queue[i:], due is not None):
            waiting = f"{len(queue) - i} messages wait a minute for the robot's rate limit"
            result.detail = f"{result.detail}; {waiting}" if result.sent else waiting
            break
        failure = _send(ctx, channel, queued, out, functools.partial(_smaller, ctx, sub, channel, queue[i:]))
        if failure is STOPPED:  # the loop's top says so
            continue
        pacing.PACER.sent(key, channel.format)
        if failure is SPLIT:  # its stories are in smaller messages now, due at once: they go next
            tried = {q.id for q in queue[:i]}
            queue = queue[:i] + [q for q in ctx.store.outbox_due(sub.name, key, utcnow() if due else None)
                                 if q.id not in tried]
            continue
        i += 1
        if failure:
            result.failed, error = result.failed + 1, failure
            # a receiver that gave no answer to two messages in a row is not answering: the rest would
            # each wait as long (a digest's minutes, the daemon's other jobs behind it); they go at the next try
            silent = isinstance(failure, Failure) and failure.silent
            if queued.attempts + 1 < HOLD_ATTEMPTS or (quiet and silent):
                break
            quiet = silent
            continue
        quiet = False
        result.status, result.sent, result.stories = "sent", result.sent + 1, result.stories + queued.message.stories
        result.detail = f"{result.sent} message{'s' if result.sent > 1 else ''}"
        again += queued.message.resend and channel.kind != "file"  # the reader was told; so is the person running it
    if again:
        result.detail += f"; {_resent_note(again)}"
    if error and result.status != "stopped":  # what failed is what the person running it needs to see
        result.status, result.detail = "error", error + (f" ({result.detail} sent)" if result.sent else "")
    left = ctx.store.outbox_due(sub.name, key)
    result.pending = len(left)
    result.waiting = len({i for q in left for i in q.message.story_ids}) or sum(q.message.stories for q in left)
    result.next_try = min((q.next_attempt_at for q in left if q.next_attempt_at), default=None)
    return result


def _paced(ctx: Context, channel: Channel, key: str, rest: list[Queued], daemon: bool) -> bool:
    """Wait for the robot's rate limit (`pacing`) before the next message; True to send it now.
    The daemon waits only briefly: for longer, `rest` is put off until then (in order, not
    counted as attempts) and its retry job sends them; `monitor digest` waits them out."""
    if channel.kind != "webhook" or channel.format not in pacing.LIMITS:
        return True
    if not pacing.PACER.known(key):  # what another process (the daemon, a `monitor digest`) sent to it lately
        now = utcnow()
        since = ctx.store.attempted_since(key, now - timedelta(seconds=pacing.MEMORY + 1))
        # stored to the second: each taken at the end of its second, never older than it was
        pacing.PACER.seed(key, channel.format, [max(0.0, (now - t).total_seconds() - 1) for t in since])
    wait = pacing.PACER.wait(key, channel.format)
    if wait and daemon and wait > pacing.SLEEP_AT_MOST:
        ctx.store.defer([q.id for q in rest], utcnow() + timedelta(seconds=wait))
        log.info("digest subscriber=%s channel=%s: %d messages wait %.0f s for the robot's rate limit",
                 rest[0].subscriber, key, len(rest), wait)
        return False
    if wait:
        if wait >= pacing.SAY_AT:  # at a terminal, a digest that stops this long looks hung
            log.warning("digest subscriber=%s: waiting %.0f s for the %s robot's rate limit (%s)", rest[0].subscriber,
                        wait, channel.format, pacing.described(channel.format))
        pacing.PACER.sleep(wait)
    return True


@contextlib.contextmanager
def _let_go(lock: Any, busy: bool) -> Iterator[None]:
    """`lock` (an RLock this thread may hold, at any depth: the daemon's store lock) let go for the
    block and held again after, as deep; kept when `busy` (a transaction is open)."""
    if busy or not lock._is_owned():
        yield
        return
    state = lock._release_save()
    try:
        yield
    finally:
        lock._acquire_restore(state)


class Failure(str):
    """What `_send` returns for a message that failed: the error, and whether the receiver gave
    no answer at all (`NotifyError.silent`)."""

    silent = False


SPLIT = "planned again as smaller messages"  # what `_send` returns for a message refused as too large
STOPPED = "stopped before it left"  # what `_send` returns for a message a signal stopped before it left


def _send(ctx: Context, channel: Channel, queued: Queued, out: TextIO | None,
          smaller: Callable[[int, int], int] | None = None) -> Failure | str | None:
    """One message to its receiver; recorded sent (with its stories) or failed. Returns the error,
    or SPLIT when the receiver refused it as too large and `smaller` planned its stories again.
    While it is under way (`ctx.under_way`) a SIGTERM waits for it (`ctx.stopping`)."""
    ctx.under_way.set()  # first: a SIGTERM from here on waits for this message, none between the mark and the send
    try:
        ctx.store.begin_send(queued.id)  # killed from here on, the next send of it says it is sent again
        crash_point("digest-begun")
        if ctx.stopping.is_set():  # the signal came before it left: it waits for the next run as it was, unmarked
            ctx.store.begin_send(queued.id, queued.message.resend)
            return STOPPED
        return _sending(ctx, channel, queued, out, smaller)
    finally:
        ctx.under_way.clear()


def _smaller(ctx: Context, sub: Subscriber, channel: Channel, rest: list[Queued], most: int, size: int = 0) -> int:
    """`rest[0]` was refused as larger than its receiver takes (`most` bytes; it was `size`): its
    stories, with those of the messages behind it never tried, planned again as messages of at
    most `most` bytes, in order (emails and webhooks). Returns how many; 0 when they cannot be (a
    story alone is larger, or the plan would send the refused message again: it stays failed,
    and its error says so). One for some of its channel's recipients alone (`recipients`: the
    others had its stories from another channel, or took it) is split for them alone, with only
    the messages behind it for the same recipients."""
    refused = rest[0].message
    if channel.kind not in ("email", "webhook"):
        return 0
    if channel.kind == "email" and size:  # the plan reckons an email's size: what it missed here, it keeps off
        most -= max(0, size - digest.email_bytes(len((refused.html or "").encode()), len((refused.text or "").encode())))
    drop = [rest[0], *(q for q in rest[1:] if q.attempts == 0 and not q.message.resend
                       and q.message.recipients == refused.recipients)]
    key = drop[0].channel
    rows = ctx.store.stories_of({s for q in drop for s in q.message.story_ids}, sub.topics)
    dig = Digest(subscriber=sub.name, generated_at=utcnow(), since=ctx.store.last_delivery(sub.name, key),
                 topics=sub.topics, stories=tuple(_story(ctx, r, sub.topics) for r in rows), total=len(rows))
    messages = digest.plan(dig, channel.kind, channel.format, key, most=most) if rows else []
    if not messages or messages[0].problem or any(m.key == refused.key for m in messages):  # no smaller
        return 0
    if rest[0].message.resend:  # an earlier try of it may have arrived: what carries its stories says so
        messages = [dataclasses.replace(m, resend=True) for m in messages]
    if refused.recipients:  # the others had them: the smaller ones go to the same recipients alone
        messages = [dataclasses.replace(m, recipients=refused.recipients) for m in messages]
    return len(messages) if ctx.store.replan(sub.name, key, [q.id for q in drop], messages) else 0


def _sending(ctx: Context, channel: Channel, queued: Queued, out: TextIO | None,
             smaller: Callable[[int, int], int] | None = None) -> Failure | str | None:
    message, where = queued.message, f"subscriber={queued.subscriber} channel={queued.channel}"
    crash_point("digest-sending")
    if message.resend and channel.kind != "file":  # an earlier try may have reached the reader: this one says so
        # (a file's is seen: the same text lands on the file an earlier try wrote, or writes it if it did not)
        from ..digest.again import resent

        message = resent(message)
    try:
        from .. import notify  # sending only: `monitor feed` builds stories without loading httpx

        with _let_go(ctx.lock, ctx.store.conn.in_transaction):  # the daemon's polls store while it is on its way
            detail = notify.send(channel, message, out=out, timeout=ctx.cfg.fetch.timeout, stop=ctx.stopping)
    except MonitorError as exc:
        if (most := getattr(exc, "too_large", 0)) and smaller is not None and (
                parts := smaller(most, getattr(exc, "size", 0))):
            log.warning("digest %s message=%s part=%d/%d status=too-large error=%s; its %d stories and those of "
                        "the messages behind it go now as %d smaller messages", where, message.key, message.part,
                        message.parts, exc.message, message.stories, parts)
            return SPLIT
        if (took := getattr(exc, "took", ())) and ctx.store.path is not None:  # some recipients have it: a
            # restored backup that never heard of it sends it again marked (`reconcile`)
            sentlog.add(ctx.store.path, queued.subscriber, queued.channel, sentlog.part_key(message.key, took),
                        [u for us in ctx.store.story_urls(message.story_ids).values() for u in us])
            crash_point("digest-partly-noted")
        # not before the receiver asked (a Retry-After past what a try waits): sooner is refused again
        asked = timedelta(seconds=min(RETRY_CAP, getattr(exc, "retry_after", None) or 0.0))
        retry_at = utcnow() + max(retry_delay(queued.attempts + 1), asked)
        ctx.store.mark_failed(queued.id, str(exc), retry_at, getattr(exc, "waiting", ()),
                              resend=message.resend or getattr(exc, "unsure", False))
        log.warning("digest %s message=%s part=%d/%d status=error attempts=%d retry_at=%s error=%s", where,
                    message.key, message.part, message.parts, queued.attempts + 1, retry_at.isoformat(), exc)
        failure = Failure(str(exc))
        failure.silent = getattr(exc, "silent", False)
        return failure
    noted = False
    try:
        if ctx.store.path is not None:  # beside the database: for a record that fails, or a copy that does not know
            noted = sentlog.add(ctx.store.path, queued.subscriber, queued.channel, message.key,
                                [u for us in ctx.store.story_urls(message.story_ids).values() for u in us])
        crash_point("digest-accepted")
        ctx.store.mark_sent(queued.id)
        crash_point("digest-recorded")
    except Exception as exc:  # a database fault (disk, damage, lock): the person sees what became of the message
        err = database_fault(exc, ctx.store.path)
        if err is None:
            raise
        fate = (f"noted in {sentlog.log_path(ctx.store.path or '').name}: it is recorded at the next run, not sent "
                "again" if noted else "it goes again at the next run, marked as sent again")
        raise StoreError(f"{err.message}; {where} message={message.key} was taken by its receiver but could not "
                         f"be recorded: {fate}", hint=err.hint) from exc
    log.info("digest %s message=%s part=%d/%d status=sent stories=%d (%s)%s", where, message.key, message.part,
             message.parts, message.stories, detail, " sent again, marked so" if message.resend and channel.kind != "file"
             else "")
    return None
