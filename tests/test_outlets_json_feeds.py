"""JSON Feeds (1.1) as CMS plug-ins write them: an item naming its page only by its `id` (the
spec's id "may be a URL", and readers open it when `url` is left out), a `date_published`
written without its zone (`2026-12-05T08:00:00`, the spec's RFC 3339 forgotten) in a source whose
`date_tz` names its clock.

An item whose id was its address was dropped (a feed of them: no links at all), and a zoneless date
was read in Shanghai whatever the source's date_tz said, as an RSS feed's no longer is (1cedd0a).
An id that is no address (`"4"`, `tag:…`) is still none. The text is invented.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from monitor.sources import feed

URL = "http://127.0.0.1:9/feed.json"


def doc(items: list[dict]) -> bytes:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "三明融媒", "items": items},
                      ensure_ascii=False).encode()


def test_an_item_whose_id_is_its_address_is_read_by_it():
    items = [{"id": "http://127.0.0.1:9/a/1.html", "title": "沪明合作共建产业园", "content_html": "<p>正文</p>"},
             {"id": "tag:127.0.0.1,2026:2", "title": "无地址", "content_text": "x"},
             {"id": "3", "url": "/a/3.html", "title": "三明文旅推介会走进上海"}]
    found = feed.parse(doc(items), {"content-type": "application/feed+json"}, URL)
    assert [c.url for c in found] == ["http://127.0.0.1:9/a/1.html", "http://127.0.0.1:9/a/3.html"]


def test_a_zoneless_date_is_in_the_sources_clock():
    items = [{"id": "1", "url": "/a/1.html", "title": "t", "date_published": "2026-12-05T08:00:00"},
             {"id": "2", "url": "/a/2.html", "title": "t", "date_published": "2026-12-05T08:00:00+08:00"}]
    found = feed.parse(doc(items), {"content-type": "application/feed+json"}, URL, "Europe/London")
    assert [c.published for c in found] == [datetime(2026, 12, 5, 8, 0, tzinfo=timezone.utc),
                                            datetime(2026, 12, 5, 8, 0, tzinfo=timezone(timedelta(hours=8)))]
    shanghai = feed.parse(doc(items[:1]), {"content-type": "application/feed+json"}, URL)  # the default clock
    assert shanghai[0].published == datetime(2026, 12, 5, 8, 0, tzinfo=timezone(timedelta(hours=8)))
