"""A message whose fate we cannot know: the receiver took it, but we never heard so.

A webhook receiver that takes the POST and answers after our timeout, or closes the connection
without answering, and a `monitor digest` killed (SIGKILL, power loss) while a receiver holds a
message, each leave a message that may or may not have arrived. Before, the webhook's own retries
posted it again at once, up to four times in a run (a chat robot shows each), and a message
repeated after a crash looked like a new one. Now such a message is sent again once, at the
next try, and says it is sent again (a header, a note in what the reader sees), so the reader
can tell; a message that never left (connection refused, an error answer) goes again as it was.
A SIGTERM lets the message under way finish and be recorded, then stops: nothing is repeated.
Real servers on 127.0.0.1, real `monitor` processes, real signals."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter

import pytest
from conftest import SMTPSink, _start
from delivery_world import NO_PROXY, StallingReceiver, counts, news_lines, quick_webhooks, read_request, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store

TIMEOUT = 1  # fetch.timeout: a webhook request's budget


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_webhooks(monkeypatch)


def world(tmp_path, channel: dict, n: int = 5):
    path = write_config(tmp_path / "monitor.toml", [channel])
    path.write_text(path.read_text(encoding="utf-8") + f"[fetch]\ntimeout = {TIMEOUT}\n", encoding="utf-8")
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(n)).matched == n
    return path, ctx


def delivered(ctx: Context) -> int:
    return ctx.store.conn.execute("SELECT count(*) FROM deliveries").fetchone()[0]


class LateReceiver:
    """An HTTP receiver on 127.0.0.1 that takes each POST whole (a robot posts it to its group at
    once) and answers `late` requests by `how`: 'slow' answers 200 after our timeout, 'close'
    closes the connection without a word. Later requests get 200 at once."""

    def __init__(self, how: str, late: int = 1) -> None:
        self.how, self.late, self.requests = how, late, []
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        with conn:
            head, _, body = read_request(conn).partition(b"\r\n\r\n")
            headers = {k.strip().lower().decode(): v.strip().decode()
                       for k, _, v in (line.partition(b":") for line in head.split(b"\r\n")[1:])}
            self.requests.append((headers, body.decode()))
            if len(self.requests) <= self.late:
                if self.how == "close":
                    return
                time.sleep(TIMEOUT + 1.5)
            with contextlib.suppress(OSError):  # the sender gave up on it
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
                             b'{"ok":true}')

    def close(self) -> None:
        self.sock.close()


@pytest.mark.parametrize("how", ["slow", "close"])
def test_a_webhook_that_took_the_message_but_never_said_so_gets_it_once_more_marked_as_such(tmp_path, how):
    receiver = LateReceiver(how)
    try:
        _, ctx = world(tmp_path, {"kind": "webhook", "format": "markdown",
                                  "url": f"http://127.0.0.1:{receiver.port}/hook"})
        (first,) = send_digests(ctx)
        assert len(receiver.requests) == 1, f"posted {len(receiver.requests)} times in one run"
        assert first.status == "error" and first.pending == 1
        assert "may have" in first.detail, first.detail  # the reader is told it may be there already
        (second,) = send_digests(ctx)
        assert second.status == "sent" and len(receiver.requests) == 2
        (h1, b1), (h2, b2) = receiver.requests
        assert h1["idempotency-key"] == h2["idempotency-key"]
        assert "x-monitor-resend" not in h1 and h2["x-monitor-resend"] == "1"
        assert "sent again" not in b1.lower() and "sent again" in b2.lower()  # what the group's members read says so
        assert counts([b2]) == dict.fromkeys(range(5), 1)
        assert delivered(ctx) == 5 and send_digests(ctx)[0].status == "empty"
    finally:
        receiver.close()


def test_a_webhook_that_refused_the_connection_gets_the_message_unmarked(tmp_path, webhook_receiver):
    """Nothing reached it: the message goes again as it was, not called a repeat."""
    _, ctx = world(tmp_path, {"kind": "webhook", "format": "markdown", "url": webhook_receiver.url + "/hook"})
    webhook_receiver.fail(4, status=503)
    assert send_digests(ctx)[0].status == "error"
    assert send_digests(ctx)[0].status == "sent"
    assert all("x-monitor-resend" not in r.headers for r in webhook_receiver.requests)
    assert "sent again" not in webhook_receiver.requests[-1].body.decode().lower()


# ---------------------------------------------------------------- a real process, a real signal

def run_digest(path, db, command: str = "digest"):
    env = {k: v for k, v in os.environ.items() if k not in NO_PROXY}
    return subprocess.Popen([sys.executable, "-m", "monitor", "--config", str(path), "--db", str(db), command],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)


def signalled_at_the_third(receiver, path, db, signum: int, command: str = "digest"):
    """Run `monitor <command>`, send it `signum` while the receiver holds the third message,
    then let the receiver answer; the process (ended) and its stderr."""
    stall = StallingReceiver(receiver, at=3)
    proc = run_digest(path, db, command)
    try:
        assert stall.stalled.wait(60), "the third message reached the receiver"
        proc.send_signal(signum)
        time.sleep(0.5)
        stall.release()
        _, err = proc.communicate(timeout=60)
    finally:
        stall.release()
        if proc.poll() is None:
            proc.kill()
    return proc, err


def each_once(ctx, receiver, path, n: int = 60) -> None:
    """After the next run every story has arrived once, under keys each sent once."""
    (after,) = send_digests(Context(config.load(path, ctx.store.path), ctx.store))
    assert after.status == "sent"
    assert max(Counter(r.headers["idempotency-key"] for r in receiver.requests).values()) == 1
    assert counts([r.body.decode() for r in receiver.requests]) == dict.fromkeys(range(n), 1)
    assert delivered(ctx) == n


def by_key(requests):
    keys: dict[str, list] = {}
    for r in requests:
        keys.setdefault(r.headers["idempotency-key"], []).append(r)
    return keys


def test_a_message_held_when_the_sender_was_killed_goes_again_marked(tmp_path, webhook_receiver):
    path, ctx = world(tmp_path, {"kind": "webhook", "format": "wecom", "url": webhook_receiver.url + "/w"}, n=60)
    proc, _ = signalled_at_the_third(webhook_receiver, path, ctx.store.path, signal.SIGKILL)
    assert proc.returncode == -signal.SIGKILL
    (after,) = send_digests(Context(config.load(path, ctx.store.path), ctx.store))
    assert after.status == "sent"
    keys = by_key(webhook_receiver.requests)
    repeated = [rs for rs in keys.values() if len(rs) > 1]
    assert len(repeated) == 1 and len(repeated[0]) == 2  # only the one it held, once more
    held, again = repeated[0]
    assert "x-monitor-resend" not in held.headers and again.headers.get("x-monitor-resend") == "1"
    assert "sent again" in again.json()["markdown"]["content"].lower()
    marked = [r for r in webhook_receiver.requests if "x-monitor-resend" in r.headers]
    assert marked == [again]  # the others went once, unmarked
    assert delivered(ctx) == 60


class HoldingSMTP(SMTPSink):
    """Takes the message's DATA, then holds its answer until released (the server has it)."""

    def __init__(self) -> None:
        super().__init__()
        self.holding, self.released = threading.Event(), threading.Event()

    async def handle_DATA(self, server, session, envelope) -> str:
        import asyncio

        self.envelopes.append(envelope)
        if len(self.envelopes) == 1:
            self.holding.set()
            while not self.released.is_set():
                await asyncio.sleep(0.05)
        return "250 Message accepted for delivery"


