"""A disk that fills up while a digest goes out: exactly when the mail server has taken a message
and `monitor digest` goes to record it. The server has the message and the database cannot say
so: the run stops with one line saying what became of the message, and the next run (with room
again) sends it once more, marked as sent again, with the same Message-ID; the rest go once. A run
while the disk is still full sends nothing: nothing may leave that could not be recorded.

The fault is real: the mail server (aiosmtpd on 127.0.0.1), as it takes the message's data, sets
RLIMIT_FSIZE on the `monitor digest` process (prlimit), and the kernel refuses its every write to
a file from then on, as a full disk does."""

from __future__ import annotations

import os
import re
import resource
import sqlite3
import subprocess
import sys

from conftest import SMTPSink, _start
from delivery_world import NO_PROXY, counts, news_lines, write_config
from test_disk_faults import LIMITED as CHILD  # the CLI in a child that sets its own file-size limit

from monitor import config
from monitor.pipeline import Context, import_lines
from monitor.store import Store


class FillingSMTP(SMTPSink):
    """Takes every message; as it takes message number `fill_at`, the disk of process `pid` fills."""

    def __init__(self, fill_at: int) -> None:
        super().__init__()
        self.fill_at, self.pid = fill_at, 0

    async def handle_DATA(self, server, session, envelope) -> str:
        self.envelopes.append(envelope)
        if len(self.envelopes) == self.fill_at and self.pid:
            resource.prlimit(self.pid, resource.RLIMIT_FSIZE, (1, 1))  # no write past the first byte
        return "250 Message accepted for delivery"


def digest(path, db, sink: FillingSMTP | None = None, limit: int = 0) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in NO_PROXY}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(limit), "--config", str(path), "--db", str(db),
                             "digest"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**env, "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1"})
    if sink is not None:
        sink.pid = proc.pid
    out, err = proc.communicate(timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def errors(result: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def test_a_disk_full_as_the_server_takes_a_message_sends_it_once_more_marked_and_the_rest_once(tmp_path):
    sink = FillingSMTP(fill_at=2)
    controller = _start(sink)
    try:
        channel = {"kind": "email", "smtp_host": "127.0.0.1", "smtp_port": sink.port,
                   "from": "monitor@example.org", "to": ["desk@example.org"]}
        path = write_config(tmp_path / "monitor.toml", [channel], max_stories=200)
        db = tmp_path / "m.db"
        ctx = Context(config.load(path, db), Store.open(db))
        assert import_lines(ctx, news_lines(200)).matched == 200
        ctx.store.close()

        full = digest(path, db, sink)
        assert full.returncode == 1, full.stderr
        (line,) = errors(full)
        assert str(db) in line and "taken by its receiver but could not be recorded" in line, line
        assert "free space" in line or "check the disk" in line, line
        taken = len(sink.envelopes)
        assert taken == 2

        still = digest(path, db, limit=1)  # the disk still full: nothing leaves
        assert still.returncode == 1 and len(errors(still)) == 1, still.stderr
        assert len(sink.envelopes) == taken

        again = digest(path, db)
        assert again.returncode == 0, again.stderr
        mails = [sink.parsed(i) for i in range(len(sink.envelopes))]
        resent = [m for m in mails if m["X-Monitor-Resend"]]
        assert len(resent) == 1 and resent[0]["Message-ID"] == mails[1]["Message-ID"]  # the one in doubt
        assert [m["Message-ID"] for m in mails].count(mails[1]["Message-ID"]) == 2
        htmls = [m.get_body(("html",)).get_content() for m in mails if not m["X-Monitor-Resend"]]
        assert counts(htmls) == dict.fromkeys(range(200), 1)  # each story once, besides the one marked
        assert re.search(r"sent again", resent[0].get_body(("plain",)).get_content(), re.I)

        assert digest(path, db).returncode == 0 and len(sink.envelopes) == len(mails)  # nothing more
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT count(*) FROM deliveries").fetchone()[0] == 200
            assert conn.execute("SELECT count(*) FROM outbox WHERE status != 'sent'").fetchone()[0] == 0
    finally:
        controller.stop()
