"""A list page's own next page, found as a reader finds it (the walk reads on by it past `pages`).

In: a parsed list page, its base URL and address, and its encoding. Out: the next page's address
(or the form post an ASP.NET pager makes for it: `postback`; the form a pager's script or
button sends: `form_pager`), else None. A reader goes on by
what the pager shows, in this order:
- a link saying "next page" (下一页, 下頁, Next…, in brackets or with an arrow: `[下一页]`,
  `下一页→`, `Next ›`; an image link by its `alt`, a bare link by its `title`), by its address
  or the script it runs (`onclick="location.href='…'"`); a `<span>` or `<button>` saying it
  that a script moves on;
- `<link rel="next">` in the head (the visible pager drawn by a script);
- a TRS pager script, `createPageHTML(count, current, "index", "htm")` (index_1.htm, …), or
  `createPageHTML('page_div', count, current, "index", "shtml", rows)`;
- a jump menu of page numbers (`<select onchange="location.href=this.value">` of `?page=N` or
  `list_N.html` options): the option after the current one (the page's own, or the selected);
- page numbers only (`1 2 3 4 5`): the number after the one not linked (or marked current).
A jump menu of other sites or of the site's columns (no page numbers) is no pager. Pure.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from .base import Request, absolute, names_page, script_link
from .postback import form_pager, postback

# What a list page's pager calls its next page, the whole text of the link.
NEXT_TEXTS = frozenset({"下一页", "下页", "下一頁", "下頁", "后页", "後頁", "next", "next page", "next »", "›", "»", ">",
                        ">>", "下一页>", "下一页>>", "下一页 >", "下一页»"})
# The same words inside brackets or beside an arrow (`[下一页]`, `下一页→`, `Next ›`).
_WORDS = frozenset({"下一页", "下页", "下一頁", "下頁", "后页", "後頁", "后一页", "後一頁", "next", "next page"})
_TRIM = " []【】()（）<>〈〉《》«»‹›→⇒>|·:：\u00a0"
# TRS's pager script: (count, current from 0, name, ext), or with the pager's element first and
# the current page from 1 ('page_div', count, current, name, ext, rows).
_TRS = re.compile(r"""createPageHTML\(\s*(["'][\w-]{1,40}["']\s*,\s*)?(\w{1,40})\s*,\s*(\w{1,40})\s*,\s*"""
                  r"""["']([\w.-]{1,80})["']\s*,\s*["'](\w{1,10})["']""")


def says_next(text: str) -> bool:
    """Whether a link's text (or label) names the next page."""
    text = " ".join(text.split()).lower()
    return text in NEXT_TEXTS or (len(text) < 20 and text.strip(_TRIM) in _WORDS)


# A box's or a list's "more" link (`更多>>`, `查看更多`, `加载更多`, `More news`): another list page
_MORE = re.compile(r"(?:点击|點擊)?(?:查看|加载|加載|显示|顯示)?(?:更多|more)\s?(?:新闻|新聞|信息|資訊|资讯|内容|內容|文章|"
                   r"news|stories|articles)?|(?:load|view|see|show)\s?more(?:\s?(?:news|stories|articles))?", re.I)


def says_more(text: str) -> bool:
    """Whether a link's text names another list page (a "more" link, or the next page), not an article."""
    words = " ".join(text.split())
    return len(words) < 20 and (says_next(words) or _MORE.fullmatch(words.strip(_TRIM + "+")) is not None)


def next_page(tree: Any, base_url: str, url: str, codec: str) -> str | Request | None:
    """The page after this one as the page's pager shows it (see the module's docstring); None
    when it shows none or it leads back to this page."""
    for anchor in tree.css("a[href], a[onclick]"):
        if says_next(_label(anchor)):
            href = anchor.attributes.get("href")
            target = absolute(base_url, href) or script_link(base_url, href, anchor.attributes.get("onclick"))
            if target is None:
                return postback(tree, anchor, base_url, codec) or form_pager(tree, anchor, base_url, codec)
            return target if target != url else None
    for button in tree.css("form input[type=submit], form button"):  # a form's own "next page" button
        if says_next(button.attributes.get("value") or button.text(deep=True) or ""):
            return form_pager(tree, button, base_url, codec)
    target = _scripted(tree, base_url) or _head_next(tree, base_url) or _trs(tree, base_url) or \
        _menu(tree, base_url, url) or _numbered(tree, base_url, url)
    return target if target != url else None


def _label(anchor: Any) -> str:
    """A link's text; without one, its title (or aria-label), or its image's alt or title."""
    text = anchor.text(deep=True) or ""
    if text.strip():
        return text
    attrs = anchor.attributes
    label = attrs.get("title") or attrs.get("aria-label")
    if not label and (image := anchor.css_first("img")) is not None:
        label = image.attributes.get("alt") or image.attributes.get("title")
    return label or ""


def _scripted(tree: Any, base_url: str) -> str | None:
    """A `<span>`, `<li>` or `<button>` saying "next page" whose script moves on."""
    for node in tree.css("[onclick]"):
        if node.tag != "a" and says_next(node.text(deep=True) or ""):
            return script_link(base_url, None, node.attributes.get("onclick"))
    return None


def _head_next(tree: Any, base_url: str) -> str | None:
    for node in tree.css("link[rel][href]"):
        if "next" in (node.attributes.get("rel") or "").lower().split():
            return absolute(base_url, node.attributes.get("href"))
    return None


def _trs(tree: Any, base_url: str) -> str | None:
    """TRS's pager script: `createPageHTML(count, current, name, ext)` draws links to `name.ext`,
    `name_1.ext`, …; the next page is `name_{current + 1}.ext` while there is one. Its numbers
    may be variables of the same script (`var countPage = 12`). The variant naming the pager's
    element first counts its current page from 1 (`name_2.ext` follows page 1)."""
    for script in tree.css("script"):
        text = script.text(deep=True) or ""
        if "createPageHTML" not in text or not (found := _TRS.search(text)):
            continue
        count, current = (_number(text, found.group(i)) for i in (2, 3))
        if count is None or current is None or current + (not found.group(1)) >= count:
            return None  # the last page
        return absolute(base_url, f"{found.group(4)}_{current + 1}.{found.group(5)}")
    return None


def _number(script: str, value: str) -> int | None:
    """A pager argument: a number, or a variable the script gives a number."""
    if value.isdigit():
        return int(value)
    given = re.search(r"\b" + re.escape(value) + r"\s*=\s*(\d{1,6})\b", script)
    return int(given.group(1)) if given else None


_PAGE_NUMBER = re.compile(r"(?:第\s*)?(\d{1,5})\s*(?:页|頁|/\s*\d{1,5})?")


def _menu(tree: Any, base_url: str, url: str) -> str | None:
    """The option after the current page in a jump menu of page numbers (the options' texts are
    page numbers counting up by one, `2`, `第2页`, `2/15`; every value names a page of this
    site); None for any other menu (other sites, the site's columns, a year's archive)."""
    host = urlsplit(url).hostname
    for select in tree.css("select"):
        options = [o for o in select.css("option") if (o.attributes.get("value") or "").strip()]
        if len(options) < 2 or len(options) > 2000:
            continue
        pages: list[tuple[str, bool]] = []
        numbers: list[int] = []
        for option in options:
            value = (option.attributes.get("value") or "").strip()
            link = absolute(base_url, value) if names_page(value) or value.startswith("?") else None
            label = _PAGE_NUMBER.fullmatch((option.text(deep=True) or "").strip())
            number = int(label.group(1)) if label else -1
            if not link or urlsplit(link).hostname != host or number < 0 or (numbers and number != numbers[0] + len(numbers)):
                break
            numbers.append(number)
            pages.append((link, "selected" in option.attributes))
        else:
            at = next((i for i, (link, _) in enumerate(pages) if link == url), None)
            if at is None:
                at = next((i for i, (_, chosen) in enumerate(pages) if chosen), 0)
            return pages[at + 1][0] if at + 1 < len(pages) else None
    return None


_CURRENT = re.compile(r"\b(?:current|active|cur|on|selected|sel)\b", re.I)


def _numbered(tree: Any, base_url: str, url: str) -> str | None:
    """The page after the current one in a pager of page numbers only (`1 2 3 4 5`, no "next"
    link): among one pager's numbered links (siblings, or items of one list), the current page
    is the one number not linked between linked ones (`1 2 [3] 4 5`), 1 when the links start at
    2, or the link marked current (`class="active"`); its successor's link. None when that is
    not clear (a window of numbers with gaps) or it is the last page."""
    host = urlsplit(url).hostname
    pagers: dict[int, list[tuple[int, str, bool]]] = {}
    for anchor in tree.css("a[href]"):
        text = (anchor.text(deep=True) or "").strip().strip("[]【】 ")
        if not text.isdigit() or len(text) > 4:
            continue
        href = anchor.attributes.get("href")
        link = absolute(base_url, href) or script_link(base_url, href, anchor.attributes.get("onclick"))
        holder = anchor.parent
        if holder is not None and holder.tag in ("li", "span", "b", "strong", "font") and holder.parent is not None:
            holder = holder.parent
        if link and holder is not None and urlsplit(link).hostname == host:
            mark = " ".join(filter(None, (anchor.attributes.get("class"), anchor.attributes.get("id"))))
            pagers.setdefault(holder.mem_id, []).append((int(text), link, bool(_CURRENT.search(mark))))
    for numbered in pagers.values():
        links = {n: link for n, link, _ in reversed(numbered)}
        if len(links) < 2:
            continue
        shown = [n for n, _, mark in numbered if mark]
        gaps = [n for n in range(min(links), max(links)) if n not in links]
        current = shown[0] if len(shown) == 1 else gaps[0] if len(gaps) == 1 else 1 if min(links) == 2 and not gaps \
            else None
        if current is not None:
            return links.get(current + 1)
    return None
