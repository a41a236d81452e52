"""Deliver: store → digest → notify, once per subscriber channel; plus stories for feeds.

In: a Context and the configured subscribers. Out: `DigestResult`s. A story is recorded as
delivered to a channel only after that channel's send succeeded, so a failing webhook is
retried next time while the email that went out is not sent again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime
from typing import TextIO

from .. import digest, notify, snippets
from ..config import Channel, Subscriber
from ..errors import InputError, MonitorError
from ..models import Digest, Hit, Repost, Story
from ..store import parse_iso, utcnow
from .base import Context, DigestResult, log


def channel_key(channel: Channel) -> str:
    """A stable name for a channel, used to record what it was sent.

    Webhook URLs carry tokens, so only a hash of the URL is kept (and logged).
    """
    if channel.kind == "webhook":
        return "webhook:" + hashlib.sha256((channel.url or "").encode()).hexdigest()[:12]
    target = {"email": ",".join(channel.to), "file": channel.path}.get(channel.kind, "")
    return f"{channel.kind}:{target}" if target else channel.kind


def build_digest(ctx: Context, sub: Subscriber, channel: str, now: datetime | None = None) -> Digest:
    """The stories `sub` has not yet received on `channel`, capped at max_stories."""
    rows = ctx.store.undelivered(sub.name, channel, sub.topics)
    stories = tuple(_story(ctx, r, sub.topics) for r in rows[: sub.max_stories])
    return Digest(subscriber=sub.name, generated_at=now or utcnow(),
                  since=ctx.store.last_delivery(sub.name, channel), topics=sub.topics, stories=stories,
                  total=len(rows))


def _story(ctx: Context, row: dict, topics: Iterable[str]) -> Story:
    articles = ctx.store.story_articles(row["story_id"])
    first = next(a for a in articles if a["id"] == row["article_id"])
    hits = ctx.store.hits_of(first["id"], topics)
    body_spans = sorted((h.start, h.end) for h in hits if h.field == "body")
    reposts = tuple(Repost(a["id"], a["source"], a["url"], a["title"], parse_iso(a["published"]))
                    for a in articles if a["id"] != first["id"])
    return Story(story_id=row["story_id"], article_id=first["id"], title=first["title"], url=first["url"],
                 source=first["source"], published=parse_iso(first["published"]),
                 topics=tuple(sorted(set((row["topics"] or "").split(",")) - {""})),
                 snippet=snippets.cut(first["body"] or "", body_spans),
                 hits=tuple(_unique_terms(hits)), reposts=reposts)


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


def send_digests(ctx: Context, subscriber: str | None = None, *, dry_run: bool = False,
                 out: TextIO | None = None) -> list[DigestResult]:
    """Build and (unless dry_run) send each subscriber's digest on each of its channels."""
    subs = [ctx.cfg.subscriber(subscriber)] if subscriber else list(ctx.cfg.subscribers)
    results = []
    for sub in subs:
        for channel in sub.channels or (Channel(kind="stdout", format=sub.format),):
            results.append(_send_one(ctx, sub, channel, dry_run, out))
    return results


def _send_one(ctx: Context, sub: Subscriber, channel: Channel, dry_run: bool, out: TextIO | None) -> DigestResult:
    key = channel_key(channel)
    dig = build_digest(ctx, sub, key)
    if dry_run:
        fmt = channel.format if channel.format in ("text", "markdown", "html") else sub.format
        return DigestResult(sub.name, key, len(dig.stories), "dry-run", rendered=digest.render(dig, fmt))
    if not dig.stories:
        return DigestResult(sub.name, key, 0, "empty", "nothing new")
    try:
        message = digest.outgoing(dig, channel.kind, channel.format)
        detail = notify.send(channel, message, out=out, timeout=ctx.cfg.fetch.timeout)
    except MonitorError as exc:
        log.warning("digest subscriber=%s channel=%s status=error error=%s", sub.name, key, exc)
        return DigestResult(sub.name, key, len(dig.stories), "error", str(exc))
    ctx.store.record_delivery(sub.name, key, [s.story_id for s in dig.stories])
    log.info("digest subscriber=%s channel=%s status=sent stories=%d", sub.name, key, len(dig.stories))
    return DigestResult(sub.name, key, len(dig.stories), "sent", detail)
