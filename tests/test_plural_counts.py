"""Counts said in English: `1 item: 1 new, 0 reposts` (was `1 items`), `1 story`, `1 source, 1 topic,
1 subscriber`, `1 message waits`. Each line a user reads after a command said `1 stories` or `1 items`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from monitor.plural import counted, plural


@pytest.mark.parametrize(("n", "one", "said"), [
    (1, "story", "1 story"), (2, "story", "2 stories"), (0, "story", "0 stories"), (1, "item", "1 item"),
    (3, "item", "3 items"), (2, "match", "2 matches"), (2, "day", "2 days"), (1, "new article", "1 new article"),
    (5, "new article", "5 new articles"), (2, "box", "2 boxes"), (2, "repost", "2 reposts"),
])
def test_counted(n, one, said):
    assert counted(n, one) == said


def test_plural_of_the_last_word():
    assert plural("subscriber") == "subscribers" and plural("copy") == "copies" and plural("key") == "keys"


def monitor(tmp_path, *args: str) -> subprocess.CompletedProcess[str]:
    config = tmp_path / "m.toml"
    if not config.exists():
        config.write_text('include = ["monitor:topics/hu-ming.toml"]\n'
                          f'[storage]\npath = "{tmp_path / "m.db"}"\n'
                          '[[sources]]\nname = "county"\nkind = "feed"\nurl = "https://county.example.cn/rss.xml"\n'
                          '[[subscribers]]\nname = "desk"\ntopics = ["hu-ming"]\n'
                          f'channels = [{{ kind = "file", path = "{tmp_path / "out"}", format = "text" }}]\n',
                          encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "monitor", "--config", str(config), *args],
                          capture_output=True, text=True, timeout=120, check=False)


def test_one_of_each_is_said_so(tmp_path):
    ok = monitor(tmp_path, "check-config", "--no-secrets")
    assert ok.returncode == 0 and "ok: 1 source, 1 topic, 1 subscriber;" in ok.stdout, ok.stdout + ok.stderr
    line = json.dumps({"url": "http://127.0.0.1/a/1.html", "title": "沪明对口合作简报",
                       "body": "上海市与三明市召开对口合作联席会议，部署明年重点工作。", "published": "2026-11-20"},
                      ensure_ascii=False)
    (tmp_path / "one.jsonl").write_text(line + "\n", encoding="utf-8")
    imported = monitor(tmp_path, "import", str(tmp_path / "one.jsonl"))
    assert imported.returncode == 0 and "1 line: 1 new, 0 reposts," in imported.stdout, imported.stdout + imported.stderr
    sent = monitor(tmp_path, "digest")
    assert "desk via file:" in sent.stderr and ", 1 story" in sent.stderr and "1 stories" not in sent.stderr, sent.stderr
