"""Charset labels a browser knows (the WHATWG Encoding Standard's list) and Python's codec
registry does not, or reads as a narrower code.

A server or a page may name its encoding by any of the standard's labels: `x-gbk`, `csgb2312`,
`gb_2312`, `chinese`, `iso-ir-58` for GBK; `cn-big5`, `x-x-big5` for Big5; `x-sjis`,
`windows-31j`, `x-euc-jp`, `windows-949`, `x-cp1251`, `unicode20utf8`. Unknown to Python, the
label was ignored and the bytes guessed at (UTF-8, then GB18030, which reads almost any bytes:
Cyrillic, Japanese or Korean pages became mojibake), or it named Python's strict GB2312, which
fails on GBK's extra characters (人名 such as 朱镕基). A browser also reads `iso-8859-9` as
windows-1254 and `tis-620` as windows-874 (their curly quotes and euro sign), and a page whose
`<meta>` says UTF-16 as UTF-8 (its own bytes could not say so otherwise)."""

from __future__ import annotations

import pytest

from monitor.decode import decode_html, normalize_charset

ZH = "三明市与上海市深化对口合作，朱镕基同志题词的产业园区今年迎来第一百家企业。"
TW = "三明市與上海市深化對口合作，產業園區今年迎來第一百家企業，兩地幹部交流頻繁。"
JA = "三明市と上海市は協力を深め、産業団地に百社目の企業が入居した。"
KO = "산밍시와 상하이시는 협력을 강화하고 산업단지에 백 번째 기업을 유치했다."
RU = "Санмин и Шанхай расширяют сотрудничество: в промышленный парк пришла сотая компания."
TR = "Sanming ve Şanghay işbirliğini “derinleştiriyor”: sanayi parkına yüzüncü şirket geldi — €5."
TH = "ซานหมิงและเซี่ยงไฮ้กระชับความร่วมมือ “สวนอุตสาหกรรม” ต้อนรับบริษัทที่หนึ่งร้อย"

CASES = [
    *[(label, ZH, "gbk") for label in ("x-gbk", "csgb2312", "gb_2312", "chinese", "iso-ir-58", "csiso58gb231280",
                                       "gb_2312-80", "GB2312", " gbk ")],
    *[(label, TW, "big5") for label in ("cn-big5", "x-x-big5", "csbig5", "big5-hkscs")],
    *[(label, JA, "cp932") for label in ("x-sjis", "windows-31j", "ms_kanji", "csshiftjis", "shift_jis")],
    *[(label, JA, "euc_jp") for label in ("x-euc-jp", "cseucpkdfmtjapanese")],
    *[(label, KO, "cp949") for label in ("windows-949", "ks_c_5601-1989", "ksc_5601", "cseuckr", "iso-ir-149")],
    *[(label, RU, "cp1251") for label in ("x-cp1251", "windows-1251")],
    *[(label, RU, "koi8_r") for label in ("koi", "koi8", "cskoi8r")],
    *[(label, TR, "cp1254") for label in ("iso-8859-9", "latin5", "x-cp1254")],
    *[(label, TH, "cp874") for label in ("tis-620", "iso-8859-11", "windows-874", "dos-874")],
    *[(label, ZH, "utf-8") for label in ("unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8")],
]


def _page(text: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>Sanming</title></head><body>" + f"<p>{text}</p>" * 3 + "</body></html>"


@pytest.mark.parametrize(("label", "text", "codec"), CASES)
def test_a_browsers_label_in_the_header_reads_the_page(label, text, codec):
    page = _page(text)
    assert decode_html(page.encode(codec), f"text/html; charset={label}") == page


@pytest.mark.parametrize(("label", "text", "codec"), CASES)
def test_a_browsers_label_in_the_meta_reads_the_page(label, text, codec):
    page = _page(text, f'<meta http-equiv="Content-Type" content="text/html; charset={label.strip()}">')
    assert decode_html(page.encode(codec), "text/html") == page


@pytest.mark.parametrize("label", ["utf-16", "UTF-16LE", "utf-16be", "unicode"])
def test_a_meta_saying_utf16_on_a_page_in_utf8_or_gbk_reads_it(label):
    page = _page(ZH, f'<meta charset="{label}">')
    assert decode_html(page.encode("utf-8"), None) == page
    assert decode_html(page.encode("gbk"), None) == page


def test_a_header_saying_utf16_reads_utf16_bytes():
    page = _page(ZH)
    assert decode_html(page.encode("utf-16-le"), "text/html; charset=utf-16") == page
    assert decode_html(page.encode("utf-16-be"), "text/html; charset=unicodefffe") == page


def test_labels_no_browser_knows_stay_unknown():
    assert normalize_charset("klingon") is None and normalize_charset("") is None
