"""Signals to a `monitor digest` while a message is on its way.

Stopped while its receiver holds a message (`kill -STOP`, `docker pause`, a
paused VM, a starved CPU) and let go on long after its timeout, the receiver having answered
meanwhile.

The answer is there when the process runs again, but so is the expired deadline: the webhook
sender's timers (ours and httpx's read timeout) won the race, the message the receiver had
answered 200 counted as one it "took but gave no answer" to, and it went again at the next run,
marked as sent again: the robot showed it twice. Now an answer that came by the deadline is
read. A mail session so stopped already read its 250 (a guard).

SIGTERM (`docker stop`) while a webhook receiver answers 503 and asks to be tried again in 20 s:
the message under way was let finish, and finishing meant its four tries, a minute of waiting,
so `docker stop` killed it after 10 s, and the next run sent the message marked as sent again
though the receiver had refused every try. Now a stop ends the waits between tries: the run
stops within seconds, in one line, and the message goes at the next run as it is. So does a mail
session with a server dripping its greeting (a tarpit), which held the stop for the session's
whole budget (four times `fetch.timeout`), when the email's data has not all gone. Real `monitor`
processes, real signals, receivers on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import threading
import time

from conftest import SMTPSink, _start
from delivery_world import NO_PROXY, StallingReceiver, add_news, counts, write_config
from test_daemon import wait_for


def world(tmp_path, channel):
    path = write_config(tmp_path / "monitor.toml", [channel])
    path.write_text(path.read_text(encoding="utf-8") + "[fetch]\ntimeout = 1.5\n", encoding="utf-8")
    add_news(tmp_path, 3)


def digest(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in NO_PROXY}
    return subprocess.Popen([sys.executable, "-m", "monitor", "--config", str(tmp_path / "monitor.toml"), "--db",
                             str(tmp_path / "m.db"), "digest"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


def stopped_while(proc, held, release, seconds=5.0):
    """`proc` stopped once the receiver holds its message (`held`), the receiver let answer, and
    `proc` let go on `seconds` later (past the 1.5 s timeout, and the mail session's 6 s budget)."""
    assert held.wait(60)
    os.kill(proc.pid, signal.SIGSTOP)
    try:
        release()
        time.sleep(seconds)
    finally:
        os.kill(proc.pid, signal.SIGCONT)
    return proc.communicate(timeout=120)


def terminated(proc) -> str:
    """SIGTERM to `proc`, killed if it has not ended 30 s later (`docker stop` kills after 10 s; the
    margin is a loaded machine's, and the waits a stop must cut here last a minute); its stderr."""
    proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        err = "killed after 30 s\n" + err
    return err


def test_a_webhook_answered_while_the_sender_was_stopped_is_sent_once(tmp_path, webhook_receiver):
    world(tmp_path, {"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/h"})
    holding = StallingReceiver(webhook_receiver, 1)
    proc = digest(tmp_path)
    _, err = stopped_while(proc, holding.stalled, holding.release)
    assert proc.returncode == 0, err
    assert "may have it" not in err
    again = digest(tmp_path)
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert counts([r.body.decode() for r in webhook_receiver.requests]) == dict.fromkeys(range(3), 1)
    assert len(webhook_receiver.requests) == 1, "the robot showed the message twice"


class Holding(SMTPSink):
    """Holds the first message's answer until released."""

    def __init__(self):
        super().__init__()
        self.held, self.released = threading.Event(), threading.Event()

    async def handle_DATA(self, server, session, envelope):
        if not self.envelopes:
            self.held.set()
            await asyncio.get_running_loop().run_in_executor(None, self.released.wait, 60)
        return await super().handle_DATA(server, session, envelope)


def test_a_mail_session_answered_while_the_sender_was_stopped_is_sent_once(tmp_path):
    sink = Holding()
    controller = _start(sink)
    try:
        world(tmp_path, {"kind": "email", "smtp_host": "127.0.0.1", "smtp_port": sink.port, "from": "m@example.org",
                         "to": ["desk@example.org"]})
        proc = digest(tmp_path)
        _, err = stopped_while(proc, sink.held, sink.released.set, seconds=7.0)
        assert proc.returncode == 0, err
        again = digest(tmp_path)
        _, err = again.communicate(timeout=120)
        assert again.returncode == 0, err
        assert len(sink.envelopes) == 1
    finally:
        controller.stop()


def test_sigterm_while_a_webhook_asks_to_be_tried_again_later_stops_at_once(tmp_path, webhook_receiver):
    world(tmp_path, {"kind": "webhook", "format": "json", "url": webhook_receiver.url + "/h"})
    webhook_receiver.fail(1, 503, {"Retry-After": "20"})
    proc = digest(tmp_path)
    wait_for(lambda: webhook_receiver.requests, 60, "the first try")
    time.sleep(0.3)  # the 503 read: the stop meets the wait before the next try
    err = terminated(proc)
    assert proc.returncode == 1, err
    assert "stopped by SIGTERM" in err, err
    assert len(webhook_receiver.requests) == 1, "tried again after the stop"
    again = digest(tmp_path)
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    bodies = [r.body.decode() for r in webhook_receiver.requests]
    assert counts(bodies[1:]) == dict.fromkeys(range(3), 1)
    assert '"resend": true' not in bodies[1] and '"resend":true' not in bodies[1], \
        "marked as sent again, though the receiver refused it"


def tarpit(port_box, stop, met):
    """A mail server that drips its greeting a byte every half second for ever (a tarpit): no read
    times out, and the session ends only when its budget does."""
    import socket

    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    srv.settimeout(0.2)
    port_box.append(srv.getsockname()[1])
    conns = []
    while not stop.is_set():
        try:
            conns.append(srv.accept()[0])
            met.set()
        except OSError:
            pass
        for c in conns:
            with contextlib.suppress(OSError):
                c.sendall(b"2")
        stop.wait(0.3)
    for c in conns:
        c.close()
    srv.close()


def test_sigterm_while_a_mail_server_stalls_before_the_email_left_stops_at_once(tmp_path, smtp_server):
    stop, met, box = threading.Event(), threading.Event(), []
    thread = threading.Thread(target=tarpit, args=(box, stop, met), daemon=True)
    thread.start()
    try:
        while not box:
            time.sleep(0.01)
        world(tmp_path, {"kind": "email", "smtp_host": "127.0.0.1", "smtp_port": box[0], "from": "m@example.org",
                         "to": ["desk@example.org"]})
        path = tmp_path / "monitor.toml"
        path.write_text(path.read_text(encoding="utf-8").replace("timeout = 1.5", "timeout = 15"), encoding="utf-8")
        proc = digest(tmp_path)  # its session's budget: 4 × 15 s, past the 30 s `terminated` waits
        assert met.wait(60)
        time.sleep(1)
        err = terminated(proc)
        assert proc.returncode == 1, err
        assert "stopped by SIGTERM" in err, err
    finally:
        stop.set()
        thread.join(5)
    path.write_text(path.read_text(encoding="utf-8").replace(f"smtp_port = {box[0]}", f"smtp_port = {smtp_server.port}"),
                    encoding="utf-8")
    again = digest(tmp_path)
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert len(smtp_server.envelopes) == 1, err
    mail = smtp_server.parsed(0)
    assert mail["X-Monitor-Resend"] is None and "sent again" not in mail["Subject"], \
        "marked as sent again, though it never left"
