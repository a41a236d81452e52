"""`kind = "html"`: list pages → candidate links, over `pages` pages.

In: the list page (bytes, headers, final URL) and the source's `link_selector`; further pages
by `page_url` (`index_{n}.htm`, `?page={n}`, `node_123_{n}.htm`; page k has n = first_page + k - 1)
or by following `next_selector`. Stops early when a page adds only links already stored, or (a source
polled before) ends on one: the news is all on it, the `pages` are the first poll's backfill. A
source that polled before reads on past `pages` (up to `crawl.catch_up` more) while each page
ends on a link not stored yet: more news came than its pages hold (a weekend the daemon was
down); without `page_url` or `next_selector` the page's own "下一页" link leads on. When even
those pages end on a new link, the listing marks the page (`Listing.trails`, kept by the
pipeline as the source's `frontier`) and the next polls read on from it (`base.read_marks`)
until they meet the news stored before: nothing is lost however long the daemon was down, and
no poll reads more than `pages` + 2 × `catch_up` pages.
Each link carries the date its row shows (`rowdates`); a list drawn by a script from the page's
own data is read from that data (`scriptdata`); a 'load more' answer, markup wrapped in JSON, is
read as the markup it wraps (`wrapped_markup`); a link giving only an id to the page's own
function (`javascript:openDetail(12345)`), or a row's `data-id` the page's script opens, is the
address that script builds (`openers.page_openers`). Out: a `Listing`. Never fetches by itself.
"""

from __future__ import annotations

import re
from collections.abc import Generator
from dataclasses import replace
from datetime import datetime, timezone
from urllib.parse import unquote

from ..config import Source
from ..decode import decode_html_as, file_kind, json_loads
from ..errors import ExtractError, FetchError, MonitorError
from ..jsliteral import run_writes
from ..markup import reshape
from ..models import Candidate
from . import scriptdata
from .base import (
    LINKS,
    MAX_LINKS,
    Crawl,
    LinkFilter,
    Listing,
    Page,
    PageLinks,
    Request,
    Trail,
    Walk,
    absolute,
    data_link,
    dated,
    frame_urls,
    in_page_encoding,
    mark,
    node_link,
    node_title,
    page_base,
    page_failed,
    read_marks,
    script_link,
    stamp,
)
from .openers import Opener, called_link, data_opened, page_openers
from .pager import next_page, says_more
from .postback import form_pager, postback
from .rowdates import row_dates

_LINK_TAGS = ("a", "area", "option")  # a node the link selector picks that is itself the link


