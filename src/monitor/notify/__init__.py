"""Delivery: send one rendered message through one `Channel` — email (SMTP), webhook, file or stdout.

In: a `Channel` from config and an `Outgoing` (a message planned by `digest.plan`). Out: a
one-line description of what was delivered, or `NotifyError(message, hint)`. With `fetch`, the
only package that opens sockets. Never renders or decides what goes into a message, never
records a delivery (the caller does, after we return), and never prints a webhook URL: it
carries tokens. Every send of one message carries its idempotency key (`Outgoing.key`): the
webhook headers `Idempotency-Key` and `X-Monitor-Message-Id`, the email's Message-ID; one sent
again after a try whose outcome nobody knows (`Outgoing.resend`) also `X-Monitor-Resend: 1`, and
an error for such a try says so (`NotifyError.unsure`).

- `smtp`: email; `webhook`: HTTP POST per platform, signing, retries; `local`: file and stdout.
"""

from __future__ import annotations

import sys
import threading
from typing import TextIO

from ..config import Channel
from ..errors import NotifyError
from ..models import Outgoing
from .local import file_path, send_file, send_stdout
from .secrets import env
from .smtp import build_email, send_email
from .webhook import (
    POLICY,
    USER_AGENT,
    body_signature,
    build_request,
    dingtalk_sign,
    feishu_sign,
    send_webhook,
)

__all__ = ["POLICY", "USER_AGENT", "body_signature", "build_email", "build_request", "dingtalk_sign", "env",
           "feishu_sign", "file_path", "send"]


def send(channel: Channel, message: Outgoing, *, out: TextIO | None = None, timeout: float = 20.0,
         stop: threading.Event | None = None) -> str:
    """Deliver `message` through `channel`; return one line saying what was delivered. `stop` set
    (a SIGTERM) ends a webhook's waits between tries, and a mail session before its email's data has
    all gone: the message goes at the next run."""
    if message.problem:
        raise NotifyError(f"{channel.kind} channel: {message.problem}", hint="fix the channel's format in the config")
    if channel.kind == "email":
        return send_email(channel, message, timeout, stop)
    if channel.kind == "webhook":
        return send_webhook(channel, message, timeout, stop)
    if channel.kind == "file":
        return send_file(channel, message)
    if channel.kind == "stdout":
        return send_stdout(channel, message, out or sys.stdout)
    raise NotifyError(f"unknown channel kind {channel.kind!r}", hint="use email, webhook, file or stdout")
