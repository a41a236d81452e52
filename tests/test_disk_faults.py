"""A disk that fills up mid-write, or a database file damaged on disk: one line naming the
database and the fix, no traceback, nothing half-written, and everything stored once there is
room again.

The fault is real, not simulated: the command runs in a child process under RLIMIT_FSIZE, so
the kernel refuses every write that would grow a file past the limit, and SQLite meets it as
it meets a full disk (a short write: "database or disk is full"; a refused one: "disk I/O
error")."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import SITE_SOURCES

from monitor.replay import ReplayServer
from monitor.store import Store

SITES = Path(__file__).parent / "fixtures" / "sites"

# The child sets the limit on itself, then runs the CLI as `monitor` does.
LIMITED = ("import resource, signal, sys\n"
           "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
           "limit = int(sys.argv.pop(1))\n"
           "if limit: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))\n"
           "sys.argv[0] = 'monitor'\n"
           "from monitor.__main__ import run\n"
           "run()\n")

TOPIC = 'include = ["monitor:topics/hu-ming.toml"]\n'


def monitor(tmp_path: Path, *args: str, limit: int = 0) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", LIMITED, str(limit), "--config", str(tmp_path / "monitor.toml"),
                           "--db", str(tmp_path / "m.db"), *args],
                          capture_output=True, text=True, timeout=300,  # a loaded box: minutes
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1"})


def stored(db: Path) -> tuple[int, str]:
    with sqlite3.connect(db) as conn:
        return (conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                conn.execute("PRAGMA integrity_check").fetchone()[0])


def db_bytes(tmp_path: Path) -> int:
    return max(p.stat().st_size for p in tmp_path.glob("m.db*"))


PLACES = "三元 沙县 永安 明溪 清流 宁化 大田 尤溪 将乐 泰宁 建宁 浦东 杨浦 闵行 嘉定 金山 松江 青浦 奉贤 崇明".split()
THINGS = "茶园 民宿 果蔬 竹笋 学校 医院 工厂 园区 码头 书院 林场 菌菇 药材 绣坊 陶窑 米粉 药房 球队 剧团 车站".split()


def article(n: int) -> bytes:
    """A distinct generated brief (its words drawn by its number), so none folds into another."""
    rng = random.Random(n)
    body = "".join(f"{rng.choice(PLACES)}的{rng.choice(THINGS)}与{rng.choice(PLACES)}{rng.choice(THINGS)}"
                   f"第{rng.randrange(10_000)}号项目签约，上海三明两地协作。" for _ in range(60))
    item = {"url": f"http://news.example/{n}.html", "title": f"沪明合作简报第{n}期", "body": body,
            "published": "2026-11-20"}
    return json.dumps(item, ensure_ascii=False).encode("utf-8") + b"\n"


def assert_one_line_error(result: subprocess.CompletedProcess, db: Path, hint: str) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert str(db) in errors[0] and hint in errors[0], errors[0]
    return errors[0]


def test_import_onto_a_full_disk_stops_with_one_line_and_a_rerun_completes_it(tmp_path):
    (tmp_path / "monitor.toml").write_text(TOPIC, encoding="utf-8")
    db = tmp_path / "m.db"
    (tmp_path / "first.jsonl").write_bytes(article(0))
    assert monitor(tmp_path, "import", str(tmp_path / "first.jsonl")).returncode == 0
    (tmp_path / "all.jsonl").write_bytes(b"".join(article(n) for n in range(1, 1201)))

    full = monitor(tmp_path, "import", str(tmp_path / "all.jsonl"), limit=db_bytes(tmp_path) + 600_000)
    assert full.returncode == 1
    assert_one_line_error(full, db, "run the same import again")
    before, check = stored(db)
    assert check == "ok" and 1 <= before < 1201
    assert f"{before - 1} new" in full.stdout  # what it says it stored is what is there

    again = monitor(tmp_path, "import", str(tmp_path / "all.jsonl"))
    assert again.returncode == 0, again.stderr
    assert f"{1201 - before} new" in again.stdout and f"{before - 1} already stored" in again.stdout
    assert stored(db) == (1201, "ok")


# The import in-process under the limit, the collector off: what is left running when it returns.
LEFT_RUNNING = ("import gc, multiprocessing, os, resource, signal, sys, threading\n"
                "from pathlib import Path\n"
                "from monitor import config\n"
                "from monitor.pipeline import Context, import_lines\n"
                "from monitor.store import Store\n"
                "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
                "work = Path(sys.argv[1])\n"
                "ctx = Context(config.load(work / 'monitor.toml', work / 'm.db'), Store.open(work / 'm.db'))\n"
                "lines = (work / 'all.jsonl').read_bytes().splitlines(keepends=True)\n"
                "resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[2]),) * 2)\n"
                "gc.disable()\n"
                "report = import_lines(ctx, lines, workers=2)\n"
                "print(type(report.stopped).__name__, len(multiprocessing.active_children()), threading.active_count(),\n"
                "      flush=True)\n"
                "os._exit(0)  # what exit would run is not the question here (it waited on the workers for ever)\n")


def test_an_import_stopped_by_a_full_disk_has_ended_its_workers_when_it_returns(tmp_path):
    """The workers' pool was closed only when the collector next ran, in whatever thread it ran:
    in the pool's own result thread it waited there on itself, and the import hung for ever."""
    (tmp_path / "monitor.toml").write_text(TOPIC, encoding="utf-8")
    (tmp_path / "first.jsonl").write_bytes(article(0))
    assert monitor(tmp_path, "import", str(tmp_path / "first.jsonl")).returncode == 0
    (tmp_path / "all.jsonl").write_bytes(b"".join(article(n) for n in range(1, 1201)))
    done = subprocess.run([sys.executable, "-c", LEFT_RUNNING, str(tmp_path), str(db_bytes(tmp_path) + 600_000)],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1"})
    assert done.stdout.split() == ["StoreError", "0", "1"], (done.stdout, done.stderr[-2000:])


@pytest.mark.parametrize("room", [0, 40_000])
def test_a_poll_that_cannot_store_says_so_and_the_next_poll_stores_everything(tmp_path, room):
    with ReplayServer(SITES) as site:
        (tmp_path / "monitor.toml").write_text(SITE_SOURCES.format(base=site.base_url), encoding="utf-8")
        db = tmp_path / "m.db"
        Store.open(db).close()  # the database there before the full disk
        full = monitor(tmp_path, "poll", limit=db_bytes(tmp_path) + room)
        assert full.returncode == 1, full.stderr
        assert_one_line_error(full, db, "next poll")
        said = re.search(r"(\d+) new articles?, \d+ matched, (\d+) failed", full.stderr)
        assert said and int(said.group(2)) >= 1, full.stderr
        assert stored(db) == (int(said.group(1)), "ok")  # what it says it stored is what is there

        again = monitor(tmp_path, "poll")
        assert again.returncode == 0, again.stderr
        count, check = stored(db)
        assert check == "ok" and count > 0
        (tmp_path / "fresh").mkdir()
        (tmp_path / "fresh" / "monitor.toml").write_text(SITE_SOURCES.format(base=site.base_url), encoding="utf-8")
        assert monitor(tmp_path / "fresh", "poll").returncode == 0
        assert stored(tmp_path / "fresh" / "m.db")[0] == count  # nothing was lost to the full disk


@pytest.mark.parametrize("command", [["search", "三明"], ["search", "签约", "--format", "json"], ["import", "all.jsonl"]])
def test_a_damaged_database_file_is_one_line_not_a_traceback(tmp_path, command):
    (tmp_path / "monitor.toml").write_text(TOPIC, encoding="utf-8")
    (tmp_path / "all.jsonl").write_bytes(b"".join(article(n) for n in range(300)))
    assert monitor(tmp_path, "import", str(tmp_path / "all.jsonl")).returncode == 0
    db = tmp_path / "m.db"
    size = db.stat().st_size
    with db.open("r+b") as f:  # the second half of the file overwritten, as a failing disk might
        f.seek(size // 2)
        f.write(b"\xde\xad\xbe\xef" * ((size - size // 2) // 4))
    damaged = monitor(tmp_path, *[str(tmp_path / c) if c.endswith(".jsonl") else c for c in command])
    assert damaged.returncode == 1
    assert_one_line_error(damaged, db, "")


TOTAL = 2500  # the first batch commits at 500 articles or after a second


def import_under_way(tmp_path: Path, **popen: Any) -> subprocess.Popen:
    """`monitor import` of TOTAL articles in its own process, returned once its first batch is in."""
    (tmp_path / "monitor.toml").write_text(TOPIC, encoding="utf-8")
    (tmp_path / "all.jsonl").write_bytes(b"".join(article(n) for n in range(TOTAL)))
    db = tmp_path / "m.db"
    child = subprocess.Popen([sys.executable, "-c", LIMITED, "0", "--config", str(tmp_path / "monitor.toml"),
                              "--db", str(db), "import", str(tmp_path / "all.jsonl")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONIOENCODING": "utf-8"}, **popen)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and child.poll() is None:  # stop it once a batch is in
        try:
            if db.exists() and stored(db)[0] > 0:
                break
        except sqlite3.Error:  # still being created
            pass
        time.sleep(0.1)
    return child


@pytest.mark.timeout(900)  # two imports of a few thousand articles on a loaded box
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_an_import_stopped_by_a_signal_counts_what_it_stored_and_a_rerun_goes_on(tmp_path, signum):
    """Stopped between two articles, never between a batch's commit and its count (the count
    said 0 with 500 stored when the signal landed there)."""
    db = tmp_path / "m.db"
    child = import_under_way(tmp_path, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # a terminal's
    child.send_signal(signum)
    out, err = child.communicate(timeout=300)
    assert child.returncode == 128 + signum, err  # 130 for Ctrl-C, 143 for SIGTERM, as a shell reports them
    assert "Traceback" not in err and "error: import interrupted (run the same import again" in err, err
    said = re.search(r"stopped after \d+ articles?: (\d+) new", out)
    count, check = stored(db)
    assert said and check == "ok" and int(said.group(1)) == count < TOTAL

    again = monitor(tmp_path, "import", str(tmp_path / "all.jsonl"))
    assert again.returncode == 0, again.stderr
    assert f"{TOTAL - count} new" in again.stdout and stored(db) == (TOTAL, "ok")


@pytest.mark.timeout(300)
def test_an_import_reading_a_line_without_end_stops_at_the_first_signal(tmp_path):
    """`monitor import -` fed endless bytes without a line break (`/dev/zero`): the line is
    skipped unread, and SIGTERM ended nothing, as the import looks for it between articles."""
    (tmp_path / "monitor.toml").write_text(TOPIC, encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-c", LIMITED, "0", "--config", str(tmp_path / "monitor.toml"),
                              "--db", str(tmp_path / "m.db"), "import", "-"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    fed = threading.Event()

    def feed() -> None:
        try:
            while True:
                child.stdin.write(article(1) + b"\0" * 65536 * 16)  # one article, then no end of line
                while True:
                    child.stdin.write(b"\0" * 65536)
                    fed.set()
        except (BrokenPipeError, ValueError, OSError):
            pass

    threading.Thread(target=feed, daemon=True).start()
    assert fed.wait(60)
    time.sleep(1.0)
    child.send_signal(signal.SIGTERM)
    try:
        child.wait(timeout=60)  # stdin still open and fed: the line really has no end
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise AssertionError("the import went on reading after SIGTERM") from None
    out, err = child.stdout.read(), child.stderr.read()
    assert child.returncode == 143 and "Traceback" not in err.decode() and "import interrupted" in err.decode(), err
    said = re.search(r"stopped after (\d+) articles?", out.decode())
    assert said and int(said.group(1)) == stored(tmp_path / "m.db")[0] <= 1  # what it said is what it stored


def test_a_database_another_program_keeps_locked_is_one_line(tmp_path, monkeypatch):
    """A sqlite3 shell (or a backup tool) holding a write transaction past the busy timeout: the
    import says so in one line; it was a "database is locked" traceback."""
    from click.testing import CliRunner

    from monitor import store
    from monitor.cli import main

    (tmp_path / "monitor.toml").write_text(TOPIC, encoding="utf-8")
    (tmp_path / "a.jsonl").write_bytes(article(1) + article(2))
    db = tmp_path / "m.db"
    args = ["--config", str(tmp_path / "monitor.toml"), "--db", str(db), "import", str(tmp_path / "a.jsonl")]
    assert CliRunner().invoke(main, args).exit_code == 0
    (tmp_path / "a.jsonl").write_bytes(article(3))
    monkeypatch.setattr(store, "BUSY_SECONDS", 1)
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        result = CliRunner().invoke(main, args)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    said = result.output.splitlines()[-1]
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    assert said.startswith(f"error: database {db} is locked: another program has held"), result.output
    assert stored(db)[0] == 2


@pytest.mark.timeout(900)
def test_an_import_whose_whole_process_group_gets_sigterm_stops_and_a_rerun_goes_on(tmp_path):
    """A service manager stops a unit by sending SIGTERM to every process of it (systemd's
    default), the import's workers too. Workers died at once, one of them holding a queue's
    lock, and the import then waited on that lock for ever (6 of 6 such stops hung)."""
    db = tmp_path / "m.db"
    child = import_under_way(tmp_path, start_new_session=True)
    os.killpg(child.pid, signal.SIGTERM)
    try:
        out, err = child.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        pytest.fail("the import did not stop within 120 s of its process group's SIGTERM")
    assert child.returncode == 143 and "error: import interrupted" in err and "Traceback" not in err, err
    said = re.search(r"stopped after \d+ articles?: (\d+) new", out)
    count, check = stored(db)
    assert said and check == "ok" and int(said.group(1)) == count < TOTAL
    again = monitor(tmp_path, "import", str(tmp_path / "all.jsonl"))
    assert again.returncode == 0 and stored(db) == (TOTAL, "ok"), again.stderr
