"""Import keys: the field names other tools' exports use, read as monitor's own.

In: one decoded JSON object of an import line. Out: the same object with `url`, `title`,
`body`, `html`, `published` and `source` filled from their usual other names when the line
does not use ours: `link` (RSS, feed readers), `content` / `description` / `summary` (feed
readers' and CMS exports, HTML or text), `pubDate` / `published_at` / `date` (feeds, APIs),
`site` / `feed` (aggregators), and the JSON shapes of feed readers (JSON Feed's `content_html`
and `date_published`, RSS's `content:encoded`, Feedly's and Inoreader's `alternate: [{href}]`,
`summary: {content}` and `origin: {title}`, Miniflux's `feed: {title}`). A line that has our
name keeps its value; an HTML `content` goes through the extractor as `html` would, with the
line's own title kept (inline tags alone, a `<style>` or `<script>`, a comment, or HTML escaped once
more are HTML too); a CDATA wrapper is dropped, a text's HTML entities (`&amp;`) are read and a
title's tags (a search export's `<em>`) dropped; a Markdown text (`markdown`, or a reader service's
`content`) is read as its words (`plain`).
"""

from __future__ import annotations

import html
import re
from typing import Any

ALIASES = {  # and the column names of Chinese exports and spreadsheets (链接, 标题, 正文, 发布时间, 来源)
    "url": ("link", "href", "permalink", "canonical_url", "canonicalUrl", "alternate", "canonical",
            "链接", "网址", "原文链接", "文章链接", "链接地址"),
    "title": ("headline", "标题", "文章标题", "题目"),
    "body": ("content:encoded", "content", "content_html", "markdown", "text", "content_text", "description", "summary",
             "正文", "内容", "全文", "文章内容", "摘要"),
    "published": ("published_at", "pubDate", "pub_date", "date_published", "date", "datetime", "publish_time",
                  "created_at", "date_modified", "updated", "发布时间", "发布日期", "发表时间", "时间", "日期"),
    "source": ("site", "site_name", "feed", "feed_title", "outlet", "origin", "来源", "媒体", "网站", "来源网站",
               "媒体名称"),
}
_SPELLINGS = {name.lower(): name for key, others in ALIASES.items() for name in (key, *others)}
_FIELDS = {name.lower(): key for key, others in ALIASES.items() for name in (key, *others)}


def spelling(name: str) -> str:
    """A column's name as `ALIASES` spells it (`URL`, ` Link`, `PubDate` → url, link, pubDate);
    a name it does not know, trimmed."""
    name = name.strip().lstrip("\ufeff").strip()
    return _SPELLINGS.get(name.lower(), name)


def field_of(name: str) -> str | None:
    """The field (url, title, body, published, source) a column's name gives, or None."""
    return _FIELDS.get(spelling(name).lower())
# a nested value (a feed reader's object, or a list of them) → the string it holds, by key
_INNER = {"url": ("href", "url"), "body": ("content",), "source": ("title", "name")}
_CDATA = re.compile(r"\s*<!\[CDATA\[(.*?)\]\]>\s*", re.DOTALL)
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[a-zA-Z]+\d*);")
# markup, not text: an HTML element's tag (opening or closing) or a comment in the value; an
# inline one too (`<b>`, `<font>`, a `<style>` or `<script>` before the text) is markup
_TAGS = ("a|abbr|article|aside|audio|b|big|blockquote|br|center|code|dd|del|div|dl|dt|em|figcaption|figure|font|"
         "footer|h[1-6]|header|hr|i|iframe|img|ins|li|link|mark|meta|nav|noscript|ol|p|picture|pre|s|script|section|"
         "small|source|span|strike|strong|style|sub|sup|svg|table|tbody|td|th|thead|tr|u|ul|video")
_MARKUP = re.compile(rf"</?(?:{_TAGS})\b[^<>]*>|<!--", re.IGNORECASE)
_TAG = re.compile(rf"</?(?:{_TAGS})\b[^<>]*>|<!--[^<>]{{0,200}}-->", re.IGNORECASE)  # bounded: linear


