"""`monitor import` of feed readers' own JSON shapes (Feedly, Inoreader, Miniflux, JSON Feed, RSS's
`content:encoded`), of texts with HTML entities and CDATA, and of the dates Chinese CMS exports
write (`2024-3-5 9:30`, `CST`). Real processes and SQLite files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from test_import_keys import BODY, CONFIG, run_import
from test_import_keys import rows as stored

AT_0930 = "2024-03-05T01:30:00+00:00"  # 09:30 in Shanghai


def test_feed_readers_json_shapes_are_imported(tmp_path):
    """Was: Feedly's and Inoreader's entries skipped ('missing "url"': the address is in
    `alternate: [{href}]`), JSON Feed's and RSS's (`content_html`, `content:encoded`) skipped
    ('needs "title" and "body"'), and Miniflux's stored with the source "{'id': 3, 'title': …}"."""
    lines = [
        {"id": "feed/1", "title": "沪明合作一", "alternate": [{"href": "https://a.example.cn/1.html", "type": "text/html"}],
         "summary": {"content": f"<p>{BODY}</p>", "direction": "ltr"}, "published": 1709602200000,
         "origin": {"streamId": "feed/x", "title": "三明日报", "htmlUrl": "https://a.example.cn/"}},
        {"id": 7, "url": "https://a.example.cn/2.html", "title": "沪明合作二", "content": BODY,
         "published_at": "2024-03-05T09:30:00+08:00", "feed": {"id": 3, "title": "东南网", "site_url": "https://b.cn/"}},
        {"id": "3", "url": "https://a.example.cn/3.html", "title": "沪明合作三", "content_html": f"<p>{BODY}</p>",
         "date_published": "2024-03-05T09:30:00+08:00"},
        {"link": "https://a.example.cn/4.html", "title": "沪明合作四", "description": "摘要",
         "content:encoded": f"<p>{BODY}</p>", "pubDate": "Tue, 05 Mar 2024 01:30:00 GMT"},
    ]
    result = run_import(tmp_path, lines)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 lines:" in result.stdout and "0 skipped" in result.stdout  # one story, three reposts
    got = stored(tmp_path)
    assert [g[0] for g in got] == [f"https://a.example.cn/{i}.html" for i in range(1, 5)]
    assert [g[2] for g in got] == [BODY] * 4  # the full text, not RSS's short description
    assert [g[3] for g in got] == [AT_0930] * 4
    assert [g[4] for g in got] == ["三明日报", "东南网", "import", "import"]


def test_entities_and_cdata_in_an_exports_text_are_read(tmp_path):
    """Was: '&amp;', '&nbsp;' and '<![CDATA[' … ']]>' stored in titles and bodies as written,
    shown and searched so."""
    lines = [
        {"url": "https://a.example.cn/1.html", "title": "沪明&amp;闽沪合作", "content": f"{BODY}三明&amp;上海&nbsp;共建园区"},
        {"url": "https://a.example.cn/2.html", "title": "沪明合作二", "content": f"<![CDATA[{BODY}]]>"},
        {"url": "https://a.example.cn/3.html", "title": "沪明合作三", "description": f"<![CDATA[<p>{BODY}</p>]]>"},
        {"url": "https://a.example.cn/4.html", "title": "R&D 与 AT&T", "body": f"{BODY} R&D; x & y"},
    ]
    result = run_import(tmp_path, lines)
    assert result.returncode == 0, result.stdout + result.stderr
    got = stored(tmp_path)
    assert got[0][1:3] == ("沪明&闽沪合作", f"{BODY}三明&上海 共建园区")
    assert got[1][2] == BODY and got[2][2] == BODY
    assert got[3][1:3] == ("R&D 与 AT&T", f"{BODY} R&D; x & y")  # no entity: as written


def test_year_first_dates_with_dashes_unpadded_and_china_standard_time(tmp_path):
    """Was: '2024-3-5 9:30' and '2024-03-05 9:30' (Chinese CMS exports) skipped as 'not a date',
    and a Chinese feed's 'CST' read as US Central: stories dated 14 hours late."""
    values = ["2024-3-5 9:30", "2024-03-05 9:30", "2024-3-5 09:30:00", "Tue, 05 Mar 2024 09:30:00 CST"]
    lines = [{"url": f"https://a.example.cn/{i}.html", "title": f"沪明合作{i}", "body": BODY, "published": v}
             for i, v in enumerate(values)]
    result = run_import(tmp_path, lines)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [g[3] for g in stored(tmp_path)] == [AT_0930] * 4


def test_stdin_cut_short_inside_a_line_says_so_not_that_the_file_is_not_utf8(tmp_path):
    """Was: `head -c N export.jsonl | monitor import -` (or a pipe closed early) ending inside a
    Chinese character said 'not UTF-8 … save the file as UTF-8', and inside a string 'not JSON';
    the file was fine, only cut."""
    (tmp_path / "monitor.toml").write_text(CONFIG, encoding="utf-8")
    whole = "".join(json.dumps({"url": f"https://a.example.cn/{i}.html", "title": f"沪明合作{i}", "body": BODY * (i + 1)},
                               ensure_ascii=False) + "\n" for i in range(3)).encode()
    inside_a_character = whole.rindex("合".encode()) + 1
    for cut in (whole[:inside_a_character], whole[:-6]):
        (tmp_path / "m.db").unlink(missing_ok=True)
        result = subprocess.run([sys.executable, "-c", "from monitor.cli import main; main()", "--config",
                                 str(tmp_path / "monitor.toml"), "--db", str(tmp_path / "m.db"), "import", "-"],
                                input=cut, capture_output=True, timeout=300,
                                env={**os.environ, "PYTHONIOENCODING": "utf-8"})
        out = (result.stdout + result.stderr).decode()
        assert result.returncode == 1 and "3 lines:" in out and "1 skipped" in out
        assert "line 3: cut short" in out and "UTF-8" not in out and "not JSON" not in out
    whole_without_last_newline = whole[:-1]  # complete: imported as it is
    (tmp_path / "m.db").unlink()
    result = subprocess.run([sys.executable, "-c", "from monitor.cli import main; main()", "--config",
                             str(tmp_path / "monitor.toml"), "--db", str(tmp_path / "m.db"), "import", "-"],
                            input=whole_without_last_newline, capture_output=True, timeout=300)
    assert result.returncode == 0 and b"0 skipped" in result.stdout


def test_milliseconds_as_a_float_and_seconds_with_a_fraction(tmp_path):
    """Was: a spreadsheet's or pandas' Unix milliseconds written as a float (1709602200000.0) and
    a database dump's '2024/03/05 09:30:00.000' skipped as 'not a date'."""
    values = [1709602200000.0, "1709602200000.0", "2024/03/05 09:30:00.000", "2024年3月5日 09:30:00.5"]
    lines = [{"url": f"https://a.example.cn/{i}.html", "title": f"沪明合作{i}", "body": BODY * (i + 1), "published": v}
             for i, v in enumerate(values)]
    result = run_import(tmp_path, lines)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [g[3] for g in stored(tmp_path)] == [AT_0930] * 4
