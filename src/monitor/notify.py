"""Delivery: send one rendered digest through one `Channel` — email (SMTP), webhook, file or stdout.

In: a `Channel` from config and an `Outgoing` (a digest rendered by `digest.outgoing`). Out: a
one-line description of what was delivered, or `NotifyError(message, hint)`. The only module
besides `fetch` that opens sockets. Never renders or decides what goes into a digest, never
records a delivery (the caller does, after we return), and never prints a webhook URL: it
carries tokens.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import smtplib
import socket
import ssl
import sys
import tempfile
import time
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

import httpx

from . import __version__
from .config import Channel
from .errors import NotifyError
from .models import Outgoing
from .retry import RetryPolicy

TZ = ZoneInfo("Asia/Shanghai")

USER_AGENT = f"monitor/{__version__} (digest delivery)"
# Transient failures only, backoff 1-2-4 s with jitter; a receiver asking (Retry-After) for more
# than 30 s gets its answer at the next run. The policy itself is shared with fetch (retry.py).
POLICY = RetryPolicy(retries=3, base=1.0, max_backoff=4.0, retry_after_cap=30.0)


def send(channel: Channel, message: Outgoing, *, out: TextIO | None = None, timeout: float = 20.0) -> str:
    """Deliver `message` through `channel`; return one line saying what was delivered."""
    if message.problem:
        raise NotifyError(f"{channel.kind} channel: {message.problem}", hint="fix the channel's format in the config")
    if channel.kind == "email":
        return _send_email(channel, message, timeout)
    if channel.kind == "webhook":
        return _send_webhook(channel, message, timeout)
    if channel.kind == "file":
        return _send_file(channel, message)
    if channel.kind == "stdout":
        return _send_stdout(channel, message, out or sys.stdout)
    raise NotifyError(f"unknown channel kind {channel.kind!r}", hint="use email, webhook, file or stdout")


def _env(name: str | None, what: str) -> str | None:
    """The secret held by environment variable `name`; None when no variable is configured."""
    if not name:
        return None
    value = os.environ.get(name)
    if not value:
        raise NotifyError(f"environment variable {name} is not set", hint=f"export {name} with the {what}")
    return value


# ---------------------------------------------------------------- email

def build_email(channel: Channel, message: Outgoing) -> EmailMessage:
    """The message: UTF-8 headers, multipart/alternative with the text and HTML renderings."""
    msg = EmailMessage()
    msg["Subject"] = message.subject
    msg["From"] = channel.sender
    msg["To"] = ", ".join(channel.to)
    msg["Date"] = format_datetime(datetime.now(TZ))
    domain = parseaddr(channel.sender or "")[1].rpartition("@")[2]
    # An explicit domain: make_msgid's default asks DNS for our FQDN, which can hang for seconds.
    msg["Message-ID"] = make_msgid(idstring=message.digest_id[:12], domain=domain or "monitor.invalid")
    msg["X-Monitor-Digest-Id"] = message.digest_id
    # base64, not 8bit: relays without 8BITMIME mangle raw UTF-8, and Chinese is shorter than in QP.
    msg.set_content(message.text or "", cte="base64")
    msg.add_alternative(message.html or "", subtype="html", cte="base64")
    return msg


def _connect(channel: Channel, timeout: float) -> smtplib.SMTP:
    context = ssl.create_default_context()
    if channel.security == "ssl":
        return smtplib.SMTP_SSL(channel.smtp_host, channel.smtp_port, timeout=timeout, context=context)
    smtp = smtplib.SMTP(channel.smtp_host, channel.smtp_port, timeout=timeout)
    if channel.security == "starttls":
        try:
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


def _send_email(channel: Channel, message: Outgoing, timeout: float) -> str:
    if not channel.sender or not channel.to:
        raise NotifyError("email channel needs `from` and `to`", hint='e.g. from = "monitor@example.org"')
    if channel.username and not channel.password_env:
        raise NotifyError(f"email channel logs in as {channel.username} but has no password_env",
                          hint='set password_env = "MONITOR_SMTP_PASSWORD" and export that variable')
    password = _env(channel.password_env, "SMTP password") if channel.username else None
    msg = build_email(channel, message)
    try:
        smtp = _connect(channel, timeout)
        try:
            if channel.username:
                smtp.login(channel.username, password or "")
            refused = smtp.send_message(msg, from_addr=parseaddr(channel.sender)[1], to_addrs=list(channel.to))
        finally:
            _quit(smtp)
    except (smtplib.SMTPException, OSError) as exc:
        raise _smtp_error(exc, channel) from exc
    return _email_summary(channel, refused)


def _email_summary(channel: Channel, refused: dict[str, Any]) -> str:
    n = len(channel.to) - len(refused)
    tls = f" ({channel.security})" if channel.security != "none" else ""
    where = f"{channel.smtp_host}:{channel.smtp_port}{tls}"
    line = f"email to {n} recipient{'' if n == 1 else 's'} via {where}"
    return line + (f"; refused: {', '.join(sorted(refused))}" if refused else "")


def _smtp_error(exc: BaseException, channel: Channel) -> NotifyError:
    """A library or socket error as one line naming the server, with what to check."""
    where = f"{channel.smtp_host}:{channel.smtp_port}"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return NotifyError(f"SMTP login as {channel.username} refused by {where}: {_smtp_reply(exc)}",
                           hint=f"check username and the password in ${channel.password_env}")
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return NotifyError(f"{where} does not support what we asked: {exc}",
                           hint="check `security` (AUTH is often offered only after starttls)")
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return NotifyError(f"{where} refused every recipient: {', '.join(exc.recipients)}", hint="check `to`")
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
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
    return f"{exc.smtp_code} {text}".strip()


# ---------------------------------------------------------------- webhook

def dingtalk_sign(timestamp: str, secret: str) -> str:
    """DingTalk's signature: base64(HMAC-SHA256(key=secret, msg="timestamp\\nsecret")); timestamp in ms."""
    digest = hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def feishu_sign(timestamp: str, secret: str) -> str:
    """Feishu's signature: base64(HMAC-SHA256(key="timestamp\\nsecret", msg=b"")); timestamp in s."""
    digest = hmac.new(f"{timestamp}\n{secret}".encode(), b"", hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def body_signature(body: bytes, secret: str) -> str:
    """Our own `X-Monitor-Signature` value: `sha256=` + hex HMAC-SHA256 of the exact body bytes."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def build_request(channel: Channel, message: Outgoing, secret: str | None,
                  now: float | None = None) -> tuple[httpx.URL, bytes, dict[str, str]]:
    """URL, body bytes and headers of the webhook POST, signed when a secret is given."""
    if message.payload is None:
        raise ValueError(f"no {channel.format} payload was rendered for this webhook")
    payload = message.payload
    url, now = httpx.URL(channel.url or ""), time.time() if now is None else now
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT,
               "X-Monitor-Digest-Id": message.digest_id}
    if secret and channel.format == "dingtalk":
        ts = str(int(now * 1000))
        url = url.copy_merge_params({"timestamp": ts, "sign": dingtalk_sign(ts, secret)})
    elif secret and channel.format == "feishu":
        ts = str(int(now))
        payload = {"timestamp": ts, "sign": feishu_sign(ts, secret), **payload}
    # We sign the bytes we send, so serialise once here rather than letting httpx do it.
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    if secret and channel.format not in ("dingtalk", "feishu"):
        headers["X-Monitor-Signature"] = body_signature(body, secret)
    return url, body, headers


def _send_webhook(channel: Channel, message: Outgoing, timeout: float) -> str:
    try:
        host = httpx.URL(channel.url or "").host
    except httpx.InvalidURL:
        host = ""
    if not host or not re.match(r"^https?://", channel.url or ""):
        raise NotifyError("webhook channel needs a valid http(s) url", hint="the webhook's full URL")
    secret = _env(channel.secret_env, "webhook signing secret")
    try:
        url, body, headers = build_request(channel, message, secret)
    except ValueError as exc:  # an unknown format
        raise NotifyError(f"webhook to {host}: {exc}") from exc
    with httpx.Client(timeout=timeout, follow_redirects=False) as client:
        response, attempts = _post(client, url, body, headers, host)
    _check(channel.format, response, host, attempts)
    again = f", {attempts} attempts" if attempts > 1 else ""
    return f"webhook {channel.format} to {host} (HTTP {response.status_code}{again})"


def _post(client: httpx.Client, url: httpx.URL, body: bytes, headers: dict[str, str],
          host: str) -> tuple[httpx.Response, int]:
    """POST with retries on connect/read failures, 408/429/5xx; returns the last response."""
    retries = POLICY.retries
    for attempt in range(retries + 1):
        try:
            response = client.post(url, content=body, headers=headers)
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            raise NotifyError(f"webhook to {host}: {exc}", hint="check the webhook url") from exc
        except httpx.TransportError as exc:
            if attempt == retries:
                why = f"{type(exc).__name__}: {exc}"
                raise NotifyError(f"webhook to {host} failed after {attempt + 1} attempts: {why}",
                                  hint="is the receiver reachable? check the url and any proxy settings") from exc
            time.sleep(POLICY.backoff(attempt))
            continue
        if not POLICY.transient(response.status_code) or attempt == retries:
            return response, attempt + 1
        delay = POLICY.delay(attempt, response.headers.get("Retry-After"))
        if delay is None:  # asked to wait past the cap: report it now, the next run retries
            return response, attempt + 1
        time.sleep(delay)
    raise AssertionError("unreachable")  # the loop always returns or raises


_HINTS = {
    400: "the receiver rejected the payload; check `format`",
    401: "check the url's token and secret_env",
    403: "check the url's token, secret_env and the bot's IP/keyword settings",
    404: "check the webhook url",
    413: "the digest is too large for this receiver; lower max_stories",
    429: "rate-limited; it will go at the next run",
}


def _check(fmt: str, response: httpx.Response, host: str, attempts: int) -> None:
    """Raise NotifyError unless the receiver accepted the message."""
    tries = f" after {attempts} attempts" if attempts > 1 else ""
    if not response.is_success:
        hint = _HINTS.get(response.status_code, "the receiver is failing; the digest will be retried at the next run"
                          if response.status_code >= 500 else "see the receiver's answer")
        raise NotifyError(f"webhook to {host} answered HTTP {response.status_code}{tries}: {_excerpt(response)}",
                          hint=hint)
    problem = _platform_error(fmt, response)
    if problem:
        raise NotifyError(f"{fmt} webhook at {host} refused the message: {problem}",
                          hint="check the url, secret_env (signature) and the bot's keyword/IP settings")


def _platform_error(fmt: str, response: httpx.Response) -> str | None:
    # DingTalk, WeCom and Feishu answer HTTP 200 with an error code in the body.
    if fmt not in ("dingtalk", "wecom", "feishu"):
        return None
    try:
        data = response.json()
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    code = data.get("errcode", data.get("code", data.get("StatusCode", 0)))
    if not code:
        return None
    return f"{code} {data.get('errmsg') or data.get('msg') or data.get('StatusMessage') or ''}".strip()


def _excerpt(response: httpx.Response) -> str:
    text = " ".join(response.text.split())
    return (text[:200] + "…") if len(text) > 200 else text or "(empty body)"


# ---------------------------------------------------------------- file and stdout

def _text(channel: Channel, message: Outgoing) -> str:
    if message.text is None:
        raise NotifyError(f"{channel.kind} channel has no {message.format!r} rendering",
                          hint="use text, markdown, html or json")
    return message.text


def _stories(n: int) -> str:
    return f"{n} stor{'y' if n == 1 else 'ies'}"


def file_path(channel: Channel, message: Outgoing) -> Path:
    """`channel.path` with {subscriber} and {date} (Asia/Shanghai YYYY-MM-DD) filled in."""
    # A subscriber name must not walk the path: keep letters (Chinese too), digits, . and -.
    name = re.sub(r"[^\w.-]+", "_", message.subscriber).strip(".") or "subscriber"
    path = (channel.path or "").replace("{subscriber}", name).replace("{date}", message.day)
    return Path(path).expanduser()


def _atomic_write(path: Path, text: str) -> None:
    """Write via a temp file in the same directory and rename, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _send_file(channel: Channel, message: Outgoing) -> str:
    if not channel.path:
        raise NotifyError("file channel needs a path", hint='e.g. path = "digests/{subscriber}-{date}.txt"')
    path, text = file_path(channel, message), _text(channel, message)
    try:
        _atomic_write(path, text)
    except OSError as exc:
        raise NotifyError(f"cannot write {path}: {exc.strerror or exc}",
                          hint="check the channel's path and the directory's permissions") from exc
    return f"file {path} ({len(text.encode())} bytes, {_stories(message.stories)})"


def _send_stdout(channel: Channel, message: Outgoing, out: TextIO) -> str:
    fmt, text = message.format, _text(channel, message)
    try:
        out.write(text)
        out.flush()
    except OSError as exc:  # e.g. a closed pipe
        raise NotifyError(f"cannot write the digest to stdout: {exc.strerror or exc}") from exc
    return f"stdout ({fmt}, {_stories(message.stories)})"
