"""A database in a directory nothing may be written to: a file system mounted read-only, a backup
volume, a folder made immutable. SQLite reads a WAL database through a shared-memory file beside
it, which it cannot make there: every command failed, `search` included, with "cannot open
database …: unable to open database file" (the file was there and readable), and `digest`,
`poll` and `run` that got past it died with a traceback on their lock file. Now the commands
that read work, and each that writes is one line saying the directory cannot be written."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_readonly_store import CONFIG, ROW, monitor, unwritable


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """tmp_path/ro holding a stored database (cleanly closed: no -wal, no -shm), made unwritable:
    immutable (`chattr +i`, which holds for root too), or, for a user other than root, mode 0555."""
    (tmp_path / "monitor.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "in.jsonl").write_text(json.dumps(ROW, ensure_ascii=False) + "\n", encoding="utf-8")
    folder = tmp_path / "ro"
    folder.mkdir()
    assert run(tmp_path, "import", str(tmp_path / "in.jsonl")).returncode == 0
    assert sorted(p.name for p in folder.iterdir()) == ["m.db"]
    yield from unwritable(folder, 0o555)


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return monitor(tmp_path, "--db", str(tmp_path / "ro" / "m.db"), *args)


def test_the_reading_commands_read_a_database_in_a_read_only_directory(tmp_path, read_only_dir):
    found = run(tmp_path, "search", "沪明", "--format", "urls")
    assert found.returncode == 0, found.stderr
    assert found.stdout.split() == [ROW["url"]]
    feed = run(tmp_path, "feed", "--topic", "hu-ming")
    assert feed.returncode == 0 and ROW["url"] in feed.stdout, feed.stderr
    for args in (["digest", "--status"], ["digest", "--dry-run"], ["sources"]):
        result = run(tmp_path, *args)
        assert result.returncode == 0 and "error" not in result.stderr, (args, result.stderr)


def test_each_writing_command_is_one_line_naming_the_directory(tmp_path, read_only_dir):
    (tmp_path / "more.jsonl").write_text(json.dumps({**ROW, "url": "https://ro.example.cn/2.html"},
                                                    ensure_ascii=False) + "\n", encoding="utf-8")
    for args in (["digest"], ["poll"], ["run", "--once"], ["import", str(tmp_path / "more.jsonl")]):
        result = run(tmp_path, *args)
        assert result.returncode == 1 and "Traceback" not in result.stderr, (args, result.stderr)
        (line,) = [x for x in result.stderr.splitlines() if x.startswith("error:")]
        assert "unable to open" not in line, line
        assert "directory" in line and ("lock file" in line or "readonly database" in line), line
    assert sorted(p.name for p in read_only_dir.iterdir()) == ["m.db"]
