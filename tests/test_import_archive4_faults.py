"""`monitor import` of the exports a press office has, the fourth round: control characters,
terminal colour sequences and byte order marks stored as they came, into titles that then carry
them into every page, feed and mail."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

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
