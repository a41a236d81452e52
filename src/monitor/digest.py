"""Digest rendering: a `Digest` → text, Markdown, HTML, a subject line or a webhook payload.

In: a `Digest` whose stories the caller has already chosen and capped. Out: strings and
JSON-ready dicts. Never does I/O, never prints, never reads the clock: every time shown comes
from the Digest, converted to Asia/Shanghai for display.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

from . import snippets
from .models import Digest, Outgoing, Story

TZ = ZoneInfo("Asia/Shanghai")
FORMATS = ("text", "markdown", "html", "json")
PAYLOAD_FORMATS = ("json", "slack", "dingtalk", "wecom", "feishu", "markdown")
# Platform size limits (bytes of UTF-8, or Slack's block count); past them the platform
# rejects the whole message, so we drop whole stories and say how many.
_LIMITS = {"dingtalk": 18_000, "wecom": 4_000, "feishu": 18_000}
_SLACK_MAX_BLOCKS = 50
_SLACK_MAX_TEXT = 3_000


# ---------------------------------------------------------------- small helpers

def _utc(dt: datetime) -> datetime:
    # Naive datetimes should not reach us (models keep UTC-aware times); treat them as UTC.
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt


def local_time(dt: datetime | None) -> str:
    """`2026-11-26 09:30` in Asia/Shanghai, or `time unknown`."""
    return _utc(dt).astimezone(TZ).strftime("%Y-%m-%d %H:%M") if dt else "time unknown"


def local_date(dt: datetime) -> str:
    """`2026-11-26`: the Asia/Shanghai calendar date of `dt`."""
    return _utc(dt).astimezone(TZ).strftime("%Y-%m-%d")


def _iso(dt: datetime | None) -> str | None:
    return _utc(dt).astimezone(timezone.utc).isoformat() if dt else None


def _safe_url(url: str) -> str | None:
    # Article URLs come from third-party pages: never turn javascript: or data: into a link.
    return url if re.match(r"^https?://", url or "", re.IGNORECASE) else None


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>])", r"\\\1", text)


def _md_url(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slack_url(url: str) -> str:
    return url.replace("|", "%7C").replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")


_ESCAPE: dict[str, Callable[[str], str]] = {
    "text": lambda s: s, "markdown": _md_escape,
    "html": lambda s: html.escape(s, quote=False), "slack": _slack_escape,
}
_MARK = {"text": ("【", "】"), "markdown": ("**", "**"), "html": ("<mark>", "</mark>"), "slack": ("*", "*")}


def _spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of the terms in `text`, overlapping or touching ones merged into one."""
    # Merging keeps markup valid: `**对口****合作**` is not bold in Markdown; `**对口合作**` is.
    merged: list[tuple[int, int]] = []
    for start, end in sorted(snippets.find_spans(text, terms)):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, terms: Iterable[str], fmt: str) -> str:
    """`text` escaped for `fmt` (text|markdown|html|slack) with each term marked where it occurs.

    Terms are found in textnorm's normal form, so matching ignores case, full/half width and
    traditional/simplified (对口合作 marks 對口合作); the original characters are what is shown.
    """
    if fmt not in _MARK:
        raise ValueError(f"unknown highlight format {fmt!r}; use one of: {', '.join(_MARK)}")
    escape, (open_, close) = _ESCAPE[fmt], _MARK[fmt]
    out, pos = [], 0
    for start, end in _spans(text, [t for t in terms if t and t.strip()]):
        out += [escape(text[pos:start]), open_, escape(text[start:end]), close]
        pos = end
    return "".join(out) + escape(text[pos:])


def story_terms(story: Story) -> list[str]:
    """The terms to highlight in a story: each Hit's term, once."""
    return list(dict.fromkeys(h.term for h in story.hits if h.term))


def digest_id(digest: Digest) -> str:
    """A stable id for (subscriber, set of stories), so receivers can drop a re-sent digest."""
    ids = ",".join(str(i) for i in sorted(s.story_id for s in digest.stories))
    # An empty digest has no stories to tell one "nothing new" from the next; its time does.
    ids = ids or f"empty@{_iso(digest.generated_at)}"
    return hashlib.sha256(f"{digest.subscriber}\n{ids}".encode()).hexdigest()[:32]


def _hidden(digest: Digest) -> int:
    # Stories matched but cut by the subscriber's cap; they go out in the next digest.
    total = digest.total
    return max(0, total - len(digest.stories)) if isinstance(total, int) else 0


