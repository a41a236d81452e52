"""Webhook payloads: one page of a digest as the JSON body each receiver expects.

In: a `Digest`, a `Page` and the message's idempotency key. Out: JSON-ready dicts for our own
schema (`json`), Slack, DingTalk, WeCom, Feishu and plain Markdown. Pure; whether a payload
fits its platform's limit is `plan`'s business.
"""

from __future__ import annotations

from typing import Any

from .. import snippets
from ..models import Digest, Story, outlet
from .common import (
    Page,
    digest_id,
    empty_line,
    held,
    held_line,
    highlight,
    iso,
    meta,
    named,
    safe_url,
    since_line,
    slack_escape,
    slack_url,
    story_terms,
    title,
    whole,
)
from .render import body

PAYLOAD_FORMATS = ("json", "slack", "dingtalk", "wecom", "feishu", "markdown")


def _json_story(story: Story) -> dict[str, Any]:
    return {"id": story.story_id, "title": story.title, "url": story.url, "source": story.source,
            "published": iso(story.published), "topics": list(story.topics), "snippet": story.snippet,
            "terms": [t for t in story_terms(story) if snippets.find_spans(story.snippet, [t])],
            "reposts": [{"source": r.source, "url": r.url, "title": r.title} for r in named(story.reposts)],
            "more_reposts": story.more_reposts}


def json_payload(digest: Digest, page: Page, key: str = "") -> dict[str, Any]:
    """Our own schema: the digest's fields and this message's stories."""
    return {"version": 1, "digest_id": digest_id(digest), "message_id": key or None,
            "part": page.index, "parts": page.count, "subscriber": digest.subscriber,
            "subject": title(digest, page), "generated_at": iso(digest.generated_at), "since": iso(digest.since),
            "topics": list(digest.topics), "total": len(digest.stories) + held(digest),
            "stories": [_json_story(s) for _, s, _ in page.entries]}


def slack_section(story: Story, topic: str) -> dict[str, Any]:
    """One story as a Slack mrkdwn section block."""
    safe, head = safe_url(story.url), slack_escape(story.title)
    lines = [f"*<{slack_url(safe)}|{head}>*" if safe else f"*{head}*", slack_escape(meta(story, topic))]
    if story.snippet:
        lines.append("> " + highlight(story.snippet, story_terms(story), "slack"))
    if story.reposts:
        lines.append("also reported by: " + ", ".join(
            f"<{slack_url(r.url)}|{slack_escape(outlet(r.source, r.url))}>" if safe_url(r.url) else slack_escape(r.source)
            for r in story.reposts))
    return {"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(lines)}}


def _slack_context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": slack_escape(text)}]}


def _slack(digest: Digest, page: Page) -> dict[str, Any]:
    head = title(digest, page)
    blocks = [{"type": "header", "text": {"type": "plain_text", "text": head[:150]}},
              _slack_context(since_line(digest) if page.entries else empty_line(digest))]
    last = None
    for topic, story, _ in page.entries:
        if topic != last:
            blocks += [{"type": "divider"}, _slack_context(topic)]
        blocks.append(slack_section(story, topic))
        last = topic
    if page.held and page.index == page.count:
        blocks.append(_slack_context(held_line(page.held)))
    return {"text": head, "blocks": blocks}


def _feishu_text(text: str) -> dict[str, Any]:
    return {"tag": "text", "text": text}


def _feishu_link(text: str, url: str) -> dict[str, Any]:
    safe = safe_url(url)
    return {"tag": "a", "text": text, "href": safe} if safe else _feishu_text(text)


def _feishu_story(story: Story, topic: str, n: int) -> list[list[dict[str, Any]]]:
    # Feishu posts have no highlight style for custom bots, so terms get the text brackets.
    rows = [[_feishu_text(f"{n}. "), _feishu_link(story.title, story.url)], [_feishu_text(meta(story, topic))]]
    if story.snippet:
        rows.append([_feishu_text(highlight(story.snippet, story_terms(story), "text"))])
    if story.reposts:
        row = [_feishu_text("also reported by: ")]
        for i, r in enumerate(story.reposts):
            row += ([_feishu_text(", ")] if i else []) + [_feishu_link(outlet(r.source, r.url), r.url)]
        rows.append(row)
    return [*rows, [_feishu_text("")]]


def _feishu(digest: Digest, page: Page) -> dict[str, Any]:
    if not page.entries:  # a post needs content; an empty digest is one line of text
        return {"msg_type": "text", "content": {"text": f"{title(digest, page)}\n{empty_line(digest)}"}}
    rows: list[list[dict[str, Any]]] = [[_feishu_text(since_line(digest))]]
    last = None
    for topic, story, n in page.entries:
        if topic != last:
            rows.append([_feishu_text(f"【{topic}】")])
        rows += _feishu_story(story, topic, n)
        last = topic
    if page.held and page.index == page.count:
        rows.append([_feishu_text(held_line(page.held))])
    return {"msg_type": "post", "content": {"post": {"zh_cn": {"title": title(digest, page), "content": rows}}}}


def webhook_payload(digest: Digest, fmt: str, page: Page | None = None, key: str = "") -> dict[str, Any]:
    """The JSON body for a webhook of `fmt` carrying `page` (default: the whole digest)."""
    page = page or whole(digest)
    if fmt == "json":
        return json_payload(digest, page, key)
    if fmt == "slack":
        return _slack(digest, page)
    if fmt == "dingtalk":
        return {"msgtype": "markdown", "markdown": {"title": title(digest, page), "text": body(digest, "markdown", page)}}
    if fmt == "wecom":
        return {"msgtype": "markdown", "markdown": {"content": body(digest, "markdown", page)}}
    if fmt == "feishu":
        return _feishu(digest, page)
    if fmt == "markdown":
        return {"text": body(digest, "markdown", page)}
    raise ValueError(f"unknown webhook format {fmt!r}; use one of: {', '.join(PAYLOAD_FORMATS)}")
