"""A json-api list whose dates carry no year, read near New Year (session 24, faults-sources-2).

`12-30`, `12月30日 09:15` or a `date_format = "%m-%d"` gave no date at all (or year 1900, dropped
as a CMS's "no date"): `max_age_days` could not leave old items out, and the listing's date was
lost. The year is now the one that puts the day latest, not past the poll (a day's grace). The
text is invented."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from monitor.sources import dates

NEW_YEAR = datetime(2027, 1, 2, 4, 0, tzinfo=timezone.utc)  # 12:00 on 2 January in Shanghai


@pytest.mark.parametrize(("text", "fmt", "local"), [
    ("12-30", None, "2026-12-30 00:00"),
    ("12月30日 09:15", None, "2026-12-30 09:15"),
    ("01-02 08:00", None, "2027-01-02 08:00"),
    ("01-03", None, "2027-01-03 00:00"),  # tomorrow in Shanghai: a day's grace (a clock ahead)
    ("12/31", "%m/%d", "2026-12-31 00:00"),
    ("2026-12-30", "%Y-%m-%d", "2026-12-30 00:00"),
])
def test_a_yearless_list_date_is_the_latest_such_day(text, fmt, local):
    when = dates.parse(text, "Asia/Shanghai", fmt, now=NEW_YEAR)
    assert when is not None, text
    assert when.astimezone(dates._zone("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M") == local


def test_a_json_api_item_dated_without_a_year_gets_its_year():
    from monitor.config import Source
    from monitor.sources.jsonapi import _candidates

    src = Source(name="j", kind="json-api", url="http://127.0.0.1/api?page={page}", items="list", link="url",
                 title="title", date="time")
    items = [{"url": "/a/1.html", "title": "沪明合作", "time": "12-30 09:15"}]
    (cand,) = _candidates(items, src, "http://127.0.0.1/api", NEW_YEAR)
    assert cand.published == datetime(2026, 12, 30, 1, 15, tzinfo=timezone.utc)