def test_an_email_the_server_had_when_the_sender_was_killed_goes_again_marked(tmp_path):
    sink = HoldingSMTP()
    controller = _start(sink)
    try:
        path, ctx = world(tmp_path, {"kind": "email", "to": ["desk@example.org"], "from": "monitor@example.org",
                                     "smtp_host": "127.0.0.1", "smtp_port": sink.port})
        proc = run_digest(path, ctx.store.path)
        try:
            assert sink.holding.wait(60)
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
        finally:
            sink.released.set()
            if proc.poll() is None:
                proc.kill()
        (after,) = send_digests(Context(config.load(path, ctx.store.path), ctx.store))
        assert after.status == "sent" and len(sink.envelopes) == 2
        first, second = sink.parsed(0), sink.parsed(1)
        assert first["Message-ID"] == second["Message-ID"]
        assert first["X-Monitor-Resend"] is None and second["X-Monitor-Resend"] == "1"
        assert "sent again" not in first["Subject"] and "sent again" in second["Subject"]
        assert "sent again" in second.get_body(("plain",)).get_content().lower()
        assert delivered(ctx) == 5
    finally:
        controller.stop()


class AnswerlessSMTP(SMTPSink):
    """Takes the first message's DATA whole, then closes the connection without an answer
    ('close') or answers after the mail session's budget ('slow'); takes the rest."""

    def __init__(self, how: str) -> None:
        super().__init__()
        self.how = how

    async def handle_DATA(self, server, session, envelope) -> str:
        import asyncio

        self.envelopes.append(envelope)
        if len(self.envelopes) == 1:
            if self.how == "close":
                server.transport.close()
            else:
                await asyncio.sleep(4 * TIMEOUT + 1.5)
        return "250 Message accepted for delivery"


