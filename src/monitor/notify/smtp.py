"""Email: a message as multipart/alternative (text and HTML), sent over SMTP.

In: an email `Channel` and an `Outgoing`. Out: one line naming the server and recipients, or
NotifyError with what to check. The Message-ID comes from the message's idempotency key, so a
re-sent message has the same one and mail clients can fold the copies.

A mail session has SESSION_BUDGET times `fetch.timeout` in all. Each reply's wait is bounded by
the socket timeout, but a tarpit drips every reply a byte at a time, or sends a multi-line reply
that never ends, and would hold the digest (and the delivery lock) for ever: when the budget runs
out, a watchdog shuts the session's socket and the message waits for its retry.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Iterable
from datetime import datetime
from email.header import Header
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, getaddresses, parseaddr
from typing import Any
from zoneinfo import ZoneInfo

from ..config import Channel
from ..errors import NotifyError
from ..models import RESEND_PATIENCE, Outgoing
from .quoted import one_line
from .secrets import env

TZ = ZoneInfo("Asia/Shanghai")
SESSION_BUDGET = 4  # a whole mail session: greeting, EHLO, TLS, login, envelope, data, quit
REPLY_BYTES = 64 * 1024  # one reply, all its lines (an EHLO answer is under 1 KB): more is a flood, no reply
# Each server's SIZE (RFC 1870: the most it takes) as its EHLO last said it, by host and port: a
# digest is planned under it (`announced_size`), so a long-running daemon's emails fit at once.
ANNOUNCED: dict[tuple[str, int], int] = {}


def announced_size(channel: Channel) -> int | None:
    """The most bytes the channel's server said it takes, when a session of this process heard it."""
    return ANNOUNCED.get((channel.smtp_host or "localhost", channel.smtp_port))


class _Watchdog:
    """Shuts a session's socket down when its budget runs out, which wakes any blocked read.

    It watches the socket the session reads from now (the plain one, then its TLS wrapper) and
    shuts it by its descriptor, read from that socket at that moment: a socket closed or
    detached (TLS wrapping it) has none, so a descriptor reused by another connection is never
    touched. Between a TLS wrap and the watch of its wrapper (the handshake) nothing is shut:
    that step has the socket timeout."""

    def __init__(self, budget: float, stop: threading.Event | None = None, answer_wait: float = 0.0) -> None:
        self.fired, self._lock = False, threading.Lock()
        self.answer_wait = answer_wait  # once the data has gone, its answer is waited for this long (a resend's)
        self.in_doubt = False  # the message's data is sent and its answer not read: the server may have it
        self.answer_due = False  # the message's data is sent and no reply read since
        self.given_back = False  # shut for `stop` (a SIGTERM) before the message's data ended: it never left
        self._sock: socket.socket | None = None
        self._done, self._stop, self._end = threading.Event(), stop, time.monotonic() + budget
        threading.Thread(target=self._run, name="monitor-smtp-watchdog", daemon=True).start()

    def _run(self) -> None:
        """Shut the session at the end of its budget; at once when `stop` is set and the message's
        data has not all gone (a SIGTERM: the session waited for a slow server for up to its whole
        budget, past `docker stop`'s 10 s, and the message killed so went again marked as sent again)."""
        while (left := self._end - time.monotonic()) > 0:
            if self._done.wait(min(left, 0.1)):
                return
            if self._stop is not None and self._stop.is_set() and not self.in_doubt:
                with self._lock:
                    self.given_back = self._sock is not None  # else connecting: shut once it is watched
                if self.given_back:
                    self._fire()
                    return
        self._fire()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sock = sock

    def _fire(self) -> None:
        with self._lock:
            fd = self._sock.fileno() if self._sock is not None else -1
            if fd < 0:
                return
            self.fired = True
            view = socket.socket(fileno=fd)
            try:
                view.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            finally:
                view.detach()  # the session still owns the descriptor and closes it

    def wait_longer(self) -> None:
        """The message's data has gone: its answer has `answer_wait` from now, if that is longer."""
        self._end = max(self._end, time.monotonic() + self.answer_wait)

    def done(self) -> None:
        """Before the session closes its socket."""
        self._done.set()
        with self._lock:
            self._sock = None


