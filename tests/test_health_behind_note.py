"""A database behind its sent note: `monitor digest` killed (power loss) with its last transactions in
`m.db-wal`, and the -wal then lost (deleted by a cleanup script, a copy of the database file alone put
back). The database went back to before them silently: `monitor health` said all was well, though the
note beside it (`m.db.sent`) names a message it does not know. Health and the daemon's start now say
so in one line, and what to do; the next digest records what the note says went (nothing twice), and
the line goes. A run killed between the receiver's answer and the record (the message held waiting)
is not behind: the next digest records it. Real processes, a real webhook receiver on 127.0.0.1, a
real SQLite file."""

from __future__ import annotations

import signal

from delivery_world import NO_BACKOFF, add_news, counts, monitor_cli, write_config

BEHIND = "database behind its sent note m.db.sent"


def test_health_says_the_database_lost_its_wal_is_behind_its_sent_note(tmp_path, webhook_receiver):
    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/w"}])
    add_news(tmp_path, 3)  # closed: checkpointed into the database file itself
    killed = monitor_cli(tmp_path, "digest", crash="digest-accepted", first=NO_BACKOFF)  # noted, not recorded
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    well = monitor_cli(tmp_path, "health")  # the message held waiting: the next digest records it, nothing behind
    assert well.returncode == 0 and BEHIND not in well.stdout + well.stderr, well.stdout + well.stderr
    assert monitor_cli(tmp_path, "digest", first=NO_BACKOFF).returncode == 0
    add_news(tmp_path, 2, start=3)
    killed = monitor_cli(tmp_path, "digest", crash="digest-recorded", first=NO_BACKOFF)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"m.db{suffix}").unlink(missing_ok=True)

    health = monitor_cli(tmp_path, "health")
    said = [line for line in (health.stdout + health.stderr).splitlines() if BEHIND in line]
    assert len(said) == 1 and "subscriber=desk" in said[0] and "nothing is sent twice" in said[0], health.stdout
    assert health.returncode == 0  # said, not failed: a probe restarting the container mends nothing

    mended = monitor_cli(tmp_path, "run", "--once", first=NO_BACKOFF)  # the daemon's start says it too, and its
    assert mended.returncode == 0, mended.stderr  # digest records what the note says went
    assert len([line for line in mended.stderr.splitlines() if BEHIND in line]) == 1, mended.stderr
    assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(5), 1)
    after = monitor_cli(tmp_path, "health")
    assert BEHIND not in after.stdout + after.stderr


def test_the_line_goes_once_the_daemons_retry_job_recorded_what_the_note_says_went(tmp_path, webhook_receiver):
    """The daemon's retry job (every minute, from its start) sets the database right as a digest
    does; health went on saying it was behind, and that 'the next digest records what the note says
    went', until the subscriber's next scheduled digest (a day, a week), though that was done."""
    from monitor import config
    from monitor.pipeline import Context, retry_due
    from monitor.store import Store

    write_config(tmp_path / "monitor.toml", [{"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/w"}])
    add_news(tmp_path, 3)
    assert monitor_cli(tmp_path, "digest", first=NO_BACKOFF).returncode == 0
    add_news(tmp_path, 2, start=3)
    killed = monitor_cli(tmp_path, "digest", crash="digest-recorded", first=NO_BACKOFF)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"m.db{suffix}").unlink(missing_ok=True)
    assert BEHIND in monitor_cli(tmp_path, "health").stdout

    ctx = Context(config.load(tmp_path / "monitor.toml", tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    ran = ctx.store.last_digest_run("desk")
    try:
        assert retry_due(ctx) == []  # the daemon's minute: nothing due, the database set right
        assert ctx.store.last_digest_run("desk") == ran  # the subscriber's schedule is its own: no run recorded
    finally:
        ctx.store.close()
    after = monitor_cli(tmp_path, "health")
    assert after.returncode == 0 and BEHIND not in after.stdout + after.stderr, after.stdout
    assert monitor_cli(tmp_path, "digest", first=NO_BACKOFF).returncode == 0
    assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(5), 1)