@pytest.mark.parametrize("how", ["close", "slow"])
def test_an_email_the_server_took_without_answering_goes_again_marked(tmp_path, how):
    sink = AnswerlessSMTP(how)
    controller = _start(sink)
    try:
        _, ctx = world(tmp_path, {"kind": "email", "to": ["desk@example.org"], "from": "monitor@example.org",
                                  "smtp_host": "127.0.0.1", "smtp_port": sink.port})
        (first,) = send_digests(ctx)
        assert first.status == "error" and "marked as sent again" in first.detail, first.detail
        (second,) = send_digests(ctx)
        assert second.status == "sent" and len(sink.envelopes) == 2
        assert sink.parsed(0)["X-Monitor-Resend"] is None and sink.parsed(1)["X-Monitor-Resend"] == "1"
        assert sink.parsed(1)["Subject"].startswith("(sent again)")
        assert delivered(ctx) == 5
    finally:
        controller.stop()


def test_an_email_refused_before_its_data_goes_again_unmarked(tmp_path):
    """A server that closes at the envelope never had the message: no note."""
    class Early(SMTPSink):
        refused = 0

        async def handle_RCPT(self, server, session, envelope, address, options):
            if not self.refused:
                self.refused = 1
                server.transport.close()
                return "250 never said"
            envelope.rcpt_tos.append(address)
            return "250 OK"

    sink = Early()
    controller = _start(sink)
    try:
        _, ctx = world(tmp_path, {"kind": "email", "to": ["desk@example.org"], "from": "monitor@example.org",
                                  "smtp_host": "127.0.0.1", "smtp_port": sink.port})
        (first,) = send_digests(ctx)
        assert first.status == "error" and "before taking the message" in first.detail, first.detail
        assert send_digests(ctx)[0].status == "sent" and len(sink.envelopes) == 1
        assert sink.parsed(0)["X-Monitor-Resend"] is None
    finally:
        controller.stop()


def test_sigterm_lets_the_message_under_way_finish_and_nothing_goes_twice(tmp_path, webhook_receiver):
    path, ctx = world(tmp_path, {"kind": "webhook", "format": "wecom", "url": webhook_receiver.url + "/w"}, n=60)
    proc, err = signalled_at_the_third(webhook_receiver, path, ctx.store.path, signal.SIGTERM)
    assert proc.returncode == 1, err  # stopped before the end: the rest waits
    assert len(webhook_receiver.requests) == 3, "no message after the signal"
    assert "stopped" in err and "SIGTERM" in err, err
    each_once(ctx, webhook_receiver, path)


def test_a_daemon_stopped_mid_digest_ends_after_the_message_under_way(tmp_path, webhook_receiver):
    """SIGTERM (`docker stop`, which kills 10 s later) while the daemon sends a long digest: the
    message under way is recorded and the others wait for the next start, rather than the whole
    digest being sent first (and a SIGKILL landing in the middle of a message)."""
    from datetime import datetime, timedelta, timezone

    path, ctx = world(tmp_path, {"kind": "webhook", "format": "wecom", "url": webhook_receiver.url + "/w"}, n=60)
    ctx.store.digest_ran("desk", datetime.now(timezone.utc) - timedelta(days=2))  # its run of today was missed
    proc, err = signalled_at_the_third(webhook_receiver, path, ctx.store.path, signal.SIGTERM, "run")
    assert proc.returncode == 0, err
    assert len(webhook_receiver.requests) == 3, "no message after the signal"
    assert "stopped by a signal after 3 messages" in err, err
    each_once(ctx, webhook_receiver, path)


