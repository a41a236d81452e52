"""A receiver that gives no answer at all (it takes the connection and the message, then is
silent; or a mail server that never greets), and a channel whose messages have each failed
three times already (a receiver down for days). Each message waited out its whole timeout in
turn: six messages, six timeouts in one run (at `fetch.timeout` = 30 s, three minutes; a mail
session four times that), the daemon's delivery lock and its other jobs behind them. Now two
messages in a row with no answer end the channel's run; the rest wait for the next try. A
message the receiver is silent about while it answers the next still lets the others through.
Real sockets on 127.0.0.1."""

from __future__ import annotations

import contextlib
import socket
import threading

from delivery_world import counts, news_lines, quick_webhooks, read_request, write_config

from monitor import config
from monitor.pipeline import Context, import_lines, send_digests
from monitor.store import Store


class Quiet:
    """Takes each connection; reads a whole HTTP request (`http`) or greets nothing (SMTP). Answers
    200 to requests whose number `answers(n)` allows, is silent to the rest (until closed)."""

    def __init__(self, answers, http: bool = True) -> None:
        self.answers, self.http, self.bodies, self.connections = answers, http, [], 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.quiet: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        if not self.http:
            self.quiet.append(conn)
            return
        with contextlib.suppress(OSError):
            self.bodies.append(read_request(conn).partition(b"\r\n\r\n")[2].decode())
            if not self.answers(len(self.bodies)):
                self.quiet.append(conn)
                return
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
                         b'{"ok":true}')
            conn.close()

    def close(self) -> None:
        self.sock.close()
        for conn in self.quiet:
            conn.close()


def world(tmp_path, monkeypatch, channel, n=40):
    quick_webhooks(monkeypatch)
    path = write_config(tmp_path / "monitor.toml", [channel])
    path.write_text(path.read_text(encoding="utf-8") + "[fetch]\ntimeout = 0.5\n", encoding="utf-8")
    ctx = Context(config.load(path, tmp_path / "m.db"), Store.open(tmp_path / "m.db"))
    assert import_lines(ctx, news_lines(n)).matched == n
    return ctx


def failed_thrice(ctx) -> int:
    """Every waiting message as a receiver down for days leaves it: failed three times, due now."""
    with ctx.store.transaction():
        return ctx.store.conn.execute("UPDATE outbox SET status = 'failed', attempts = 3, next_attempt_at = NULL "
                                      "WHERE status != 'sent'").rowcount


def test_a_webhook_that_never_answers_costs_a_run_two_timeouts_not_one_a_message(tmp_path, monkeypatch):
    receiver = Quiet(answers=lambda n: False)
    try:
        ctx = world(tmp_path, monkeypatch, {"kind": "webhook", "format": "wecom",
                                            "url": f"http://127.0.0.1:{receiver.port}/send?key=k"})
        send_digests(ctx)
        waiting = failed_thrice(ctx)
        assert waiting >= 5  # the digest is several WeCom messages
        before = receiver.connections
        (run,) = send_digests(ctx)
        assert run.status == "error" and run.failed == 2 and run.pending == waiting, run
        assert receiver.connections - before == 2, "each message waited out its timeout in turn"
        receiver.answers = lambda n: True  # back: everything goes, once; the two it was silent about marked
        (back,) = send_digests(ctx)
        assert back.status == "sent" and back.pending == 0
        assert counts(receiver.bodies[before + 2:]) == dict.fromkeys(range(40), 1)
    finally:
        receiver.close()


def test_a_message_the_receiver_is_silent_about_does_not_hold_back_the_ones_it_answers(tmp_path, monkeypatch):
    receiver = Quiet(answers=lambda n: n != 2)  # silent about the first message of the second run only
    try:
        ctx = world(tmp_path, monkeypatch, {"kind": "webhook", "format": "wecom",
                                            "url": f"http://127.0.0.1:{receiver.port}/send?key=k"})
        receiver.answers = lambda n: n == 1 or n > 2
        (first,) = send_digests(ctx)  # the first message goes; the second meets the silence
        assert first.sent == 1 and first.failed == 1
        failed_thrice(ctx)
        (run,) = send_digests(ctx)
        assert run.status == "sent" and run.pending == 0, run
        assert counts(receiver.bodies) == {i: (2 if i in counts(receiver.bodies[1:2]) else 1) for i in range(40)}
    finally:
        receiver.close()


