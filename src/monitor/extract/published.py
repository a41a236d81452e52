"""Where on a page its publication time is written: the date cascade, first plausible hit wins.

In: what the extractor already found — the per-source date text, the page's meta facts, the
byline region between headline and body (and whether the headline anchored it), a byline line
lifted out of the body, the text right after the body, the URL, the page text and where the
body starts in it. Out: an aware UTC datetime or None. Never raises; parsing is in `dates`.

The order, from the most to the least specific place:
1. a per-source selector; meta tags, JSON-LD and <time> marked as the publication time;
2. the byline region: a labelled date (`发布时间：`), a timed date, any date; a <time> shown there;
3. a byline line inside the body; a labelled date or one opening the text right after the body;
4. the URL; other dated meta tags (update times last); a labelled date anywhere; the first <time>;
5. a yearless wire dateline (`11月8日电`) or byline time (`11-08 10:23`), the year taken from the
   dated text nearest the body (else the latest year not in the future); that nearest date.
Dates of related lists, comments and page clocks lie farther from the body than the byline, so
the last resort is the nearest date, not the first one on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from . import dates
from .meta import PageMeta


@dataclass
class Places:
    """The texts the cascade reads, gathered by the extractor."""

    region: str = ""  # between the headline and the body's first paragraph
    anchored: bool = True  # the headline was found, so the region starts at it
    byline: str | None = None  # a byline line lifted out of the body
    tail: str = ""  # a little text after the body's last paragraph
    page_text: str = ""
    body_at: int = 0  # where the body starts in page_text
    lead: str = ""  # the body's first paragraphs, for a wire dateline


def published(meta: PageMeta, ruled: str | None, url: str | None, places: Places, now: datetime) -> datetime | None:
    """The publication time, first plausible hit of the cascade, in UTC."""
    stated = (ruled, *meta.published_tags(), meta.ld.get("date"), *(stamp for stamp, _, marked in meta.times if marked))
    for value in stated:
        found = dates.parse_date(value, now)
        if found:
            return found
    found = (_in_region(places, now) or _time_shown_in(meta, places.region, now)
             or dates.parse_date(places.byline, now)
             or dates.labelled_date(places.tail, now) or dates.leading_date(places.tail, now)
             or dates.date_from_url(url, now))
    if found:
        return found
    for value in meta.dated_tags():
        found = dates.parse_date(value, now)
        if found:
            return found
    near = dates.nearest_date(places.page_text, places.body_at, now)
    hint = near.astimezone(dates.SHANGHAI).year if near else None
    near_body = places.page_text[max(0, places.body_at - 3000) : places.body_at + 20000]
    return (dates.labelled_date(near_body, now) or _first_time(meta, now)
            or dates.dateline_date(places.lead, now, hint)
            or (dates.yearless_date(places.region, now, hint) if places.anchored else None) or near)


def _in_region(places: Places, now: datetime) -> datetime | None:
    """A labelled date, else a timed date, else any date in the byline region. When the headline was
    not found the region may hold a sidebar's dates: then only a labelled date, a byline line
    lifted out of the body, or a date just before the body counts."""
    region = places.region
    if not places.anchored:
        return (dates.labelled_date(region, now) or dates.parse_date(places.byline, now)
                or dates.nearest_date(region, len(region), now, within=80))
    if not region:
        return None
    return (dates.labelled_date(region, now) or dates.first_date(region, now, timed=True)
            or dates.parse_date(region, now))


def _time_shown_in(meta: PageMeta, region: str, now: datetime) -> datetime | None:
    """The datetime of a <time> element whose visible text is in the byline region."""
    for stamp, text, _ in meta.times:
        if text and text in region:
            found = dates.parse_date(stamp, now)
            if found:
                return found
    return None


def _first_time(meta: PageMeta, now: datetime) -> datetime | None:
    """The first <time datetime> on the page that parses."""
    for stamp, _, _ in meta.times:
        found = dates.parse_date(stamp, now)
        if found:
            return found
    return None
