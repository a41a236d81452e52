"""A page whose `<meta charset>` comes after its first 4 KB, behind a long head (inline
scripts, styles, comments a CMS puts first): Chromium reads the meta anywhere in the head
(it looks 1 KB in, then on while the head lasts), and so does the monitor now; it looked 4 KB
in and then guessed, which read GBK and Big5 right by luck and Shift_JIS, windows-1251 or
Latin-1 pages as GB18030 mojibake. A meta inside the body past those bytes is not the page's.
The text is invented; the server is real, on 127.0.0.1."""

from __future__ import annotations

import pytest
from hostile import Site
from test_fetch import fetcher_for

from monitor.decode import sniff_charset

SCRIPT = "<script>var menu = [" + ",".join(f"'item{i}'" for i in range(700)) + "];</script>"
TEXTS = {
    "shift_jis": "東京都と大阪府の経済協力会議が開かれ、両府県の産業交流について話し合いました。",
    "windows-1251": "Президент заявил, что экономическое сотрудничество двух городов очень важно.",
    "iso-8859-1": "Le président a déclaré que la coopération entre les deux villes était très importante.",
    "gbk": "上海市与三明市召开沪明对口合作联席会议，双方就产业协作达成多项共识。",
    "big5": "上海市與三明市召開滬明對口合作聯席會議，雙方就產業協作達成多項共識。",
}


def _page(charset: str, text: str, meta_in_body: bool = False) -> bytes:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    head = f"<html><head>{SCRIPT}{'' if meta_in_body else meta}<title>t</title></head>"
    return (head + f"<body>{meta if meta_in_body else ''}<p>{text}</p></body></html>").encode(charset)


@pytest.mark.parametrize("charset", list(TEXTS))
def test_a_meta_charset_past_4_kb_in_the_head_is_read(charset):
    page = _page(charset, TEXTS[charset])
    assert page.index(b"charset=") > 4096
    with Site() as site:
        site.robots("User-agent: *\nDisallow:\n")
        site.page("/a.html", page, content_type="text/html")
        with fetcher_for(site, retries=0) as f:
            got = f.get(site.url("/a.html"))
    assert TEXTS[charset] in got.text


def test_a_meta_charset_in_the_body_past_4_kb_is_not_the_pages():
    assert sniff_charset(_page("shift_jis", TEXTS["shift_jis"])) == "cp932"
    assert sniff_charset(_page("shift_jis", TEXTS["shift_jis"], meta_in_body=True)) is None