def placed(digest: Digest) -> Iterator[tuple[str, Story]]:
    """(topic, story) pairs: each story once, under its first topic in config order, newest first."""
    order = list(digest.topics)
    for story in digest.stories:  # topics the subscriber did not list still get shown, last
        order += [t for t in story.topics if t not in order]
    groups: dict[str, list[Story]] = {t: [] for t in order + ["other"]}
    for story in digest.stories:
        groups[next((t for t in order if t in story.topics), "other")].append(story)
    for topic, stories in groups.items():
        newest = sorted(stories, key=lambda s: _utc(s.published).timestamp() if s.published else float("-inf"),
                        reverse=True)
        yield from ((topic, s) for s in newest)


def stories_count(n: int) -> str:
    """`1 story`, `5 stories`."""
    return f"{n} stor{'y' if n == 1 else 'ies'}"


def subject(digest: Digest) -> str:
    """`沪明对口合作 digest · 2026-11-26 · 5 stories` (date in Asia/Shanghai)."""
    topics = list(digest.topics)
    names = "、".join(topics[:3]) + (f" +{len(topics) - 3}" if len(topics) > 3 else "") or digest.subscriber
    n = len(digest.stories) + _hidden(digest)
    count = stories_count(n) if n else "no new stories"
    return f"{names} digest · {local_date(digest.generated_at)} · {count}"


def _since(digest: Digest) -> str:
    when = f"new since {local_time(digest.since)} (Asia/Shanghai)" if digest.since else "first digest"
    return f"for {digest.subscriber} · {when}"


def _empty_line(digest: Digest) -> str:
    return f"No new stories since {local_time(digest.since)}." if digest.since else "No new stories yet."


def _more_line(n: int) -> str:
    return f"… and {stories_count(n).replace(' ', ' more ', 1)} not shown."


def _meta(story: Story, topic: str) -> str:
    others = [t for t in story.topics if t != topic]
    also = [f"also in: {'、'.join(others)}"] if others else []
    return " · ".join([story.source, local_time(story.published)] + also)


# ---------------------------------------------------------------- text, markdown, html

def _text_story(story: Story, topic: str, n: int) -> str:
    lines = [f"{n}. {story.title}", f"   {_meta(story, topic)}", f"   {story.url}"]
    if story.snippet:
        lines.append(f"   {highlight(story.snippet, story_terms(story), 'text')}")
    if story.reposts:
        lines.append("   also reported by: " + ", ".join(f"{r.source} <{r.url}>" for r in story.reposts))
    return "\n".join(lines)


def _md_link(title: str, url: str) -> str:
    safe = _safe_url(url)
    return f"[{_md_escape(title)}]({_md_url(safe)})" if safe else _md_escape(title)


def _md_story(story: Story, topic: str, n: int) -> str:
    lines = [f"**{n}. {_md_link(story.title, story.url)}**  ", _md_escape(_meta(story, topic))]
    if story.snippet:
        lines += ["", "> " + highlight(story.snippet, story_terms(story), "markdown")]
    if story.reposts:
        lines += ["", "also reported by: " + ", ".join(_md_link(r.source, r.url) for r in story.reposts)]
    return "\n".join(lines)


def _html_link(title: str, url: str) -> str:
    safe = _safe_url(url)
    label = html.escape(title, quote=False)
    return f'<a href="{html.escape(safe, quote=True)}">{label}</a>' if safe else label


def _html_story(story: Story, topic: str, n: int) -> str:
    parts = [f'<div style="margin:0 0 1.2em 0"><div><strong>{n}. {_html_link(story.title, story.url)}</strong></div>',
             f'<div style="color:#666;font-size:90%">{html.escape(_meta(story, topic), quote=False)}</div>']
    if story.snippet:
        parts.append(f"<div>{highlight(story.snippet, story_terms(story), 'html')}</div>")
    if story.reposts:
        links = ", ".join(_html_link(r.source, r.url) for r in story.reposts)
        parts.append(f'<div style="color:#666;font-size:90%">also reported by: {links}</div>')
    return "\n".join(parts) + "</div>"


