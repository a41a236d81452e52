"""`monitor serve` as a colleague used it in Chromium (session 34): what a page past the last
offers. Pages served over HTTP on 127.0.0.1 from a real SQLite file made by `monitor import`."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, quote, urlsplit

from test_web import get
from test_web_use import busy  # noqa: F401 (fixture)


def test_a_page_past_the_last_leads_to_the_first_not_to_the_page_before(busy):  # noqa: F811
    # `page=99` of a search of two pages (a bookmark, an edited address) said it was past the last
    # page, and its pager's '← newer' led to page 98, as empty: 97 more clicks to reach a result.
    site, _ = busy
    for path in ("/search?q=" + quote("沪明") + "&page=99", "/topic/hu-ming?weeks=8&page=99"):
        html = get(site, path).text
        assert "Page 99 is past the last page" in html, html[-2000:]
        assert 'rel="prev"' not in html, re.findall(r'<a rel="prev" href="([^"]*)"', html)
        back = unescape(re.search(r'<a href="([^"]*)">back to the first</a>', html).group(1))
        assert "page" not in parse_qs(urlsplit(back).query), back
    html = get(site, "/search?q=" + quote("沪明") + "&page=2").text  # a page with results keeps its link back
    assert re.search(r'<a rel="prev" href="[^"]*">← newer</a>', html), html[-2000:]