class _Flooded(smtplib.SMTPServerDisconnected):
    """A reply over REPLY_BYTES: continuation lines without end, which smtplib keeps until the last."""


class _Reading:
    """The session's reading file, counting the bytes of the reply being read: smtplib keeps a
    reply's every line until its last, so a server sending continuation lines for ever ('250-…')
    had the process hold hundreds of megabytes within seconds, until the session's budget ran out."""

    def __init__(self, raw: Any, smtp: smtplib.SMTP) -> None:
        self.raw, self.smtp, self.taken = raw, smtp, 0

    def readline(self, size: int = -1) -> bytes:
        line: bytes = self.raw.readline(size)
        self.taken += len(line)
        if self.taken > REPLY_BYTES:
            self.smtp.close()
            raise _Flooded(f"sent a reply of over {REPLY_BYTES // 1024} KB (lines without end: a broken or "
                           "hostile server)")
        return line

    def close(self) -> None:
        self.raw.close()


class _Watched(smtplib.SMTP):
    def __init__(self, host: str, port: int, watchdog: _Watchdog, **kw: Any) -> None:
        self.watchdog = watchdog  # before connecting, which the constructor does
        super().__init__(host, port, **kw)

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        sock: socket.socket = super()._get_socket(host, port, timeout)  # type: ignore[misc]
        self.watchdog.watch(sock)
        return sock

    def starttls(self, *args: Any, **kw: Any) -> tuple[int, bytes]:
        reply = super().starttls(*args, **kw)
        if self.sock is not None:
            self.watchdog.watch(self.sock)  # the TLS socket now owns the descriptor
        return reply

    def send(self, s: Any) -> None:
        super().send(s)
        if isinstance(s, bytes) and s.endswith(b"\r\n.\r\n"):  # a message's data, ended (`data`)
            self.watchdog.in_doubt = self.watchdog.answer_due = True
            if self.watchdog.answer_wait and self.sock is not None:  # a resend: its answer waited for longer
                self.sock.settimeout(max(self.timeout, self.watchdog.answer_wait))
                self.watchdog.wait_longer()

    def getreply(self) -> tuple[int, bytes]:
        if self.file is None and self.sock is not None:  # as smtplib makes it (again after STARTTLS), counted
            self.file = _Reading(self.sock.makefile("rb"), self)
        if isinstance(self.file, _Reading):
            self.file.taken = 0
        reply = super().getreply()
        if self.watchdog.answer_due:  # the answer to the message's data
            self.watchdog.answer_due = False
            # taken (250) or refused (4xx, 5xx), we know which; an answer that is neither (a line that is
            # no SMTP reply, a 2xx other than 250, a 354) leaves the message in doubt for the rest of the session
            if reply[0] == 250 or 400 <= reply[0] < 600:
                self.watchdog.in_doubt = False
        return reply


class _WatchedSSL(smtplib.SMTP_SSL, _Watched):
    """SMTP_SSL's socket is made by _Watched._get_socket, so the plain socket is watched before
    the TLS handshake."""

    def __init__(self, host: str, port: int, watchdog: _Watchdog, **kw: Any) -> None:
        self.watchdog = watchdog
        smtplib.SMTP_SSL.__init__(self, host, port, **kw)

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        sock: socket.socket = super()._get_socket(host, port, timeout)
        self.watchdog.watch(sock)  # the TLS socket, past its handshake
        return sock


def message_id(channel: Channel, message: Outgoing) -> str:
    """`<key@sender's domain>`: derived from the idempotency key, so every resend has the same one."""
    # Never make_msgid's default domain: it asks DNS for our FQDN, which can hang for seconds.
    domain = ascii_domain(parseaddr(channel.sender or "")[1]).rpartition("@")[2] or "monitor.invalid"
    return f"<{message.key or message.digest_id}.monitor@{domain}>"


