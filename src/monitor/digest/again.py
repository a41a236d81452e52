"""A message sent again after a try whose outcome nobody knows, marked so its reader can tell.

In: an `Outgoing` whose last try may have reached its receiver (the receiver took it and never
answered, or the sender died while it was under way). Out: the same message with a short note
where its reader looks first: the subject, the top of the text and HTML, and the chat payload's
title or first line (within the platform's limit: a page filled to it takes a short note, and
one too full for that the `X-Monitor-Resend` header alone). Pure.
"""

from __future__ import annotations

import copy
import dataclasses
import html
from typing import Any

from ..models import Outgoing
from .plan import fits

NOTE = "Sent again: the last try's outcome is unknown, so you may have had this message already."
TAG = "(sent again)"


def resent(message: Outgoing) -> Outgoing:
    """`message` marked as a possible repeat (its key, stories and recipients unchanged)."""
    changes: dict[str, Any] = {"subject": f"{TAG} {message.subject}"}
    if message.text is not None:
        changes["text"] = f"{NOTE}\n\n{message.text}"
    if message.html is not None:
        changes["html"] = _html(message.html)
    if message.payload is not None:  # a page filled to its platform's limit takes the short note, or none
        changes["payload"] = next((p for note in (NOTE, TAG) if fits(message.format, p := _payload(
            message.format, copy.deepcopy(message.payload), note))), message.payload)
    return dataclasses.replace(message, **changes)


def _html(document: str) -> str:
    note = f'<p style="color:#a15c00"><em>{html.escape(NOTE)}</em></p>\n'
    at = document.find(">", document.find("<body")) + 1 if "<body" in document else 0
    return document[:at] + "\n" + note + document[at:].lstrip("\n") if at else note + document


def _payload(fmt: str, payload: dict[str, Any], note: str) -> dict[str, Any]:
    """The payload of `fmt` with `note` first in what its reader sees."""
    if fmt == "json":
        payload["resend"] = True
        if isinstance(payload.get("subject"), str):
            payload["subject"] = f"{TAG} {payload['subject']}"
    elif fmt == "slack":
        payload["text"] = f"{TAG} {payload.get('text', '')}"
        blocks = payload.get("blocks") or []
        if blocks and blocks[0].get("type") == "header":
            blocks[0]["text"]["text"] = f"{TAG} {blocks[0]['text']['text']}"[:150]
        if note != TAG:  # a page of 50 blocks has room for none more: its header says it
            blocks.insert(1 if blocks else 0, {"type": "context", "elements": [{"type": "mrkdwn", "text": note}]})
    elif fmt in ("dingtalk", "wecom"):
        md = payload.get("markdown") or {}
        field = "text" if fmt == "dingtalk" else "content"
        md[field] = f"*{note}*\n\n{md.get(field, '')}"
        if "title" in md:
            md["title"] = f"{TAG} {md['title']}"
    elif fmt == "feishu":
        post = payload.get("content", {}).get("post", {}).get("zh_cn")
        if post is not None:
            post["title"] = f"{TAG} {post.get('title', '')}"
            post.setdefault("content", []).insert(0, [{"tag": "text", "text": note}])
        elif isinstance(payload.get("content", {}).get("text"), str):
            payload["content"]["text"] = f"{note}\n{payload['content']['text']}"
    elif fmt == "markdown":
        payload["text"] = f"*{note}*\n\n{payload.get('text', '')}"
    return payload
