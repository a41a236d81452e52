"""A database file that cannot be written (a backup, a read-only mount, another user's file): the
commands that only read it work; the ones that write say so in one line, with the fix."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

CONFIG = 'include = ["monitor:topics/hu-ming.toml"]\n[[subscribers]]\nname = "desk"\n'
ROW = {"url": "https://ro.example.cn/1.html", "title": "沪明对口合作推进会在三明召开",
       "body": "上海市与三明市召开对口合作推进会，两地签署产业园区共建协议。", "published": "2026-11-20"}


def monitor(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from monitor.cli import main; main()", "--config",
                           str(tmp_path / "monitor.toml"), "--db", str(tmp_path / "m.db"), *args],
                          capture_output=True, text=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=120)


@pytest.fixture
def read_only_db(tmp_path: Path) -> Iterator[Path]:
    """A stored database made unwritable: immutable (`chattr +i`, which holds for root too), or,
    for a user other than root, mode 0444."""
    (tmp_path / "monitor.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "in.jsonl").write_text(json.dumps(ROW, ensure_ascii=False) + "\n", encoding="utf-8")
    assert monitor(tmp_path, "import", str(tmp_path / "in.jsonl")).returncode == 0
    yield from unwritable(tmp_path / "m.db", 0o444)


def unwritable(path: Path, mode: int) -> Iterator[Path]:
    """For a fixture: `path` made unwritable while the test runs, then as it was. Immutable
    (`chattr +i`, which holds for root too), or, for a user other than root, `mode`."""
    chattr = shutil.which("chattr")
    if chattr and subprocess.run([chattr, "+i", str(path)], capture_output=True).returncode == 0:
        yield path
        subprocess.run([chattr, "-i", str(path)], check=True)
        return
    if os.geteuid() == 0:
        what = "a directory" if path.is_dir() else "a file"
        pytest.skip(f"root without chattr +i on this file system: no way to make {what} unwritable")
    before = path.stat().st_mode & 0o777
    path.chmod(mode)
    yield path
    path.chmod(before)


def test_search_and_feed_read_a_read_only_database(tmp_path, read_only_db):
    """Was: `error: cannot open database …: attempt to write a readonly database` for every
    command, search included (opening set auto_vacuum, a write, on every open)."""
    found = monitor(tmp_path, "search", "沪明", "--format", "urls")
    assert found.returncode == 0, found.stderr
    assert found.stdout.split() == [ROW["url"]]
    feed = monitor(tmp_path, "feed", "--topic", "hu-ming")
    assert feed.returncode == 0 and ROW["url"] in feed.stdout, feed.stderr


def test_writing_to_a_read_only_database_is_one_line_with_the_fix(tmp_path, read_only_db):
    (tmp_path / "more.jsonl").write_text(json.dumps({**ROW, "url": "https://ro.example.cn/2.html"},
                                                    ensure_ascii=False) + "\n", encoding="utf-8")
    for args in (["import", str(tmp_path / "more.jsonl")], ["digest"]):
        result = monitor(tmp_path, *args)
        assert result.returncode != 0 and "Traceback" not in result.stderr
        (line,) = [x for x in result.stderr.splitlines() if x.startswith("error:")]
        assert "readonly database" in line and "make the file and its directory writable" in line
