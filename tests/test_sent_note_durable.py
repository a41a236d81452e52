"""The note of a sent message (`<db>.sent`) is what keeps a message its receiver took from going
again when the database could not record it. A power cut right after the receiver's answer
left a note the kernel had not yet written: the page cache went with the power, and the message
went again at the next start. Now the note, and the name of a note just made in its directory,
are on the disk (fsync) before the database records the message. A power cut cannot be made in
a test: the test sees each fsync happen, on which file, and what the database said then."""

from __future__ import annotations

import os
import sqlite3

from delivery_world import quick_webhooks, webhook_world

from monitor import sentlog
from monitor.pipeline import send_digests


def test_the_note_is_on_the_disk_before_the_database_records_the_message(tmp_path, webhook_receiver, monkeypatch):
    quick_webhooks(monkeypatch)  # no proxy from the environment
    ctx = webhook_world(tmp_path, webhook_receiver.url + "/hook")
    synced: list[tuple[str, str]] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        real(fd)
        with sqlite3.connect(tmp_path / "m.db") as con:
            status = con.execute("SELECT group_concat(status) FROM outbox").fetchone()[0]
        synced.append((os.readlink(f"/proc/self/fd/{fd}"), status))

    monkeypatch.setattr(sentlog.os, "fsync", fsync)
    (result,) = send_digests(ctx)
    assert result.status == "sent" and len(webhook_receiver.requests) == 1
    note = str(sentlog.log_path(tmp_path / "m.db"))
    assert (note, "pending") in synced, synced  # the note, while the database did not yet say sent
    assert (str(tmp_path.resolve()), "pending") in synced, synced  # its new name in the directory
    assert ctx.store.conn.execute("SELECT status FROM outbox").fetchone()[0] == "sent"