def canonical(obj: dict[str, Any]) -> dict[str, Any]:
    """`obj` with monitor's field names filled from the usual other ones (a copy when any is)."""
    found = {key: value for key, others in ALIASES.items() if _empty(obj.get(key))
             for other in others[::-1] if not _empty(value := _inner(key, obj.get(other)))}  # reversed: the first name wins
    out = {**obj, **found} if found else obj
    if "body" not in out and not out.get("html") and any(isinstance(obj.get(o), str) for o in ALIASES["body"]):
        out = {**out, "body": ""}  # an empty 正文 cell is an empty body, as an empty `body` is: a headline, kept
    if isinstance(out.get("body"), str) and not out.get("html"):
        body = _CDATA.sub(r"\1", out["body"]) if "<![CDATA[" in out["body"] else out["body"]
        if "body" in found and "&lt;" in body and not _MARKUP.search(body) and _MARKUP.search(unescape(body)):
            body = unescape(body)  # HTML escaped once more (a feed's description read as text)
        if "body" in found and _MARKUP.search(body):  # our own `body` is text, as given
            out = {**out, "html": body, "given_title": out.get("title")}
            del out["body"]
        elif body is not out["body"] or "&" in body or _MARKDOWN.search(body):
            out = {**out, "body": plain(unescape(body))}
    for key in ("title", "given_title"):
        if isinstance(out.get(key), str) and "&" in out[key]:
            out = {**out, key: unescape(out[key])}
        if isinstance(out.get(key), str) and "<" in out[key] and _MARKUP.search(out[key]):
            out = {**out, key: _TAG.sub("", out[key])}  # a search export's <em> around the words it found
    return out


# Markdown (a reader service's or crawler's export): an image or link to an address, a heading line
_MARKDOWN = re.compile(r"\]\((?:https?:)?//|^#{1,6}[ \t]+\S", re.MULTILINE)
_MD_TEXT = (  # (pattern, replacement), bounded spans: linear in the text
    (re.compile(r"!\[[^\[\]\n]{0,300}\]\([^()\s]{0,2000}(?:[ \t]+\"[^\"\n]{0,300}\")?\)"), ""),  # an image
    (re.compile(r"\[([^\[\]\n]{1,300})\]\([^()\s]{0,2000}(?:[ \t]+\"[^\"\n]{0,300}\")?\)"), r"\1"),  # a link: its words
    (re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?)", re.MULTILINE), ""),  # a heading's or quote's mark
    (re.compile(r"^[ \t]{0,3}(?:\*[ \t]*){3,}$|^[ \t]{0,3}(?:-[ \t]*){3,}$", re.MULTILINE), ""),  # a rule
    (re.compile(r"\*\*([^*\n]{1,300})\*\*|__([^_\n]{1,300})__"), r"\1\2"),  # bold
)


def plain(text: str) -> str:
    """A Markdown text as its words (images dropped, links their words, headings, quotes and bold
    without their marks); a text without Markdown's images, links or headings as it is."""
    if not _MARKDOWN.search(text):
        return text
    for pattern, replacement in _MD_TEXT:
        text = pattern.sub(replacement, text)
    return text


def unescape(text: str) -> str:
    """A text's HTML entities (`&amp;`, `&nbsp;`, `&#8220;`) read, as a feed's export writes them."""
    return html.unescape(text).replace("\xa0", " ") if _ENTITY.search(text) else text


def _inner(key: str, value: object) -> object:
    """A nested value's string: the first object of a list, an object's `href` / `content` /
    `title` as `key` takes it; other values as they are."""
    if isinstance(value, list) and value and isinstance(value[0], dict):
        value = value[0]
    if isinstance(value, dict):
        return next((v for k in _INNER.get(key, ()) if isinstance(v := value.get(k), str) and v.strip()), None)
    return value


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
