"""An export's rows without a title (WeChat posts, wire briefs, a scraper's pages whose title it
missed: `"title": null` or no key) were skipped as 'needs "title" and "body" strings', though
an empty title was taken and a polled page without one is stored: a backfill lost every such
article. They are stored untitled, matched on their text and found by search; a story of such
rows takes a copy's title where one has it. A row with no text at all is still skipped."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

BODY = "三明市将乐县与上海市{}区签订对口合作协议，双方将在文旅康养、农产品进沪和干部交流方面合作，首批{}个项目签约。"


def _monitor(tmp_path, *args):
    return subprocess.run([sys.executable, "-m", "monitor", "--config", str(tmp_path / "m.toml"),
                           "--db", str(tmp_path / "m.db"), *args], capture_output=True, text=True, timeout=300)


def test_rows_without_a_title_are_stored_untitled_and_found(tmp_path):
    (tmp_path / "m.toml").write_text('include = ["monitor:topics/hu-ming.toml"]\n', encoding="utf-8")
    rows = [{"url": "https://a.example.cn/1.html", "title": None, "body": BODY.format("嘉定", "六")},
            {"url": "https://a.example.cn/2.html", "body": BODY.format("普陀", "八")},
            {"url": "https://a.example.cn/3.html", "title": "将乐金山签约", "body": BODY.format("金山", "九")},
            {"url": "https://a.example.cn/4.html", "title": None, "body": "  "},  # nothing to store
            {"url": "https://a.example.cn/5.html", "title": ["将乐"], "body": None}]  # no text: still skipped
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                       encoding="utf-8")
    done = _monitor(tmp_path, "import", str(tmp_path / "in.jsonl"))
    assert done.returncode == 1, done.stderr  # two lines skipped
    assert "5 lines: 3 new, 0 reposts, 0 already stored, 3 matched a topic, 2 skipped" in done.stdout, done.stdout
    assert "skipped: line 4: no title and no text" in done.stderr, done.stderr
    assert 'skipped: line 5: needs "title" and "body" strings' in done.stderr, done.stderr
    with sqlite3.connect(tmp_path / "m.db") as db:
        stored = dict(db.execute("SELECT url, title FROM articles").fetchall())
    assert stored == {"https://a.example.cn/1.html": "", "https://a.example.cn/2.html": "",
                      "https://a.example.cn/3.html": "将乐金山签约"}
    found = _monitor(tmp_path, "search", "普陀", "--format", "urls")
    assert found.returncode == 0 and found.stdout.split() == ["https://a.example.cn/2.html"], found.stdout


def test_an_untitled_story_is_named_so_in_a_digest(tmp_path):
    """Its digest entry read '1. ' and nothing: the feeds and web pages said '(no title)' already."""
    (tmp_path / "m.toml").write_text('include = ["monitor:topics/hu-ming.toml"]\n'
                                     '[[subscribers]]\nname = "desk"\ntopics = ["hu-ming"]\n'
                                     '[[subscribers.channels]]\nkind = "webhook"\nformat = "json"\n'
                                     'url = "http://127.0.0.1:9/h"\n', encoding="utf-8")
    rows = [{"url": "https://a.example.cn/1.html", "body": BODY.format("嘉定", "六")},
            {"url": "https://a.example.cn/2.html", "title": "将乐金山签约", "body": BODY.format("金山", "九")}]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                       encoding="utf-8")
    assert _monitor(tmp_path, "import", str(tmp_path / "in.jsonl")).returncode == 0
    shown = _monitor(tmp_path, "digest", "--dry-run")
    assert shown.returncode == 0, shown.stderr
    entries = [line for line in shown.stdout.splitlines() if line[:1].isdigit()]
    assert sorted(entries) == ["1. 将乐金山签约", "2. (no title)"] or sorted(entries) == ["1. (no title)", "2. 将乐金山签约"], \
        shown.stdout
