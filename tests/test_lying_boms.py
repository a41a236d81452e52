"""A page whose byte order mark belies its bytes: a GBK template saved once by an editor that
puts a UTF-8 mark before it, or a UTF-16 mark before GBK bytes (`<meta charset=gbk>` and all).
The mark was believed, as a browser believes it, and the page read as mojibake: no article
("no block of readable text on the page; set a body selector for this source", a fix that
cannot help), its articles never stored. Now a mark the bytes belie is passed over (markup in
one byte a character with no NUL near it after a UTF-16 mark; over 0.5 % of bytes no UTF-8 after
a UTF-8 mark) and the page read by its own charset. Real UTF-16 pages and UTF-8 pages with a
few corrupt bytes behind their mark are read as before. Real servers on 127.0.0.1; the text is
invented."""

from __future__ import annotations

import codecs

import pytest
from hostile import BODY, Site, article_html
from test_cycle import make_ctx, source_toml, urls  # noqa: F401  (make_ctx is a fixture)

from monitor.decode import decode_html_as
from monitor.pipeline import poll

TITLES = ["三明与上海签约共建产业园区", "沪明两地联合举办文旅推介会", "上海专家团队赴永安开展义诊"]
MARKS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]


def test_gbk_pages_behind_a_lying_mark_are_read_by_their_own_charset(make_ctx):  # noqa: F811
    with Site() as a:
        links = [f"/news/{i}.html" for i in range(3)]
        a.listing("/list.html", links)
        for link, title, mark in zip(links, TITLES, MARKS, strict=True):
            page = article_html(title, BODY + "\n" + title, charset="gbk").encode("gbk")
            a.page(link, mark + page, content_type="text/html")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert report.status == "ok" and report.new == 3, report
    rows = {r["title"]: r["body"] for r in ctx.store.db.query("SELECT title, body FROM articles")}
    assert set(rows) == set(TITLES)
    assert all("沪明对口合作联席会议" in body for body in rows.values())


@pytest.mark.parametrize(("mark", "codec"), [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
                                             (codecs.BOM_UTF8, "utf-8")])
def test_pages_their_mark_tells_truly_are_read_as_before(mark, codec):
    page = article_html(TITLES[0], BODY, charset="utf-16" if codec != "utf-8" else "utf-8")
    data = mark + page.encode(codec)
    assert decode_html_as(data, "text/html") == (page, codec)
    if codec == "utf-8":  # a few corrupt bytes (a cut character, a stray byte): still UTF-8
        broken = mark + page.encode("utf-8")[:-40] + b"\xe4\xb8" + page.encode("utf-8")[-40:]
        text, read_as = decode_html_as(broken, "text/html")
        assert read_as == "utf-8" and TITLES[0] in text and text.count("\ufffd") == 1
