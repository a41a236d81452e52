"""Digests: a `Digest` → text, Markdown, HTML, channel payloads, and the messages that carry it.

In: a `Digest` whose stories the caller has already chosen and capped. Out: strings, JSON-ready
dicts and `Outgoing` messages, each within its channel's limit. Never does I/O, never prints,
never reads the clock: every time shown comes from the Digest, in Asia/Shanghai.

- `common`: times, escapes, highlighting, display order, subject lines, `Page`;
- `render`: text, Markdown and HTML; `payloads`: webhook bodies per platform;
- `plan`: cutting a digest into messages within each platform's limit.
- `again`: a message sent again after a try of unknown outcome, marked so.
"""

from __future__ import annotations

import json
from typing import Any

from ..models import Digest, Outgoing
from .common import (
    Page,
    digest_id,
    highlight,
    local_date,
    local_time,
    message_key,
    placed,
    stories_count,
    story_terms,
    subject,
    title,
    whole,
)
from .payloads import PAYLOAD_FORMATS, json_payload, webhook_payload
from .plan import LIMITED, email_bytes, fits, paginate, shrink
from .render import FORMATS, body, html_document

__all__ = ["FORMATS", "LIMITED", "PAYLOAD_FORMATS", "Page", "digest_id", "email_bytes", "fits", "highlight", "local_date",
           "local_time", "message_key", "outgoing", "placed", "plan", "render", "shrink", "stories_count",
           "story_terms", "subject", "webhook_payload"]


def render(digest: Digest, fmt: str = "text") -> str:
    """The whole digest as text, markdown, html, or json (our webhook schema, pretty-printed)."""
    if fmt == "json":
        return json.dumps(json_payload(digest, whole(digest)), ensure_ascii=False, indent=2) + "\n"
    if fmt not in ("text", "markdown", "html"):
        raise ValueError(f"unknown digest format {fmt!r}; use one of: {', '.join(FORMATS)}")
    text = body(digest, fmt)
    return html_document(digest, text) if fmt == "html" else text + "\n"


def plan(digest: Digest, kind: str, fmt: str, channel: str = "", most: int | None = None) -> list[Outgoing]:
    """The messages that carry `digest` on one channel (kind, format, channel key), in order.

    Chat webhooks (wecom, dingtalk, feishu, slack) get as many messages as their limits need;
    emails as many as a mail client shows whole; with `most`, an email or a webhook's messages are
    each within that many bytes (a receiver refused a larger one); every other channel gets one.
    Each message names its stories and a stable idempotency key.
    """
    try:
        if kind == "webhook":
            if fmt not in PAYLOAD_FORMATS:
                raise ValueError(f"unknown webhook format {fmt!r}; use one of: {', '.join(PAYLOAD_FORMATS)}")
            return [_webhook(digest, page, fmt, channel) for page in paginate(digest, fmt, kind, most)]
        if kind == "email":  # as several emails when one would be clipped by the mail client
            return [_message(digest, page, fmt, channel, text=body(digest, "text", page) + "\n",
                             html=html_document(digest, body(digest, "html", page)))
                    for page in paginate(digest, fmt, kind, most)]
        return [_message(digest, whole(digest), fmt, channel, text=render(digest, fmt or "text"))]
    except ValueError as exc:  # an unknown format: delivery reports it as the channel's error
        return [_message(digest, whole(digest), fmt, channel, problem=str(exc))]


def outgoing(digest: Digest, kind: str, fmt: str) -> Outgoing:
    """`digest` as one message, whatever its size (previews and tests; delivery uses `plan`)."""
    if kind == "webhook" and fmt in LIMITED:
        return _webhook(digest, whole(digest), fmt, "")
    if kind == "email":
        return _message(digest, whole(digest), fmt, "", text=render(digest, "text"), html=render(digest, "html"))
    return plan(digest, kind, fmt)[0]


def _key(digest: Digest, page: Page, channel: str) -> str:
    ids = [s.story_id for _, s, _ in page.entries]
    return message_key(digest.subscriber, channel, ids) if ids else digest_id(digest)


def _webhook(digest: Digest, page: Page, fmt: str, channel: str) -> Outgoing:
    key = _key(digest, page, channel)
    return _message(digest, page, fmt, channel, payload=webhook_payload(digest, fmt, page, key))


def _message(digest: Digest, page: Page, fmt: str, channel: str, **content: Any) -> Outgoing:
    return Outgoing(subscriber=digest.subscriber, subject=title(digest, page), digest_id=digest_id(digest),
                    day=local_date(digest.generated_at), stories=len(page.entries), format=fmt,
                    key=_key(digest, page, channel), story_ids=tuple(s.story_id for _, s, _ in page.entries),
                    part=page.index, parts=page.count, **content)