def test_each_chat_format_marks_a_resend_where_its_reader_looks_even_on_a_full_page(tmp_path):
    """Pages are filled to their platform's limit; each keeps room for the note."""
    import json

    from monitor import digest
    from monitor.digest.again import resent
    from monitor.pipeline.deliver import build_digest

    _, ctx = world(tmp_path, {"kind": "webhook", "format": "wecom", "url": "http://127.0.0.1:9/w"}, n=200)
    whole = build_digest(ctx, ctx.cfg.subscribers[0], "webhook:x")
    for fmt in ("json", "slack", "dingtalk", "wecom", "feishu", "markdown"):
        messages = digest.plan(whole, "webhook", fmt, "webhook:x")
        assert len(messages) > 1 or fmt in ("json", "markdown")
        for message in messages:
            again = resent(message)
            assert again.key == message.key and again.story_ids == message.story_ids
            assert "sent again" in json.dumps(again.payload, ensure_ascii=False).lower(), (fmt, message.part)
            assert "sent again" not in json.dumps(message.payload, ensure_ascii=False).lower()
            assert digest.fits(fmt, again.payload), (fmt, message.part)


@pytest.mark.parametrize(("point", "repeated", "marked"), [
    ("digest-planned", 0, 0),  # planned, nothing sent: the next run sends it all, once
    ("digest-sending", 0, 1),  # about to send: it never left, but nobody can know that; it goes once, marked
    ("digest-accepted", 0, 0),  # the receiver took it, the sender died before recording it: noted, recorded next
    ("digest-recorded", 0, 0),  # recorded: nothing again
])
def test_a_digest_killed_at_each_step_loses_nothing_and_repeats_only_what_it_says(tmp_path, webhook_receiver, point,
                                                                                  repeated, marked):
    path, ctx = world(tmp_path, {"kind": "webhook", "format": "wecom", "url": webhook_receiver.url + "/w"}, n=40)
    env = {**{k: v for k, v in os.environ.items() if k not in NO_PROXY}, "MONITOR_TEST_CRASH_AT": point}
    killed = subprocess.run([sys.executable, "-m", "monitor", "--config", str(path), "--db", str(ctx.store.path),
                             "digest"], capture_output=True, text=True, env=env, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    (after,) = send_digests(Context(config.load(path, ctx.store.path), ctx.store))
    assert after.status == "sent"
    keys = Counter(r.headers["idempotency-key"] for r in webhook_receiver.requests)
    assert sum(n - 1 for n in keys.values()) == repeated
    assert sum("x-monitor-resend" in r.headers for r in webhook_receiver.requests) == marked
    assert counts([r.body.decode() for r in webhook_receiver.requests if "x-monitor-resend" not in r.headers
                   or not repeated]) == dict.fromkeys(range(40), 1)
    assert delivered(ctx) == 40


def test_sigterm_while_the_digest_waits_for_the_daemons_delivery_lock_stops_it_at_once(tmp_path, webhook_receiver):
    """Nothing under way: a signal has nothing to wait for (before, the first Ctrl-C was held
    until the lock came, up to two minutes)."""
    from monitor import locks

    path, ctx = world(tmp_path, {"kind": "webhook", "format": "wecom", "url": webhook_receiver.url + "/w"})
    lock = locks.lock_path(ctx.store.path, "deliver")
    with locks.exclusive(lock, "a digest delivery"):  # the daemon's digest
        proc = run_digest(path, ctx.store.path)
        fds = f"/proc/{proc.pid}/fd"
        end = time.monotonic() + 60
        while time.monotonic() < end and not any(os.path.realpath(f"{fds}/{fd}") == str(lock.resolve())
                                                 for fd in os.listdir(fds)):
            time.sleep(0.05)  # until it waits for the lock
        started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
        took = time.monotonic() - started
    assert took < 30 and proc.returncode == 1, (took, proc.returncode, err)  # the lock is held till the end
    assert "error: digest stopped by SIGTERM with no message under way" in err and "Traceback" not in err, err
    assert not webhook_receiver.requests
    assert send_digests(ctx)[0].status == "sent" and delivered(ctx) == 5
