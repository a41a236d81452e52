"""Config and command-line mistakes (session 31), each run through the real `monitor` command:
every problem of a config listed at once, a value shown as it was written, and a wrong file or
path given to backup, restore or --db said in one line with exit status 2, nothing changed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.store import Store

SRC = Path(__file__).resolve().parent.parent / "src"

BASE = """
[storage]
path = "{db}"
[[sources]]
name = "feed-a"
url = "https://example.cn/rss.xml"
"""


def monitor(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("MONITOR_CONFIG", "MONITOR_DB", "SMTP_PW")}
    environ.update(PYTHONPATH=str(SRC), MONITOR_CACHE_DIR=str(tmp_path / "cache"), **(env or {}))
    return subprocess.run([sys.executable, "-m", "monitor", *args], cwd=tmp_path, env=environ,
                          capture_output=True, text=True, timeout=600)


def config(tmp_path: Path, extra: str = "", base: str = BASE) -> Path:
    path = tmp_path / "monitor.toml"
    path.write_text(base.format(db=(tmp_path / "m.db").as_posix()) + extra, encoding="utf-8")
    return path


def one_error(ran: subprocess.CompletedProcess) -> str:
    assert ran.returncode == 2, (ran.returncode, ran.stderr)
    assert "Traceback" not in ran.stderr, ran.stderr
    lines = ran.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_check_config_lists_a_duplicate_name_with_the_address_and_secret_problems(tmp_path):
    path = config(tmp_path, """
[[sources]]
name = "feed-a"
url = "http://127.0.0.1:8080/feed"
[[subscribers]]
name = "office"
schedule = "0 8 * * *"
[[subscribers.channels]]
kind = "email"
to = ["a@example.org"]
from = "m@example.org"
password_env = "SMTP_PW"
""")
    ran = monitor(tmp_path, "--config", str(path), "check-config")
    assert ran.returncode == 2, ran.stderr
    assert ran.stderr.strip().splitlines() == [
        f"{path}: sources.feed-a.name: duplicate source name (names must be unique)",
        f"{path}: subscribers.office.channels[0].password_env: environment variable SMTP_PW is not set "
        "(export SMTP_PW before starting monitor)",
        f"{path}: sources.feed-a.url: 127.0.0.1 is a loopback address, which the fetcher refuses: every poll "
        'would fail (if it is meant, list it in fetch.allow_private: allow_private = ["127.0.0.1:8080"] under [fetch])',
    ]


def test_a_duration_out_of_bounds_is_shown_as_written(tmp_path):
    path = config(tmp_path, base=BASE.replace('rss.xml"', 'rss.xml"\ninterval = "0s"'))
    line = one_error(monitor(tmp_path, "--config", str(path), "check-config"))
    assert line == (f"{path}: sources.feed-a.interval: '0s' is less than the least allowed, 1s "
                    "(e.g. 30m or 2h; enabled = false stops polling)")


# a value of only spaces (`SMTP_PW= ` in a compose file) was taken as the password: the login failure blamed the server
@pytest.mark.parametrize(("value", "state"), [("", "empty"), ("   ", "only spaces")])
def test_a_secret_variable_set_but_empty_is_said_so(tmp_path, value, state):
    path = config(tmp_path, """
[[subscribers]]
name = "office"
schedule = "0 8 * * *"
[[subscribers.channels]]
kind = "email"
to = ["a@example.org"]
from = "m@example.org"
password_env = "SMTP_PW"
""")
    line = one_error(monitor(tmp_path, "--config", str(path), "check-config", env={"SMTP_PW": value}))
    assert line == (f"{path}: subscribers.office.channels[0].password_env: environment variable SMTP_PW is set "
                    f"but {state} (export SMTP_PW before starting monitor)")


def _database(tmp_path: Path) -> bytes:
    Store.open(tmp_path / "m.db").close()
    return (tmp_path / "m.db").read_bytes()


@pytest.mark.parametrize(("name", "content", "what"), [
    ("notes.txt", b"meeting notes\n", "is not an SQLite database, not a backup of monitor's"),
    ("empty.db", b"", "is empty, not a backup of monitor's"),
    ("other.db", None, "is an SQLite database but not monitor's"),
])
def test_restore_of_a_file_that_is_no_backup_is_a_usage_mistake(tmp_path, name, content, what):
    path = config(tmp_path)
    before = _database(tmp_path)
    given = tmp_path / name
    if content is None:
        with sqlite3.connect(given) as conn:
            conn.execute("CREATE TABLE notes (x)")
        conn.close()
    else:
        given.write_bytes(content)
    line = one_error(monitor(tmp_path, "--config", str(path), "restore", name))
    assert line == f"error: {name} {what}; nothing was changed (give the file `monitor backup` made)"
    assert (tmp_path / "m.db").read_bytes() == before


def test_backup_into_a_missing_directory_or_under_a_file_is_a_usage_mistake(tmp_path):
    path = config(tmp_path)
    _database(tmp_path)
    line = one_error(monitor(tmp_path, "--config", str(path), "backup", "backups/m.db"))
    assert line == ("error: cannot back up to backups/m.db: there is no directory backups; nothing was written "
                    "(create it first (mkdir -p backups) or give another path)")
    assert not (tmp_path / "backups").exists()
    line = one_error(monitor(tmp_path, "--config", str(path), "backup", "monitor.toml/m.db"))
    assert line == ("error: cannot back up to monitor.toml/m.db: monitor.toml is a file, not a directory; "
                    "nothing was written (give a path in a directory)")


@pytest.mark.parametrize("command", [["restore", "backup.db"], ["run", "--once"], ["poll"]])
def test_a_database_path_under_a_file_is_one_line(tmp_path, command):
    path = config(tmp_path)
    _database(tmp_path)
    (tmp_path / "m.db").rename(tmp_path / "backup.db")
    notes = tmp_path / "notes.txt"
    notes.write_text("meeting notes\n", encoding="utf-8")
    line = one_error(monitor(tmp_path, "--config", str(path), "--db", "notes.txt/m.db", *command))
    assert line.startswith("error: cannot make the directory "), line
    assert line.endswith(f"{'notes.txt' if command == ['poll'] else notes} is a file, not a directory; nothing was "
                         "changed (pass --db (or set storage.path to) a path in a directory)"), line
    assert notes.read_text(encoding="utf-8") == "meeting notes\n"
