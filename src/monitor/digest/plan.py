"""Cutting a digest into messages that each fit their chat platform's limit, or a mail client's.

In: a `Digest` and a webhook format (or email). Out: `Page`s (the stories of each message), in order,
every story on exactly one page. A page is cut between stories, never inside one; a story
too long for a message on its own is shortened (snippet, reposts, then title), never dropped.
Pure. Sizes are measured as the platforms count them, on the whole request body as sent
(compact JSON): UTF-8 bytes for WeCom, DingTalk and Feishu; characters and blocks for Slack.
An email is held to EMAIL_HTML_BYTES of HTML: Gmail shows about 100 KB of it and hides the rest
behind "[Message clipped]", where the last stories of a long digest went unread.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from ..models import Digest, Story
from .common import Entry, Page, held, more_entry, named, whole
from .payloads import webhook_payload
from .render import body, html_document

WECOM_BYTES = 4_096  # markdown.content (we hold the whole body to it)
DINGTALK_BYTES = 20_000  # markdown.text (we hold the whole body to it)
FEISHU_BYTES = 20_000  # the request body of a custom bot (cards may reach 30 KB; posts are held to 20)
FEISHU_SIGN_RESERVE = 120  # "timestamp" and "sign", added to the body when the channel signs
SLACK_CHARS = 40_000  # Slack truncates past this many characters; we count the whole JSON body
SLACK_BLOCKS = 50
SLACK_SECTION_CHARS = 3_000
EMAIL_HTML_BYTES = 90_000  # of the HTML document, UTF-8; a tenth under where Gmail clips
LIMITED = ("wecom", "dingtalk", "feishu", "slack")
RESEND_ROOM = 64  # bytes (Slack: characters) each page keeps for `again`'s short note, should it go twice
_SHRINK_LEVELS = 5


def _json(payload: dict[str, Any]) -> str:
    # What notify sends: compact separators, UTF-8 as is.
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def _slack_ok(payload: dict[str, Any], room: int = 0) -> bool:
    blocks = payload["blocks"]
    return (len(blocks) <= SLACK_BLOCKS and len(_json(payload)) + room <= SLACK_CHARS
            and all(len(b["text"]["text"]) <= SLACK_SECTION_CHARS for b in blocks if b["type"] == "section"))


def fits(fmt: str, payload: dict[str, Any], room: int = 0) -> bool:
    """Whether `payload` is within `fmt`'s platform limit (formats without one always fit), with
    `room` bytes (Slack: characters) to spare."""
    # WeCom and DingTalk count their markdown field; we hold the whole body to the limit, which
    # also holds the field (JSON escapes only add bytes) whichever of the two a receiver counts.
    if fmt == "wecom":
        return len(_json(payload).encode()) + room <= WECOM_BYTES
    if fmt == "dingtalk":
        return len(_json(payload).encode()) + room <= DINGTALK_BYTES
    if fmt == "feishu":
        return len(_json(payload).encode()) + FEISHU_SIGN_RESERVE + room <= FEISHU_BYTES
    if fmt == "slack":
        return _slack_ok(payload, room)
    return True


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: max(0, n - 1)] + "…" if n else ""


def shrink(story: Story, level: int) -> Story:
    """`story` shortened within itself: the higher `level` (1–5), the less of it is kept."""
    if level <= 0:
        return story
    keep = {1: 5, 2: 1}.get(level, 0)
    listed = named(story.reposts)
    more = story.more_reposts + max(0, len(listed) - keep)
    reposts = listed[:keep]
    if more:  # say how many were left out rather than drop them silently
        reposts += (more_entry(more),)
    return replace(story, reposts=reposts, more_reposts=more,
                   snippet=_cut(story.snippet, {1: 160, 2: 60}.get(level, 0)),
                   title=_cut(story.title, {1: 200, 2: 120, 3: 80, 4: 40}.get(level, 16)),
                   url=story.url if level < 4 or len(story.url) <= 300 else "",
                   source=story.source if level < 5 else _cut(story.source, 20),
                   topics=story.topics if level < 5 else ())


def email_fits(digest: Digest, page: Page, most: int | None = None) -> bool:
    """Whether an email of `page` is shown whole (its HTML within EMAIL_HTML_BYTES) and, given
    `most`, is at most that many bytes as sent (a mail server's size limit)."""
    html = len(html_document(digest, body(digest, "html", page)).encode())
    return html <= EMAIL_HTML_BYTES and (most is None or email_bytes(html, len(body(digest, "text", page).encode()))
                                         <= most)


EMAIL_HEADERS = 3_000  # bytes an email's headers and MIME boundaries may take (a long subject in UTF-8 words)


def email_bytes(html: int, text: int) -> int:
    """An email's size as sent, from its two parts' bytes: each in base64 (4 bytes per 3, lines
    of 76 and CRLF), and the headers."""
    return sum(-(-n // 3) * 4 * 78 // 76 + 2 for n in (html, text + 1)) + EMAIL_HEADERS


def paginate(digest: Digest, fmt: str, kind: str = "webhook", most: int | None = None) -> list[Page]:
    """The digest's stories cut into pages that each fit `fmt`'s limit (an email's when `kind`
    is email), and `most` bytes as sent when given (a receiver refused a larger one); one page if
    there is no limit."""
    everything = whole(digest)
    if kind == "email":
        if not everything.entries or email_fits(digest, everything, most):
            return [everything]
        return _paginate(digest, lambda page: email_fits(digest, page, most))
    if (fmt not in LIMITED and most is None) or not everything.entries:
        return [everything]

    def fit(page: Page) -> bool:
        payload = webhook_payload(digest, fmt, page)
        return fits(fmt, payload, RESEND_ROOM) and (
            most is None or len(_json(payload).encode()) + FEISHU_SIGN_RESERVE + RESEND_ROOM <= most)

    return [everything] if fit(everything) else _paginate(digest, fit)


def _paginate(digest: Digest, fit: Callable[[Page], bool]) -> list[Page]:
    hold = held(digest)

    def ok(entries: Sequence[Entry]) -> bool:
        # Measured with the longest label a page can get, "(999/999)", and the held-stories line.
        return fit(Page(tuple(entries), 999, 999, hold))

    pages: list[list[Entry]] = [[]]
    for topic, story, n in whole(digest).entries:
        entry = _fitted(ok, topic, story, n)
        if pages[-1] and not ok([*pages[-1], entry]):
            pages.append([])
        pages[-1].append(entry)
    return [Page(tuple(p), i, len(pages), hold) for i, p in enumerate(pages, 1)]


def _fitted(ok: Callable[[Sequence[Entry]], bool], topic: str, story: Story, n: int) -> Entry:
    """The entry for `story`, shortened until a page holding it alone fits."""
    for level in range(_SHRINK_LEVELS + 1):
        entry = (topic, shrink(story, level), n)
        if ok([entry]):
            return entry
    raise ValueError(f"story {story.story_id} cannot fit one message even shortened")  # limits far below a title
