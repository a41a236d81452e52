"""`monitor import` of the exports a press office has, the fourth round: control characters,
terminal colour sequences and byte order marks stored as they came, into titles that then carry
them into every page, feed and mail."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from test_import_inputs import run_import


def jsonl(rows: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()


def stored(tmp_path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(tmp_path / "m.db") as conn:
        return list(conn.execute("SELECT title, body, source FROM articles ORDER BY id"))


def test_control_characters_and_terminal_sequences_are_dropped_as_from_a_polled_page(tmp_path):
    """A title with a bell, a colour escape, a C1 control and a byte order mark, a body with a NUL
    and a zero-width space: stored as given, where a polled page's text drops them all (the JSON
    export dropped them on the way out; the web page, the feed and a digest did not)."""
    rows = [{"url": "https://county.example.cn/a/1.html", "source": "县\x1b[1m融媒\x1b[0m\x07",
             "title": "\ufeff明溪县\x07召开\x1b[31m春耕\x1b[0m\u0085生产会议\u200b",
             "body": "明溪县\x00召开春耕生产会议。\r\n部署\u200b备耕工作。\u2028第二行\u2029第三段\x0b第四行"}]
    result = run_import(tmp_path, jsonl(rows))
    assert result.returncode == 0, result.stderr
    (title, body, source), = stored(tmp_path)
    assert title == "明溪县召开春耕生产会议"
    assert body.split("\n\n") == ["明溪县召开春耕生产会议。", "部署备耕工作。", "第二行", "第三段", "第四行"]
    assert source == "县融媒"


def test_a_line_of_control_characters_only_is_no_article(tmp_path):
    """A title and body of escapes and NULs alone was stored as a blank article."""
    rows = [{"url": "https://county.example.cn/a/2.html", "title": "\x1b[0m\x07", "body": "\x00\u200b\ufeff"},
            {"url": "https://county.example.cn/a/3.html", "title": "将乐县举行招商推介会", "body": "将乐县举行招商推介会。"}]
    result = run_import(tmp_path, jsonl(rows))
    assert result.returncode == 1 and "line 1: no title and no text" in result.stderr, result.stderr
    assert [t for t, _, _ in stored(tmp_path)] == ["将乐县举行招商推介会"]


# --- a spreadsheet's CSV ----------------------------------------------------------------------------

def _excel(rows: list[list[str]], encoding: str = "utf-8-sig", delimiter: str = ",") -> bytes:
    """A table as Excel saves it: CRLF, quoted cells where needed (a line break, a comma, a quote)."""
    import csv
    import io

    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


TABLE = [["链接", "标题", "正文", "发布时间", "来源"],
         ["https://county.example.cn/t/1.html", "清流县举行招商推介会，签约六个项目",
          "清流县在上海举行招商推介会。\r\n会上签约六个项目，总投资12亿元，其中\"沪明合作\"项目三个。",
          "2026/3/5 9:30", "清流融媒"],
         ["https://county.example.cn/t/2.html", "宁化县春耕备耕有序推进", "宁化县各乡镇春耕备耕有序推进。", "2026-03-06", ""]]


@pytest.mark.parametrize("encoding, delimiter", [("utf-8-sig", ","), ("gb18030", ","), ("utf-8", "\t"),
                                                 ("utf-16", "\t")])
def test_a_table_saved_by_excel_is_imported_row_by_row(tmp_path, encoding, delimiter):
    """A CSV saved by Excel (a byte order mark, or GBK from a Chinese Windows; CRLF; a quoted cell
    holding a line break, a comma and quotes; Chinese column names) was skipped line by line,
    each 'not JSON': the press office's own spreadsheet could not be imported at all."""
    result = run_import(tmp_path, _excel(TABLE, encoding, delimiter))
    assert result.returncode == 0, result.stderr
    assert "2 rows: 2 new" in result.stdout, result.stdout
    assert ("GB18030" in result.stderr) == (encoding == "gb18030")
    with sqlite3.connect(tmp_path / "m.db") as conn:
        got = list(conn.execute("SELECT url, title, body, published, source FROM articles ORDER BY id"))
    assert got == [
        ("https://county.example.cn/t/1.html", "清流县举行招商推介会，签约六个项目",
         "清流县在上海举行招商推介会。\n\n会上签约六个项目，总投资12亿元，其中\"沪明合作\"项目三个。",
         "2026-03-05T01:30:00+00:00", "清流融媒"),
        ("https://county.example.cn/t/2.html", "宁化县春耕备耕有序推进", "宁化县各乡镇春耕备耕有序推进。",
         "2026-03-05T16:00:00+00:00", "import")]


