"""Chinese pages served as ISO-8859-1 or windows-1252: a web server's default charset (Apache's
AddDefaultCharset, a servlet container's) in the HTTP header over a GBK, Big5 or UTF-8 page.

The header is trusted before the page's own `<meta charset>`, and windows-1252 reads almost any
bytes, so the page was stored as mojibake (`ÈýÃ÷ÊÐÓëÉÏº£`): garbled headlines, and no topic
could match. Now a single-byte Western label is checked as a stale GBK/Big5 label is: when the
bytes read as GB18030 or Big5 give clearly common Chinese characters, that reading wins. Western
pages (accents, curly quotes) stay windows-1252.
"""

from __future__ import annotations

import pytest

from monitor.decode import decode_html

SIMPLIFIED = "<p>三明市与上海市深化对口合作，共建产业园区，推动两地干部人才交流。</p>" * 4
TRADITIONAL = "<p>三明市與上海市深化對口合作，共建產業園區，推動兩地幹部人才交流。</p>" * 4


@pytest.mark.parametrize("label", ["ISO-8859-1", "iso-8859-1", "windows-1252", "latin1", "iso-8859-15"])
@pytest.mark.parametrize(("text", "codec", "meta"), [
    (SIMPLIFIED, "gbk", "<meta charset=gb2312>"),
    (SIMPLIFIED, "gbk", ""),
    (TRADITIONAL, "big5", '<meta http-equiv="Content-Type" content="text/html; charset=big5">'),
    (TRADITIONAL, "gbk", ""),
])
def test_chinese_bytes_under_a_western_header_read_as_chinese(label, text, codec, meta):
    page = f"<html><head>{meta}<title>沪明合作</title></head><body>{text}</body></html>"
    if codec == "big5":
        page = page.replace("沪明", "滬明")
    assert decode_html(page.encode(codec), f"text/html; charset={label}") == page


@pytest.mark.parametrize("label", ["ISO-8859-1", "windows-1252"])
def test_western_pages_stay_western(label):
    page = ("<html><body><p>Café society in São Paulo: “naïve” façades, déjà vu, Ångström, "
            "smörgåsbord, crème brûlée — €5 for a piña colada. Zürich’s Straße, Fjällräven.</p></body></html>") * 3
    assert decode_html(page.encode("cp1252"), f"text/html; charset={label}") == page
