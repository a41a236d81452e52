"""A mail server whose reply never ends: continuation lines ('220-…', '250-…'), each short, for
ever, at its greeting, its EHLO answer or its answer to the message's data. smtplib keeps every
line of a reply until the last one comes, so the sending process held all of them: hundreds of
megabytes within seconds, growing until the session's budget (4 x fetch.timeout: two minutes at
the defaults) shut the socket, in the daemon that polls as well. A reply over 64 KB is now no
reply: the session ends at once, the message goes at the retry, and one sent whole whose answer
was such a flood goes marked as sent again. So does one whose answer still trickled in when the
budget ran out. A raw server on 127.0.0.1 counts what it wrote."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest

from monitor import digest as dg
from monitor import notify
from monitor.config import Channel
from monitor.errors import NotifyError

FLOOD = b"250-PIPELINING\r\n" * 1000


class Flooder:
    """Speaks SMTP until `at` ('greeting', 'ehlo' or 'data'), then sends continuation lines until
    the client goes ('trickle': after the data, a byte at a time); `written` counts their bytes."""

    def __init__(self, at: str) -> None:
        self.at, self.written, self.stop = at, 0, threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _flood(self, conn: socket.socket, line: bytes) -> None:
        while not self.stop.is_set():
            conn.sendall(line * 1000)
            self.written += len(line) * 1000

    def _trickle(self, conn: socket.socket, line: bytes) -> None:
        """A byte at a time, each well inside the socket's timeout, for ever."""
        while not self.stop.wait(0.25):
            conn.sendall(line[self.written % len(line):][:1])
            self.written += 1

    def _serve(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except OSError:
            return
        with conn, conn.makefile("rb") as f:
            try:
                if self.at == "greeting":
                    return self._flood(conn, b"220-mail.example.org ready\r\n")
                conn.sendall(b"220 mail.example.org ready\r\n")
                while line := f.readline():
                    verb = line[:4].upper()
                    if verb in (b"EHLO", b"HELO"):
                        if self.at == "ehlo":
                            return self._flood(conn, b"250-PIPELINING\r\n")
                        conn.sendall(b"250-mail.example.org\r\n250 8BITMIME\r\n")
                    elif verb == b"DATA":
                        conn.sendall(b"354 go on\r\n")
                        while (body := f.readline()) and body != b".\r\n":
                            pass
                        if self.at == "trickle":
                            return self._trickle(conn, b"250-still thinking\r\n")
                        return self._flood(conn, b"250-still thinking\r\n")
                    elif verb == b"QUIT":
                        conn.sendall(b"221 bye\r\n")
                        return None
                    else:
                        conn.sendall(b"250 ok\r\n")
            except OSError:
                return None
        return None

    def close(self) -> None:
        self.stop.set()
        self.listener.close()


@pytest.fixture
def flooder(request) -> Iterator[Flooder]:
    server = Flooder(request.param)
    yield server
    server.close()


@pytest.mark.parametrize("flooder", ["greeting", "ehlo", "data"], indirect=True)
def test_a_reply_without_end_ends_the_session_at_once(flooder, sample_digest):
    channel = Channel(kind="email", to=("desk@example.org",), sender="monitor@example.org", smtp_host="127.0.0.1",
                      smtp_port=flooder.port, security="none")
    with pytest.raises(NotifyError) as err:
        notify.send(channel, dg.outgoing(sample_digest, "email", "text"), timeout=5)
    flooder.stop.set()
    assert "a reply of over 64 KB" in err.value.message, err.value.message
    assert "within 20 s" not in err.value.message  # not the session's budget running out
    # sent whole, its answer never read: it may be there, and goes again saying so; before, it goes as it is
    assert err.value.unsure == (flooder.at == "data")
    # what the server got out before the client went: the sockets' buffers, not the budget's worth
    assert flooder.written < 20_000_000, flooder.written


@pytest.mark.parametrize("flooder", ["trickle"], indirect=True)
def test_an_answer_to_the_data_trickling_past_the_sessions_budget_leaves_the_message_in_doubt(flooder, sample_digest):
    """The server had the whole message and was still answering when the budget ran out: it may
    have it, so it goes again marked as sent again. It went unmarked ('did not finish the session',
    taken for a server that never had it), and the reader who had it had it twice, the second
    copy not saying so."""
    channel = Channel(kind="email", to=("desk@example.org",), sender="monitor@example.org", smtp_host="127.0.0.1",
                      smtp_port=flooder.port, security="none")
    with pytest.raises(NotifyError) as err:
        notify.send(channel, dg.outgoing(sample_digest, "email", "text"), timeout=2)
    flooder.stop.set()
    assert flooder.written, "the data's answer had begun"
    assert err.value.unsure, err.value.message
    assert "took the message" in err.value.message and "sent again" in (err.value.hint or ""), err.value