def test_a_tables_bad_row_is_named_by_the_line_it_starts_on(tmp_path):
    rows = [["URL", "Title", "Content", "PubDate"],
            ["https://county.example.cn/t/3.html", "明溪县召开会议", "第一行\n第二行\n第三行", "2026-03-07"],
            ["ftp://county.example.cn/t/9.txt", "将乐县召开会议", "将乐县召开会议。", "2026-03-07"],
            ["https://county.example.cn/t/4.html", "泰宁县召开会议", "泰宁县召开会议。", "2026-03-07"]]
    result = run_import(tmp_path, _excel(rows))
    assert result.returncode == 1
    assert "line 5: url 'ftp://county.example.cn/t/9.txt' is not an http(s) address" in result.stderr, result.stderr
    assert "3 rows: 2 new" in result.stdout, result.stdout


def test_an_empty_text_cell_is_a_headline_whatever_the_column_is_called(tmp_path):
    """A clipping list with a row whose text was never pasted: under `body` the headline was kept
    (as a JSON line's empty "body" is), under 正文 the row was skipped as having no body at all."""
    for name in ("body", "正文", "内容"):
        rows = [["url", "title", name], [f"https://county.example.cn/h/{name}.html", "沪明合作项目签约", ""]]
        result = run_import(tmp_path, _excel(rows))
        assert result.returncode == 0 and "0 skipped" in result.stdout, (name, result.stdout, result.stderr)
    assert [t for t, _, _ in stored(tmp_path)] == ["沪明合作项目签约"] * 3


# --- a feed's export --------------------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>大田新闻网</title><link>https://datian.example.cn/</link><description>本地新闻</description>
<item><title>大田县召开&ldquo;春耕&rdquo;动员会</title><link>https://datian.example.cn/n/11.html</link>
  <description>一句摘要</description>
  <content:encoded><![CDATA[<p>大田县召开春耕生产动员会。</p><p>会议部署农资保供&amp;技术指导。</p>]]></content:encoded>
  <pubDate>Thu, 05 Mar 2026 01:30:00 GMT</pubDate></item>
<item><title>大田茶叶进入上海市场</title><link>https://datian.example.cn/n/12.html</link>
  <description>大田高山茶通过沪明合作渠道进入上海市场。</description><dc:date>2026-03-06T09:00:00+08:00</dc:date></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>建宁发布</title><id>urn:x</id><updated>2026-03-07T00:00:00Z</updated>
<entry><title>建宁县莲子丰收</title><id>urn:x:1</id><link rel="self" href="https://jianning.example.cn/api/1"/>
  <link rel="alternate" href="https://jianning.example.cn/n/1.html"/><published>2026-03-07T08:00:00+08:00</published>
  <content type="html">&lt;p&gt;建宁县莲子喜获丰收。&lt;/p&gt;</content></entry>
