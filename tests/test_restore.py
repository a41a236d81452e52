"""A backup restored after a crash: the daemon killed (or the power cut), its write-ahead log left
beside the database (`m.db-wal`), and the backup copied in place of the file.

SQLite reads a log it finds beside a database as that database's: the killed process's last
writes were laid over the restored file, and the restore was undone in part (here: the stories
the backup did not hold came back, and the file read as neither) or the file damaged. Nothing
said how to restore. `monitor restore BACKUP` puts the backup in place with the old log gone,
refuses while the daemon runs, and keeps `<db>.sent`, so what went since the backup is not sent
again. Real `monitor` processes killed with SIGKILL, real SQLite files, a webhook on 127.0.0.1."""

from __future__ import annotations

import signal
import sqlite3

from delivery_world import counts, monitor_cli, news_lines, write_config
from test_daemon import HEAD, start, stop, wait_for


def news(tmp_path, n: int, start: int) -> str:
    path = tmp_path / f"news{start}.jsonl"
    path.write_text("\n".join(news_lines(n, start)) + "\n", encoding="utf-8")
    return str(path)


def test_a_backup_restored_after_a_kill_is_read_as_backed_up_and_sends_nothing_twice(tmp_path, webhook_receiver):
    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/h"}])
    assert monitor_cli(tmp_path, "import", news(tmp_path, 3, 0)).returncode == 0
    assert monitor_cli(tmp_path, "digest").returncode == 0  # stories 0-2
    backed = monitor_cli(tmp_path, "backup", str(tmp_path / "backup.db"))
    assert backed.returncode == 0, backed.stderr
    assert monitor_cli(tmp_path, "import", news(tmp_path, 2, 3)).returncode == 0
    assert monitor_cli(tmp_path, "digest").returncode == 0  # stories 3-4, after the backup
    killed = monitor_cli(tmp_path, "import", news(tmp_path, 40, 5), crash="committed")  # the crash
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (tmp_path / "m.db-wal").stat().st_size > 0  # its last writes, in the log beside the file
    restored = monitor_cli(tmp_path, "restore", str(tmp_path / "backup.db"))
    assert restored.returncode == 0, restored.stderr
    assert "m.db.sent kept" in restored.stdout
    with sqlite3.connect(tmp_path / "m.db") as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 3, "the old log's writes were read over it"
    assert monitor_cli(tmp_path, "import", news(tmp_path, 3, 3)).returncode == 0  # polled again: 3-4, and 5 is new
    assert monitor_cli(tmp_path, "digest").returncode == 0
    assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(6), 1)


def test_a_restore_while_the_daemon_runs_is_refused_naming_it(tmp_path):
    path = tmp_path / "monitor.toml"
    path.write_text(HEAD, encoding="utf-8")
    assert monitor_cli(tmp_path, "import", news(tmp_path, 2, 0)).returncode == 0
    assert monitor_cli(tmp_path, "backup", str(tmp_path / "backup.db")).returncode == 0
    proc = start(path, tmp_path / "m.db")
    try:
        wait_for(lambda: (tmp_path / "m.db.lock").exists() and (tmp_path / "m.db.lock").read_text().strip(),
                 what="the daemon's lock")
        refused = monitor_cli(tmp_path, "restore", str(tmp_path / "backup.db"))
    finally:
        stop(proc)
    assert refused.returncode == 2 and f"pid {proc.pid}" in refused.stderr, refused.stderr
    assert refused.stderr.count("error:") == 1


def test_a_damaged_backup_is_refused_in_one_line_and_the_database_left_as_it_was(tmp_path):
    (tmp_path / "monitor.toml").write_text(HEAD, encoding="utf-8")
    assert monitor_cli(tmp_path, "import", news(tmp_path, 2, 0)).returncode == 0
    assert monitor_cli(tmp_path, "backup", str(tmp_path / "backup.db")).returncode == 0
    (tmp_path / "cut.db").write_bytes((tmp_path / "backup.db").read_bytes()[:5000])  # a copy cut short
    refused = monitor_cli(tmp_path, "restore", str(tmp_path / "cut.db"))
    assert refused.returncode == 1 and refused.stderr.count("error:") == 1 and "damaged" in refused.stderr, \
        refused.stderr
    with sqlite3.connect(tmp_path / "m.db") as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_a_restore_killed_once_the_old_log_is_gone_is_finished_by_the_next_command(tmp_path, webhook_receiver):
    """Killed after the old write-ahead log was deleted and before the backup took the file's name,
    the restore left the old file alone: neither database (the daemon's last writes lost with the
    log). The whole copy is kept under another name until it is in place, and the next process
    to open the database puts it there: the backup is read, and nothing is sent twice."""
    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/h"}])
    assert monitor_cli(tmp_path, "import", news(tmp_path, 3, 0)).returncode == 0
    assert monitor_cli(tmp_path, "digest").returncode == 0  # stories 0-2
    assert monitor_cli(tmp_path, "backup", str(tmp_path / "backup.db")).returncode == 0
    assert monitor_cli(tmp_path, "import", news(tmp_path, 2, 3)).returncode == 0
    assert monitor_cli(tmp_path, "digest").returncode == 0  # stories 3-4, after the backup
    killed = monitor_cli(tmp_path, "import", news(tmp_path, 40, 5), crash="committed")
    assert killed.returncode == -signal.SIGKILL and (tmp_path / "m.db-wal").stat().st_size > 0
    cut = monitor_cli(tmp_path, "restore", str(tmp_path / "backup.db"), crash="restore-log-gone")
    assert cut.returncode == -signal.SIGKILL, cut.stderr
    assert not (tmp_path / "m.db-wal").exists()  # the old log gone, the backup not yet in place
    status = monitor_cli(tmp_path, "digest", "--status")  # the next command to open it
    assert status.returncode == 0, status.stderr
    with sqlite3.connect(tmp_path / "m.db") as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 3, "the old file, not the backup"
    assert "finished the restore" in status.stderr
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith("m.db.restor")]
    assert monitor_cli(tmp_path, "import", news(tmp_path, 3, 3)).returncode == 0  # 3-4 again, and 5 is new
    assert monitor_cli(tmp_path, "digest").returncode == 0
    assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(6), 1)



def test_a_restore_killed_before_the_old_log_goes_is_finished_without_it(tmp_path):
    """Killed once its copy was whole and before the old log was deleted: the next command puts the
    copy in place with the log gone (read over the copy, it would undo the restore in part)."""
    (tmp_path / "monitor.toml").write_text(HEAD, encoding="utf-8")
    assert monitor_cli(tmp_path, "import", news(tmp_path, 3, 0)).returncode == 0
    assert monitor_cli(tmp_path, "backup", str(tmp_path / "backup.db")).returncode == 0
    killed = monitor_cli(tmp_path, "import", news(tmp_path, 20, 3), crash="committed")
    assert killed.returncode == -signal.SIGKILL and (tmp_path / "m.db-wal").stat().st_size > 0
    cut = monitor_cli(tmp_path, "restore", str(tmp_path / "backup.db"), crash="restore-copied")
    assert cut.returncode == -signal.SIGKILL and (tmp_path / "m.db-wal").exists(), cut.stderr
    opened = monitor_cli(tmp_path, "digest", "--status")
    assert opened.returncode == 0 and "finished the restore" in opened.stderr, opened.stderr
    with sqlite3.connect(tmp_path / "m.db") as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
