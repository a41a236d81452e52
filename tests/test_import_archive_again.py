"""`monitor import --archive` run over a file imported before without it (the summary said the
old stories wait, and how to record them as read: "or import archives with --archive").
Was: the second run counted every line "already stored" and recorded nothing, so the next digest
mailed the whole archive anyway. Real processes, real SQLite files, a file channel."""

from __future__ import annotations

from delivery_world import counts
from test_import_backfill import archive, mailed, monitor, setup


def test_archive_run_over_a_file_imported_without_it_records_its_old_stories_as_read(tmp_path):
    setup(tmp_path)
    path = archive(tmp_path, 40, 5, 3)
    first = monitor(tmp_path, "import", str(path))
    assert "40 matching stories came out before the subscribers' digest windows: they wait" in first.stdout
    again = monitor(tmp_path, "import", "--archive", str(path))
    assert again.returncode == 0, again.stderr
    assert "48 lines: 0 new, 0 reposts, 48 already stored" in again.stdout
    assert "40 matching stories came out before the subscribers' digest windows: recorded as read" in again.stdout
    sent = monitor(tmp_path, "digest")
    assert sent.returncode == 0 and "sent, 8 stories" in sent.stderr, sent.stderr
    assert counts(mailed(tmp_path)) == dict.fromkeys(range(40, 48), 1)  # the fresh and the undated, once


def test_archive_run_again_after_the_digest_marks_nothing_twice_and_sent_stories_stay_sent(tmp_path):
    setup(tmp_path)
    path = archive(tmp_path, 40, 5, 3)
    monitor(tmp_path, "import", str(path))
    assert "sent, 48 stories" in monitor(tmp_path, "digest").stderr
    again = monitor(tmp_path, "import", "--archive", str(path))
    assert again.returncode == 0 and "recorded as read" not in again.stdout, again.stdout
    assert "nothing new" in monitor(tmp_path, "digest").stderr
    assert counts(mailed(tmp_path)) == dict.fromkeys(range(48), 1)