</feed>
"""


@pytest.mark.parametrize("encoding", ["utf-8", "gb2312"])
def test_an_rss_export_is_imported_item_by_item(tmp_path, encoding):
    """An RSS export (a feed reader's, a CMS's: a year of one outlet's items in one file) was
    skipped line by line, each 'not JSON'. Its items are read: title, link, the full content
    (else the description), the date, the channel's title as the source; an HTML entity the
    writer left undeclared (&ldquo;) is read; a feed declared GB2312 is decoded."""
    result = run_import(tmp_path, RSS.format(encoding=encoding).encode("gb18030" if encoding == "gb2312" else encoding))
    assert result.returncode == 0, result.stderr
    assert "2 items: 2 new" in result.stdout, result.stdout
    with sqlite3.connect(tmp_path / "m.db") as conn:
        got = list(conn.execute("SELECT url, title, body, published, source FROM articles ORDER BY id"))
    assert got == [
        ("https://datian.example.cn/n/11.html", "大田县召开“春耕”动员会", "大田县召开春耕生产动员会。\n\n会议部署农资保供&技术指导。",
         "2026-03-05T01:30:00+00:00", "大田新闻网"),
        ("https://datian.example.cn/n/12.html", "大田茶叶进入上海市场", "大田高山茶通过沪明合作渠道进入上海市场。",
         "2026-03-06T01:00:00+00:00", "大田新闻网")]


def test_an_atom_export_is_imported_by_its_alternate_links(tmp_path):
    result = run_import(tmp_path, ATOM.encode())
    assert result.returncode == 0 and "1 item: 1 new" in result.stdout, result.stdout + result.stderr
    with sqlite3.connect(tmp_path / "m.db") as conn:
        got = list(conn.execute("SELECT url, title, body, source FROM articles"))
    assert got == [("https://jianning.example.cn/n/1.html", "建宁县莲子丰收", "建宁县莲子喜获丰收。", "建宁发布")]


def test_a_feed_broken_half_way_keeps_the_items_before_and_names_the_line(tmp_path):
    broken = RSS.format(encoding="utf-8").replace("<item><title>大田茶叶", "<item><title>大田茶叶<b>", 1)
    result = run_import(tmp_path, broken.encode())
    assert result.returncode == 1
    assert "line 8: the feed cannot be read from here on (mismatched tag)" in result.stderr, result.stderr
    assert "1 item: 1 new" in result.stdout


# --- dates without a zone ---------------------------------------------------------------------------

def test_dates_without_a_zone_are_said_once_to_be_read_as_shanghai_time(tmp_path):
    """An export whose times are UTC written without 'Z' (a database's dump) was stored eight hours
    off without a word: a time without a zone is Asia/Shanghai's, which the README says and the
    import did not. It says so once, with the count and how to write another zone (a day alone
    is a day: not counted)."""
    rows = [{"url": f"https://county.example.cn/z/{i}.html", "title": f"将乐县第{i}次会议", "body": "将乐县召开会议。",
             "published": when} for i, when in enumerate(
                 ["2026-03-05 09:30", "2026/3/6", "2026-03-07T01:30:00Z", "2026年3月8日 10:00", 1772681400])]
    result = run_import(tmp_path, jsonl(rows))
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "time zone" in line]
    assert notes == ["note: 2 dates had no time zone and were read as Asia/Shanghai time (UTC+8); "
                     "dates in another zone need it written (2026-03-05T09:30:00Z, +00:00)"], result.stderr


# --- one address, three texts -----------------------------------------------------------------------

def test_an_address_given_again_with_another_text_is_said_once_and_the_first_kept(tmp_path):
    """An export holding each edit of a page (the same address three times, three bodies) was
    counted '2 already stored', as if they were unchanged copies: which text was kept, and that
    the others were dropped, went unsaid."""
    rows = [{"url": "https://county.example.cn/e/1.html", "title": "永安市召开会议", "body": body,
             "published": "2026-03-05T09:30:00+08:00"}
            for body in ("永安市召开会议。", "永安市召开会议，部署春耕。", "永安市召开会议，部署春耕和防汛。")]
    rows.append({**rows[0]})  # the first text once more: nothing to say
    rows.append({"url": "https://county.example.cn/e/2.html", "title": "沙县区召开会议", "body": "沙县区召开会议。",
                 "published": "2026-03-05T09:30:00+08:00"})
    result = run_import(tmp_path, jsonl(rows + rows[-1:]))
    assert result.returncode == 0, result.stderr
    assert "6 lines: 2 new, 0 reposts, 4 already stored" in result.stdout, result.stdout
    assert result.stderr.splitlines() == [
        "warning: line 2: https://county.example.cn/e/1.html was given before (line 1) with another text; "
        "the first is kept, as it is for later lines"], result.stderr
    assert [b for _, b, _ in stored(tmp_path)] == ["永安市召开会议。", "沙县区召开会议。"]


def test_resume_is_taken_by_an_import_run_again(tmp_path):
    """`monitor import --resume FILE` after an import was killed half-way (what other importers
    call it) was refused, 'No such option: --resume', where running it again goes on."""
    rows = [{"url": f"https://county.example.cn/r/{i}.html", "title": f"清流县第{i}次会议", "body": f"清流县召开第{i}次会议。",
             "published": "2026-03-05"} for i in range(10)]
    assert run_import(tmp_path, jsonl(rows[:6])).returncode == 0  # as if killed after six
    result = run_import(tmp_path, jsonl(rows), "--resume")
    assert result.returncode == 0, result.stderr
    assert "10 lines: 4 new, 0 reposts, 6 already stored" in result.stdout, result.stdout