def test_a_mail_server_that_never_greets_costs_a_run_two_sessions(tmp_path, monkeypatch):
    server = Quiet(answers=lambda n: False, http=False)
    try:
        ctx = world(tmp_path, monkeypatch, {"kind": "email", "smtp_host": "127.0.0.1", "smtp_port": server.port,
                                            "from": "m@example.org", "to": ["desk@example.org"]}, n=1)
        for i in (1, 2, 3):  # a story a day while the server is down: a message each
            import_lines(ctx, news_lines(1, start=i))
            send_digests(ctx)
        waiting = failed_thrice(ctx)
        assert waiting == 3
        before = server.connections
        (run,) = send_digests(ctx)
        assert run.failed == 2 and run.pending == 3, run
        assert server.connections - before == 2, "each message waited out its timeout in turn"
    finally:
        server.close()


def test_the_daemons_store_work_goes_on_while_a_digest_waits_for_a_silent_receiver(tmp_path, monkeypatch):
    """The daemon's digest job held the store's lock for the whole send: each poll's store step
    (and the retry job, and a reload) waited behind a receiver's silence, two timeouts and more."""
    import time

    from monitor import scheduler

    receiver = Quiet(answers=lambda n: False)
    try:
        ctx = world(tmp_path, monkeypatch, {"kind": "webhook", "format": "json",
                                            "url": f"http://127.0.0.1:{receiver.port}/hook"}, n=3)
        path = tmp_path / "monitor.toml"
        path.write_text(path.read_text(encoding="utf-8").replace("timeout = 0.5", "timeout = 8"), encoding="utf-8")
        ctx.cfg = config.load(path, tmp_path / "m.db")
        job = scheduler.build(ctx.cfg, ctx.store, None, ctx=ctx).get_job("digest:desk")
        digest = threading.Thread(target=job.func, args=job.args)
        digest.start()
        deadline = time.monotonic() + 60
        while not receiver.bodies and time.monotonic() < deadline:  # the message is with the silent receiver
            time.sleep(0.01)
        assert receiver.bodies
        with ctx.lock:  # a poll's store step
            import_lines(ctx, news_lines(1, start=50))
            (status, attempts) = ctx.store.conn.execute("SELECT status, attempts FROM outbox").fetchone()
        digest.join()
        assert (status, attempts) == ("pending", 0), "the store waited for the digest's whole send"
        assert ctx.store.conn.execute("SELECT status FROM outbox").fetchone()[0] == "failed"
    finally:
        receiver.close()


def test_the_daemons_store_work_goes_on_while_its_digest_waits_for_another_sender(tmp_path, monkeypatch):
    """A `monitor digest` sending (its receiver slow) holds the delivery lock; the daemon's digest
    waited for it (up to two minutes) holding the store's lock, and the polls with it."""
    from monitor import locks, scheduler
    from monitor.pipeline import deliver

    monkeypatch.setattr(deliver, "LOCK_WAIT", 20.0)
    receiver = Quiet(answers=lambda n: True)
    try:
        ctx = world(tmp_path, monkeypatch, {"kind": "webhook", "format": "json",
                                            "url": f"http://127.0.0.1:{receiver.port}/hook"}, n=3)
        job = scheduler.build(ctx.cfg, ctx.store, None, ctx=ctx).get_job("digest:desk")
        with locks.exclusive(locks.lock_path(tmp_path / "m.db", "deliver"), "the other sender"):
            asking, acquire = threading.Event(), locks._acquire

            def _acquire(*args):  # the daemon's digest is at the delivery lock
                asking.set()
                return acquire(*args)

            monkeypatch.setattr(locks, "_acquire", _acquire)
            digest = threading.Thread(target=job.func, args=job.args)
            digest.start()
            assert asking.wait(30)
            with ctx.lock:  # a poll's store step
                import_lines(ctx, news_lines(1, start=50))
            waiting = digest.is_alive()
        digest.join()
        assert waiting, "the store waited for the daemon's digest to give up on the delivery lock"
        assert counts(receiver.bodies) == dict.fromkeys([0, 1, 2, 50], 1)
    finally:
        receiver.close()
