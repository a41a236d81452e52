"""`monitor import` and the digests after it: by default every imported story goes out once, and
the summary counts the old ones; with --archive the old stories are recorded as read, not mailed,
while what came out in the digest window, or undated, goes out once; a killed import run again
changes none of that. Real processes, real SQLite files, a file channel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from delivery_world import counts, news_lines, write_config

from monitor.crontab import previous_fire, trigger
from monitor.pipeline.backfill import window_opens

UTC = timezone.utc


def monitor(tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from monitor.cli import main; main()", "--config", str(tmp_path / "monitor.toml"),
                           "--db", str(tmp_path / "m.db"), *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})})


def archive(tmp_path: Path, old: int, fresh: int, undated: int) -> Path:
    """`old` articles from 2019, `fresh` published a minute ago, `undated` without a date."""
    now = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=1)
    rows = []
    for i, text in enumerate(news_lines(old + fresh + undated)):
        row = json.loads(text)
        if i < old:
            row["published"] = f"2019-0{i % 9 + 1}-1{i % 10}T10:00:00+08:00"
        elif i < old + fresh:
            row["published"] = now.isoformat()
        rows.append(json.dumps(row, ensure_ascii=False))
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def setup(tmp_path: Path) -> None:
    write_config(tmp_path / "monitor.toml", [{"kind": "file", "format": "markdown",
                                              "path": str(tmp_path / "out" / "{subscriber}-{date}.md")}],
                 max_stories=2000)


def mailed(tmp_path: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "out").glob("*.md"))]


def test_an_archive_import_does_not_flood_the_next_digest(tmp_path):
    """Was: all 40 stories of 2019 waited for the next digest with the 5 fresh ones (a 50,000-
    article archive put 23,669 stories in front of the next day's news, 100 a digest)."""
    setup(tmp_path)
    result = monitor(tmp_path, "import", "--archive", str(archive(tmp_path, 40, 5, 3)))
    assert result.returncode == 0, result.stderr
    assert "48 lines: 48 new" in result.stdout
    assert "40 matching stories came out before the subscribers' digest windows: recorded as read" in result.stdout
    sent = monitor(tmp_path, "digest")
    assert sent.returncode == 0 and "sent, 8 stories" in sent.stderr, sent.stderr
    assert counts(mailed(tmp_path)) == dict.fromkeys(range(40, 48), 1)  # the fresh and the undated, once
    again = monitor(tmp_path, "digest")
    assert "nothing new" in again.stderr and counts(mailed(tmp_path)) == dict.fromkeys(range(40, 48), 1)


def test_by_default_every_imported_story_goes_out_once_and_the_old_ones_are_counted(tmp_path):
    """An import is also how a missed day is filled in: without --archive nothing imported is
    marked read behind the user's back; the summary names the old stories and the way out."""
    setup(tmp_path)
    result = monitor(tmp_path, "import", str(archive(tmp_path, 40, 5, 3)))
    assert result.returncode == 0 and "recorded as read, not sent" not in result.stdout, result.stdout
    assert "40 matching stories came out before the subscribers' digest windows: they wait" in result.stdout
    assert "monitor digest --mark-read --before DATE" in result.stdout
    sent = monitor(tmp_path, "digest")
    assert "sent, 48 stories" in sent.stderr, sent.stderr
    assert counts(mailed(tmp_path)) == dict.fromkeys(range(48), 1)


def test_a_killed_import_run_again_mails_no_old_story_and_each_fresh_one_once(tmp_path):
    """SIGKILL right after the first batch's commit; the second run stores the rest; the
    marks were written with each batch, so the digest between and after the runs mails only
    fresh stories, each once."""
    setup(tmp_path)
    path = archive(tmp_path, 600, 60, 0)
    killed = monitor(tmp_path, "import", "--archive", str(path), env={"MONITOR_TEST_CRASH_AT": "committed"})
    assert killed.returncode == -9
    between = monitor(tmp_path, "digest")
    assert between.returncode == 0, between.stderr
    rerun = monitor(tmp_path, "import", "--archive", str(path))
    assert rerun.returncode == 0, rerun.stderr
    assert "660 lines:" in rerun.stdout and " 0 new" not in rerun.stdout
    monitor(tmp_path, "digest")
    got = counts(mailed(tmp_path))
    assert got == dict.fromkeys(range(600, 660), 1)
    import sqlite3

    conn = sqlite3.connect(tmp_path / "m.db")
    assert conn.execute("SELECT count(*), count(DISTINCT canonical_url) FROM articles").fetchone() == (660, 660)


def test_a_killed_import_run_again_mails_every_story_once_by_default(tmp_path):
    """The same crash without --archive: nothing is marked read, so the digests between and after
    the runs carry every story of the file, each exactly once."""
    setup(tmp_path)
    path = archive(tmp_path, 300, 30, 10)
    killed = monitor(tmp_path, "import", str(path), env={"MONITOR_TEST_CRASH_AT": "committed"})
    assert killed.returncode == -9
    assert monitor(tmp_path, "digest").returncode == 0
    rerun = monitor(tmp_path, "import", str(path))
    assert rerun.returncode == 0, rerun.stderr
    assert monitor(tmp_path, "digest").returncode == 0
    assert counts(mailed(tmp_path)) == dict.fromkeys(range(340), 1)


SHANGHAI_8 = "0 8 * * *"  # 00:00 UTC


def test_the_window_opens_at_the_previous_scheduled_time_or_an_earlier_last_run():
    now = datetime(2026, 12, 4, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai
    today_8 = datetime(2026, 12, 4, 0, 0, tzinfo=UTC)
    assert window_opens(SHANGHAI_8, "Asia/Shanghai", None, now) == today_8
    missed = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)  # the daemon was down since
    assert window_opens(SHANGHAI_8, "Asia/Shanghai", missed, now) == missed
    by_hand = datetime(2026, 12, 4, 1, 0, tzinfo=UTC)  # `monitor digest` after the scheduled run
    assert window_opens(SHANGHAI_8, "Asia/Shanghai", by_hand, now) == today_8
    early = datetime(2026, 12, 3, 23, 0, tzinfo=UTC)  # 07:00 in Shanghai: yesterday's run
    assert window_opens(SHANGHAI_8, "Asia/Shanghai", None, early) == datetime(2026, 12, 3, 0, 0, tzinfo=UTC)
    monthly = trigger("0 9 1 * *", "Asia/Shanghai")
    assert previous_fire(monthly, now) == datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
    assert previous_fire(trigger("*/5 * * * *", "Asia/Shanghai"), now) == now
