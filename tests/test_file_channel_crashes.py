"""A file channel (`path = "digests/{subscriber}-{date}.md"`) whose `monitor digest` was killed
(SIGKILL, power loss) before it recorded the file it wrote, or just before it wrote it.

Whether a file holds the digest can be seen, unlike a mail server's or a robot's answer never
heard: the next run writes the same text, which lands on the file already there (or writes it
if none is). Before, it was marked as sent again: the day got a second file
(`desk-2026-12-06-2.md`) saying "Sent again", or the only file said so though nobody had had it.
Real processes, real signals (the test-only crash points), a real SQLite file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from delivery_world import counts, news_lines, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store


@pytest.mark.parametrize("point", ["digest-sending", "digest-accepted"])
def test_a_digest_killed_around_writing_its_file_leaves_one_file_unmarked(tmp_path, point):
    out = tmp_path / "digests"
    path = write_config(tmp_path / "monitor.toml", [{"kind": "file", "format": "markdown",
                                                     "path": str(out / "{subscriber}-{date}.md")}])
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(5)).matched == 5
    (tmp_path / "m.db.sent").mkdir()  # the note beside the database cannot be written (a full disk, say)
    killed = subprocess.run([sys.executable, "-m", "monitor", "--config", str(path), "--db", str(ctx.store.path),
                             "digest"], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "MONITOR_TEST_CRASH_AT": point})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    (after,) = send_digests(Context(config.load(path, ctx.store.path), ctx.store))
    assert after.status == "sent", after.detail
    files = sorted(out.glob("*.md"))
    assert len(files) == 1, files
    text = files[0].read_text(encoding="utf-8")
    assert "sent again" not in text.lower()
    assert counts([text]) == dict.fromkeys(range(5), 1)
    assert send_digests(ctx)[0].status == "empty" and len(list(out.glob("*.md"))) == 1
