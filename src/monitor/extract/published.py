"""Where on a page its publication time is written: the date cascade, first plausible hit wins.

In: what the extractor already found — the per-source date text, the page's meta facts, the
byline region between headline and body (and whether the headline anchored it), a byline line
lifted out of the body, the text right after the body, the URL, the page text, where the
headline and the body start in it, the elements marked as the publication time (on demand) and
the raw page. Out: an aware UTC datetime or None. Never raises; parsing is in `dates`.

The order, from the most to the least specific place:
1. a per-source selector; meta tags (also bare stamps: Unix time, `20180308`), JSON-LD (an
   article before a WebPage) and <time> marked as the publication time — unless the byline, a
   byline or signature line in the text, or the URL states a day more than two days earlier (a
   mirror's copy time in `article:published_time`);
2. the byline region: a labelled date (`发布时间：`), a timed date, any date, a two-digit-year
   date (`18-03-08`, on a Chinese page also `12/03/05`), a day printed apart from its year and month (`31 2020-12`);
   a <time> shown there (one after `Updated` last); an element marked
   `itemprop=datePublished` or with a `pubtime`-like class (its attributes, then its text);
3. a byline line inside the body (also a `二〇一八年三月八日` signature line), a byline line the
   body kept as its first (`发表日期:2011-02-12 点击`, `13.02.2015 11:12`); a labelled date or one
   opening the text right after the body; a date in the 60 characters right above the headline
   (an e-paper's date bar, a blog's date header, `发布时间：…` printed over the title), a clock's
   and a dated list's aside;
4. a date closing the <title>'s headline (`标题(2008-5-6)`); the URL; a time a script states (WeChat's `var ct`,
   `"publishTime"` or `"newsTime"` in page state, not a listed item's `"related":[{"publish_time":…}]` nor a list
   item's `data-pubtime`), a CMS's `<!--enpproperty … <date>…</date>` comment;
   a relative byline time (`3小时前`, `昨天 10:20`, `2 hours ago`) counted back from the fetch
   time — without a fetch time such a page is left undated rather than dated from elsewhere;
   other dated meta tags (update times last); a labelled date near the body; the first <time>;
5. a yearless byline time (`11-08 10:23`), the year taken from the dated text nearest the body
   (else the latest year not in the future); a byline line under the body (`【日期:2009-3-5】`,
   `作者：… 2009-03-05`, `05年7月5日`), else a bare update time opening the text under the body
   (`更新:2023-09-20 23:58:22`); a yearless wire dateline (`11月8日电`, `BEIJING, March 8
   (Xinhua) --`), its year found as a byline time's; that nearest date (sought before readers'
   comments under the body); a `/050427/` URL path; a URL id opening with the day
   (`/p2018052336775125`).
Full-width digits are read as ASCII. An ambiguous numeric date (`7/5/2019`) is read in the order
the page writes (`order.day_first`: its other dates, URL, locale, domain), else month first.
A label counts only with the date right after it (`最新发布` heading a dated list is no label).
Dates of related lists, comments and page clocks lie farther from the body than the byline, so
the last resort is the nearest date, not the first one on the page, and a date with its weekday
above the headline (a clock) is skipped, as are a dated list's items (an untimed, unlabelled date
with two more close by: a side column of latest links), also in the byline region; in the nearest-date
step also a timed date with two more timed ones close by (a blog's column of its posts). A forum
poster's profile dates (`注册时间`, `最后登录`) are blanked out of every text first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from itertools import islice

from . import dates, records, relative, yearless
from .meta import MARK_AWAY, PageMeta
from .order import day_first


@dataclass
class Places:
    """The texts the cascade reads, gathered by the extractor."""

    region: str = ""  # between the headline and the body's first paragraph
    anchored: bool = True  # the headline was found, so the region starts at it
    byline: str | None = None  # a byline line lifted out of the body
    tail: str = ""  # a little text after the body's last paragraph
    page_text: str = ""
    body_at: int = 0  # where the body starts in page_text
    body_end: int = 0  # where it ends (0: not found)
    head_at: int = 0  # where the headline starts in page_text (0: not found)
    lead: str = ""  # the body's first paragraphs, for a wire dateline
    # Values of elements marked as the publication time (itemprop, a `pubtime` class), read on demand.
    marked: Callable[[], list[str]] = field(default=list)
    html: str = ""  # the raw page, for dates that only scripts state (read last)


# Scripts that state the publication time: WeChat's `var ct = "1520476980"`, `var create_time =
# "1520476980" * 1`, `createTime = '…'` and `publish_time = "…"`, JSON page state (`"publishTime":"…"`,
# `"pub_date":…`, `"ptime":"…"`). Each pattern opens with a plain literal, so re skips ahead by it (an
# alternation of the keys was 5x slower on big pages).
_SCRIPT_DATES = (
    re.compile(r'var ct\s*=\s*"(\d{10})"'),
    re.compile(r'ub(?:lish)?(?:_?[tT]ime|_?[dD]ate|edAt|ed_at)["\']?\s*[:=]\s*["\']?([^"\',}]{8,30})'),
    re.compile(r'reate(?:_t|T)ime\s*=\s*["\']([^"\']{8,30})["\']'),
    re.compile(r'ptime(?<![\w]ptime)["\']\s*:\s*["\']([^"\']{8,30})["\']'),
    re.compile(r'"ctime"\s*:\s*"?(\d{10})(?!\d)'),  # page state's creation time, Unix seconds
    re.compile(r'reate(?:_t|T)ime"\s*:\s*"?(\d{10}(?:\d{3})?)(?!\d)'),  # `"createTime": 1564885260000`, seconds or ms
    re.compile(r'ewsTime["\']?\s*:\s*["\']([^"\']{8,30})["\']'),  # a portal's page state: `"newsTime": "…"`
)
# A CMS's article properties kept in a comment (`<!--enpproperty <articleid>…</articleid><date>2019-03-20
# 10:21:00.0</date>…/enpproperty-->`, as the people's-daily-style e-paper systems print them): its date.
_PROPERTIES = "<!--enpproperty"
_PROPERTY_DATE = re.compile(r"<date>([^<]{8,30})</date>")
# An old self-media page's `articleInfo: {… subInfo: {… time: '2018-03-08 10:21:00'}}`: the object's
# opening, then its `time` field within 600 characters (read in code: a pattern spanning both rescanned
# them from every opening).
_ARTICLE_INFO = re.compile(r"rticleInfo\s*[:=]\s*\{")
_INFO_TIME = re.compile(r"(?:^|[{,\s])time\s*:\s*'([^'\n]{10,25})'")
# How far around the body's start a forum poster's profile dates are looked for.
_PROFILE_SPAN = 5000
# A comment box or its link under the body: `评论(2)`, `网友评论`, `发表评论`, `留言`, `回复`, `跟帖`, `跟贴`.
_COMMENTS = re.compile("评论|評論|留言|回复|回覆|回應|跟帖|跟贴")
# A thread's post tools over its first post (`只看该作者`, `显示全部楼层`), and the label each later
# floor's time carries under it (`过路客 发表于 2022-2-9 08:16:42`): a reply's time, not the thread's.
_THREAD_TOOLS = ("只看该作者", "只看該作者", "只看楼主", "只看樓主", "显示全部楼层", "顯示全部樓層")
_FLOOR_TIMES = ("发表于", "發表於")
# The first floor's marker, on a thread that writes each floor's time under its text (`1楼 发表于 …`).
_FIRST_FLOOR = re.compile(r"(?<!\d)1\s?[楼樓#]")
# How far above the body a thread's post tools are looked for.
_TOOLS_SPAN = 600
# Words before a <time> that make it an update, not the publication.
_UPDATE_WORDS = ("updat", "Updat", "UPDAT", "modif", "Modif", "更新", "修改")


def published(meta: PageMeta, ruled: str | None, url: str | None, places: Places, now: datetime,
              fetched: datetime | None = None) -> datetime | None:
    """The publication time, first plausible hit of the cascade, in UTC (`fetched`: when the page
    was fetched, for relative byline times)."""
    order = cache(lambda: day_first(meta.lang, meta.tags.get("og:locale"), url, places.page_text))
    found = dates.parse_value(ruled, now, order)
    if found:
        return found
    stated = (*meta.published_tags(), meta.ld.get("date"), *(stamp for stamp, _, marked in meta.times if marked))
    for value in stated:
        found = dates.parse_value(value, now, order)
        if found:
            return _unless_copied(_clock_as_utc(found, value or "", fetched), places, url, now, order)
    fold = dates.fold_digits
    places.region, places.tail, places.page_text = fold(places.region), fold(places.tail), fold(places.page_text)
    # A forum poster's `注册时间 …` / `最后登录 …` dates no post: blanked in the byline region, after the
    # body and in the page text around the body (the whole page would cost a scan per key).
    region, places.region = places.region, dates.without_profile(places.region)
    places.tail = dates.without_comment_count(dates.without_profile(places.tail))
    book = dates.book_record(places.region + (places.lead or "")[:200])
    if book:
        # A book's page: its record's `出版时间` is when the book came out, not the page.
        places.region, places.tail = dates.without_book_dates(places.region), dates.without_book_dates(places.tail)
        places.byline = places.byline and dates.without_book_dates(places.byline)
        places.lead = dates.without_book_dates(places.lead or "")
    line = (places.byline or "").strip()
    if line and (blanked_line := dates.without_profile(line)) is not line:
        places.byline = line = blanked_line.strip()  # a forum post's edit note lifted as its byline
    if line and places.region is not region:
        # The byline line lifted out of the body is a profile date blanked in the region (`注册时间` and
        # `2011-3-2` in separate cells of the post's container, the body found there opening with the date).
        at = region.find(line)
        if at >= 0 and not places.region[at : at + len(line)].strip():
            places.byline = None
    low, high = max(0, places.body_at - _PROFILE_SPAN), places.body_at + _PROFILE_SPAN
    around = places.page_text[low:high]
    blanked = dates.without_profile(around)
    if book:
        blanked = dates.without_book_dates(blanked)
    if blanked is not around:
        places.page_text = f"{places.page_text[:low]}{blanked}{places.page_text[high:]}"
    floors = _floors_at(places)
    if floors >= 0:  # a thread's later floors under its first post: their `发表于` times are replies'
        cut = min((at for word in _FLOOR_TIMES if (at := places.tail.find(word)) >= 0), default=len(places.tail))
        places.tail = places.tail[:cut]
    chinese = dates.CJK_CHAR.search(places.lead, 0, 200) is not None
    found = (_in_region(places, now, order, chinese) or _time_shown_in(meta, places.region, now)
             or _marked(places, now, order) or _body_line(places, now, order, url, meta)
             or records.column_posted(places.html, now))
    if not found:
        # A bare update time over the text (`更新时间：…` with no byline field beside it, an index table's
        # `更新日期`) is when the page was last edited, a speech's day under its title when it was given: a
        # notice's signed date under the text, the URL's day or a date line right under the text is the
        # posting; the update or the speech's day dates the page when none does.
        weak = _in_region(places, now, order, chinese, weak=True)
        found = ((weak and (dates.date_from_url(url, now) or _under_body(places.tail, now, order) or weak))
                 or dates.opening_date(places.lead, now, order) or _above_headline(places, now, order))
    if found:
        return _unless_reposted(found, places.lead)
    shown = places.region if places.anchored else ""
    if relative.found_in(shown) or relative.found_in(places.byline):
        # `3小时前` under the headline: the dates of the text around the article are not its date.
        return (relative.relative_time(shown, fetched) or relative.relative_time(places.byline, fetched)
                or dates.date_from_url(url, now) or _in_scripts(places.html, now))
    found = (dates.labelled_date(places.tail, now, order) or dates.leading_date(places.tail, now)
             or dates.parse_value(meta.title_date(), now, order)
             or _url_unless_shown(dates.date_from_url(url, now), places, now) or _in_scripts(places.html, now))
    if found:
        return found
    for value in meta.dated_tags():
        found = dates.parse_value(value, now, order)
        if found:
            return found
    # English and dotted forms only where the article is not Chinese: their patterns cannot skip ahead.
    western = not chinese
    # Readers' comments under the body (`评论`, `留言`, `回复`) carry their own times: the nearest date
    # is sought before them.
    comments = _COMMENTS.search(places.page_text, places.body_end) if places.body_end else None
    stop = min(comments.start() if comments else len(places.page_text), floors if floors >= 0 else len(places.page_text))
    text = places.page_text[:stop]
    if places.head_at > 0:  # a side column's latest comments above the headline: their times
        text = dates.without_comment_times(text, places.head_at)
        # The page's header above a breadcrumb over the headline (a ticker's time, an almanac's day).
        low = max(0, places.head_at - _ABOVE_CONTEXT)
        crumb = _after_crumbs(text[low : places.head_at])
        if crumb:
            text = " " * (low + crumb) + text[low + crumb :]
    # Dates told inside the text's sentences (`…于2019年3月10日召开…`) are its events', not the page's posting.
    told = dates.without_running_dates(text, places.body_at, places.body_end) if places.body_end else text
    near = dates.nearest_date(told, places.body_at, now, header=places.head_at, western=western)
    # A dated list is no date of the article's, but its year is a fair hint for a yearless dateline;
    # so is an event's day and hour in the text (`2020年11月23日下午，…`), nearer than a side list.
    listed = near or dates.nearest_date(text, places.body_at, now, header=places.head_at,
                                        western=western, lists=True, hours=True)
    # The URL's year folder (`/2015/`, `/201503/`) is a better hint still: the page's own address.
    hint = dates.year_from_url(url, now) or (listed.astimezone(dates.SHANGHAI).year if listed else None)
    near_body = places.page_text[max(0, places.body_at - 3000) : min(places.body_at + 20000, stop)]
    # A full date in the byline line under the body beats a wire dateline whose year is borrowed.
    return (dates.labelled_date(near_body, now, order) or _first_time(meta, now)
            or (yearless.yearless_date(places.region, now, hint) if places.anchored else None)
            or dates.tail_date(places.tail, now) or dates.updated_tail_date(places.tail, now)
            or dates.han_tail_date(places.tail, now)
            or _filed_or_posted(yearless.dateline_date(places.lead, now, hint), near)
            or dates.bar_below_date(places.tail, now, places.html) or near
            or dates.short_date_from_url(url, now) or dates.id_date_from_url(url, now))


# How many days before the URL's day a day the page states may be the one it means (its CMS filed the page later).
_URL_AFTER_SHOWN = 2


def _url_unless_shown(posted: datetime | None, places: Places, now: datetime) -> datetime | None:
    """The URL's day, unless the page states a day one or two days before it under the text (`时间：2022-06-07` under
    `…/t20220608_….html`, a bar of its own, a script's `publishdate`): the day a reader is shown, the URL's its CMS's
    filing; a day farther from it or after it is no reading of the same posting."""
    if posted is None:
        return None
    day = posted.astimezone(dates.SHANGHAI).date()
    for shown in (lambda: dates.tail_date(places.tail, now), lambda: dates.bar_below_date(places.tail, now, places.html),
                  lambda: _in_scripts(places.html, now)):
        found = shown()
        if found is not None and 0 < (day - found.astimezone(dates.SHANGHAI).date()).days <= _URL_AFTER_SHOWN:
            return found
    return _lead_dateline(places.lead, day) or posted


# How many days after the URL's day the text's own dateline may name (filed late in the evening, posted past
# midnight, the CMS's folder the day it was entered).
_DATELINE_AFTER_URL = 1


def _lead_dateline(lead: str | None, url_day: date) -> datetime | None:
    """The day the text's opening dateline names (`11月21日讯`, `十一月二十一日讯`, in its first 40 characters), when
    it is one or two days before the URL's day or the day after it: the day the story states for itself, where no
    date is printed by its headline; farther from it, a dateline is no reading of the same posting."""
    opening = (lead or "")[:40]
    if "电" not in opening and "電" not in opening and "讯" not in opening and "訊" not in opening:
        return None
    match = yearless.DATELINE.search(opening)
    if match is None:
        return None
    month, day = yearless.dateline_day(match)
    for year in (url_day.year, url_day.year - 1, url_day.year + 1):  # a December dateline over a January URL
        try:
            named = date(year, month, day)
        except ValueError:
            return None
        if named != url_day and -_DATELINE_AFTER_URL <= (url_day - named).days <= _URL_AFTER_SHOWN:
            return dates.to_utc(year, month, day)
    return None


def _filed_or_posted(filed: datetime | None, near: datetime | None) -> datetime | None:
    """A wire dateline's day (its year borrowed), unless the nearest full date on the page is timed and that
    day or one or two days later (`本报济南11月9日讯` over a bar's `时间：2014年11月10日 10:20`): the paper's own
    story posted the next morning, whose page states when (3 to 90 days later, a mirror's copy, is
    `_unless_reposted`'s)."""
    if filed is None or near is None:
        return filed
    local = near.astimezone(dates.SHANGHAI)
    if not (local.hour or local.minute):
        return filed  # an untimed date (a list's item beside the text, `… 2018-03-09`): no posting time
    posted = dates.to_utc(local.year, local.month, local.day)
    return near if posted is not None and posted - _REPOSTED_AFTER <= filed <= posted else filed


# Shanghai's offset from UTC, and the zones a meta time may be marked with (`…T17:55:00Z`, `+00:00`).
_SHANGHAI_OFFSET = timedelta(hours=8)
_UTC_MARKS = ("Z", "z", "+00:00", "+0000", "UTC", "GMT")
# A site's clock a little ahead of ours is no mislabelled zone.
_CLOCK_SKEW = timedelta(minutes=15)


def _clock_as_utc(found: datetime, value: str, fetched: datetime | None) -> datetime:
    """`found`, or eight hours earlier when its value is marked UTC and lies after the page's fetch by
    more than a clock's skew (15 minutes) and no more than eight hours: a page is not published after
    it is fetched, so the time is Shanghai's clock written with a UTC zone (`2026-12-04T17:55:00Z`
    fetched at 10:00 UTC, 18:00 in Shanghai)."""
    if fetched is None or not fetched + _CLOCK_SKEW < found <= fetched + _SHANGHAI_OFFSET:
        return found
    return found - _SHANGHAI_OFFSET if value.rstrip().endswith(_UTC_MARKS) else found


# How much later than the byline a page's meta date must be to be a copy's or a move's time.
_COPIED_AFTER = timedelta(days=2)
# How much earlier than the byline a page's meta date must be to be a template's constant, not the article's.
_TEMPLATE_BEFORE = timedelta(days=180)


def _unless_copied(found: datetime, places: Places, url: str | None, now: datetime,
                   order: dates.Order) -> datetime:
    """The meta tags' date, unless the byline under the headline (`发布时间：2018-06-12`, `2018-06-12
    11:41:03 来源：…`, a page clock and a dated list aside), else a byline or signature line in the
    text (`二○○九年一月二十二日` under a notice), else the URL (`/2018/0612/`), states an earlier
    day: a mirror or a moved site writes the day it copied the page into `article:published_time`
    / `PubDate`, and an article is not shown dated before it was published, so the earlier is then
    the publication."""
    shown = None
    if places.anchored and places.region:
        region = dates.without_speech_days(dates.without_profile(dates.fold_digits(places.region)))
        shown = _shown_in(region, now, order) or _shown_odd(region, now)
        # A meta date months before the byline's (no update's) is a template's constant or the channel's
        # (`<meta name="pubdate" content="2019-01-01">` over every page), never the article's: the byline's.
        byline = _shown_in(dates.without_updates(region), now, order) if shown is not None and shown > found else None
        if byline is not None and byline > found + _TEMPLATE_BEFORE:
            return byline
    shown = shown or _in_byline(places.byline, now, order) or dates.date_from_url(url, now)
    return shown if shown is not None and shown < found - _COPIED_AFTER else found


def _shown_odd(text: str, now: datetime) -> datetime | None:
    """A byline's date in an older CMS's odd form: a two-digit year (`16-6-2 10:14| 发布者：…`), the year apart
    from its month and day (`11/12 2010年 16:39`), the day apart from its month (`31 2020-12 来源：…`)."""
    return dates.short_year_date(text, now) or dates.year_apart_date(text, now) or dates.day_apart_date(text, now)


# How much earlier than the page's own time a wire dateline must name a day for the page to be a
# repost (a day or two is a late posting), and how much earlier it may be (farther, the dateline is
# more likely another story's, quoted).
_REPOSTED_AFTER = timedelta(days=2)
_REPOSTED_WITHIN = timedelta(days=90)


def _unless_reposted(found: datetime, lead: str) -> datetime:
    """The page's stated time, unless the text opens with a dateline (`中新网 三明11月9日电`, `…讯`, in
    its first 40 characters) naming a day 3 to 90 days earlier in that year (or the year before, for
    a December dateline under a January time): a mirror states the day it copied the story
    (`发布时间:2024-11-28 04:52:45`) and keeps the agency's dateline, and a story is not posted before
    its agency filed it, so the dateline's day is the publication."""
    opening = lead[:40]
    if "电" not in opening and "電" not in opening and "讯" not in opening and "訊" not in opening:
        return found
    match = yearless.DATELINE.search(lead, 0, 40)
    if match is None:
        return found
    local = found.astimezone(dates.SHANGHAI)
    month, day = yearless.dateline_day(match)
    filed = dates.to_utc(local.year - (month > local.month), month, day)
    # Calendar days, not hours: a paper printing on the 30th a dispatch filed on the 28th is two
    # days late whatever hour its page states.
    posted = dates.to_utc(local.year, local.month, local.day)
    if filed is None or posted is None or not posted - _REPOSTED_WITHIN <= filed < posted - _REPOSTED_AFTER:
        return found
    return filed


def _floors_at(places: Places) -> int:
    """Where a thread's later floors start in the page text, -1 on a page that is no thread: the
    first `发表于` after the first post's text (after its start when its end was not found; the next one
    when the first floor's marker `1楼` stands before it: that floor's own time under its text), when
    post tools (`只看该作者`, `显示全部楼层`) stand over that text (a blog's own `发表于` under its post has none)."""
    if places.body_at <= 0:
        return -1
    above = places.page_text[max(0, places.body_at - _TOOLS_SPAN) : places.body_at]
    if not any(tool in above or tool in places.region for tool in _THREAD_TOOLS):
        return -1
    after = places.body_end or places.body_at
    at = _floor_time(places.page_text, after)
    if at >= 0 and _FIRST_FLOOR.search(places.page_text, after, at):
        at = _floor_time(places.page_text, at + 3)  # the first floor's own time under its text (`1楼 发表于 …`)
    return at


def _floor_time(text: str, start: int) -> int:
    """Where the first `发表于` from `start` stands in `text`, -1 if none."""
    return min((at for word in _FLOOR_TIMES if (at := text.find(word, start)) >= 0), default=-1)


def _in_region(places: Places, now: datetime, order: dates.Order, chinese: bool = True,
               weak: bool = False) -> datetime | None:
    """A labelled date, else a timed date, else any date in the byline region (on a Chinese page
    also `12/03/05`, a two-digit year first). When the headline was not found the region may hold a
    sidebar's dates: then only a labelled date, a byline line lifted out of the body, or a date just
    before the body counts. A bare update time (`更新时间：…`; beside a byline field, `点击数：35 更新时间：…`,
    it is an older CMS's posting time) and a speech's day are read only when `weak`."""
    # A side column's latest comments before the text (`最新评论 写得真好 2006-12-12`) date no post.
    region = dates.without_comment_times(places.region, len(places.region))
    if not places.anchored:
        if weak:
            return None
        return (dates.labelled_date(region, now, order) or _in_byline(places.byline, now, order)
                or dates.nearest_date(region, len(region), now, within=80))
    if not region:
        return None
    # An update time (`最后更新：…`) beside the publication date counts only when no other date does, and so
    # does a speech's day under its title (`——在…会议上的讲话 (2014年3月5日)`): a page posts it days later.
    unspoken = dates.without_document_day(dates.without_speech_days(region), places.byline)
    plain = dates.without_updates(unspoken)
    texts: tuple[str, ...]
    if not weak:
        texts = ((plain, dates.without_bare_updates(unspoken)) if plain is not unspoken and dates.BYLINE_FIELD.search(region)
                 else (plain,))
    elif plain is region:
        return None
    else:
        texts = (region,)
    for text in texts:
        found = (_shown_in(text, now, order, places.byline) or dates.short_year_date(text, now)
                 or dates.roc_numeric_date(text, now) or dates.glued_date(text, now) or dates.year_apart_date(text, now)
                 or (dates.slash_short_year_date(text, now) if chinese else None) or dates.day_apart_date(text, now))
        if found:
            return found
    return None


# How far above the headline its byline may end (a date bar, a blog's date header, a CMS's metadata
# row printed over the title): a labelled or timed date farther (a tool row may stand between), and
# how much before that is read to tell a dated list or a clock.
_ABOVE_SPAN = 60
_ABOVE_TIMED_SPAN = 160
_ABOVE_CONTEXT = 300


def _above_headline(places: Places, now: datetime, order: dates.Order) -> datetime | None:
    """A date written right above the headline, when nothing under it dated the page: a labelled or
    timed one in the 160 characters before the headline, else the last date of the 60 before it,
    unless it is a page clock (a weekday after it, `今天是…`), an item of a dated list, a link's date (a side
    column's latest links printed before the article's column) or a period's end (a record table's name row
    repeating a digest's title, `一周回顾(2016. 8.21~27)`); else the byline's of a side link's date run into it
    (`…推进会召开 2012-02-102012-01-07 09:12`)."""
    if not places.anchored or places.head_at <= 0:
        return None
    low = max(0, places.head_at - _ABOVE_CONTEXT)
    above = dates.without_comment_times(places.page_text[low : places.head_at], places.head_at - low)
    above = above[_after_crumbs(above) :]
    context = dates.without_periods(dates.without_clock(dates.without_lists(dates.without_updates(above)), now))
    context = dates.without_link_dates(context, places.html)
    line, wide = max(0, len(context) - _ABOVE_SPAN), max(0, len(context) - _ABOVE_TIMED_SPAN)
    return (dates.labelled_date(context[wide:], now, order) or dates.last_date(context, now, wide, timed=True)
            or dates.last_date(context, now, line) or dates.glued_pair_date(context[line:], now))


# A breadcrumb's opening (`首页 >`, `您当前的位置：首页 >`, `当前位置: 首页 ->`) and its separators: page text
# may run the crumb, the blocks around it and the headline together, so it is found by its parts.
_CRUMB_OPENING = re.compile(r"(?:首页|首頁|主页|主頁|位置)[^>＞»›\n]{0,10}?(?:->|>>|>|＞|»|›)")
_CRUMB_STEP = re.compile(r"[^>＞»›\n]{0,16}?(?:->|>>|>|＞|»|›)")


def _after_crumbs(above: str) -> int:
    """Where the text above the headline continues after its last breadcrumb's last separator
    (`首页 > 本地 > 正文`, `当前位置: 首页 -> 新闻中心`), 0 without one: what stands above a breadcrumb
    is the page's header (a market ticker's time, an almanac's day, a forecast), not the byline."""
    last = None
    for match in _CRUMB_OPENING.finditer(above):
        last = match
    if last is None:
        return 0
    end = last.end()
    while (step := _CRUMB_STEP.match(above, end)) is not None:
        end = step.end()
    return end


def _shown_in(region: str, now: datetime, order: dates.Order, byline: str | None = None) -> datetime | None:
    """A labelled date, else a timed date, else any date (a page clock and a dated list aside) in
    the byline region under the headline. A related list there (a list's heading, `相关新闻`, and three
    dates or more after it) is read around: a date before its heading is the byline's, else the
    `byline` line lifted out of the body, else a byline under the list (see `byline_under_list`)."""
    found = dates.labelled_date(region, now, order)
    if found:
        return found
    heading = dates.list_heading(region)
    if heading >= 0:
        return (_shown_plain(region[:heading], now, order) or _in_byline(byline, now, order)
                or dates.byline_under_list(region, now, heading))
    return _shown_plain(region, now, order)


def _shown_plain(region: str, now: datetime, order: dates.Order) -> datetime | None:
    """A timed date, else any date (a page clock, a dated list and a period's ends aside) in `region`."""
    return (dates.first_date(region, now, timed=True)
            or dates.parse_date(dates.without_periods(dates.without_clauses(dates.without_clock(dates.without_lists(region), now))),
                                now, order))


def _in_byline(line: str | None, now: datetime, order: dates.Order) -> datetime | None:
    """The date of a byline line lifted out of the body: a labelled one, else a timed one, else the
    first (the line may open with a headline that carries a date of its own: `《访谈》2009年3月1日`)."""
    return (dates.labelled_date(line, now, order) or dates.first_date(line, now, timed=True)
            or dates.parse_date(line, now, order) or dates.year_apart_date(line, now))


# Byline words that make a date line inside the body a byline rather than a document's signature.
_BYLINE_FIELD = re.compile("来源|來源|作者|记者|記者|编辑|編輯|责编|責編|稿源|文/|文／")


# How long after a document's signature its URL's day may be the day it was posted.
_POSTED_WITHIN = timedelta(days=60)


def _body_line(places: Places, now: datetime, order: dates.Order, url: str | None = None,
               meta: PageMeta | None = None) -> datetime | None:
    """The date of the byline line lifted out of the body; when that line is only a name and an
    untimed date (a notice's signature, `太湖县人民政府 2019年1月17日`, `江苏南京 2020年2月20日`, or a
    document's day alone in brackets opening its text, `（2016年11月26日）`), a labelled date or a dated
    byline line opening the text right after the body is the page's publication (the document was
    signed days before it was posted), else a day up to 60 days after the signature that the URL
    states (`/2021-03/23/` under a document signed on March 15), a script (`var publishTime =
    "2020-02-27 10:21:00"` under a survey signed on February 20), an info bar farther under the text
    (after the related links), the text right above the headline (a breadcrumb's `[2017-12-19]`) or
    the <title> (`…(2017-12-19)`)."""
    found = _in_byline(places.byline, now, order)
    line = places.byline or ""
    if (found is None or _BYLINE_FIELD.search(line) or dates.labelled_date(line, now, order)
            or dates.first_date(line, now, timed=True)):
        return found
    tail = places.tail.lstrip()  # its lines may run together: judge the first 40 characters as a line
    if line:
        # The signature was the body's last line, so the text after the body opens with it (or with
        # the names of the bodies that issued the document, which the body leaves out, and then it).
        at = tail.find(line[-8:], 0, len(line) + 60)
        if at >= 0 and (tail.startswith(line[:20]) or at <= 60):
            tail = tail[at + 8 :].lstrip()
    after = _under_body(tail, now, order)
    if after is None and found is not None:
        title = meta.title_date() if meta is not None else None
        for posted in (lambda: dates.date_from_url(url, now), lambda: _in_scripts(places.html, now),
                       lambda: dates.bar_below_date(tail, now), lambda: _above_headline(places, now, order),
                       lambda: dates.parse_value(title, now, order) if title else None):
            day = posted()
            if day is not None and found < day <= found + _POSTED_WITHIN:
                return day
    return after or found


def _under_body(tail: str, now: datetime, order: dates.Order) -> datetime | None:
    """A labelled date or a dated byline line opening the text right after the body."""
    tail = tail.lstrip()
    return (dates.labelled_date(tail[:60], now, order) or dates.opening_date(tail[:40], now, order)
            or dates.tail_date(tail, now))


def _time_shown_in(meta: PageMeta, region: str, now: datetime) -> datetime | None:
    """The datetime of a <time> element whose visible text is in the byline region, one shown
    after an update label (`Updated`, `更新`) only when no other is."""
    updates: list[str] = []
    for stamp, text, _ in meta.times:
        at = region.find(text) if text else -1
        if at < 0:
            continue
        if any(word in region[max(0, at - 24) : at] for word in _UPDATE_WORDS):
            updates.append(stamp)
            continue
        found = dates.parse_value(stamp, now)
        if found:
            return found
    for stamp in updates:
        found = dates.parse_value(stamp, now)
        if found:
            return found
    return None


def _marked(places: Places, now: datetime, order: dates.Order) -> datetime | None:
    """The first date in an element marked as the publication time (its attributes, then its text),
    else one a script writes as a date element's only content."""
    for value in places.marked():
        found = dates.parse_value(value, now, order)
        if found:
            return found
    return _written(places.html, now, order)


# A byline a script writes: `<span class="date"><script>document.write(fmtDate("2023-05-09 10:21:00"))`.
# The element's opening right before the script (its class or id naming a date or time), and the
# quoted values the call writes.
_WRITE = "document.write("
_WRITER = re.compile(r"""(?:class|id)\s*=\s*["']([^"'<>]{0,60}(?:date|time|Date|Time)[^"'<>]{0,60})["']"""
                     r"""[^<>]{0,80}>\s*<script[^<>]{0,80}>\s*$""")
_QUOTED = re.compile(r"""["']([^"'\n<]{8,30})["']""")


def _written(html: str, now: datetime, order: dates.Order) -> datetime | None:
    """A date a script writes as the only content of an element marked as a date or time (not a
    related, side, comment or footer box's): the first of the first five `document.write(` calls."""
    at = html.find(_WRITE)
    for _ in range(5):
        if at < 0:
            return None
        opening = _WRITER.search(html, max(0, at - 300), at)
        if opening and not MARK_AWAY.search(opening.group(1).lower()):
            for value in _QUOTED.findall(html, at, at + 200)[:2]:
                found = dates.parse_value(value, now, order)
                if found:
                    return found
        found = _written_bar(html, at, now, order)
        if found:
            return found
        at = html.find(_WRITE, at + len(_WRITE))
    return None


def _written_bar(html: str, at: int, now: datetime, order: dates.Order) -> datetime | None:
    """A byline bar a script writes whole (`document.write("<span>发布时间：2016-11-22 来源：…</span>")`): the
    labelled date of the call's quoted text, or its first date when the text holds byline fields (`来源`,
    `阅读`) or is a short line of its own; not a list's (`<li>` items) nor in a related, side or footer box."""
    call = html[at : at + _CALL_SPAN]
    end = call.find(")</script") if ")</script" in call else call.find(");")
    literal = "".join(a or b for a, b in _LITERAL.findall(call[: end if end > 0 else _CALL_SPAN]))
    if not literal or _LISTED_MARKUP.search(literal):
        return None
    box = html.rfind("<", max(0, html.rfind("<script", 0, at) - _BOX_SPAN), html.rfind("<script", 0, at))
    if box >= 0 and MARK_AWAY.search(html[box : box + _BOX_SPAN].split(">", 1)[0].lower()):
        return None
    text = _MARKUP.sub(" ", literal)
    bar = (dates.BYLINE_FIELD.search(text) or _BAR_WORDS.search(text)
           or (len(text.strip()) <= _DATE_LINE and "<a" not in literal.lower()))  # (a link's date is its item's)
    return dates.labelled_date(text, now, order) or (
        (dates.parse_date(text, now, order) or _shown_odd(text, now)) if bar else None)


_CALL_SPAN = 600  # characters of a `document.write(` call read
_DATE_LINE = 40  # a written text this short is a date line (`2013-04-24 14:05:25 张三`, `2015.03.12`)
_BOX_SPAN = 200  # how far before the <script> its element's opening is looked for
_LITERAL = re.compile(r'"((?:[^"\\\n]|\\.){1,300})"|\'((?:[^\'\\\n]|\\.){1,300})\'')
_LISTED_MARKUP = re.compile(r"<(?:li|tr|dd)[\s>]", re.I)
_MARKUP = re.compile(r"<[^<>]*>")
_BAR_WORDS = re.compile("阅读数|閱讀數|浏览|瀏覽|点击|點擊|来源|來源|发布者|發布者|发稿人|發稿人|日期[:：]|时间[:：]|時間[:：]")


def _in_scripts(html: str, now: datetime) -> datetime | None:
    """A publication time a script assigns (pages that fill their byline by script, as WeChat's):
    the first of a pattern's first ten matches that parses."""
    for pattern in _SCRIPT_DATES:
        for match in islice(pattern.finditer(html), 10):
            if not _stated_for_page(html, match.start()):
                continue
            found = dates.parse_value(match.group(1), now)
            if found:
                return found
    at = html.find(_PROPERTIES)
    if at >= 0:
        field = _PROPERTY_DATE.search(html, at, at + 800)
        found = dates.parse_value(field.group(1), now) if field else None
        if found:
            return found
    for info in islice(_ARTICLE_INFO.finditer(html), 3):
        field = _INFO_TIME.search(html[info.end() : info.end() + 600].split("<", 1)[0])
        found = dates.parse_value(field.group(1), now) if field else None
        if found:
            return found
    return None


def _stated_for_page(html: str, at: int) -> bool:
    """Whether the script time at `at` is stated for the page: in an element's attribute, not a list
    item's (`<li data-pubtime="…">`) nor a related or side box's; or inside a <script>, not inside a
    list of items there (a page state's `"related":[{…"publish_time":…}]`, the related stories') nor
    in an account's object (`"user":{…"create_time":…}`)."""
    opening = html.rfind("<script", 0, at)
    if opening < 0 or html.rfind("</script", opening, at) >= 0:
        # an attribute (`<div class="article-meta" data-pubdate="…">`), not a list item's nor a related box's
        start = html.rfind("<", max(0, at - _TAG_SPAN), at)
        tag = html[start + 1 : at].lower() if start >= 0 else ">"
        if ">" in tag or not tag:
            return True  # in text
        return tag.split(None, 1)[0] not in _ITEM_TAGS and not MARK_AWAY.search(tag)
    if html.count("[", opening, at) > html.count("]", opening, at):
        return False
    owner = _owner(html, max(opening, at - _OWNER_SPAN), at)
    return owner is None or _OWNER_KEYS.search(owner) is None


# Elements that are items of a list: a time in their attributes is the item's (`<li data-pubtime="…">`).
_ITEM_TAGS = frozenset(("li", "a", "dd", "dt", "tr", "td", "option"))
_TAG_SPAN = 400  # how far back an attribute's tag opening is looked for
# An object in page state that describes a person or an account, not the article: its `create_time` is
# when the account was opened (`"user":{"name":…,"create_time":1557109260}`). Its key is looked for before
# the innermost object still open within 600 characters before the time.
_OWNER_SPAN = 600
_OWNER_KEYS = re.compile(r"(?:user|author|account|creator|owner|profile|media)[\w]{0,8}[\"']?\s*[:=]\s*$", re.I)


def _owner(html: str, low: int, at: int) -> str | None:
    """The 24 characters before the innermost `{` still open at `at` (looked for back to `low`), if any."""
    depth = 0
    for i in range(at - 1, low - 1, -1):
        char = html[i]
        if char == "}":
            depth += 1
        elif char == "{":
            if depth == 0:
                return html[max(0, i - 24) : i]
            depth -= 1
    return None


def _first_time(meta: PageMeta, now: datetime) -> datetime | None:
    """The first <time datetime> on the page that parses."""
    for stamp, _, _ in meta.times:
        found = dates.parse_value(stamp, now)
        if found:
            return found
    return None