_STYLES: dict[str, dict[str, Any]] = {
    "text": {"title": lambda s: f"{s}\n{'=' * 40}", "line": lambda s: s, "topic": lambda t: f"== {t} ==",
             "story": _text_story, "sep": "\n\n"},
    "markdown": {"title": lambda s: f"# {_md_escape(s)}", "line": lambda s: f"_{_md_escape(s)}_",
                 "topic": lambda t: f"## {_md_escape(t)}", "story": _md_story, "sep": "\n\n"},
    "html": {"title": lambda s: f"<h1 style=\"font-size:130%\">{html.escape(s, quote=False)}</h1>",
             "line": lambda s: f"<p style=\"color:#666\">{html.escape(s, quote=False)}</p>",
             "topic": lambda t: f"<h2 style=\"font-size:115%\">{html.escape(t, quote=False)}</h2>",
             "story": _html_story, "sep": "\n"},
}


def _body(digest: Digest, fmt: str, limit: int | None = None) -> str:
    """The rendered digest; with `limit` (UTF-8 bytes), whole stories are dropped to fit it."""
    st = _STYLES[fmt]
    parts = [st["title"](subject(digest)), st["line"](_since(digest))]
    if not digest.stories:
        return st["sep"].join(parts + [st["line"](_empty_line(digest))])
    used, shown, last, reserve = len(st["sep"].join(parts).encode()), 0, None, 200
    for topic, story in placed(digest):
        add = ([st["topic"](topic)] if topic != last else []) + [st["story"](story, topic, shown + 1)]
        size = len(st["sep"].join([""] + add).encode())
        if limit is not None and used + size + reserve > limit:
            break
        parts, used, shown, last = parts + add, used + size, shown + 1, topic
    more = len(digest.stories) - shown + _hidden(digest)
    return st["sep"].join(parts + ([st["line"](_more_line(more))] if more else []))


def _html_document(digest: Digest, body: str) -> str:
    title = html.escape(subject(digest), quote=False)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head><meta charset="utf-8"><title>{title}</title></head>\n'
            f'<body style="font-family:sans-serif;line-height:1.5">\n{body}\n</body>\n</html>\n')


def render(digest: Digest, fmt: str = "text") -> str:
    """The whole digest as text, markdown, html, or json (our webhook schema, pretty-printed)."""
    if fmt == "json":
        return json.dumps(webhook_payload(digest, "json"), ensure_ascii=False, indent=2) + "\n"
    if fmt not in _STYLES:
        raise ValueError(f"unknown digest format {fmt!r}; use one of: {', '.join(FORMATS)}")
    body = _body(digest, fmt)
    return _html_document(digest, body) if fmt == "html" else body + "\n"


# ---------------------------------------------------------------- webhook payloads

def _json_story(story: Story) -> dict[str, Any]:
    return {"id": story.story_id, "title": story.title, "url": story.url, "source": story.source,
            "published": _iso(story.published), "topics": list(story.topics), "snippet": story.snippet,
            "terms": [t for t in story_terms(story) if snippets.find_spans(story.snippet, [t])],
            "reposts": [{"source": r.source, "url": r.url, "title": r.title} for r in story.reposts]}


def _json(digest: Digest) -> dict[str, Any]:
    return {"version": 1, "digest_id": digest_id(digest), "subscriber": digest.subscriber,
            "subject": subject(digest), "generated_at": _iso(digest.generated_at), "since": _iso(digest.since),
            "topics": list(digest.topics), "total": len(digest.stories) + _hidden(digest),
            "stories": [_json_story(s) for _, s in placed(digest)]}


