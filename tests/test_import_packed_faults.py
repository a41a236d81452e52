"""`monitor import` of exports as they are handed over rather than as JSON Lines: gzip'd, bzip2'd
or xz'd (`export.jsonl.gz`), a JSON array (`json.dump`'s one line or pretty-printed, a
scraper's "export as JSON"), a CSV that Excel for Mac ends with bare CRs. Real processes and
SQLite files."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import sqlite3

import pytest
from test_import_backfill import archive, monitor, setup
from test_import_inputs import article, jsonl, run_import, stored


def urls(n: int, start: int = 1) -> set[str]:
    return {article(i)["url"] for i in range(start, start + n)}


@pytest.mark.parametrize("pack", [gzip.compress, bz2.compress, lzma.compress])
def test_a_compressed_export_is_read_as_unpacked(tmp_path, pack):
    """Was: a gzip'd file ended the import in a traceback (_csv.Error from the table sniffer),
    a bzip2'd or xz'd one skipped line by line as 'not UTF-8'."""
    result = run_import(tmp_path, pack(jsonl([article(i) for i in range(1, 4)]).encode()))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 lines:" in result.stdout and "0 skipped" in result.stdout
    assert set(stored(tmp_path)) == urls(3)


def test_a_gzip_file_cut_short_keeps_what_came_before_and_says_so(tmp_path):
    """Was: 'Aborted!' and nothing stored (EOFError from the gzip reader, taken by click for a Ctrl-D)."""
    whole = gzip.compress(jsonl([article(i, body="三明市召开工作会议。" * 50 + str(i)) for i in range(1, 301)]).encode())
    result = run_import(tmp_path, whole[:len(whole) * 2 // 3])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Aborted" not in result.stderr
    assert "the gzip file ends early or is damaged" in result.stderr
    got = set(stored(tmp_path))
    assert 50 < len(got) < 300 and got <= urls(300)


@pytest.mark.parametrize("dump", [
    lambda rows: json.dumps(rows, ensure_ascii=False),  # one line, no line end
    lambda rows: json.dumps(rows, ensure_ascii=False, indent=2) + "\n",  # pretty-printed
    lambda rows: "\ufeff[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n]\n",  # BOM, a row a line
])
def test_a_json_array_is_read_item_by_item(tmp_path, dump):
    """Was: a one-line array skipped as 'cut short' (or 'a JSON array'), a pretty-printed one
    as a 'not JSON' line each: nothing imported."""
    rows = [article(i) for i in range(1, 301)]  # past the workers' threshold
    result = run_import(tmp_path, dump(rows).encode())
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("300 items:") and "0 skipped" in result.stdout
    assert set(stored(tmp_path)) == urls(300)


def test_a_json_array_cut_short_or_with_a_bad_item_names_the_line(tmp_path):
    rows = [article(1), {"url": "ftp://x.example.cn/a", "title": "t", "body": "b"}, article(3), article(4)]
    text = json.dumps(rows, ensure_ascii=False, indent=2)
    result = run_import(tmp_path, text[:text.rindex("三明市第4次")].encode())
    assert result.returncode == 1
    assert "skipped: line 7: url 'ftp://x.example.cn/a' is not an http(s) address" in result.stderr
    assert "skipped: line 17: cut short, the input ends inside it (a pipe closed" in result.stderr
    assert set(stored(tmp_path)) == {article(1)["url"], article(3)["url"]}
    (tmp_path / "m.db").unlink()
    for cut in (text[:text.rindex("}")], text[:text.rindex(",")] + ",\n"):  # within an item, between two
        (tmp_path / "m.db").unlink(missing_ok=True)
        result = run_import(tmp_path, cut.encode())
        assert result.returncode == 1 and "cut short, the input ends inside it" in result.stderr, result.stderr
    broken = text.replace('"title": "t"', '"title": t')  # no cut: a bad item, the rest unreadable
    (tmp_path / "m.db").unlink()
    result = run_import(tmp_path, broken.encode())
    assert "skipped: line 7: the JSON document cannot be read from here on (Expecting value)" in result.stderr
    assert set(stored(tmp_path)) == {article(1)["url"]}


def test_arrays_a_line_are_read_and_anything_after_an_array_is_named(tmp_path):
    pages = json.dumps([article(1), article(2)], ensure_ascii=False) + "\n" + json.dumps([article(3)]) + "\n"
    result = run_import(tmp_path, pages.encode())
    assert result.returncode == 0 and result.stdout.startswith("3 items:"), result.stdout + result.stderr
    (tmp_path / "m.db").unlink()
    mixed = json.dumps([article(1)], ensure_ascii=False) + "\n" + json.dumps(article(2), ensure_ascii=False) + "\n"
    result = run_import(tmp_path, mixed.encode())
    assert result.returncode == 1 and "skipped: line 2: more after the JSON array's end" in result.stderr
    assert set(stored(tmp_path)) == urls(1)


def test_a_csv_saved_by_excel_for_mac_with_bare_crs_is_read(tmp_path):
    """Was: a traceback (_csv.Error: new-line character seen in unquoted field)."""
    table = "url,title,body\r" + "".join(f"{a['url']},{a['title']},{a['body']}\r" for a in map(article, (1, 2)))
    result = run_import(tmp_path, table.encode())
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("2 rows:")
    assert set(stored(tmp_path)) == urls(2)


@pytest.mark.parametrize("indent", [2, None])
def test_a_json_feed_or_a_readers_export_document_is_read_by_its_items(tmp_path, indent):
    """Was: JSON Feed's file and Inoreader's or Feedly's export ({"title": …, "items": [...]})
    imported nothing: pretty-printed, a 'not JSON' line each; on one line, 'cut short'."""
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "三明日报", "home_page_url": "https://a.example.cn/",
            "author": {"name": "编辑部"}, "items": [{**article(i), "content_html": f"<p>{article(i)['body']}</p>"}
                                                  for i in (1, 2)]}
    reader = {"direction": "ltr", "id": "user/1/state/starred", "title": "Starred", "updated": 1709602200,
              "items": [{"title": "沪明合作", "alternate": [{"href": article(3)["url"]}],
                         "summary": {"content": f"<p>{article(3)['body']}</p>"}, "published": 1709602200}],
              "continuation": None}
    for doc, want in ((feed, urls(2)), (reader, urls(1, start=3))):
        (tmp_path / "m.db").unlink(missing_ok=True)
        result = run_import(tmp_path, json.dumps(doc, ensure_ascii=False, indent=indent).encode())
        assert result.returncode == 0, result.stdout + result.stderr
        assert set(stored(tmp_path)) == want
    (tmp_path / "m.db").unlink()
    result = run_import(tmp_path, json.dumps({"title": "x", "count": 2}, indent=2).encode())
    assert result.returncode == 1 and "a JSON object with no list of articles" in result.stderr


def test_a_json_line_holding_a_list_of_its_own_is_still_a_line(tmp_path):
    line = {**article(1), "data": [{"name": "附件"}], "items": [{"k": 1}]}
    result = run_import(tmp_path, jsonl([line, article(2)]).encode())
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("2 lines:") and set(stored(tmp_path)) == urls(2)


@pytest.mark.parametrize("codec", ["gbk", "utf-16"])
def test_a_json_array_from_a_chinese_windows_tool_is_read_as_written(tmp_path, codec):
    """Was: a GBK array stored every Chinese character as U+FFFD without a word (98000a1's
    reader took it for UTF-8), a UTF-16 one skipped a line at a time."""
    result = run_import(tmp_path, json.dumps([article(1), article(2)], ensure_ascii=False, indent=2).encode(codec))
    assert result.returncode == 0, result.stdout + result.stderr
    assert ("read as GB18030" in result.stderr) == (codec == "gbk")
    with sqlite3.connect(tmp_path / "m.db") as conn:
        assert sorted(conn.execute("SELECT title FROM articles")) == [(article(1)["title"],), (article(2)["title"],)]


def test_one_of_a_kind_is_counted_in_the_singular(tmp_path):
    """Was: 'note: 1 dates had no time zone and were read as …', '… and 1 more lines like these',
    '1 matching stories came out before …' (the summary's own counts were made singular in
    session 27; these three were not)."""
    bad = [{"url": f"https://a.example.cn/{i}"} for i in range(6)]  # five named, one counted
    result = run_import(tmp_path, jsonl([article(1, published="2019-03-05 09:30"), *bad]).encode())
    assert "note: 1 date had no time zone and was read as Asia/Shanghai time" in result.stderr
    assert 'skipped: … and 1 more line like these: needs "title" and "body"' in result.stderr
    setup(tmp_path)
    result = monitor(tmp_path, "import", "--archive", str(archive(tmp_path, 1, 0, 0)))
    assert "1 matching story came out before the subscribers' digest windows: recorded as read" in result.stdout
