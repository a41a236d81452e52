"""`monitor digest --dry-run` and `--status` after a backup was restored.

The restored database does not know what was sent since the copy; the next digest sets it right
from the note beside it (`<db>.sent`) and sends none of it again. The preview did not: it listed
every story sent since the backup as what the run would send, and the outbox's status counted
the messages sent since as waiting. Both now say what the run will do. Real `monitor` processes,
`monitor backup`/`restore`, a webhook on 127.0.0.1."""

from __future__ import annotations

from delivery_world import counts, monitor_cli, story_numbers, write_config
from test_restore import news


def test_a_preview_after_a_restore_lists_only_what_the_digest_will_send(tmp_path, webhook_receiver):
    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/h"}])
    assert monitor_cli(tmp_path, "import", news(tmp_path, 4, 0)).returncode == 0
    assert monitor_cli(tmp_path, "digest", crash="digest-planned").returncode < 0  # 0-3 wait in the outbox
    assert monitor_cli(tmp_path, "import", news(tmp_path, 3, 4)).returncode == 0  # 4-6, not yet planned
    assert monitor_cli(tmp_path, "backup", str(tmp_path / "backup.db")).returncode == 0
    assert monitor_cli(tmp_path, "digest").returncode == 0  # 0-6 sent after the backup
    assert monitor_cli(tmp_path, "restore", str(tmp_path / "backup.db")).returncode == 0
    assert monitor_cli(tmp_path, "import", news(tmp_path, 2, 7)).returncode == 0  # 7-8: new
    status = monitor_cli(tmp_path, "digest", "--status")
    row = status.stdout.splitlines()[1].split("\t")
    assert row[2] == "0", f"status counts {row[2]} messages sent since the backup as waiting"
    preview = monitor_cli(tmp_path, "digest", "--dry-run")
    assert preview.returncode == 0, preview.stderr
    assert sorted(story_numbers(preview.stdout)) == [7, 8], "the preview lists stories sent since the backup"
    assert "2 stories" in preview.stderr and "waiting" not in preview.stderr, preview.stderr
    assert monitor_cli(tmp_path, "digest").returncode == 0
    assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(9), 1)
