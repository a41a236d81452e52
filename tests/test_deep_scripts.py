"""A page whose article only its script data holds (a shell a script fills), behind a script nested
past Python's depth (`[[[…]]]` 100,000 deep: a minifier's bug, or a hostile page's first script).
Parsing that script raised RecursionError out of the whole scripted reading, so the article in the
next script was lost ("the extractor failed on this page (RecursionError)"), poll after poll. The
deep script is now skipped as a script that does not parse is; the other scripts are read."""

from __future__ import annotations

import json

import pytest
from hostile import BODY

from monitor import extract

DEEP = {
    "bare-array": "<script>" + "[" * 100_000 + "]" * 100_000 + "</script>",
    "json-object": '<script type="application/json">' + '{"a":' * 50_000 + "1" + "}" * 50_000 + "</script>",
    "assigned": "<script>var cfg = " + "[" * 100_000 + "]" * 100_000 + ";</script>",
}


@pytest.mark.parametrize("kind", list(DEEP))
def test_an_article_in_script_data_behind_a_script_nested_too_deep_is_read(kind):
    text = json.dumps(BODY + "\n" + BODY, ensure_ascii=False)
    data = (f'<script>window.__DATA__ = {{"article": {{"title": "沪明合作新闻", "content": {text}, '
            '"publishTime": "2026-12-01 10:00:00"}};</script>')
    page = f'<html><head><title>新闻</title></head><body><div id="app"></div>{DEEP[kind]}{data}</body></html>'
    article = extract.extract(page, "http://news.example.cn/a/1.html")
    assert article.title == "沪明合作新闻" and "沪明对口合作联席会议" in article.body