def ascii_domain(address: str) -> str:
    """`desk@三明.中国` → `desk@xn--ehq889c.xn--fiqs8s`: a domain written in Chinese (or any
    script) in the ASCII form that DNS and every mail server know, so that it needs no SMTPUTF8,
    which most servers lack. The name before the @ has no such form and stays as it is."""
    local, at, domain = address.rpartition("@")
    if not at or domain.isascii():
        return address
    try:
        return f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:  # a label IDNA cannot write: left for the server to judge
        return address


def _unicode_domain(address: str) -> str:
    """The other way, for what a person reads: `desk@xn--ehq889c.xn--fiqs8s` → `desk@三明.中国`."""
    local, at, domain = address.rpartition("@")
    try:
        return f"{local}@{domain.encode('ascii').decode('idna')}" if at and "xn--" in domain else address
    except UnicodeError:
        return address


def mailbox(address: str) -> str:
    """The reader an address names, for telling one from another: its bare address, the domain in
    ASCII, in lower case (a domain's case names no other host, and mail servers take a mailbox's
    name in any case; `store.outbox` counts such addresses as one reader too)."""
    return ascii_domain(parseaddr(address)[1]).lower()


def readers(to: Iterable[str]) -> list[str]:
    """`to` with each mailbox once, as first written: one pasted twice in other letter cases
    (`Desk@Sanming.example.cn`, `desk@sanming.example.cn`) was two recipients, and its reader had
    every digest twice."""
    first: dict[str, str] = {}
    for address in to:
        first.setdefault(mailbox(address), address)
    return list(first.values())


def _header_addresses(text: str) -> str:
    """A From/To header's addresses with their domains in ASCII (display names stay Chinese)."""
    if text.isascii():
        return text
    out = []
    for name, addr in getaddresses([text]):
        addr = ascii_domain(addr)
        if addr.isascii():
            out.append(formataddr((name, addr), "utf-8"))
        else:  # 张三@…: only a server with SMTPUTF8 takes it, and then as it is
            out.append(f"{Header(name, 'utf-8').encode()} <{addr}>" if name else addr)
    return ", ".join(out)


def build_email(channel: Channel, message: Outgoing) -> EmailMessage:
    """The message: UTF-8 headers, multipart/alternative with the text and HTML renderings."""
    msg = EmailMessage()
    msg["Subject"] = message.subject
    msg["From"] = _header_addresses(channel.sender or "")
    msg["To"] = _header_addresses(", ".join(readers(channel.to)))
    msg["Date"] = format_datetime(datetime.now(TZ))
    msg["Message-ID"] = message_id(channel, message)
    msg["X-Monitor-Digest-Id"] = message.digest_id
    if message.key:
        msg["X-Monitor-Message-Id"] = message.key
    if message.resend:  # an earlier try may have reached the reader
        msg["X-Monitor-Resend"] = "1"
    # Sent by a program, not a person: vacation and out-of-office responders (RFC 3834; Exchange
    # reads its own header) do not answer each digest to the sender's mailbox.
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Auto-Response-Suppress"] = "OOF, AutoReply"
    # base64, not 8bit: relays without 8BITMIME mangle raw UTF-8, and Chinese is shorter than in QP.
    msg.set_content(message.text or "", cte="base64")
    msg.add_alternative(message.html or "", subtype="html", cte="base64")
    return msg


def _connect(channel: Channel, timeout: float, watchdog: _Watchdog) -> smtplib.SMTP:
    context = ssl.create_default_context()
    host, port = channel.smtp_host or "localhost", channel.smtp_port
    if channel.security == "ssl":
        return _WatchedSSL(host, port, watchdog, timeout=timeout, context=context)
    smtp = _Watched(host, port, watchdog, timeout=timeout)
    try:
        if channel.security == "starttls":
            smtp.starttls(context=context)
    except BaseException:
        smtp.close()
        raise
    return smtp


