"""A backup restored after a channel's address changed (a webhook's token rotated, a recipient added):
the restored database knows the channel under its old address only.

Before, what went to the old address after the backup (noted in `<db>.sent` under it) went again to
the new one, unmarked: the note was read for the channel's new address alone. And the daemon's retry
job, setting the restored database right before the next digest, recorded what the note gave the new
address before that address took over what its subscriber had (`adopt`, for a channel it has never
seen), so it took over nothing, and the subscriber's whole history went to it again. Now the note's
lines of all the subscriber's addresses count for an address the restored database never saw, as its
deliveries do, and a retry job sets it right as a digest does. Real SQLite files, `monitor backup` and
`monitor restore`, a webhook receiver on 127.0.0.1."""

from __future__ import annotations

import pytest
from delivery_world import counts, monitor_cli, quick_webhooks, write_config
from test_restore import news

from monitor import config
from monitor.pipeline import Context, retry_due, send_digests
from monitor.store import Store

# Each test runs monitor as a child five to nine times: ~50 s on a box at load 12, past the default 120 s
# at a higher load.
pytestmark = pytest.mark.timeout(360)


def rotate(tmp_path) -> None:
    """The robot's token rotated: the same robot at a new address."""
    path = tmp_path / "monitor.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("/old", "/new"), encoding="utf-8")


def got(receiver) -> dict:
    return counts([r.body.decode() for r in receiver.requests])


def test_what_went_to_the_old_address_after_the_backup_does_not_go_to_the_new_one(tmp_path, webhook_receiver):
    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/old"}])
    assert monitor_cli(tmp_path, "import", news(tmp_path, 3, 0)).returncode == 0
    assert monitor_cli(tmp_path, "digest").returncode == 0  # 0-2
    assert monitor_cli(tmp_path, "backup", str(tmp_path / "backup.db")).returncode == 0
    assert monitor_cli(tmp_path, "import", news(tmp_path, 2, 3)).returncode == 0
    assert monitor_cli(tmp_path, "digest").returncode == 0  # 3-4, to the old address, after the copy was made
    rotate(tmp_path)
    assert monitor_cli(tmp_path, "restore", str(tmp_path / "backup.db")).returncode == 0
    assert monitor_cli(tmp_path, "import", news(tmp_path, 3, 3)).returncode == 0  # polled again: 3-4, and 5 is new
    after = monitor_cli(tmp_path, "digest")
    assert after.returncode == 0, after.stderr
    assert got(webhook_receiver) == dict.fromkeys(range(6), 1)


def test_a_retry_job_setting_the_restored_database_right_first_leaves_the_new_address_its_history(
        tmp_path, webhook_receiver, monkeypatch):
    quick_webhooks(monkeypatch)
    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/old"}])
    assert monitor_cli(tmp_path, "import", news(tmp_path, 3, 0)).returncode == 0
    assert monitor_cli(tmp_path, "digest").returncode == 0  # 0-2 to the old address
    assert monitor_cli(tmp_path, "backup", str(tmp_path / "backup.db")).returncode == 0
    rotate(tmp_path)
    assert monitor_cli(tmp_path, "import", news(tmp_path, 2, 3)).returncode == 0
    assert monitor_cli(tmp_path, "digest").returncode == 0  # 3-4 to the new one, which took over 0-2
    assert monitor_cli(tmp_path, "restore", str(tmp_path / "backup.db")).returncode == 0
    assert monitor_cli(tmp_path, "import", news(tmp_path, 3, 3)).returncode == 0  # 3-4 again, and 5
    path = tmp_path / "monitor.toml"
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))  # the daemon, started again
    try:
        assert [r for r in retry_due(ctx) if r.status != "empty"] == []  # its retry job comes first
        assert [r.status for r in send_digests(ctx)] == ["sent"]  # then the digest
    finally:
        ctx.store.close()
    assert got(webhook_receiver) == dict.fromkeys(range(6), 1)
