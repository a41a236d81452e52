"""`monitor backup` while another process writes: a copy whole, as the database stood at one moment.

The README said to keep `<db>.sent` when restoring, and nothing of how to make the backup: a copy
of the file (cp, rsync) while a poll or an import writes misses every write its write-ahead log
still holds (a fresh database copied so reads as empty, its tables not even made), or is torn by a
checkpoint under it. `monitor backup DEST` copies through SQLite, whole, while writers go on.
Real `monitor import` and `monitor backup` processes, real SQLite files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

from delivery_world import news_lines, write_config


def monitor(tmp_path, *args, **kw) -> subprocess.CompletedProcess | subprocess.Popen:
    cmd = [sys.executable, "-m", "monitor", "--config", str(tmp_path / "monitor.toml"), "--db", str(tmp_path / "m.db"),
           *args]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    if kw.get("background"):
        return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)


def whole(db) -> int:
    """The articles of a copy that is whole: it opens, checks ok, and each article's story is there."""
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM articles a LEFT JOIN stories s ON s.id = a.story_id "
                           "WHERE s.id IS NULL").fetchone()[0] == 0
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_a_backup_taken_while_an_import_writes_is_whole_and_searchable(tmp_path):
    write_config(tmp_path / "monitor.toml", [{"kind": "stdout"}])
    lines = tmp_path / "news.jsonl"
    lines.write_text("\n".join(news_lines(1500)) + "\n", encoding="utf-8")
    first = tmp_path / "first.jsonl"
    first.write_text(next(news_lines(1, start=5000)) + "\n", encoding="utf-8")
    assert monitor(tmp_path, "import", str(first)).returncode == 0  # the database there before
    importing = monitor(tmp_path, "import", str(lines), background=True)
    taken = []
    try:
        while importing.poll() is None and len(taken) < 8:
            dest = tmp_path / f"backup{len(taken)}.db"
            done = monitor(tmp_path, "backup", str(dest))
            assert done.returncode == 0, done.stderr
            assert "backed up" in done.stdout and "m.db.sent" in done.stdout
            taken.append(dest)
    finally:
        _, err = importing.communicate(timeout=300)
    assert importing.returncode == 0, err
    assert taken, "the import ended before a backup was taken"
    counts = [whole(db) for db in taken]
    assert counts == sorted(counts)  # each as the database stood when it was taken
    assert not list(tmp_path.glob("*.part"))
    found = subprocess.run([sys.executable, "-m", "monitor", "--config", str(tmp_path / "monitor.toml"), "--db",
                            str(taken[-1]), "search", "三明", "--limit", "0", "--format", "json"],
                           capture_output=True, text=True, timeout=300)
    assert found.returncode == 0, found.stderr


def test_a_backup_onto_the_database_itself_is_refused(tmp_path):
    write_config(tmp_path / "monitor.toml", [{"kind": "stdout"}])
    lines = tmp_path / "news.jsonl"
    lines.write_text("\n".join(news_lines(2)) + "\n", encoding="utf-8")
    assert monitor(tmp_path, "import", str(lines)).returncode == 0
    refused = monitor(tmp_path, "backup", str(tmp_path / "m.db"))
    assert refused.returncode == 2 and refused.stderr.count("error:") == 1, refused.stderr
    assert whole(tmp_path / "m.db") == 2
