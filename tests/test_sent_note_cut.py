"""A note of what was sent (`<db>.sent`) whose last line a full disk cut short, then the database
restored from last night's backup (the user freed room, and put the backup back as the error's
hint and the README say).

The note's last line names the message taken last; the restored database does not know it, so
the next digest records what the note says went instead of sending it again. A line cut short
(the disk filled as the note was written: `add` writes the line in one go, the kernel takes what
fits) was read as the note's last line: it named nothing, so the database was taken to know
everything, and every message since the backup went to the reader again, unmarked. The damaged
line is passed over now; only the message whose line was cut, which nobody can name, may go again.

The fault is real: the mail server (aiosmtpd on 127.0.0.1), as it takes the second message,
limits the `monitor digest` process's file size (prlimit) to a few bytes past the note's end, so
the note takes part of its line and the database none of its record."""

from __future__ import annotations

import resource
import subprocess
import sys

from conftest import _start
from delivery_world import counts, news_lines, write_config
from test_disk_full_sends import FillingSMTP, digest, errors

from monitor import config, sentlog
from monitor.pipeline import Context, import_lines
from monitor.store import Store


class CuttingSMTP(FillingSMTP):
    """As it takes message `fill_at`, the digest's files may grow no more than a few bytes past
    the note's end: the note's line is cut, the database's record refused."""

    def __init__(self, fill_at: int, note) -> None:
        super().__init__(fill_at)
        self.note = note

    async def handle_DATA(self, server, session, envelope) -> str:
        self.envelopes.append(envelope)
        if len(self.envelopes) == self.fill_at and self.pid:
            end = self.note.stat().st_size + 12
            resource.prlimit(self.pid, resource.RLIMIT_FSIZE, (end, end))
        return "250 Message accepted for delivery"


def test_a_note_cut_by_a_full_disk_still_says_what_the_restored_database_missed(tmp_path):
    db = tmp_path / "m.db"
    sink = CuttingSMTP(fill_at=2, note=sentlog.log_path(db))
    controller = _start(sink)
    try:
        channel = {"kind": "email", "smtp_host": "127.0.0.1", "smtp_port": sink.port,
                   "from": "monitor@example.org", "to": ["desk@example.org"]}
        path = write_config(tmp_path / "monitor.toml", [channel], max_stories=200)
        ctx = Context(config.load(path, db), Store.open(db))
        assert import_lines(ctx, news_lines(200)).matched == 200
        ctx.store.close()
        backup = subprocess.run([sys.executable, "-m", "monitor", "--config", str(path), "--db", str(db), "backup",
                                 str(tmp_path / "backup.db")], capture_output=True, text=True, timeout=300)
        assert backup.returncode == 0, backup.stderr

        full = digest(path, db, sink)
        assert full.returncode == 1, full.stderr
        (line,) = errors(full)
        assert "taken by its receiver but could not be recorded" in line, line
        assert len(sink.envelopes) == 2
        note = sentlog.log_path(db).read_bytes()
        assert note.count(b"\n") == 1 and not note.endswith(b"\n"), note[-200:]  # the second line cut short

        restored = subprocess.run([sys.executable, "-m", "monitor", "--config", str(path), "--db", str(db), "restore",
                                   str(tmp_path / "backup.db")], capture_output=True, text=True, timeout=300)
        assert restored.returncode == 0, restored.stderr
        again = digest(path, db)
        assert again.returncode == 0, again.stderr
        assert digest(path, db).returncode == 0  # and nothing more after
    finally:
        controller.stop()
    mails = [sink.parsed(i) for i in range(len(sink.envelopes))]
    first = {m["Message-ID"] for m in mails[:1]}
    assert [m["Message-ID"] for m in mails].count(mails[0]["Message-ID"]) == 1, "the first message went again"
    later = [m for m in mails[2:] if m["Message-ID"] not in first]
    got = counts([m.get_body(("html",)).get_content() for m in mails[:1] + later])
    assert got == dict.fromkeys(range(200), 1), "each story once, besides the message whose line was cut"