def _quit(smtp: smtplib.SMTP) -> None:
    # A failed QUIT after the server accepted the message is not a failed delivery.
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def send_email(channel: Channel, message: Outgoing, timeout: float, stop: threading.Event | None = None) -> str:
    if not channel.sender or not channel.to:
        raise NotifyError("email channel needs `from` and `to`", hint='e.g. from = "monitor@example.org"')
    if channel.username and not channel.password_env:
        raise NotifyError(f"email channel logs in as {channel.username} but has no password_env",
                          hint='set password_env = "MONITOR_SMTP_PASSWORD" and export that variable')
    password = env(channel.password_env, "SMTP password") if channel.username else None
    msg = build_email(channel, message)
    # The envelope takes bare addresses: a display name (Chinese or not) belongs in the headers only,
    # and a non-ASCII one in the envelope would need SMTPUTF8, which many servers lack.
    # A domain in Chinese goes in its ASCII form (the outbox may hold either form of one waiting).
    waiting = {mailbox(a) for a in message.recipients}  # those an earlier try left; empty: all
    to = [ascii_domain(parseaddr(r)[1]) for r in readers(channel.to) if not waiting or mailbox(r) in waiting]
    # an earlier try went unanswered: this one's answer is waited for longer, not sent a third time
    watchdog = _Watchdog(SESSION_BUDGET * timeout, stop, timeout * RESEND_PATIENCE if message.resend else 0.0)
    accepted = handed = unsure = False
    try:
        smtp = _connect(channel, timeout, watchdog)
        try:
            if channel.username:
                smtp.login(channel.username, password or "")
            handed = True  # the session is set up: what fails now fails with the message under way
            refused = _transactions(smtp, msg, ascii_domain(parseaddr(channel.sender)[1]), to,
                                    (channel.smtp_host or "localhost", channel.smtp_port))
            accepted, unsure = True, watchdog.in_doubt  # a later transaction's data unanswered: they may have it
        finally:
            if accepted:
                watchdog.done()  # QUIT after the message was taken may take its own time
            _quit(smtp)
    except (smtplib.SMTPException, OSError) as exc:
        doubt = watchdog.in_doubt and not accepted  # it had the whole message: sent again, it says so
        again = "it may have arrived; it is sent again at the retry, marked as sent again, with the same Message-ID"
        if isinstance(exc, _Flooded):  # no reply read: given up at once, not at the budget's end
            raise NotifyError(f"SMTP server {channel.smtp_host}:{channel.smtp_port} {exc}",
                              hint=again if doubt else "the message goes again at the retry", unsure=doubt) from exc
        # the budget ran out on the data's answer (the watchdog's shut socket reads as a disconnection)
        if doubt and (watchdog.fired or not isinstance(exc, smtplib.SMTPServerDisconnected)):
            why = f"did not answer within {max(SESSION_BUDGET * timeout, watchdog.answer_wait):g} s" if watchdog.fired else \
                f"did not answer ({exc or type(exc).__name__})"
            if isinstance(exc, smtplib.SMTPResponseException) and not watchdog.fired:
                said = f"'{_smtp_reply(exc)}'" if exc.smtp_code > 0 else "a line that is no SMTP reply"
                why = f"answered {said}, neither 250 (taken) nor a refusal"
            raise NotifyError(f"SMTP server {channel.smtp_host}:{channel.smtp_port} took the message but {why}",
                              hint=again, unsure=True) from exc
        if watchdog.given_back and not accepted and not doubt:
            raise NotifyError(f"SMTP session with {channel.smtp_host}:{channel.smtp_port} ended by a signal before "
                              "the email left", hint="it goes at the next run, as it is") from exc
        if watchdog.fired and not accepted:
            raise NotifyError(f"SMTP server {channel.smtp_host}:{channel.smtp_port} did not finish the session "
                              f"within {SESSION_BUDGET * timeout:g} s",
                              hint="the server is stalling (a tarpit?); the message will be retried", silent=True) from exc
        if handed and isinstance(exc, smtplib.SMTPServerDisconnected):  # not `security` or the port: they worked
            when = "after the message's data, before saying it had it" if doubt else "before taking the message"
            raise NotifyError(f"SMTP server {channel.smtp_host}:{channel.smtp_port} closed the connection {when}: "
                              f"{exc}", hint=again if doubt else "it goes again at the retry", unsure=doubt) from exc
        err = _smtp_error(exc, channel)
        quiet = (TimeoutError, socket.timeout, ConnectionError)  # smtplib says a timeout as a disconnection
        err.silent = not accepted and (isinstance(exc, quiet) or isinstance(exc.__context__, quiet))
        raise err from exc
    finally:
        watchdog.done()
    line, later = _email_summary(channel, to, refused), _deferred(refused)
    if later:  # the others have it: only these wait for the retry
        raise NotifyError(line, hint="it goes again at the retry, to them only" + (
            ", marked as sent again (they may have it)" if unsure else ""), waiting=tuple(later), unsure=unsure,
            took=tuple(a for a in to if a not in refused))
    return line


