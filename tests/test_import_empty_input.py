"""`monitor import` of an input holding nothing: an empty file (a failed download saved anyway),
stdin from a command that wrote nothing, a file of blank lines or an empty JSON array. Was:
'0 lines: 0 new …' and exit status 0, as for a file imported whole, so a cron job's
`curl … | monitor import -` whose download failed looked done. Real processes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n'


def run(tmp_path, data: bytes, *, stdin: bool) -> subprocess.CompletedProcess:
    (tmp_path / "monitor.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "in.jsonl").write_bytes(data)
    return subprocess.run([sys.executable, "-c", "from monitor.cli import main; main()", "--config",
                           str(tmp_path / "monitor.toml"), "--db", str(tmp_path / "m.db"), "import",
                           "-" if stdin else str(tmp_path / "in.jsonl")], input=data if stdin else None,
                          capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=120)


@pytest.mark.parametrize(("data", "stdin"), [(b"", False), (b"", True), (b"\n \n\r\n", False), (b"[]\n", False)])
def test_an_input_with_no_article_says_so_and_exits_1(tmp_path, data, stdin):
    result = run(tmp_path, data, stdin=stdin)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "held no article" in result.stderr.decode()


def test_one_article_still_exits_0(tmp_path):
    line = '{"url": "https://a.example.cn/1.html", "title": "沪明合作", "body": "上海市与三明市签订协议。"}\n'
    result = run(tmp_path, line.encode(), stdin=True)
    assert result.returncode == 0 and b"1 line: 1 new" in result.stdout, result.stdout + result.stderr
    assert b"held no article" not in result.stderr


@pytest.mark.parametrize(("published", "said"), [("3月5日", "has no year"), ("03-05 09:30", "has no year"),
                                                  ("昨天 09:30", "relative"), ("3小时前", "relative")])
def test_a_date_without_a_year_or_relative_to_the_export_names_why(tmp_path, published, said):
    line = ('{"url": "https://a.example.cn/1.html", "title": "沪明合作", "body": "上海市与三明市签订协议。", '
            f'"published": "{published}"}}\n')
    result = run(tmp_path, line.encode(), stdin=False)
    assert result.returncode == 1 and said in result.stderr.decode(), result.stderr.decode()
