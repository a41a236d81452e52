"""Links whose host is written in full-width letters and digits or with ideographic full stops
(`http://ｗｗｗ。ｅｘａｍｐｌｅ.ｃｏｍ/…`, `http://１２７．０．０．１/…`): an editor typing with a Chinese
input method in full-width mode, or a hostile list page hoping the address guard reads the host
before a browser's mapping does. A browser maps such a host (UTS #46) and opens the page; we
called the link 'not a valid URL' and gave it up for good: the article was lost. Now a link's
host is mapped as a browser maps it, so the page is fetched and stored under its ASCII address,
and the address guard judges the mapped host: a full-width private address is refused as the
ASCII one is, without a request leaving."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hostile import Proxy, Site
from test_cycle import FETCH, make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.pipeline import poll
from monitor.sources.base import absolute

WIDE = str.maketrans("0123456789.abcdefghijklmnopqrstuvwxyz", "０１２３４５６７８９．ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ")


def wide(host: str) -> str:
    return host.translate(WIDE)


@pytest.mark.parametrize(("href", "expected"), [
    ("http://ｗｗｗ。ｅｘａｍｐｌｅ.ｃｏｍ/news/1.html?id=ＡＢ", "http://www.example.com/news/1.html?id=ＡＢ"),
    ("//ＮＥＷＳ．Ｅｘａｍｐｌｅ．ｃｎ:8080/a", "http://news.example.cn:8080/a"),
    ("http://user@三明。中国/沪明.html", "http://user@三明.中国/沪明.html"),
    ("/a.html", "http://x.cn/a.html"),
    ("http://ｘ.ｃｎ：８０/a", None),  # a full-width colon is no port: an invalid link
])
def test_a_links_host_is_mapped_as_a_browser_maps_it(href, expected):
    assert absolute("http://x.cn/list.html", href) == expected


def test_full_width_hosts_are_fetched_under_their_ascii_address_and_guarded_after_mapping(make_ctx):  # noqa: F811
    with Site() as a, Site() as inside, Proxy() as proxy:
        a.listing("/list.html", [f"http://{wide('127.0.0.1')}:{a.port}/a.html",
                                 f"http://{wide('127.0.0.1')}:{inside.port}/x.html",
                                 f"http://{wide('169.254.169.254')}/latest/meta-data/", f"http://{wide('10.0.0.1')}/"])
        a.article("/a.html", "沪明合作新闻一")
        inside.article("/x.html", "沪明合作内部")
        ctx = make_ctx(source_toml("a", a.url("/list.html")), fetch=FETCH + f'proxy = "{proxy.url}"\n',
                       allow=(a.netloc,))
        report = poll(ctx)[0]
    assert urls(ctx) == {a.url("/a.html")}, report
    assert inside.paths() == [] and all(urlsplit(t).netloc == a.netloc for t in proxy.targets), proxy.targets
    assert report.refused == 3, report
    assert sorted(e.split(":")[0] for e in report.errors) == ["refused to connect to 10.0.0.1 port 80",
                                                             f"refused to connect to 127.0.0.1 port {inside.port}",
                                                             "refused to connect to 169.254.169.254 port 80"], report.errors