def wire_size(msg: EmailMessage) -> int:
    """`msg`'s bytes as SMTP carries them (and a server's SIZE counts them): lines end in CRLF."""
    return len(msg.as_bytes(policy=msg.policy.clone(linesep="\r\n")))


def _transactions(smtp: smtplib.SMTP, msg: EmailMessage, sender: str, to: list[str],
                  server: tuple[str, int]) -> dict[str, Any]:
    """Send `msg` to `to`; returns the refused recipients with their answers. Those a transaction
    deferred (a 4xx: "too many recipients", greylisting) go in a new transaction while that takes
    more of them, as RFC 5321 asks; the ones still deferred are for a later retry. A message
    larger than the server's SIZE is not offered (RFC 1870): it is refused here, as the server
    would, and the limit kept for the next plans (`ANNOUNCED`)."""
    refused: dict[str, Any] = {}
    left, where = to, f"{server[0]}:{server[1]}"
    smtp.ehlo_or_helo_if_needed()
    if limit := _announced(smtp):
        ANNOUNCED[server] = limit
        if limit < (size := wire_size(msg)):
            raise NotifyError(f"{where} takes emails of at most {limit} bytes (its SIZE): this one ({size} bytes) is "
                              "too large, and not offered", hint="its stories go again as smaller emails; if one story alone is "
                              "too large, raise the server's message size limit", too_large=limit, size=size)
    else:
        ANNOUNCED.pop(server, None)
    if not smtp.has_extn("smtputf8") and not all(a.isascii() for a in (sender, *to)):
        # A mailbox name in Chinese (张三@…) needs SMTPUTF8: the others still get the message.
        left = [r for r in to if r.isascii()]
        if not sender.isascii() or not left:
            names = ", ".join(_unicode_domain(a) for a in (sender, *to) if not a.isascii())
            raise NotifyError(f"{where} cannot take {names}: a mailbox name that is not ASCII needs SMTPUTF8, "
                              "which this server does not offer",
                              hint="give it an ASCII address, or send through a server that offers SMTPUTF8")
        refused = {r: (553, b"5.6.7 not ASCII, and the server does not offer SMTPUTF8") for r in to if r not in left}
    first = True
    while left:
        try:
            answer = _full_for_now(smtp.send_message(msg, from_addr=sender, to_addrs=left))
        except smtplib.SMTPRecipientsRefused as exc:
            exc.recipients = _full_for_now(exc.recipients)
            _ended_at_rcpt(exc, left)
            if first:  # nobody has it: the caller's error says why
                raise
            refused.update(exc.recipients)
            break
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
            if first and _too_large(exc):  # not the sender's address: the message's size (SIZE, or after the data)
                raise _size_error(smtp, msg, where, exc) from exc
            if first:
                raise
            refused.update(_failed_later(exc, left))  # the size the first took: a 552 is these mailboxes' (full)
            break
        except (smtplib.SMTPException, OSError) as exc:
            if first:
                raise
            refused.update(_failed_later(exc, left))  # the session is gone: the retry is for these alone
            break
        first = False
        refused.update(answer)
        later = _deferred(answer)
        if not later or len(later) == len(left):
            break
        for r in later:
            del refused[r]
        left = later
    return refused


