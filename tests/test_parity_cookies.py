"""A cookie whose value is not ASCII: a county portal remembering the visitor's city in GBK
(`city=三明`), a CMS putting a UTF-8 name in a cookie. A browser keeps the bytes and sends them
back as they came. The fetcher kept the header's text (Latin-1 or UTF-8, as httpx guessed for
the whole answer) and then could not write it into the next request's Cookie header: every
later page of that site failed with a UnicodeEncodeError, no FetchError, so a poll's source
ended on a bare exception. Real servers on 127.0.0.1."""

from __future__ import annotations

import pytest
from hostile import Site, raw
from test_fetch import fetcher_for

PAGE = "<html><head><meta charset=utf-8><title>沪明合作</title></head><body><p>三明与上海共建产业园区。</p></body></html>"


@pytest.mark.parametrize("value", ["三明".encode("gbk"), "三明".encode(), "Zürich".encode("latin-1")])
def test_a_cookie_in_raw_bytes_is_sent_back_as_it_came(value):
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        body = PAGE.encode()
        site.routes["/a.html"] = raw(b"HTTP/1.1 200 OK", [b"Content-Type: text/html; charset=utf-8",
                                                          b"Set-Cookie: city=" + value + b"; Path=/",
                                                          b"Content-Length: %d" % len(body), b"Connection: close"],
                                     body)
        site.page("/b.html", PAGE)
        site.page("/c.html", PAGE)
        with fetcher_for(site, retries=0) as f:
            first = f.get(site.url("/a.html"))
            later = [f.get(site.url(p)) for p in ("/b.html", "/c.html")]
    assert "三明与上海" in first.text and all("三明与上海" in g.text for g in later)
    sent = [h.headers.get("cookie", "") for h in site.hits if h.path in ("/b.html", "/c.html")]
    assert [s.encode("latin-1", "surrogateescape") for s in sent] == [b"city=" + value] * 2
