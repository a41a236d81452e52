"""Which channels a config gives each subscriber, and the stable name each is recorded under.

In: a config (or a subscriber). Out: (subscriber, channel) pairs; channel keys (`channel_key`);
the keys a config configures, or configures with settings other than another config's.
"""

from __future__ import annotations

import hashlib
from typing import Any

from ..config import Channel, Subscriber
from .base import Context


def channel_key(channel: Channel) -> str:
    """A stable name for a channel, used to record what it was sent.

    Webhook URLs carry tokens, so only a hash of the URL is kept (and logged).
    """
    if channel.kind == "webhook":
        return "webhook:" + hashlib.sha256((channel.url or "").encode()).hexdigest()[:12]
    target = {"email": ",".join(channel.to), "file": channel.path}.get(channel.kind, "")
    return f"{channel.kind}:{target}" if target else channel.kind


def channel_pairs(ctx: Context, subscriber: str | None) -> list[tuple[Subscriber, Channel]]:
    """(subscriber, channel) for one subscriber or all; one without channels prints to stdout."""
    subs = [ctx.cfg.subscriber(subscriber)] if subscriber else list(ctx.cfg.subscribers)
    return [(sub, ch) for sub in subs for ch in channels_of(sub)]


def channels_of(sub: Subscriber) -> tuple[Channel, ...]:
    return tuple(sub.channels) or (Channel(kind="stdout", format=sub.format),)


def configured_channels(cfg: Any) -> set[tuple[str, str]]:
    """(subscriber, channel key) of every channel `cfg` configures (`/metrics` keeps only their series)."""
    return {(sub.name, channel_key(ch)) for sub in cfg.subscribers for ch in channels_of(sub)}


def mended_channels(old: Any, new: Any) -> set[tuple[str, str]]:
    """(subscriber, channel key) of each channel `new` configures with settings other than in `old`
    under the same key (an email channel's smtp_host, port, security or username; the key is its
    recipients): what failed its messages may be put right."""
    before = {(sub.name, channel_key(ch)): ch for sub in old.subscribers for ch in channels_of(sub)}
    return {(sub.name, key) for sub in new.subscribers for ch in channels_of(sub)
            if (key := channel_key(ch)) and (sub.name, key) in before and before[sub.name, key] != ch}