def _full_for_now(answers: dict[str, Any]) -> dict[str, Any]:
    """RCPT answers, a 552 (a mailbox over its quota) read as the 452 it should have been, as RFC
    5321 (4.5.3.1.10) asks of clients: that recipient is put off to the retry, not refused for
    good (it lost the digest, though the mailbox took mail again once emptied)."""
    return {r: (452, f"(read as 452) {_reply(code, text)}") if code == 552 else (code, text)
            for r, (code, text) in answers.items()}


def _ended_at_rcpt(exc: smtplib.SMTPRecipientsRefused, left: list[str]) -> None:
    """A 421 to one RCPT ends the session there (smtplib closes it and names only the refused so
    far): nobody of the transaction has the message, neither those taken before (a 250 each) nor
    those never asked. Each of `left` the exception leaves out is put off to the retry too."""
    if len(exc.recipients) < len(left) and any(code == 421 for code, _ in exc.recipients.values()):
        for r in left:
            exc.recipients.setdefault(r, (421, b"4.4.2 not taken: the server ended the session at another recipient"))


def _failed_later(exc: BaseException, left: list[str]) -> dict[str, tuple[int, str]]:
    """`left`'s answers when a transaction after the first failed: the first's recipients have the
    email, and a retry to all would give it them twice. A refusal (5xx) is theirs for good; anything
    else (a 4xx, the connection lost or stalled) puts them off to the retry, for them alone."""
    if isinstance(exc, smtplib.SMTPResponseException) and 400 <= exc.smtp_code < 600:
        answer = (exc.smtp_code, _smtp_reply(exc).removeprefix(f"{exc.smtp_code} "))
    else:
        answer = (451, f"its transaction failed: {exc or type(exc).__name__}")
    return dict.fromkeys(left, answer)


def _too_large(exc: smtplib.SMTPResponseException) -> bool:
    """A refusal for the message's size: 552 to MAIL FROM with SIZE or to the data, or any 5xx
    with the enhanced status 5.3.4 ("message too big for system")."""
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
    return exc.smtp_code == 552 or (500 <= exc.smtp_code < 600 and "5.3.4" in text)