def walk(source: Source, crawl: Crawl) -> Walk:
    """Page 1 by a conditional GET, then up to `pages - 1` more while they bring new links, and
    past them while each page ends on a new one; then on from where earlier polls stopped. A
    `pages` raised past those earlier polls were given: all of them once, as a first poll."""
    listing = Listing()
    first = dated(source.url, source.date_tz, crawl.now)  # an e-paper's edition of the day
    # `pages` raised on a polled source: the pages it never reached are read once, known links or not
    widened = bool(crawl.catch_up) and crawl.reach < source.pages and source.pages > 1
    # with a backlog to read, page 1 is asked for in full: a 304 would end the walk before it
    try:
        page = yield from listing.first(Request(first, conditional=not crawl.frontiers and not widened))
    except FetchError as exc:  # the day's edition not up yet (the small hours): the day before's
        if first == source.url or exc.status != 404:
            raise
        first = dated(source.url, source.date_tz, crawl.now, days_back=1)
        page = yield from listing.first(Request(first, conditional=not crawl.frontiers and not widened))
    if page is None:
        return listing
    links = LinkFilter(source, crawl.now)
    listing.reach = max(crawl.reach, source.pages)
    seen: set[object] = {page.url}
    posted = False  # this page came by a form post (an ASP.NET pager): no address to mark
    own_pager = bool(source.page_url or source.next_selector)
    catch_up = 0 if widened else crawl.catch_up  # (a widened walk reads as a first poll: the archive is no news)
    budget = source.pages + catch_up
    url, since = first, stamp(crawl.now)
    trail = Trail(since)  # the pages read past `pages`, should the news outrun them
    for number in range(1, budget + 1):
        find_next = not own_pager and number >= source.pages and catch_up > 0
        if number == 1:  # the list may be in one of the page's frames, as a browser shows it
            checked = bool(source.page_url) and source.pages > 1  # page_url's numbering against the page's pager
            kept, known, next_href = yield from _read_framed(source, crawl, page, listing, links, find_next or checked)
            if checked and (wrong := _misnumbered(source, first, next_href)):
                listing.warnings.append(wrong)
        else:
            kept, known, next_href = _read(source, crawl, page, listing, links, number, find_next=find_next)
        new = len(kept) - len(known)
        if number > source.pages:
            listing.caught_up = True
            listing.pages[-1].note = "read past `pages`: more news than the pages hold"
            trail.pages.append((url, number, [c.url for c in kept]))
        target = page_url(source, number + 1, first) or next_href
        if not target or _key(target) in seen:
            break
        if new == 0 and not (widened and number < source.pages):
            if number < source.pages:
                listing.pages[-1].note = "only known links: later pages not fetched"
            break
        if kept[-1].url in known and (number >= source.pages or catch_up):  # the news ends on this page
            if number < source.pages:  # (a polled source: `pages` are its first poll's reach, not every poll's)
                listing.pages[-1].note = "the news ends on this page: later pages not fetched"
            break
        if number == budget:
            if catch_up and not posted:  # more news than a poll reads: the next poll reads on from here
                trail.left = mark(url, number, since)
                listing.pages[-1].note = "more news than a poll reads: the next poll reads on from here"
            elif catch_up:
                listing.pages[-1].note = "more news than a poll reads; a posted-back page has no address to read on from"
            break
        seen.add(_key(target))
        posted = isinstance(target, Request)
        url = target.url if isinstance(target, Request) else target
        try:
            page = yield target if isinstance(target, Request) else Request(target)
        except MonitorError as exc:  # what was read stands; past `pages`, the next poll reads on from here
            if widened and getattr(exc, "status", None) not in (404, 410):  # the pages not reached: tried again
                listing.reach = crawl.reach
            if not page_failed(listing, exc, url, f"list page {number + 1} ({url})") and catch_up \
                    and not posted and number >= source.pages:
                trail.left = mark(url, number + 1, since)
            break
    listing.trails = [trail] if trail.left else []
    if crawl.frontiers:
        def read(at: str, number: int) -> Generator[Request, Page, tuple[list[str], int, tuple[str, int] | None]]:
            got = yield Request(at)
            kept, known, next_href = _read(source, crawl, got, listing, links, number, find_next=not own_pager)
            listing.pages[-1].note = "read on from where an earlier poll stopped"
            after = page_url(source, number + 1, first) or next_href
            # a posted-back next page has no address a mark could keep: the walk ends there
            return [c.url for c in kept], len(kept) - len(known), (after, number + 1) if isinstance(after, str) else None

        listing.trails += yield from read_marks(crawl.frontiers, crawl.catch_up, read, crawl.older)
    return listing


def _read(source: Source, crawl: Crawl, page: Page, listing: Listing, links: LinkFilter, number: int,
          find_next: bool) -> tuple[list[Candidate], set[str], str | Request | None]:
    """One list page into the listing: its kept links, which of them are stored, the next page."""
    found, next_href = parse(source, page.content, page.headers, page.url, first=number == 1, find_next=find_next,
                             listing=listing)
    kept = links.apply(found, listing)
    known = crawl.known([c.url for c in kept]) if kept else set()
    listing.pages.append(PageLinks(page.url, len(found), len(kept) - len(known)))
    if len(found) >= MAX_LINKS:
        listing.pages[-1].note = f"only the first {MAX_LINKS:,} links read"
    return kept, known, next_href


def _read_framed(source: Source, crawl: Crawl, page: Page, listing: Listing, links: LinkFilter,
                 find_next: bool) -> Generator[Request, Page, tuple[list[Candidate], set[str], str | Request | None]]:
    """`_read` of the first list page; when its selector finds nothing on a page of frames (a
    frameset of a banner, a menu and the list; a page around an iframe), the frames are read in
    order and the first whose list the selector finds is the list page, as a browser shows it.
    None finding it: the page's own error, naming the frames."""
    try:
        return _read(source, crawl, page, listing, links, 1, find_next=find_next)
    except ExtractError as exc:
        for frame in getattr(exc, "frames", ()):
            try:
                inner = yield Request(frame)
                return _read(source, crawl, inner, listing, links, 1, find_next=find_next)
            except MonitorError:
                continue
        raise exc