def _slack_story(story: Story, topic: str) -> dict[str, Any]:
    safe, title = _safe_url(story.url), _slack_escape(story.title)
    lines = [f"*<{_slack_url(safe)}|{title}>*" if safe else f"*{title}*", _slack_escape(_meta(story, topic))]
    if story.snippet:
        lines.append("> " + highlight(story.snippet, story_terms(story), "slack"))
    if story.reposts:
        lines.append("also reported by: " + ", ".join(
            f"<{_slack_url(r.url)}|{_slack_escape(r.source)}>" if _safe_url(r.url) else _slack_escape(r.source)
            for r in story.reposts))
    return {"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(lines)[:_SLACK_MAX_TEXT]}}


def _slack(digest: Digest) -> dict[str, Any]:
    def context(text: str) -> dict[str, Any]:
        return {"type": "context", "elements": [{"type": "mrkdwn", "text": _slack_escape(text)}]}

    blocks = [{"type": "header", "text": {"type": "plain_text", "text": subject(digest)[:150]}},
              context(_since(digest) if digest.stories else _empty_line(digest))]
    shown, last = 0, None
    for topic, story in placed(digest):
        add = ([{"type": "divider"}, context(topic)] if topic != last else []) + [_slack_story(story, topic)]
        if len(blocks) + len(add) > _SLACK_MAX_BLOCKS - 1:  # keep one block for "and N more"
            break
        blocks, shown, last = blocks + add, shown + 1, topic
    more = len(digest.stories) - shown + _hidden(digest)
    return {"text": subject(digest), "blocks": blocks + ([context(_more_line(more))] if more else [])}


def _feishu_text(text: str) -> dict[str, Any]:
    return {"tag": "text", "text": text}


def _feishu_link(text: str, url: str) -> dict[str, Any]:
    safe = _safe_url(url)
    return {"tag": "a", "text": text, "href": safe} if safe else _feishu_text(text)


def _feishu_story(story: Story, topic: str, n: int) -> list[list[dict[str, Any]]]:
    # Feishu posts have no highlight style for custom bots, so terms get the text brackets.
    rows = [[_feishu_text(f"{n}. "), _feishu_link(story.title, story.url)], [_feishu_text(_meta(story, topic))]]
    if story.snippet:
        rows.append([_feishu_text(highlight(story.snippet, story_terms(story), "text"))])
    if story.reposts:
        row = [_feishu_text("also reported by: ")]
        for i, r in enumerate(story.reposts):
            row += ([_feishu_text(", ")] if i else []) + [_feishu_link(r.source, r.url)]
        rows.append(row)
    return rows + [[_feishu_text("")]]


def _feishu(digest: Digest) -> dict[str, Any]:
    if not digest.stories:  # a post needs content; an empty digest is one line of text
        return {"msg_type": "text", "content": {"text": f"{subject(digest)}\n{_empty_line(digest)}"}}
    rows: list[list[dict[str, Any]]] = [[_feishu_text(_since(digest))]]
    used, shown, last = 0, 0, None
    for topic, story in placed(digest):
        add = ([[_feishu_text(f"【{topic}】")]] if topic != last else []) + _feishu_story(story, topic, shown + 1)
        size = len(json.dumps(add, ensure_ascii=False).encode())
        if used + size > _LIMITS["feishu"]:
            break
        rows, used, shown, last = rows + add, used + size, shown + 1, topic
    more = len(digest.stories) - shown + _hidden(digest)
    rows += [[_feishu_text(_more_line(more))]] if more else []
    return {"msg_type": "post", "content": {"post": {"zh_cn": {"title": subject(digest), "content": rows}}}}


def webhook_payload(digest: Digest, fmt: str) -> dict[str, Any]:
    """The JSON body for a webhook of `fmt`: json | slack | dingtalk | wecom | feishu | markdown."""
    if fmt == "json":
        return _json(digest)
    if fmt == "slack":
        return _slack(digest)
    if fmt == "dingtalk":
        return {"msgtype": "markdown", "markdown": {"title": subject(digest),
                                                    "text": _body(digest, "markdown", _LIMITS["dingtalk"])}}
    if fmt == "wecom":
        return {"msgtype": "markdown", "markdown": {"content": _body(digest, "markdown", _LIMITS["wecom"])}}
    if fmt == "feishu":
        return _feishu(digest)
    if fmt == "markdown":
        return {"text": _body(digest, "markdown")}
    raise ValueError(f"unknown webhook format {fmt!r}; use one of: {', '.join(PAYLOAD_FORMATS)}")


def outgoing(digest: Digest, kind: str, fmt: str) -> Outgoing:
    """`digest` rendered for one channel kind (email, webhook, file, stdout) and format."""
    base: dict[str, Any] = {"subscriber": digest.subscriber, "subject": subject(digest), "digest_id": digest_id(digest),
            "day": local_date(digest.generated_at), "stories": len(digest.stories), "format": fmt}
    try:
        if kind == "email":
            return Outgoing(**base, text=render(digest, "text"), html=render(digest, "html"))
        if kind == "webhook":
            return Outgoing(**base, payload=webhook_payload(digest, fmt))
        return Outgoing(**base, text=render(digest, fmt or "text"))
    except ValueError as exc:  # an unknown format: delivery reports it as the channel's error
        return Outgoing(**base, problem=str(exc))