def _size_error(smtp: smtplib.SMTP, msg: EmailMessage, where: str, exc: smtplib.SMTPResponseException) -> NotifyError:
    """The refusal as an error carrying the most the server takes: its announced SIZE, else half
    of this message (a smaller one is tried, and halved again if refused again)."""
    size, limit = wire_size(msg), _announced(smtp)
    most = f"it takes at most {limit} bytes" if 0 < limit < size else "it did not say how large it takes"
    return NotifyError(f"{where} refused the email as too large ({size} bytes; {most}): {_smtp_reply(exc)}",
                       hint="its stories go again as smaller emails; if one story alone is too large, raise "
                            "the server's message size limit", too_large=limit if 0 < limit < size else size // 2, size=size)


def _announced(smtp: smtplib.SMTP) -> int:
    """The server's SIZE from its EHLO answer; 0 when it gave none, or none that is a limit."""
    try:
        return max(0, int(smtp.esmtp_features.get("size") or 0))
    except ValueError:
        return 0


def _deferred(refused: dict[str, Any]) -> list[str]:
    """The recipients a server put off (4xx) rather than refused for good (5xx)."""
    return [r for r, (code, _) in refused.items() if 400 <= code < 500]


def _email_summary(channel: Channel, to: list[str], refused: dict[str, Any]) -> str:
    n = len(to) - len(refused)
    tls = f" ({channel.security})" if channel.security != "none" else ""
    where = f"{channel.smtp_host}:{channel.smtp_port}{tls}"
    whom = f"{n} of {len(to)} recipients" if refused else f"{n} recipient{'' if n == 1 else 's'}"
    line = f"email to {whom} via {where}"
    later = _deferred(refused)
    if later:
        line += "; deferred: " + _answered(refused, later)
    final = sorted(set(refused) - set(later))
    return line + (f"; refused: {', '.join(map(_unicode_domain, final))}" if final else "")


def _answered(refused: dict[str, Any], whom: list[str]) -> str:
    """`desk@example.org (450 4.7.1 Greylisted …)`, for each of `whom`."""
    return ", ".join(f"{r} ({_reply(*refused[r])})" for r in whom)


def _smtp_error(exc: BaseException, channel: Channel) -> NotifyError:
    """A library or socket error as one line naming the server, with what to check."""
    where = f"{channel.smtp_host}:{channel.smtp_port}"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return NotifyError(f"SMTP login as {channel.username} refused by {where}: {_smtp_reply(exc)}",
                           hint=f"check username and the password in ${channel.password_env}")
    if isinstance(exc, smtplib.SMTPNotSupportedError) and "STARTTLS" in str(exc).upper():
        return NotifyError(f"{where} does not support STARTTLS (it offers none; security = \"starttls\"): the email "
                           "was not sent unencrypted; it goes again at the retry",
                           hint='check smtp_port (STARTTLS is usually on 587), or set security = "ssl" for port 465; '
                                '"none" sends in the clear')
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return NotifyError(f"{where} does not support what we asked: {exc}",
                           hint="check `security` (AUTH is often offered only after starttls)")
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        later = _deferred(exc.recipients)
        if later:  # greylisting, a full mailbox: the server asks to be tried again
            return NotifyError(f"{where} deferred {_answered(exc.recipients, later)}",
                               hint="the server asked to try again later; it will be", waiting=tuple(later))
        return NotifyError(f"{where} refused every recipient: {', '.join(exc.recipients)}", hint="check `to`")
    if isinstance(exc, smtplib.SMTPResponseException) and 400 <= exc.smtp_code < 500:  # a busy server, a limit
        return NotifyError(f"{where} put the message off: {_smtp_reply(exc)}",
                           hint="a passing refusal; the message goes again at the retry")
    if isinstance(exc, smtplib.SMTPSenderRefused) and exc.smtp_code == 530:  # RFC 4954: no mail before a login
        if "tls" in _smtp_reply(exc).lower():  # RFC 3207: nor before STARTTLS
            return NotifyError(f"{where} takes mail only over TLS: {_smtp_reply(exc)}",
                               hint='set security = "starttls" (port 587 or 25) or "ssl" (port 465)')
        return NotifyError(f"{where} takes mail only after a login: {_smtp_reply(exc)}",
                           hint="set the channel's username and password_env" if not channel.username else
                           "check `security`: some servers keep AUTH for starttls or ssl")
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return NotifyError(f"{where} refused sender {channel.sender}: {_smtp_reply(exc)}",
                           hint="check `from`; many servers only accept the login's own address")
    if isinstance(exc, smtplib.SMTPResponseException):
        return NotifyError(f"{where} answered {_smtp_reply(exc)}", hint="see the server's message")
    if isinstance(exc, ssl.SSLError):
        return NotifyError(f"TLS with {where} failed: {exc.reason or exc}",
                           hint="ssl usually means port 465 and starttls port 587; is the certificate valid?")
    if isinstance(exc, socket.gaierror):
        return NotifyError(f"unknown SMTP host {channel.smtp_host!r}", hint="check smtp_host")
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return NotifyError(f"SMTP server {where} timed out", hint="check smtp_host/smtp_port and the firewall")
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return NotifyError(f"SMTP server {where} closed the connection: {exc}",
                           hint="check `security` and smtp_port (ssl usually 465, starttls 587, none 25)")
    if isinstance(exc, smtplib.SMTPException):
        return NotifyError(f"SMTP with {where} failed: {exc}", hint="check `security`, username and password_env")
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
    return NotifyError(f"cannot send via SMTP {where}: {reason}",
                       hint="check smtp_host/smtp_port; is the server reachable?")


def _smtp_reply(exc: smtplib.SMTPResponseException) -> str:
    return _reply(exc.smtp_code, exc.smtp_error)


def _reply(code: int, text: bytes | str) -> str:
    """A server's answer as one line: its code and text, a reply of several lines (smtplib joins
    them with newlines) folded (`quoted.one_line`): the error is one line of a log, of `monitor
    digest`'s output and of its JSON."""
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return one_line(f"{code} {text}")
