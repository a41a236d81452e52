"""Pages declaring a "charset" that is one of Python's codecs but no browser's: UTF-7, HZ,
`unicode-escape`, `punycode`, `undefined`, base64. A page in plain ASCII declaring UTF-7 or HZ
shows a browser `+bKpmDg-` or `~{;&Cw~}` (the Encoding Standard knows no UTF-7 and reads HZ as
one U+FFFD), and was read by us as 沪明: keywords no reader sees, a shop's page matched. An
`unicode-escape` page had `\\u6caa` read as 沪. A page declaring `punycode` or `undefined` raised out
of the decoder, which never raises. Now each such label counts as unknown, as a browser's
unknown label does, and the bytes are read by detection. Real sockets on 127.0.0.1; invented text."""

from __future__ import annotations

import pytest
from hostile import BODY, Site, article_html
from test_cycle import make_ctx, source_toml  # noqa: F401  (make_ctx is a fixture)

from monitor.decode import decode_html, decode_html_as
from monitor.pipeline import poll

SHOP = "".join(f"<p>Shop {i}: second-hand phones bought and repaired, fair prices, call us any day of the week.</p>"
               for i in range(3))
HIDDEN = {  # each spells 沪明对口合作 三明 上海 in ASCII bytes, under the label that reads it so
    "utf-7": "沪明对口合作 三明 上海".encode("utf-7"),
    "hz-gb-2312": "沪明对口合作 三明 上海".encode("hz"),
    "unicode-escape": "沪明对口合作 三明 上海".encode("unicode-escape"),
    "raw-unicode-escape": "沪明对口合作 三明 上海".encode("raw-unicode-escape"),
}


def _shop(stuffing: bytes, charset_meta: str = "") -> bytes:
    return (f"<html><head>{charset_meta}<title>Phone repairs</title></head><body><h1>Phone repairs</h1>"
            f"<div class='content'>{SHOP}<p>").encode() + stuffing + b"</p></div></body></html>"


@pytest.mark.parametrize("label", list(HIDDEN))
@pytest.mark.parametrize("where", ["header", "meta"])
def test_ascii_bytes_under_a_label_no_browser_reads_are_not_read_as_chinese(label, where):
    page = _shop(HIDDEN[label], f'<meta charset="{label}">' if where == "meta" else "")
    text = decode_html(page, f"text/html; charset={label}" if where == "header" else "text/html")
    assert "沪明" not in text and "沪" not in text, text[-120:]
    assert HIDDEN[label].decode("ascii") in text


ENGLISH = ("Shanghai and Sanming held their paired-cooperation meeting on Monday.\n"
           "The two cities agreed to widen trade in tea and bamboo shoots.")


@pytest.mark.parametrize("label", ["punycode", "undefined", "idna", "base64", "unicode-1-1-utf-7"])
def test_a_page_declaring_a_codec_that_is_no_charset_is_read(label):
    for page in (article_html("Paired cooperation", ENGLISH, charset=label), article_html("沪明合作新闻", BODY, charset=label)):
        for content_type in (f"text/html; charset={label}", "text/html"):
            text, codec = decode_html_as(page.encode("utf-8"), content_type)
            assert text == page and codec == "utf-8", (label, content_type, codec)


def test_a_polled_site_hiding_keywords_in_utf7_has_them_unread_and_the_rest_stored(make_ctx):  # noqa: F811
    with Site() as a:
        a.listing("/list.html", ["/shop.html", "/odd.html", "/ok.html"])
        a.page("/shop.html", _shop(HIDDEN["utf-7"] * 8), content_type="text/html; charset=utf-7")
        a.page("/odd.html", article_html("Shanghai and Sanming: paired cooperation", ENGLISH, charset="undefined"),
               content_type="text/html; charset=punycode")
        a.article("/ok.html", "沪明合作新闻二")
        ctx = make_ctx(source_toml("a", a.url("/list.html")))
        report = poll(ctx)[0]
    assert report.new == 3 and report.matched == 2 and not report.errors, report
    (shop,) = ctx.store.db.query("SELECT body FROM articles WHERE url LIKE '%/shop.html'")
    assert "沪明" not in shop["body"] and HIDDEN["utf-7"].decode("ascii") in shop["body"], shop["body"][-200:]
