"""Text, Markdown and HTML renderings of a digest, whole or one page (message) of it.

In: a `Digest` and a `Page`. Out: strings. Pure.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..models import Digest, Story, outlet
from .common import (
    Page,
    empty_line,
    held_line,
    highlight,
    md_escape,
    md_url,
    meta,
    safe_url,
    since_line,
    story_terms,
    subject,
    title,
    whole,
)

FORMATS = ("text", "markdown", "html", "json")


def _reposts_text(story: Story) -> str:
    return ", ".join(f"{outlet(r.source, r.url)} <{r.url}>" if r.url else r.source for r in story.reposts)


@lru_cache(maxsize=4096)  # planning a long digest renders each story once, not once per try
def _text_story(story: Story, topic: str, n: int) -> str:
    lines = [f"{n}. {story.title}", f"   {meta(story, topic)}", f"   {story.url}"]
    if story.snippet:
        lines.append(f"   {highlight(story.snippet, story_terms(story), 'text')}")
    if story.reposts:
        lines.append("   also reported by: " + _reposts_text(story))
    if story.page_url:
        lines.append(f"   every outlet's version: {story.page_url}")
    return "\n".join(lines)


def md_link(label: str, url: str) -> str:
    """`[label](url)`, or the escaped label alone when the URL is not http(s)."""
    safe = safe_url(url)
    return f"[{md_escape(label)}]({md_url(safe)})" if safe else md_escape(label)


@lru_cache(maxsize=4096)
def _md_story(story: Story, topic: str, n: int) -> str:
    lines = [f"**{n}. {md_link(story.title, story.url)}**  ", md_escape(meta(story, topic))]
    if story.snippet:
        lines += ["", "> " + highlight(story.snippet, story_terms(story), "markdown")]
    if story.reposts:
        lines += ["", "also reported by: " + ", ".join(md_link(outlet(r.source, r.url), r.url) for r in story.reposts)]
    if story.page_url:
        lines += ["", md_link("every outlet's version", story.page_url)]
    return "\n".join(lines)


def _html_link(label: str, url: str) -> str:
    safe = safe_url(url)
    text = html.escape(label, quote=False)
    return f'<a href="{html.escape(safe, quote=True)}">{text}</a>' if safe else text


@lru_cache(maxsize=4096)
def _html_story(story: Story, topic: str, n: int) -> str:
    parts = [f'<div style="margin:0 0 1.2em 0"><div><strong>{n}. {_html_link(story.title, story.url)}</strong></div>',
             f'<div style="color:#666;font-size:90%">{html.escape(meta(story, topic), quote=False)}</div>']
    if story.snippet:
        parts.append(f"<div>{highlight(story.snippet, story_terms(story), 'email')}</div>")
    if story.reposts:
        links = ", ".join(_html_link(outlet(r.source, r.url), r.url) for r in story.reposts)
        parts.append(f'<div style="color:#666;font-size:90%">also reported by: {links}</div>')
    if story.page_url:
        parts.append(f'<div style="font-size:90%">{_html_link("every outlet’s version", story.page_url)}</div>')
    return "\n".join(parts) + "</div>"


def _esc(s: str) -> str:
    return html.escape(s, quote=False)


@dataclass(frozen=True)
class _Style:
    title: Callable[[str], str]
    line: Callable[[str], str]
    topic: Callable[[str], str]
    story: Callable[[Story, str, int], str]
    sep: str


_STYLES = {
    "text": _Style(lambda s: f"{s}\n{'=' * 40}", lambda s: s, lambda t: f"== {t} ==", _text_story, "\n\n"),
    "markdown": _Style(lambda s: f"# {md_escape(s)}", lambda s: f"_{md_escape(s)}_", lambda t: f"## {md_escape(t)}",
                       _md_story, "\n\n"),
    "html": _Style(lambda s: f'<h1 style="font-size:130%">{_esc(s)}</h1>', lambda s: f'<p style="color:#666">{_esc(s)}</p>',
                   lambda t: f'<h2 style="font-size:115%">{_esc(t)}</h2>', _html_story, "\n"),
}


def body(digest: Digest, fmt: str, page: Page | None = None) -> str:
    """One page of the digest (by default all of it) in text, markdown or html, without a document."""
    st, page = _STYLES[fmt], page or whole(digest)
    parts = [st.title(title(digest, page)), st.line(since_line(digest))]
    if not page.entries:
        parts.append(st.line(empty_line(digest)))
    last = None
    for topic, story, n in page.entries:
        if topic != last:
            parts.append(st.topic(topic))
        parts.append(st.story(story, topic, n))
        last = topic
    if page.held and page.index == page.count:
        parts.append(st.line(held_line(page.held)))
    return st.sep.join(parts)


def html_document(digest: Digest, inner: str) -> str:
    """`inner` wrapped as a whole UTF-8 HTML document titled with the subject."""
    head = _esc(subject(digest))
    # a phone's width: an unbroken title or outlet name wraps (word-wrap for the clients that know
    # no `anywhere`), and the viewport says the message is made for the screen it is read on
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{head}</title></head>\n'
            f'<body style="font-family:sans-serif;line-height:1.5;word-wrap:break-word;overflow-wrap:anywhere">\n'
            f'{inner}\n</body>\n</html>\n')