def _key(target: str | Request) -> object:
    """What tells pages apart: the URL, or a post's address and the pager's event."""
    if isinstance(target, str):
        return target
    form = target.form or {}
    if "__EVENTTARGET" in form:  # (its __VIEWSTATE changes from page to page)
        return target.url, form.get("__EVENTTARGET"), form.get("__EVENTARGUMENT")
    return target.url, tuple(sorted(form.items()))  # a pager's form: its fields (the page number)


_MARK = "987654321"  # a page number no pager shows: where page_url's {n} stands in its address


def _misnumbered(source: Source, first: str, shown: str | Request | None) -> str | None:
    """What to say when the first page's own pager names its page 2 by another number than
    `page_url` and `first_page` give (index_1.html where index_2.html is asked for: a page of
    the backfill skipped; or one past the last page asked for); None when they agree."""
    ours = page_url(source, 2, first)
    if not isinstance(shown, str) or ours is None or shown == ours:
        return None
    marked = absolute(first, (source.page_url or "").replace("{n}", _MARK)) or ""
    head, found, tail = marked.partition(_MARK)
    m = re.fullmatch(re.escape(head) + r"(\d{1,6})" + re.escape(tail), shown) if found else None
    if m is None:
        return None
    want = int(m.group(1)) - 1
    return (f"page_url gives page 2 as {ours}, but the list's own pager goes on to {shown}: pages are skipped or "
            f"not found; set first_page = {want}")


def page_url(source: Source, number: int, base: str = "") -> str | None:
    """The URL of page `number` (2, 3, …) from `page_url` (relative to `base`, the first page's
    address as asked for, default the source's url), or None without a pattern."""
    if not source.page_url:
        return None
    return absolute(base or source.url, source.page_url.replace("{n}", str(source.first_page + number - 1)))


def parse(source: Source, content: bytes, headers: dict[str, str], url: str,
          first: bool = True, find_next: bool = False, listing: Listing | None = None) -> tuple[list[Candidate], str | Request | None]:
    """A list page → (its article links, the next page's URL from `next_selector` if any, or,
    with `find_next`, from the page's own "next page" link; an ASP.NET pager's next page is the
    form post that asks for it)."""
    from selectolax.lexbor import LexborHTMLParser

    text, codec = decode_html_as(content, headers.get("content-type"))
    text = wrapped_markup(text) or text  # a 'load more' answer: markup in JSON
    if "document" in text and "write" in text:  # a list the page's script writes, as a browser runs it
        text = run_writes(text)
    tree = LexborHTMLParser(reshape(text))  # see markup
    base_url = page_base(tree, url)
    if listing is not None and first and (head := tree.css_first("title")) is not None:
        listing.title = (head.text() or "").strip()[:200]
    nodes = tree.css(source.link_selector or LINKS)
    found: list[tuple[str, str | None]] = []
    anchors = []
    openers: dict[str, Opener] | None = None  # the page's functions a link may call with its id, read once
    for node in nodes[:MAX_LINKS] if not nodes or nodes[0].tag != "script" else ():
        anchor = node if node.tag in _LINK_TAGS else node.css_first(LINKS)
        link = node_link(base_url, anchor) if anchor is not None else None
        if not link and anchor is not node and "onclick" in node.attributes:  # a row a script opens
            anchor, link = node, script_link(base_url, None, node.attributes.get("onclick"))
        if not link and anchor is None:  # a row (`<li data-href>`, a card) whose address the site's script reads
            anchor, link = node, data_link(base_url, node)
        holder = anchor if anchor is not None else node
        if not link and ((script := _script_of(holder, node.parent)) or _data_held(holder) or _data_held(node)):
            # a link calling the page's function with its id (`openDetail(12345)`), or a row whose
            # `data-id` the page's script opens
            openers = page_openers(tree) if openers is None else openers
            link = ((called_link(base_url, script, openers) if script else None)
                    or data_opened(base_url, (holder, node, node.parent), openers)) if openers else None
            anchor = holder
        if link:
            found.append((in_page_encoding(link, codec), node_title(anchor)))
            anchors.append(anchor)
    kept = [n for n, (_, title) in enumerate(found) if not says_more(title or "")]
    if kept and len(kept) < len(found):  # a "more" link among the rows: a list (a box of them alone: its articles')
        found, anchors = [found[n] for n in kept], [anchors[n] for n in kept]
    # with the date each row shows beside its link
    now = datetime.now(timezone.utc)
    when = row_dates(anchors, source.date_tz, now) if anchors else []
    out = [Candidate(url=u, title=t, published=w) for (u, t), w in zip(found, when, strict=True)]
    if not nodes or all(n.tag == "script" for n in nodes):  # a list a script draws from the page's data
        out = [replace(c, url=in_page_encoding(c.url, codec)) for c in scriptdata.candidates(text, base_url,
                                                                                             source.date_tz, now)]
    if first and not nodes and not out:
        if kind := file_kind(content):  # an image or a PDF where the list was: no selector would match it
            filed = ExtractError(f"source {source.name}: {url} is not a web page but a file ({kind}), whatever its "
                                 "Content-Type says", hint="open the source's url in a browser: the site serves a "
                                 "file (an image, a PDF) there now; if that lasts, the list has moved")
            filed.file = kind  # type: ignore[attr-defined]  # no selector's fault: an error, not layout_changed
            raise filed
        frames = frame_urls(tree, base_url)
        if frames:  # a browser shows the list inside the frame
            framed = ExtractError(f"source {source.name}: link_selector {source.link_selector!r} matched nothing on "
                                  f"{url}, a page of frames ({', '.join(frames)})",
                                  hint="the list is in one of its frames: make that frame's address the source's url")
            framed.frames = frames  # type: ignore[attr-defined]  # the walk reads them (`_read_framed`)
            raise framed
        raise ExtractError(f"source {source.name}: link_selector {source.link_selector!r} matched nothing on {url}",
                           hint="the page layout may have changed; update link_selector")
    after = _next(tree, source, base_url, codec) or (next_page(tree, base_url, url, codec) if find_next else None)
    return out, in_page_encoding(after, codec) if isinstance(after, str) else after


