"""Answers the fetcher read differently from the way browsers and search engines read them (the
third round).

- A robots.txt saved with a UTF-8 byte order mark (Windows Notepad writes one): its first line,
  `User-agent: *`, was read as a line of another name, so its group did not apply and every page
  it disallows was fetched. Google's parser skips the mark; so does ours now.
Real servers on 127.0.0.1; the text is invented."""

from __future__ import annotations

import pytest
from hostile import BODY, Site, article_html
from test_fetch import fails, fetcher_for


@pytest.mark.parametrize("robots", [b"\xef\xbb\xbfUser-agent: *\r\nDisallow: /admin/\r\n",
                                    b"\xef\xbb\xbfUser-agent: *\nDisallow: /admin/\nAllow: /admin/public/\n"])
def test_a_robots_txt_with_a_byte_order_mark_still_applies(robots):
    with Site() as site:
        site.page("/robots.txt", robots, content_type="text/plain")
        site.page("/admin/a.html", article_html("后台", BODY))
        site.page("/news/a.html", article_html("沪明两地共建产业园区", BODY))
        with fetcher_for(site, retries=0) as f:
            fails(f, site.url("/admin/a.html"), "robots")
            assert "三明市有关负责人" in f.get(site.url("/news/a.html")).text
    assert "/admin/a.html" not in site.paths()
