"""`monitor import` of lines named as other tools' exports name them (link, content, pubDate …):
read as url, body, published; an HTML content is extracted with the line's title kept; our own
names win when both are given. Real processes and SQLite files."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from monitor.pipeline.importkeys import canonical

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n'
SECOND = "三明市沙县区与上海市金山区开展结对交流，两地企业签约项目十二个。"
BODY = "上海市与三明市签订新一轮对口合作框架协议，双方将在产业园区、文旅康养和人才交流方面深化合作。"


def run_import(tmp_path: Path, rows: list[dict]) -> subprocess.CompletedProcess:
    (tmp_path / "monitor.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                      encoding="utf-8")
    return subprocess.run([sys.executable, "-c", "from monitor.cli import main; main()", "--config",
                           str(tmp_path / "monitor.toml"), "--db", str(tmp_path / "m.db"), "import",
                           str(tmp_path / "in.jsonl")],
                          capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=300)


def rows(tmp_path: Path) -> list[tuple]:
    with sqlite3.connect(tmp_path / "m.db") as conn:
        return conn.execute("SELECT url, title, body, published, source FROM articles ORDER BY url").fetchall()


def test_a_feed_readers_export_is_imported_under_its_own_names(tmp_path):
    """Was: every line skipped, 'missing "url"', for an export that says link/content/pubDate."""
    lines = [
        {"link": "https://a.example.cn/1.html", "title": "沪明合作签约", "content": BODY,
         "pubDate": "Fri, 20 Nov 2026 01:30:00 GMT", "site": "三明日报"},
        {"url": "https://a.example.cn/2.html", "title": "沪明合作二", "text": SECOND,
         "published_at": "2026-11-21T09:00:00+08:00", "feed_title": "东南网"},
    ]
    result = run_import(tmp_path, lines)
    assert result.returncode == 0, result.stderr
    assert "2 lines: 2 new" in result.stdout
    got = rows(tmp_path)
    assert got[0] == ("https://a.example.cn/1.html", "沪明合作签约", BODY, "2026-11-20T01:30:00+00:00", "三明日报")
    assert got[1][1:] == ("沪明合作二", SECOND, "2026-11-21T01:00:00+00:00", "东南网")


def test_an_html_content_is_extracted_and_keeps_the_lines_title(tmp_path):
    html = f"<p>{BODY}</p><p>三明市永安市与上海市宝山区结对。</p>"
    result = run_import(tmp_path, [{"link": "https://a.example.cn/3.html", "title": "结对新闻", "content": html}])
    assert result.returncode == 0, result.stderr
    ((url, title, body, _, _),) = rows(tmp_path)
    assert url == "https://a.example.cn/3.html"
    assert title == "结对新闻" and "<p>" not in body
    assert [p for p in body.split("\n") if p] == [BODY, "三明市永安市与上海市宝山区结对。"]


def test_our_own_names_win_and_an_empty_value_does_not_count():
    line = {"url": "https://ours.example.cn/", "link": "https://theirs.example.cn/", "title": "t",
            "body": "", "content": "正文", "description": "摘要", "date": "2026-11-20", "published": None}
    got = canonical(line)
    assert got["url"] == "https://ours.example.cn/"
    assert got["body"] == "正文"  # empty body: the first other name in order, content before description
    assert got["published"] == "2026-11-20"
    plain = {"url": "u", "title": "t", "body": "b"}
    assert canonical(plain) is plain