def _script_of(node, row) -> str:
    """The script a link node runs when clicked: its `javascript:` address (percent-decoded, as a
    browser runs it), its `onclick` and its row's (the click goes on to it); '' for none."""
    href = (node.attributes.get("href") or "").strip()
    scripts = [unquote(href[11:]) if href[:11].lower() == "javascript:" else "", node.attributes.get("onclick") or "",
               (row.attributes.get("onclick") or "") if row is not None else ""]
    return ";".join(scripts) if any(scripts) else ""


def _data_held(node) -> bool:
    """Whether a node keeps a `data-` attribute for the site's script."""
    return any(name.startswith("data-") for name in node.attributes)


_JSON_VALUES = 20_000  # values of a JSON answer walked at most for its markup
_MARKUP = re.compile(r"(?:<|\\u003[cC])[aA]\s")  # a link's tag, or one escaped as Go's and Java's encoders write it


def wrapped_markup(text: str) -> str | None:
    """The markup a JSON answer's strings hold, joined in order, when any holds a link (a 'load
    more' back end: `{"data": {"html": "<li><a href=…>…</a></li>…"}}`); None for a page, or JSON
    without markup."""
    head = text[:64].lstrip("\ufeff \t\r\n")
    if head[:1] not in ("{", "[") or not _MARKUP.search(text):
        return None
    try:
        value = json_loads(text)
    except (ValueError, RecursionError):
        return None
    found, stack, budget = [], [value], _JSON_VALUES
    while stack and budget > 0:
        budget -= 1
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, str) and "<" in item and "href" in item.lower():
            found.append(item)
    return "\n".join(found) if found else None


def _next(tree, source: Source, base_url: str, codec: str) -> str | Request | None:
    """The page `next_selector` picks, as a reader goes to it: a link's (or `<link rel=next>`'s)
    address or the script it runs, an element a script moves on (`<span onclick=…>`), or an
    ASP.NET pager's post-back."""
    if not source.next_selector:
        return None
    node = tree.css_first(source.next_selector)
    if node is None:
        return None
    anchor = node if node.tag in ("a", "link", "area") else node.css_first("a[href]")
    if anchor is None:
        if node.tag in ("input", "button"):  # a form's "next page" button, or one whose script sends it
            return form_pager(tree, node, base_url, codec)
        return script_link(base_url, None, node.attributes.get("onclick")) if "onclick" in node.attributes else None
    href = anchor.attributes.get("href")
    return absolute(base_url, href) or script_link(base_url, href, anchor.attributes.get("onclick")) or \
        postback(tree, anchor, base_url, codec) or form_pager(tree, anchor, base_url, codec)
